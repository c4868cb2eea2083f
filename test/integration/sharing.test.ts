// Sharing with the police through HTTP with a real database: the candidate shares incidents and a
// person; the force's SPOC sees exactly that (as it was when sharing stopped), works the queue and
// records briefings; the candidate sees the police's status; the same person shared in two forces
// raises a repeat-actor alert on keyed hashes only.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { unzipSync } from "fflate";
import { verifyPack } from "../../src/core/evidence-pack/index.ts";
import { createCandidate, inviteStaff } from "../../src/server/commands/accounts.ts";
import {
  acceptInvitationLink,
  call,
  addTeamMember,
  login,
  PASSWORD,
  sampleIncident,
  setUpCandidate,
  startHarness,
  type Harness,
  type Session,
} from "../support/harness.ts";
import { pngUpload, send, sendRaw, type Caller } from "../support/requests.ts";

const WEST_YORKSHIRE = "west-yorkshire-police";
const METROPOLITAN = "metropolitan-police";

describe("sharing with the police", () => {
  let h: Harness;
  let candidate: Session;
  let agent: Session;
  let campaignId: string;
  let otherCandidate: Session;
  let otherCampaignId: string;
  let spoc: Session;
  let metSpoc: Session;
  let analyst: Session;
  const ids: Record<string, string> = {};

  const staff = async (email: string, role: "spoc" | "analyst", forceId?: string) => {
    const invitation = await inviteStaff(h.runtime.deps, null, { email, role, forceId });
    return acceptInvitationLink(h, invitation.link, email);
  };
  const record = async (who: Session, campaign: string, overrides: Record<string, unknown>) => {
    const res = await who.request("POST", `/api/campaigns/${campaign}/incidents`, sampleIncident(overrides));
    assert.equal(res.status, 201, JSON.stringify(res.body));
    return res.body.id as string;
  };
  const actor = async (who: Session, campaign: string, handle: string) => {
    const res = await who.request("POST", `/api/campaigns/${campaign}/actors`, {
      label: handle,
      identifiers: [{ kind: "handle", value: handle, platform: "x" }],
    });
    assert.equal(res.status, 201, JSON.stringify(res.body));
    return res.body.id as string;
  };

  /** A person known by a number plate; the response as it came, so each test checks what it needs. */
  const vehicleActor = (label: string, plate: string) =>
    candidate.request("POST", `/api/campaigns/${campaignId}/actors`, {
      label,
      identifiers: [{ kind: "vehicle", value: plate }],
    });

  before(async () => {
    h = await startHarness();
    ({ session: candidate, campaignId } = await setUpCandidate(h));
    agent = await addTeamMember(h, candidate, campaignId, "agent@example.org", "full");
    const other = await createCandidate(h.runtime.deps, {
      email: "other@example.org",
      displayName: "Olu Other",
      password: PASSWORD,
      campaignName: "Olu for Eastside",
      jurisdiction: "england-wales",
      forceId: METROPOLITAN,
    });
    otherCampaignId = other.campaignId;
    otherCandidate = await login(h.app, "other@example.org", PASSWORD);
    spoc = await staff("spoc@westyorkshire.example.org", "spoc", WEST_YORKSHIRE);
    metSpoc = await staff("spoc@met.example.org", "spoc", METROPOLITAN);
    analyst = await staff("analyst@npcc.example.org", "analyst", METROPOLITAN);

    ids.threat = await record(candidate, campaignId, {
      summary: "Threat to come to my house tonight",
      description: "I know where you live. I'll be outside your house tonight with a knife.",
    });
    ids.unshared = await record(candidate, campaignId, {
      summary: "Rude leaflet through the door (not shared)",
    });
    ids.troll = await actor(candidate, campaignId, "@riverside_troll");
    ids.byTroll = await record(candidate, campaignId, {
      summary: "Abusive replies from @riverside_troll",
      channel: "social-media",
      platform: "x",
      actorIds: [ids.troll],
    });
  });
  after(() => h?.close());

  test("sharing needs the campaign's force first, and only the candidate shares", async () => {
    const early = await candidate.request("POST", `/api/campaigns/${campaignId}/shares`, {
      incidentIds: [ids.threat],
    });
    assert.equal(early.status, 409);
    assert.match(early.body.error.message, /Choose your police force under Police contact first/);
    const set = await candidate.request("PUT", `/api/campaigns/${campaignId}/police-contact`, {
      forceId: WEST_YORKSHIRE,
      name: "PC Amy Shah",
    });
    assert.equal(set.status, 200);
    const byAgent = await agent.request("POST", `/api/campaigns/${campaignId}/shares`, {
      incidentIds: [ids.threat],
    });
    assert.equal(byAgent.status, 403);
    for (const body of [
      {},
      { incidentIds: [ids.threat], actorId: ids.troll },
      { incidentIds: [ids.unknown ?? "00000000-0000-4000-8000-000000000000"] },
    ]) {
      const bad = await candidate.request("POST", `/api/campaigns/${campaignId}/shares`, body);
      assert.equal(bad.status, 400, JSON.stringify(body));
    }
    const shares = await candidate.request("GET", `/api/campaigns/${campaignId}/shares`);
    assert.deepEqual(shares.body.shares, []);
  });

  test("the force's SPOC sees what was shared, highest level first, and nothing else", async () => {
    const shared = await candidate.request("POST", `/api/campaigns/${campaignId}/shares`, {
      incidentIds: [ids.threat],
    });
    assert.equal(shared.status, 201);
    assert.equal(shared.body.shared, 1);
    const again = await candidate.request("POST", `/api/campaigns/${campaignId}/shares`, {
      incidentIds: [ids.threat],
    });
    assert.equal(again.body.alreadyShared, 1);
    const person = await candidate.request("POST", `/api/campaigns/${campaignId}/shares`, {
      actorId: ids.troll,
    });
    assert.equal(person.status, 201);

    const queue = await spoc.request("GET", "/api/police/queue");
    assert.equal(queue.status, 200);
    assert.deepEqual(
      queue.body.incidents.map((i: any) => i.id),
      [ids.threat, ids.byTroll],
      "the red flag first; the unshared incident is not there",
    );
    assert.equal(queue.body.incidents[0].level, "call-999");
    assert.equal(queue.body.incidents[0].status, "received");
    assert.equal(queue.body.incidents[0].campaign, "Sam for Riverside");

    const read = await spoc.request("GET", `/api/police/incidents/${ids.threat}`);
    assert.equal(read.status, 200);
    assert.match(read.body.body.description, /outside your house tonight/);
    assert.equal(read.body.verdict.level, "call-999");
    assert.equal((await spoc.request("GET", `/api/police/incidents/${ids.unshared}`)).status, 404);
    assert.equal(
      (await spoc.request("GET", `/api/incidents/${ids.threat}`)).status,
      404,
      "not through the team's API",
    );
    // Another force sees nothing.
    assert.deepEqual((await metSpoc.request("GET", "/api/police/queue")).body.incidents, []);
    assert.equal((await metSpoc.request("GET", `/api/police/incidents/${ids.threat}`)).status, 404);
    // The candidate sees that the SPOC read it.
    const reads = await candidate.request("GET", `/api/incidents/${ids.threat}/reads`);
    assert.ok(JSON.stringify(reads.body).includes("spoc@westyorkshire.example.org".split("@")[0]!));
  });

  test("the SPOC acknowledges and records a crime reference; the candidate sees the status", async () => {
    const ack = await spoc.request("POST", `/api/police/incidents/${ids.threat}/updates`, {
      kind: "acknowledged",
    });
    assert.equal(ack.status, 201);
    const ref = await spoc.request("POST", `/api/police/incidents/${ids.threat}/updates`, {
      kind: "crime-reference",
      crimeReference: "13/123456/26",
    });
    assert.equal(ref.status, 201);
    const action = await spoc.request("POST", `/api/police/incidents/${ids.threat}/updates`, {
      kind: "action",
      text: "Patrol passing the address tonight; officer will call you.",
    });
    assert.equal(action.status, 201);
    for (const bad of [{ kind: "crime-reference" }, { kind: "action" }, { kind: "closed" }]) {
      assert.equal(
        (await spoc.request("POST", `/api/police/incidents/${ids.threat}/updates`, bad)).status,
        400,
      );
    }
    assert.equal(
      (await spoc.request("POST", `/api/police/incidents/${ids.unshared}/updates`, { kind: "acknowledged" }))
        .status,
      404,
    );
    const status = await candidate.request("GET", `/api/incidents/${ids.threat}/police`);
    assert.equal(status.status, 200);
    assert.equal(status.body.status, "acknowledged");
    assert.equal(status.body.crimeReference, "13/123456/26");
    assert.equal(status.body.acknowledgedBy.force, "West Yorkshire Police");
    assert.match(status.body.actions[0].text, /Patrol passing/);
    assert.equal(status.body.sharedWith[0].forceName, "West Yorkshire Police");
  });

  test("stopping keeps what was shared: later incidents and amendments stay with the team", async () => {
    const shares = (await candidate.request("GET", `/api/campaigns/${campaignId}/shares`)).body.shares;
    const personShare = shares.find((s: any) => s.actorId === ids.troll);
    const stopped = await candidate.request(
      "POST",
      `/api/campaigns/${campaignId}/shares/${personShare.id}/stop`,
      {},
    );
    assert.equal(stopped.status, 200);
    assert.ok(stopped.body.stoppedAt);
    h.clock.advance(60_000);
    const later = await record(candidate, campaignId, {
      summary: "More abuse from @riverside_troll after the stop",
      channel: "social-media",
      platform: "x",
      actorIds: [ids.troll],
    });
    const current = await candidate.request("GET", `/api/incidents/${ids.byTroll}`);
    const amended = await candidate.request("POST", `/api/incidents/${ids.byTroll}/revisions`, {
      body: { ...current.body.body, description: "Added after sharing stopped: private detail" },
      reason: "more detail",
      expectedRevision: current.body.revision,
    });
    assert.equal(amended.status, 201, JSON.stringify(amended.body));
    const queue = (await spoc.request("GET", "/api/police/queue")).body.incidents.map((i: any) => i.id);
    assert.ok(!queue.includes(later), "an incident recorded after the stop is not shared");
    const seen = await spoc.request("GET", `/api/police/incidents/${ids.byTroll}`);
    assert.equal(seen.status, 200);
    assert.doesNotMatch(JSON.stringify(seen.body), /Added after sharing stopped/);
    assert.equal(seen.body.revisions.length, 1);
    // The stop is on the record for the team.
    const after = (await candidate.request("GET", `/api/campaigns/${campaignId}/shares`)).body.shares;
    assert.ok(after.find((s: any) => s.id === personShare.id).stoppedAt);
  });

  test("briefings: the SPOC records those offered and delivered to candidates in their force only", async () => {
    const offered = await spoc.request("POST", "/api/police/briefings", {
      campaignId,
      kind: "offered",
      happenedAt: "2026-11-20T10:00:00Z",
      notes: "Offered a home security survey",
    });
    assert.equal(offered.status, 201);
    const list = await spoc.request("GET", "/api/police/briefings");
    const entry = list.body.candidates.find((c: any) => c.campaignId === campaignId);
    assert.equal(entry.briefings[0].kind, "offered");
    assert.ok(!list.body.candidates.some((c: any) => c.campaignId === otherCampaignId));
    const elsewhere = await spoc.request("POST", "/api/police/briefings", {
      campaignId: otherCampaignId,
      kind: "offered",
      happenedAt: "2026-11-20T10:00:00Z",
    });
    assert.equal(elsewhere.status, 400);
    assert.equal((await candidate.request("GET", "/api/police/briefings")).status, 403);
  });

  test("a person is shared with every record linked as them, as one share the team sees with each incident's status", async () => {
    const van = await actor(candidate, campaignId, "@white_van_99");
    const plate = await vehicleActor("White van driver", "YK21 XRT");
    assert.equal(plate.status, 201);
    const linked = await candidate.request("POST", `/api/campaigns/${campaignId}/actor-links`, {
      actorIds: [van, plate.body.id],
      decision: "same",
    });
    assert.ok(linked.status < 300, JSON.stringify(linked.body));
    const online = await record(candidate, campaignId, {
      summary: "Messages from @white_van_99",
      channel: "social-media",
      platform: "x",
      actorIds: [van],
    });
    const street = await record(candidate, campaignId, {
      summary: "White van parked outside my office again",
      actorIds: [plate.body.id],
    });

    const shared = await candidate.request("POST", `/api/campaigns/${campaignId}/shares`, { actorId: van });
    assert.equal(shared.status, 201, JSON.stringify(shared.body));
    assert.equal(shared.body.shared, 1);
    assert.deepEqual([...shared.body.actorIds].sort(), [van, plate.body.id].sort());
    const again = await candidate.request("POST", `/api/campaigns/${campaignId}/shares`, {
      actorId: plate.body.id,
    });
    assert.equal(again.body.alreadyShared, 1, "the linked record is the same person, already shared");

    const queue = (await spoc.request("GET", "/api/police/queue")).body.incidents.map((i: any) => i.id);
    assert.ok(queue.includes(online) && queue.includes(street), "both records' incidents reach the SPOC");

    const list = (await agent.request("GET", `/api/campaigns/${campaignId}/shares`)).body.shares;
    const person = list.filter((s: any) => s.actorIds.includes(van));
    assert.equal(person.length, 1, "one share for the person, not one per record");
    assert.deepEqual(person[0].incidents.map((i: any) => i.id).sort(), [online, street].sort());
    assert.ok(person[0].incidents.every((i: any) => i.status === "received"));
    const threat = list.find((s: any) => s.incidentId === ids.threat);
    assert.equal(threat.incidents[0].status, "acknowledged");
    assert.equal(threat.incidents[0].crimeReference, "13/123456/26");
    assert.equal(threat.incidents[0].acknowledgedBy.force, "West Yorkshire Police");
    assert.equal(threat.incidents[0].level, "call-999");

    const stop = await candidate.request(
      "POST",
      `/api/campaigns/${campaignId}/shares/${person[0].id}/stop`,
      {},
    );
    assert.equal(stop.status, 200);
    const after = (await candidate.request("GET", `/api/campaigns/${campaignId}/shares`)).body.shares;
    const stopped = after.filter((s: any) => s.actorIds.includes(van) || s.actorIds.includes(plate.body.id));
    assert.equal(stopped.length, 1);
    assert.ok(stopped[0].stoppedAt, "stopping the person stops every record shared as them");
  });

  test("the candidate's team sees the briefings their force recorded for them, and no other campaign's", async () => {
    const mine = await agent.request("GET", `/api/campaigns/${campaignId}/briefings`);
    assert.equal(mine.status, 200);
    assert.equal(mine.body.briefings.length, 1);
    assert.equal(mine.body.briefings[0].kind, "offered");
    assert.equal(mine.body.briefings[0].notes, "Offered a home security survey");
    assert.equal(mine.body.briefings[0].forceName, "West Yorkshire Police");
    assert.equal(mine.body.briefings[0].recordedBy, "spoc");
    const theirs = await otherCandidate.request("GET", `/api/campaigns/${otherCampaignId}/briefings`);
    assert.deepEqual(theirs.body.briefings, []);
    assert.equal((await otherCandidate.request("GET", `/api/campaigns/${campaignId}/briefings`)).status, 404);
  });

  test("the SPOC downloads the evidence files of what was shared, as shared, and nothing else", async () => {
    const as = (s: Session): Caller => ({ name: "x", token: s.token, userId: s.userId });
    const upload = async (incidentId: string) => {
      const res = await send(
        h.app,
        as(candidate),
        "POST",
        `/api/incidents/${incidentId}/evidence/file`,
        pngUpload(),
      );
      assert.equal(res.status, 201, JSON.stringify(res.body));
      return res.body as { id: string; sha256: string };
    };
    const onShared = await upload(ids.threat!);
    const onUnshared = await upload(ids.unshared!);
    const afterStop = await upload(ids.byTroll!); // the troll's share was stopped earlier

    const got = await sendRaw(
      h.app,
      as(spoc),
      "GET",
      `/api/evidence/${onShared.id}/file`,
      undefined,
      undefined,
    );
    assert.equal(got.status, 200);
    assert.equal(got.headers["x-content-sha256"], onShared.sha256);
    const mineToo = await sendRaw(
      h.app,
      as(candidate),
      "GET",
      `/api/evidence/${onShared.id}/file`,
      undefined,
      undefined,
    );
    assert.deepEqual(got.bytes, mineToo.bytes, "the same bytes the candidate uploaded");
    for (const [who, id, why] of [
      [spoc, onUnshared.id, "an incident that was not shared"],
      [spoc, afterStop.id, "evidence added after sharing stopped"],
      [metSpoc, onShared.id, "another force"],
    ] as const) {
      const res = await sendRaw(h.app, as(who), "GET", `/api/evidence/${id}/file`, undefined, undefined);
      assert.equal(res.status, 404, why);
    }
    const reads = await candidate.request("GET", `/api/incidents/${ids.threat}/reads`);
    assert.ok(
      reads.body.reads.some((r: any) => r.evidenceId === onShared.id && /spoc/.test(JSON.stringify(r))),
      JSON.stringify(reads.body),
    );
  });

  test("the SPOC makes a signed evidence pack of a shared incident holding what was shared, and no more", async () => {
    const as = (s: Session): Caller => ({ name: "x", token: s.token, userId: s.userId });
    const pack = async (who: Session, incidentId: string) => {
      const res = await sendRaw(
        h.app,
        as(who),
        "POST",
        `/api/police/incidents/${incidentId}/evidence-pack`,
        JSON.stringify({ format: "zip" }),
        "application/json",
      );
      return res;
    };
    const stopped = await pack(spoc, ids.byTroll!);
    assert.equal(stopped.status, 200, stopped.text.slice(0, 300));
    assert.equal(stopped.headers["content-type"], "application/zip");
    const files = new Map(Object.entries(unzipSync(new Uint8Array(stopped.bytes))));
    const key = (await call(h.app, "GET", "/api/reference/signing-key")).body.fingerprint;
    assert.equal(verifyPack(files, { expectKey: key }).ok, true);
    const records = Buffer.from(files.get("records.json")!).toString("utf8");
    assert.match(records, /Abusive replies from @riverside_troll/);
    assert.doesNotMatch(
      records,
      /Added after sharing stopped/,
      "the amendment after the stop stays with the team",
    );
    assert.ok(
      ![...files.keys()].some((f) => f.endsWith(".png")),
      "the file added after sharing stopped is not in the pack",
    );
    assert.ok(![...files.keys()].some((f) => f.startsWith("platform-reports/")));
    assert.match(records, /as shared with West Yorkshire Police/);

    const live = await pack(spoc, ids.threat!);
    assert.equal(live.status, 200);
    const liveFiles = new Map(Object.entries(unzipSync(new Uint8Array(live.bytes))));
    assert.ok(
      [...liveFiles.keys()].some((f) => f.endsWith(".png")),
      "evidence shared is in the pack",
    );
    assert.ok(liveFiles.has("report.pdf"));

    assert.equal((await pack(spoc, ids.unshared!)).status, 404);
    assert.equal((await pack(metSpoc, ids.threat!)).status, 404);
    assert.equal(
      (await pack(candidate, ids.threat!)).status,
      404,
      "the team makes its packs on its own route",
    );
  });

  test("the SPOC sees the people shared with them behind an incident, as they stood when sharing stopped", async () => {
    const harasser = await actor(candidate, campaignId, "@harasser_x");
    const neighbour = await vehicleActor("Neighbour (not shared)", "AB12 CDE");
    assert.equal(neighbour.status, 201);
    const incident = await record(candidate, campaignId, {
      summary: "Shouted at me outside the surgery",
      actorIds: [harasser, neighbour.body.id],
    });
    const share = await candidate.request("POST", `/api/campaigns/${campaignId}/shares`, {
      actorId: harasser,
    });
    assert.equal(share.status, 201);

    const read = await spoc.request("GET", `/api/police/incidents/${incident}`);
    assert.equal(read.status, 200);
    assert.deepEqual(
      read.body.actors.map((a: any) => [a.id, a.label, a.identifiers]),
      [[harasser, "@harasser_x", [{ kind: "handle", value: "@harasser_x", platform: "x" }]]],
    );
    assert.equal(read.body.actors[0].updatesStoppedAt, null);
    assert.doesNotMatch(JSON.stringify(read.body.actors), /AB12 CDE|Neighbour/, "an unshared record stays");

    const as = (s: Session): Caller => ({ name: "x", token: s.token, userId: s.userId });
    const packed = await sendRaw(
      h.app,
      as(spoc),
      "POST",
      `/api/police/incidents/${incident}/evidence-pack`,
      JSON.stringify({ format: "zip" }),
      "application/json",
    );
    assert.equal(packed.status, 200);
    const files = new Map(Object.entries(unzipSync(new Uint8Array(packed.bytes))));
    assert.equal(verifyPack(files).ok, true);
    const records = JSON.parse(Buffer.from(files.get("records.json")!).toString("utf8"));
    assert.deepEqual(
      records.actors.map((a: any) => a.body.label),
      ["@harasser_x"],
    );
    assert.deepEqual(records.incidents[0].current.actorIds, [harasser]);
    assert.deepEqual(records.people[0].incidentIds, [incident]);
    assert.doesNotMatch(JSON.stringify(records), /AB12 CDE/);

    // After the stop, the SPOC keeps the record as it was then, not the team's later changes.
    const personShare = (
      await candidate.request("GET", `/api/campaigns/${campaignId}/shares`)
    ).body.shares.find((s: any) => s.actorIds?.includes(harasser));
    const stop = await candidate.request(
      "POST",
      `/api/campaigns/${campaignId}/shares/${personShare.id}/stop`,
      {},
    );
    assert.equal(stop.status, 200);
    h.clock.advance(60_000);
    const amended = await candidate.request("POST", `/api/actors/${harasser}/revisions`, {
      body: {
        label: "@harasser_x",
        identifiers: [
          { kind: "handle", value: "@harasser_x", platform: "x" },
          { kind: "phone", value: "07700 900123" },
        ],
      },
    });
    assert.ok(amended.status < 300, JSON.stringify(amended.body));
    const later = await spoc.request("GET", `/api/police/incidents/${incident}`);
    assert.equal(later.body.actors.length, 1);
    assert.ok(later.body.actors[0].updatesStoppedAt);
    assert.doesNotMatch(JSON.stringify(later.body.actors), /07700 900123/);
    assert.equal(
      (await metSpoc.request("GET", `/api/police/incidents/${incident}`)).status,
      404,
      "another force sees nothing of it",
    );
  });

  test("a record linked to a shared person later is shared only when the candidate shares them again, into the same share", async () => {
    h.clock.advance(60_000);
    const first = await actor(candidate, campaignId, "@late_link_a");
    const firstIncident = await record(candidate, campaignId, {
      summary: "Replies from @late_link_a",
      actorIds: [first],
    });
    const shared = await candidate.request("POST", `/api/campaigns/${campaignId}/shares`, { actorId: first });
    assert.equal(shared.status, 201);
    h.clock.advance(60_000);
    const later = await vehicleActor("Late link B", "LL11 LNK");
    const laterIncident = await record(candidate, campaignId, {
      summary: "Car parked outside the surgery again",
      actorIds: [later.body.id],
    });
    const linked = await candidate.request("POST", `/api/campaigns/${campaignId}/actor-links`, {
      actorIds: [first, later.body.id],
      decision: "same",
    });
    assert.ok(linked.status < 300);
    const queue = async () =>
      (await spoc.request("GET", "/api/police/queue")).body.incidents.map((i: any) => i.id);
    assert.ok((await queue()).includes(firstIncident));
    assert.ok(!(await queue()).includes(laterIncident), "linking alone sends nothing more to the police");
    const shareOf = async () =>
      (await candidate.request("GET", `/api/campaigns/${campaignId}/shares`)).body.shares.filter((s: any) =>
        s.actorIds.some((id: string) => id === first || id === later.body.id),
      );
    const before = await shareOf();
    assert.equal(before.length, 1);
    assert.deepEqual(before[0].actorIds, [first]);

    const again = await candidate.request("POST", `/api/campaigns/${campaignId}/shares`, { actorId: first });
    assert.equal(again.body.shared, 1);
    const after = await shareOf();
    assert.equal(after.length, 1, "still one share for the person");
    assert.equal(after[0].id, before[0].id);
    assert.deepEqual([...after[0].actorIds].sort(), [first, later.body.id].sort());
    assert.ok((await queue()).includes(laterIncident));
    const third = await candidate.request("POST", `/api/campaigns/${campaignId}/shares`, {
      actorId: later.body.id,
    });
    assert.equal(third.body.alreadyShared, 1);

    const stop = await candidate.request(
      "POST",
      `/api/campaigns/${campaignId}/shares/${after[0].id}/stop`,
      {},
    );
    assert.equal(stop.status, 200);
    const stopped = await shareOf();
    assert.equal(stopped.length, 1);
    assert.ok(stopped[0].stoppedAt, "stopping the person stops the records added later too");
  });

  test("the same person shared in two forces alerts the analyst and both SPOCs, on keyed hashes only", async () => {
    const otherTroll = await actor(otherCandidate, otherCampaignId, "@Riverside_Troll");
    const incident = await record(otherCandidate, otherCampaignId, {
      summary: "Same troll turned on me",
      channel: "social-media",
      platform: "x",
      actorIds: [otherTroll],
    });
    const shared = await otherCandidate.request("POST", `/api/campaigns/${otherCampaignId}/shares`, {
      incidentIds: [incident],
    });
    assert.equal(shared.status, 201);
    const alerts = await analyst.request("GET", "/api/analyst/repeat-actors");
    assert.equal(alerts.status, 200);
    assert.equal(alerts.body.repeatActors.length, 1);
    const alert = alerts.body.repeatActors[0];
    assert.deepEqual(alert.forces.map((f: any) => f.forceId).sort(), [METROPOLITAN, WEST_YORKSHIRE]);
    assert.equal(alert.kind, "handle");
    const text = JSON.stringify(alerts.body).toLowerCase();
    for (const secret of ["riverside_troll", "same troll", "sam for riverside", campaignId, incident])
      assert.ok(!text.includes(secret.toLowerCase()), `the analyst must not see ${secret}`);

    const forWestYorkshire = await spoc.request("GET", "/api/police/repeat-actors");
    const met = forWestYorkshire.body.repeatActors[0].forces.find((f: any) => f.forceId === METROPOLITAN);
    assert.deepEqual(met.spocs, [{ name: "spoc", email: "spoc@met.example.org" }]);
    assert.equal((await metSpoc.request("GET", "/api/police/repeat-actors")).body.repeatActors.length, 1);
    for (const who of [candidate, spoc])
      assert.equal((await who.request("GET", "/api/analyst/repeat-actors")).status, 403);
  });
});
