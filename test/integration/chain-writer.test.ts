import { test } from "node:test";
import assert from "node:assert/strict";
import { sampleIncident, setUpCandidate, startHarness } from "../support/harness.ts";
import { verifyIntegrity } from "../../src/store/verify.ts";

test("concurrent writes to one campaign are committed in groups; a failing write fails alone", async (t) => {
  const h = await startHarness();
  t.after(() => h.close());
  const { session, campaignId } = await setUpCandidate(h);
  const first = await session.request("POST", `/api/campaigns/${campaignId}/incidents`, sampleIncident());
  const url = `/api/campaigns/${campaignId}/incidents`;
  const writes = [
    ...Array.from({ length: 30 }, (_, i) =>
      session.request("POST", url, sampleIncident({ summary: `Concurrent ${i}` })),
    ),
    session.request("POST", `/api/incidents/${first.body.id}/revisions`, {
      body: sampleIncident(),
      reason: "stale edit",
      expectedRevision: 7,
    }),
    ...Array.from({ length: 10 }, (_, i) =>
      session.request("POST", `/api/incidents/${first.body.id}/evidence`, {
        kind: "text",
        text: `message ${i}`,
      }),
    ),
  ];
  const results = await Promise.all(writes);
  assert.deepEqual(
    results.map((r) => r.status),
    [...Array(30).fill(201), 409, ...Array(10).fill(201)],
  );
  const list = await session.request("GET", `${url}?limit=100`);
  assert.equal(list.body.incidents.length, 31);
  const detail = await session.request("GET", `/api/incidents/${first.body.id}`);
  assert.equal(detail.body.revision, 1, "the refused amendment wrote nothing");
  assert.equal(detail.body.evidence.length, 10);
  const report = await verifyIntegrity(h.runtime.deps.db, h.runtime.deps.blobs, h.runtime.deps.secrets);
  assert.deepEqual(report.problems, []);
});
