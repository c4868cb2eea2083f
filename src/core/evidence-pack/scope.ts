// A pack's date range as people mean it: "from 1 November to 21 November" includes all of 21 November,
// in UK time. A bare date (YYYY-MM-DD) is a day in Europe/London; a date and time is taken as given.
import { z } from "zod";
import type { PackScope } from "./manifest.ts";

const DATE_ONLY = /^\d{4}-\d{2}-\d{2}$/;

const LONDON_PARTS = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/London",
  hourCycle: "h23",
  year: "numeric",
  month: "2-digit",
  day: "2-digit",
  hour: "2-digit",
  minute: "2-digit",
});

/** Minutes London is ahead of UTC at this instant (0 in winter, 60 in summer). */
function londonOffsetMinutes(at: Date): number {
  const p = Object.fromEntries(LONDON_PARTS.formatToParts(at).map((x) => [x.type, x.value]));
  const asUtc = Date.UTC(
    Number(p.year),
    Number(p.month) - 1,
    Number(p.day),
    Number(p.hour),
    Number(p.minute),
  );
  return Math.round((asUtc - Math.floor(at.getTime() / 60_000) * 60_000) / 60_000);
}

/** Midnight at the start of this calendar day in London. */
export function startOfLondonDay(day: string): Date {
  const utcMidnight = new Date(`${day}T00:00:00Z`);
  // The offset at midnight London time: try the offset at UTC midnight, then correct once (DST changes at 01:00 UTC).
  const guess = new Date(utcMidnight.getTime() - londonOffsetMinutes(utcMidnight) * 60_000);
  return new Date(utcMidnight.getTime() - londonOffsetMinutes(guess) * 60_000);
}

export const isDateOnly = (value: string) => DATE_ONLY.test(value);

/** The instants a range covers: from (inclusive) to the end (exclusive). */
export function dateRangeBounds(from: string, to: string): { start: Date; end: Date } {
  const start = isDateOnly(from) ? startOfLondonDay(from) : new Date(from);
  let end: Date;
  if (isDateOnly(to)) {
    const next = new Date(`${to}T00:00:00Z`);
    next.setUTCDate(next.getUTCDate() + 1);
    end = startOfLondonDay(next.toISOString().slice(0, 10));
  } else {
    end = new Date(new Date(to).getTime() + 1);
  }
  return { start, end };
}

const isRealDate = (day: string) => {
  const d = new Date(`${day}T00:00:00Z`);
  return !Number.isNaN(d.getTime()) && d.toISOString().slice(0, 10) === day;
};
const DATE_TIME = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/;

/** A bound of a date range: YYYY-MM-DD (a day in UK time) or an ISO 8601 date and time with an offset. */
export const isRangeBound = (value: string): boolean =>
  isDateOnly(value)
    ? isRealDate(value)
    : DATE_TIME.test(value) && !Number.isNaN(new Date(value).getTime()) && isRealDate(value.slice(0, 10));

const Bound = z.string().max(40).refine(isRangeBound, {
  message: "must be a date (YYYY-MM-DD) or a date and time with an offset (e.g. 2026-11-20T18:30:00Z)",
});

/**
 * What a pack covers, as a request gives it: { incidentId }, { actorId } or { from, to } (both
 * inclusive; a bare date means the whole day in UK time).
 */
export const PackScopeSchema = z
  .object({
    incidentId: z.uuid().optional().describe("One incident"),
    actorId: z
      .uuid()
      .optional()
      .describe("An actor: every incident of theirs (and of actor records linked as the same person)"),
    from: Bound.optional().describe("First day (YYYY-MM-DD) or moment of a date range"),
    to: Bound.optional().describe("Last day (YYYY-MM-DD) or moment of a date range"),
  })
  .strict()
  .superRefine((s, ctx) => {
    const kinds = [
      s.incidentId !== undefined,
      s.actorId !== undefined,
      s.from !== undefined || s.to !== undefined,
    ];
    if (kinds.filter(Boolean).length !== 1) {
      ctx.addIssue({
        code: "custom",
        message: "give exactly one of { incidentId }, { actorId } or { from, to }",
      });
      return;
    }
    if (kinds[2]) {
      if (s.from === undefined)
        ctx.addIssue({ code: "custom", path: ["from"], message: "is needed with to" });
      else if (s.to === undefined)
        ctx.addIssue({ code: "custom", path: ["to"], message: "is needed with from" });
      else if (isRangeBound(s.from) && isRangeBound(s.to)) {
        const { start, end } = dateRangeBounds(s.from, s.to);
        if (end.getTime() <= start.getTime())
          ctx.addIssue({ code: "custom", path: ["to"], message: "must not be before from" });
      }
    }
  });
export type PackScopeInput = z.infer<typeof PackScopeSchema>;

/** The scope of a request that PackScopeSchema accepted. */
export function packScopeOf(input: PackScopeInput): PackScope {
  if (input.incidentId !== undefined) return { kind: "incident", incidentId: input.incidentId.toLowerCase() };
  if (input.actorId !== undefined) return { kind: "actor", actorId: input.actorId.toLowerCase() };
  return { kind: "dates", from: input.from!, to: input.to! };
}
