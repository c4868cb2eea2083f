// What the browser app's offline outbox relies on, over HTTP against a real database: a write sent
// again with the same Idempotency-Key (after a lost answer, or twice at once) makes one record, not
// two; a key reused for another request is refused and changes nothing. Also the online health
// check's progress, which the app keeps on the server.
import { test, type TestContext } from "node:test";
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { HEALTH_CHECK_ITEMS } from "../../src/core/safety/health-check.ts";
import { addTeamMember, sampleIncident, setUpCandidate, startHarness } from "../support/harness.ts";
import { pngUpload, send } from "../support/requests.ts";
import { changedKeys, snapshot } from "../support/snapshot.ts";

async function campaign(t: TestContext) {
  const h = await startHarness();
  t.after(() => h.close());
  const { session, campaignId } = await setUpCandidate(h);
  const post = (url: string, body: unknown, key?: string) =>
    send(
      h.app,
      { name: "candidate", token: session.token },
      "POST",
      url,
      body,
      key ? { "idempotency-key": key } : {},
    );
  return { h, session, campaignId, post };
}

test("an incident sent twice with one key is recorded once, and the repeat gets the same incident", async (t) => {
  const c = await campaign(t);
  const key = randomUUID();
  const body = sampleIncident({ summary: "Sent from the outbox" });
  const first = await c.post(`/api/campaigns/${c.campaignId}/incidents`, body, key);
  assert.equal(first.status, 201, JSON.stringify(first.body));
  const before = await snapshot(c.h);
  const again = await c.post(`/api/campaigns/${c.campaignId}/incidents`, body, key);
  assert.equal(again.status, 201, JSON.stringify(again.body));
  assert.equal(again.headers["idempotent-replayed"], "true");
  assert.equal(again.body.id, first.body.id);
  assert.equal(again.body.verdict.level, first.body.verdict.level);
  const changed = changedKeys(before, await snapshot(c.h));
  assert.deepEqual(
    changed.filter((k) => k !== "reads"),
    [],
    "a repeat writes nothing but the read of what it returns",
  );
  const list = await c.session.request("GET", `/api/campaigns/${c.campaignId}/incidents`);
  assert.equal(list.body.incidents.filter((i: any) => i.summary === "Sent from the outbox").length, 1);
});

test("two sends of one key at the same moment make one incident", async (t) => {
  const c = await campaign(t);
  const key = randomUUID();
  const body = sampleIncident({ summary: "Raced" });
  const results = await Promise.all(
    Array.from({ length: 4 }, () => c.post(`/api/campaigns/${c.campaignId}/incidents`, body, key)),
  );
  for (const r of results) assert.equal(r.status, 201, JSON.stringify(r.body));
  assert.equal(new Set(results.map((r) => r.body.id)).size, 1);
  const list = await c.session.request("GET", `/api/campaigns/${c.campaignId}/incidents`);
  assert.equal(list.body.incidents.filter((i: any) => i.summary === "Raced").length, 1);
});

test("a key reused for a different incident is refused and changes nothing", async (t) => {
  const c = await campaign(t);
  const key = randomUUID();
  const first = await c.post(
    `/api/campaigns/${c.campaignId}/incidents`,
    sampleIncident({ summary: "One" }),
    key,
  );
  assert.equal(first.status, 201);
  const before = await snapshot(c.h);
  const other = await c.post(
    `/api/campaigns/${c.campaignId}/incidents`,
    sampleIncident({ summary: "Two" }),
    key,
  );
  assert.equal(other.status, 422);
  assert.equal(other.body.error.code, "idempotency-key-reused");
  assert.match(other.body.error.message, /different request/);
  assert.deepEqual(changedKeys(before, await snapshot(c.h)), []);
});

test("a malformed key is refused before anything is written", async (t) => {
  const c = await campaign(t);
  const before = await snapshot(c.h);
  for (const key of ["short", "has spaces in it", "x".repeat(201), "ünïcode-key-123"]) {
    const res = await c.post(`/api/campaigns/${c.campaignId}/incidents`, sampleIncident(), key);
    assert.equal(res.status, 400, key);
    assert.equal(res.body.error.field, "Idempotency-Key");
  }
  assert.deepEqual(changedKeys(before, await snapshot(c.h)), []);
});

test("keys belong to their user: the same key from a team member is a new record", async (t) => {
  const c = await campaign(t);
  const member = await addTeamMember(c.h, c.session, c.campaignId, "agent@example.org", "full");
  const key = randomUUID();
  const body = sampleIncident({ summary: "Same key, two people" });
  const mine = await c.post(`/api/campaigns/${c.campaignId}/incidents`, body, key);
  const theirs = await send(
    c.h.app,
    { name: "agent", token: member.token },
    "POST",
    `/api/campaigns/${c.campaignId}/incidents`,
    body,
    {
      "idempotency-key": key,
    },
  );
  assert.equal(mine.status, 201);
  assert.equal(theirs.status, 201);
  assert.notEqual(mine.body.id, theirs.body.id);
});

test("text and file evidence sent twice with one key are added once; the verdict comes back with the text", async (t) => {
  const c = await campaign(t);
  const incident = await c.post(
    `/api/campaigns/${c.campaignId}/incidents`,
    sampleIncident({ summary: "Evidence twice" }),
  );
  const url = `/api/incidents/${incident.body.id}`;
  const text = {
    kind: "text",
    text: "I know where you live and I'll be there tonight",
    source: "message-copy",
  };
  const textKey = `${randomUUID()}.e0`;
  const a = await c.post(`${url}/evidence`, text, textKey);
  const b = await c.post(`${url}/evidence`, text, textKey);
  assert.equal(a.status, 201, JSON.stringify(a.body));
  assert.equal(b.status, 201, JSON.stringify(b.body));
  assert.equal(b.body.id, a.body.id);
  assert.equal(b.body.verdict.level, "call-999");
  const fileKey = `${randomUUID()}.e1`;
  const f1 = await send(
    c.h.app,
    { name: "candidate", token: c.session.token },
    "POST",
    `${url}/evidence/file`,
    pngUpload(),
    {
      "idempotency-key": fileKey,
    },
  );
  const f2 = await send(
    c.h.app,
    { name: "candidate", token: c.session.token },
    "POST",
    `${url}/evidence/file`,
    pngUpload(),
    {
      "idempotency-key": fileKey,
    },
  );
  assert.equal(f1.status, 201, JSON.stringify(f1.body));
  assert.equal(f2.status, 201, JSON.stringify(f2.body));
  assert.equal(f2.body.id, f1.body.id);
  const detail = await c.session.request("GET", url);
  assert.equal(detail.body.evidence.length, 2);
  // The same key for a different file is refused.
  const other = await send(
    c.h.app,
    { name: "candidate", token: c.session.token },
    "POST",
    `${url}/evidence/file`,
    pngUpload("photo"),
    {
      "idempotency-key": fileKey,
    },
  );
  assert.equal(other.status, 422);
});

test("health check: progress is kept per campaign, names who ticked it, and an unknown item changes nothing", async (t) => {
  const c = await campaign(t);
  const url = `/api/campaigns/${c.campaignId}/health-check`;
  const empty = await c.session.request("GET", url);
  assert.equal(empty.status, 200);
  assert.deepEqual(empty.body, { items: {} });
  const item = HEALTH_CHECK_ITEMS[1]!.id;
  const ticked = await c.session.request("PUT", `${url}/${item}`, { done: true });
  assert.equal(ticked.status, 200, JSON.stringify(ticked.body));
  assert.equal(ticked.body.items[item].done, true);
  assert.equal(ticked.body.items[item].updatedBy.id, c.session.userId);
  const unticked = await c.session.request("PUT", `${url}/${item}`, { done: false });
  assert.equal(unticked.body.items[item].done, false);
  const before = await snapshot(c.h);
  const unknown = await c.session.request("PUT", `${url}/no-such-item`, { done: true });
  assert.equal(unknown.status, 400);
  assert.equal(unknown.body.error.field, "itemId");
  const badBody = await c.session.request("PUT", `${url}/${item}`, { done: "yes" });
  assert.equal(badBody.status, 400);
  assert.deepEqual(changedKeys(before, await snapshot(c.h)), []);
});
