// National statistics over HTTP with a real database: incidents recorded in campaigns of different
// forces reach incident_facts (and follow amendments, new evidence and a force chosen later); the
// analyst reads every view, with small counts as "<5", as JSON and CSV; nobody else can; bad parameters
// are refused naming the parameter; and facts missing from an older database are filled in.
import { before, after, describe, it } from "node:test";
import assert from "node:assert/strict";
import { asc, eq } from "drizzle-orm";
import { createCandidate, inviteStaff } from "../../src/server/commands/accounts.ts";
import { backfillIncidentFacts } from "../../src/server/stats/backfill.ts";
import * as t from "../../src/store/schema.ts";
import { VIEWS } from "../../src/core/stats/index.ts";
import {
  acceptInvitationLink,
  call,
  login,
  PASSWORD,
  sampleIncident,
  setUpCandidate,
  startHarness,
  type Harness,
  type Session,
} from "../support/harness.ts";

const WY = "west-yorkshire-police";
const MET = "metropolitan-police";
const THIS_WEEK = "2026-11-20T18:30:00Z"; // 2026-W47, the harness clock's week
const EARLIER_WEEK = "2026-10-01T09:00:00Z"; // 2026-W40

let h: Harness;
let candidateA: Session; // no force chosen
let campaignA: string;
let candidateB: Session; // West Yorkshire
let campaignB: string;
let candidateC: Session; // Metropolitan Police
let analyst: Session;
let spoc: Session;
let admin: Session;
const recordedB: string[] = [];

async function record(who: Session, campaignId: string, overrides: Record<string, unknown>) {
  h.clock.advance(60_000);
  const res = await who.request("POST", `/api/campaigns/${campaignId}/incidents`, sampleIncident(overrides));
  assert.equal(res.status, 201, JSON.stringify(res.body));
  return res.body.id as string;
}

async function staff(email: string, role: "spoc" | "analyst" | "admin", forceId?: string) {
  const invitation = await inviteStaff(h.runtime.deps, null, { email, role, forceId });
  return acceptInvitationLink(h, invitation.link, email);
}

const stats = (query: string, who: Session = analyst) => who.request("GET", `/api/analyst/stats?${query}`);
const row = (body: any, keys: Record<string, string>) =>
  body.rows.find((r: any) => Object.entries(keys).every(([k, v]) => r.keys[k] === v));

before(async () => {
  h = await startHarness();
  const a = await setUpCandidate(h, "candidate-a@example.org");
  candidateA = a.session;
  campaignA = a.campaignId;
  const deps = h.runtime.deps;
  const b = await createCandidate(deps, {
    email: "candidate-b@example.org",
    displayName: "Bo Candidate",
    password: PASSWORD,
    campaignName: "Bo for Hillside",
    jurisdiction: "england-wales",
    forceId: WY,
  });
  campaignB = b.campaignId;
  candidateB = await login(h.app, "candidate-b@example.org", PASSWORD);
  const c = await createCandidate(deps, {
    email: "candidate-c@example.org",
    displayName: "Cy Candidate",
    password: PASSWORD,
    campaignName: "Cy for Riverside",
    jurisdiction: "england-wales",
    forceId: MET,
  });
  candidateC = await login(h.app, "candidate-c@example.org", PASSWORD);
  analyst = await staff("analyst@npcc.example.org", "analyst", MET);
  spoc = await staff("spoc@westyorkshire.example.org", "spoc", WY);
  admin = await staff("admin@example.org", "admin");

  // West Yorkshire: 16 this week on the doorstep (3 aimed at family too, 1 referring to race), 3 earlier.
  for (let i = 0; i < 16; i++)
    recordedB.push(
      await record(candidateB, campaignB, {
        summary: `Doorstep incident ${i + 1}`,
        occurredAt: THIS_WEEK,
        ...(i < 3 ? { targeted: ["candidate", "family"] } : {}),
        ...(i === 0 ? { answers: { referredTo: ["race"] } } : {}),
      }),
    );
  for (let i = 0; i < 3; i++)
    recordedB.push(
      await record(candidateB, campaignB, { summary: `Earlier ${i}`, occurredAt: EARLIER_WEEK }),
    );
  // Metropolitan Police: 3 emails this week. No force chosen: 2 this week.
  for (let i = 0; i < 3; i++)
    await record(candidateC, c.campaignId, {
      summary: `Email ${i}`,
      channel: "email",
      occurredAt: THIS_WEEK,
    });
  for (let i = 0; i < 2; i++)
    await record(candidateA, campaignA, { summary: `Unsorted ${i}`, occurredAt: THIS_WEEK });
});

after(() => h?.close());

describe("national statistics: what the analyst sees", () => {
  it("lists the views, the dimensions and the week calendar", async () => {
    const res = await analyst.request("GET", "/api/analyst/views");
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.views.length, VIEWS.length);
    assert.ok(res.body.views.some((v: any) => v.name === "force-by-week"));
    assert.equal(res.body.calendar.last, "2026-W47");
    assert.equal(res.body.calendar.defaultRange, "2025-W48..2026-W47");
    assert.equal(res.body.calendar.weeks.length, 260);
    const force = res.body.dimensions.find((d: any) => d.name === "force");
    assert.equal(force.keys.length, 47); // 46 forces and "not chosen"
  });

  it("by force: every force listed, small counts and empty forces alike as <5", async () => {
    const res = await stats("view=force");
    assert.equal(res.status, 200, JSON.stringify(res.body));
    assert.equal(res.body.rows.length, 47);
    assert.equal(row(res.body, { force: WY }).count, 20); // 19, to the nearest 10
    assert.equal(row(res.body, { force: MET }).count, "<5"); // 3
    assert.equal(row(res.body, { force: "not-set" }).count, "<5"); // 2
    assert.equal(row(res.body, { force: "dorset-police" }).count, "<5"); // 0
    assert.deepEqual(res.body.totals.all, { sum: 20, under5: 46, min: 15, max: 208 });
    assert.deepEqual(res.body.weeks, {
      range: "2025-W48..2026-W47",
      from: "2025-11-24",
      to: "2026-11-16",
      count: 52,
    });
    assert.match(res.body.note, /nearest 10/);
    assert.equal(res.body.generatedAt, h.clock.now().toISOString());
  });

  it("the total, by week, by force and week, and one force by channel", async () => {
    assert.deepEqual((await stats("view=total")).body.rows, [{ keys: {}, count: 20 }]); // 24
    const weekly = await stats("view=week&weeks=2026-W40..2026-W47");
    assert.equal(weekly.body.rows.length, 8);
    assert.equal(row(weekly.body, { week: "2026-W47" }).count, 20); // 21
    assert.equal(row(weekly.body, { week: "2026-W40" }).count, "<5"); // 3
    assert.equal(row(weekly.body, { week: "2026-W44" }).count, "<5"); // 0
    const grid = await stats("view=force-by-week&weeks=2026-W47");
    assert.equal(grid.body.rows.length, 47);
    assert.equal(row(grid.body, { force: WY, week: "2026-W47" }).count, 20); // 16
    const wy = await stats(`view=channel&force=${WY}&weeks=2026-W47`);
    assert.deepEqual(wy.body.force, { key: WY, label: "West Yorkshire Police" });
    assert.equal(row(wy.body, { channel: "doorstep" }).count, 20);
    assert.equal(row(wy.body, { channel: "email" }).count, "<5");
  });

  it("set-valued dimensions: targeted groups and protected characteristics", async () => {
    const targeted = await stats("view=targeted");
    assert.equal(row(targeted.body, { targeted: "candidate" }).count, 20);
    assert.equal(row(targeted.body, { targeted: "family" }).count, "<5"); // 3
    assert.equal(targeted.body.totals.all, null); // an incident can be aimed at several groups
    assert.match(targeted.body.note, /more than one/);
    const characteristic = await stats("view=characteristic");
    assert.equal(row(characteristic.body, { characteristic: "race" }).count, "<5"); // 1
    assert.equal(row(characteristic.body, { characteristic: "none" }).count, 20); // 23
    const byLevel = await stats("view=level-by-offence");
    assert.equal(byLevel.body.rows.length, 4 * 9);
  });

  it("every view answers, and no answer holds a campaign, an incident or a person", async () => {
    for (const view of VIEWS) {
      const res = await stats(`view=${view.name}&weeks=2026-W44..2026-W47`);
      assert.equal(res.status, 200, `${view.name}: ${JSON.stringify(res.body)}`);
      const text = JSON.stringify(res.body);
      for (const secret of [
        campaignA,
        campaignB,
        recordedB[0]!,
        "Bo for Hillside",
        "Doorstep incident",
        "Bo Candidate",
      ])
        assert.ok(!text.includes(secret), `${view.name} shows ${secret}`);
      for (const r of res.body.rows) assert.ok(r.count === "<5" || (r.count >= 10 && r.count % 10 === 0));
    }
  });

  it("CSV: one line per cell with labels, <5 kept as text", async () => {
    const res = await stats(`view=force&weeks=2026-W47&format=csv`);
    assert.equal(res.status, 200);
    assert.match(String(res.headers["content-type"]), /^text\/csv/);
    assert.match(String(res.headers["content-disposition"]), /shield-force-2026-W47\.csv/);
    const lines = String(res.body).trim().split("\n");
    assert.equal(lines[0], "force,force_label,count");
    assert.equal(lines.length, 48);
    assert.ok(lines.includes("west-yorkshire-police,West Yorkshire Police,20"));
    assert.ok(lines.includes("metropolitan-police,Metropolitan Police Service,<5"));
    assert.ok(lines.includes("not-set,Force not chosen,<5"));
    const grid = await stats(`view=force-by-week&weeks=2026-W46..2026-W47&format=csv`);
    assert.equal(String(grid.body).split("\n")[0], "force,force_label,week,week_label,count");
    assert.ok(
      String(grid.body).includes("west-yorkshire-police,West Yorkshire Police,2026-W47,w/c 16 Nov 2026,20"),
    );
  });
});

describe("national statistics: who may read them", () => {
  it("a candidate, a SPOC and an administrator are refused calmly; nobody signed in must sign in", async () => {
    for (const who of [candidateA, candidateB, spoc, admin]) {
      for (const path of ["/api/analyst/stats?view=force", "/api/analyst/views"]) {
        const res = await who.request("GET", path);
        assert.equal(res.status, 403, `${path}: ${JSON.stringify(res.body)}`);
        assert.equal(res.body.error.code, "forbidden");
        assert.match(res.body.error.message, /national analyst/);
      }
    }
    for (const path of ["/api/analyst/stats?view=force", "/api/analyst/views"])
      assert.equal((await call(h.app, "GET", path)).status, 401);
  });

  it("bad parameters are refused naming the parameter", async () => {
    const cases: [string, string, RegExp?][] = [
      ["view=incidents", "view", /GET \/api\/analyst\/views/],
      ["view=force-by-force", "view"],
      ["weeks=2026-W01..2026-W05&view=force", "weeks", /5 weeks is not offered.*4 or 6 weeks/],
      ["weeks=last-month&view=force", "weeks", /ISO weeks/],
      ["weeks=2026-W48&view=force", "weeks", /calendar runs from 2021-W48 to 2026-W47/],
      ["weeks=2026-W47..2026-W40&view=force", "weeks", /before/],
      ["view=force&force=atlantis-police", "force"],
      ["view=force&format=xlsx", "format"],
      ["view=force&where=1", "where"],
      ["", "view"],
    ];
    for (const [query, field, message] of cases) {
      const res = await stats(query);
      assert.equal(res.status, 400, `${query}: ${JSON.stringify(res.body)}`);
      assert.ok(
        res.body.error.field === field || res.body.error.message.includes(field),
        `${query}: ${JSON.stringify(res.body)}`,
      );
      if (message) assert.match(res.body.error.message, message);
    }
  });
});

describe("incident facts: kept with every verdict", () => {
  const factsOf = async (incidentId: string) =>
    (
      await h.runtime.deps.db.select().from(t.incidentFacts).where(eq(t.incidentFacts.incidentId, incidentId))
    )[0];

  it("follow an amendment, new evidence and a force chosen later", async () => {
    const id = recordedB[5]!;
    const before = await factsOf(id);
    assert.deepEqual(
      {
        force: before?.forceId,
        week: before?.weekStart,
        channel: before?.channel,
        targeted: before?.targeted,
      },
      { force: WY, week: "2026-11-16", channel: "doorstep", targeted: ["candidate"] },
    );
    h.clock.advance(60_000);
    const amended = await candidateB.request("POST", `/api/incidents/${id}/revisions`, {
      body: sampleIncident({ summary: "Phone call", channel: "phone-call", occurredAt: EARLIER_WEEK }),
      reason: "It was a phone call, the week before",
    });
    assert.equal(amended.status, 201, JSON.stringify(amended.body));
    const afterAmend = await factsOf(id);
    assert.equal(afterAmend?.channel, "phone-call");
    assert.equal(afterAmend?.weekStart, "2026-09-28");

    h.clock.advance(60_000);
    const evidence = await candidateB.request("POST", `/api/incidents/${id}/evidence`, {
      kind: "text",
      text: "I know where you live and I will kill you and your family tonight",
      source: "message-copy",
    });
    assert.equal(evidence.status, 201, JSON.stringify(evidence.body));
    const afterEvidence = await factsOf(id);
    assert.equal(afterEvidence?.level, "call-999");
    assert.ok(afterEvidence?.offenceCategories.includes("threats"), JSON.stringify(afterEvidence));

    const unsorted = await h.runtime.deps.db
      .select({ force: t.incidentFacts.forceId })
      .from(t.incidentFacts)
      .where(eq(t.incidentFacts.campaignId, campaignA));
    assert.deepEqual(
      unsorted.map((r) => r.force),
      [null, null],
    );
    const chosen = await candidateA.request("PUT", `/api/campaigns/${campaignA}/police-contact`, {
      forceId: "dorset-police",
    });
    assert.equal(chosen.status, 200, JSON.stringify(chosen.body));
    const moved = await h.runtime.deps.db
      .select({ force: t.incidentFacts.forceId })
      .from(t.incidentFacts)
      .where(eq(t.incidentFacts.campaignId, campaignA));
    assert.deepEqual(
      moved.map((r) => r.force),
      ["dorset-police", "dorset-police"],
    );
  });

  it("are filled in for incidents recorded before they existed", async () => {
    const db = h.runtime.deps.db;
    const strip = (rows: (typeof t.incidentFacts.$inferSelect)[]) => rows.map(({ updatedAt: _u, ...r }) => r);
    const all = () => db.select().from(t.incidentFacts).orderBy(asc(t.incidentFacts.incidentId));
    const expected = strip(await all());
    assert.equal(expected.length, 24);
    await db.delete(t.incidentFacts);
    assert.equal(await backfillIncidentFacts(h.runtime.deps, 7), 24);
    assert.deepEqual(strip(await all()), expected);
    assert.equal(await backfillIncidentFacts(h.runtime.deps), 0);
  });
});
