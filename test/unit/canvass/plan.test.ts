// The canvass session plan: its schema (shape and ranges), the checks that need the clock, and going alone.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import {
  ALONE_WARNING,
  CANVASS_DEFAULTS,
  CANVASS_LIMITS,
  CanvassPlanSchema,
  ContactSchema,
  isAlone,
  planProblems,
  type CanvassPlan,
  type CanvassPlanInput,
} from "../../../src/core/canvass/plan.ts";

const NOW = new Date("2024-07-01T10:00:00.000Z");
const HOUR = 3_600_000;
const later = (ms: number) => new Date(NOW.getTime() + ms);

const VALID: CanvassPlanInput = {
  area: "Elm Road and Oak Avenue, Northtown ward",
  people: [{ name: "Priya Shah", phone: "07700 900123" }, { userId: "3f0c2a8e-5b7d-4c1e-9a2b-6d8e0f1a2b3c" }],
  endsAt: later(3 * HOUR),
  checkInEveryMinutes: 30,
  contacts: [{ name: "Sam Agent", email: "sam@example.org" }],
};

const parse = (over: Record<string, unknown>) => CanvassPlanSchema.safeParse({ ...VALID, ...over });

/** The issues of a plan that must be refused. */
function issuesOf(over: Record<string, unknown>) {
  const r = parse(over);
  assert.equal(r.success, false, `expected ${JSON.stringify(over)} to be refused`);
  return r.error!.issues;
}

const valid = (over: Record<string, unknown> = {}): CanvassPlan => {
  const r = parse(over);
  assert.ok(r.success, JSON.stringify(r.error?.issues));
  return r.data;
};

describe("CanvassPlanSchema", () => {
  test("a realistic plan is accepted, with the defaults filled in", () => {
    const plan = valid();
    assert.equal(plan.graceMinutes, 5);
    assert.equal(plan.stage2AfterMinutes, 15);
    assert.equal(plan.stage3AfterMinutes, 30);
    assert.equal(plan.alertSpoc, false);
    assert.equal(plan.shareLocation, false);
    assert.deepEqual(plan.points, []);
    assert.ok(plan.endsAt instanceof Date);
    assert.equal(plan.endsAt.getTime(), later(3 * HOUR).getTime());
    assert.deepEqual(
      {
        graceMinutes: plan.graceMinutes,
        stage2AfterMinutes: plan.stage2AfterMinutes,
        stage3AfterMinutes: plan.stage3AfterMinutes,
      },
      {
        graceMinutes: CANVASS_DEFAULTS.graceMinutes,
        stage2AfterMinutes: CANVASS_DEFAULTS.stage2AfterMinutes,
        stage3AfterMinutes: CANVASS_DEFAULTS.stage3AfterMinutes,
      },
    );
  });

  test("endsAt may be an ISO string (from JSON)", () => {
    assert.equal(
      valid({ endsAt: "2024-07-01T13:00:00.000Z" }).endsAt.toISOString(),
      "2024-07-01T13:00:00.000Z",
    );
    const issues = issuesOf({ endsAt: "not a date" });
    assert.deepEqual(issues[0]?.path, ["endsAt"]);
  });

  test("text is trimmed", () => {
    const plan = valid({ area: "  Elm Road  ", people: [{ name: "  Priya  " }] });
    assert.equal(plan.area, "Elm Road");
    assert.deepEqual(plan.people, [{ name: "Priya" }]);
  });

  test("a check-in interval of 0 is refused", () => {
    const issues = issuesOf({ checkInEveryMinutes: 0 });
    assert.deepEqual(issues[0]?.path, ["checkInEveryMinutes"]);
    assert.match(issues[0]!.message, /at least 1 minute/);
  });

  test("a check-in interval that is not a whole number of minutes is refused", () => {
    const issues = issuesOf({ checkInEveryMinutes: 2.5 });
    assert.deepEqual(issues[0]?.path, ["checkInEveryMinutes"]);
    assert.match(issues[0]!.message, /whole number of minutes/);
  });

  test("the check-in interval is 1 to 240 minutes", () => {
    valid({ checkInEveryMinutes: 1 });
    valid({ checkInEveryMinutes: CANVASS_LIMITS.maxCheckInMinutes });
    issuesOf({ checkInEveryMinutes: CANVASS_LIMITS.maxCheckInMinutes + 1 });
    issuesOf({ checkInEveryMinutes: -5 });
    issuesOf({ checkInEveryMinutes: "30" });
    issuesOf({ checkInEveryMinutes: undefined });
  });

  test("an empty area (or only spaces) is refused", () => {
    for (const area of ["", "   "]) {
      const issues = issuesOf({ area });
      assert.deepEqual(issues[0]?.path, ["area"]);
      assert.match(issues[0]!.message, /say where you will be/);
    }
  });

  test("a plan with nobody going out is refused", () => {
    const issues = issuesOf({ people: [] });
    assert.deepEqual(issues[0]?.path, ["people"]);
    assert.match(issues[0]!.message, /say who is going out/);
  });

  test("too many people, contacts or points are refused", () => {
    issuesOf({ people: Array.from({ length: CANVASS_LIMITS.maxPeople + 1 }, (_, i) => ({ name: `P${i}` })) });
    issuesOf({
      contacts: Array.from({ length: CANVASS_LIMITS.maxContacts + 1 }, (_, i) => ({
        name: `C${i}`,
        phone: "07700 900123",
      })),
    });
    issuesOf({
      points: Array.from({ length: CANVASS_LIMITS.maxPoints + 1 }, () => ({ lat: 51.5, lng: -0.1 })),
    });
  });

  test("a named contact with neither an email address nor a phone number is refused", () => {
    const issues = issuesOf({ contacts: [{ name: "Sam Agent" }] });
    assert.equal(issues.length, 1);
    assert.deepEqual(issues[0]?.path, ["contacts", 0]);
    assert.match(issues[0]!.message, /email address or a phone number/);
  });

  test("a contact may have an email, a phone, or both; or be a team member", () => {
    valid({ contacts: [{ name: "Sam", email: "sam@example.org" }] });
    valid({ contacts: [{ name: "Sam", phone: "+44 7700 900123" }] });
    valid({ contacts: [{ name: "Sam", email: "sam@example.org", phone: "(020) 7946-0018" }] });
    valid({ contacts: [{ userId: "3f0c2a8e-5b7d-4c1e-9a2b-6d8e0f1a2b3c" }] });
    assert.equal(valid({ contacts: undefined }).contacts, undefined, "omitted: the campaign's team");
    assert.ok(!ContactSchema.safeParse({ userId: "not-a-uuid" }).success);
  });

  test("a bad phone number is refused, for a contact and for someone going out", () => {
    for (const phone of ["call me", "12345", "07700 900123 ext. 4", "+44 7700 9OO123"]) {
      const contact = issuesOf({ contacts: [{ name: "Sam", phone }] });
      assert.deepEqual(contact[0]?.path, ["contacts", 0, "phone"], phone);
      assert.match(contact[0]!.message, /must be a phone number/);
      const out = issuesOf({ people: [{ name: "Priya", phone }] });
      assert.deepEqual(out[0]?.path, ["people", 0, "phone"], phone);
    }
  });

  test("a bad email address is refused", () => {
    for (const email of ["sam", "sam@", "@example.org", "sam at example.org"]) {
      const issues = issuesOf({ contacts: [{ name: "Sam", email }] });
      assert.deepEqual(issues[0]?.path, ["contacts", 0, "email"], email);
      assert.match(issues[0]!.message, /must be an email address/);
    }
  });

  test("unknown fields are refused (strict), in the plan and in a person", () => {
    issuesOf({ colour: "red" });
    issuesOf({ people: [{ name: "Priya", age: 40 }] });
    issuesOf({ people: [{ userId: "3f0c2a8e-5b7d-4c1e-9a2b-6d8e0f1a2b3c", name: "Priya" }] });
  });

  test("grace and stage timings keep to their ranges", () => {
    valid({ graceMinutes: 0 });
    issuesOf({ graceMinutes: -1 });
    issuesOf({ graceMinutes: CANVASS_LIMITS.maxGraceMinutes + 1 });
    issuesOf({ stage2AfterMinutes: 0 });
    issuesOf({ stage3AfterMinutes: CANVASS_LIMITS.maxStageMinutes + 1 });
    issuesOf({ graceMinutes: 1.5 });
  });

  test("points are latitude and longitude within range", () => {
    valid({ points: [{ lat: 51.501, lng: -0.142, label: "Start at the church" }] });
    issuesOf({ points: [{ lat: 91, lng: 0 }] });
    issuesOf({ points: [{ lat: 0, lng: -181 }] });
  });
});

describe("planProblems", () => {
  test("a good plan has no problems", () => {
    assert.deepEqual(planProblems(valid(), NOW), []);
    assert.deepEqual(planProblems(valid({ alertSpoc: true }), NOW), []);
  });

  test("a plan that ends in the past (or now) is a problem", () => {
    for (const endsAt of [later(-1), NOW]) {
      const problems = planProblems(valid({ endsAt }), NOW);
      assert.deepEqual(
        problems.map((p) => p.field),
        ["endsAt"],
      );
      assert.match(problems[0]!.message, /in the past/);
    }
  });

  test("a plan that ends more than 16 hours ahead is a problem; exactly 16 hours is fine", () => {
    assert.deepEqual(planProblems(valid({ endsAt: later(16 * HOUR) }), NOW), []);
    const problems = planProblems(valid({ endsAt: later(16 * HOUR + 1) }), NOW);
    assert.deepEqual(
      problems.map((p) => p.field),
      ["endsAt"],
    );
    assert.match(problems[0]!.message, /more than 16 hours/);
  });

  test("stage 2 must come after the grace period", () => {
    for (const stage2AfterMinutes of [5, 4]) {
      const problems = planProblems(valid({ graceMinutes: 5, stage2AfterMinutes }), NOW);
      assert.deepEqual(
        problems.map((p) => p.field),
        ["stage2AfterMinutes"],
      );
      assert.match(problems[0]!.message, /later than the first alert/);
    }
    assert.deepEqual(planProblems(valid({ graceMinutes: 5, stage2AfterMinutes: 6 }), NOW), []);
  });

  test("stage 3 must come after stage 2, but only when the SPOC is to be alerted", () => {
    for (const stage3AfterMinutes of [15, 10]) {
      const withSpoc = planProblems(
        valid({ alertSpoc: true, stage2AfterMinutes: 15, stage3AfterMinutes }),
        NOW,
      );
      assert.deepEqual(
        withSpoc.map((p) => p.field),
        ["stage3AfterMinutes"],
      );
      assert.match(withSpoc[0]!.message, /later than the second alert/);
      assert.deepEqual(
        planProblems(valid({ alertSpoc: false, stage2AfterMinutes: 15, stage3AfterMinutes }), NOW),
        [],
      );
    }
  });

  test("every problem is reported at once", () => {
    const problems = planProblems(
      valid({
        endsAt: later(-HOUR),
        graceMinutes: 20,
        stage2AfterMinutes: 10,
        alertSpoc: true,
        stage3AfterMinutes: 10,
      }),
      NOW,
    );
    assert.deepEqual(
      problems.map((p) => p.field),
      ["endsAt", "stage2AfterMinutes", "stage3AfterMinutes"],
    );
  });
});

describe("isAlone", () => {
  test("one person out is alone; two or more are not", () => {
    assert.equal(isAlone({ people: [{ name: "Priya" }] }), true);
    assert.equal(isAlone(valid({ people: [{ name: "Priya" }] })), true);
    assert.equal(isAlone(valid()), false);
    assert.equal(isAlone({ people: [{ name: "Priya" }, { name: "Tom" }, { name: "Ade" }] }), false);
  });

  test("the warning says to go with someone and to tell people where you are", () => {
    assert.match(ALONE_WARNING, /canvass alone/);
    assert.match(ALONE_WARNING, /go with someone/);
    assert.match(ALONE_WARNING, /know where you are/);
  });
});
