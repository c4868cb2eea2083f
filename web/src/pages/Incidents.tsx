// The campaign's incidents as a timeline, newest first: search the titles, filter by channel, advice,
// dates and person, and load older ones page by page. Filters live in the address, so Back returns here
// with them still applied.
import { useEffect, useMemo, useState, type FormEvent } from "react";
import { Link, useSearchParams } from "wouter";
import { api, errorMessage } from "../api.ts";
import { ChannelSelect, CodeSelect } from "../components/forms/CodeSelect.tsx";
import { SelectField, TextField } from "../components/forms/Field.tsx";
import { IncidentRow } from "../components/incidents/IncidentRow.tsx";
import { plural } from "../components/labels.ts";
import { endOfLondonDay, formatDay, fromLondonInput, londonDayKey } from "../components/incidents/time.ts";
import type { Actor, IncidentListItem, IncidentPage } from "../components/incidents/types.ts";
import { LEVEL_LABEL } from "../components/levels.ts";
import { Notice, Page } from "../components/Page.tsx";
import { useResource } from "../components/useResource.ts";
import { useCampaign } from "../session.tsx";
import type { Channel, VerdictLevel } from "../types.ts";
import { CHANNELS } from "../../../src/core/incident/model.ts";
import "./incidents.css";

const PAGE_SIZE = 50;
const LEVELS = Object.keys(LEVEL_LABEL) as VerdictLevel[];

interface Filters {
  channel: string;
  verdict: string;
  from: string;
  to: string;
  actor: string;
}
const NO_FILTERS: Filters = { channel: "", verdict: "", from: "", to: "", actor: "" };
const FILTER_KEYS = Object.keys(NO_FILTERS) as (keyof Filters)[];

function filtersOf(params: URLSearchParams): Filters {
  const get = (key: string) => params.get(key) ?? "";
  return {
    channel: get("channel"),
    verdict: get("verdict"),
    from: get("from"),
    to: get("to"),
    actor: get("actor"),
  };
}

/** The API's query for these filters (the title search is done here, on the loaded incidents). */
function queryOf(filters: Filters): string {
  const q = new URLSearchParams({ limit: String(PAGE_SIZE) });
  if (CHANNELS.includes(filters.channel as Channel)) q.set("channel", filters.channel);
  if (filters.verdict === "none" || LEVELS.includes(filters.verdict as VerdictLevel))
    q.set("verdict", filters.verdict);
  const from = filters.from ? fromLondonInput(filters.from) : undefined;
  const to = filters.to ? endOfLondonDay(filters.to) : undefined;
  if (from) q.set("from", from);
  if (to) q.set("to", to);
  if (/^[0-9a-f-]{36}$/i.test(filters.actor)) q.set("actorId", filters.actor);
  return q.toString();
}

/** Lower case, without accents, so "cafe" finds "Café". */
const fold = (s: string) => s.normalize("NFD").replace(/\p{M}/gu, "").toLocaleLowerCase("en-GB");

function groupByDay(incidents: IncidentListItem[]) {
  const days: { key: string; label: string; incidents: IncidentListItem[] }[] = [];
  for (const incident of incidents) {
    const key = londonDayKey(incident.occurredAt);
    const last = days[days.length - 1];
    if (last && last.key === key) last.incidents.push(incident);
    else days.push({ key, label: formatDay(incident.occurredAt), incidents: [incident] });
  }
  return days;
}

export default function Incidents() {
  const campaign = useCampaign();
  const [params, setParams] = useSearchParams();
  const filters = filtersOf(params);
  const search = params.get("q") ?? "";
  const query = queryOf(filters);
  const activeFilters = FILTER_KEYS.filter((k) => filters[k] !== "").length;

  const [draft, setDraft] = useState<Filters>(filters);
  const [dateError, setDateError] = useState<string>();
  // When the address changes (Back, or "Clear"), the form shows what is applied.
  const applied = FILTER_KEYS.map((k) => filters[k]).join("|");
  useEffect(() => {
    setDraft(filtersOf(new URLSearchParams(window.location.search)));
  }, [applied]);

  const { data: actorData } = useResource<{ actors: Actor[] }>(`/api/campaigns/${campaign.id}/actors`);
  const actors = useMemo(() => actorData?.actors ?? [], [actorData]);
  const actorLabel = useMemo(() => new Map(actors.map((a) => [a.id, a.body.label])), [actors]);

  const [incidents, setIncidents] = useState<IncidentListItem[]>([]);
  const [next, setNext] = useState<string | null>(null);
  const [loading, setLoading] = useState(true);
  const [loadingMore, setLoadingMore] = useState(false);
  const [error, setError] = useState<string>();

  useEffect(() => {
    const controller = new AbortController();
    setLoading(true);
    setError(undefined);
    api<IncidentPage>(`/api/campaigns/${campaign.id}/incidents?${query}`, { signal: controller.signal })
      .then((page) => {
        setIncidents(page.incidents);
        setNext(page.next);
      })
      .catch((e: unknown) => {
        if ((e as Error).name !== "AbortError") setError(errorMessage(e));
      })
      .finally(() => {
        if (!controller.signal.aborted) setLoading(false);
      });
    return () => controller.abort();
  }, [campaign.id, query]);

  async function loadMore() {
    if (!next) return;
    setLoadingMore(true);
    setError(undefined);
    try {
      const page = await api<IncidentPage>(
        `/api/campaigns/${campaign.id}/incidents?${query}&before=${encodeURIComponent(next)}`,
      );
      setIncidents((list) => [...list, ...page.incidents.filter((i) => !list.some((j) => j.id === i.id))]);
      setNext(page.next);
    } catch (e) {
      setError(errorMessage(e));
    } finally {
      setLoadingMore(false);
    }
  }

  function setParam(changes: Record<string, string>) {
    setParams(
      (current) => {
        const updated = new URLSearchParams(current);
        for (const [key, value] of Object.entries(changes)) {
          if (value) updated.set(key, value);
          else updated.delete(key);
        }
        return updated;
      },
      { replace: true },
    );
  }

  function apply(event: FormEvent) {
    event.preventDefault();
    if (draft.from && draft.to && draft.from > draft.to) {
      setDateError("The ‘to’ date is before the ‘from’ date. Change one of them.");
      return;
    }
    setDateError(undefined);
    setParam({ ...draft });
  }

  function clear() {
    setDateError(undefined);
    setDraft(NO_FILTERS);
    setParam({ ...NO_FILTERS });
  }

  const shown = useMemo(() => {
    const needle = fold(search.trim());
    return needle ? incidents.filter((i) => fold(i.summary).includes(needle)) : incidents;
  }, [incidents, search]);
  const days = groupByDay(shown);

  const logOnly = campaign.permission === "log-only";
  const intro = logOnly
    ? "The incidents you have recorded, newest first. The candidate and members who see the whole campaign see everyone’s."
    : `Every incident recorded for ${campaign.name}, newest first by when it happened.`;

  return (
    <Page title="Incidents" intro={intro}>
      <div className="incidents-ui">
        <p>
          <Link href="/record" className="button">
            Record an incident
          </Link>
        </p>

        <div role="search" className="incident-search" aria-label="Search and filter incidents">
          <TextField
            type="search"
            label="Search the titles"
            hint="For example: van, letter, @WrenfieldTruth"
            value={search}
            autoComplete="off"
            onChange={(e) => setParam({ q: e.target.value })}
          />

          <details className="filters" open={activeFilters > 0 || undefined}>
            <summary>Filters{activeFilters > 0 ? ` (${activeFilters} applied)` : ""}</summary>
            <form onSubmit={apply} noValidate>
              <div className="filter-grid">
                <ChannelSelect
                  label="Channel"
                  empty="All channels"
                  value={draft.channel}
                  onChange={(channel) => setDraft({ ...draft, channel })}
                />
                <CodeSelect
                  label="Advice"
                  codes={LEVELS}
                  labels={LEVEL_LABEL}
                  empty="Any advice"
                  value={draft.verdict}
                  onChange={(verdict) => setDraft({ ...draft, verdict })}
                >
                  <option value="none">Not assessed yet</option>
                </CodeSelect>
                <SelectField
                  label="Person or account"
                  value={draft.actor}
                  onChange={(e) => setDraft({ ...draft, actor: e.target.value })}
                >
                  <option value="">Anyone</option>
                  {actors.map((a) => (
                    <option key={a.id} value={a.id}>
                      {a.body.label}
                    </option>
                  ))}
                </SelectField>
              </div>
              <fieldset>
                <legend>When it happened</legend>
                <div className="filter-grid">
                  <TextField
                    type="date"
                    label="From"
                    hint="UK date"
                    value={draft.from}
                    onChange={(e) => setDraft({ ...draft, from: e.target.value })}
                  />
                  <TextField
                    type="date"
                    label="To"
                    hint="Up to the end of that day"
                    error={dateError}
                    value={draft.to}
                    onChange={(e) => setDraft({ ...draft, to: e.target.value })}
                  />
                </div>
              </fieldset>
              <div className="actions">
                <button type="submit">Show incidents</button>
                {activeFilters > 0 ? (
                  <button type="button" className="secondary" onClick={clear}>
                    Clear filters
                  </button>
                ) : null}
              </div>
            </form>
          </details>
        </div>

        <Notice kind="error">{error}</Notice>

        <p role="status" className="result-count">
          {loading
            ? "Loading incidents…"
            : search.trim()
              ? `${plural(shown.length, "incident")} with “${search.trim()}” in the title${next ? ` among the ${incidents.length} loaded so far` : ""}.`
              : `Showing ${plural(shown.length, "incident")}${next ? " (there are older ones)" : ""}.`}
        </p>

        {!loading && !error && incidents.length === 0 && activeFilters === 0 ? (
          <p>
            {logOnly ? "You have not recorded any incidents yet." : "No incidents have been recorded yet."}{" "}
            When something happens, <Link href="/record">record it</Link>: it only takes a minute.
          </p>
        ) : null}
        {!loading && !error && shown.length === 0 && (incidents.length > 0 || activeFilters > 0) ? (
          <p>
            No incidents match.{" "}
            {search.trim() ? (
              <button type="button" className="link-button" onClick={() => setParam({ q: "" })}>
                Clear the search
              </button>
            ) : null}
          </p>
        ) : null}

        {days.map((day) => (
          <section key={day.key} className="timeline-day">
            <h2 id={`day-${day.key}`}>{day.label}</h2>
            <ol className="plain timeline">
              {day.incidents.map((incident) => (
                <IncidentRow
                  key={incident.id}
                  incident={incident}
                  timeOnly
                  actorNames={incident.actorIds
                    .map((id) => actorLabel.get(id))
                    .filter((x): x is string => !!x)}
                />
              ))}
            </ol>
          </section>
        ))}

        {next && !loading ? (
          <div className="actions">
            <button
              type="button"
              className="secondary"
              onClick={() => void loadMore()}
              disabled={loadingMore}
            >
              {loadingMore ? "Loading…" : "Show older incidents"}
            </button>
          </div>
        ) : null}
      </div>
    </Page>
  );
}
