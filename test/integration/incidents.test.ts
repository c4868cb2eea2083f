import { test } from "node:test";
import assert from "node:assert/strict";
import { Writable } from "node:stream";
import { createHash } from "node:crypto";
import { sql } from "drizzle-orm";
import { addTeamMember, call, sampleIncident, setUpCandidate, startHarness } from "../support/harness.ts";
import { buildApp } from "../../src/server/app.ts";
import { verifyIntegrity } from "../../src/store/verify.ts";
import { queryRows } from "../../src/store/db.ts";

test("incidents: record, amend as new revisions, every revision stays readable, follow-ups, who read it", async (t) => {
  const h = await startHarness();
  t.after(() => h.close());
  const { session, campaignId } = await setUpCandidate(h);
  const agent = await addTeamMember(h, session, campaignId, "agent@example.org", "full");

  const actor = await session.request("POST", `/api/campaigns/${campaignId}/actors`, {
    label: "Man in the red van",
    identifiers: [
      { kind: "vehicle", value: "YK21 XRT" },
      { kind: "handle", value: "@RedVan", platform: "x" },
    ],
  });
  assert.equal(actor.status, 201);

  const created = await agent.request(
    "POST",
    `/api/campaigns/${campaignId}/incidents`,
    sampleIncident({ actorIds: [actor.body.id] }),
  );
  assert.equal(created.status, 201);
  assert.equal(created.body.revision, 1);
  const id = created.body.id;

  const amended = await session.request("POST", `/api/incidents/${id}/revisions`, {
    body: sampleIncident({
      summary: "Man in red van shouted at me on the doorstep",
      occurredAt: "2026-11-20T18:45:00Z",
      actorIds: [actor.body.id],
    }),
    reason: "Corrected the time from my phone's call log",
    expectedRevision: 1,
  });
  assert.equal(amended.status, 201);
  assert.equal(amended.body.revision, 2);

  const stale = await agent.request("POST", `/api/incidents/${id}/revisions`, {
    body: sampleIncident(),
    reason: "late edit",
    expectedRevision: 1,
  });
  assert.equal(stale.status, 409, "an edit based on an old revision is refused, not silently applied");

  const followUp = await session.request("POST", `/api/incidents/${id}/follow-ups`, {
    kind: "police-reference",
    text: "Reported on 101",
    policeReference: "WYP-13/123456/26",
    officer: "PC 1234 Khan",
    contactRoute: "101",
  });
  assert.equal(followUp.status, 201);
  const missingRef = await session.request("POST", `/api/incidents/${id}/follow-ups`, {
    kind: "police-reference",
    text: "no number",
  });
  assert.equal(missingRef.status, 400);
  assert.equal(missingRef.body.error.field, "policeReference");

  const detail = await agent.request("GET", `/api/incidents/${id}`);
  assert.equal(detail.status, 200);
  assert.equal(detail.body.revision, 2);
  assert.equal(detail.body.body.summary, "Man in red van shouted at me on the doorstep");
  assert.deepEqual(
    detail.body.revisions.map((r: { revision: number }) => r.revision),
    [2, 1],
  );
  assert.equal(
    detail.body.revisions[1].body.occurredAt,
    "2026-11-20T18:30:00Z",
    "the original stays readable",
  );
  assert.equal(detail.body.revisions[0].reason, "Corrected the time from my phone's call log");
  assert.equal(detail.body.followUps[0].policeReference, "WYP-13/123456/26");
  assert.equal(detail.body.occurredAtLondon, "20 Nov 2026, 18:45", "shown in UK time");

  const reads = await session.request("GET", `/api/incidents/${id}/reads`);
  assert.equal(reads.status, 200);
  assert.ok(
    reads.body.reads.some(
      (r: { user: { id: string }; what: string }) => r.user.id === agent.userId && r.what === "incident",
    ),
  );
  assert.equal(
    (await agent.request("GET", `/api/incidents/${id}/reads`)).status,
    403,
    "only the candidate sees who read what",
  );

  const actorDetail = await session.request("GET", `/api/actors/${actor.body.id}`);
  assert.deepEqual(actorDetail.body.incidentIds, [id]);

  const report = await verifyIntegrity(h.runtime.deps.db, h.runtime.deps.blobs, h.runtime.deps.secrets);
  assert.deepEqual(report.problems, []);
});

test("incidents: list newest first with filters by time, channel, actor and verdict, and paging", async (t) => {
  const h = await startHarness();
  t.after(() => h.close());
  const { session, campaignId } = await setUpCandidate(h);
  const actor = await session.request("POST", `/api/campaigns/${campaignId}/actors`, {
    label: "Troll",
    identifiers: [{ kind: "handle", value: "@troll" }],
  });
  const channels = ["doorstep", "email", "social-media", "letter", "hustings"];
  const ids: string[] = [];
  for (let i = 0; i < 12; i++) {
    const channel = channels[i % channels.length]!;
    const res = await session.request(
      "POST",
      `/api/campaigns/${campaignId}/incidents`,
      sampleIncident({
        summary: `Incident ${i}`,
        description: "He asked about the bypass plans.",
        occurredAt: new Date(Date.UTC(2026, 10, 1 + i, 12)).toISOString(),
        channel,
        ...(channel === "social-media" ? { platform: "x", url: "https://x.com/troll/status/1" } : {}),
        actorIds: i % 3 === 0 ? [actor.body.id] : [],
      }),
    );
    assert.equal(res.status, 201, JSON.stringify(res.body));
    ids.push(res.body.id);
  }
  const url = `/api/campaigns/${campaignId}/incidents`;
  const all = await session.request("GET", `${url}?limit=5`);
  assert.deepEqual(
    all.body.incidents.map((i: { summary: string }) => i.summary),
    ["Incident 11", "Incident 10", "Incident 9", "Incident 8", "Incident 7"],
  );
  const page2 = await session.request("GET", `${url}?limit=5&before=${all.body.next}`);
  assert.deepEqual(
    page2.body.incidents.map((i: { summary: string }) => i.summary),
    ["Incident 6", "Incident 5", "Incident 4", "Incident 3", "Incident 2"],
  );
  const page3 = await session.request("GET", `${url}?limit=5&before=${page2.body.next}`);
  assert.equal(page3.body.incidents.length, 2);
  assert.equal(page3.body.next, null);

  const email = await session.request("GET", `${url}?channel=email`);
  assert.deepEqual(
    email.body.incidents.map((i: { summary: string }) => i.summary),
    ["Incident 11", "Incident 6", "Incident 1"],
  );
  const byActor = await session.request("GET", `${url}?actorId=${actor.body.id}`);
  assert.deepEqual(
    byActor.body.incidents.map((i: { summary: string }) => i.summary),
    ["Incident 9", "Incident 6", "Incident 3", "Incident 0"],
  );
  const window = await session.request("GET", `${url}?from=2026-11-03T00:00:00Z&to=2026-11-05T23:59:59Z`);
  assert.deepEqual(
    window.body.incidents.map((i: { summary: string }) => i.summary),
    ["Incident 4", "Incident 3", "Incident 2"],
  );

  // Every incident gets a verdict when recorded; the filter returns exactly those at that level.
  const everything = await session.request("GET", `${url}?limit=200`);
  assert.ok(everything.body.incidents.every((i: { verdictLevel: string | null }) => i.verdictLevel !== null));
  for (const level of ["call-999", "report-to-police", "report-to-platform", "keep-record"]) {
    const filtered = await session.request("GET", `${url}?verdict=${level}`);
    assert.deepEqual(
      filtered.body.incidents.map((i: { id: string }) => i.id),
      everything.body.incidents
        .filter((i: { verdictLevel: string }) => i.verdictLevel === level)
        .map((i: { id: string }) => i.id),
    );
  }
  // The four incidents by one actor are a course of conduct: from the second on, report to the police.
  assert.deepEqual(
    byActor.body.incidents.map((i: { verdictLevel: string }) => i.verdictLevel),
    ["report-to-police", "report-to-police", "report-to-police", "keep-record"],
  );
  await h.runtime.deps.db.execute(sql`update incidents set verdict_level = null where id = ${ids[2]}`);
  assert.deepEqual(
    (await session.request("GET", `${url}?verdict=none`)).body.incidents.map((i: { id: string }) => i.id),
    [ids[2]],
  );

  const bad = await session.request("GET", `${url}?channel=carrier-pigeon`);
  assert.equal(bad.status, 400);
  assert.match(bad.body.error.message, /channel/);
  const badCursor = await session.request("GET", `${url}?before=not-a-cursor`);
  assert.equal(badCursor.status, 400);
  assert.equal(badCursor.body.error.field, "before");
});

test("bad input gets a 400 naming the field and writes nothing", async (t) => {
  const h = await startHarness();
  t.after(() => h.close());
  const { session, campaignId } = await setUpCandidate(h);
  const url = `/api/campaigns/${campaignId}/incidents`;
  const cases: [Record<string, unknown>, string][] = [
    [sampleIncident({ summary: "" }), "summary"],
    [sampleIncident({ occurredAt: "yesterday" }), "occurredAt"],
    [sampleIncident({ channel: "fax" }), "channel"],
    [sampleIncident({ platform: "x" }), "platform"],
    [sampleIncident({ url: "javascript:alert(1)" }), "url"],
    [sampleIncident({ actorIds: ["00000000-0000-4000-8000-000000000000"] }), "actorIds"],
    [sampleIncident({ surprise: true }), "(body)"],
    [sampleIncident({ location: { lat: 53.8 } }), "location.lat"],
  ];
  for (const [body, field] of cases) {
    const res = await session.request("POST", url, body);
    assert.equal(res.status, 400, `${field}: ${JSON.stringify(res.body)}`);
    assert.equal(res.body.error.field, field, JSON.stringify(res.body));
    assert.ok(res.body.error.message.length > 5);
  }
  const notJson = await call(h.app, "POST", url, undefined, {
    authorization: `Bearer ${session.token}`,
    "content-type": "application/json",
  });
  assert.equal(notJson.status, 400);
  const [events] = await queryRows<{ count: number }>(
    h.runtime.deps.db,
    sql`select count(*)::int as count from events where type like 'incident%'`,
  );
  assert.equal(events!.count, 0);
  assert.equal((await session.request("GET", url)).body.incidents.length, 0);
});

test("evidence: text, links and files, typed by content, hashed, size-limited, download is audited", async (t) => {
  const h = await startHarness();
  t.after(() => h.close());
  const { session, campaignId } = await setUpCandidate(h);
  const incident = await session.request(
    "POST",
    `/api/campaigns/${campaignId}/incidents`,
    sampleIncident({ channel: "email" }),
  );
  const id = incident.body.id;

  const text = await session.request("POST", `/api/incidents/${id}/evidence`, {
    kind: "text",
    text: "You will regret this.",
    source: "email-export",
    capturedAt: "2026-11-20T19:00:00Z",
  });
  assert.equal(text.status, 201);
  assert.equal(text.body.sha256, createHash("sha256").update("You will regret this.").digest("hex"));

  const png = Buffer.from(
    "89504e470d0a1a0a0000000d4948445200000001000000010806000000" +
      "1f15c4890000000d49444154789c6360000002000154a24f5d0000000049454e44ae426082",
    "hex",
  );
  const upload = (bytes: Buffer, filename: string, fields: Record<string, string> = {}) => {
    const boundary = "----shieldtest";
    const parts = Object.entries(fields).map(
      ([k, v]) => `--${boundary}\r\nContent-Disposition: form-data; name="${k}"\r\n\r\n${v}\r\n`,
    );
    const payload = Buffer.concat([
      Buffer.from(
        parts.join("") +
          `--${boundary}\r\nContent-Disposition: form-data; name="file"; filename="${filename}"\r\nContent-Type: application/octet-stream\r\n\r\n`,
      ),
      bytes,
      Buffer.from(`\r\n--${boundary}--\r\n`),
    ]);
    return h.app.inject({
      method: "POST",
      url: `/api/incidents/${id}/evidence/file`,
      payload,
      headers: {
        authorization: `Bearer ${session.token}`,
        "content-type": `multipart/form-data; boundary=${boundary}`,
      },
    });
  };
  const file = await upload(png, "screenshot.jpg", {
    source: "screenshot",
    capturedAt: "2026-11-20T19:01:00Z",
  });
  assert.equal(file.statusCode, 201, file.body);
  const fileBody = JSON.parse(file.body);
  assert.equal(fileBody.mediaType, "image/png", "the type comes from the content, not the name");
  assert.equal(fileBody.sha256, createHash("sha256").update(png).digest("hex"));

  const exe = await upload(Buffer.from("4d5a900003000000", "hex"), "invoice.pdf");
  assert.equal(exe.statusCode, 415);
  const big = await upload(Buffer.alloc(3 * 1024 * 1024, 0x41), "big.txt");
  assert.equal(big.statusCode, 413);
  const badField = await upload(png, "x.png", { source: "hearsay" });
  assert.equal(badField.statusCode, 400);

  const download = await h.app.inject({
    method: "GET",
    url: `/api/evidence/${fileBody.id}/file`,
    headers: { authorization: `Bearer ${session.token}` },
  });
  assert.equal(download.statusCode, 200);
  assert.deepEqual(download.rawPayload, png);
  assert.equal(download.headers["content-type"], "image/png");
  assert.equal(download.headers["x-content-sha256"], fileBody.sha256);

  const reads = await session.request("GET", `/api/incidents/${id}/reads`);
  assert.ok(
    reads.body.reads.some(
      (r: { what: string; evidenceId: string }) => r.what === "evidence" && r.evidenceId === fileBody.id,
    ),
  );

  const detail = await session.request("GET", `/api/incidents/${id}`);
  assert.deepEqual(
    detail.body.evidence.map((e: { kind: string }) => e.kind),
    ["text", "file"],
  );
  assert.equal(detail.body.evidence[0].text, "You will regret this.");
  assert.equal(detail.body.evidence[1].filename, "screenshot.jpg");

  // Stored encrypted: neither the text nor the file's bytes appear in the database or the blob store.
  const dump = JSON.stringify(await queryRows(h.runtime.deps.db, sql`select * from evidence`));
  assert.ok(!dump.includes("regret"));
  const stored = await h.runtime.deps.blobs.get(fileBody.sha256);
  assert.ok(stored && !stored.includes(png.subarray(8, 24)));
});

test("logs never contain incident text, evidence or private details", async (t) => {
  const h = await startHarness();
  t.after(() => h.close());
  let logged = "";
  const sink = new Writable({
    write(chunk, _enc, done) {
      logged += chunk.toString();
      done();
    },
  });
  const app = await buildApp(h.runtime.deps, { logger: { level: "trace", stream: sink } });
  t.after(() => app.close());
  const harness = { ...h, app };
  const { session, campaignId } = await setUpCandidate(harness);
  const secret = "SECRET-WORDS-27-Orchard-Close";
  const created = await session.request(
    "POST",
    `/api/campaigns/${campaignId}/incidents`,
    sampleIncident({ description: secret, location: { text: secret } }),
  );
  await session.request("POST", `/api/incidents/${created.body.id}/evidence`, { kind: "text", text: secret });
  await session.request("GET", `/api/incidents/${created.body.id}`);
  await session.request("GET", `/api/campaigns/${campaignId}/incidents?channel=${secret}`);
  await session.request(
    "POST",
    `/api/campaigns/${campaignId}/incidents`,
    sampleIncident({ summary: secret, channel: "nope" }),
  );
  assert.ok(logged.length > 100, "something was logged");
  assert.ok(!logged.includes("SECRET-WORDS"), "no incident text in the logs");
  assert.ok(!logged.includes(session.token), "no session tokens in the logs");
});
