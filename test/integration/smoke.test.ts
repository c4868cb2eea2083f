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

test("the API documents itself at /docs (OpenAPI)", async (t) => {
  const h = await startHarness();
  t.after(() => h.close());
  const spec = await h.app.inject({ method: "GET", url: "/docs/json" });
  assert.equal(spec.statusCode, 200);
  const doc = JSON.parse(spec.body);
  assert.match(doc.openapi, /^3\./);
  for (const path of [
    "/api/campaigns/{id}/incidents",
    "/api/incidents/{id}/revisions",
    "/api/auth/login",
    "/healthz",
  ]) {
    assert.ok(doc.paths[path], `${path} is documented`);
  }
  assert.ok(
    doc.paths["/api/campaigns/{id}/incidents"].post.requestBody,
    "request bodies come from the zod schemas",
  );
  const ui = await h.app.inject({ method: "GET", url: "/docs/" });
  assert.equal(ui.statusCode, 200);
});
