// The week calendar of national statistics: ISO weeks (Monday to Sunday, UTC). A week is stored as the
// date of its Monday ("2026-02-02") and named by its ISO week ("2026-W06"). Pure: the caller passes "now".

export const DAY_MS = 86_400_000;
const WEEK_MS = 7 * DAY_MS;

/** How far back the calendar reaches: five years, about one Parliament, up to the current week. */
export const CALENDAR_WEEKS = 260;
/** The weeks shown when none are asked for: the last 52, ending with the current week. */
export const DEFAULT_RANGE_WEEKS = 52;

const isoDate = (ms: number) => new Date(ms).toISOString().slice(0, 10);
const mondayMs = (weekStart: string) => Date.parse(`${weekStart}T00:00:00Z`);

/** The Monday (UTC) of the week an instant falls in, as YYYY-MM-DD. */
export function weekStartOf(at: Date | number): string {
  const d = new Date(typeof at === "number" ? at : at.getTime());
  const daysSinceMonday = (d.getUTCDay() + 6) % 7;
  return isoDate(Date.UTC(d.getUTCFullYear(), d.getUTCMonth(), d.getUTCDate() - daysSinceMonday));
}

/** The ISO week of a Monday: "2026-W06". */
export function isoWeekOf(weekStart: string): string {
  const thursday = new Date(mondayMs(weekStart) + 3 * DAY_MS);
  const year = thursday.getUTCFullYear();
  const week = Math.floor((thursday.getTime() - Date.UTC(year, 0, 1)) / WEEK_MS) + 1;
  return `${year}-W${String(week).padStart(2, "0")}`;
}

/** The Monday of an ISO week ("2026-W06" → "2026-02-02"), or undefined if there is no such week. */
export function weekStartOfIsoWeek(label: string): string | undefined {
  const match = /^(\d{4})-W(\d{2})$/.exec(label);
  if (!match) return undefined;
  const year = Number(match[1]);
  const week = Number(match[2]);
  if (week < 1 || week > 53) return undefined;
  const jan4 = Date.UTC(year, 0, 4);
  const week1Monday = jan4 - ((new Date(jan4).getUTCDay() + 6) % 7) * DAY_MS;
  const weekStart = isoDate(week1Monday + (week - 1) * WEEK_MS);
  // Week 53 exists only in some years.
  return isoWeekOf(weekStart) === label ? weekStart : undefined;
}

const UK_DATE = new Intl.DateTimeFormat("en-GB", {
  timeZone: "UTC",
  day: "numeric",
  month: "short",
  year: "numeric",
});

/** "w/c 2 Feb 2026": how a week is named to people. */
export const weekLabel = (weekStart: string) => `w/c ${UK_DATE.format(new Date(mondayMs(weekStart)))}`;

/** The Mondays of the calendar, oldest first, ending with the week `now` is in. Future weeks are never offered. */
export function weekCalendar(now: Date, weeks = CALENDAR_WEEKS): string[] {
  const last = mondayMs(weekStartOf(now));
  return Array.from({ length: weeks }, (_, i) => isoDate(last - (weeks - 1 - i) * WEEK_MS));
}

/** A run of whole weeks of the calendar. */
export interface WeekRange {
  /** Mondays, oldest first. */
  weeks: readonly string[];
  from: string;
  to: string;
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

const rangeOf = (weeks: readonly string[]): WeekRange => ({ weeks, from: weeks[0]!, to: weeks.at(-1)! });

/** The default range: the last DEFAULT_RANGE_WEEKS weeks of the calendar. */
export const defaultRange = (calendar: readonly string[]) =>
  rangeOf(calendar.slice(-Math.min(DEFAULT_RANGE_WEEKS, calendar.length)));

/**
 * Why a range of 5, 10, 15… weeks is not offered: with the weekly figures of the same weeks, a range's
 * figures would be the sum of five (or ten…) weekly figures, and that is the one shape of sum whose
 * rounding can line up exactly (see suppression.ts). Every other length is fine: 1–4, 6–9, 11–14… 52.
 */
export const isOfferedLength = (weeks: number) => weeks >= 1 && weeks % 5 !== 0;

/**
 * "2026-W01..2026-W13" or one week "2026-W07", within the calendar. Messages say what to do instead.
 */
export function parseWeekRange(text: string, calendar: readonly string[]): Parsed<WeekRange> {
  const parts = text.split("..");
  if (parts.length > 2)
    return { ok: false, message: "write one week (2026-W07) or a range (2026-W01..2026-W13)" };
  const [first, last = first] = parts.map((p) => p.trim());
  const from = weekStartOfIsoWeek(first ?? "");
  const to = weekStartOfIsoWeek(last ?? "");
  if (!from || !to)
    return {
      ok: false,
      message: "weeks are ISO weeks such as 2026-W07; write one week or a range (2026-W01..2026-W13)",
    };
  const start = calendar.indexOf(from);
  const end = calendar.indexOf(to);
  if (start < 0 || end < 0)
    return {
      ok: false,
      message: `the calendar runs from ${isoWeekOf(calendar[0]!)} to ${isoWeekOf(calendar.at(-1)!)} (the current week)`,
    };
  if (end < start) return { ok: false, message: "the first week must come before the last" };
  const length = end - start + 1;
  if (!isOfferedLength(length))
    return {
      ok: false,
      message: `a range of ${length} weeks is not offered, because ranges of 5, 10, 15… weeks could, together with weekly figures, reveal a small count; choose ${length - 1} or ${length + 1} weeks`,
    };
  return { ok: true, value: rangeOf(calendar.slice(start, end + 1)) };
}

/** "2026-W01..2026-W13" (or the single week). */
export const rangeText = (range: WeekRange) =>
  range.from === range.to ? isoWeekOf(range.from) : `${isoWeekOf(range.from)}..${isoWeekOf(range.to)}`;
