// Canvass alerts across SIGKILL restarts, with real `shield serve` processes, a real SMTP server and a
// real webhook receiver (both in this process). The server's clock is moved forward through
// SHIELD_TEST_CLOCK_FILE, so a 30-minute check-in is missed in seconds; delivery itself runs in real time.
//
//   A. (PGlite and PostgreSQL) killed while a session is overdue, started again: exactly one stage-1
//      alert per channel; killed again once it shows as sent: still one; stage 2 follows on time.
//   B. (PGlite and PostgreSQL) the same start, then the alert is acknowledged through the link in the
//      email: no stage 2, and the session shows who acknowledged it (also after another SIGKILL).
//   C. (PostgreSQL) two servers on one database: 20 sessions overdue at once, their stage-1 times
//      passing while both poll: every stage-1 alert exactly once; one server is SIGKILLed, and the
//      survivor sends every stage 2 exactly once.
//   D. (PGlite) killed while a webhook is in flight (sent, never answered): after the one-minute lease
//      the restarted server sends it again with the same delivery id, and only that.
import { test, type TestContext } from "node:test";
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { mkdtempSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createTestDatabase, pgServerUrl, type TestDatabase } from "../support/database.ts";
import { startMailServer, type MailServer, type ReceivedMail } from "../support/mail-server.ts";
import {
  startWebhookReceiver,
  type ReceivedRequest,
  type WebhookReceiver,
} from "../support/webhook-receiver.ts";
import {
  http,
  killAllServers,
  setUpCandidateOverHttp,
  startServer,
  type CandidateOverHttp,
  type ServerProcess,
} from "../support/process.ts";
import { verifyWebhookSignature } from "../../src/server/notify/webhook.ts";

const POLL_MS = 500;
/** After the first of something arrives, this long with nothing more shows there is no second. */
const QUIET_MS = 5 * POLL_MS;
const SECRET = "canvass-restart-webhook-secret-0123456789";
const PUBLIC_URL = "https://shield.test";
const PASSWORD = "correct horse battery staple";
const MINUTE = 60_000;
const CONTACT = { name: "Tom Hollis", email: "tom.hollis@example.org", phone: "07700 900123" };
const AREA = "Riverside ward: Mill Lane, Church Street and the Orchard estate";

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** Polls `probe` until it returns something truthy. */
async function waitUntil<T>(
  what: string,
  probe: () => Promise<T> | T,
  timeoutMs = 20_000,
): Promise<NonNullable<T>> {
  const deadline = performance.now() + timeoutMs;
  let last: T | undefined;
  for (;;) {
    last = await probe();
    if (last) return last as NonNullable<T>;
    if (performance.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(100);
  }
}

// ------------------------------------------------------------------------------------------ the rig

/** One alert message as received, on either channel, reduced to what the counts need. */
interface Arrival {
  channel: "email" | "webhook";
  deliveryId: string;
  stage: number;
  /** The session when the message says (the webhook does); for email, the recipient stands in. */
  session: string;
  recipient: string;
  /** Which server sent it (its MAIL_FROM / webhook path). */
  sender: string;
  /** Email: Message-ID is <delivery id@shield>; webhook: the JSON id is the x-shield-delivery header. */
  idsAgree: boolean;
  at: number;
}

interface Rig {
  mail: MailServer;
  hooks: WebhookReceiver;
  clockFile: string;
  dir: string;
  /** Sets the servers' clock to `serverMs` now (they add the file's offset to the real time). */
  setClock(serverMs: number): void;
  /** The environment of a server named `name` (its webhook path and From address say which one sent what). */
  env(name: string, extra?: Record<string, string | undefined>): Record<string, string | undefined>;
  arrivals(): Arrival[];
  close(): Promise<void>;
}

/** The email says which stage it is ("… (alert stage 2)"); the webhook's JSON has it as alert.stage. */
const stageOfEmail = (mail: ReceivedMail) => Number(/\balert stage (\d)\b/i.exec(mail.text)?.[1] ?? 0);
const senderOfEmail = (mail: ReceivedMail) => /server-(\w+)@/.exec(mail.envelopeFrom)?.[1] ?? "?";

async function startRig(label: string): Promise<Rig> {
  const mail = await startMailServer();
  const hooks = await startWebhookReceiver({ secret: SECRET });
  const dir = mkdtempSync(join(tmpdir(), `shield-canvass-${label}-`));
  const clockFile = join(dir, "clock");
  const setClock = (serverMs: number) => {
    // Written whole and renamed, so a server never reads a half-written number.
    const temp = `${clockFile}.${randomBytes(4).toString("hex")}`;
    writeFileSync(temp, String(Math.round(serverMs - Date.now())));
    renameSync(temp, clockFile);
  };
  writeFileSync(clockFile, "0");
  return {
    mail,
    hooks,
    clockFile,
    dir,
    setClock,
    env: (name, extra = {}) => ({
      SMTP_URL: mail.url,
      MAIL_FROM: `Shield ${name} <server-${name}@shield.test>`,
      ALERT_WEBHOOK_URL: `${hooks.url}/alerts/${name}`,
      ALERT_WEBHOOK_SECRET: SECRET,
      SHIELD_TEST_CLOCK_FILE: clockFile,
      CANVASS_POLL_MS: String(POLL_MS),
      PUBLIC_URL,
      ...extra,
    }),
    arrivals: () => [
      ...mail.received.map((m): Arrival => ({
        channel: "email",
        deliveryId: m.headers["x-shield-delivery"] ?? "",
        stage: stageOfEmail(m),
        session: m.envelopeTo.join(","),
        recipient: m.envelopeTo.join(","),
        sender: senderOfEmail(m),
        idsAgree: m.messageId === `<${m.headers["x-shield-delivery"]}@shield>`,
        at: m.receivedAt.getTime(),
      })),
      ...hooks.received.map((r): Arrival => ({
        channel: "webhook",
        deliveryId: String(r.headers["x-shield-delivery"] ?? ""),
        stage: Number(r.json?.alert?.stage ?? 0),
        session: String(r.json?.alert?.sessionId ?? ""),
        recipient: String(r.json?.to?.phone ?? ""),
        sender: r.path.split("/").pop() ?? "?",
        idsAgree:
          r.json?.id === r.headers["x-shield-delivery"] && r.headers["idempotency-key"] === r.json?.id,
        at: r.receivedAt.getTime(),
      })),
    ],
    close: async () => {
      await Promise.all([mail.close(), hooks.close()]);
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** Groups arrivals by a key and returns the groups that have more than one. */
function repeated(arrivals: readonly Arrival[], key: (a: Arrival) => string): string[] {
  const counts = new Map<string, number>();
  for (const a of arrivals) counts.set(key(a), (counts.get(key(a)) ?? 0) + 1);
  return [...counts].filter(([, n]) => n > 1).map(([k, n]) => `${k} ×${n}`);
}

const byDelivery = (a: Arrival) => `${a.channel} delivery ${a.deliveryId}`;
const byMeaning = (a: Arrival) => `${a.channel} stage ${a.stage} of ${a.session} to ${a.recipient}`;

function assertEachOnce(arrivals: readonly Arrival[], what: string) {
  assert.ok(
    arrivals.every((a) => a.deliveryId),
    `${what}: every message carries its delivery id (X-Shield-Delivery / x-shield-delivery)`,
  );
  assert.deepEqual(
    arrivals.filter((a) => !a.idsAgree).map(byDelivery),
    [],
    `${what}: Message-ID / the webhook's id and idempotency-key name the same delivery as the header`,
  );
  assert.deepEqual(repeated(arrivals, byDelivery), [], `${what}: a delivery id arrived more than once`);
  assert.deepEqual(
    repeated(arrivals, byMeaning),
    [],
    `${what}: the same alert stage reached the same recipient more than once`,
  );
}

// ------------------------------------------------------------------------------------------ the app

type Candidate = CandidateOverHttp;

const setUpCandidate = (server: ServerProcess): Promise<Candidate> =>
  setUpCandidateOverHttp(server, { email: "sam.candidate@example.org", password: PASSWORD });

interface Planned {
  id: string;
  /** The first check-in deadline, on the server's clock. */
  deadline: number;
}

async function planAndStart(
  server: ServerProcess,
  who: Candidate,
  overrides: { area?: string; contact?: { name: string; email: string; phone: string } } = {},
): Promise<Planned> {
  const res = await http(server.baseUrl, "POST", `/api/campaigns/${who.campaignId}/canvass-sessions`, {
    token: who.token,
    body: {
      area: overrides.area ?? AREA,
      people: [{ userId: who.userId }],
      // Server time: the clock file says 0 until a test moves it, so the real time is the server's.
      endsAt: new Date(Date.now() + 3 * 3_600_000).toISOString(),
      checkInEveryMinutes: 30,
      graceMinutes: 5,
      stage2AfterMinutes: 15,
      contacts: [overrides.contact ?? CONTACT],
      shareLocation: false,
      start: true,
    },
  });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  assert.equal(res.body.status, "active");
  assert.equal(res.body.deadline.reason, "missed-check-in");
  return { id: res.body.id, deadline: Date.parse(res.body.deadline.at) };
}

async function getSession(server: ServerProcess, who: Candidate, id: string) {
  const res = await http(server.baseUrl, "GET", `/api/canvass-sessions/${id}`, { token: who.token });
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return res.body;
}

const stageArrivals = (rig: Rig, stage: number) => rig.arrivals().filter((a) => a.stage === stage);

/** Waits for `count` stage-`stage` messages, then QUIET_MS more, and returns them all. */
async function collectStage(rig: Rig, stage: number, count: number, timeoutMs = 20_000): Promise<Arrival[]> {
  await waitUntil(
    `${count} stage-${stage} messages (have ${stageArrivals(rig, stage).length})`,
    () => stageArrivals(rig, stage).length >= count,
    timeoutMs,
  );
  await sleep(QUIET_MS);
  return stageArrivals(rig, stage);
}

// ------------------------------------------------------------------------------------------ A and B

interface DbEnv {
  DATA_DIR: string;
  DATABASE_URL?: string | undefined;
}

/**
 * The shared start of A and B: a session planned and started, the clock moved past its deadline, the
 * server SIGKILLed while the session is overdue and started again after the grace period: exactly one
 * stage-1 email and one stage-1 webhook. Returns the running server.
 */
async function overdueKillRestart(rig: Rig, db: DbEnv, log: (m: string) => void) {
  const env = rig.env("a", { ...db });
  let server = await startServer(env);
  const who = await setUpCandidate(server);
  const session = await planAndStart(server, who);

  rig.setClock(session.deadline + MINUTE);
  const overdue = await waitUntil("the session to show as overdue", async () => {
    const view = await getSession(server, who, session.id);
    return view.status === "overdue" ? view : null;
  });
  assert.equal(overdue.escalation.stage, 0, "overdue, not yet alerted (within the grace period)");
  assert.equal(Date.parse(overdue.escalation.nextStageAt), session.deadline + 5 * MINUTE);
  assert.equal(rig.arrivals().length, 0, "nothing is sent before the grace period ends");

  await server.kill();
  assert.equal((await server.exited).signal, "SIGKILL");
  rig.setClock(session.deadline + 5 * MINUTE + 1000);
  const restartedAt = performance.now();
  server = await startServer(env);
  const readyMs = Math.round(performance.now() - restartedAt);
  await waitUntil("stage 1", () => stageArrivals(rig, 1).length >= 2);
  log(
    `restarted server answered /healthz in ${readyMs} ms; both stage-1 messages arrived ` +
      `${Math.round(performance.now() - restartedAt) - readyMs} ms later`,
  );
  const stage1 = await collectStage(rig, 1, 2);
  assert.deepEqual(
    stage1.map((a) => a.channel).sort(),
    ["email", "webhook"],
    "one stage-1 email and one stage-1 webhook",
  );
  assertEachOnce(rig.arrivals(), "after the restart");
  return { server, who, session, env };
}

function checkStageOneMessages(rig: Rig, session: Planned) {
  const [email] = rig.mail.received.filter((m) => stageOfEmail(m) === 1);
  assert.ok(email);
  assert.deepEqual(email.envelopeTo, [CONTACT.email]);
  assert.equal(email.messageId, `<${email.headers["x-shield-delivery"]}@shield>`);
  // Who, why, where, and the link (the wording itself is the unit tests' business).
  assert.match(email.subject, /Sam Candidate/);
  assert.match(email.subject, /check-in/i);
  assert.match(email.text, /Sam Candidate/);
  assert.ok(email.text.includes(AREA), `the email says where they planned to be:\n${email.text}`);
  const link = new RegExp(
    `${PUBLIC_URL.replace(/\./g, "\\.")}/canvass/acknowledge#token=([0-9a-f-]{36}\\.[A-Za-z0-9_-]+)`,
  );
  const token = link.exec(email.text)?.[1];
  assert.ok(token, `the email carries an acknowledge link:\n${email.text}`);
  assert.equal(token.split(".")[0], email.headers["x-shield-delivery"], "the link names this delivery");
  assert.ok(email.html?.includes("Acknowledge this alert"));

  const [hook] = rig.hooks.received.filter((r) => r.json?.alert?.stage === 1);
  assert.ok(hook);
  assertSigned(hook);
  assert.equal(hook.json.id, hook.headers["x-shield-delivery"]);
  assert.equal(hook.headers["idempotency-key"], hook.headers["x-shield-delivery"]);
  assert.equal(hook.json.type, "canvass.alert");
  assert.deepEqual(hook.json.to, { phone: CONTACT.phone, name: CONTACT.name });
  assert.equal(hook.json.alert.sessionId, session.id);
  assert.equal(hook.json.alert.reason, "missed-check-in");
  assert.equal(Date.parse(hook.json.alert.since), session.deadline);
  assert.deepEqual(hook.json.alert.people, ["Sam Candidate"]);
  assert.equal(hook.json.alert.area, AREA);
  assert.match(hook.json.text, /Sam Candidate/);
  assert.ok(hook.json.text.includes(hook.json.acknowledgeUrl), "the SMS text carries the link");
  assert.match(hook.json.acknowledgeUrl, /^https:\/\/shield\.test\/canvass\/acknowledge#token=/);
  assert.notEqual(hook.json.id, email.headers["x-shield-delivery"], "each channel is its own delivery");
  return token;
}

function assertSigned(hook: ReceivedRequest) {
  assert.equal(
    verifyWebhookSignature({
      secret: SECRET,
      timestamp: hook.headers["x-shield-timestamp"] as string,
      rawBody: hook.body,
      signature: hook.headers["x-shield-signature"] as string,
    }),
    true,
    "the webhook is signed with ALERT_WEBHOOK_SECRET",
  );
  assert.equal(
    verifyWebhookSignature({
      secret: "some-other-secret-of-enough-length",
      timestamp: hook.headers["x-shield-timestamp"] as string,
      rawBody: hook.body,
      signature: hook.headers["x-shield-signature"] as string,
    }),
    false,
  );
}

async function scenarioA(t: TestContext, label: string, db: DbEnv) {
  const log = (m: string) => t.diagnostic(`[${label}] ${m}`);
  const rig = await startRig(`a-${label}`);
  let server: ServerProcess | undefined;
  try {
    const started = await overdueKillRestart(rig, db, log);
    server = started.server;
    const { who, session, env } = started;
    checkStageOneMessages(rig, session);

    // Killed again as soon as the stage-1 deliveries show as sent, and started again: nothing more.
    await waitUntil("both stage-1 deliveries to show as sent", async () => {
      const view = await getSession(server!, who, session.id);
      const deliveries = view.alerts.find((a: { stage: number }) => a.stage === 1)?.deliveries ?? [];
      return deliveries.length === 2 && deliveries.every((d: { status: string }) => d.status === "sent");
    });
    await server.kill();
    server = await startServer(env);
    const view = await getSession(server, who, session.id);
    assert.equal(view.status, "escalated");
    assert.equal(view.escalation.stage, 1);
    assert.equal(Date.parse(view.escalation.nextStageAt), session.deadline + 15 * MINUTE);
    assert.equal(view.alerts.length, 1, "one alert row for stage 1");
    assert.deepEqual(
      view.alerts[0].deliveries
        .map((d: { channel: string; status: string; attempts: number }) => [d.channel, d.status, d.attempts])
        .sort(),
      [
        ["email", "sent", 1],
        ["webhook", "sent", 1],
      ],
    );
    await sleep(QUIET_MS);
    assert.equal(
      stageArrivals(rig, 1).length,
      2,
      "still exactly one stage-1 email and webhook after the second kill",
    );
    assert.equal(rig.arrivals().length, 2, "and nothing else");

    // Stage 2 on time: the candidate is out alone and is the only lead, so the named contact is told again.
    const moved = Date.now();
    rig.setClock(session.deadline + 15 * MINUTE + 1000);
    const stage2 = await collectStage(rig, 2, 2, 30_000);
    const noticedMs = Math.max(...stage2.map((a) => a.at)) - moved;
    log(`stage 2 arrived ${noticedMs} ms (real time) after the clock passed its due time`);
    assert.ok(noticedMs < 30_000, `stage 2 is noticed within 30 s (took ${noticedMs} ms)`);
    assert.deepEqual(stage2.map((a) => a.channel).sort(), ["email", "webhook"]);
    const email2 = rig.mail.received.find((m) => stageOfEmail(m) === 2)!;
    assert.deepEqual(email2.envelopeTo, [CONTACT.email]);
    assert.match(email2.text, /last stage/i, "no third stage: the candidate chose not to alert the SPOC");
    const hook2 = rig.hooks.received.find((r) => r.json?.alert?.stage === 2)!;
    assertSigned(hook2);
    assert.equal(hook2.json.alert.sessionId, session.id);
    assertEachOnce(rig.arrivals(), "after stage 2");
    assert.equal(rig.arrivals().length, 4, "two stages, two channels, one message each");
    const final = await getSession(server, who, session.id);
    assert.equal(final.escalation.stage, 2);
    const types = final.history.map((h: { type: string }) => h.type);
    assert.equal(types.filter((x: string) => x === "overdue").length, 1, types.join(", "));
    assert.equal(
      types.filter((x: string) => x === "alert").length,
      2,
      `one history line per stage: ${types.join(", ")}`,
    );
  } finally {
    await server?.kill();
    await rig.close();
  }
}

async function scenarioB(t: TestContext, label: string, db: DbEnv) {
  const log = (m: string) => t.diagnostic(`[${label}] ${m}`);
  const rig = await startRig(`b-${label}`);
  let server: ServerProcess | undefined;
  try {
    const started = await overdueKillRestart(rig, db, log);
    server = started.server;
    const { who, session, env } = started;
    const token = checkStageOneMessages(rig, session);

    // The contact opens the link in the email (no account): the first acknowledgement counts.
    const lookup = await http(server.baseUrl, "POST", "/api/canvass/alerts/lookup", { body: { token } });
    assert.equal(lookup.status, 200, JSON.stringify(lookup.body));
    assert.equal(lookup.body.status, "needs-acknowledging");
    assert.equal(lookup.body.area, AREA);
    const ack = await http(server.baseUrl, "POST", "/api/canvass/alerts/acknowledge", { body: { token } });
    assert.equal(ack.status, 200, JSON.stringify(ack.body));
    assert.equal(ack.body.status, "acknowledged");
    assert.equal(ack.body.acknowledgedByYou, true);
    assert.equal(ack.body.acknowledgedBy, CONTACT.name);
    const again = await http(server.baseUrl, "POST", "/api/canvass/alerts/acknowledge", { body: { token } });
    assert.equal(again.body.acknowledgedByYou, false, "a second press changes nothing");

    // The acknowledgement survives a SIGKILL, and stops stage 2.
    await server.kill();
    rig.setClock(session.deadline + 15 * MINUTE + 1000);
    server = await startServer(env);
    await sleep(QUIET_MS);
    rig.setClock(session.deadline + 20 * MINUTE);
    await sleep(QUIET_MS);
    assert.deepEqual(stageArrivals(rig, 2), [], "no stage 2 after an acknowledgement");
    assert.equal(rig.arrivals().length, 2, "only the stage-1 email and webhook, once each");
    const view = await getSession(server, who, session.id);
    assert.equal(view.status, "acknowledged");
    assert.equal(view.escalation.acknowledgedBy, CONTACT.name);
    assert.equal(view.escalation.nextStageAt, null);
    assert.match(view.acknowledgedLine, /^Tom Hollis acknowledged/);
    assert.equal(view.alerts.length, 1);
    assert.ok(
      view.history.some(
        (h: { type: string; text: string }) => h.type === "acknowledged" && /Tom Hollis/.test(h.text),
      ),
    );
  } finally {
    await server?.kill();
    await rig.close();
  }
}

// ------------------------------------------------------------------------------------------ C

const SESSIONS = 20;

async function scenarioC(t: TestContext, database: TestDatabase) {
  const log = (m: string) => t.diagnostic(`[two servers] ${m}`);
  const rig = await startRig("c");
  const masterKey = randomBytes(32).toString("base64");
  const dataDirB = mkdtempSync(join(tmpdir(), "shield-canvass-c-b-"));
  const shared = { DATABASE_URL: database.databaseUrl, SHIELD_MASTER_KEY: masterKey };
  let a: ServerProcess | undefined;
  let b: ServerProcess | undefined;
  try {
    a = await startServer(rig.env("a", { ...shared, DATA_DIR: database.dataDir }));
    const who = await setUpCandidate(a);
    b = await startServer(rig.env("b", { ...shared, DATA_DIR: dataDirB }));
    // Sessions planned through both servers (each reads what the other encrypted: one master key), at
    // least 150 ms apart: their deadlines, and so their stage-1 times, spread over a few seconds.
    const sessions: Planned[] = [];
    const contacts = new Map<string, string>();
    for (let i = 0; i < SESSIONS; i++) {
      const contact = {
        name: `Contact ${i}`,
        email: `contact-${i}@example.org`,
        phone: `07700 900${String(200 + i)}`,
      };
      const [planned] = await Promise.all([
        planAndStart(i % 2 ? b : a, who, { area: `Ward ${i}`, contact }),
        sleep(150),
      ]);
      sessions.push(planned);
      contacts.set(contact.email, planned.id);
      contacts.set(contact.phone, planned.id);
    }
    const firstDeadline = Math.min(...sessions.map((s) => s.deadline));
    const lastDeadline = Math.max(...sessions.map((s) => s.deadline));
    /** Email arrivals name the recipient; each session has its own contact, so that names the session. */
    const arrivals = () =>
      rig.arrivals().map((x) => ({ ...x, session: contacts.get(x.recipient) ?? x.session }));

    // All 20 overdue at once, and their stage-1 times then pass one after another, while both servers
    // poll: each takes what is due (FOR UPDATE SKIP LOCKED), and nothing may be taken twice.
    rig.setClock(firstDeadline + 5 * MINUTE - 300);
    const moved1 = Date.now();
    await collectStage(rig, 1, 2 * SESSIONS);
    const stage1 = arrivals().filter((x) => x.stage === 1);
    assert.equal(stage1.length, 2 * SESSIONS, "one stage-1 email and one webhook per session");
    assertEachOnce(stage1, "stage 1 with two servers");
    for (const s of sessions)
      assert.deepEqual(
        stage1
          .filter((x) => x.session === s.id)
          .map((x) => x.channel)
          .sort(),
        ["email", "webhook"],
        `session ${s.id}`,
      );
    const split = (xs: Arrival[]) =>
      `server a ${xs.filter((x) => x.sender === "a").length}, server b ${xs.filter((x) => x.sender === "b").length}`;
    log(
      `stage 1: ${stage1.length} messages over ${Math.max(...stage1.map((x) => x.at)) - moved1} ms ` +
        `(due over ${lastDeadline - firstDeadline} ms); sent by ${split(stage1)}`,
    );

    // SIGKILL one of the two; the survivor carries on alone.
    await a.kill();
    rig.setClock(lastDeadline + 15 * MINUTE + 1000);
    const moved2 = Date.now();
    await collectStage(rig, 2, 2 * SESSIONS, 30_000);
    const stage2 = arrivals().filter((x) => x.stage === 2);
    const noticedMs = Math.max(...stage2.map((x) => x.at)) - moved2;
    log(
      `stage 2 after the kill: ${stage2.length} messages, the last ${noticedMs} ms after it fell due; ${split(stage2)}`,
    );
    assert.equal(stage2.length, 2 * SESSIONS);
    assertEachOnce(stage2, "stage 2 from the survivor");
    assert.ok(
      stage2.every((x) => x.sender === "b"),
      "stage 2 comes from the surviving server",
    );
    for (const s of sessions)
      assert.equal(stage2.filter((x) => x.session === s.id).length, 2, `stage 2 of session ${s.id}`);
    assert.ok(noticedMs < 30_000, `every stage 2 within 30 s (took ${noticedMs} ms)`);
    assertEachOnce(arrivals(), "everything");
    for (const hook of rig.hooks.received) assertSigned(hook);
  } finally {
    await a?.kill();
    await b?.kill();
    await rig.close();
    rmSync(dataDirB, { recursive: true, force: true });
  }
}

// ------------------------------------------------------------------------------------------ D

/**
 * Killed while the webhook is in flight: the receiver got it but never answered, so the delivery is
 * still leased ("sending"). After the restart it is not sent again until the lease (one minute) runs
 * out, then once more with the same delivery id, so the receiver can tell it is a repeat.
 */
async function scenarioD(t: TestContext, db: DbEnv) {
  const log = (m: string) => t.diagnostic(`[in flight] ${m}`);
  const rig = await startRig("d");
  let server: ServerProcess | undefined;
  try {
    const env = rig.env("a", { ...db });
    server = await startServer(env);
    const who = await setUpCandidate(server);
    const session = await planAndStart(server, who);
    rig.hooks.respond = () => "hang";
    rig.setClock(session.deadline + 5 * MINUTE + 1000);
    const first = await rig.hooks.waitFor(() => true, 20_000);
    // Killed once the email is recorded as sent, while the webhook still waits for its answer (the
    // channel would give up after 10 s).
    await waitUntil(
      "the email to show as sent",
      async () => {
        const view = await getSession(server!, who, session.id);
        const email = view.alerts[0]?.deliveries.find((d: { channel: string }) => d.channel === "email");
        return email?.status === "sent";
      },
      8000,
    );
    await server.kill();
    rig.hooks.respond = () => ({ status: 200, body: { ok: true } });

    server = await startServer(env);
    await sleep(QUIET_MS);
    assert.equal(
      rig.hooks.received.length,
      1,
      "a leased delivery is not sent again before its lease runs out",
    );
    const view = await getSession(server, who, session.id);
    const webhook = view.alerts[0].deliveries.find((d: { channel: string }) => d.channel === "webhook");
    assert.equal(webhook.status, "sending");
    rig.setClock(session.deadline + 7 * MINUTE); // past the lease taken at about deadline + 5 min

    const repeat = await rig.hooks.waitFor((r) => r !== first, 20_000);
    await sleep(QUIET_MS);
    assert.equal(
      repeat.headers["x-shield-delivery"],
      first.headers["x-shield-delivery"],
      "the repeat has the same id",
    );
    assert.equal(repeat.text.replace(/"sentAt":"[^"]+"/, ""), first.text.replace(/"sentAt":"[^"]+"/, ""));
    assert.equal(rig.hooks.received.length, 2, "sent once more, and no more");
    assert.equal(rig.mail.received.length, 1, "the email (answered before the kill) is not repeated");
    const after = await getSession(server, who, session.id);
    const sent = after.alerts[0].deliveries.find((d: { channel: string }) => d.channel === "webhook");
    assert.deepEqual([sent.status, sent.attempts], ["sent", 2]);
    log("the in-flight webhook was repeated once, with the same delivery id, after its lease");
  } finally {
    await server?.kill();
    await rig.close();
  }
}

// ------------------------------------------------------------------------------------------ the tests

async function postgresReachable(): Promise<string | undefined> {
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: pgServerUrl(), connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query("select 1");
    return undefined;
  } catch (error) {
    return (error as Error).message;
  } finally {
    await client.end().catch(() => {});
  }
}

/** Runs `body` on a fresh database of `kind`; PostgreSQL is skipped (or fails, with SHIELD_TEST_PG_URL) when unreachable. */
async function onDatabase(
  t: TestContext,
  kind: "pglite" | "postgres",
  body: (db: TestDatabase) => Promise<void>,
): Promise<void> {
  if (kind === "postgres") {
    const unreachable = await postgresReachable();
    if (unreachable) {
      if (process.env.SHIELD_TEST_PG_URL)
        assert.fail(`SHIELD_TEST_PG_URL is set but the server is unreachable: ${unreachable}`);
      t.skip(
        `PostgreSQL is not reachable at ${pgServerUrl()} (${unreachable}); set SHIELD_TEST_PG_URL to run this`,
      );
      return;
    }
  }
  // A server process on PGlite opens (and migrates) its own folder: it needs no template.
  const database =
    kind === "postgres" ? await createTestDatabase("postgres") : await createTestDatabase("pglite");
  try {
    await body(database);
  } finally {
    await database.drop();
    rmSync(database.dataDir, { recursive: true, force: true });
  }
}

const dbEnv = (database: TestDatabase): DbEnv => ({
  DATA_DIR: database.dataDir,
  ...(database.databaseUrl ? { DATABASE_URL: database.databaseUrl } : {}),
});

test("canvass alerts survive SIGKILL restarts", { timeout: 5 * 60_000, concurrency: true }, async (t) => {
  t.after(() => killAllServers());
  const kinds = [
    ["pglite", "PGlite"],
    ["postgres", "PostgreSQL"],
  ] as const;
  await Promise.all([
    ...kinds.map(([kind, name]) =>
      t.test(`killed while overdue and restarted: one stage-1 alert, stage 2 on time (${name})`, (t) =>
        onDatabase(t, kind, (db) => scenarioA(t, name, dbEnv(db))),
      ),
    ),
    ...kinds.map(([kind, name]) =>
      t.test(`acknowledged through the email's link: no stage 2 (${name})`, (t) =>
        onDatabase(t, kind, (db) => scenarioB(t, name, dbEnv(db))),
      ),
    ),
    t.test(
      "two servers on one PostgreSQL database: each alert once, stage 2 from the survivor of a SIGKILL",
      (t) => onDatabase(t, "postgres", (db) => scenarioC(t, db)),
    ),
    t.test(
      "killed with a webhook in flight: repeated once after the lease, with the same delivery id (PGlite)",
      (t) => onDatabase(t, "pglite", (db) => scenarioD(t, dbEnv(db))),
    ),
  ]);
});
