// The pieces national statistics are built from: the week calendar, the dimensions and their fixed keys,
// offence categories, an incident's facts from its verdict, and tabulation.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  DIMENSIONS,
  DIMENSION_NAMES,
  OFFENCE_CATEGORIES,
  VIEWS,
  defaultRange,
  findView,
  incidentFactsOf,
  isoWeekOf,
  keysFor,
  offenceCategoryOf,
  parseWeekRange,
  tabulate,
  weekCalendar,
  weekLabel,
  weekStartOf,
  weekStartOfIsoWeek,
  type Key,
} from "../../../src/core/stats/index.ts";
import { OFFENCES } from "../../../src/core/triage/index.ts";
import { verdictOf } from "../triage/scenarios/support.ts";

describe("the week calendar", () => {
  it("a week runs Monday to Sunday in UTC and is named by its ISO week", () => {
    assert.equal(weekStartOf(new Date("2026-11-22T23:59:59Z")), "2026-11-16"); // Sunday night
    assert.equal(weekStartOf(new Date("2026-11-23T00:00:00Z")), "2026-11-23"); // Monday
    assert.equal(weekStartOf(new Date("2026-05-07T21:00:00+01:00")), "2026-05-04"); // polling day, BST
    assert.equal(isoWeekOf("2025-12-29"), "2026-W01"); // 1 January 2026 is a Thursday
    assert.equal(isoWeekOf("2020-12-28"), "2020-W53");
    assert.equal(weekLabel("2026-11-16"), "w/c 16 Nov 2026");
  });

  it("every ISO week of 2015–2035 reads back to its Monday, and week 53 exists only where it does", () => {
    for (let monday = Date.UTC(2014, 11, 29); monday < Date.UTC(2036, 0, 1); monday += 7 * 86_400_000) {
      const weekStart = new Date(monday).toISOString().slice(0, 10);
      assert.equal(weekStartOfIsoWeek(isoWeekOf(weekStart)), weekStart);
    }
    assert.equal(weekStartOfIsoWeek("2026-W53"), "2026-12-28");
    assert.equal(weekStartOfIsoWeek("2025-W53"), undefined);
    assert.equal(weekStartOfIsoWeek("2026-W00"), undefined);
    assert.equal(weekStartOfIsoWeek("2026-07"), undefined);
  });

  it("the calendar ends with the current week (never a future one), the default is the last 52", () => {
    const calendar = weekCalendar(new Date("2026-11-21T10:00:00Z"));
    assert.equal(calendar.length, 260);
    assert.equal(calendar.at(-1), "2026-11-16");
    assert.equal(new Set(calendar).size, 260);
    const range = defaultRange(calendar);
    assert.equal(range.weeks.length, 52);
    assert.equal(isoWeekOf(range.from), "2025-W48");
  });

  it("ranges: one week or first..last within the calendar, never 5, 10, 15… weeks long", () => {
    const calendar = weekCalendar(new Date("2026-11-21T10:00:00Z"));
    const ok = (text: string) => {
      const parsed = parseWeekRange(text, calendar);
      assert.ok(parsed.ok, text);
      return parsed.value.weeks.length;
    };
    assert.equal(ok("2026-W47"), 1);
    assert.equal(ok("2026-W01..2026-W13"), 13);
    assert.equal(ok(" 2026-W44 .. 2026-W47 "), 4);
    assert.equal(ok("2025-W48..2026-W47"), 52);
    for (const bad of ["2026-W43..2026-W47", "2026-W38..2026-W47", "2026-W10..2026-W24"]) {
      const parsed = parseWeekRange(bad, calendar);
      assert.ok(!parsed.ok && /not offered/.test(parsed.message), bad);
    }
    for (const bad of ["2026-W48", "2021-W47", "2026-W47..2026-W40", "2026-W1", "a..b..c", ""])
      assert.equal(parseWeekRange(bad, calendar).ok, false, bad);
  });
});

describe("dimensions and views", () => {
  it("no dimension has a multiple of 5 keys (the suppression argument depends on it)", () => {
    for (const name of DIMENSION_NAMES) {
      if (name === "week") continue; // its keys are the weeks asked for: ranges of 5, 10… are refused
      const keys = DIMENSIONS[name].keys as readonly Key[];
      assert.notEqual(keys.length % 5, 0, `${name} has ${keys.length} keys`);
      assert.equal(new Set(keys.map((k) => k.key)).size, keys.length, `${name} keys are distinct`);
    }
    assert.equal((DIMENSIONS.force.keys as readonly Key[]).length, 47);
  });

  it("the views: the total, each dimension, each pair of dimensions", () => {
    assert.equal(VIEWS.length, 1 + 7 + 21);
    assert.deepEqual(findView("force-by-week")?.dimensions, ["force", "week"]);
    assert.equal(findView("week-by-force"), undefined);
    assert.equal(findView("force-by-week-by-channel"), undefined);
  });

  it("stored values read as keys: volunteers with staff, nothing as none, no force as not chosen", () => {
    assert.deepEqual(DIMENSIONS.targeted.keysOf(["candidate", "staff", "volunteer"]), ["candidate", "staff"]);
    assert.deepEqual(DIMENSIONS.offence.keysOf([]), ["none"]);
    assert.deepEqual(DIMENSIONS.characteristic.keysOf(["race", "sex"]), ["race", "sex"]);
    assert.deepEqual(DIMENSIONS.force.keysOf(null), ["not-set"]);
    assert.deepEqual(DIMENSIONS.week.keysOf("2026-11-16"), ["2026-W47"]);
    assert.deepEqual(keysFor("force", { weeks: [], force: "psni" }), [
      { key: "psni", label: "Police Service of Northern Ireland" },
    ]);
  });

  it("every offence of the rules is in exactly one category, none in 'other'", () => {
    const placed = OFFENCE_CATEGORIES.flatMap((c) => c.offences);
    assert.equal(new Set(placed).size, placed.length);
    for (const offence of OFFENCES) assert.notEqual(offenceCategoryOf(offence.id), "other", offence.id);
    assert.deepEqual([...placed].sort(), OFFENCES.map((o) => o.id).sort());
    for (const c of OFFENCE_CATEGORIES) assert.ok(c.source.length > 0);
  });
});

describe("an incident's facts, from its verdict", () => {
  it("week, channel, level, offence categories, who it was aimed at, characteristics: no text", () => {
    const verdict = verdictOf({
      summary: "Text message threatening to kill me and my family",
      description: "The message said: I will kill you and your family tonight, you Muslim scum.",
      channel: "text-message",
      targeted: ["family", "candidate"],
      occurredAt: "2026-05-06T22:30:00+01:00",
    });
    const facts = incidentFactsOf(verdict);
    assert.equal(facts.weekStart, "2026-05-04");
    assert.equal(facts.channel, "text-message");
    assert.equal(facts.level, verdict.level);
    assert.equal(facts.level, "call-999");
    assert.ok(facts.offenceCategories.includes("threats"), JSON.stringify(facts));
    assert.deepEqual(facts.targeted, ["candidate", "family"]);
    assert.deepEqual(facts.characteristics, ["religion"]);
    assert.ok(!JSON.stringify(facts).includes("Muslim"));
  });

  it("a characteristic the recorder says it referred to counts; criticism has no offence", () => {
    const referred = incidentFactsOf(
      verdictOf({
        summary: "Shouted at on the doorstep",
        channel: "doorstep",
        answers: { referredTo: ["race"] },
      }),
    );
    assert.deepEqual(referred.characteristics, ["race"]);
    const criticism = incidentFactsOf(
      verdictOf({
        summary: "Email about the bypass",
        description: "Your bypass policy is a waste of money and I will vote for someone else.",
        channel: "email",
      }),
    );
    assert.deepEqual(criticism.offenceCategories, []);
    assert.deepEqual(criticism.characteristics, []);
    assert.equal(criticism.level, "keep-record");
  });
});

describe("tabulation", () => {
  const weeks = ["2026-11-16"];
  it("spreads set-valued facts over their keys, lists every key, and sums totals only where they add up", () => {
    const table = tabulate(findView("level-by-offence")!, { weeks }, [
      { values: ["call-999", ["hate", "threats"]], count: 12 },
      { values: ["keep-record", []], count: 30 },
    ]);
    assert.equal(table.cells.length, 9 * 4);
    const cell = (offence: string, level: string) =>
      table.cells.find((c) => c.keys["offence"] === offence && c.keys["level"] === level)!.count;
    assert.equal(cell("hate", "call-999"), 10);
    assert.equal(cell("threats", "call-999"), 10);
    assert.equal(cell("none", "keep-record"), 30);
    assert.equal(cell("assault", "call-999"), "<5");
    assert.equal(table.totals.all, null);
    // Across levels (one level each) the sums add up; across offence categories (several each) they do not.
    assert.deepEqual(
      table.totals.by.offence?.find((t) => t.key === "hate"),
      {
        key: "hate",
        sum: 10,
        under5: 3,
        min: 5,
        max: 26,
      },
    );
    assert.equal(table.totals.by.level, undefined);
  });

  it("counts nothing outside the view's keys", () => {
    const table = tabulate(findView("week")!, { weeks }, [
      { values: ["2026-11-09"], count: 40 },
      { values: ["2026-11-16"], count: 15 },
    ]);
    assert.deepEqual(table.cells, [{ keys: { week: "2026-W47" }, count: 20 }]);
  });
});
