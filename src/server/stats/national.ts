// National statistics for the analyst: a predefined view of incident_facts over whole weeks of the
// calendar, for all forces or one. The database groups the rows by the view's columns; the core spreads
// the groups over the view's keys and publishes each cell (src/core/stats/suppression.ts).
import { and, count, eq, gte, isNull, lte, type SQL } from "drizzle-orm";
import type { PgColumn } from "drizzle-orm/pg-core";
import { stringify } from "csv-stringify/sync";
import * as t from "../../store/schema.ts";
import type { Database } from "../../store/db.ts";
import {
  CALENDAR_WEEKS,
  DEFAULT_RANGE_WEEKS,
  DIMENSION_NAMES,
  DIMENSIONS,
  FORCE_KEYS,
  NOT_SET,
  PROTECTION_NOTE,
  VIEWS,
  defaultRange,
  findView,
  isoWeekOf,
  keysFor,
  parseWeekRange,
  rangeText,
  tabulate,
  weekCalendar,
  weekLabel,
  type DimensionName,
  type FactGroup,
  type Key,
  type RawValue,
  type Table,
  type WeekRange,
} from "../../core/stats/index.ts";
import type { Deps } from "../deps.ts";
import { badRequest } from "../errors.ts";

const COLUMN: Record<DimensionName, PgColumn> = {
  force: t.incidentFacts.forceId,
  week: t.incidentFacts.weekStart,
  channel: t.incidentFacts.channel,
  level: t.incidentFacts.level,
  offence: t.incidentFacts.offenceCategories,
  targeted: t.incidentFacts.targeted,
  characteristic: t.incidentFacts.characteristics,
};

/** incident_facts in the weeks (and force) asked for, grouped by the view's columns. */
export async function groupFacts(
  db: Database,
  dimensions: readonly DimensionName[],
  range: Pick<WeekRange, "from" | "to">,
  force?: string,
): Promise<FactGroup[]> {
  const where = and(
    gte(t.incidentFacts.weekStart, range.from),
    lte(t.incidentFacts.weekStart, range.to),
    force === undefined
      ? undefined
      : force === NOT_SET
        ? isNull(t.incidentFacts.forceId)
        : eq(t.incidentFacts.forceId, force),
  );
  const columns = dimensions.map((d) => COLUMN[d]);
  const selection: Record<string, PgColumn | SQL> = { n: count() };
  columns.forEach((c, i) => (selection[`k${i}`] = c));
  const rows = (await db
    .select(selection)
    .from(t.incidentFacts)
    .where(where)
    .groupBy(...columns)) as Record<string, unknown>[];
  return rows.map((r) => ({
    values: dimensions.map((_, i) => (r[`k${i}`] ?? null) as RawValue),
    count: Number(r["n"]),
  }));
}

export interface StatsQuery {
  view: string;
  weeks?: string | undefined;
  force?: string | undefined;
}

export interface NationalStats {
  view: string;
  dimensions: Table["dimensions"];
  weeks: { range: string; from: string; to: string; count: number };
  force: Key | null;
  rows: Table["cells"];
  totals: Table["totals"];
  note: string;
  generatedAt: string;
}

const MULTI_VALUED_NOTE =
  "An incident can fall under more than one offence category, targeted group or protected characteristic, " +
  "so those figures add up to more than the number of incidents.";

/** Checks the query against the views, the calendar and the force directory: 400 naming the parameter. */
export function resolveQuery(now: Date, query: StatsQuery) {
  const view = findView(query.view);
  if (!view)
    throw badRequest(
      `view: there is no view '${query.view}'; GET /api/analyst/views lists them (e.g. force, channel, force-by-week)`,
      "view",
    );
  const calendar = weekCalendar(now);
  let range = defaultRange(calendar);
  if (query.weeks !== undefined) {
    const parsed = parseWeekRange(query.weeks, calendar);
    if (!parsed.ok) throw badRequest(`weeks: ${parsed.message}`, "weeks");
    range = parsed.value;
  }
  if (query.force !== undefined && !FORCE_KEYS.has(query.force))
    throw badRequest(
      `force: '${query.force}' is not a police force in the directory (GET /api/forces), nor '${NOT_SET}'`,
      "force",
    );
  return { view, range, force: query.force };
}

export async function nationalStats(deps: Deps, query: StatsQuery): Promise<NationalStats> {
  const { view, range, force } = resolveQuery(deps.now(), query);
  const groups = await groupFacts(deps.db, view.dimensions, range, force);
  const table = tabulate(view, { weeks: range.weeks, force }, groups);
  const multiValued = table.dimensions.some((d) => d.multiValued);
  return {
    view: table.view,
    dimensions: table.dimensions,
    weeks: { range: rangeText(range), from: range.from, to: range.to, count: range.weeks.length },
    force: force === undefined ? null : keysFor("force", { weeks: [], force })[0]!,
    rows: table.cells,
    totals: table.totals,
    note: multiValued ? `${PROTECTION_NOTE} ${MULTI_VALUED_NOTE}` : PROTECTION_NOTE,
    generatedAt: deps.now().toISOString(),
  };
}

/** What can be asked: the views, the dimensions and their keys, and the week calendar. */
export function statsCatalogue(now: Date) {
  const calendar = weekCalendar(now);
  const range = defaultRange(calendar);
  return {
    views: VIEWS.map((v) => ({ name: v.name, dimensions: v.dimensions })),
    dimensions: DIMENSION_NAMES.map((name) => {
      const d = DIMENSIONS[name];
      return {
        name,
        label: d.label,
        multiValued: d.multiValued,
        keys: d.keys === "weeks" ? null : d.keys,
      };
    }),
    calendar: {
      weeks: calendar.map((w) => ({ week: isoWeekOf(w), starts: w, label: weekLabel(w) })),
      first: isoWeekOf(calendar[0]!),
      last: isoWeekOf(calendar.at(-1)!),
      defaultRange: rangeText(range),
      rules: `Weeks run Monday to Sunday (UTC). Ask for one week (2026-W07) or a range (2026-W01..2026-W13) within the last ${CALENDAR_WEEKS} weeks; without one, the last ${DEFAULT_RANGE_WEEKS} weeks. Ranges of 5, 10, 15… weeks are not offered.`,
    },
    note: PROTECTION_NOTE,
  };
}

/** The answer as CSV: one line per cell, keys and their labels, then the figure ("<5" or a number). */
export function statsCsv(stats: NationalStats): string {
  const labels = stats.dimensions.map((d) => new Map(d.keys.map((k) => [k.key, k.label])));
  const header = [...stats.dimensions.flatMap((d) => [d.name, `${d.name}_label`]), "count"];
  const lines = stats.rows.map((row) => [
    ...stats.dimensions.flatMap((d, i) => [row.keys[d.name]!, labels[i]!.get(row.keys[d.name]!) ?? ""]),
    String(row.count),
  ]);
  // A cell starting with = + - @ is prefixed with ' so that a spreadsheet does not run it as a formula.
  return stringify([header, ...lines], { escape_formulas: true });
}
