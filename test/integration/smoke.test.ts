import { test } from "node:test";
import assert from "node:assert/strict";
import { startHarness, setUpCandidate, sampleIncident } from "../support/harness.ts";

test("a candidate sets up Shield, records an incident and reads it back", async (t) => {
  const h = await startHarness();
  t.after(() => h.close());
  const { session, campaignId } = await setUpCandidate(h);
  const created = await session.request("POST", `/api/campaigns/${campaignId}/incidents`, sampleIncident());
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const read = await session.request("GET", `/api/incidents/${created.body.id}`);
  assert.equal(read.status, 200);
  assert.equal(read.body.body.summary, "Man shouted at me on the doorstep");
  assert.equal(read.body.revisions.length, 1);
});
