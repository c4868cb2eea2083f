// Dates and times as people in the UK read them: en-GB, in UK time (Europe/London), whatever the
// device's own time zone. Form inputs hold UK wall-clock time and are turned into exact instants here.
const ZONE = "Europe/London";

const DATE_TIME = new Intl.DateTimeFormat("en-GB", {
  timeZone: ZONE,
  dateStyle: "medium",
  timeStyle: "short",
});
const DAY = new Intl.DateTimeFormat("en-GB", {
  timeZone: ZONE,
  weekday: "long",
  day: "numeric",
  month: "long",
  year: "numeric",
});
const TIME = new Intl.DateTimeFormat("en-GB", { timeZone: ZONE, hour: "2-digit", minute: "2-digit" });
const PARTS = new Intl.DateTimeFormat("en-GB", {
  timeZone: ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
  second: "2-digit",
  hourCycle: "h23",
});

const valid = (d: Date) => !Number.isNaN(d.getTime());

/** "20 Nov 2026, 07:58" */
export function formatDateTime(iso: string | Date): string {
  const d = new Date(iso);
  return valid(d) ? DATE_TIME.format(d) : String(iso);
}

/** "Friday 20 November 2026" */
export function formatDay(iso: string | Date): string {
  const d = new Date(iso);
  return valid(d) ? DAY.format(d) : String(iso);
}

/** "07:58" */
export function formatTime(iso: string | Date): string {
  const d = new Date(iso);
  return valid(d) ? TIME.format(d) : "";
}

function londonParts(d: Date) {
  const get = (type: string) => Number(PARTS.formatToParts(d).find((p) => p.type === type)?.value ?? 0);
  return {
    year: get("year"),
    month: get("month"),
    day: get("day"),
    hour: get("hour"),
    minute: get("minute"),
    second: get("second"),
  };
}

const pad = (n: number, width = 2) => String(n).padStart(width, "0");

/** The UK calendar day of an instant, "2026-11-20": for grouping a timeline by day. */
export function londonDayKey(iso: string | Date): string {
  const p = londonParts(new Date(iso));
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}`;
}

/** The value for an <input type="datetime-local"> showing this instant in UK time. */
export function toLondonInput(iso: string | Date): string {
  const d = new Date(iso);
  if (!valid(d)) return "";
  const p = londonParts(d);
  return `${pad(p.year, 4)}-${pad(p.month)}-${pad(p.day)}T${pad(p.hour)}:${pad(p.minute)}`;
}

/**
 * The exact instant (ISO 8601, UTC) of a UK wall-clock time from a date ("2026-11-20") or
 * datetime-local ("2026-11-20T18:30") input; undefined if the value is not a date.
 */
export function fromLondonInput(value: string): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})(?:T(\d{2}):(\d{2})(?::(\d{2}))?)?$/.exec(value.trim());
  if (!m) return undefined;
  const [y, mo, d, h, mi, s] = m.slice(1).map((x) => Number(x ?? 0)) as [
    number,
    number,
    number,
    number,
    number,
    number,
  ];
  const wanted = Date.UTC(y, mo - 1, d, h, mi, s);
  if (Number.isNaN(wanted)) return undefined;
  // Start from the wall time read as UTC and correct by London's offset (twice, for the clock changes).
  let guess = wanted;
  for (let i = 0; i < 2; i++) {
    const p = londonParts(new Date(guess));
    const wall = Date.UTC(p.year, p.month - 1, p.day, p.hour, p.minute, p.second);
    guess += wanted - wall;
  }
  const result = new Date(guess);
  return valid(result) ? result.toISOString() : undefined;
}

/** The last moment of a UK calendar day ("2026-11-20"), for an inclusive "to" date. */
export function endOfLondonDay(date: string): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})$/.exec(date.trim());
  if (!m) return undefined;
  const next = new Date(Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]) + 1));
  const start = fromLondonInput(next.toISOString().slice(0, 10));
  return start ? new Date(new Date(start).getTime() - 1).toISOString() : undefined;
}

/** A <time> element: machine-readable instant, UK wording. */
export function isoOf(iso: string | Date): string {
  const d = new Date(iso);
  return valid(d) ? d.toISOString() : String(iso);
}
