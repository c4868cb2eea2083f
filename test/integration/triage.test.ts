// Triage and patterns as a campaign sees them, over HTTP against a real database: the verdict an
// incident gets when it is recorded, amended or given the message itself; quick answers; notices;
// the same person across channels (and the team's own merge and split decisions); the police force
// and its single point of contact; the private-details register; checking a message without saving
// it; and bad input that changes nothing.
import { test, type TestContext } from "node:test";
import assert from "node:assert/strict";
import { createCandidate } from "../../src/server/commands/accounts.ts";
import { RULESET_VERSION } from "../../src/core/triage/ruleset.ts";
import { verifyIntegrity } from "../../src/store/verify.ts";
import {
  addTeamMember,
  login,
  PASSWORD,
  sampleIncident,
  setUpCandidate,
  startHarness,
  type Harness,
  type Session,
} from "../support/harness.ts";
import { pngUpload, send } from "../support/requests.ts";
import { changedKeys, snapshot } from "../support/snapshot.ts";

const RED_FLAG =
  "I was delivering leaflets on Cobden Terrace when a man stopped me. " +
  "He said he would come back tonight and burn my house down. Then he walked off towards the park.";
const CRITICISM = "He said my bypass policy is a waste of money and he will vote for someone else.";
const MINUTE = 60_000;

interface Campaign {
  h: Harness;
  session: Session;
  campaignId: string;
}

async function campaign(t: TestContext): Promise<Campaign> {
  const h = await startHarness();
  t.after(() => h.close());
  const { session, campaignId } = await setUpCandidate(h);
  return { h, session, campaignId };
}

/** Records an incident a minute after the last request (people do not act twice in one millisecond). */
async function record(c: Campaign, overrides: Record<string, unknown>, as: Session = c.session) {
  c.h.clock.advance(MINUTE);
  const res = await as.request("POST", `/api/campaigns/${c.campaignId}/incidents`, sampleIncident(overrides));
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return res.body as { id: string; revision: number; verdict: any };
}

async function createActor(c: Campaign, label: string, identifiers: unknown[], as: Session = c.session) {
  c.h.clock.advance(MINUTE);
  const res = await as.request("POST", `/api/campaigns/${c.campaignId}/actors`, { label, identifiers });
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return res.body.id as string;
}

const history = async (c: Campaign, incidentId: string, as: Session = c.session) => {
  const res = await as.request("GET", `/api/incidents/${incidentId}/verdicts`);
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return res.body.verdicts as { level: string; cause: string; revision: number; rulesetVersion: string }[];
};

const notices = async (c: Campaign, as: Session = c.session, query = "") => {
  const res = await as.request("GET", `/api/campaigns/${c.campaignId}/notices${query}`);
  assert.equal(res.status, 200, JSON.stringify(res.body));
  return res.body.notices as any[];
};

const findingOf = (verdict: any, kind: string) => verdict.findings.find((f: any) => f.kind === kind);

async function assertIntact(h: Harness) {
  const report = await verifyIntegrity(h.runtime.deps.db, h.runtime.deps.blobs, h.runtime.deps.secrets);
  assert.deepEqual(report.problems, []);
}

/** Sends a request that must be refused, and checks that it changed nothing. */
async function refused(
  h: Harness,
  request: () => Promise<{ status: number; body: any }>,
  status: number,
  field?: string,
) {
  const before = await snapshot(h);
  const res = await request();
  assert.equal(res.status, status, JSON.stringify(res.body));
  if (field !== undefined) assert.equal(res.body.error.field, field, JSON.stringify(res.body));
  assert.ok(typeof res.body.error?.message === "string" && res.body.error.message.length > 5);
  assert.deepEqual(changedKeys(before, await snapshot(h)), [], "a refused request changed stored data");
  return res;
}

test("triage: a red-flag incident says call 999, points at the words, and reads back the same", async (t) => {
  const c = await campaign(t);
  const created = await record(c, { description: RED_FLAG });
  const verdict = created.verdict;
  assert.equal(verdict.level, "call-999");
  assert.match(verdict.headline, /999/);
  assert.equal(verdict.rulesetVersion, RULESET_VERSION);
  assert.ok(verdict.advice.length > 20);

  // Every reason about the words points at exactly those words of the description.
  const words = verdict.reasons.filter((r: any) => r.kind === "words" && r.where?.field === "description");
  assert.ok(words.length > 0, JSON.stringify(verdict.reasons));
  for (const r of words) {
    assert.equal(r.where.text, RED_FLAG.slice(r.where.start, r.where.end), JSON.stringify(r));
    assert.ok(r.explanation.length > 0 && r.source.length > 0);
  }
  const red = words.find((r: any) => r.level === "call-999");
  assert.ok(red, "a call-999 reason names the words");
  assert.match(red.where.text, /tonight/);
  assert.ok(!red.where.text.includes("leaflets"), "the reason points at the threat, not the whole account");
  assert.equal(verdict.reasons[0].level, "call-999", "most serious reason first");

  assert.equal(verdict.contacts[0].id, "999");
  assert.equal(verdict.contacts[0].phone, "999");
  assert.ok(verdict.offences.length > 0, "a threat may constitute an offence");
  assert.equal(verdict.assessment, undefined, "the internal assessment is not shown");

  const detail = await c.session.request("GET", `/api/incidents/${created.id}`);
  assert.equal(detail.status, 200);
  assert.equal(detail.body.verdictLevel, "call-999");
  assert.deepEqual(detail.body.verdict, verdict, "reading shows the verdict given when it was recorded");

  const list = await c.session.request("GET", `/api/campaigns/${c.campaignId}/incidents`);
  assert.equal(list.body.incidents.find((i: any) => i.id === created.id).verdictLevel, "call-999");
  const urgent = await c.session.request("GET", `/api/campaigns/${c.campaignId}/incidents?verdict=call-999`);
  assert.deepEqual(
    urgent.body.incidents.map((i: any) => i.id),
    [created.id],
  );

  // A new incident that needs the police is a notice for the team; it carries no incident text.
  const [notice, ...more] = await notices(c);
  assert.equal(more.length, 0);
  assert.equal(notice.incidentId, created.id);
  assert.equal(notice.level, "call-999");
  assert.equal(notice.previousLevel, null);
  assert.equal(notice.cause, "recorded");
  assert.equal(notice.readAt, null);
  assert.ok(!JSON.stringify(notice).includes("burn"), "a notice carries no incident text");

  const history0 = await history(c, created.id);
  assert.deepEqual(
    history0.map((v) => [v.level, v.cause, v.revision, v.rulesetVersion]),
    [["call-999", "recorded", 1, RULESET_VERSION]],
  );
  await assertIntact(c.h);
});

test("triage: political criticism is kept on record, with no notice", async (t) => {
  const c = await campaign(t);
  const created = await record(c, {
    summary: "Voter criticised my bypass policy",
    description: CRITICISM,
    channel: "letter",
  });
  assert.equal(created.verdict.level, "keep-record");
  assert.match(created.verdict.headline, /record/i);
  assert.deepEqual(created.verdict.offences, []);
  assert.ok(!created.verdict.reasons.some((r: any) => r.level !== "keep-record"));
  assert.deepEqual(await notices(c), []);
  const detail = await c.session.request("GET", `/api/incidents/${created.id}`);
  assert.equal(detail.body.verdictLevel, "keep-record");
  await assertIntact(c.h);
});

test("triage: quick answers can raise the verdict and never lower it", async (t) => {
  const c = await campaign(t);
  const allNo = {
    weapon: "no",
    saidWhenOrWhere: "no",
    revealedPrivateDetails: "no",
    contactedBefore: "no",
    cameToHome: "no",
    propertyDamaged: "no",
    someoneHurt: "no",
    frightened: "no",
    referredTo: [],
  };
  // Weeks apart, so that no burst of activity colours the comparison.
  const on = (day: string) => `2026-${day}T18:30:00Z`;
  const plain = await record(c, { description: CRITICISM, occurredAt: on("07-01") });
  assert.equal(plain.verdict.level, "keep-record");

  const weapon = await record(c, {
    description: CRITICISM,
    occurredAt: on("08-01"),
    answers: { weapon: "yes" },
  });
  assert.equal(weapon.verdict.level, "call-999");
  const answered = weapon.verdict.reasons.find((r: any) => r.rule === "answer.weapon");
  assert.equal(answered?.kind, "answer");
  assert.equal(answered.level, "call-999");
  assert.equal(weapon.verdict.contacts[0].id, "999");

  const noOnCriticism = await record(c, { description: CRITICISM, occurredAt: on("09-01"), answers: allNo });
  assert.equal(noOnCriticism.verdict.level, "keep-record");
  assert.ok(!noOnCriticism.verdict.reasons.some((r: any) => r.kind === "answer"));

  // "No" to every question on a threatening account keeps what the words show.
  const noOnThreat = await record(c, { description: RED_FLAG, occurredAt: on("10-01"), answers: allNo });
  assert.equal(noOnThreat.verdict.level, "call-999");
  const threatOnly = await record(c, {
    description: "He said he would hurt me.",
    occurredAt: on("10-15"),
    answers: allNo,
  });
  assert.equal(threatOnly.verdict.level, "report-to-police");

  // "Unsure" is a real answer: it does not lower anything either.
  const unsure = await record(c, {
    description: "He said he would hurt me.",
    occurredAt: on("11-01"),
    answers: { weapon: "unsure", frightened: "unsure", someoneHurt: "unsure" },
  });
  assert.equal(unsure.verdict.level, "report-to-police");

  const detail = await c.session.request("GET", `/api/incidents/${weapon.id}`);
  assert.equal(detail.body.body.answers.weapon, "yes");
  assert.equal(detail.body.verdictLevel, "call-999");

  const bad = await refused(
    c.h,
    () =>
      c.session.request(
        "POST",
        `/api/campaigns/${c.campaignId}/incidents`,
        sampleIncident({ answers: { weapon: "maybe" } }),
      ),
    400,
    "answers.weapon",
  );
  assert.match(bad.body.error.message, /weapon/);
  await refused(
    c.h,
    () =>
      c.session.request(
        "POST",
        `/api/campaigns/${c.campaignId}/incidents`,
        sampleIncident({ answers: { gutFeeling: "yes" } }),
      ),
    400,
  );

  const questions = await c.session.request("GET", "/api/reference/quick-questions");
  assert.equal(questions.status, 200);
  assert.ok(questions.body.questions.some((q: any) => q.id === "weapon" && q.question.length > 10));
  await assertIntact(c.h);
});

test("triage: an amendment that adds a threat raises the verdict, keeps its history, and tells the team", async (t) => {
  const c = await campaign(t);
  const volunteer = await addTeamMember(c.h, c.session, c.campaignId, "volunteer@example.org", "log-only");
  const agent = await addTeamMember(c.h, c.session, c.campaignId, "agent@example.org", "full");

  // The volunteer's own incident: a threat, so the team is told.
  const theirs = await record(
    c,
    { description: "He said he would hurt me.", summary: "Canvassing" },
    volunteer,
  );
  assert.equal(theirs.verdict.level, "report-to-police");

  const first = await record(c, { summary: "Man at the gate", description: CRITICISM });
  assert.equal(first.verdict.level, "keep-record");
  assert.deepEqual(
    (await notices(c)).map((n) => n.incidentId),
    [theirs.id],
  );

  c.h.clock.advance(MINUTE);
  const amended = await c.session.request("POST", `/api/incidents/${first.id}/revisions`, {
    body: sampleIncident({ summary: "Man at the gate", description: `${CRITICISM} ${RED_FLAG}` }),
    reason: "Remembered what else he said",
    expectedRevision: 1,
  });
  assert.equal(amended.status, 201, JSON.stringify(amended.body));
  assert.equal(amended.body.revision, 2);
  assert.equal(amended.body.verdict.level, "call-999");

  const verdicts = await history(c, first.id);
  assert.deepEqual(
    verdicts.map((v) => [v.level, v.cause, v.revision, v.rulesetVersion]),
    [
      ["keep-record", "recorded", 1, RULESET_VERSION],
      ["call-999", "amended", 2, RULESET_VERSION],
    ],
  );
  const detail = await c.session.request("GET", `/api/incidents/${first.id}`);
  assert.equal(detail.body.verdictLevel, "call-999");
  assert.deepEqual(detail.body.verdict, amended.body.verdict);

  // The candidate and full members are told; the notice says what changed, not what was said.
  const unread = await notices(c, c.session, "?unread=true");
  assert.deepEqual(
    unread.map((n) => n.incidentId),
    [first.id, theirs.id],
    "newest first",
  );
  const rise = unread[0];
  assert.equal(rise.level, "call-999");
  assert.equal(rise.previousLevel, "keep-record");
  assert.equal(rise.cause, "amended");
  assert.match(rise.message, /999/);
  assert.ok(!/burn|bypass/i.test(rise.message));
  assert.deepEqual(
    (await notices(c, agent, "?unread=true")).map((n) => n.id),
    unread.map((n) => n.id),
  );

  // An amendment that does not raise the level adds a verdict but no notice.
  c.h.clock.advance(MINUTE);
  const again = await c.session.request("POST", `/api/incidents/${first.id}/revisions`, {
    body: sampleIncident({
      summary: "Man at the gate, Cobden Terrace",
      description: `${CRITICISM} ${RED_FLAG}`,
    }),
    reason: "Added the street",
    expectedRevision: 2,
  });
  assert.equal(again.status, 201);
  assert.equal(again.body.verdict.level, "call-999");
  assert.equal((await history(c, first.id)).length, 3);
  assert.equal((await notices(c)).length, 2);

  // Marking a notice read: per person, and it drops out of that person's unread list only.
  c.h.clock.advance(MINUTE);
  const before = await snapshot(c.h);
  const read = await c.session.request("POST", `/api/notices/${rise.id}/read`);
  assert.equal(read.status, 200, JSON.stringify(read.body));
  assert.equal(read.body.id, rise.id);
  assert.equal(read.body.readAt, c.h.clock.current.toISOString());
  assert.deepEqual(changedKeys(before, await snapshot(c.h)), ["notice_reads"]);
  assert.deepEqual(
    (await notices(c, c.session, "?unread=true")).map((n) => n.id),
    [unread[1].id],
  );
  const all = await notices(c);
  assert.equal(all.find((n) => n.id === rise.id).readAt, read.body.readAt);
  assert.equal(
    (await notices(c, agent, "?unread=true")).length,
    2,
    "one person reading a notice does not mark it read for the others",
  );

  // A log-only member sees only the notices about incidents they recorded, and cannot touch the others.
  const mine = await notices(c, volunteer);
  assert.deepEqual(
    mine.map((n) => n.incidentId),
    [theirs.id],
  );
  await refused(c.h, () => volunteer.request("POST", `/api/notices/${rise.id}/read`), 404);
  await refused(
    c.h,
    () => volunteer.request("POST", "/api/notices/6f1c1d7e-3b7a-4c55-9d4e-8a4c2f0b9e11/read"),
    404,
  );
  await refused(c.h, () => volunteer.request("GET", `/api/incidents/${first.id}/verdicts`), 404);
  const own = await volunteer.request("POST", `/api/notices/${mine[0].id}/read`);
  assert.equal(own.status, 200);
  assert.deepEqual(await notices(c, volunteer, "?unread=true"), []);
  assert.equal((await history(c, theirs.id, volunteer)).length, 1);

  await refused(
    c.h,
    () => c.session.request("GET", `/api/campaigns/${c.campaignId}/notices?unread=maybe`),
    400,
  );
  await assertIntact(c.h);
});

test("triage: adding the message itself as text evidence computes the verdict again", async (t) => {
  const c = await campaign(t);
  const created = await record(c, {
    summary: "A message from him",
    description: "He sent me a message on Facebook.",
    channel: "social-media",
    platform: "facebook",
  });
  assert.equal(created.verdict.level, "keep-record");

  // A screenshot is not read: the verdict stays as it was.
  c.h.clock.advance(MINUTE);
  const file = await send(
    c.h.app,
    { name: "candidate", token: c.session.token },
    "POST",
    `/api/incidents/${created.id}/evidence/file`,
    pngUpload(),
  );
  assert.equal(file.status, 201);
  assert.equal((await history(c, created.id)).length, 1);

  c.h.clock.advance(MINUTE);
  const message = "Thanks for the leaflet. I'm going to find you tonight and hurt you.";
  const evidence = await c.session.request("POST", `/api/incidents/${created.id}/evidence`, {
    kind: "text",
    text: message,
    source: "message-copy",
  });
  assert.equal(evidence.status, 201, JSON.stringify(evidence.body));
  assert.equal(evidence.body.verdict.level, "call-999");
  const reason = evidence.body.verdict.reasons.find((r: any) => r.where?.field === "evidence");
  assert.ok(reason, JSON.stringify(evidence.body.verdict.reasons));
  assert.equal(reason.where.evidenceId, evidence.body.id);
  assert.equal(reason.where.text, message.slice(reason.where.start, reason.where.end));

  assert.deepEqual(
    (await history(c, created.id)).map((v) => [v.level, v.cause, v.revision]),
    [
      ["keep-record", "recorded", 1],
      ["call-999", "evidence", 1],
    ],
  );
  const detail = await c.session.request("GET", `/api/incidents/${created.id}`);
  assert.equal(detail.body.verdictLevel, "call-999");
  assert.deepEqual(detail.body.verdict, evidence.body.verdict);
  const [notice] = await notices(c);
  assert.equal(notice.cause, "evidence");
  assert.equal(notice.previousLevel, "keep-record");

  // An amendment keeps reading the evidence: the words of the account alone would say less.
  c.h.clock.advance(MINUTE);
  const amended = await c.session.request("POST", `/api/incidents/${created.id}/revisions`, {
    body: sampleIncident({
      summary: "A message from him (Facebook)",
      description: "He sent me a message on Facebook.",
      channel: "social-media",
      platform: "facebook",
    }),
    reason: "Named the platform in the title",
  });
  assert.equal(amended.status, 201);
  assert.equal(amended.body.verdict.level, "call-999");
  await assertIntact(c.h);
});

test("patterns: one person across channels is a course of conduct; coming to the home is a red flag; backdating counts", async (t) => {
  const c = await campaign(t);
  // The same handle typed two ways, on two records.
  const onX = await createActor(c, "Bypass watcher on X", [
    { kind: "handle", value: "@Bypass_Watcher", platform: "x" },
  ]);
  const byEmail = await createActor(c, "Emails signed bypass_watcher", [
    { kind: "handle", value: "bypass_watcher" },
  ]);

  const post = await record(c, {
    summary: "Post about the bypass",
    description: "He posted that my bypass plan is a waste of money.",
    channel: "social-media",
    platform: "x",
    occurredAt: "2026-11-10T12:00:00Z",
    actorIds: [onX],
  });
  assert.equal(post.verdict.level, "keep-record");
  assert.deepEqual(post.verdict.findings, []);

  const email = await record(c, {
    summary: "Email about the bypass",
    description: "He emailed that my bypass plan is a waste of money.",
    channel: "email",
    occurredAt: "2026-11-12T12:00:00Z",
    actorIds: [byEmail],
  });
  const course = findingOf(email.verdict, "course-of-conduct");
  assert.ok(course, JSON.stringify(email.verdict.findings));
  assert.deepEqual(course.incidentIds, [post.id, email.id]);
  assert.deepEqual([...course.actorIds].sort(), [onX, byEmail].sort());
  assert.equal(email.verdict.level, "report-to-police");
  const patternReason = email.verdict.reasons.find((r: any) => r.rule === "pattern.course-of-conduct");
  assert.equal(patternReason?.kind, "pattern");
  assert.deepEqual(patternReason.incidentIds, [post.id, email.id]);

  const home = await record(c, {
    summary: "He came to my house",
    description: "He stood outside and shouted about the bypass.",
    channel: "home",
    occurredAt: "2026-11-14T19:00:00Z",
    location: { text: "Home" },
    actorIds: [onX],
  });
  assert.equal(home.verdict.level, "call-999");
  const approach = findingOf(home.verdict, "approach-home");
  assert.ok(approach, JSON.stringify(home.verdict.findings.map((f: any) => f.kind)));
  assert.equal(approach.level, "call-999");
  assert.deepEqual(approach.incidentIds.at(-1), home.id);
  assert.ok(approach.incidentIds.includes(post.id) || approach.incidentIds.includes(email.id));
  assert.equal(home.verdict.contacts[0].id, "999");

  const patterns = await c.session.request("GET", `/api/campaigns/${c.campaignId}/patterns`);
  assert.equal(patterns.status, 200);
  const person = patterns.body.people.find((p: any) => p.actorIds.includes(onX));
  assert.ok(person, JSON.stringify(patterns.body));
  assert.deepEqual(person.actorIds, [onX, byEmail].sort());
  assert.deepEqual([...person.incidentIds].sort(), [post.id, email.id, home.id].sort());
  const kinds = person.findings.map((f: any) => f.kind);
  assert.ok(kinds.includes("course-of-conduct") && kinds.includes("approach-home"), kinds.join(","));
  for (const f of person.findings) assert.equal(f.person, person.person);

  // Recorded now, but it happened before all the others: the later incidents are looked at again.
  const earliest = await record(c, {
    summary: "First post",
    description: "He posted that my bypass plan is a waste of money.",
    channel: "social-media",
    platform: "x",
    occurredAt: "2026-11-01T12:00:00Z",
    actorIds: [byEmail],
  });
  assert.equal(earliest.verdict.level, "keep-record", "nothing came before it");
  const postNow = await c.session.request("GET", `/api/incidents/${post.id}`);
  assert.equal(postNow.body.verdictLevel, "report-to-police");
  assert.deepEqual(findingOf(postNow.body.verdict, "course-of-conduct").incidentIds, [earliest.id, post.id]);
  assert.deepEqual(
    (await history(c, post.id)).map((v) => [v.level, v.cause]),
    [
      ["keep-record", "recorded"],
      ["report-to-police", "patterns"],
    ],
  );
  const emailNow = await c.session.request("GET", `/api/incidents/${email.id}`);
  assert.deepEqual(findingOf(emailNow.body.verdict, "course-of-conduct").incidentIds, [
    earliest.id,
    post.id,
    email.id,
  ]);
  const rose = (await notices(c)).find((n) => n.incidentId === post.id);
  assert.equal(rose?.cause, "patterns");
  assert.equal(rose.previousLevel, "keep-record");
  await assertIntact(c.h);
});

test("patterns: the team says two actor records are the same person, then that two others are not", async (t) => {
  const c = await campaign(t);
  const van = await createActor(c, "Man in grey coat", [{ kind: "vehicle", value: "AB12 CDE" }]);
  const caller = await createActor(c, "Caller", [{ kind: "phone", value: "07700 900999" }]);
  const doorstep = await record(c, {
    summary: "At the door",
    description: "He said the bypass is a scandal.",
    occurredAt: "2026-11-10T12:00:00Z",
    actorIds: [van],
  });
  const phoned = await record(c, {
    summary: "Phoned the office",
    description: "He said the bypass is a scandal.",
    channel: "phone-call",
    occurredAt: "2026-11-12T12:00:00Z",
    actorIds: [caller],
  });
  assert.equal(phoned.verdict.level, "keep-record", "nothing links them yet");
  const url = `/api/campaigns/${c.campaignId}/actor-links`;

  c.h.clock.advance(MINUTE);
  const merged = await c.session.request("POST", url, { actorIds: [caller, van], decision: "same" });
  assert.equal(merged.status, 201, JSON.stringify(merged.body));
  assert.deepEqual(merged.body.actorIds, [caller, van].sort());
  assert.equal(merged.body.decision, "same");
  assert.equal(merged.body.verdictsChanged, 1);

  const phonedNow = await c.session.request("GET", `/api/incidents/${phoned.id}`);
  assert.equal(phonedNow.body.verdictLevel, "report-to-police");
  assert.deepEqual(findingOf(phonedNow.body.verdict, "course-of-conduct").incidentIds, [
    doorstep.id,
    phoned.id,
  ]);
  assert.deepEqual(
    (await history(c, phoned.id)).map((v) => [v.level, v.cause]),
    [
      ["keep-record", "recorded"],
      ["report-to-police", "patterns"],
    ],
  );
  assert.equal((await history(c, doorstep.id)).length, 1, "the earlier incident reads the same");
  const notice = (await notices(c)).find((n) => n.incidentId === phoned.id);
  assert.equal(notice?.cause, "patterns");
  const people = (await c.session.request("GET", `/api/campaigns/${c.campaignId}/patterns`)).body.people;
  assert.deepEqual(people.find((p: any) => p.actorIds.includes(van)).actorIds, [caller, van].sort());

  // Two records that share a handle are linked until the team says they are different people.
  const first = await createActor(c, "X account", [{ kind: "handle", value: "@local_voice" }]);
  const second = await createActor(c, "Someone else", [{ kind: "handle", value: "Local_Voice" }]);
  const post = await record(c, {
    summary: "Post",
    description: "He posted that the bypass is a scandal.",
    channel: "social-media",
    occurredAt: "2026-11-15T12:00:00Z",
    actorIds: [first],
  });
  const mail = await record(c, {
    summary: "Email",
    description: "He emailed that the bypass is a scandal.",
    channel: "email",
    occurredAt: "2026-11-16T12:00:00Z",
    actorIds: [second],
  });
  assert.deepEqual(findingOf(mail.verdict, "course-of-conduct")?.incidentIds, [post.id, mail.id]);

  c.h.clock.advance(MINUTE);
  const split = await c.session.request("POST", url, { actorIds: [second, first], decision: "different" });
  assert.equal(split.status, 201, JSON.stringify(split.body));
  assert.equal(split.body.decision, "different");
  const mailNow = await c.session.request("GET", `/api/incidents/${mail.id}`);
  assert.equal(findingOf(mailNow.body.verdict, "course-of-conduct"), undefined);
  assert.equal(mailNow.body.verdictLevel, "keep-record");
  assert.deepEqual(
    (await history(c, mail.id)).map((v) => [v.level, v.cause]),
    [
      ["report-to-police", "recorded"],
      ["keep-record", "patterns"],
    ],
  );
  const after = (await c.session.request("GET", `/api/campaigns/${c.campaignId}/patterns`)).body;
  assert.deepEqual(after.people.find((p: any) => p.actorIds.includes(first)).actorIds, [first]);
  assert.deepEqual(after.people.find((p: any) => p.actorIds.includes(second)).actorIds, [second]);
  assert.ok(
    !after.suggestedLinks.some(
      (s: any) => JSON.stringify(s).includes(first) && JSON.stringify(s).includes(second),
    ),
    "a pair the team split is not suggested again",
  );
  await assertIntact(c.h);
});

test("jurisdiction: choosing Police Scotland gives Scottish offences and the SPOC's own details", async (t) => {
  const c = await campaign(t);
  const threat = { summary: "Threat on the doorstep", description: "He said he would hurt me." };
  const before = await record(c, threat);
  const idsBefore = before.verdict.offences.map((o: any) => o.id);
  assert.ok(idsBefore.includes("POA4"), idsBefore.join(","));

  c.h.clock.advance(MINUTE);
  const put = await c.session.request("PUT", `/api/campaigns/${c.campaignId}/police-contact`, {
    forceId: "police-scotland",
    name: "PS Morag Campbell",
    phone: "0131 555 0100",
  });
  assert.equal(put.status, 200, JSON.stringify(put.body));
  assert.equal(put.body.revision, 1);
  const stored = await c.session.request("GET", `/api/campaigns/${c.campaignId}/police-contact`);
  assert.equal(stored.status, 200);
  assert.deepEqual(stored.body.body, {
    forceId: "police-scotland",
    name: "PS Morag Campbell",
    phone: "0131 555 0100",
  });
  const campaignNow = await c.session.request("GET", `/api/campaigns/${c.campaignId}`);
  assert.equal(campaignNow.body.jurisdiction, "scotland");

  const after = await record(c, threat);
  assert.equal(after.verdict.level, "report-to-police");
  const ids = after.verdict.offences.map((o: any) => o.id);
  assert.ok(ids.includes("SC-CJL38"), ids.join(","));
  for (const id of ["POA4", "POA5", "PHA2", "PHA4"])
    assert.ok(!ids.includes(id), `${id} in ${ids.join(",")}`);
  for (const o of after.verdict.offences) assert.equal(o.jurisdiction, "scotland");
  const spoc = after.verdict.contacts.find((x: any) => x.id === "spoc");
  assert.match(spoc.name, /PS Morag Campbell/);
  assert.match(spoc.name, /Police Scotland/);
  assert.equal(spoc.phone, "0131 555 0100");

  // Unknown forces and malformed numbers are refused, and change nothing.
  const url = `/api/campaigns/${c.campaignId}/police-contact`;
  await refused(c.h, () => c.session.request("PUT", url, { forceId: "gotham-city-police" }), 400, "forceId");
  await refused(
    c.h,
    () => c.session.request("PUT", url, { name: "PC Khan", phone: "call me" }),
    400,
    "phone",
  );
  await refused(c.h, () => c.session.request("PUT", url, { name: "PC Khan", badge: 1234 }), 400);
  assert.deepEqual(
    (await c.session.request("GET", url)).body.body,
    stored.body.body,
    "the stored contact is unchanged",
  );
  await assertIntact(c.h);
});

test("private details: the candidate's register makes a message revealing their address a red flag", async (t) => {
  const c = await campaign(t);
  const agent = await addTeamMember(c.h, c.session, c.campaignId, "agent@example.org", "full");
  const volunteer = await addTeamMember(c.h, c.session, c.campaignId, "volunteer@example.org", "log-only");
  const url = `/api/campaigns/${c.campaignId}/private-details`;
  const register = { private: { homeAddress: "27 Orchard Close, Leeds LS6 2QT" } };

  const empty = await c.session.request("GET", url);
  assert.equal(empty.status, 200);
  assert.equal(empty.body.revision, 0);

  // Only the candidate changes the register; a log-only member cannot even read it.
  await refused(c.h, () => agent.request("PUT", url, register), 403);
  await refused(c.h, () => volunteer.request("PUT", url, register), 403);
  await refused(c.h, () => volunteer.request("GET", url), 403);

  c.h.clock.advance(MINUTE);
  const put = await c.session.request("PUT", url, register);
  assert.equal(put.status, 200, JSON.stringify(put.body));
  assert.equal(put.body.revision, 1);
  const read = await agent.request("GET", url);
  assert.equal(read.status, 200);
  assert.deepEqual(read.body.body, register);
  const volunteerTries = await volunteer.request("GET", url);
  assert.ok(!JSON.stringify(volunteerTries.body).includes("Orchard"));

  const incident = await record(c, {
    summary: "A message",
    description: "I got a message about where I live.",
    channel: "social-media",
  });
  c.h.clock.advance(MINUTE);
  const message = "Nice place you have at 27 orchard cl";
  const evidence = await c.session.request("POST", `/api/incidents/${incident.id}/evidence`, {
    kind: "text",
    text: message,
    source: "message-copy",
  });
  assert.equal(evidence.status, 201, JSON.stringify(evidence.body));
  assert.equal(evidence.body.verdict.level, "call-999");
  const reason = evidence.body.verdict.reasons.find((r: any) => r.category === "private-info");
  assert.ok(reason, JSON.stringify(evidence.body.verdict.reasons));
  assert.equal(reason.level, "call-999");
  assert.equal(reason.detail, "homeAddress");
  assert.equal(reason.where.text, message.slice(reason.where.start, reason.where.end));
  assert.match(reason.where.text, /27 orchard cl/i);

  await refused(c.h, () => c.session.request("PUT", url, { private: { homeAddress: 27 } }), 400);
  await refused(c.h, () => c.session.request("PUT", url, { secret: "x" }), 400);
  assert.deepEqual((await c.session.request("GET", url)).body.body, register);
  await assertIntact(c.h);
});

test("preview: checking a message gives the verdict and stores nothing; bad input is refused", async (t) => {
  const c = await campaign(t);
  await record(c, { description: CRITICISM });
  const url = `/api/campaigns/${c.campaignId}/triage/preview`;

  const before = await snapshot(c.h);
  const preview = await c.session.request("POST", url, {
    text: "I know where you live and I'm coming for you tonight",
  });
  assert.equal(preview.status, 200, JSON.stringify(preview.body));
  assert.equal(preview.body.stored, false);
  assert.equal(preview.body.verdict.level, "call-999");
  assert.match(preview.body.verdict.headline, /999/);
  assert.equal(preview.body.verdict.contacts[0].id, "999");
  assert.deepEqual(changedKeys(before, await snapshot(c.h)), [], "a preview stored something");
  assert.deepEqual(await notices(c), [], "a preview tells nobody");

  const answered = await c.session.request("POST", url, {
    text: "Saw your leaflet.",
    channel: "doorstep",
    answers: { weapon: "yes" },
  });
  assert.equal(answered.status, 200);
  assert.equal(answered.body.verdict.level, "call-999");
  const calm = await c.session.request("POST", url, { text: CRITICISM, as: "account", channel: "letter" });
  assert.equal(calm.body.verdict.level, "keep-record");
  assert.deepEqual(changedKeys(before, await snapshot(c.h)), []);

  const b = await createCandidate(c.h.runtime.deps, {
    email: "other@example.org",
    displayName: "Other Candidate",
    password: PASSWORD,
    campaignName: "Elsewhere",
    jurisdiction: "england-wales",
  });
  const other = await login(c.h.app, "other@example.org", PASSWORD);
  const theirActor = (
    await other.request("POST", `/api/campaigns/${b.campaignId}/actors`, {
      label: "Theirs",
      identifiers: [{ kind: "handle", value: "@theirs" }],
    })
  ).body.id;

  for (const [body, field] of [
    [{ text: "" }, "text"],
    [{ text: "   " }, "text"],
    [{}, "text"],
    [{ text: "hello", channel: "carrier-pigeon" }, "channel"],
    [{ text: "hello", answers: { weapon: "maybe" } }, "answers.weapon"],
    [{ text: "hello", as: "poem" }, "as"],
    [{ text: "hello", actorIds: ["not-a-uuid"] }, "actorIds.0"],
    [{ text: "hello", actorIds: [theirActor] }, "actorIds"],
    [{ text: "hello", surprise: true }, "(body)"],
  ] as const) {
    const res = await refused(c.h, () => c.session.request("POST", url, body), 400, field);
    assert.ok(res.body.error.message.length > 5);
  }
  await refused(c.h, () => other.request("POST", url, { text: "hello" }), 404);
  await assertIntact(c.h);
});

test("bad input: police contact, actor links and notices refuse what they cannot use, changing nothing", async (t) => {
  const c = await campaign(t);
  const agent = await addTeamMember(c.h, c.session, c.campaignId, "agent@example.org", "full");
  const volunteer = await addTeamMember(c.h, c.session, c.campaignId, "volunteer@example.org", "log-only");
  const mine = await createActor(c, "Mine", [{ kind: "handle", value: "@mine" }]);
  const alsoMine = await createActor(c, "Also mine", [{ kind: "handle", value: "@also_mine" }]);
  const b = await createCandidate(c.h.runtime.deps, {
    email: "other@example.org",
    displayName: "Other Candidate",
    password: PASSWORD,
    campaignName: "Elsewhere",
    jurisdiction: "england-wales",
  });
  const other = await login(c.h.app, "other@example.org", PASSWORD);
  const theirs = (
    await other.request("POST", `/api/campaigns/${b.campaignId}/actors`, {
      label: "Theirs",
      identifiers: [{ kind: "handle", value: "@mine" }],
    })
  ).body.id;

  await refused(
    c.h,
    () =>
      c.session.request("PUT", `/api/campaigns/${c.campaignId}/police-contact`, { forceId: "scotland-yard" }),
    400,
    "forceId",
  );

  const links = `/api/campaigns/${c.campaignId}/actor-links`;
  await refused(
    c.h,
    () => c.session.request("POST", links, { actorIds: [mine, mine], decision: "same" }),
    400,
    "actorIds",
  );
  await refused(
    c.h,
    () => c.session.request("POST", links, { actorIds: [mine.toUpperCase(), mine], decision: "same" }),
    400,
    "actorIds",
  );
  await refused(
    c.h,
    () => c.session.request("POST", links, { actorIds: [mine], decision: "same" }),
    400,
    "actorIds",
  );
  await refused(
    c.h,
    () => c.session.request("POST", links, { actorIds: [mine, alsoMine], decision: "perhaps" }),
    400,
    "decision",
  );
  // An actor of another campaign is "not found", even when it shares an identifier.
  await refused(
    c.h,
    () => c.session.request("POST", links, { actorIds: [mine, theirs], decision: "same" }),
    404,
  );
  await refused(
    c.h,
    () =>
      c.session.request("POST", links, {
        actorIds: [mine, "6f1c1d7e-3b7a-4c55-9d4e-8a4c2f0b9e11"],
        decision: "same",
      }),
    404,
  );
  await refused(
    c.h,
    () =>
      other.request("POST", `/api/campaigns/${b.campaignId}/actor-links`, {
        actorIds: [mine, theirs],
        decision: "same",
      }),
    404,
  );
  await refused(
    c.h,
    () => volunteer.request("POST", links, { actorIds: [mine, alsoMine], decision: "same" }),
    403,
  );
  await refused(c.h, () => volunteer.request("GET", `/api/campaigns/${c.campaignId}/patterns`), 403);
  await refused(c.h, () => other.request("GET", `/api/campaigns/${c.campaignId}/patterns`), 404);

  // A full member may link, and the patterns of another campaign never show this campaign's actors.
  c.h.clock.advance(MINUTE);
  const linked = await agent.request("POST", links, { actorIds: [mine, alsoMine], decision: "same" });
  assert.equal(linked.status, 201, JSON.stringify(linked.body));
  const elsewhere = await other.request("GET", `/api/campaigns/${b.campaignId}/patterns`);
  assert.equal(elsewhere.status, 200);
  assert.ok(!JSON.stringify(elsewhere.body).includes(mine));

  await refused(c.h, () => c.session.request("POST", "/api/notices/not-a-uuid/read"), 400);
  await assertIntact(c.h);
});

test("privacy: a log-only member's verdicts do not name incidents or actors they may not see", async (t) => {
  const c = await campaign(t);
  const volunteer = await addTeamMember(c.h, c.session, c.campaignId, "volunteer@example.org", "log-only");
  // The candidate knows the account; the volunteer records it separately, by the same handle.
  const candidatesActor = await createActor(c, "Troll", [{ kind: "handle", value: "@bypass_troll" }]);
  const volunteersActor = await createActor(
    c,
    "Troll (seen canvassing)",
    [{ kind: "handle", value: "@Bypass_Troll" }],
    volunteer,
  );
  const hidden = await record(c, {
    summary: "Candidate's own incident",
    description: "He posted that the bypass is a scandal.",
    channel: "social-media",
    occurredAt: "2026-11-10T12:00:00Z",
    actorIds: [candidatesActor],
  });
  const theirs = await record(
    c,
    {
      summary: "Volunteer's incident",
      description: "He emailed that the bypass is a scandal.",
      channel: "email",
      occurredAt: "2026-11-12T12:00:00Z",
      actorIds: [volunteersActor],
    },
    volunteer,
  );
  // The advice still rises for the volunteer: it is their safety.
  assert.equal(theirs.verdict.level, "report-to-police");
  const preview = await volunteer.request("POST", `/api/campaigns/${c.campaignId}/triage/preview`, {
    text: "Another email about the bypass",
    actorIds: [volunteersActor],
  });
  const detail = await volunteer.request("GET", `/api/incidents/${theirs.id}`);
  for (const [what, shown] of [
    ["the recorded verdict", theirs.verdict],
    ["the verdict on reading", detail.body.verdict],
    ["the preview", preview.body.verdict],
  ] as const) {
    const text = JSON.stringify(shown);
    assert.ok(!text.includes(hidden.id), `${what} names an incident the volunteer may not read`);
    assert.ok(!text.includes(candidatesActor), `${what} names an actor the volunteer may not read`);
  }
  assert.equal((await volunteer.request("GET", `/api/incidents/${hidden.id}`)).status, 404);
  assert.equal((await volunteer.request("GET", `/api/actors/${candidatesActor}`)).status, 404);
});

test("verdict history keeps the order verdicts were made in, even within one millisecond", async (t) => {
  const c = await campaign(t);
  // The clock stands still: the five verdicts share one timestamp.
  const created = await c.session.request(
    "POST",
    `/api/campaigns/${c.campaignId}/incidents`,
    sampleIncident({ description: CRITICISM }),
  );
  for (let revision = 1; revision <= 2; revision++) {
    const res = await c.session.request("POST", `/api/incidents/${created.body.id}/revisions`, {
      body: sampleIncident({ description: `${CRITICISM} (${revision})` }),
      reason: "More detail",
      expectedRevision: revision,
    });
    assert.equal(res.status, 201);
  }
  for (const text of ["first message", "second message"]) {
    const res = await c.session.request("POST", `/api/incidents/${created.body.id}/evidence`, {
      kind: "text",
      text,
    });
    assert.equal(res.status, 201);
  }
  assert.deepEqual(
    (await history(c, created.body.id)).map((v) => [v.cause, v.revision]),
    [
      ["recorded", 1],
      ["amended", 2],
      ["amended", 3],
      ["evidence", 3],
      ["evidence", 3],
    ],
  );
});

test("notices: marking a notice read twice keeps the first time it was read", async (t) => {
  const c = await campaign(t);
  const created = await record(c, { description: RED_FLAG });
  const [notice] = await notices(c);
  assert.equal(notice.incidentId, created.id);
  c.h.clock.advance(MINUTE);
  const first = await c.session.request("POST", `/api/notices/${notice.id}/read`);
  assert.equal(first.status, 200);
  c.h.clock.advance(MINUTE);
  const before = await snapshot(c.h);
  const again = await c.session.request("POST", `/api/notices/${notice.id}/read`);
  assert.equal(again.status, 200, "marking it read again is not an error");
  assert.deepEqual(changedKeys(before, await snapshot(c.h)), [], "nothing more is stored");
  const listed = (await notices(c)).find((n) => n.id === notice.id);
  assert.equal(listed.readAt, first.body.readAt, "the list shows when it was first read");
  assert.equal(again.body.readAt, first.body.readAt, "the answer agrees with what is stored");
});
