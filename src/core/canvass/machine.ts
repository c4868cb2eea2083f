// A canvass session as a state machine driven by an explicit clock (no timers here: the caller says
// what time it is). planned → active → due (reminder sent) → overdue (deadline missed, within grace)
// → escalated (stage n alerted) → acknowledged, and closed when the session ends.
//
// The deadline is the next check-in or the planned end, whichever is sooner: missing a check-in and
// overrunning the session escalate the same way. After a restart the caller ticks once with the
// current time and gets every effect that became due while nothing was running, in order.

export type CanvassStatus =
  "planned" | "active" | "due" | "overdue" | "escalated" | "acknowledged" | "closed";
export type AlertReason = "missed-check-in" | "overran" | "unsafe" | "danger";
export type Stage = 1 | 2 | 3;

export interface CanvassTimings {
  checkInEveryMs: number;
  graceMs: number;
  stage2AfterMs: number;
  /** Null when the candidate did not choose to alert the force's SPOC. */
  stage3AfterMs: number | null;
}

export interface Escalation {
  /** Counts alert episodes in this session: each missed deadline or panic starts a new one. */
  episode: number;
  reason: AlertReason;
  /** The missed deadline, or the moment "I feel unsafe" / "I'm in danger" was pressed. */
  since: string;
  /** Highest stage alerted so far (0: noticed, not yet alerted). */
  stage: 0 | Stage;
  acknowledgedAt: string | null;
  acknowledgedBy: string | null;
}

/** Plain JSON (ISO strings), so that it is stored and compared as it is. */
export interface CanvassState {
  status: CanvassStatus;
  endsAt: string;
  startedAt: string | null;
  lastCheckInAt: string | null;
  nextCheckInAt: string | null;
  /** The deadline a reminder was last sent for (so each deadline gets one reminder). */
  remindedFor: string | null;
  episodes: number;
  escalation: Escalation | null;
  closedAt: string | null;
}

export type CanvassEffect =
  | { kind: "reminder"; deadline: string; reason: "check-in" | "session-end" }
  | { kind: "overdue"; deadline: string; reason: AlertReason }
  | { kind: "alert"; episode: number; stage: Stage; reason: AlertReason; since: string }
  | { kind: "closed"; reason: "ended" | "never-started" };

export interface Transition {
  state: CanvassState;
  effects: CanvassEffect[];
}

export class CanvassStateError extends Error {
  constructor(
    message: string,
    readonly code: "closed" | "not-started" | "already-started" | "past-end" | "nothing-to-acknowledge",
  ) {
    super(message);
    this.name = "CanvassStateError";
  }
}

const iso = (d: Date) => d.toISOString();
const ms = (s: string) => Date.parse(s);

/** How long before a deadline the person out is reminded: up to 5 minutes, at most half the interval. */
export const reminderLeadMs = (t: CanvassTimings) => Math.min(5 * 60_000, Math.floor(t.checkInEveryMs / 2));

export function timingsFrom(plan: {
  checkInEveryMinutes: number;
  graceMinutes: number;
  stage2AfterMinutes: number;
  alertSpoc: boolean;
  stage3AfterMinutes: number;
}): CanvassTimings {
  return {
    checkInEveryMs: plan.checkInEveryMinutes * 60_000,
    graceMs: plan.graceMinutes * 60_000,
    stage2AfterMs: plan.stage2AfterMinutes * 60_000,
    stage3AfterMs: plan.alertSpoc ? plan.stage3AfterMinutes * 60_000 : null,
  };
}

export function planned(endsAt: Date): CanvassState {
  return {
    status: "planned",
    endsAt: iso(endsAt),
    startedAt: null,
    lastCheckInAt: null,
    nextCheckInAt: null,
    remindedFor: null,
    episodes: 0,
    escalation: null,
    closedAt: null,
  };
}

/** The next deadline of a running session: the next check-in or the end, whichever is sooner. */
export function deadlineOf(
  state: CanvassState,
): { at: string; reason: "missed-check-in" | "overran" } | null {
  if (!state.nextCheckInAt) return null;
  return ms(state.endsAt) <= ms(state.nextCheckInAt)
    ? { at: state.endsAt, reason: "overran" }
    : { at: state.nextCheckInAt, reason: "missed-check-in" };
}

/** When the stage after `stage` is due in the current escalation, or null if there is none. */
function nextStageAt(state: CanvassState, t: CanvassTimings): { stage: Stage; at: number } | null {
  const e = state.escalation;
  if (!e || e.acknowledgedAt) return null;
  const since = ms(e.since);
  // A panic alerts stage 1 at once; later stages keep their spacing from the first alert.
  const offset = e.reason === "unsafe" || e.reason === "danger" ? t.graceMs : 0;
  const delays: [Stage, number | null][] = [
    [1, t.graceMs],
    [2, t.stage2AfterMs],
    [3, t.stage3AfterMs],
  ];
  for (const [stage, delay] of delays) {
    if (stage <= e.stage) continue;
    if (delay === null) return null;
    return { stage, at: since + delay - offset };
  }
  return null;
}

/**
 * When this session next needs the clock (the value of the due-time column), or null if nothing
 * is scheduled. A planned session that never starts closes at its planned end.
 */
export function nextWakeAt(state: CanvassState, t: CanvassTimings): Date | null {
  switch (state.status) {
    case "planned":
      return new Date(state.endsAt);
    case "active": {
      const deadline = deadlineOf(state)!;
      const remindAt = ms(deadline.at) - reminderLeadMs(t);
      return new Date(state.remindedFor === deadline.at ? ms(deadline.at) : remindAt);
    }
    case "due":
      return new Date(deadlineOf(state)!.at);
    case "overdue":
    case "escalated": {
      const next = nextStageAt(state, t);
      return next ? new Date(next.at) : null;
    }
    case "acknowledged":
    case "closed":
      return null;
  }
}

/** Everything that became due up to `now`, in order. Ticking twice with the same time does nothing new. */
export function tick(state: CanvassState, t: CanvassTimings, now: Date): Transition {
  const effects: CanvassEffect[] = [];
  let s = state;
  for (let guard = 0; guard < 10; guard++) {
    const wake = nextWakeAt(s, t);
    if (!wake || wake.getTime() > now.getTime()) break;
    const step = advance(s, t, wake);
    s = step.state;
    effects.push(...step.effects);
  }
  return { state: s, effects };
}

/** One scheduled step, taken at `at` (the wake time it was due). */
function advance(s: CanvassState, t: CanvassTimings, at: Date): Transition {
  switch (s.status) {
    case "planned":
      return {
        state: { ...s, status: "closed", closedAt: iso(at) },
        effects: [{ kind: "closed", reason: "never-started" }],
      };
    case "active": {
      const deadline = deadlineOf(s)!;
      if (s.remindedFor !== deadline.at) {
        return {
          state: { ...s, status: "due", remindedFor: deadline.at },
          effects: [
            {
              kind: "reminder",
              deadline: deadline.at,
              reason: deadline.reason === "overran" ? "session-end" : "check-in",
            },
          ],
        };
      }
      return missDeadline(s);
    }
    case "due":
      return missDeadline(s);
    case "overdue":
    case "escalated": {
      const next = nextStageAt(s, t)!;
      const e = s.escalation!;
      return {
        state: { ...s, status: "escalated", escalation: { ...e, stage: next.stage } },
        effects: [{ kind: "alert", episode: e.episode, stage: next.stage, reason: e.reason, since: e.since }],
      };
    }
    default:
      return { state: s, effects: [] };
  }
}

function missDeadline(s: CanvassState): Transition {
  const deadline = deadlineOf(s)!;
  const episode = s.episodes + 1;
  return {
    state: {
      ...s,
      status: "overdue",
      episodes: episode,
      escalation: {
        episode,
        reason: deadline.reason,
        since: deadline.at,
        stage: 0,
        acknowledgedAt: null,
        acknowledgedBy: null,
      },
    },
    effects: [{ kind: "overdue", deadline: deadline.at, reason: deadline.reason }],
  };
}

function assertOpen(s: CanvassState) {
  if (s.status === "closed") throw new CanvassStateError("This canvass session has already ended.", "closed");
}

function assertStarted(s: CanvassState) {
  assertOpen(s);
  if (s.status === "planned")
    throw new CanvassStateError("This canvass session has not started yet: start it first.", "not-started");
}

export function start(s: CanvassState, t: CanvassTimings, now: Date): Transition {
  assertOpen(s);
  if (s.status !== "planned")
    throw new CanvassStateError("This canvass session has already started.", "already-started");
  if (ms(s.endsAt) <= now.getTime())
    throw new CanvassStateError(
      "This session's planned end has passed: plan a new one with a later end.",
      "past-end",
    );
  return {
    state: {
      ...s,
      status: "active",
      startedAt: iso(now),
      lastCheckInAt: iso(now),
      nextCheckInAt: iso(new Date(now.getTime() + t.checkInEveryMs)),
    },
    effects: [],
  };
}

/** "I'm OK": stops any escalation (and further stages) and sets the next check-in. */
export function checkIn(s: CanvassState, t: CanvassTimings, now: Date): Transition {
  assertStarted(s);
  if (ms(s.endsAt) <= now.getTime())
    throw new CanvassStateError(
      "Your session was planned to end already: end it now, or extend it if you are still out.",
      "past-end",
    );
  return {
    state: {
      ...s,
      status: "active",
      lastCheckInAt: iso(now),
      nextCheckInAt: iso(new Date(now.getTime() + t.checkInEveryMs)),
      escalation: null,
    },
    effects: [],
  };
}

/** A later end; counts as a check-in (they are there to press it). */
export function extend(s: CanvassState, t: CanvassTimings, newEnd: Date, now: Date): Transition {
  assertOpen(s);
  if (newEnd.getTime() <= now.getTime())
    throw new CanvassStateError("The new end is in the past: choose a later time.", "past-end");
  const extended = { ...s, endsAt: iso(newEnd) };
  if (s.status === "planned") return { state: extended, effects: [] };
  return checkIn(extended, t, now);
}

export function end(s: CanvassState, now: Date): Transition {
  assertOpen(s);
  return {
    state: { ...s, status: "closed", closedAt: iso(now), escalation: s.escalation },
    effects: [{ kind: "closed", reason: "ended" }],
  };
}

/**
 * "I feel unsafe" alerts stage 1 at once; later stages follow unless acknowledged or checked in.
 * "I'm in danger" alerts every stage at once.
 */
export function panic(
  s: CanvassState,
  t: CanvassTimings,
  reason: "unsafe" | "danger",
  now: Date,
): Transition {
  assertOpen(s);
  const episode = s.episodes + 1;
  const since = iso(now);
  const stages: Stage[] = reason === "danger" ? (t.stage3AfterMs === null ? [1, 2] : [1, 2, 3]) : [1];
  const startedAt = s.startedAt ?? since;
  return {
    state: {
      ...s,
      status: "escalated",
      startedAt,
      episodes: episode,
      escalation: {
        episode,
        reason,
        since,
        stage: stages[stages.length - 1]!,
        acknowledgedAt: null,
        acknowledgedBy: null,
      },
    },
    effects: stages.map((stage) => ({ kind: "alert" as const, episode, stage, reason, since })),
  };
}

/**
 * The first acknowledgement of an alert stops further stages. Acknowledging an earlier episode, or
 * again, changes nothing (`first` says whether this one counted).
 */
export function acknowledge(
  s: CanvassState,
  episode: number,
  by: string,
  now: Date,
): Transition & { first: boolean } {
  const e = s.escalation;
  if (!e || e.episode !== episode || e.stage === 0 || s.status === "closed") {
    return { state: s, effects: [], first: false };
  }
  if (e.acknowledgedAt) return { state: s, effects: [], first: false };
  return {
    state: {
      ...s,
      status: "acknowledged",
      escalation: { ...e, acknowledgedAt: iso(now), acknowledgedBy: by },
    },
    effects: [],
    first: true,
  };
}
