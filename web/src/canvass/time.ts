// Times in a canvass session, as the UK reads them (Europe/London, like the alerts the contacts get),
// and the server's clock: countdowns run from the server's time at its last answer plus the time
// elapsed on this device since (a monotonic clock), so a wrong device clock does not move a deadline.

const ZONE = "Europe/London";
const CLOCK = new Intl.DateTimeFormat("en-GB", { timeZone: ZONE, hour: "2-digit", minute: "2-digit" });
const DAY = new Intl.DateTimeFormat("en-GB", { timeZone: ZONE, day: "numeric", month: "short" });
const YMD = new Intl.DateTimeFormat("en-CA", {
  timeZone: ZONE,
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
});

const dayKey = (ms: number) => YMD.format(new Date(ms));

/** "15:02", or "15:02 on 21 Nov" when it is not the same day (in the UK) as `nowMs`. */
export function clockTime(iso: string | number, nowMs: number = Date.now()): string {
  const ms = typeof iso === "number" ? iso : Date.parse(iso);
  const time = CLOCK.format(new Date(ms));
  return dayKey(ms) === dayKey(nowMs) ? time : `${time} on ${DAY.format(new Date(ms))}`;
}

/** "HH:MM" for a time input, in UK time. */
export const inputTime = (ms: number) => CLOCK.format(new Date(ms));

/** Minutes east of UTC of UK time at `ms` (0 in winter, 60 in summer). */
function londonOffsetMinutes(ms: number): number {
  const parts = new Intl.DateTimeFormat("en-GB", {
    timeZone: ZONE,
    year: "numeric",
    month: "numeric",
    day: "numeric",
    hour: "numeric",
    minute: "numeric",
    hourCycle: "h23",
  }).formatToParts(new Date(ms));
  const get = (type: string) => Number(parts.find((p) => p.type === type)?.value ?? 0);
  const asUtc = Date.UTC(get("year"), get("month") - 1, get("day"), get("hour"), get("minute"));
  return Math.round((asUtc - Math.floor(ms / 60_000) * 60_000) / 60_000);
}

/** The instant of UK time `hh:mm` on the UK day of `dayMs`. */
function londonInstant(dayMs: number, hours: number, minutes: number): number {
  const [y, m, d] = dayKey(dayMs).split("-").map(Number) as [number, number, number];
  const wall = Date.UTC(y, m - 1, d, hours, minutes);
  // The offset at the result, found in two steps so that a change of clocks that day is handled.
  let at = wall - londonOffsetMinutes(wall) * 60_000;
  at = wall - londonOffsetMinutes(at) * 60_000;
  return at;
}

/**
 * What a time typed as "HH:MM" means: today (UK) if it is later than now or passed less than
 * eight hours ago (then it is a mistake the form points out), otherwise tomorrow (finishing after
 * midnight). Undefined when it is not a time.
 */
export function timeToInstant(hhmm: string, nowMs: number): number | undefined {
  const match = /^(\d{1,2}):(\d{2})$/.exec(hhmm.trim());
  if (!match) return undefined;
  const hours = Number(match[1]);
  const minutes = Number(match[2]);
  if (hours > 23 || minutes > 59) return undefined;
  const today = londonInstant(nowMs, hours, minutes);
  if (today > nowMs || nowMs - today < 8 * 3_600_000) return today;
  return londonInstant(nowMs + 24 * 3_600_000, hours, minutes);
}

/** `ms` rounded up to the next whole five minutes. */
export const roundUpToFive = (ms: number) => Math.ceil(ms / 300_000) * 300_000;

/** "2 hours 5 minutes", "25 minutes", "less than a minute". */
export function duration(ms: number): string {
  const minutes = Math.round(ms / 60_000);
  if (minutes < 1) return "less than a minute";
  const h = Math.floor(minutes / 60);
  const m = minutes % 60;
  const hours = h ? `${h} hour${h === 1 ? "" : "s"}` : "";
  const mins = m ? `${m} minute${m === 1 ? "" : "s"}` : "";
  return [hours, mins].filter(Boolean).join(" ");
}

/** A countdown as a clock face: "1:04:09", "24:13", "0:09". Negative times count up from zero. */
export function countdown(ms: number): string {
  const total = Math.max(0, Math.floor(Math.abs(ms) / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const pad = (n: number) => String(n).padStart(2, "0");
  return h ? `${h}:${pad(m)}:${pad(s)}` : `${m}:${pad(s)}`;
}

/** The same in words, for screen readers: "24 minutes 13 seconds". */
export function countdownWords(ms: number): string {
  const total = Math.max(0, Math.floor(Math.abs(ms) / 1000));
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const part = (n: number, unit: string) => (n ? `${n} ${unit}${n === 1 ? "" : "s"}` : "");
  return (
    [part(h, "hour"), part(m, "minute"), h ? "" : part(s, "second")].filter(Boolean).join(" ") || "0 seconds"
  );
}

/**
 * The server's clock as last read: its time when it answered, plus what this device's monotonic clock
 * says has passed since.
 */
export interface ServerClock {
  serverMs: number;
  /** performance.now() when the answer arrived. */
  receivedAt: number;
}

export const serverClockOf = (serverTime: string): ServerClock => ({
  serverMs: Date.parse(serverTime),
  receivedAt: performance.now(),
});

export const serverNow = (clock: ServerClock) => clock.serverMs + (performance.now() - clock.receivedAt);
