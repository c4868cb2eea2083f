// National statistics for the analyst: incidents across forces by force, week, channel, level, offence
// category, who was targeted and protected characteristic; one or two at a time, over whole weeks, for
// all forces or one. Tables with "<5" where a count is small, a chart (Chart.js, loaded only here), the
// note on how small numbers are protected, and the same figures as CSV.
import { useMemo, useRef, useState, type FormEvent } from "react";
import { ApiError, apiFile, errorMessage, saveFile } from "../../api.ts";
import { BarChart, type ChartSeries } from "../../components/charts/BarChart.tsx";
import { SelectField } from "../../components/forms/Field.tsx";
import { formatDateTime } from "../../components/incidents/time.ts";
import { Notice, Page } from "../../components/Page.tsx";
import { isForbidden, useResource } from "../../components/useResource.ts";
import "../incidents.css";
import "../../components/police/police.css";

type Figure = number | "<5";

interface Key {
  key: string;
  label: string;
}

interface Catalogue {
  views: { name: string; dimensions: string[] }[];
  dimensions: { name: string; label: string; multiValued: boolean; keys: Key[] | null }[];
  calendar: {
    weeks: { week: string; starts: string; label: string }[];
    first: string;
    last: string;
    defaultRange: string;
    rules: string;
  };
  note: string;
}

interface SumOfFigures {
  sum: number;
  under5: number;
  min: number;
  max: number;
}

interface Stats {
  view: string;
  dimensions: { name: string; label: string; multiValued: boolean; keys: Key[] }[];
  weeks: { range: string; from: string; to: string; count: number };
  force: Key | null;
  rows: { keys: Record<string, string>; count: Figure }[];
  totals: { all: SumOfFigures | null; by: Partial<Record<string, (SumOfFigures & { key: string })[]>> };
  note: string;
  generatedAt: string;
}

interface Query {
  view: string;
  weeks: string;
  force: string;
}

const queryString = (q: Query, format?: "csv") =>
  new URLSearchParams({
    view: q.view,
    weeks: q.weeks,
    ...(q.force ? { force: q.force } : {}),
    ...(format ? { format } : {}),
  }).toString();

/** A figure in a table: "<5" stays as it is, said in words to screen readers. */
function FigureCell({ figure }: { figure: Figure | undefined }) {
  if (figure === undefined) return <>–</>;
  if (figure === "<5")
    return (
      <span className="suppressed">
        <span aria-hidden="true">&lt;5</span>
        <span className="visually-hidden">fewer than 5</span>
      </span>
    );
  return <strong>{figure.toLocaleString("en-GB")}</strong>;
}

/** A total summed from the figures shown: the true total lies between min and max. */
function TotalCell({ total }: { total: SumOfFigures | undefined }) {
  if (!total) return <>–</>;
  if (total.under5 === 0) return <>{total.sum.toLocaleString("en-GB")}</>;
  return (
    <>
      {total.sum.toLocaleString("en-GB")}
      <span className="meta">
        {" "}
        ({total.min.toLocaleString("en-GB")}–{total.max.toLocaleString("en-GB")})
      </span>
    </>
  );
}

const chartValue = (f: Figure | undefined) => (typeof f === "number" ? f : null);
const MAX_SERIES = 8;

function StatsTable({ stats, hideSmall }: { stats: Stats; hideSmall: boolean }) {
  const dims = stats.dimensions;
  const caption = `Incidents ${dims.length === 0 ? "in total" : `by ${dims.map((d) => d.label.toLowerCase()).join(" and ")}`}, ${stats.weeks.range}${stats.force ? `, ${stats.force.label}` : ", all forces"}`;

  if (dims.length === 0) {
    const figure = stats.rows[0]?.count;
    return (
      <p className="big-figure">
        Incidents: <strong>{figure === "<5" ? "fewer than 5" : <FigureCell figure={figure} />}</strong>
      </p>
    );
  }

  if (dims.length === 1) {
    const [d] = dims as [Stats["dimensions"][number]];
    const byKey = new Map(stats.rows.map((r) => [r.keys[d.name]!, r.count]));
    const keys = d.keys.filter((k) => !hideSmall || byKey.get(k.key) !== "<5");
    return (
      <div className="table-scroll" role="region" aria-label={caption} tabIndex={0}>
        <table className="staff-table">
          <caption>{caption}</caption>
          <thead>
            <tr>
              <th scope="col">{d.label}</th>
              <th scope="col" className="number">
                Incidents
              </th>
            </tr>
          </thead>
          <tbody>
            {keys.map((k) => (
              <tr key={k.key}>
                <th scope="row">{k.label}</th>
                <td className="number">
                  <FigureCell figure={byKey.get(k.key)} />
                </td>
              </tr>
            ))}
          </tbody>
          {stats.totals.all ? (
            <tfoot>
              <tr>
                <th scope="row">Total of the figures</th>
                <td className="number">
                  <TotalCell total={stats.totals.all} />
                </td>
              </tr>
            </tfoot>
          ) : null}
        </table>
      </div>
    );
  }

  // Two dimensions: the one with fewer keys across, so the table stays as narrow as it can.
  const [a, b] = dims as [Stats["dimensions"][number], Stats["dimensions"][number]];
  const [rowDim, colDim] = a.keys.length >= b.keys.length ? [a, b] : [b, a];
  const figure = new Map(
    stats.rows.map((r) => [`${r.keys[rowDim.name]}\u0000${r.keys[colDim.name]}`, r.count]),
  );
  const rowTotals = new Map((stats.totals.by[rowDim.name] ?? []).map((t) => [t.key, t]));
  const colTotals = new Map((stats.totals.by[colDim.name] ?? []).map((t) => [t.key, t]));
  const rows = rowDim.keys.filter(
    (r) => !hideSmall || colDim.keys.some((c) => figure.get(`${r.key}\u0000${c.key}`) !== "<5"),
  );
  return (
    <div className="table-scroll" role="region" aria-label={caption} tabIndex={0}>
      <table className="staff-table cross-table">
        <caption>{caption}</caption>
        <thead>
          <tr>
            <th scope="col">
              {rowDim.label} <span className="meta">by {colDim.label.toLowerCase()}</span>
            </th>
            {colDim.keys.map((c) => (
              <th key={c.key} scope="col" className="number">
                {c.label}
              </th>
            ))}
            {rowTotals.size > 0 ? (
              <th scope="col" className="number">
                Total
              </th>
            ) : null}
          </tr>
        </thead>
        <tbody>
          {rows.map((r) => (
            <tr key={r.key}>
              <th scope="row">{r.label}</th>
              {colDim.keys.map((c) => (
                <td key={c.key} className="number">
                  <FigureCell figure={figure.get(`${r.key}\u0000${c.key}`)} />
                </td>
              ))}
              {rowTotals.size > 0 ? (
                <td className="number">
                  <TotalCell total={rowTotals.get(r.key)} />
                </td>
              ) : null}
            </tr>
          ))}
        </tbody>
        {colTotals.size > 0 ? (
          <tfoot>
            <tr>
              <th scope="row">Total</th>
              {colDim.keys.map((c) => (
                <td key={c.key} className="number">
                  <TotalCell total={colTotals.get(c.key)} />
                </td>
              ))}
              {rowTotals.size > 0 ? (
                <td className="number">{stats.totals.all ? <TotalCell total={stats.totals.all} /> : "–"}</td>
              ) : null}
            </tr>
          </tfoot>
        ) : null}
      </table>
    </div>
  );
}

/** The chart's data: keys whose figures are all "<5" are left out, and so are "<5" figures. */
function chartOf(stats: Stats): { labels: string[]; series: ChartSeries[]; kind: "bar" | "line" } | null {
  const dims = stats.dimensions;
  if (dims.length === 1) {
    const d = dims[0]!;
    const byKey = new Map(stats.rows.map((r) => [r.keys[d.name]!, r.count]));
    const keys = d.name === "week" ? d.keys : d.keys.filter((k) => typeof byKey.get(k.key) === "number");
    if (!keys.some((k) => typeof byKey.get(k.key) === "number")) return null;
    return {
      labels: keys.map((k) => k.label),
      series: [{ label: "Incidents", data: keys.map((k) => chartValue(byKey.get(k.key))) }],
      kind: d.name === "week" ? "line" : "bar",
    };
  }
  if (dims.length === 2) {
    const [a, b] = dims as [Stats["dimensions"][number], Stats["dimensions"][number]];
    // Weeks along the bottom when there are weeks; otherwise the dimension with more keys.
    const [xDim, sDim] =
      b.name === "week" || (a.name !== "week" && b.keys.length > a.keys.length) ? [b, a] : [a, b];
    const figure = new Map(
      stats.rows.map((r) => [`${r.keys[xDim.name]}\u0000${r.keys[sDim.name]}`, r.count]),
    );
    const shown = (x: Key, s: Key) => chartValue(figure.get(`${x.key}\u0000${s.key}`));
    const seriesKeys = sDim.keys
      .filter((s) => xDim.keys.some((x) => shown(x, s) !== null))
      .slice(0, MAX_SERIES);
    if (seriesKeys.length === 0) return null;
    const xKeys =
      xDim.name === "week"
        ? xDim.keys
        : xDim.keys.filter((x) => seriesKeys.some((s) => shown(x, s) !== null));
    return {
      labels: xKeys.map((x) => x.label),
      series: seriesKeys.map((s) => ({ label: s.label, data: xKeys.map((x) => shown(x, s)) })),
      kind: xDim.name === "week" ? "line" : "bar",
    };
  }
  return null;
}

function StatsChart({ stats }: { stats: Stats }) {
  const chart = useMemo(() => chartOf(stats), [stats]);
  if (stats.dimensions.length === 0) return null;
  if (!chart)
    return (
      <p className="meta">Every figure here is “&lt;5”, so there is nothing to draw. The table says so.</p>
    );
  const what = stats.dimensions.map((d) => d.label.toLowerCase()).join(" and ");
  return (
    <>
      <BarChart
        labels={chart.labels}
        series={chart.series}
        kind={chart.kind}
        legend={stats.dimensions.length === 2}
        description={`Chart of incidents by ${what}, ${stats.weeks.range}. The table below has the same figures.`}
      />
      <p className="meta">
        The chart leaves out figures shown as “&lt;5”
        {chart.series.length >= MAX_SERIES ? `, and shows at most ${MAX_SERIES} lines or bar colours` : ""}.
        The table has every figure.
      </p>
    </>
  );
}

const splitRange = (range: string): [string, string] => {
  const [from, to] = range.split("..");
  return [from ?? "", to ?? from ?? ""];
};

function StatsForm({
  catalogue,
  onAsk,
  errors,
}: {
  catalogue: Catalogue;
  onAsk: (q: Query) => void;
  errors: { view?: string; weeks?: string; force?: string };
}) {
  const [defaultFrom, defaultTo] = splitRange(catalogue.calendar.defaultRange);
  const [first, setFirst] = useState("force");
  const [second, setSecond] = useState("");
  const [from, setFrom] = useState(defaultFrom);
  const [to, setTo] = useState(defaultTo);
  const [force, setForce] = useState("");
  const [own, setOwn] = useState<{ second?: string; weeks?: string }>({});
  const dims = catalogue.dimensions;
  const forces = dims.find((d) => d.name === "force")?.keys ?? [];
  const weeks = [...catalogue.calendar.weeks].reverse();

  function submit(event: FormEvent) {
    event.preventDefault();
    const chosen = [first, second].filter(Boolean);
    const found: typeof own = {};
    if (first && second && first === second) found.second = "Choose a different breakdown, or none.";
    if (from > to) found.weeks = "The first week must be before the last.";
    setOwn(found);
    if (found.second) return document.getElementById("stats-second")?.focus();
    if (found.weeks) return document.getElementById("stats-from")?.focus();
    const view = catalogue.views.find(
      (v) => v.dimensions.length === chosen.length && chosen.every((c) => v.dimensions.includes(c)),
    );
    onAsk({ view: view?.name ?? chosen.join("-by-"), weeks: from === to ? from : `${from}..${to}`, force });
  }

  return (
    <form className="subform stats-form" onSubmit={submit} noValidate>
      <div className="filter-grid">
        <SelectField
          id="stats-first"
          label="Break down by"
          error={errors.view}
          value={first}
          onChange={(e) => setFirst(e.target.value)}
        >
          <option value="">Nothing: the total</option>
          {dims.map((d) => (
            <option key={d.name} value={d.name}>
              {d.label}
            </option>
          ))}
        </SelectField>
        <SelectField
          id="stats-second"
          label="And by"
          optional
          error={own.second}
          value={second}
          onChange={(e) => setSecond(e.target.value)}
        >
          <option value="">Nothing else</option>
          {dims
            .filter((d) => d.name !== first)
            .map((d) => (
              <option key={d.name} value={d.name}>
                {d.label}
              </option>
            ))}
        </SelectField>
        <SelectField
          id="stats-from"
          label="From the week"
          error={own.weeks ?? errors.weeks}
          value={from}
          onChange={(e) => setFrom(e.target.value)}
        >
          {weeks.map((w) => (
            <option key={w.week} value={w.week}>
              {w.label} ({w.week})
            </option>
          ))}
        </SelectField>
        <SelectField id="stats-to" label="To the week" value={to} onChange={(e) => setTo(e.target.value)}>
          {weeks.map((w) => (
            <option key={w.week} value={w.week}>
              {w.label} ({w.week})
            </option>
          ))}
        </SelectField>
        <SelectField
          id="stats-force"
          label="Forces"
          error={errors.force}
          value={force}
          onChange={(e) => setForce(e.target.value)}
        >
          <option value="">All forces</option>
          {forces.map((f) => (
            <option key={f.key} value={f.key}>
              {f.label}
            </option>
          ))}
        </SelectField>
      </div>
      <p className="hint">{catalogue.calendar.rules}</p>
      <div className="actions">
        <button type="submit">Show the figures</button>
      </div>
    </form>
  );
}

export default function Statistics() {
  const catalogue = useResource<Catalogue>("/api/analyst/views");
  const [query, setQuery] = useState<Query>();
  const asked = useMemo<Query | undefined>(
    () =>
      query ??
      (catalogue.data
        ? { view: "force", weeks: catalogue.data.calendar.defaultRange, force: "" }
        : undefined),
    [query, catalogue.data],
  );
  const stats = useResource<Stats>(asked ? `/api/analyst/stats?${queryString(asked)}` : null);
  const [hideSmall, setHideSmall] = useState(false);
  const [csvBusy, setCsvBusy] = useState(false);
  const [csvNews, setCsvNews] = useState<string>();
  const [csvError, setCsvError] = useState<string>();
  const results = useRef<HTMLHeadingElement>(null);

  const fieldError = (field: string) =>
    stats.error instanceof ApiError && stats.error.field === field
      ? stats.error.message.replace(/^\w+:\s*/, "").replace(/^./, (c) => c.toUpperCase())
      : undefined;
  const errors = { view: fieldError("view"), weeks: fieldError("weeks"), force: fieldError("force") };
  const otherError =
    stats.error && !Object.values(errors).some(Boolean) ? errorMessage(stats.error) : undefined;
  const shown = stats.data;

  async function downloadCsv() {
    if (!asked) return;
    setCsvBusy(true);
    setCsvError(undefined);
    try {
      const { blob, filename } = await apiFile(
        `/api/analyst/stats?${queryString(asked, "csv")}`,
        "shield-statistics.csv",
      );
      saveFile(blob, filename);
      setCsvNews(`${filename} is ready and has been handed to your browser to save.`);
    } catch (e) {
      setCsvError(errorMessage(e));
    } finally {
      setCsvBusy(false);
    }
  }

  return (
    <Page
      title="National statistics"
      intro="Incidents recorded by candidates and their teams, across forces: never a record, a name or an identifier."
    >
      <div className="incidents-ui police-ui stats-page">
        {isForbidden(catalogue.error) ? (
          <p>National statistics are for national analyst accounts.</p>
        ) : catalogue.error ? (
          <Notice kind="error">{errorMessage(catalogue.error)}</Notice>
        ) : null}
        {catalogue.loading && !catalogue.data ? (
          <p role="status" className="loading">
            Loading…
          </p>
        ) : null}

        {catalogue.data ? (
          <>
            <section aria-labelledby="protected-heading" className="protected-note">
              <h2 id="protected-heading">How small numbers are protected</h2>
              <p>{catalogue.data.note}</p>
            </section>
            <h2>Choose the figures</h2>
            <StatsForm
              catalogue={catalogue.data}
              errors={errors}
              onAsk={(q) => {
                setQuery(q);
                setCsvNews(undefined);
                setTimeout(() => results.current?.focus(), 0);
              }}
            />
          </>
        ) : null}

        {asked ? (
          <section aria-labelledby="results-heading" aria-busy={stats.loading}>
            <h2 id="results-heading" ref={results} tabIndex={-1}>
              {shown
                ? `Incidents ${shown.dimensions.length ? `by ${shown.dimensions.map((d) => d.label.toLowerCase()).join(" and ")}` : "in total"}`
                : "Figures"}
            </h2>
            <Notice kind="error">{otherError}</Notice>
            {stats.loading && !shown ? (
              <p role="status" className="loading">
                Loading the figures…
              </p>
            ) : null}
            {shown ? (
              <>
                <p className="meta">
                  {shown.weeks.range} ({shown.weeks.count} week{shown.weeks.count === 1 ? "" : "s"}),{" "}
                  {shown.force ? shown.force.label : "all forces"}. Worked out{" "}
                  {formatDateTime(shown.generatedAt)}.
                </p>
                <StatsChart stats={shown} />
                {shown.dimensions.length > 0 ? (
                  <label className="choice">
                    <input
                      type="checkbox"
                      checked={hideSmall}
                      onChange={(e) => setHideSmall(e.target.checked)}
                    />
                    Hide rows where every figure is “&lt;5”
                  </label>
                ) : null}
                <StatsTable stats={shown} hideSmall={hideSmall} />
                {shown.note !== catalogue.data?.note ? <p className="meta">{shown.note}</p> : null}
                <div className="actions">
                  <button
                    type="button"
                    className="secondary"
                    disabled={csvBusy}
                    onClick={() => void downloadCsv()}
                  >
                    {csvBusy ? "Making the CSV…" : "Download these figures (CSV)"}
                  </button>
                </div>
                <Notice kind="status">{csvNews}</Notice>
                <Notice kind="error">{csvError}</Notice>
              </>
            ) : null}
          </section>
        ) : null}
      </div>
    </Page>
  );
}
