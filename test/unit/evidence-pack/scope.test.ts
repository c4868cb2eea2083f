// A pack's scope as a request gives it: exactly one of an incident, an actor or a date range, and dates
// as people mean them (whole days, in UK time, across the clock changes).
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  PackScopeSchema,
  dateRangeBounds,
  packScopeOf,
  startOfLondonDay,
} from "../../../src/core/evidence-pack/index.ts";

const ID = "3f0c1a9e-1b2c-4d5e-8f90-0a1b2c3d4e5f";

test("a bare date is the whole day in UK time, in winter and in summer", () => {
  assert.equal(startOfLondonDay("2026-01-15").toISOString(), "2026-01-15T00:00:00.000Z");
  assert.equal(startOfLondonDay("2026-07-15").toISOString(), "2026-07-14T23:00:00.000Z");
  // The clocks go forward on 29 March 2026 at 01:00 UTC, and back on 25 October at 01:00 UTC.
  assert.equal(startOfLondonDay("2026-03-29").toISOString(), "2026-03-29T00:00:00.000Z");
  assert.equal(startOfLondonDay("2026-03-30").toISOString(), "2026-03-29T23:00:00.000Z");
  assert.equal(startOfLondonDay("2026-10-25").toISOString(), "2026-10-24T23:00:00.000Z");
  assert.equal(startOfLondonDay("2026-10-26").toISOString(), "2026-10-26T00:00:00.000Z");

  const { start, end } = dateRangeBounds("2026-07-01", "2026-07-31");
  assert.equal(start.toISOString(), "2026-06-30T23:00:00.000Z");
  assert.equal(end.toISOString(), "2026-07-31T23:00:00.000Z", "the last day is included, up to its midnight");
  const exact = dateRangeBounds("2026-07-01T12:00:00Z", "2026-07-01T13:00:00+01:00");
  assert.equal(exact.start.toISOString(), "2026-07-01T12:00:00.000Z");
  assert.equal(
    exact.end.getTime() - new Date("2026-07-01T12:00:00Z").getTime(),
    1,
    "an exact end is inclusive",
  );
});

test("the scope is exactly one of an incident, an actor or a date range, with a message naming the field", () => {
  const ok = (body: unknown) => PackScopeSchema.safeParse(body);
  assert.deepEqual(packScopeOf(ok({ incidentId: ID }).data!), { kind: "incident", incidentId: ID });
  assert.deepEqual(packScopeOf(ok({ actorId: ID.toUpperCase() }).data!), { kind: "actor", actorId: ID });
  assert.deepEqual(packScopeOf(ok({ from: "2026-11-01", to: "2026-11-21" }).data!), {
    kind: "dates",
    from: "2026-11-01",
    to: "2026-11-21",
  });
  const fails = (body: unknown, path: string, message: RegExp) => {
    const result = ok(body);
    assert.equal(result.success, false, JSON.stringify(body));
    const issue = result.error!.issues[0]!;
    assert.equal(issue.path.join("."), path, JSON.stringify(result.error!.issues));
    assert.match(issue.message, message);
  };
  fails({}, "", /exactly one of/);
  fails({ incidentId: ID, actorId: ID }, "", /exactly one of/);
  fails({ incidentId: ID, from: "2026-11-01", to: "2026-11-02" }, "", /exactly one of/);
  fails({ from: "2026-11-01" }, "to", /is needed with from/);
  fails({ to: "2026-11-01" }, "from", /is needed with to/);
  fails({ from: "2026-11-21", to: "2026-11-01" }, "to", /must not be before from/);
  fails({ from: "2026-02-30", to: "2026-03-01" }, "from", /must be a date/);
  fails({ from: "yesterday", to: "2026-03-01" }, "from", /must be a date/);
  fails({ from: "2026-11-01T10:00", to: "2026-11-02" }, "from", /with an offset/);
  fails({ incidentId: "not-a-uuid" }, "incidentId", /UUID/i);
  fails({ incidentId: ID, extra: 1 }, "", /unrecognized|Unrecognized/);
});
