// Tampering behind the service's back: every change made with raw SQL (or to an evidence file on
// disk) must be caught by `shield verify`, which must name the row, event or file concerned.
import { test, type TestContext } from "node:test";
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { readFile, rm, writeFile } from "node:fs/promises";
import { and, asc, eq } from "drizzle-orm";
import { sql } from "drizzle-orm";
import {
  startHarness,
  setUpCandidate,
  sampleIncident,
  type Session,
  type Harness,
} from "../support/harness.ts";
import { multipartBody, tinyPng } from "../support/multipart.ts";
import { runShield } from "../support/process.ts";
import { verifyIntegrity, type VerifyReport } from "../../src/store/verify.ts";
import { openDatabase } from "../../src/store/db.ts";
import { campaignStream } from "../../src/store/chain.ts";
import { followUpContext } from "../../src/server/commands/incidents.ts";
import * as s from "../../src/store/schema.ts";

interface Expected {
  /** A substring of problem.where, e.g. "incident_revisions <id>/1", or a pattern for it. */
  where: string | RegExp;
  message?: RegExp;
}

const whereMatches = (where: string, expected: string | RegExp) =>
  typeof expected === "string" ? where.includes(expected) : expected.test(where);

const listProblems = (report: VerifyReport) =>
  report.problems.map((p) => `  ${p.where}: ${p.message}`).join("\n") || "  (none)";

async function uploadFile(
  h: Harness,
  session: Session,
  incidentId: string,
  bytes: Uint8Array,
  filename: string,
) {
  const { body, contentType } = multipartBody(
    { source: "screenshot", note: "Saved from my phone" },
    { filename, contentType: "image/png", bytes },
  );
  const res = await h.app.inject({
    method: "POST",
    url: `/api/incidents/${incidentId}/evidence/file`,
    headers: { authorization: `Bearer ${session.token}`, "content-type": contentType },
    payload: body,
  });
  assert.equal(res.statusCode, 201, res.body);
  return JSON.parse(res.body) as { id: string; sha256: string };
}

test("shield verify notices every kind of tampering and names what was tampered with", async (t) => {
  const h = await startHarness();
  let harnessOpen = true;
  let dropped = false;
  t.after(async () => {
    if (harnessOpen) {
      await h.app.close();
      await h.runtime.close();
    }
    if (!dropped) await h.database.drop();
  });
  const { db, blobs, secrets } = h.runtime.deps;
  const verify = () => verifyIntegrity(db, blobs, secrets);

  // ---------------------------------------------------------------- a small campaign, through the API
  const { session, campaignId } = await setUpCandidate(h);
  const stream = campaignStream(campaignId);
  const ok201 = (res: { status: number; body: unknown }) => {
    assert.equal(res.status, 201, JSON.stringify(res.body));
    return res.body as { id: string; sha256: string };
  };
  const actor = ok201(
    await session.request("POST", `/api/campaigns/${campaignId}/actors`, {
      label: "Man in the red van",
      identifiers: [{ kind: "vehicle", value: "AB12 CDE" }],
    }),
  );
  ok201(
    await session.request("POST", `/api/actors/${actor.id}/revisions`, {
      body: {
        label: "Man in the red van",
        description: "Bald, about fifty",
        identifiers: [{ kind: "vehicle", value: "AB12 CDE" }],
      },
      expectedRevision: 1,
    }),
  );
  const a = ok201(
    await session.request(
      "POST",
      `/api/campaigns/${campaignId}/incidents`,
      sampleIncident({ actorIds: [actor.id] }),
    ),
  );
  h.clock.advance(60_000);
  const b = ok201(
    await session.request(
      "POST",
      `/api/campaigns/${campaignId}/incidents`,
      sampleIncident({
        summary: "Abusive email",
        channel: "email",
        occurredAt: "2026-11-19T08:00:00Z",
        location: undefined,
      }),
    ),
  );
  h.clock.advance(60_000);
  ok201(
    await session.request("POST", `/api/incidents/${a.id}/revisions`, {
      body: sampleIncident({
        actorIds: [actor.id],
        description: "He said I would regret standing, followed me to the gate and kicked it.",
      }),
      reason: "Remembered that he kicked the gate",
      expectedRevision: 1,
    }),
  );
  h.clock.advance(60_000);
  const textEvidence = ok201(
    await session.request("POST", `/api/incidents/${a.id}/evidence`, {
      kind: "text",
      text: "You'll regret standing here. I know where you live.",
      source: "message-copy",
    }),
  );
  const fileA = await uploadFile(h, session, a.id, tinyPng(10), "doorbell.png");
  const fileB = await uploadFile(h, session, b.id, tinyPng(200), "email-screenshot.png");
  assert.notEqual(fileA.sha256, fileB.sha256);
  h.clock.advance(60_000);
  const followUp = ok201(
    await session.request("POST", `/api/incidents/${a.id}/follow-ups`, {
      kind: "police-reference",
      text: "Reported on 101",
      policeReference: "CR/123456/26",
    }),
  );

  const intact = await verify();
  assert.equal(intact.ok, true, `a fresh campaign should verify:\n${listProblems(intact)}`);
  assert.deepEqual(intact.notices, []);
  assert.equal(intact.counts.evidenceFiles, 2);

  // Where things are in the chain.
  const campaignEvents = await db
    .select()
    .from(s.events)
    .where(eq(s.events.stream, stream))
    .orderBy(asc(s.events.seq));
  const seqOf = (entity: string, entityId: string) => {
    const e = campaignEvents.find((x) => x.entity === entity && x.entityId === entityId);
    assert.ok(e, `no event for ${entity} ${entityId}`);
    return e.seq;
  };
  const lastSeq = campaignEvents[campaignEvents.length - 1]!.seq;
  assert.equal(seqOf("follow_up", followUp.id), lastSeq, "the follow-up is the last write to the campaign");
  const bRecorded = seqOf("incident", b.id);
  const bRevised = seqOf("incident_revision", `${b.id}/1`);
  assert.equal(bRevised, bRecorded + 1);
  const [account] = await db
    .select()
    .from(s.events)
    .where(and(eq(s.events.stream, "system"), eq(s.events.seq, 1)));
  assert.equal(account?.type, "account.created");

  const blobPath = (sha256: string) => `${h.database.dataDir}/blobs/${sha256.slice(0, 2)}/${sha256}`;
  assert.equal(blobs.describe(fileA.sha256), blobPath(fileA.sha256));

  /**
   * Applies a tampering, checks that verify fails and names each expected thing (and nothing else),
   * then undoes it and checks that verify passes again.
   */
  async function tampering(
    t: TestContext,
    name: string,
    spec: {
      apply: () => Promise<unknown>;
      undo: () => Promise<unknown>;
      expect: Expected[];
      notice?: string;
    },
  ) {
    await t.test(name, async () => {
      await spec.apply();
      try {
        const report = await verify();
        assert.equal(report.ok, false, `verify did not notice: ${name}`);
        for (const e of spec.expect) {
          assert.ok(
            report.problems.some(
              (p) => whereMatches(p.where, e.where) && (!e.message || e.message.test(p.message)),
            ),
            `expected a problem at "${e.where}"${e.message ? ` matching ${e.message}` : ""}; verify reported:\n${listProblems(report)}`,
          );
        }
        for (const p of report.problems) {
          assert.ok(
            spec.expect.some((e) => whereMatches(p.where, e.where)),
            `unexpected problem "${p.where}: ${p.message}"; verify reported:\n${listProblems(report)}`,
          );
        }
        if (spec.notice) {
          assert.ok(
            report.notices.some((n) => n.includes(spec.notice!)),
            `expected a notice naming ${spec.notice}: ${report.notices.join("; ")}`,
          );
        }
      } finally {
        await spec.undo();
      }
      const after = await verify();
      assert.equal(
        after.ok,
        true,
        `undoing "${name}" should leave an intact record:\n${listProblems(after)}`,
      );
    });
  }

  // ---------------------------------------------------------------- rows
  await tampering(t, "editing when an incident revision says it happened", {
    apply: () =>
      db.execute(
        sql`update incident_revisions set occurred_at = occurred_at - interval '1 day' where incident_id = ${a.id} and revision = 1`,
      ),
    undo: () =>
      db.execute(
        sql`update incident_revisions set occurred_at = occurred_at + interval '1 day' where incident_id = ${a.id} and revision = 1`,
      ),
    expect: [{ where: `incident_revisions ${a.id}/1`, message: /changed after it was written/ }],
  });

  const [revA1] = await db
    .select()
    .from(s.incidentRevisions)
    .where(and(eq(s.incidentRevisions.incidentId, a.id), eq(s.incidentRevisions.revision, 1)));
  const [revB1] = await db
    .select()
    .from(s.incidentRevisions)
    .where(and(eq(s.incidentRevisions.incidentId, b.id), eq(s.incidentRevisions.revision, 1)));
  assert.ok(revA1 && revB1);
  await tampering(t, "swapping the encrypted text of two incident revisions", {
    apply: async () => {
      await db.execute(
        sql`update incident_revisions set body_enc = ${revB1.bodyEnc} where incident_id = ${a.id} and revision = 1`,
      );
      await db.execute(
        sql`update incident_revisions set body_enc = ${revA1.bodyEnc} where incident_id = ${b.id} and revision = 1`,
      );
    },
    undo: async () => {
      await db.execute(
        sql`update incident_revisions set body_enc = ${revA1.bodyEnc} where incident_id = ${a.id} and revision = 1`,
      );
      await db.execute(
        sql`update incident_revisions set body_enc = ${revB1.bodyEnc} where incident_id = ${b.id} and revision = 1`,
      );
    },
    expect: [
      { where: `incident_revisions ${a.id}/1`, message: /changed after it was written/ },
      { where: `incident_revisions ${b.id}/1`, message: /changed after it was written/ },
    ],
  });

  await tampering(t, "editing an incident's current state (its channel) without a revision", {
    apply: () => db.execute(sql`update incidents set channel = 'street' where id = ${a.id}`),
    undo: () => db.execute(sql`update incidents set channel = 'doorstep' where id = ${a.id}`),
    expect: [{ where: `incidents ${a.id}`, message: /does not match its latest revision/ }],
  });

  const [revA2] = await db
    .select()
    .from(s.incidentRevisions)
    .where(and(eq(s.incidentRevisions.incidentId, a.id), eq(s.incidentRevisions.revision, 2)));
  assert.ok(revA2);
  await tampering(t, "deleting an amendment (incident_revisions row)", {
    apply: () => db.execute(sql`delete from incident_revisions where incident_id = ${a.id} and revision = 2`),
    undo: () => db.insert(s.incidentRevisions).values(revA2),
    expect: [
      { where: `incident_revisions ${a.id}/2`, message: /was removed/ },
      { where: `incidents ${a.id}`, message: /does not match its latest revision/ },
    ],
  });

  await tampering(t, "rolling an actor back to an earlier revision (actors.current_revision)", {
    apply: () => db.execute(sql`update actors set current_revision = 1 where id = ${actor.id}`),
    undo: () => db.execute(sql`update actors set current_revision = 2 where id = ${actor.id}`),
    expect: [{ where: `actors ${actor.id}` }],
  });

  await tampering(t, "unlinking an incident from the actor its revision names (incident_actors)", {
    apply: () =>
      db.execute(sql`delete from incident_actors where incident_id = ${a.id} and actor_id = ${actor.id}`),
    undo: () =>
      db.execute(sql`insert into incident_actors (incident_id, actor_id) values (${a.id}, ${actor.id})`),
    // Named as the incident's links to actors, or as the incident whose projection is wrong.
    expect: [{ where: new RegExp(`^(incident_actors|incidents) ${a.id}`) }],
  });

  const [fileBRow] = await db.select().from(s.evidence).where(eq(s.evidence.id, fileB.id));
  assert.ok(fileBRow);
  await tampering(t, "deleting an evidence row", {
    apply: () => db.execute(sql`delete from evidence where id = ${fileB.id}`),
    undo: () => db.insert(s.evidence).values(fileBRow),
    expect: [{ where: `evidence ${fileB.id}`, message: /was removed/ }],
    notice: fileB.sha256, // its file is left without a record
  });

  const [textRow] = await db.select().from(s.evidence).where(eq(s.evidence.id, textEvidence.id));
  assert.ok(textRow);
  await tampering(t, "editing an evidence row's SHA-256", {
    apply: () =>
      db.execute(sql`update evidence set sha256 = ${"ab".repeat(32)} where id = ${textEvidence.id}`),
    undo: () => db.execute(sql`update evidence set sha256 = ${textRow.sha256} where id = ${textEvidence.id}`),
    expect: [{ where: `evidence ${textEvidence.id}` }],
  });
  await t.test(
    "(editing an evidence row's SHA-256 is reported both as a changed row and as text that no longer matches)",
    async () => {
      await db.execute(sql`update evidence set sha256 = ${"ab".repeat(32)} where id = ${textEvidence.id}`);
      try {
        const report = await verify();
        const messages = report.problems
          .filter((p) => p.where.includes(`evidence ${textEvidence.id}`))
          .map((p) => p.message);
        assert.ok(
          messages.some((m) => /changed after it was written/.test(m)),
          messages.join("; "),
        );
        assert.ok(
          messages.some((m) => /no longer matches its hash/.test(m)),
          messages.join("; "),
        );
      } finally {
        await db.execute(sql`update evidence set sha256 = ${textRow.sha256} where id = ${textEvidence.id}`);
      }
    },
  );

  const copyId = randomUUID();
  await tampering(t, "inserting a follow-up that is not in the chain (a copy with a new id)", {
    apply: () =>
      db.execute(sql`insert into follow_ups (id, incident_id, kind, body_enc, created_by, created_at)
                     select ${copyId}, incident_id, kind, body_enc, created_by, created_at from follow_ups where id = ${followUp.id}`),
    undo: () => db.execute(sql`delete from follow_ups where id = ${copyId}`),
    expect: [{ where: `follow_ups ${copyId}`, message: /not in the hash chain/ }],
  });

  const [followUpRow] = await db.select().from(s.followUps).where(eq(s.followUps.id, followUp.id));
  assert.ok(followUpRow);
  await tampering(
    t,
    "editing a follow-up's encrypted body (re-encrypted with the right key, so it still decrypts)",
    {
      apply: () => {
        const forged = secrets.encryptJson(
          { kind: "police-reference", text: "Reported on 101", policeReference: "CR/999999/26" },
          followUpContext(followUp.id),
        );
        return db.execute(sql`update follow_ups set body_enc = ${forged} where id = ${followUp.id}`);
      },
      undo: () =>
        db.execute(sql`update follow_ups set body_enc = ${followUpRow.bodyEnc} where id = ${followUp.id}`),
      expect: [{ where: `follow_ups ${followUp.id}`, message: /changed after it was written/ }],
    },
  );

  // ---------------------------------------------------------------- the chain itself
  await tampering(t, "editing an event's type", {
    apply: () =>
      db.execute(
        sql`update events set type = 'incident.withdrawn' where stream = ${stream} and seq = ${bRecorded}`,
      ),
    undo: () =>
      db.execute(
        sql`update events set type = 'incident.recorded' where stream = ${stream} and seq = ${bRecorded}`,
      ),
    expect: [{ where: `events ${stream} #${bRecorded}`, message: /altered/ }],
  });

  const [middle] = await db
    .select()
    .from(s.events)
    .where(and(eq(s.events.stream, stream), eq(s.events.seq, bRecorded)));
  assert.ok(middle);
  await tampering(t, "deleting an event in the middle of the chain", {
    apply: () => db.execute(sql`delete from events where stream = ${stream} and seq = ${bRecorded}`),
    undo: () => db.insert(s.events).values(middle),
    expect: [
      { where: `events ${stream} #${bRecorded + 1}`, message: new RegExp(`event #${bRecorded} is missing`) },
      { where: `incidents ${b.id}`, message: /not in the hash chain/ },
    ],
  });

  const swapSeqs = async () => {
    await db.execute(sql`update events set seq = -1 where stream = ${stream} and seq = ${bRecorded}`);
    await db.execute(
      sql`update events set seq = ${bRecorded} where stream = ${stream} and seq = ${bRevised}`,
    );
    await db.execute(sql`update events set seq = ${bRevised} where stream = ${stream} and seq = -1`);
  };
  await tampering(t, "reordering two events (swapping their seq numbers)", {
    apply: swapSeqs,
    undo: swapSeqs,
    expect: [
      { where: `events ${stream} #${bRecorded}`, message: /altered|does not link/ },
      { where: `events ${stream} #${bRevised}`, message: /altered|does not link/ },
      // The event after the pair no longer links to the one before it.
      { where: `events ${stream} #${bRevised + 1}`, message: /does not link/ },
    ],
  });

  const [last] = await db
    .select()
    .from(s.events)
    .where(and(eq(s.events.stream, stream), eq(s.events.seq, lastSeq)));
  assert.ok(last);
  await tampering(t, "deleting the last event (the chain head no longer matches)", {
    apply: () => db.execute(sql`delete from events where stream = ${stream} and seq = ${lastSeq}`),
    undo: () => db.insert(s.events).values(last),
    expect: [
      {
        where: `chain_heads ${stream}`,
        message: new RegExp(`end at event #${lastSeq} but ends at #${lastSeq - 1}`),
      },
      { where: `follow_ups ${followUp.id}`, message: /not in the hash chain/ },
    ],
  });

  assert.ok(account && account.payload);
  const accountPayload = account.payload as Record<string, string | null>;
  assert.equal(accountPayload.role, "candidate");
  await tampering(t, "editing the facts of an account event (events.payload)", {
    apply: () =>
      db.execute(
        sql`update events set payload = jsonb_set(payload, '{role}', '"admin"') where stream = 'system' and seq = 1`,
      ),
    undo: () =>
      db.execute(
        sql`update events set payload = ${JSON.stringify(accountPayload)}::jsonb where stream = 'system' and seq = 1`,
      ),
    expect: [{ where: "events system #1", message: /facts recorded with 'account.created' were altered/ }],
  });

  await tampering(t, "clearing the facts of an account event (events.payload set to null)", {
    apply: () => db.execute(sql`update events set payload = null where stream = 'system' and seq = 1`),
    undo: () =>
      db.execute(
        sql`update events set payload = ${JSON.stringify(accountPayload)}::jsonb where stream = 'system' and seq = 1`,
      ),
    expect: [{ where: "events system #1", message: /account.created/ }],
  });

  // ---------------------------------------------------------------- evidence files on disk
  const originalA = await readFile(blobPath(fileA.sha256));
  const originalB = await readFile(blobPath(fileB.sha256));
  await tampering(t, "changing one byte of an evidence file", {
    apply: async () => {
      const changed = Buffer.from(originalA);
      changed[changed.length - 1] = changed[changed.length - 1]! ^ 0x01;
      await writeFile(blobPath(fileA.sha256), changed);
    },
    undo: () => writeFile(blobPath(fileA.sha256), originalA),
    expect: [{ where: `evidence ${fileA.id}`, message: /its file was changed/ }],
  });

  await tampering(t, "deleting an evidence file", {
    apply: () => rm(blobPath(fileA.sha256)),
    undo: () => writeFile(blobPath(fileA.sha256), originalA),
    expect: [{ where: `evidence ${fileA.id}`, message: /its file is missing/ }],
  });

  await tampering(t, "replacing an evidence file with another evidence file's bytes", {
    apply: () => writeFile(blobPath(fileA.sha256), originalB),
    undo: () => writeFile(blobPath(fileA.sha256), originalA),
    expect: [{ where: `evidence ${fileA.id}`, message: /its file was changed/ }],
  });

  // ---------------------------------------------------------------- the command line, as a process
  const env = { DATA_DIR: h.database.dataDir, DATABASE_URL: h.database.databaseUrl };
  if (!h.database.databaseUrl) {
    await t.test(
      "shield verify refuses to open the embedded database while another process has it open",
      async () => {
        const locked = await runShield(["verify"], env);
        assert.equal(locked.code, 1, locked.stdout + locked.stderr);
        assert.match(locked.stderr, /already using this data folder/);
      },
    );
  }
  await h.app.close();
  await h.runtime.close();
  harnessOpen = false;

  await t.test(
    "shield verify (the command) exits 0 on an intact record and 1 naming the problem after tampering",
    async () => {
      const clean = await runShield(["verify"], env);
      assert.equal(clean.code, 0, clean.stdout + clean.stderr);
      assert.match(clean.stdout, /All intact/);
      assert.match(
        clean.stdout,
        new RegExp(`Checked ${intact.counts.events} events in ${intact.counts.streams} chains`),
      );

      const cleanJson = await runShield(["verify", "--json"], env);
      assert.equal(cleanJson.code, 0, cleanJson.stdout + cleanJson.stderr);
      const cleanReport = JSON.parse(cleanJson.stdout) as VerifyReport;
      assert.equal(cleanReport.ok, true);
      assert.deepEqual(cleanReport.problems, []);
      assert.deepEqual(cleanReport.counts, intact.counts);

      // Tamper with the service stopped: one row in the database and one evidence file.
      const opened = await openDatabase({ dataDir: env.DATA_DIR, databaseUrl: env.DATABASE_URL });
      try {
        await opened.db.execute(sql`update incidents set channel = 'street' where id = ${a.id}`);
      } finally {
        await opened.close();
      }
      await writeFile(blobPath(fileA.sha256), originalB);

      const tampered = await runShield(["verify"], env);
      assert.equal(tampered.code, 1, tampered.stdout + tampered.stderr);
      assert.match(tampered.stdout, /2 problem\(s\) found/);
      assert.ok(
        tampered.stdout.includes(
          `✗ incidents ${a.id}: the incident's current state does not match its latest revision`,
        ),
        tampered.stdout,
      );
      assert.ok(tampered.stdout.includes(`✗ evidence ${fileA.id}`), tampered.stdout);
      assert.doesNotMatch(tampered.stdout, /All intact/);

      const tamperedJson = await runShield(["verify", "--json"], env);
      assert.equal(tamperedJson.code, 1, tamperedJson.stdout + tamperedJson.stderr);
      const report = JSON.parse(tamperedJson.stdout) as VerifyReport;
      assert.equal(report.ok, false);
      assert.deepEqual(
        report.problems.map((p) => p.where).sort(),
        [`evidence ${fileA.id} (incident ${a.id.slice(0, 8)})`, `incidents ${a.id}`].sort(),
      );
    },
  );

  await h.database.drop();
  dropped = true;
});
