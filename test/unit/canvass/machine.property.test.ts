// Properties of the canvass state machine over random plans and random sequences of actions at
// increasing times (explicit Dates, no timers).
import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import {
  CanvassStateError,
  acknowledge,
  checkIn,
  end,
  extend,
  nextWakeAt,
  panic,
  planned,
  reminderLeadMs,
  start,
  tick,
  type CanvassEffect,
  type CanvassState,
  type CanvassTimings,
} from "../../../src/core/canvass/machine.ts";

const MIN = 60_000;
const T0 = Date.parse("2024-03-30T08:00:00.000Z"); // the night before the clocks go forward

type Action =
  | { kind: "tick" }
  /** Tick exactly when the session next needs the clock (if that is later than now). */
  | { kind: "tick-at-wake" }
  | { kind: "check-in" }
  | { kind: "extend"; byMinutes: number }
  | { kind: "acknowledge"; episodesBack: number }
  | { kind: "panic"; reason: "unsafe" | "danger" }
  | { kind: "end" };

/** Plans as the schema and planProblems allow them: stage 2 after the grace period, stage 3 after stage 2. */
const timingsArb: fc.Arbitrary<CanvassTimings> = fc
  .record({
    interval: fc.integer({ min: 1, max: 240 }),
    grace: fc.integer({ min: 0, max: 60 }),
    stage2Gap: fc.integer({ min: 1, max: 180 }),
    stage3Gap: fc.option(fc.integer({ min: 1, max: 120 }), { nil: null }),
  })
  .map(({ interval, grace, stage2Gap, stage3Gap }) => {
    const stage2 = grace + stage2Gap; // at most 240, as the schema allows
    const stage3 = stage3Gap === null || stage2 >= 240 ? null : Math.min(240, stage2 + stage3Gap);
    return {
      checkInEveryMs: interval * MIN,
      graceMs: grace * MIN,
      stage2AfterMs: stage2 * MIN,
      stage3AfterMs: stage3 === null ? null : stage3 * MIN,
    };
  });

const gapArb = fc.oneof(
  { weight: 1, arbitrary: fc.constant(0) },
  { weight: 3, arbitrary: fc.integer({ min: 1, max: 10 * MIN }) },
  { weight: 3, arbitrary: fc.integer({ min: 0, max: 90 * MIN }) },
  { weight: 1, arbitrary: fc.integer({ min: 0, max: 6 * 60 * MIN }) },
  // Whole minutes, so that actions and ticks land exactly on deadlines and stage times.
  { weight: 3, arbitrary: fc.integer({ min: 0, max: 120 }).map((m) => m * MIN) },
);

const actionArb: fc.Arbitrary<Action> = fc.oneof(
  { weight: 10, arbitrary: fc.constant({ kind: "tick" as const }) },
  { weight: 6, arbitrary: fc.constant({ kind: "tick-at-wake" as const }) },
  { weight: 5, arbitrary: fc.constant({ kind: "check-in" as const }) },
  {
    weight: 2,
    arbitrary: fc
      .integer({ min: -30, max: 600 })
      .map((byMinutes) => ({ kind: "extend" as const, byMinutes })),
  },
  {
    weight: 8,
    arbitrary: fc
      .constantFrom(0, 0, 0, 1, 2)
      .map((episodesBack) => ({ kind: "acknowledge" as const, episodesBack })),
  },
  {
    weight: 2,
    arbitrary: fc.constantFrom("unsafe" as const, "danger" as const).map((reason) => ({
      kind: "panic" as const,
      reason,
    })),
  },
  { weight: 1, arbitrary: fc.constant({ kind: "end" as const }) },
);

const scenarioArb = fc.record({
  timings: timingsArb,
  /** The planned end, minutes after the start (up to the 16 hours a plan allows). */
  sessionMinutes: fc.integer({ min: 1, max: 16 * 60 }),
  steps: fc.array(fc.record({ after: gapArb, action: actionArb }), { maxLength: 40 }),
});

const isTick = (a: Action) => a.kind === "tick" || a.kind === "tick-at-wake";

type Alert = Extract<CanvassEffect, { kind: "alert" }>;

/** Applies one action; a refused action must be a CanvassStateError and leaves the state as it was. */
function apply(s: CanvassState, t: CanvassTimings, action: Action, now: Date) {
  try {
    switch (action.kind) {
      case "tick":
      case "tick-at-wake":
        return { ...tick(s, t, now), first: false };
      case "check-in":
        return { ...checkIn(s, t, now), first: false };
      case "extend":
        return { ...extend(s, t, new Date(now.getTime() + action.byMinutes * MIN), now), first: false };
      case "acknowledge":
        return acknowledge(s, s.episodes - action.episodesBack, "someone", now);
      case "panic":
        return { ...panic(s, t, action.reason, now), first: false };
      case "end":
        return { ...end(s, now), first: false };
    }
  } catch (e) {
    assert.ok(e instanceof CanvassStateError, `unexpected error: ${String(e)}`);
    if (s.status === "closed") assert.equal(e.code, "closed");
    else if (action.kind === "check-in") assert.equal(e.code, "past-end");
    else if (action.kind === "extend") {
      assert.equal(e.code, "past-end");
      assert.ok(action.byMinutes <= 0);
    } else assert.fail(`${action.kind} should not be refused on a ${s.status} session (${e.code})`);
    return { state: s, effects: [] as CanvassEffect[], first: false, refused: e.code };
  }
}

test("invariants hold for random plans and random actions at increasing times", () => {
  fc.assert(
    fc.property(scenarioArb, ({ timings: t, sessionMinutes, steps }) => {
      let now = T0;
      let s = start(planned(new Date(T0 + sessionMinutes * MIN)), t, new Date(now)).state;
      const alerted = new Map<string, number>(); // "episode:stage" → when
      const lastStage = new Map<number, number>();
      const acknowledged = new Set<number>();
      let closedAt: number | null = null;
      let lastTick = now;

      for (const { after, action } of steps) {
        now += after;
        if (action.kind === "tick-at-wake") now = Math.max(now - after, nextWakeAt(s, t)?.getTime() ?? now);
        const wasEpisodes = s.episodes;
        const r = apply(s, t, action, new Date(now));

        if (closedAt !== null) {
          assert.deepEqual(r.effects, [], "nothing is emitted after the end");
          assert.equal(r.state, s);
        }

        for (const e of r.effects) {
          if (e.kind === "closed") {
            assert.equal(action.kind, "end");
            continue;
          }
          if (e.kind !== "alert") {
            assert.ok(isTick(action), `${e.kind} only comes from a tick`);
            continue;
          }
          const a: Alert = e;
          const key = `${a.episode}:${a.stage}`;
          assert.ok(!alerted.has(key), `alert ${key} emitted twice`);
          alerted.set(key, now);
          assert.ok(a.stage > (lastStage.get(a.episode) ?? 0), `alert ${key} out of stage order`);
          lastStage.set(a.episode, a.stage);
          assert.ok(
            !acknowledged.has(a.episode),
            `alert ${key} emitted after episode ${a.episode} was acknowledged`,
          );
          assert.ok(Date.parse(a.since) <= now, "an alert is never about the future");
          assert.ok(a.episode >= 1 && a.episode <= r.state.episodes);
          if (isTick(action)) {
            assert.ok(
              a.episode > 0 && a.episode === r.state.episodes,
              "ticks only alert the current episode",
            );
            if (a.reason === "missed-check-in" || a.reason === "overran") {
              const delay = a.stage === 1 ? t.graceMs : a.stage === 2 ? t.stage2AfterMs : t.stage3AfterMs;
              assert.notEqual(delay, null, "stage 3 only when the SPOC was chosen");
              assert.ok(Date.parse(a.since) + delay! <= now, "an alert never comes early");
            }
          }
          if (a.stage === 3) assert.notEqual(t.stage3AfterMs, null, "stage 3 only when the SPOC was chosen");
        }

        if (action.kind === "acknowledge" && r.first) {
          assert.equal(
            r.state.escalation!.episode,
            wasEpisodes - action.episodesBack,
            "the episode acknowledged",
          );
          assert.ok(r.state.escalation!.stage > 0, "only an alerted episode can be acknowledged");
          assert.ok(!acknowledged.has(r.state.escalation!.episode), "only the first acknowledgement counts");
          assert.equal(r.state.status, "acknowledged");
          assert.equal(nextWakeAt(r.state, t), null);
          acknowledged.add(r.state.escalation!.episode);
        }
        if (action.kind === "panic" && !("refused" in r)) {
          assert.equal(r.state.episodes, wasEpisodes + 1);
          const stages = r.effects.map((e) => (e.kind === "alert" ? e.stage : 0));
          const expected = action.reason === "unsafe" ? [1] : t.stage3AfterMs === null ? [1, 2] : [1, 2, 3];
          assert.deepEqual(stages, expected);
        }
        if (action.kind === "check-in" && !("refused" in r)) {
          assert.equal(r.state.status, "active");
          assert.equal(r.state.escalation, null);
        }
        assert.ok(r.state.episodes >= wasEpisodes, "episodes never count down");
        if (r.state.status === "closed" && closedAt === null) closedAt = now;

        if (isTick(action)) {
          lastTick = now;
          const wake = nextWakeAt(r.state, t);
          assert.ok(wake === null || wake.getTime() > now, "after a tick the next wake is in the future");
          assert.deepEqual(tick(r.state, t, new Date(now)).effects, [], "ticking again at once: nothing new");
        }
        // nextWakeAt may be before the last tick only if ticking now would do something.
        const wake = nextWakeAt(r.state, t);
        if (wake !== null && wake.getTime() < lastTick) {
          assert.ok(tick(r.state, t, new Date(now)).effects.length > 0, "an overdue wake has something due");
        }
        s = r.state;
      }

      // After the end: nothing, however late.
      if (closedAt !== null) {
        assert.equal(nextWakeAt(s, t), null);
        assert.deepEqual(tick(s, t, new Date(now + 48 * 60 * MIN)).effects, []);
      }
    }),
    { numRuns: 1000 },
  );
});

/** When an effect from a tick was due, by the plan's timings. */
function dueAt(e: CanvassEffect, t: CanvassTimings): number {
  switch (e.kind) {
    case "reminder": {
      const lead = Math.min(5 * MIN, Math.floor(t.checkInEveryMs / 2));
      assert.equal(reminderLeadMs(t), lead);
      return Date.parse(e.deadline) - lead;
    }
    case "overdue":
      return Date.parse(e.deadline);
    case "alert": {
      const delay = e.stage === 1 ? t.graceMs : e.stage === 2 ? t.stage2AfterMs : t.stage3AfterMs;
      assert.notEqual(delay, null, "stage 3 only when the SPOC was chosen");
      const panicked = e.reason === "unsafe" || e.reason === "danger";
      return Date.parse(e.since) + delay! - (panicked ? t.graceMs : 0);
    }
    case "closed":
      return assert.fail("a started session is only closed by ending it");
  }
}

/**
 * Ticks every minute after `from` and at `to`. Each effect comes at the first tick at or after it
 * was due (or, if it was already due at `from`, at the first tick after `from`).
 */
function tickEveryMinute(s: CanvassState, t: CanvassTimings, from: number, to: number) {
  const effects: CanvassEffect[] = [];
  const times = [];
  for (let m = from + MIN; m < to; m += MIN) times.push(m);
  times.push(to);
  let previous = from;
  for (const m of times) {
    const r = tick(s, t, new Date(m));
    s = r.state;
    for (const e of r.effects) {
      const due = dueAt(e, t);
      assert.ok(due <= m, `${JSON.stringify(e)} came early`);
      assert.ok(previous === from || previous < due, `${JSON.stringify(e)} was due at an earlier tick`);
    }
    effects.push(...r.effects);
    previous = m;
  }
  return { state: s, effects };
}

test("ticking every minute and ticking once give the same alerts (and the same state)", () => {
  fc.assert(
    fc.property(
      timingsArb,
      fc.integer({ min: 1, max: 16 * 60 }),
      fc.array(fc.record({ after: gapArb, action: actionArb.filter((a) => !isTick(a)) }), {
        maxLength: 12,
      }),
      fc.integer({ min: 0, max: 8 * 60 * MIN }),
      (t, sessionMinutes, steps, tail) => {
        // Two runs of the same actions: one polled every minute, one ticked only when something happens.
        let now = T0;
        let fine = start(planned(new Date(T0 + sessionMinutes * MIN)), t, new Date(now)).state;
        let coarse = fine;
        const fineEffects: CanvassEffect[] = [];
        const coarseEffects: CanvassEffect[] = [];
        for (const { after, action } of [...steps, { after: tail, action: { kind: "tick" } as Action }]) {
          const next = now + after;
          const polled = tickEveryMinute(fine, t, now, next);
          const once = tick(coarse, t, new Date(next));
          fineEffects.push(...polled.effects);
          coarseEffects.push(...once.effects);
          assert.deepEqual(polled.state, once.state, "the same state whichever way it was ticked");
          now = next;
          const a = apply(polled.state, t, action, new Date(now));
          const b = apply(once.state, t, action, new Date(now));
          assert.deepEqual(a, b);
          fine = a.state;
          coarse = b.state;
          fineEffects.push(...a.effects);
          coarseEffects.push(...b.effects);
        }
        const alerts = (effects: CanvassEffect[]) => effects.filter((e) => e.kind === "alert");
        assert.deepEqual(alerts(fineEffects), alerts(coarseEffects));
        assert.deepEqual(fineEffects, coarseEffects);
      },
    ),
    { numRuns: 200 },
  );
});

test("a tick after any gap is the same as ticks at every step of the way (restarts lose nothing)", () => {
  fc.assert(
    fc.property(
      timingsArb,
      fc.integer({ min: 1, max: 16 * 60 }),
      fc.array(fc.integer({ min: 0, max: 120 * MIN }), { minLength: 1, maxLength: 10 }),
      (t, sessionMinutes, gaps) => {
        const s0 = start(planned(new Date(T0 + sessionMinutes * MIN)), t, new Date(T0)).state;
        let s = s0;
        let now = T0;
        const effects: CanvassEffect[] = [];
        for (const g of gaps) {
          now += g;
          const r = tick(s, t, new Date(now));
          s = r.state;
          effects.push(...r.effects);
        }
        const once = tick(s0, t, new Date(now));
        assert.deepEqual(once.effects, effects);
        assert.deepEqual(once.state, s);
      },
    ),
    { numRuns: 300 },
  );
});
