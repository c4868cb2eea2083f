// Canvass sessions through HTTP with a real database, a real SMTP server and a real webhook receiver:
// planning (and its bad input), check-ins, a missed check-in escalating in stages with the clock under
// the test's control, acknowledgement through the alert's link, panic buttons, and who may see what.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import {
  addTeamMember,
  setUpCandidate,
  startHarness,
  TestClock,
  type Harness,
  type Session,
} from "../support/harness.ts";
import { startMailServer, type MailServer } from "../support/mail-server.ts";
import { startWebhookReceiver, type WebhookReceiver } from "../support/webhook-receiver.ts";
import { channelsFromConfig } from "../../src/server/notify/channels.ts";
import { advanceDueSessions } from "../../src/server/canvass/poller.ts";
import { sendDueDeliveries } from "../../src/server/canvass/deliveries.ts";
import { canvassSessions } from "../../src/store/schema.ts";
import { eq, sql } from "drizzle-orm";

const SECRET = "webhook-secret-for-tests-0123456789";
const MINUTE = 60_000;

describe("canvass sessions", () => {
  let h: Harness;
  let mail: MailServer;
  let hook: WebhookReceiver;
  let candidate: Session;
  let agent: Session;
  let volunteer: Session;
  let campaignId: string;
  const clock = new TestClock(new Date("2026-11-21T14:00:00Z"));

  before(async () => {
    mail = await startMailServer();
    hook = await startWebhookReceiver({ secret: SECRET });
    h = await startHarness({
      clock,
      channels: channelsFromConfig({
        smtpUrl: mail.url,
        mailFrom: "Shield <alerts@shield.test>",
        webhookUrl: `${hook.url}/sms`,
        webhookSecret: SECRET,
        publicUrl: "http://localhost:8080",
        masterKey: Buffer.alloc(32, 7),
      }),
    });
    ({ session: candidate, campaignId } = await setUpCandidate(h));
    agent = await addTeamMember(h, candidate, campaignId, "agent@example.org", "full");
    volunteer = await addTeamMember(h, candidate, campaignId, "volunteer@example.org", "log-only");
  });
  after(async () => {
    await h?.close();
    await mail?.close();
    await hook?.close();
  });

  /** One pass of the poller at the test clock's time: advance sessions, send what is due. */
  const poll = async () => {
    await advanceDueSessions(h.runtime.deps);
    await sendDueDeliveries(h.runtime.deps);
  };

  const plan = (overrides: Record<string, unknown> = {}) => ({
    area: "Orchard Close and Elm Road, Riverside ward",
    people: [{ userId: candidate.userId }],
    endsAt: new Date(clock.now().getTime() + 3 * 60 * MINUTE).toISOString(),
    checkInEveryMinutes: 30,
    contacts: [{ name: "Ŵyn Jones", email: "wyn@example.org", phone: "07700 900123" }],
    ...overrides,
  });

  test("bad input gets a clear error and creates nothing", async () => {
    const cases: [Record<string, unknown>, RegExp][] = [
      [{ endsAt: new Date(clock.now().getTime() - MINUTE).toISOString() }, /endsAt: is in the past/],
      [{ checkInEveryMinutes: 0 }, /checkInEveryMinutes/],
      [{ contacts: [{ name: "Nobody" }] }, /email address or a phone number/],
      [{ area: "" }, /area/],
      [{ people: [] }, /people/],
      [{ graceMinutes: 20, stage2AfterMinutes: 10 }, /stage2AfterMinutes: must be later/],
      [{ alertSpoc: true }, /police single point of contact has no email or phone/],
      [{ contacts: [{ userId: "00000000-0000-4000-8000-000000000000" }] }, /contacts.0: is not a member/],
    ];
    for (const [overrides, message] of cases) {
      const res = await candidate.request(
        "POST",
        `/api/campaigns/${campaignId}/canvass-sessions`,
        plan(overrides),
      );
      assert.equal(res.status, 400, JSON.stringify(overrides));
      assert.match(res.body.error.message, message);
    }
    const list = await candidate.request("GET", `/api/campaigns/${campaignId}/canvass-sessions?open=false`);
    assert.equal(list.body.sessions.length, 0);
  });

  test("going alone is allowed, warned about and recorded", async () => {
    const res = await candidate.request("POST", `/api/campaigns/${campaignId}/canvass-sessions`, plan());
    assert.equal(res.status, 201);
    assert.equal(res.body.alone, true);
    assert.match(res.body.warnings[0], /canvass alone/);
    assert.match(res.body.history[0].text, /going alone/);
    assert.equal(res.body.status, "active");
    await candidate.request("POST", `/api/canvass-sessions/${res.body.id}/end`, {});
  });

  test("a missed check-in alerts the contacts, then the campaign lead, until acknowledged", async () => {
    mail.received.length = 0;
    hook.received.length = 0;
    const created = await candidate.request("POST", `/api/campaigns/${campaignId}/canvass-sessions`, plan());
    const id = created.body.id;
    const deadline = new Date(created.body.deadline.at).getTime();
    assert.equal(deadline, clock.now().getTime() + 30 * MINUTE);

    // A check-in on time moves the deadline on.
    clock.advance(20 * MINUTE);
    const checked = await candidate.request("POST", `/api/canvass-sessions/${id}/check-in`, {});
    assert.equal(checked.status, 200);
    const next = new Date(checked.body.deadline.at).getTime();
    assert.equal(next, clock.now().getTime() + 30 * MINUTE);

    // The reminder comes before the deadline; nothing goes to the contacts.
    clock.current = new Date(next - 4 * MINUTE);
    await poll();
    let view = (await candidate.request("GET", `/api/canvass-sessions/${id}`)).body;
    assert.equal(view.status, "due");
    assert.equal(mail.received.length, 0);

    // Missed: overdue at the deadline, stage 1 after the 5-minute grace.
    clock.current = new Date(next + MINUTE);
    await poll();
    view = (await candidate.request("GET", `/api/canvass-sessions/${id}`)).body;
    assert.equal(view.status, "overdue");
    assert.equal(mail.received.length, 0);

    clock.current = new Date(next + 5 * MINUTE);
    await poll();
    await poll(); // a second pass at the same time sends nothing twice
    view = (await candidate.request("GET", `/api/canvass-sessions/${id}`)).body;
    assert.equal(view.status, "escalated");
    assert.equal(view.escalation.stage, 1);
    assert.equal(mail.received.length, 1);
    const email = mail.received[0]!;
    assert.deepEqual(email.envelopeTo, ["wyn@example.org"]);
    assert.match(email.subject, /Sam Candidate missed a canvassing check-in/);
    assert.match(email.text, /Orchard Close and Elm Road/);
    assert.match(email.text, /Last heard from: 14:20 on 21 Nov/);
    assert.match(email.text, /call 999/);
    const link = /http:\/\/localhost:8080\/canvass\/acknowledge#token=(\S+)/.exec(email.text);
    assert.ok(link, "the email has an acknowledge link");
    assert.equal(hook.received.length, 1);
    const sms = hook.received[0]!;
    assert.equal(sms.signatureValid, true);
    assert.equal(sms.json.to.phone, "07700 900123");
    assert.equal(sms.json.alert.stage, 1);
    assert.ok(sms.json.text.length <= 400, sms.json.text);
    assert.deepEqual(view.alerts[0].deliveries.map((d: any) => [d.channel, d.status]).sort(), [
      ["email", "sent"],
      ["webhook", "sent"],
    ]);

    for (const d of view.alerts[0].deliveries) {
      assert.equal(d.attemptLog.length, 1, "each delivery attempt is in the history");
      assert.equal(d.attemptLog[0].ok, true);
    }

    // Stage 2 goes to the campaign's leads who are not out: the agent (full member), in the app and by email.
    clock.current = new Date(next + 15 * MINUTE);
    await poll();
    view = (await candidate.request("GET", `/api/canvass-sessions/${id}`)).body;
    assert.equal(view.escalation.stage, 2);
    const stage2 = mail.received.filter((m) => m.envelopeTo.includes("agent@example.org"));
    assert.equal(stage2.length, 1);
    assert.match(stage2[0]!.text, /alert stage 2/);

    // The agent sees it too and the first acknowledgement (through the link) stops further stages.
    const agentView = await agent.request("GET", `/api/canvass-sessions/${id}`);
    assert.equal(agentView.body.can.acknowledge, true);
    const lookup = await h.app.inject({
      method: "POST",
      url: "/api/canvass/alerts/lookup",
      payload: { token: link![1] },
    });
    assert.equal(lookup.json().status, "needs-acknowledging");
    assert.equal(lookup.json().personNames, "Sam Candidate");
    const ack = await h.app.inject({
      method: "POST",
      url: "/api/canvass/alerts/acknowledge",
      payload: { token: link![1] },
    });
    assert.equal(ack.statusCode, 200);
    assert.equal(ack.json().acknowledgedByYou, true);
    assert.equal(ack.json().acknowledgedBy, "Ŵyn Jones");
    const again = await h.app.inject({
      method: "POST",
      url: "/api/canvass/alerts/acknowledge",
      payload: { token: link![1], name: "Someone else" },
    });
    assert.equal(again.json().acknowledgedByYou, false);
    assert.equal(again.json().acknowledgedBy, "Ŵyn Jones");

    view = (await candidate.request("GET", `/api/canvass-sessions/${id}`)).body;
    assert.equal(view.status, "acknowledged");
    assert.match(view.acknowledgedLine, /Ŵyn Jones acknowledged the alert/);
    const sent = mail.received.length;
    clock.current = new Date(next + 60 * MINUTE);
    await poll();
    assert.equal(mail.received.length, sent, "no alerts after acknowledgement");

    // Checking in afterwards ends the episode: the link now says no action is needed.
    await candidate.request("POST", `/api/canvass-sessions/${id}/check-in`, {});
    const resolved = await h.app.inject({
      method: "POST",
      url: "/api/canvass/alerts/lookup",
      payload: { token: link![1] },
    });
    assert.equal(resolved.json().status, "resolved");
    assert.deepEqual(resolved.json().phones, [], "a resolved alert's link no longer shows phones");
    assert.equal(resolved.json().lastKnownLocation, null);
    const history = (await candidate.request("GET", `/api/canvass-sessions/${id}`)).body.history.map(
      (e: any) => e.type,
    );
    assert.deepEqual(history, [
      "planned",
      "started",
      "checked-in",
      "reminder",
      "overdue",
      "alert",
      "alert",
      "acknowledged",
      "checked-in",
    ]);
    await candidate.request("POST", `/api/canvass-sessions/${id}/end`, {});
  });

  test("a check-in that comes after an unnoticed missed deadline is recorded in order; stage 2 tells the leads not out", async () => {
    mail.received.length = 0;
    // The candidate plans a session for a volunteer: the candidate is a lead who is not out.
    const created = await candidate.request(
      "POST",
      `/api/campaigns/${campaignId}/canvass-sessions`,
      plan({ people: [{ userId: volunteer.userId, phone: "07700 900789" }] }),
    );
    assert.equal(created.status, 201, JSON.stringify(created.body));
    assert.equal(created.body.plan.people[0].phone, "07700 900789");
    const id = created.body.id;
    const deadline = new Date(created.body.deadline.at).getTime();
    // The poller has not run: the volunteer checks in 6 minutes late, after stage 1 was due.
    clock.current = new Date(deadline + 6 * MINUTE);
    const late = await volunteer.request("POST", `/api/canvass-sessions/${id}/check-in`, {});
    assert.equal(late.status, 200);
    assert.equal(late.body.status, "active");
    assert.deepEqual(
      late.body.history.map((e: any) => e.type),
      ["planned", "started", "reminder", "overdue", "alert", "checked-in"],
    );
    await poll();
    // The stage-1 alert that was due went out, and its link now says no action is needed.
    const stage1 = mail.received.find((m) => m.envelopeTo.includes("wyn@example.org"));
    assert.ok(stage1);
    const token = /#token=(\S+)/.exec(stage1.text)![1];
    const lookup = await h.app.inject({
      method: "POST",
      url: "/api/canvass/alerts/lookup",
      payload: { token },
    });
    assert.equal(lookup.json().status, "resolved");

    // Missed again, and nobody acknowledges: stage 2 goes to the candidate and the agent, not the volunteer.
    mail.received.length = 0;
    const next = new Date(late.body.deadline.at).getTime();
    clock.current = new Date(next + 15 * MINUTE);
    await poll();
    const stage2To = mail.received
      .filter((m) => /alert stage 2/.test(m.text))
      .flatMap((m) => m.envelopeTo)
      .sort();
    assert.deepEqual(stage2To, ["agent@example.org", "candidate@example.org"]);
    await candidate.request("POST", `/api/canvass-sessions/${id}/end`, {});
  });

  test("a session whose record cannot be read is set aside; the others still advance", async () => {
    const a = await candidate.request("POST", `/api/campaigns/${campaignId}/canvass-sessions`, plan());
    const b = await candidate.request("POST", `/api/campaigns/${campaignId}/canvass-sessions`, plan());
    // Session A's plan gets B's ciphertext: it no longer decrypts (bound to its own row).
    await h.runtime.deps.db.execute(
      sql`update canvass_sessions set plan_enc = (select plan_enc from canvass_sessions where id = ${b.body.id}) where id = ${a.body.id}`,
    );
    clock.current = new Date(new Date(b.body.deadline.at).getTime() + MINUTE);
    const errors: string[] = [];
    const original = console.error;
    console.error = (...args: unknown[]) => void errors.push(args.join(" "));
    try {
      await poll();
    } finally {
      console.error = original;
    }
    assert.equal(
      (await candidate.request("GET", `/api/canvass-sessions/${b.body.id}`)).body.status,
      "overdue",
    );
    const [row] = await h.runtime.deps.db
      .select({ next: canvassSessions.nextActionAt })
      .from(canvassSessions)
      .where(eq(canvassSessions.id, a.body.id));
    assert.equal(row!.next!.getTime(), clock.now().getTime() + MINUTE, "retried a minute later");
    assert.ok(
      errors.some((e) => e.includes(a.body.id) && e.includes("DecryptionError")),
      errors.join("\n"),
    );
    await candidate.request("POST", `/api/canvass-sessions/${b.body.id}/end`, {});
    await h.runtime.deps.db.execute(
      sql`update canvass_sessions set next_action_at = null where id = ${a.body.id}`,
    );
  });

  test("a forged or altered acknowledge link changes nothing", async () => {
    for (const token of [
      "not-a-token-at-all",
      "00000000-0000-4000-8000-000000000000.AAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAAA",
    ]) {
      const res = await h.app.inject({
        method: "POST",
        url: "/api/canvass/alerts/acknowledge",
        payload: { token },
      });
      assert.equal(res.statusCode, 404);
      assert.match(res.json().error.message, /not valid/);
    }
  });

  test("I'm in danger alerts every stage at once; I feel unsafe records an incident", async () => {
    mail.received.length = 0;
    const created = await volunteer.request(
      "POST",
      `/api/campaigns/${campaignId}/canvass-sessions`,
      plan({
        people: [{ userId: volunteer.userId }, { name: "Alex Patel", phone: "07700 900456" }],
        shareLocation: true,
      }),
    );
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const id = created.body.id;
    await volunteer.request("POST", `/api/canvass-sessions/${id}/check-in`, {
      location: { lat: 53.8067, lng: -1.5551 },
    });
    const danger = await volunteer.request("POST", `/api/canvass-sessions/${id}/danger`, {});
    assert.equal(danger.status, 200);
    assert.equal(danger.body.escalation.reason, "danger");
    assert.equal(danger.body.escalation.stage, 2);
    await poll();
    const urgent = mail.received.filter((m) => /URGENT/.test(m.subject));
    assert.ok(urgent.length >= 2, "stage 1 contact and stage 2 leads are emailed at once");
    assert.match(urgent[0]!.text, /^volunteer pressed "I'm in danger"/);
    assert.match(urgent[0]!.text, /1\. If you believe they are in immediate danger, call 999 now/);
    assert.match(urgent[0]!.text, /Last known location: 53\.80670, -1\.55510/);
    assert.match(urgent[0]!.text, /Alex Patel: 07700 900456/);

    await volunteer.request("POST", `/api/canvass-sessions/${id}/check-in`, {});
    const unsafe = await volunteer.request("POST", `/api/canvass-sessions/${id}/unsafe`, {
      note: "Man followed us",
    });
    assert.equal(unsafe.status, 200);
    assert.equal(unsafe.body.escalation.reason, "unsafe");
    assert.equal(unsafe.body.escalation.stage, 1);
    assert.ok(unsafe.body.incidentId);
    const incident = await volunteer.request("GET", `/api/incidents/${unsafe.body.incidentId}`);
    assert.equal(incident.status, 200);
    assert.match(JSON.stringify(incident.body), /Felt unsafe while canvassing/);
    await volunteer.request("POST", `/api/canvass-sessions/${id}/end`, {});
  });

  test("who may see and act on a session", async () => {
    const created = await candidate.request("POST", `/api/campaigns/${campaignId}/canvass-sessions`, plan());
    const id = created.body.id;
    // A log-only volunteer who is not out on it neither sees nor acts on it.
    assert.equal((await volunteer.request("GET", `/api/canvass-sessions/${id}`)).status, 404);
    assert.equal((await volunteer.request("POST", `/api/canvass-sessions/${id}/end`, {})).status, 404);
    const list = await volunteer.request("GET", `/api/campaigns/${campaignId}/canvass-sessions`);
    assert.ok(list.body.sessions.every((s: any) => s.id !== id));
    // The agent (full member) sees every session and may check the candidate in.
    assert.equal((await agent.request("GET", `/api/canvass-sessions/${id}`)).status, 200);
    assert.equal((await agent.request("POST", `/api/canvass-sessions/${id}/check-in`, {})).status, 200);
    // Past the planned end, a check-in asks to extend or end.
    clock.current = new Date(new Date(created.body.endsAt).getTime() + MINUTE);
    const late = await candidate.request("POST", `/api/canvass-sessions/${id}/check-in`, {});
    assert.equal(late.status, 409);
    assert.equal(late.body.error.code, "past-end");
    const ended = await candidate.request("POST", `/api/canvass-sessions/${id}/end`, {});
    assert.equal(ended.body.status, "closed");
    const closed = await candidate.request("POST", `/api/canvass-sessions/${id}/check-in`, {});
    assert.equal(closed.status, 409);
  });
});
