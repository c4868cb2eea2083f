// Suppression: no query or pair of queries reveals a count under 5.
//   - every figure is "<5" or a multiple of 10, and stands for a band that holds the true count;
//   - the sum or difference of any two figures never narrows a count to one value under 5;
//   - property: on random and deliberately "tight" data, for pairs of queries drawn from the whole query
//     space (every view, week ranges of the calendar, all forces or one), every count of 1–4 the pair bears
//     on (each small cell, and each group of incidents that falls in the same cells of both) is matched by
//     another dataset giving identical answers to both queries and a different value for that count;
//   - hand-written differencing attacks, and two controls showing that the harness does catch a leak (the
//     nearest-5 rounding, and the 5-week ranges that the calendar refuses).
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import {
  DIMENSION_NAMES,
  NOT_SET,
  VIEWS,
  bandOf,
  findView,
  isOfferedLength,
  parseWeekRange,
  shownCount,
  sumOfFigures,
  tabulate,
  weekCalendar,
  type DimensionName,
  type Shown,
  type View,
} from "../../../src/core/stats/index.ts";
import {
  findWitness,
  groupsFor,
  smallTargets,
  trueCounts,
  type Fact,
  type Query,
  type Rounding,
  type Universe,
} from "./attacker.ts";

/** SHIELD_PROPERTY_RUNS=10 runs every property ten times as often (a longer search, off the normal run). */
const SCALE = Math.max(1, Number(process.env["SHIELD_PROPERTY_RUNS"] ?? 1) || 1);
// The witness search below is incomplete: it can miss another dataset that shows the same figures, and
// then reports a pin that is not one (seed -595995153 did, on 8 incidents where moving one from
// "candidate" to "volunteer" is such a dataset). A fixed seed keeps CI repeatable; set
// SHIELD_PROPERTY_SEED to explore others.
fc.configureGlobal({ seed: Number(process.env["SHIELD_PROPERTY_SEED"] ?? 20261121) });
const CALENDAR = weekCalendar(new Date("2026-11-21T10:00:00Z"), 12);
const WY = "west-yorkshire-police";
const MET = "metropolitan-police";
const view = (name: string): View => findView(name)!;

// Small pools, so that cells of 1–4 are common; the witnesses may also use the extra values.
const POOL = {
  weeks: CALENDAR.slice(-6),
  forces: [WY, MET, null] as (string | null)[],
  channels: ["doorstep", "email", "social-media"],
  levels: ["call-999", "report-to-police", "report-to-platform", "keep-record"],
  offences: ["threats", "hate", "public-order"],
  targeted: ["candidate", "family", "staff", "volunteer"],
  characteristics: ["race", "religion"],
};
const UNIVERSE: Universe = {
  ...POOL,
  weeks: [...POOL.weeks, CALENDAR[0]!],
  forces: [...POOL.forces, "psni"],
  channels: [...POOL.channels, "letter"],
  offences: [...POOL.offences, "assault"],
  characteristics: [...POOL.characteristics, "disability"],
};

const subset = (values: readonly string[], min = 0) =>
  fc.subarray([...values], { minLength: min }).map((a) => [...a].sort());
const factArb: fc.Arbitrary<Fact> = fc.record({
  week: fc.constantFrom(...POOL.weeks),
  force: fc.constantFrom(...POOL.forces),
  channel: fc.constantFrom(...POOL.channels),
  level: fc.constantFrom(...POOL.levels),
  offence: subset(POOL.offences),
  targeted: subset(POOL.targeted, 1),
  characteristics: subset(POOL.characteristics),
});
/** Random incidents, one by one. */
const randomData = fc.array(factArb, { maxLength: 40 });
/** Incidents in runs of the sizes where rounding is tightest (4, 5, 14, 15…). */
const tightData = fc
  .array(fc.tuple(factArb, fc.constantFrom(1, 2, 3, 4, 4, 5, 5, 9, 10, 14, 15)), {
    minLength: 1,
    maxLength: 8,
  })
  .map((runs) => runs.flatMap(([f, n]) => Array.from({ length: n }, () => f)));

/** Ways to set one attribute: the values of the pools, as one-valued sets for the set-valued ones. */
const SETTERS: Record<DimensionName, ((f: Fact) => Fact)[]> = {
  week: POOL.weeks.map((week) => (f: Fact) => ({ ...f, week })),
  force: POOL.forces.map((force) => (f: Fact) => ({ ...f, force })),
  channel: POOL.channels.map((channel) => (f: Fact) => ({ ...f, channel })),
  level: POOL.levels.map((level) => (f: Fact) => ({ ...f, level })),
  offence: [[], ...POOL.offences.map((o) => [o])].map((offence) => (f: Fact) => ({ ...f, offence })),
  targeted: POOL.targeted.map((g) => (f: Fact) => ({ ...f, targeted: [g] })),
  characteristic: [[], ...POOL.characteristics.map((c) => [c])].map((characteristics) => (f: Fact) => ({
    ...f,
    characteristics,
  })),
};
/** Counts at the edges of bands (0, 4, 5, 14, 15, 24, 25) and a few others. */
const EDGES = [0, 0, 1, 4, 4, 4, 5, 5, 9, 14, 15, 24, 25];
const dimArb = fc.constantFrom(...DIMENSION_NAMES, "week", "level", "targeted");
const viewOf = (a: DimensionName, b?: DimensionName) => {
  if (!b || a === b) return view(a);
  const [x, y] = [a, b].sort((p, q) => DIMENSION_NAMES.indexOf(p) - DIMENSION_NAMES.indexOf(q));
  return view(`${x}-by-${y}`);
};

/**
 * The adversarial case: incidents alike but for one or two attributes, laid out as a grid whose every
 * cell is at the edge of a band, queried by pairs that cut the same incidents two ways (a dimension and
 * the total, one dimension and two, two dimensions, a range and its weekly figures).
 */
function gridCase(offered: (weeks: number) => boolean) {
  return fc
    .record({
      base: factArb,
      d1: dimArb,
      d2: dimArb,
      counts: fc.array(fc.constantFrom(...EDGES), { minLength: 64, maxLength: 64 }),
      kind: fc.integer({ min: 0, max: 4 }),
      start: fc.integer({ min: 0, max: POOL.weeks.length - 1 }),
      length: fc.integer({ min: 1, max: POOL.weeks.length }),
      force: fc.constantFrom(undefined, undefined, WY, NOT_SET),
    })
    .filter(({ start, length }) => start + length <= POOL.weeks.length && offered(length))
    .map(({ base, d1, d2, counts, kind, start, length, force }) => {
      const facts: Fact[] = [];
      let i = 0;
      for (const set1 of SETTERS[d1])
        for (const set2 of d1 === d2 ? [(f: Fact) => f] : SETTERS[d2]) {
          const f = set2(set1(base));
          for (let n = counts[i++ % counts.length]!; n > 0; n--) facts.push(f);
        }
      const scope = { weeks: POOL.weeks.slice(start, start + length), force };
      const pairs: Query[][] = [
        [
          { view: viewOf(d1), ...scope },
          { view: view("total"), ...scope },
        ],
        [
          { view: viewOf(d1, d2), ...scope },
          { view: viewOf(d1), ...scope },
        ],
        [
          { view: viewOf(d1, d2), ...scope },
          { view: viewOf(d2), ...scope },
        ],
        [
          { view: viewOf(d1), ...scope },
          { view: d1 === d2 ? view("total") : viewOf(d2), ...scope },
        ],
        [
          { view: viewOf("week", d1), weeks: POOL.weeks, force },
          { view: d1 === "week" ? view("total") : viewOf(d1), ...scope },
        ],
      ];
      return { facts, qs: pairs[kind]! };
    });
}

/** Week ranges of the calendar the service offers (any length but 5, 10, 15…). */
const rangeArb = fc
  .tuple(fc.integer({ min: 0, max: CALENDAR.length - 1 }), fc.integer({ min: 0, max: CALENDAR.length - 1 }))
  .map(([a, b]) => CALENDAR.slice(Math.min(a, b), Math.max(a, b) + 1))
  .filter((weeks) => isOfferedLength(weeks.length));
const queryArb: fc.Arbitrary<Query> = fc.record({
  view: fc.constantFrom(...VIEWS),
  weeks: fc.oneof(rangeArb, fc.constant(POOL.weeks), fc.constant(CALENDAR.slice(-4))),
  force: fc.constantFrom(undefined, undefined, WY, MET, NOT_SET),
});

/** Pairs a careful analyst would try: the same incidents cut two ways, one force and all, nested ranges. */
const relatedPairArb: fc.Arbitrary<[Query, Query]> = fc
  .tuple(queryArb, queryArb, fc.integer({ min: 0, max: 3 }))
  .map(([a, b, how]): [Query, Query] => {
    if (how === 0) return [a, { ...b, weeks: a.weeks, force: a.force }];
    if (how === 1) return [a, { ...a, force: undefined }];
    if (how === 2) {
      const weekly = VIEWS.filter((v) => v.dimensions.includes("week"));
      return [a, { view: weekly[b.view.name.length % weekly.length]!, weeks: CALENDAR, force: a.force }];
    }
    return [a, b];
  });

function assertNoPin(qs: readonly Query[], facts: readonly Fact[], round?: Rounding) {
  for (const target of smallTargets(qs, facts)) {
    const witness = findWitness(qs, facts, target, UNIVERSE, round);
    if (!witness)
      assert.fail(
        `pinned: ${target.what} = ${target.count} by ${qs.map((q) => `${q.view.name} over ${q.weeks.length} weeks${q.force ? ` in ${q.force}` : ""}`).join(" and ")}`,
      );
  }
}

describe("published figures", () => {
  it('are "<5" for 0–4 and the nearest 10 otherwise, and each band holds exactly the counts showing it', () => {
    for (let n = 0; n <= 1000; n++) {
      const shown = shownCount(n);
      if (n < 5) assert.equal(shown, "<5");
      else {
        assert.equal(typeof shown, "number");
        assert.equal((shown as number) % 10, 0);
        assert.ok((shown as number) >= 10);
        assert.ok(Math.abs((shown as number) - n) <= 5);
      }
      const band = bandOf(shown);
      assert.ok(band.min <= n && n <= band.max);
      for (const m of [band.min - 1, band.max + 1]) if (m >= 0) assert.notDeepEqual(shownCount(m), shown);
    }
  });

  it("the sum or difference of any two figures never pins a count under 5", () => {
    const figures: Shown[] = ["<5", ...Array.from({ length: 40 }, (_, i) => (i + 1) * 10)];
    for (const a of figures) {
      for (const b of figures) {
        const A = bandOf(a);
        const B = bandOf(b);
        // The attacker knows c = a − b (or a + b) and may also know c is under 5.
        for (const [lo, hi] of [
          [A.min - B.max, A.max - B.min],
          [A.min + B.min, A.max + B.max],
        ] as const) {
          const possible = [];
          for (let c = Math.max(0, lo); c <= Math.min(4, hi); c++) possible.push(c);
          assert.ok(hi - lo >= 8, `${a} and ${b}: band of ${hi - lo + 1} values`);
          if (possible.length === 1) assert.equal(possible[0], 0, `${a} and ${b} pin ${possible[0]}`);
        }
      }
    }
  });

  it("every answer, on any data, is figures and derived totals only, each band holding the truth", () => {
    fc.assert(
      fc.property(fc.oneof(randomData, tightData), queryArb, (facts, q) => {
        const table = tabulate(q.view, q, groupsFor(q, facts));
        const truth = trueCounts(q, facts);
        assert.equal(table.cells.length, truth.size);
        for (const cell of table.cells) {
          const id = q.view.dimensions.map((d) => cell.keys[d]).join("|");
          const band = bandOf(cell.count);
          const n = truth.get(id)!;
          assert.ok(cell.count === "<5" || (cell.count >= 10 && cell.count % 10 === 0));
          assert.ok(band.min <= n && n <= band.max, `${id}: ${n} shown as ${cell.count}`);
        }
        // Totals are sums of the figures shown, never counts of their own.
        if (table.totals.all)
          assert.deepEqual(table.totals.all, sumOfFigures(table.cells.map((c) => c.count)));
      }),
      { numRuns: 200 },
    );
  });
});

describe("no pair of queries pins a count under 5 (property)", () => {
  it("random incidents, random pairs of queries", () => {
    fc.assert(
      fc.property(randomData, fc.array(queryArb, { minLength: 2, maxLength: 2 }), (facts, qs) =>
        assertNoPin(qs, facts),
      ),
      { numRuns: 150 * SCALE },
    );
  });

  it("random incidents, pairs cutting the same incidents two ways", () => {
    fc.assert(
      fc.property(randomData, relatedPairArb, (facts, qs) => assertNoPin(qs, facts)),
      { numRuns: 150 * SCALE },
    );
  });

  it("adversarial grids at the edges of bands, pairs cutting them two ways", () => {
    fc.assert(
      fc.property(gridCase(isOfferedLength), ({ facts, qs }) => assertNoPin(qs, facts)),
      { numRuns: 1500 * SCALE },
    );
  });

  it("tight data (runs of 4, 5, 14, 15 …), related and random pairs", () => {
    fc.assert(
      fc.property(tightData, fc.oneof(relatedPairArb, fc.tuple(queryArb, queryArb)), (facts, qs) =>
        assertNoPin(qs, facts),
      ),
      { numRuns: 150 * SCALE },
    );
  });

  it("every pair of views over the same weeks, on tight data", () => {
    fc.assert(
      fc.property(tightData, (facts) => {
        for (const a of VIEWS)
          for (const b of VIEWS)
            if (a.name < b.name)
              assertNoPin(
                [
                  { view: a, weeks: POOL.weeks },
                  { view: b, weeks: POOL.weeks },
                ],
                facts,
              );
      }),
      { numRuns: 3 * SCALE },
    );
  });
});

/** n incidents alike but for the given attributes. */
const incidents = (n: number, f: Partial<Fact>): Fact[] =>
  Array.from({ length: n }, () => ({
    week: CALENDAR.at(-1)!,
    force: WY,
    channel: "email",
    level: "report-to-police",
    offence: [],
    targeted: ["candidate"],
    characteristics: [],
    ...f,
  }));

const answer = (q: Query, facts: readonly Fact[]) => tabulate(q.view, q, groupsFor(q, facts));

describe("differencing attacks", () => {
  it("two overlapping week ranges: the week between them stays hidden", () => {
    const [w1, w2, w3, w4] = CALENDAR.slice(-4) as [string, string, string, string];
    const facts = [
      ...incidents(12, { week: w1 }),
      ...incidents(7, { week: w2 }),
      ...incidents(3, { week: w4 }), // the small count the attacker is after
    ];
    const longer: Query = { view: view("total"), weeks: [w1, w2, w3, w4] };
    const shorter: Query = { view: view("total"), weeks: [w1, w2, w3] };
    const a = answer(longer, facts).cells[0]!.count; // 22 → 20
    const b = answer(shorter, facts).cells[0]!.count; // 19 → 20
    assert.deepEqual([a, b], [20, 20]);
    const diff = { min: bandOf(a).min - bandOf(b).max, max: bandOf(a).max - bandOf(b).min };
    assert.ok(diff.min <= 0 && diff.max >= 4, "the difference could be anything from 0 to 4 and more");
    assertNoPin([longer, shorter], facts);
    // and the weekly figures of the same weeks do not help
    assertNoPin([longer, { view: view("week"), weeks: [w1, w2, w3, w4] }], facts);
  });

  it("one dimension against two: a force's figure against its row by channel", () => {
    const facts = [
      ...incidents(9, { channel: "email" }),
      ...incidents(9, { channel: "social-media" }),
      ...incidents(2, { channel: "doorstep" }), // hidden
      ...incidents(16, { force: MET }),
    ];
    const byForce: Query = { view: view("force"), weeks: CALENDAR.slice(-4) };
    const byForceAndChannel: Query = { view: view("force-by-channel"), weeks: CALENDAR.slice(-4) };
    const wy = answer(byForce, facts).cells.find((c) => c.keys["force"] === WY)!.count;
    const row = answer(byForceAndChannel, facts).cells.filter((c) => c.keys["force"] === WY);
    assert.equal(wy, 20);
    assert.deepEqual(
      row.filter((c) => c.count !== "<5").map((c) => [c.keys["channel"], c.count]),
      [
        ["email", 10],
        ["social-media", 10],
      ],
    );
    assertNoPin([byForce, byForceAndChannel], facts);
  });

  it("one force against all forces", () => {
    const facts = [...incidents(11, {}), ...incidents(3, { force: MET }), ...incidents(14, { force: null })];
    const national: Query = { view: view("channel"), weeks: CALENDAR.slice(-4) };
    for (const force of [WY, MET, NOT_SET]) {
      assertNoPin([national, { ...national, force }], facts);
      assertNoPin(
        [
          { view: view("total"), weeks: national.weeks },
          { view: view("total"), weeks: national.weeks, force },
        ],
        facts,
      );
    }
  });

  it("the same query before and after one more incident", () => {
    const before = incidents(14, {});
    const after = [...before, ...incidents(1, {})];
    const q: Query = { view: view("total"), weeks: CALENDAR.slice(-4) };
    // 14 → 10 and 15 → 20: the attacker learns the count crossed a band, not what it is.
    const [a, b] = [answer(q, before).cells[0]!.count, answer(q, after).cells[0]!.count];
    assert.deepEqual([a, b], [10, 20]);
    const added = { min: bandOf(b).min - bandOf(a).max, max: bandOf(b).max - bandOf(a).min };
    assert.deepEqual(added, { min: 1, max: 19 });
  });
});

describe("the harness catches leaks (controls)", () => {
  // Nearest 5, as some statistics round: 8–12 shows as 10, 5–7 as 5.
  const nearestFive: Rounding = (n) => (n < 5 ? "<5" : Math.max(5, Math.round(n / 5) * 5));
  // Down to a multiple of 5: 5–9 shows as 5.
  const downToFive: Rounding = (n) => (n < 5 ? "<5" : Math.floor(n / 5) * 5);

  it("the property search finds pins under weaker rules (nearest 5; down to 5 with 5-week ranges)", () => {
    const pinsFound = (round: Rounding) => {
      let pins = 0;
      fc.assert(
        fc.property(
          gridCase(() => true),
          ({ facts, qs }) => {
            for (const target of smallTargets(qs, facts))
              if (!findWitness(qs, facts, target, UNIVERSE, round)) pins++;
          },
        ),
        { numRuns: 1500, seed: 20261121 },
      );
      return pins;
    };
    assert.ok(pinsFound(nearestFive) > 0, "nearest 5");
    assert.ok(pinsFound(downToFive) > 0, "down to 5");
    assert.equal(pinsFound(shownCount), 0, "the rule in use, even with 5-week ranges on these grids");
  });

  it("rounding to the nearest 5 lets a total and its parts pin two counts of 4", () => {
    const channels = [
      "doorstep",
      "hustings",
      "street",
      "office",
      "home",
      "letter",
      "phone-call",
      "text-message",
      "email",
      "social-media",
    ];
    const facts = [
      ...channels.flatMap((channel) => incidents(7, { channel })), // each at the top of "5" (5–7)
      ...incidents(4, { channel: "other-online" }),
      ...incidents(4, { channel: "other" }),
    ]; // 78 in all: "80" under nearest 5 is 78–82, so every part must be at its top
    const qs: Query[] = [
      { view: view("total"), weeks: CALENDAR.slice(-4) },
      { view: view("channel"), weeks: CALENDAR.slice(-4) },
    ];
    assert.throws(() => assertNoPin(qs, facts, nearestFive), /pinned: query 2 cell other/);
    assertNoPin(qs, facts); // the rule in use: 78 is "80" (75–84), so the parts are not forced
  });

  it("a range of 5 weeks against its weekly figures would pin counts of 4, so it is refused", () => {
    const five = CALENDAR.slice(-5);
    const facts = [
      ...five.flatMap((week) => incidents(4, { week, level: "call-999", channel: "doorstep" })).slice(0, 5),
      ...five.flatMap((week) => incidents(4, { week })).slice(5),
    ]; // 4 a week; by level 5 and 15 (the bottoms of "10" and "20")
    const qs: Query[] = [
      { view: view("week"), weeks: five },
      { view: view("level"), weeks: five },
    ];
    assert.throws(() => assertNoPin(qs, facts), /pinned/);
    assert.equal(parseWeekRange("2026-W43..2026-W47", CALENDAR).ok, false);
    // One more week (with nothing in it) and nothing is pinned.
    const six = CALENDAR.slice(-6);
    assertNoPin(
      [
        { view: view("week"), weeks: six },
        { view: view("level"), weeks: six },
      ],
      facts,
    );
  });
});
