// The canvass session state machine, driven by explicit Dates (no timers): reminders, missed
// deadlines, the escalation ladder, panics, acknowledgements, restarts and the session's end.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import {
  CanvassStateError,
  acknowledge,
  checkIn,
  deadlineOf,
  end,
  extend,
  nextWakeAt,
  panic,
  planned,
  reminderLeadMs,
  start,
  tick,
  timingsFrom,
  type CanvassEffect,
  type CanvassState,
  type CanvassTimings,
} from "../../../src/core/canvass/machine.ts";

const MIN = 60_000;
const T0 = Date.parse("2024-07-01T10:00:00.000Z");
/** `n` minutes after T0. */
const at = (n: number) => new Date(T0 + n * MIN);
const isoAt = (n: number) => at(n).toISOString();

/** Check in every 30 min, stage 1 after 5, stage 2 after 15, stage 3 (SPOC) after 30 when chosen. */
const TWO_STAGES: CanvassTimings = timingsFrom({
  checkInEveryMinutes: 30,
  graceMinutes: 5,
  stage2AfterMinutes: 15,
  alertSpoc: false,
  stage3AfterMinutes: 30,
});
const THREE_STAGES: CanvassTimings = { ...TWO_STAGES, stage3AfterMs: 30 * MIN };

/** A session planned to end 4 hours after T0, started at T0. */
function running(t: CanvassTimings = TWO_STAGES, endMinutes = 240): CanvassState {
  return start(planned(at(endMinutes)), t, at(0)).state;
}

const wake = (s: CanvassState, t: CanvassTimings) => nextWakeAt(s, t)?.toISOString() ?? null;

/** The state reached by ticking at each time in turn, with every effect on the way. */
function tickThrough(s: CanvassState, t: CanvassTimings, minutes: number[]) {
  const effects: CanvassEffect[] = [];
  for (const m of minutes) {
    const step = tick(s, t, at(m));
    s = step.state;
    effects.push(...step.effects);
  }
  return { state: s, effects };
}

function throwsCode(fn: () => unknown, code: CanvassStateError["code"]) {
  assert.throws(fn, (e: unknown) => {
    assert.ok(e instanceof CanvassStateError, `expected a CanvassStateError, got ${String(e)}`);
    assert.equal(e.code, code);
    assert.equal(e.name, "CanvassStateError");
    assert.ok(e.message.length > 0);
    return true;
  });
}

function deepFreeze<T>(o: T): T {
  if (o && typeof o === "object") {
    for (const v of Object.values(o)) deepFreeze(v);
    Object.freeze(o);
  }
  return o;
}

const reminder = (deadlineMin: number, reason: "check-in" | "session-end" = "check-in"): CanvassEffect => ({
  kind: "reminder",
  deadline: isoAt(deadlineMin),
  reason,
});
const overdue = (
  deadlineMin: number,
  reason: "missed-check-in" | "overran" = "missed-check-in",
): CanvassEffect => ({
  kind: "overdue",
  deadline: isoAt(deadlineMin),
  reason,
});
const alert = (
  episode: number,
  stage: 1 | 2 | 3,
  sinceMin: number,
  reason: "missed-check-in" | "overran" | "unsafe" | "danger" = "missed-check-in",
): CanvassEffect => ({ kind: "alert", episode, stage, reason, since: isoAt(sinceMin) });

describe("timings and the reminder lead", () => {
  test("timingsFrom converts minutes to milliseconds; stage 3 only when the SPOC is to be alerted", () => {
    const plan = {
      checkInEveryMinutes: 20,
      graceMinutes: 3,
      stage2AfterMinutes: 12,
      alertSpoc: false,
      stage3AfterMinutes: 40,
    };
    assert.deepEqual(timingsFrom(plan), {
      checkInEveryMs: 20 * MIN,
      graceMs: 3 * MIN,
      stage2AfterMs: 12 * MIN,
      stage3AfterMs: null,
    });
    assert.equal(timingsFrom({ ...plan, alertSpoc: true }).stage3AfterMs, 40 * MIN);
  });

  test("the reminder comes up to 5 minutes before the deadline, and at most half the interval", () => {
    const lead = (checkInEveryMs: number) => reminderLeadMs({ ...TWO_STAGES, checkInEveryMs });
    assert.equal(lead(1 * MIN), 30_000);
    assert.equal(lead(4 * MIN), 2 * MIN);
    assert.equal(lead(10 * MIN), 5 * MIN);
    assert.equal(lead(11 * MIN), 5 * MIN);
    assert.equal(lead(30 * MIN), 5 * MIN);
    assert.equal(lead(240 * MIN), 5 * MIN);
  });

  test("with a short interval the first wake is half the interval after the start", () => {
    const t = { ...TWO_STAGES, checkInEveryMs: 4 * MIN };
    const s = running(t);
    assert.equal(s.nextCheckInAt, isoAt(4));
    assert.equal(wake(s, t), isoAt(2));
  });
});

describe("planned → start → active", () => {
  test("a planned session wakes at its planned end and has no deadline", () => {
    const s = planned(at(240));
    assert.equal(s.status, "planned");
    assert.equal(s.endsAt, isoAt(240));
    assert.equal(s.startedAt, null);
    assert.equal(s.nextCheckInAt, null);
    assert.equal(s.episodes, 0);
    assert.equal(s.escalation, null);
    assert.equal(deadlineOf(s), null);
    assert.equal(wake(s, TWO_STAGES), isoAt(240));
  });

  test("start makes it active with the first check-in one interval later and no effects", () => {
    const { state, effects } = start(planned(at(240)), TWO_STAGES, at(0));
    assert.deepEqual(effects, []);
    assert.equal(state.status, "active");
    assert.equal(state.startedAt, isoAt(0));
    assert.equal(state.lastCheckInAt, isoAt(0), "starting counts as being heard from");
    assert.equal(state.nextCheckInAt, isoAt(30));
    assert.deepEqual(deadlineOf(state), { at: isoAt(30), reason: "missed-check-in" });
    assert.equal(wake(state, TWO_STAGES), isoAt(25), "reminder 5 minutes before the check-in");
  });

  test("the deadline is the planned end when that comes before the next check-in", () => {
    const s = running(TWO_STAGES, 20);
    assert.deepEqual(deadlineOf(s), { at: isoAt(20), reason: "overran" });
    assert.equal(wake(s, TWO_STAGES), isoAt(15));
  });

  test("a check-in due exactly at the planned end counts as the end (overran)", () => {
    const s = running(TWO_STAGES, 30);
    assert.deepEqual(deadlineOf(s), { at: isoAt(30), reason: "overran" });
  });

  test("starting twice is refused (already-started), as is starting from any later state", () => {
    const s = running();
    throwsCode(() => start(s, TWO_STAGES, at(1)), "already-started");
    const due = tick(s, TWO_STAGES, at(25)).state;
    throwsCode(() => start(due, TWO_STAGES, at(26)), "already-started");
  });

  test("starting after the planned end is refused (past-end)", () => {
    throwsCode(() => start(planned(at(10)), TWO_STAGES, at(10)), "past-end");
    throwsCode(() => start(planned(at(10)), TWO_STAGES, at(11)), "past-end");
  });

  test("checking in on a session that has not started is refused (not-started)", () => {
    throwsCode(() => checkIn(planned(at(240)), TWO_STAGES, at(1)), "not-started");
  });

  test("a planned session that is never started closes at its planned end (never-started)", () => {
    const s = planned(at(60));
    assert.deepEqual(tick(s, TWO_STAGES, at(59)), { state: s, effects: [] });
    const { state, effects } = tick(s, TWO_STAGES, at(60));
    assert.deepEqual(effects, [{ kind: "closed", reason: "never-started" }]);
    assert.equal(state.status, "closed");
    assert.equal(state.closedAt, isoAt(60));
    assert.equal(wake(state, TWO_STAGES), null);
  });

  test("a planned session ticked long after its end closes at the planned end, once", () => {
    const { state, effects } = tick(planned(at(60)), TWO_STAGES, at(600));
    assert.deepEqual(effects, [{ kind: "closed", reason: "never-started" }]);
    assert.equal(state.closedAt, isoAt(60), "closed when it was due, not when noticed");
    assert.deepEqual(tick(state, TWO_STAGES, at(601)).effects, []);
  });
});

describe("tick: reminder → overdue → stage 1 → stage 2 → stage 3", () => {
  test("each effect comes at its time, and nextWakeAt says when at every status", () => {
    const t = THREE_STAGES;
    let s = running(t);
    assert.equal(wake(s, t), isoAt(25));

    let step = tick(s, t, new Date(T0 + 25 * MIN - 1));
    assert.deepEqual(step.effects, [], "nothing a millisecond before the reminder");
    assert.equal(step.state, s, "and the state is the same object");

    step = tick(s, t, at(25));
    assert.deepEqual(step.effects, [reminder(30)]);
    s = step.state;
    assert.equal(s.status, "due");
    assert.equal(s.remindedFor, isoAt(30));
    assert.equal(wake(s, t), isoAt(30), "due wakes at the deadline");

    step = tick(s, t, at(30));
    assert.deepEqual(step.effects, [overdue(30)]);
    s = step.state;
    assert.equal(s.status, "overdue");
    assert.equal(s.episodes, 1);
    assert.deepEqual(s.escalation, {
      episode: 1,
      reason: "missed-check-in",
      since: isoAt(30),
      stage: 0,
      acknowledgedAt: null,
      acknowledgedBy: null,
    });
    assert.equal(wake(s, t), isoAt(35), "stage 1 after the grace period");

    assert.deepEqual(tick(s, t, at(34)).effects, []);
    step = tick(s, t, at(35));
    assert.deepEqual(step.effects, [alert(1, 1, 30)]);
    s = step.state;
    assert.equal(s.status, "escalated");
    assert.equal(s.escalation?.stage, 1);
    assert.equal(wake(s, t), isoAt(45), "stage 2 at deadline + stage2After");

    step = tick(s, t, at(45));
    assert.deepEqual(step.effects, [alert(1, 2, 30)]);
    s = step.state;
    assert.equal(s.escalation?.stage, 2);
    assert.equal(wake(s, t), isoAt(60), "stage 3 at deadline + stage3After");

    step = tick(s, t, at(60));
    assert.deepEqual(step.effects, [alert(1, 3, 30)]);
    s = step.state;
    assert.equal(s.status, "escalated");
    assert.equal(s.escalation?.stage, 3);
    assert.equal(wake(s, t), null, "nothing after the last stage");
    assert.deepEqual(tick(s, t, at(10_000)).effects, []);
  });

  test("without the SPOC there is no stage 3: nothing after stage 2", () => {
    const t = TWO_STAGES;
    const { state, effects } = tickThrough(running(t), t, [25, 30, 35, 45]);
    assert.deepEqual(effects, [reminder(30), overdue(30), alert(1, 1, 30), alert(1, 2, 30)]);
    assert.equal(wake(state, t), null);
    assert.deepEqual(tick(state, t, at(10_000)).effects, []);
  });

  test("with no grace period stage 1 comes at the deadline itself", () => {
    const t = { ...TWO_STAGES, graceMs: 0 };
    const { effects, state } = tick(running(t), t, at(30));
    assert.deepEqual(effects, [reminder(30), overdue(30), alert(1, 1, 30)]);
    assert.equal(wake(state, t), isoAt(45));
  });

  test("ticking twice at the same time gives no new effects and the same state", () => {
    const t = THREE_STAGES;
    let s = running(t);
    for (const m of [25, 30, 35, 45, 60, 90]) {
      const first = tick(s, t, at(m));
      const second = tick(first.state, t, at(m));
      assert.deepEqual(second.effects, [], `second tick at +${m} min`);
      assert.deepEqual(second.state, first.state);
      s = first.state;
    }
  });

  test("one tick after a long gap (a restart) gives every due effect in order, and nothing later", () => {
    const t = THREE_STAGES;
    const s = running(t);
    const after50 = tick(s, t, at(50));
    assert.deepEqual(after50.effects, [reminder(30), overdue(30), alert(1, 1, 30), alert(1, 2, 30)]);
    assert.equal(wake(after50.state, t), isoAt(60), "stage 3 is still to come");

    const afterHours = tick(s, t, at(600));
    assert.deepEqual(afterHours.effects, [
      reminder(30),
      overdue(30),
      alert(1, 1, 30),
      alert(1, 2, 30),
      alert(1, 3, 30),
    ]);

    const stepwise = tickThrough(s, t, [25, 30, 35, 45, 60]);
    assert.deepEqual(afterHours.state, stepwise.state, "the same state as ticking at each wake");
    assert.deepEqual(afterHours.effects, stepwise.effects);
  });

  test("a restart between the reminder and the deadline gives only the reminder", () => {
    const { effects, state } = tick(running(), TWO_STAGES, at(29));
    assert.deepEqual(effects, [reminder(30)]);
    assert.equal(state.status, "due");
  });

  test("when the reminder was already sent for this deadline, an active session wakes at the deadline", () => {
    // Checking in again during "due" when the deadline stays the planned end: one reminder per deadline.
    const t = TWO_STAGES;
    let s = running(t, 40); // deadlines: check-in at 30, then the end at 40
    s = tickThrough(s, t, [25]).state;
    s = checkIn(s, t, at(27)).state; // next check-in 57 is after the end: the deadline is the end (40)
    let step = tick(s, t, at(35));
    assert.deepEqual(step.effects, [reminder(40, "session-end")]);
    s = checkIn(step.state, t, at(36)).state;
    assert.equal(s.status, "active");
    assert.equal(s.remindedFor, isoAt(40));
    assert.equal(wake(s, t), isoAt(40), "no second reminder for the same deadline");
    step = tick(s, t, at(40));
    assert.deepEqual(step.effects, [overdue(40, "overran")]);
  });
});

describe("overrunning the planned end", () => {
  test("ending before the next check-in escalates with reason overran", () => {
    const t = TWO_STAGES;
    const s = running(t, 20);
    const { effects, state } = tickThrough(s, t, [15, 20, 25, 35]);
    assert.deepEqual(effects, [
      reminder(20, "session-end"),
      overdue(20, "overran"),
      alert(1, 1, 20, "overran"),
      alert(1, 2, 20, "overran"),
    ]);
    assert.equal(state.escalation?.reason, "overran");
    assert.equal(state.escalation?.since, isoAt(20));
  });

  test("a later check-in can make the planned end the next deadline", () => {
    const t = TWO_STAGES;
    let s = running(t, 50);
    s = checkIn(s, t, at(25)).state; // next check-in 55, end 50
    assert.deepEqual(deadlineOf(s), { at: isoAt(50), reason: "overran" });
    assert.equal(wake(s, t), isoAt(45));
  });

  test("checking in after the planned end is refused (past-end): extend or end instead", () => {
    const t = TWO_STAGES;
    const s = tick(running(t, 20), t, at(30)).state;
    assert.equal(s.status, "escalated");
    throwsCode(() => checkIn(s, t, at(30)), "past-end");
    throwsCode(() => checkIn(running(t, 20), t, at(20)), "past-end");
  });
});

describe("checking in", () => {
  /** The session at each status, and a time during it. */
  function atEachStatus(): [string, CanvassState, number][] {
    const t = TWO_STAGES;
    const s = running(t);
    const due = tick(s, t, at(25)).state;
    const overdueState = tick(s, t, at(31)).state;
    const escalated = tick(s, t, at(36)).state;
    const acknowledged = acknowledge(escalated, 1, "Sam", at(37)).state;
    const panicked = panic(s, t, "unsafe", at(10)).state;
    assert.deepEqual(
      [due.status, overdueState.status, escalated.status, acknowledged.status, panicked.status],
      ["due", "overdue", "escalated", "acknowledged", "escalated"],
    );
    return [
      ["active", s, 5],
      ["due", due, 26],
      ["overdue", overdueState, 32],
      ["escalated", escalated, 38],
      ["acknowledged", acknowledged, 40],
      ["escalated by a panic", panicked, 12],
    ];
  }

  for (const [name, state, m] of atEachStatus()) {
    test(`a check-in while ${name} returns to active and clears any escalation`, () => {
      const t = TWO_STAGES;
      const { state: s, effects } = checkIn(state, t, at(m));
      assert.deepEqual(effects, []);
      assert.equal(s.status, "active");
      assert.equal(s.escalation, null);
      assert.equal(s.lastCheckInAt, isoAt(m));
      assert.equal(s.nextCheckInAt, isoAt(m + 30));
      assert.equal(s.episodes, state.episodes, "episodes already counted stay counted");
      assert.equal(wake(s, t), isoAt(m + 25));
      assert.deepEqual(tick(s, t, at(m + 24)).effects, [], "no further stages of the old episode");
    });
  }

  test("after a check-in stops an escalation, the next stage never comes", () => {
    const t = THREE_STAGES;
    let s = tick(running(t), t, at(35)).state; // stage 1 alerted
    s = checkIn(s, t, at(40)).state;
    const { effects } = tickThrough(s, t, [45, 60]);
    assert.ok(!effects.some((e) => e.kind === "alert"), JSON.stringify(effects));
  });

  test("episodes count up across repeated misses", () => {
    const t = TWO_STAGES;
    let s = running(t);
    let step = tick(s, t, at(35));
    assert.deepEqual(step.effects.at(-1), alert(1, 1, 30));
    s = checkIn(step.state, t, at(40)).state; // next check-in 70
    step = tick(s, t, at(75));
    assert.deepEqual(step.effects, [reminder(70), overdue(70), alert(2, 1, 70)]);
    assert.equal(step.state.episodes, 2);
    s = checkIn(step.state, t, at(80)).state;
    step = panic(s, t, "unsafe", at(81));
    assert.equal(step.state.episodes, 3);
    assert.deepEqual(step.effects, [alert(3, 1, 81, "unsafe")]);
  });
});

describe("extending the session", () => {
  test("extend moves the end and counts as a check-in", () => {
    const t = TWO_STAGES;
    const escalated = tickThrough(running(t, 20), t, [15, 20, 25]).state;
    assert.equal(escalated.escalation?.stage, 1);
    const { state, effects } = extend(escalated, t, at(120), at(27));
    assert.deepEqual(effects, []);
    assert.equal(state.status, "active");
    assert.equal(state.endsAt, isoAt(120));
    assert.equal(state.escalation, null);
    assert.equal(state.lastCheckInAt, isoAt(27));
    assert.equal(state.nextCheckInAt, isoAt(57));
    assert.equal(wake(state, t), isoAt(52));
  });

  test("extend rejects an end that is not in the future (past-end)", () => {
    const t = TWO_STAGES;
    const s = running(t);
    throwsCode(() => extend(s, t, at(10), at(10)), "past-end");
    throwsCode(() => extend(s, t, at(9), at(10)), "past-end");
    throwsCode(() => extend(planned(at(60)), t, at(5), at(10)), "past-end");
  });

  test("extending a planned session moves its end and leaves it planned", () => {
    const t = TWO_STAGES;
    const { state, effects } = extend(planned(at(60)), t, at(120), at(10));
    assert.deepEqual(effects, []);
    assert.equal(state.status, "planned");
    assert.equal(state.endsAt, isoAt(120));
    assert.equal(state.lastCheckInAt, null);
    assert.equal(wake(state, t), isoAt(120));
  });
});

describe("ending the session", () => {
  function everyState(): [string, CanvassState][] {
    const t = TWO_STAGES;
    const s = running(t);
    const escalated = tick(s, t, at(36)).state;
    return [
      ["planned", planned(at(60))],
      ["active", s],
      ["due", tick(s, t, at(25)).state],
      ["overdue", tick(s, t, at(31)).state],
      ["escalated", escalated],
      ["acknowledged", acknowledge(escalated, 1, "Sam", at(37)).state],
      ["escalated by danger", panic(s, t, "danger", at(5)).state],
    ];
  }

  for (const [name, state] of everyState()) {
    test(`end closes a session that is ${name}, and a closed session rejects every action`, () => {
      const t = TWO_STAGES;
      const { state: closed, effects } = end(state, at(50));
      assert.deepEqual(effects, [{ kind: "closed", reason: "ended" }]);
      assert.equal(closed.status, "closed");
      assert.equal(closed.closedAt, isoAt(50));
      assert.equal(wake(closed, t), null);
      assert.deepEqual(tick(closed, t, at(100_000)), { state: closed, effects: [] }, "nothing after the end");

      throwsCode(() => end(closed, at(51)), "closed");
      throwsCode(() => checkIn(closed, t, at(51)), "closed");
      throwsCode(() => extend(closed, t, at(120), at(51)), "closed");
      throwsCode(() => panic(closed, t, "unsafe", at(51)), "closed");
      throwsCode(() => panic(closed, t, "danger", at(51)), "closed");
      throwsCode(() => start(closed, t, at(51)), "closed");
      const episode = closed.escalation?.episode ?? 1;
      assert.deepEqual(acknowledge(closed, episode, "Sam", at(51)), {
        state: closed,
        effects: [],
        first: false,
      });
    });
  }
});

describe("panic buttons", () => {
  test('"I feel unsafe" alerts stage 1 at once, then stage 2 at since + (stage2 − grace)', () => {
    const t = TWO_STAGES;
    const { state, effects } = panic(running(t), t, "unsafe", at(10));
    assert.deepEqual(effects, [alert(1, 1, 10, "unsafe")]);
    assert.equal(state.status, "escalated");
    assert.equal(state.episodes, 1);
    assert.deepEqual(state.escalation, {
      episode: 1,
      reason: "unsafe",
      since: isoAt(10),
      stage: 1,
      acknowledgedAt: null,
      acknowledgedBy: null,
    });
    assert.equal(wake(state, t), isoAt(20));
    assert.deepEqual(tick(state, t, at(19)).effects, []);
    const later = tick(state, t, at(20));
    assert.deepEqual(later.effects, [alert(1, 2, 10, "unsafe")]);
    assert.equal(wake(later.state, t), null);
    assert.deepEqual(tick(later.state, t, at(1000)).effects, []);
  });

  test('"I feel unsafe" with the SPOC chosen: stage 3 at since + (stage3 − grace)', () => {
    const t = THREE_STAGES;
    const { state } = panic(running(t), t, "unsafe", at(10));
    const { effects } = tick(state, t, at(500));
    assert.deepEqual(effects, [alert(1, 2, 10, "unsafe"), alert(1, 3, 10, "unsafe")]);
    assert.deepEqual(tickThrough(state, t, [20, 34]).effects, [alert(1, 2, 10, "unsafe")]);
    assert.deepEqual(tickThrough(state, t, [20, 35]).effects, [
      alert(1, 2, 10, "unsafe"),
      alert(1, 3, 10, "unsafe"),
    ]);
  });

  test('"I\'m in danger" alerts stages 1 and 2 at once without the SPOC, and nothing later', () => {
    const t = TWO_STAGES;
    const { state, effects } = panic(running(t), t, "danger", at(10));
    assert.deepEqual(effects, [alert(1, 1, 10, "danger"), alert(1, 2, 10, "danger")]);
    assert.equal(state.escalation?.stage, 2);
    assert.equal(wake(state, t), null);
    assert.deepEqual(tick(state, t, at(10_000)).effects, []);
  });

  test('"I\'m in danger" alerts stages 1, 2 and 3 at once with the SPOC, and nothing later', () => {
    const t = THREE_STAGES;
    const { state, effects } = panic(running(t), t, "danger", at(10));
    assert.deepEqual(effects, [
      alert(1, 1, 10, "danger"),
      alert(1, 2, 10, "danger"),
      alert(1, 3, 10, "danger"),
    ]);
    assert.equal(state.escalation?.stage, 3);
    assert.equal(wake(state, t), null);
    assert.deepEqual(tick(state, t, at(10_000)).effects, []);
  });

  test("a panic during a missed check-in's escalation starts a new episode", () => {
    const t = THREE_STAGES;
    const escalated = tick(running(t), t, at(35)).state;
    const { state, effects } = panic(escalated, t, "unsafe", at(36));
    assert.deepEqual(effects, [alert(2, 1, 36, "unsafe")]);
    assert.equal(state.escalation?.episode, 2);
    // The old episode's stage 2 (due at 45) is not sent: the new episode's stage 2 is due at 46.
    assert.deepEqual(tick(state, t, at(45)).effects, []);
    assert.deepEqual(tick(state, t, at(46)).effects, [alert(2, 2, 36, "unsafe")]);
  });

  test("a panic before the session was started starts it", () => {
    const t = TWO_STAGES;
    const { state, effects } = panic(planned(at(60)), t, "unsafe", at(5));
    assert.deepEqual(effects, [alert(1, 1, 5, "unsafe")]);
    assert.equal(state.startedAt, isoAt(5));
    assert.equal(state.status, "escalated");
    assert.deepEqual(
      tick(state, t, at(60)).effects,
      [alert(1, 2, 5, "unsafe")],
      "not closed as never-started",
    );
  });
});

describe("acknowledging", () => {
  test("the first acknowledgement stops further stages", () => {
    const t = THREE_STAGES;
    const escalated = tick(running(t), t, at(35)).state;
    const ack = acknowledge(escalated, 1, "Sam Agent", at(38));
    assert.equal(ack.first, true);
    assert.deepEqual(ack.effects, []);
    assert.equal(ack.state.status, "acknowledged");
    assert.equal(ack.state.escalation?.acknowledgedAt, isoAt(38));
    assert.equal(ack.state.escalation?.acknowledgedBy, "Sam Agent");
    assert.equal(ack.state.escalation?.stage, 1);
    assert.equal(wake(ack.state, t), null);
    assert.deepEqual(tick(ack.state, t, at(10_000)).effects, [], "no stage 2 or 3 ever");
  });

  test("a second acknowledgement is a no-op with first = false", () => {
    const t = TWO_STAGES;
    const escalated = tick(running(t), t, at(35)).state;
    const once = acknowledge(escalated, 1, "Sam", at(38)).state;
    const twice = acknowledge(once, 1, "Alex", at(39));
    assert.equal(twice.first, false);
    assert.deepEqual(twice.effects, []);
    assert.equal(twice.state, once);
    assert.equal(twice.state.escalation?.acknowledgedBy, "Sam", "the first acknowledger is kept");
  });

  test("acknowledging an old episode is a no-op with first = false", () => {
    const t = TWO_STAGES;
    let s = tick(running(t), t, at(35)).state; // episode 1, stage 1
    s = checkIn(s, t, at(40)).state;
    s = tick(s, t, at(75)).state; // episode 2, stage 1
    assert.equal(s.escalation?.episode, 2);
    const old = acknowledge(s, 1, "Sam", at(76));
    assert.equal(old.first, false);
    assert.equal(old.state, s);
    assert.equal(wake(old.state, t), isoAt(85), "episode 2's stage 2 is still coming");
    const unknown = acknowledge(s, 3, "Sam", at(76));
    assert.equal(unknown.first, false);
    assert.equal(unknown.state, s);
  });

  test("acknowledging when nothing was alerted yet (stage 0) or nothing is wrong is a no-op", () => {
    const t = TWO_STAGES;
    const s = running(t);
    const overdueState = tick(s, t, at(31)).state;
    assert.equal(overdueState.escalation?.stage, 0);
    const early = acknowledge(overdueState, 1, "Sam", at(32));
    assert.equal(early.first, false);
    assert.equal(early.state, overdueState);
    assert.deepEqual(tick(early.state, t, at(35)).effects, [alert(1, 1, 30)], "stage 1 still goes out");

    for (const quiet of [planned(at(60)), s, tick(s, t, at(26)).state]) {
      const r = acknowledge(quiet, 1, "Sam", at(27));
      assert.equal(r.first, false);
      assert.equal(r.state, quiet);
      assert.deepEqual(r.effects, []);
    }
  });

  test("acknowledging a panic stops its later stages", () => {
    const t = THREE_STAGES;
    const s = panic(running(t), t, "unsafe", at(10)).state;
    const ack = acknowledge(s, 1, "Sam", at(11));
    assert.equal(ack.first, true);
    assert.deepEqual(tick(ack.state, t, at(1000)).effects, []);
  });

  test("an acknowledged session can still panic again: a new episode", () => {
    const t = TWO_STAGES;
    const s = acknowledge(panic(running(t), t, "unsafe", at(10)).state, 1, "Sam", at(11)).state;
    const { state, effects } = panic(s, t, "danger", at(12));
    assert.deepEqual(effects, [alert(2, 1, 12, "danger"), alert(2, 2, 12, "danger")]);
    assert.equal(state.status, "escalated");
  });
});

describe("purity and storage", () => {
  test("no transition changes the state it was given", () => {
    const t = THREE_STAGES;
    const frozen = deepFreeze(tick(running(t), t, at(35)).state);
    const copy = structuredClone(frozen);
    tick(frozen, t, at(1000));
    checkIn(frozen, t, at(40));
    extend(frozen, t, at(300), at(40));
    panic(frozen, t, "danger", at(40));
    acknowledge(frozen, 1, "Sam", at(40));
    end(frozen, at(40));
    assert.deepEqual(frozen, copy);
    const p = deepFreeze(planned(at(60)));
    start(p, t, at(0));
    tick(p, t, at(60));
    assert.deepEqual(p, planned(at(60)));
  });

  test("the state is plain JSON and the machine carries on from a stored copy", () => {
    const t = THREE_STAGES;
    const s = tick(running(t), t, at(35)).state;
    const stored = JSON.parse(JSON.stringify(s)) as CanvassState;
    assert.deepEqual(stored, s);
    assert.deepEqual(tick(stored, t, at(60)), tick(s, t, at(60)));
  });
});
