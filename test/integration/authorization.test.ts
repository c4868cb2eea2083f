// The authorization matrix: every role × every action × own/other campaign (and, for a "log only"
// member, own record vs someone else's), over HTTP against a real database. The table below is
// meant to be read against the "Who uses it" table in DESIGN.md:
//   candidate       — everything in their own campaign, nothing in anyone else's; manages the team; sees reads
//   full member     — everything in their campaign, but cannot manage the team or see who read what
//   log-only member — only what they logged (incidents) and created (actors), in their campaign
//   administrator   — manages staff accounts; never sees any campaign record (404), never suspends candidates
//   SPOC, analyst   — nothing of any campaign until a candidate shares it (capability 8, not built yet)
//   anonymous       — 401 everywhere
// Statuses: 2xx allowed · 401 not signed in · 404 a record the caller may not know exists ·
// 403 a record the caller can see but may not act on · 400 a request naming something the caller cannot use.
import { after, before, describe, it, test } from "node:test";
import assert from "node:assert/strict";
import { declaredRules } from "../../src/server/policies/index.ts";
import { HEALTH_CHECK_ITEMS } from "../../src/core/safety/health-check.ts";
import {
  addTeamMember,
  PASSWORD,
  sampleIncident,
  startHarness,
  type Harness,
  type Session,
} from "../support/harness.ts";
import { pngUpload, send, type Caller } from "../support/requests.ts";
import { changedKeys, snapshot, StateTracker } from "../support/snapshot.ts";
import {
  buildWorld,
  HOME,
  PRINCIPALS,
  WEST_YORKSHIRE,
  type PrincipalName,
  type World,
} from "../support/world.ts";

// ------------------------------------------------------------------------------------------------
// What can be acted on. `campaign` and `owner` let a cell's name say "(their own)", "(same campaign)"
// or "(other campaign)" from the caller's point of view.

interface Target {
  campaign?: "A" | "B";
  owner?: string;
  id: (w: World) => string;
}

const incidentOf = (recorder: keyof World["incidents"]): Target => ({
  campaign: recorder.endsWith("A") ? "A" : "B",
  owner: recorder,
  id: (w) => w.incidents[recorder].id,
});
const fileOf = (recorder: keyof World["incidents"]): Target => ({
  ...incidentOf(recorder),
  id: (w) => w.incidents[recorder].fileEvidenceId,
});
/** The notice the team was given when the incident was recorded (the seeded incidents are threats). */
const seededNotices = new Map<string, string>();
const noticeOf = (recorder: keyof World["incidents"]): Target => ({
  ...incidentOf(recorder),
  id: (w) => {
    const id = seededNotices.get(w.incidents[recorder].id);
    if (!id) throw new Error(`no notice was seeded for the incident by ${recorder}`);
    return id;
  },
});
const actorOf = (creator: keyof World["actors"]): Target => ({
  campaign: creator.endsWith("A") ? "A" : "B",
  owner: creator,
  id: (w) => w.actors[creator],
});

const TARGETS: Record<string, Target> = {
  "campaign A": { campaign: "A", id: (w) => w.campaigns.A },
  "campaign B": { campaign: "B", id: (w) => w.campaigns.B },
  "incident by candidate-A": incidentOf("candidate-A"),
  "incident by full-A": incidentOf("full-A"),
  "incident by logonly-A": incidentOf("logonly-A"),
  "incident by candidate-B": incidentOf("candidate-B"),
  "incident by full-B": incidentOf("full-B"),
  "incident by logonly-B": incidentOf("logonly-B"),
  "evidence file on incident by candidate-A": fileOf("candidate-A"),
  "evidence file on incident by full-A": fileOf("full-A"),
  "evidence file on incident by logonly-A": fileOf("logonly-A"),
  "evidence file on incident by candidate-B": fileOf("candidate-B"),
  "evidence file on incident by logonly-B": fileOf("logonly-B"),
  "notice on incident by candidate-A": noticeOf("candidate-A"),
  "notice on incident by full-A": noticeOf("full-A"),
  "notice on incident by logonly-A": noticeOf("logonly-A"),
  "notice on incident by candidate-B": noticeOf("candidate-B"),
  "notice on incident by logonly-B": noticeOf("logonly-B"),
  "actor by candidate-A": actorOf("candidate-A"),
  "actor by logonly-A": actorOf("logonly-A"),
  "actor by candidate-B": actorOf("candidate-B"),
  "actor by logonly-B": actorOf("logonly-B"),
  "canvass session by candidate-A": {
    campaign: "A",
    owner: "candidate-A",
    id: (w) => w.canvass["candidate-A"],
  },
  "canvass session by logonly-A": { campaign: "A", owner: "logonly-A", id: (w) => w.canvass["logonly-A"] },
  "canvass session by candidate-B": {
    campaign: "B",
    owner: "candidate-B",
    id: (w) => w.canvass["candidate-B"],
  },
  "a team member of campaign A": { campaign: "A", id: (w) => w.campaigns.A },
  "a team member of campaign B": { campaign: "B", id: (w) => w.campaigns.B },
  "": { id: () => "" },
  "a SPOC account": { id: (w) => w.spares.spoc },
  "the account of candidate-A": { id: (w) => w.callers["candidate-A"].userId! },
  "the account of full-A": { id: (w) => w.callers["full-A"].userId! },
};

// ------------------------------------------------------------------------------------------------
// What can be done: the route, a valid body, the policy rule(s) the route asks, and what an allowed
// request leaves behind ("read": nothing; "audited-read": one row in the who-read-what log;
// "write": at least one new event in the hash chain; "notice-read": one row saying who read which
// notice, and nothing else, not even an event; "canvass-write": a new line in a canvass session's
// history, which is operational and not on the hash chain).

interface RequestSpec {
  method: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  url: string;
  body?: unknown;
}

interface Action {
  rules: string[];
  does: string;
  effect: "read" | "audited-read" | "write" | "notice-read" | "canvass-write";
  request: (w: World, targetId: string, caller: PrincipalName) => RequestSpec;
}

let serial = 0;
const unique = () => ++serial;
/** The caller's own campaign (staff and anonymous callers try campaign A). */
const homeCampaign = (w: World, caller: PrincipalName) => w.campaigns[HOME[caller] ?? "A"];
const amendedBody = (w: World, incidentId: string, caller: string) => {
  const seeded = Object.values(w.incidents).find((i) => i.id === incidentId)!;
  return {
    body: { ...seeded.body, description: `${seeded.body.description} (amended by ${caller})` },
    reason: "Added detail",
  };
};

const ACTIONS: Record<string, Action> = {
  "read campaign": {
    rules: ["campaign:read"],
    does: "reads",
    effect: "read",
    request: (_w, id) => ({ method: "GET", url: `/api/campaigns/${id}` }),
  },
  "list incidents": {
    rules: ["campaign:list-incidents"],
    does: "lists the incidents of",
    effect: "read",
    request: (_w, id) => ({ method: "GET", url: `/api/campaigns/${id}/incidents` }),
  },
  "record incident": {
    rules: ["campaign:record-incident"],
    does: "records an incident in",
    effect: "write",
    request: (_w, id, caller) => ({
      method: "POST",
      url: `/api/campaigns/${id}/incidents`,
      body: sampleIncident({ summary: `Recorded by ${caller} (matrix)` }),
    }),
  },
  "record incident naming actor": {
    rules: ["campaign:record-incident", "actor:read"],
    does: "records an incident in their campaign naming",
    effect: "write",
    request: (w, id, caller) => ({
      method: "POST",
      url: `/api/campaigns/${homeCampaign(w, caller)}/incidents`,
      body: sampleIncident({ summary: `Names an actor (${caller})`, actorIds: [id] }),
    }),
  },
  "list actors": {
    rules: ["campaign:list-actors"],
    does: "lists the actors of",
    effect: "read",
    request: (_w, id) => ({ method: "GET", url: `/api/campaigns/${id}/actors` }),
  },
  "create actor": {
    rules: ["campaign:create-actor"],
    does: "records an actor in",
    effect: "write",
    request: (_w, id, caller) => ({
      method: "POST",
      url: `/api/campaigns/${id}/actors`,
      body: { label: `Seen by ${caller}`, identifiers: [{ kind: "handle", value: `@matrix_${unique()}` }] },
    }),
  },
  "list team": {
    rules: ["campaign:read-team"],
    does: "lists the team of",
    effect: "read",
    request: (_w, id) => ({ method: "GET", url: `/api/campaigns/${id}/members` }),
  },
  "invite team member": {
    rules: ["campaign:manage-team"],
    does: "invites a team member to",
    effect: "write",
    request: (_w, id) => ({
      method: "POST",
      url: `/api/campaigns/${id}/invitations`,
      body: { email: `invitee-${unique()}@example.org`, permission: "log-only" },
    }),
  },
  "change member permission": {
    rules: ["campaign:manage-team"],
    does: "gives full view to",
    effect: "write",
    request: (w, id) => ({
      method: "PATCH",
      url: `/api/campaigns/${id}/members/${id === w.campaigns.A ? w.spares.permissionA : w.spares.permissionB}`,
      body: { permission: "full" },
    }),
  },
  "remove member": {
    rules: ["campaign:manage-team"],
    does: "removes",
    effect: "write",
    request: (w, id) => ({
      method: "DELETE",
      url: `/api/campaigns/${id}/members/${id === w.campaigns.A ? w.spares.removeA : w.spares.removeB}`,
    }),
  },
  "read incident": {
    rules: ["incident:read"],
    does: "reads",
    effect: "audited-read",
    request: (_w, id) => ({ method: "GET", url: `/api/incidents/${id}` }),
  },
  "amend incident": {
    rules: ["incident:amend"],
    does: "amends",
    effect: "write",
    request: (w, id, caller) => ({
      method: "POST",
      url: `/api/incidents/${id}/revisions`,
      body: amendedBody(w, id, caller),
    }),
  },
  "add text evidence": {
    rules: ["incident:add-evidence"],
    does: "adds text evidence to",
    effect: "write",
    request: (_w, id) => ({
      method: "POST",
      url: `/api/incidents/${id}/evidence`,
      body: { kind: "text", text: "Another message from the same account", source: "message-copy" },
    }),
  },
  "upload evidence file": {
    rules: ["incident:add-evidence"],
    does: "uploads a screenshot to",
    effect: "write",
    request: (_w, id) => ({ method: "POST", url: `/api/incidents/${id}/evidence/file`, body: pngUpload() }),
  },
  "add follow-up": {
    rules: ["incident:add-follow-up"],
    does: "adds a police reference to",
    effect: "write",
    request: (_w, id) => ({
      method: "POST",
      url: `/api/incidents/${id}/follow-ups`,
      body: { kind: "police-reference", text: "Reported on 101", policeReference: "WY-2026-0001" },
    }),
  },
  "see reads": {
    rules: ["incident:see-reads"],
    does: "sees who read",
    effect: "read",
    request: (_w, id) => ({ method: "GET", url: `/api/incidents/${id}/reads` }),
  },
  "download evidence file": {
    rules: ["incident:read"],
    does: "downloads",
    effect: "audited-read",
    request: (_w, id) => ({ method: "GET", url: `/api/evidence/${id}/file` }),
  },
  "read actor": {
    rules: ["actor:read"],
    does: "reads",
    effect: "read",
    request: (_w, id) => ({ method: "GET", url: `/api/actors/${id}` }),
  },
  "amend actor": {
    rules: ["actor:amend"],
    does: "amends",
    effect: "write",
    request: (_w, id, caller) => ({
      method: "POST",
      url: `/api/actors/${id}/revisions`,
      body: { body: { label: `Amended by ${caller}`, identifiers: [{ kind: "name", value: "Pat Doe" }] } },
    }),
  },
  "check a message": {
    rules: ["campaign:preview-triage"],
    does: "checks a message (stores nothing) in",
    effect: "read",
    request: (_w, id) => ({
      method: "POST",
      url: `/api/campaigns/${id}/triage/preview`,
      body: { text: "I know where you live and I'm coming for you tonight" },
    }),
  },
  "list notices": {
    rules: ["campaign:read-notices"],
    does: "lists the notices of",
    effect: "read",
    request: (_w, id) => ({ method: "GET", url: `/api/campaigns/${id}/notices` }),
  },
  "read police contact": {
    rules: ["campaign:read-police-contact"],
    does: "reads the police contact of",
    effect: "read",
    request: (_w, id) => ({ method: "GET", url: `/api/campaigns/${id}/police-contact` }),
  },
  "set police contact": {
    rules: ["campaign:manage-police-contact"],
    does: "sets the police contact of",
    effect: "write",
    request: (_w, id, caller) => ({
      method: "PUT",
      url: `/api/campaigns/${id}/police-contact`,
      body: { name: `PC Matrix (set by ${caller})`, phone: "0113 555 0101" },
    }),
  },
  "read private details": {
    rules: ["campaign:read-private-details"],
    does: "reads the private-details register of",
    effect: "read",
    request: (_w, id) => ({ method: "GET", url: `/api/campaigns/${id}/private-details` }),
  },
  "set private details": {
    rules: ["campaign:manage-private-details"],
    does: "replaces the private-details register of",
    effect: "write",
    request: (_w, id) => ({
      method: "PUT",
      url: `/api/campaigns/${id}/private-details`,
      body: { private: { homeAddress: `${unique()} Matrix Row, Leeds LS1 1AA` } },
    }),
  },
  "read health check": {
    rules: ["campaign:read-health-check"],
    does: "reads the online health check progress of",
    effect: "read",
    request: (_w, id) => ({ method: "GET", url: `/api/campaigns/${id}/health-check` }),
  },
  "tick health check": {
    rules: ["campaign:update-health-check"],
    does: "ticks an online health check item of",
    effect: "write",
    request: (_w, id) => ({
      method: "PUT",
      url: `/api/campaigns/${id}/health-check/${HEALTH_CHECK_ITEMS[0]!.id}`,
      body: { done: true },
    }),
  },
  "read patterns": {
    rules: ["campaign:read-patterns"],
    does: "reads the patterns of",
    effect: "read",
    request: (_w, id) => ({ method: "GET", url: `/api/campaigns/${id}/patterns` }),
  },
  "split actors": {
    rules: ["campaign:link-actors"],
    does: "says two actors are different people in",
    effect: "write",
    request: (w, id) => ({
      method: "POST",
      url: `/api/campaigns/${id}/actor-links`,
      body: {
        actorIds:
          id === w.campaigns.A
            ? [w.actors["candidate-A"], w.actors["logonly-A"]]
            : [w.actors["candidate-B"], w.actors["logonly-B"]],
        decision: "different",
      },
    }),
  },
  "read verdict history": {
    rules: ["incident:read"],
    does: "reads the verdict history of",
    effect: "read",
    request: (_w, id) => ({ method: "GET", url: `/api/incidents/${id}/verdicts` }),
  },
  "mark notice read": {
    rules: ["incident:read"],
    does: "marks as read the",
    effect: "notice-read",
    request: (_w, id) => ({ method: "POST", url: `/api/notices/${id}/read` }),
  },
  "read quick questions": {
    rules: [],
    does: "reads the quick questions",
    effect: "read",
    request: () => ({ method: "GET", url: "/api/reference/quick-questions" }),
  },
  "plan canvass session": {
    rules: ["campaign:plan-canvass"],
    does: "plans a canvass session in",
    effect: "canvass-write",
    request: (w, id, caller) => ({
      method: "POST",
      url: `/api/campaigns/${id}/canvass-sessions`,
      body: {
        area: `Matrix Road (planned by ${caller})`,
        people: [{ name: "Alex Matrix" }],
        endsAt: new Date(w.h.clock.now().getTime() + 3_600_000).toISOString(),
        checkInEveryMinutes: 30,
      },
    }),
  },
  "list canvass sessions": {
    rules: ["campaign:list-canvass"],
    does: "lists the canvass sessions of",
    effect: "read",
    request: (_w, id) => ({ method: "GET", url: `/api/campaigns/${id}/canvass-sessions` }),
  },
  "read canvass session": {
    rules: ["canvass-session:read"],
    does: "reads the canvass session",
    effect: "read",
    request: (_w, id) => ({ method: "GET", url: `/api/canvass-sessions/${id}` }),
  },
  "check in": {
    rules: ["canvass-session:act"],
    does: "checks in on the canvass session",
    effect: "canvass-write",
    request: (_w, id) => ({ method: "POST", url: `/api/canvass-sessions/${id}/check-in`, body: {} }),
  },
  // Nothing is escalated in the seeded sessions: an allowed acknowledgement changes nothing.
  "acknowledge canvass alert": {
    rules: ["canvass-session:acknowledge"],
    does: "acknowledges the alert of the canvass session",
    effect: "read",
    request: (_w, id) => ({
      method: "POST",
      url: `/api/canvass-sessions/${id}/acknowledge`,
      body: { episode: 1 },
    }),
  },
  "share incident with police": {
    rules: ["campaign:share-with-police"],
    does: "shares with the police",
    effect: "write",
    request: (w, id) => {
      const incident = Object.values(w.incidents).find((i) => i.id === id)!;
      return {
        method: "POST",
        url: `/api/campaigns/${w.campaigns[incident.campaign]}/shares`,
        body: { incidentIds: [id] },
      };
    },
  },
  "list shares": {
    rules: ["campaign:read-shares"],
    does: "lists what was shared with the police by",
    effect: "read",
    request: (_w, id) => ({ method: "GET", url: `/api/campaigns/${id}/shares` }),
  },
  "read briefings": {
    rules: ["campaign:read-shares"],
    does: "reads the security briefings the police recorded for",
    effect: "read",
    request: (_w, id) => ({ method: "GET", url: `/api/campaigns/${id}/briefings` }),
  },
  "list team invitations": {
    rules: ["campaign:manage-team"],
    does: "lists the unused team invitations of",
    effect: "read",
    request: (_w, id) => ({ method: "GET", url: `/api/campaigns/${id}/invitations` }),
  },
  "withdraw team invitation": {
    rules: ["campaign:manage-team"],
    does: "withdraws an unused team invitation of",
    effect: "write",
    request: (w, id) => ({
      method: "POST",
      url: `/api/campaigns/${id}/invitations/${id === w.campaigns.A ? w.spares.invitationA : w.spares.invitationB}/revoke`,
    }),
  },
  "list staff invitations": {
    rules: ["staff:list"],
    does: "lists the unused staff and candidate invitations",
    effect: "read",
    request: () => ({ method: "GET", url: "/api/admin/invitations" }),
  },
  "withdraw staff invitation": {
    rules: ["staff:create"],
    does: "withdraws an unused staff invitation",
    effect: "write",
    request: (w) => ({ method: "POST", url: `/api/admin/invitations/${w.spares.staffInvitation}/revoke` }),
  },
  "read police status": {
    rules: ["incident:read"],
    does: "reads the police status of",
    effect: "read",
    request: (_w, id) => ({ method: "GET", url: `/api/incidents/${id}/police` }),
  },
  "read police queue": {
    rules: ["force:read-queue"],
    does: "reads the SPOC queue of their force",
    effect: "read",
    request: () => ({ method: "GET", url: "/api/police/queue" }),
  },
  "record briefing": {
    rules: ["force:record-briefing"],
    does: "records a security briefing offered to",
    effect: "write",
    request: (_w, id) => ({
      method: "POST",
      url: "/api/police/briefings",
      body: { campaignId: id, kind: "offered", happenedAt: "2026-11-20T10:00:00Z" },
    }),
  },
  "read shared incident": {
    rules: ["shared-incident:read"],
    does: "reads, as police,",
    effect: "audited-read",
    request: (_w, id) => ({ method: "GET", url: `/api/police/incidents/${id}` }),
  },
  "export shared evidence pack": {
    rules: ["shared-incident:export-evidence"],
    does: "makes, as police, an evidence pack of",
    effect: "write",
    request: (_w, id) => ({
      method: "POST",
      url: `/api/police/incidents/${id}/evidence-pack`,
      body: { format: "pdf" },
    }),
  },
  "add police update": {
    rules: ["shared-incident:add-police-update"],
    does: "adds a police update to",
    effect: "write",
    request: (_w, id) => ({
      method: "POST",
      url: `/api/police/incidents/${id}/updates`,
      body: { kind: "note", text: "Spoke to the candidate" },
    }),
  },
  "export evidence pack": {
    rules: ["campaign:export-evidence"],
    does: "exports an evidence pack of",
    effect: "write",
    request: (w, id) => {
      const incident = Object.values(w.incidents).find((i) => i.id === id)!;
      return {
        method: "POST",
        url: `/api/campaigns/${w.campaigns[incident.campaign]}/evidence-packs`,
        body: { scope: { incidentId: id }, format: "zip" },
      };
    },
  },
  "read national statistics": {
    rules: ["national:read-stats"],
    does: "reads the national statistics",
    effect: "read",
    request: () => ({ method: "GET", url: "/api/analyst/stats?view=force" }),
  },
  "read repeat actors": {
    rules: ["national:read-repeat-actors"],
    does: "reads the cross-force repeat-actor alerts",
    effect: "read",
    request: () => ({ method: "GET", url: "/api/analyst/repeat-actors" }),
  },
  "list staff": {
    rules: ["staff:list"],
    does: "lists the staff accounts",
    effect: "read",
    request: () => ({ method: "GET", url: "/api/admin/staff" }),
  },
  "invite staff": {
    rules: ["staff:create"],
    does: "invites a police SPOC",
    effect: "write",
    request: () => ({
      method: "POST",
      url: "/api/admin/staff",
      body: { email: `new-spoc-${unique()}@example.org`, role: "spoc", forceId: WEST_YORKSHIRE },
    }),
  },
  "invite candidate": {
    rules: ["staff:create"],
    does: "invites a new candidate",
    effect: "write",
    request: () => ({
      method: "POST",
      url: "/api/admin/candidates",
      body: { email: `new-candidate-${unique()}@example.org` },
    }),
  },
  "suspend account": {
    rules: ["staff:suspend"],
    does: "suspends",
    effect: "write",
    request: (_w, id) => ({
      method: "POST",
      url: `/api/admin/staff/${id}/suspension`,
      body: { suspended: true },
    }),
  },
};

// ------------------------------------------------------------------------------------------------
// THE MATRIX. One row per (action, target); one column per caller, in the order of PRINCIPALS.

type Row = [action: string, target: string, ...expected: number[]];

// prettier-ignore
const MATRIX: Row[] = [
  // action                          target                                       cand-A full-A logonly-A cand-B admin spoc analyst anon
  ["read campaign",                  "campaign A",                                   200,   200,   200,      404,   404,  404, 404,    401],
  ["read campaign",                  "campaign B",                                   404,   404,   404,      200,   404,  404, 404,    401],
  ["list incidents",                 "campaign A",                                   200,   200,   200,      404,   404,  404, 404,    401],
  ["list incidents",                 "campaign B",                                   404,   404,   404,      200,   404,  404, 404,    401],
  ["record incident",                "campaign A",                                   201,   201,   201,      404,   404,  404, 404,    401],
  ["record incident",                "campaign B",                                   404,   404,   404,      201,   404,  404, 404,    401],
  ["list actors",                    "campaign A",                                   200,   200,   200,      404,   404,  404, 404,    401],
  ["list actors",                    "campaign B",                                   404,   404,   404,      200,   404,  404, 404,    401],
  ["create actor",                   "campaign A",                                   201,   201,   201,      404,   404,  404, 404,    401],
  ["create actor",                   "campaign B",                                   404,   404,   404,      201,   404,  404, 404,    401],
  ["list team",                      "campaign A",                                   200,   200,   403,      404,   404,  404, 404,    401],
  ["list team",                      "campaign B",                                   404,   404,   404,      200,   404,  404, 404,    401],
  ["invite team member",             "campaign A",                                   201,   403,   403,      404,   404,  404, 404,    401],
  ["invite team member",             "campaign B",                                   404,   404,   404,      201,   404,  404, 404,    401],
  ["list team invitations",          "campaign A",                                   200,   403,   403,      404,   404,  404, 404,    401],
  ["list team invitations",          "campaign B",                                   404,   404,   404,      200,   404,  404, 404,    401],
  ["withdraw team invitation",       "campaign A",                                   200,   403,   403,      404,   404,  404, 404,    401],
  ["withdraw team invitation",       "campaign B",                                   404,   404,   404,      200,   404,  404, 404,    401],
  ["change member permission",       "a team member of campaign A",                  200,   403,   403,      404,   404,  404, 404,    401],
  ["change member permission",       "a team member of campaign B",                  404,   404,   404,      200,   404,  404, 404,    401],
  ["remove member",                  "a team member of campaign A",                  200,   403,   403,      404,   404,  404, 404,    401],
  ["remove member",                  "a team member of campaign B",                  404,   404,   404,      200,   404,  404, 404,    401],

  ["read incident",                  "incident by candidate-A",                      200,   200,   404,      404,   404,  404, 404,    401],
  ["read incident",                  "incident by full-A",                           200,   200,   404,      404,   404,  404, 404,    401],
  ["read incident",                  "incident by logonly-A",                        200,   200,   200,      404,   404,  404, 404,    401],
  ["read incident",                  "incident by candidate-B",                      404,   404,   404,      200,   404,  404, 404,    401],
  ["read incident",                  "incident by full-B",                           404,   404,   404,      200,   404,  404, 404,    401],
  ["read incident",                  "incident by logonly-B",                        404,   404,   404,      200,   404,  404, 404,    401],
  ["amend incident",                 "incident by candidate-A",                      201,   201,   404,      404,   404,  404, 404,    401],
  ["amend incident",                 "incident by full-A",                           201,   201,   404,      404,   404,  404, 404,    401],
  ["amend incident",                 "incident by logonly-A",                        201,   201,   201,      404,   404,  404, 404,    401],
  ["amend incident",                 "incident by candidate-B",                      404,   404,   404,      201,   404,  404, 404,    401],
  ["amend incident",                 "incident by logonly-B",                        404,   404,   404,      201,   404,  404, 404,    401],
  ["add text evidence",              "incident by candidate-A",                      201,   201,   404,      404,   404,  404, 404,    401],
  ["add text evidence",              "incident by full-A",                           201,   201,   404,      404,   404,  404, 404,    401],
  ["add text evidence",              "incident by logonly-A",                        201,   201,   201,      404,   404,  404, 404,    401],
  ["add text evidence",              "incident by candidate-B",                      404,   404,   404,      201,   404,  404, 404,    401],
  ["add text evidence",              "incident by logonly-B",                        404,   404,   404,      201,   404,  404, 404,    401],
  ["upload evidence file",           "incident by candidate-A",                      201,   201,   404,      404,   404,  404, 404,    401],
  ["upload evidence file",           "incident by full-A",                           201,   201,   404,      404,   404,  404, 404,    401],
  ["upload evidence file",           "incident by logonly-A",                        201,   201,   201,      404,   404,  404, 404,    401],
  ["upload evidence file",           "incident by candidate-B",                      404,   404,   404,      201,   404,  404, 404,    401],
  ["upload evidence file",           "incident by logonly-B",                        404,   404,   404,      201,   404,  404, 404,    401],
  ["add follow-up",                  "incident by candidate-A",                      201,   201,   404,      404,   404,  404, 404,    401],
  ["add follow-up",                  "incident by full-A",                           201,   201,   404,      404,   404,  404, 404,    401],
  ["add follow-up",                  "incident by logonly-A",                        201,   201,   201,      404,   404,  404, 404,    401],
  ["add follow-up",                  "incident by candidate-B",                      404,   404,   404,      201,   404,  404, 404,    401],
  ["add follow-up",                  "incident by logonly-B",                        404,   404,   404,      201,   404,  404, 404,    401],
  ["see reads",                      "incident by candidate-A",                      200,   403,   404,      404,   404,  404, 404,    401],
  ["see reads",                      "incident by full-A",                           200,   403,   404,      404,   404,  404, 404,    401],
  ["see reads",                      "incident by logonly-A",                        200,   403,   403,      404,   404,  404, 404,    401],
  ["see reads",                      "incident by candidate-B",                      404,   404,   404,      200,   404,  404, 404,    401],
  ["see reads",                      "incident by logonly-B",                        404,   404,   404,      200,   404,  404, 404,    401],
  ["download evidence file",         "evidence file on incident by candidate-A",     200,   200,   404,      404,   404,  404, 404,    401],
  ["download evidence file",         "evidence file on incident by full-A",          200,   200,   404,      404,   404,  404, 404,    401],
  ["download evidence file",         "evidence file on incident by logonly-A",       200,   200,   200,      404,   404,  404, 404,    401],
  // The SPOC of campaign B's force downloads the files of the incident candidate-B shared, and no other.
  ["download evidence file",         "evidence file on incident by candidate-B",     404,   404,   404,      200,   404,  200, 404,    401],
  ["download evidence file",         "evidence file on incident by logonly-B",       404,   404,   404,      200,   404,  404, 404,    401],

  ["read actor",                     "actor by candidate-A",                         200,   200,   404,      404,   404,  404, 404,    401],
  ["read actor",                     "actor by logonly-A",                           200,   200,   200,      404,   404,  404, 404,    401],
  ["read actor",                     "actor by candidate-B",                         404,   404,   404,      200,   404,  404, 404,    401],
  ["read actor",                     "actor by logonly-B",                           404,   404,   404,      200,   404,  404, 404,    401],
  ["amend actor",                    "actor by candidate-A",                         201,   201,   404,      404,   404,  404, 404,    401],
  ["amend actor",                    "actor by logonly-A",                           201,   201,   201,      404,   404,  404, 404,    401],
  ["amend actor",                    "actor by candidate-B",                         404,   404,   404,      201,   404,  404, 404,    401],
  ["amend actor",                    "actor by logonly-B",                           404,   404,   404,      201,   404,  404, 404,    401],
  // Naming an actor in an incident recorded in the caller's own campaign: only actors the caller may read.
  ["record incident naming actor",   "actor by candidate-A",                         201,   201,   400,      400,   404,  404, 404,    401],
  ["record incident naming actor",   "actor by logonly-A",                           201,   201,   201,      400,   404,  404, 404,    401],
  ["record incident naming actor",   "actor by candidate-B",                         400,   400,   400,      201,   404,  404, 404,    401],
  ["record incident naming actor",   "actor by logonly-B",                           400,   400,   400,      201,   404,  404, 404,    401],

  // Triage and patterns. Checking a message, notices and the police contact are for the whole team;
  // the police contact, the register, patterns and links are kept by those who see the whole campaign;
  // the private-details register is changed only by the candidate.
  ["check a message",                "campaign A",                                   200,   200,   200,      404,   404,  404, 404,    401],
  ["check a message",                "campaign B",                                   404,   404,   404,      200,   404,  404, 404,    401],
  ["list notices",                   "campaign A",                                   200,   200,   200,      404,   404,  404, 404,    401],
  ["list notices",                   "campaign B",                                   404,   404,   404,      200,   404,  404, 404,    401],
  ["read police contact",            "campaign A",                                   200,   200,   200,      404,   404,  404, 404,    401],
  ["read police contact",            "campaign B",                                   404,   404,   404,      200,   404,  404, 404,    401],
  ["set police contact",             "campaign A",                                   200,   200,   403,      404,   404,  404, 404,    401],
  ["set police contact",             "campaign B",                                   404,   404,   404,      200,   404,  404, 404,    401],
  ["read private details",           "campaign A",                                   200,   200,   403,      404,   404,  404, 404,    401],
  ["read private details",           "campaign B",                                   404,   404,   404,      200,   404,  404, 404,    401],
  ["set private details",            "campaign A",                                   200,   403,   403,      404,   404,  404, 404,    401],
  ["set private details",            "campaign B",                                   404,   404,   404,      200,   404,  404, 404,    401],
  ["read health check",              "campaign A",                                   200,   200,   200,      404,   404,  404, 404,    401],
  ["read health check",              "campaign B",                                   404,   404,   404,      200,   404,  404, 404,    401],
  ["tick health check",              "campaign A",                                   200,   200,   403,      404,   404,  404, 404,    401],
  ["tick health check",              "campaign B",                                   404,   404,   404,      200,   404,  404, 404,    401],
  ["read patterns",                  "campaign A",                                   200,   200,   403,      404,   404,  404, 404,    401],
  ["read patterns",                  "campaign B",                                   404,   404,   404,      200,   404,  404, 404,    401],
  ["split actors",                   "campaign A",                                   201,   201,   403,      404,   404,  404, 404,    401],
  ["split actors",                   "campaign B",                                   404,   404,   404,      201,   404,  404, 404,    401],
  ["read verdict history",           "incident by candidate-A",                      200,   200,   404,      404,   404,  404, 404,    401],
  ["read verdict history",           "incident by full-A",                           200,   200,   404,      404,   404,  404, 404,    401],
  ["read verdict history",           "incident by logonly-A",                        200,   200,   200,      404,   404,  404, 404,    401],
  ["read verdict history",           "incident by candidate-B",                      404,   404,   404,      200,   404,  404, 404,    401],
  ["read verdict history",           "incident by logonly-B",                        404,   404,   404,      200,   404,  404, 404,    401],
  ["mark notice read",               "notice on incident by candidate-A",            200,   200,   404,      404,   404,  404, 404,    401],
  ["mark notice read",               "notice on incident by full-A",                 200,   200,   404,      404,   404,  404, 404,    401],
  ["mark notice read",               "notice on incident by logonly-A",              200,   200,   200,      404,   404,  404, 404,    401],
  ["mark notice read",               "notice on incident by candidate-B",            404,   404,   404,      200,   404,  404, 404,    401],
  ["mark notice read",               "notice on incident by logonly-B",              404,   404,   404,      200,   404,  404, 404,    401],
  // Canvassing: every member plans sessions; the candidate and full members see and act on all of them
  // (they are the agent or lead who is told); anyone else only on the sessions they are out on.
  ["plan canvass session",           "campaign A",                                   201,   201,   201,      404,   404,  404, 404,    401],
  ["plan canvass session",           "campaign B",                                   404,   404,   404,      201,   404,  404, 404,    401],
  ["list canvass sessions",          "campaign A",                                   200,   200,   200,      404,   404,  404, 404,    401],
  ["list canvass sessions",          "campaign B",                                   404,   404,   404,      200,   404,  404, 404,    401],
  ["read canvass session",           "canvass session by candidate-A",               200,   200,   404,      404,   404,  404, 404,    401],
  ["read canvass session",           "canvass session by logonly-A",                 200,   200,   200,      404,   404,  404, 404,    401],
  ["read canvass session",           "canvass session by candidate-B",               404,   404,   404,      200,   404,  404, 404,    401],
  ["check in",                       "canvass session by candidate-A",               200,   200,   404,      404,   404,  404, 404,    401],
  ["check in",                       "canvass session by logonly-A",                 200,   200,   200,      404,   404,  404, 404,    401],
  ["check in",                       "canvass session by candidate-B",               404,   404,   404,      200,   404,  404, 404,    401],
  ["acknowledge canvass alert",      "canvass session by candidate-A",               200,   200,   404,      404,   404,  404, 404,    401],
  ["acknowledge canvass alert",      "canvass session by logonly-A",                 200,   200,   200,      404,   404,  404, 404,    401],
  ["acknowledge canvass alert",      "canvass session by candidate-B",               404,   404,   404,      200,   404,  404, 404,    401],
  // Sharing with the police. Only the candidate shares (campaign B has a force; campaign A has none yet,
  // so sharing there is refused as a conflict, not an authorization). The SPOC (West Yorkshire, campaign B's
  // force) sees only what campaign B shared: never campaign A's records, never what was not shared.
  ["share incident with police",     "incident by logonly-B",                        404,   404,   404,      201,   404,  404, 404,    401],
  ["list shares",                    "campaign A",                                   200,   200,   403,      404,   404,  404, 404,    401],
  ["list shares",                    "campaign B",                                   404,   404,   404,      200,   404,  404, 404,    401],
  ["read briefings",                 "campaign A",                                   200,   200,   403,      404,   404,  404, 404,    401],
  ["read briefings",                 "campaign B",                                   404,   404,   404,      200,   404,  404, 404,    401],
  ["read police status",             "incident by candidate-B",                      404,   404,   404,      200,   404,  404, 404,    401],
  ["read police status",             "incident by candidate-A",                      200,   200,   404,      404,   404,  404, 404,    401],
  ["read police queue",              "",                                             403,   403,   403,      403,   403,  200, 403,    401],
  ["record briefing",                "campaign B",                                   403,   403,   403,      403,   403,  201, 403,    401],
  ["record briefing",                "campaign A",                                   403,   403,   403,      403,   403,  400, 403,    401],
  ["read shared incident",           "incident by candidate-B",                      404,   404,   404,      404,   404,  200, 404,    401],
  ["read shared incident",           "incident by full-B",                           404,   404,   404,      404,   404,  404, 404,    401],
  ["read shared incident",           "incident by candidate-A",                      404,   404,   404,      404,   404,  404, 404,    401],
  ["export shared evidence pack",    "incident by candidate-B",                      404,   404,   404,      404,   404,  200, 404,    401],
  ["export shared evidence pack",    "incident by full-B",                           404,   404,   404,      404,   404,  404, 404,    401],
  ["export shared evidence pack",    "incident by candidate-A",                      404,   404,   404,      404,   404,  404, 404,    401],
  ["add police update",              "incident by candidate-B",                      404,   404,   404,      404,   404,  201, 404,    401],
  ["add police update",              "incident by full-B",                           404,   404,   404,      404,   404,  404, 404,    401],
  ["add police update",              "incident by logonly-A",                        404,   404,   404,      404,   404,  404, 404,    401],
  ["read repeat actors",             "",                                             403,   403,   403,      403,   403,  403, 200,    401],
  ["read national statistics",       "",                                             403,   403,   403,      403,   403,  403, 200,    401],
  ["export evidence pack",           "incident by candidate-A",                      200,   200,   403,      404,   404,  404, 404,    401],
  ["export evidence pack",           "incident by candidate-B",                      404,   404,   404,      200,   404,  404, 404,    401],
  // Reference data, like the directory of forces: the same for everyone.
  ["read quick questions",           "",                                             200,   200,   200,      200,   200,  200, 200,    200],

  ["list staff",                     "",                                             403,   403,   403,      403,   200,  403, 403,    401],
  ["invite staff",                   "",                                             403,   403,   403,      403,   201,  403, 403,    401],
  ["invite candidate",               "",                                             403,   403,   403,      403,   201,  403, 403,    401],
  ["list staff invitations",         "",                                             403,   403,   403,      403,   200,  403, 403,    401],
  ["withdraw staff invitation",      "",                                             403,   403,   403,      403,   200,  403, 403,    401],
  ["suspend account",                "a SPOC account",                               403,   403,   403,      403,   200,  403, 403,    401],
  // The administrator manages SPOC, analyst and administrator accounts only.
  ["suspend account",                "the account of candidate-A",                   403,   403,   403,      403,   403,  403, 403,    401],
  ["suspend account",                "the account of full-A",                        403,   403,   403,      403,   403,  403, 403,    401],
];

/** Seeded incidents and actors each caller's lists must show (and no other seeded ones). */
const VISIBLE_INCIDENTS: Partial<Record<PrincipalName, string[]>> = {
  "candidate-A": ["candidate-A", "full-A", "logonly-A"],
  "full-A": ["candidate-A", "full-A", "logonly-A"],
  "logonly-A": ["logonly-A"],
  "candidate-B": ["candidate-B", "full-B", "logonly-B"],
};
const VISIBLE_ACTORS: Partial<Record<PrincipalName, string[]>> = {
  "candidate-A": ["candidate-A", "logonly-A"],
  "full-A": ["candidate-A", "logonly-A"],
  "logonly-A": ["logonly-A"],
  "candidate-B": ["candidate-B", "logonly-B"],
};

// ------------------------------------------------------------------------------------------------

function relation(caller: PrincipalName, target: Target): string {
  const home = HOME[caller];
  if (!target.campaign || !home) return "";
  if (home !== target.campaign) return " (other campaign)";
  if (!target.owner) return " (their campaign)";
  return target.owner === caller ? " (their own)" : " (same campaign)";
}

const ERROR_CODES: Record<number, string> = {
  400: "invalid",
  401: "unauthenticated",
  403: "forbidden",
  404: "not-found",
};

interface Cell {
  name: string;
  caller: PrincipalName;
  action: Action;
  actionName: string;
  targetKey: string;
  expected: number;
}

function cellsOf(row: Row): Cell[] {
  const [actionName, targetKey, ...expected] = row;
  const action = ACTIONS[actionName];
  const target = TARGETS[targetKey];
  if (!action || !target)
    throw new Error(`matrix row names an unknown action or target: ${actionName} / ${targetKey}`);
  if (expected.length !== PRINCIPALS.length)
    throw new Error(`matrix row ${actionName} / ${targetKey} needs ${PRINCIPALS.length} columns`);
  const cells = PRINCIPALS.map((caller, i) => ({
    name: `${caller} ${action.does}${targetKey ? ` ${targetKey}` : ""}${relation(caller, target)} → ${expected[i]}`,
    caller,
    action,
    actionName,
    targetKey,
    expected: expected[i]!,
  }));
  // Refusals run before the allowed requests of the same row, so that a wrongly allowed refusal is
  // seen changing a record that is still in its original state (e.g. a member not yet removed).
  return [...cells.filter((c) => c.expected >= 300), ...cells.filter((c) => c.expected < 300)];
}

test("every declared policy rule is exercised by at least one matrix row, and every row names a declared rule", () => {
  const declared = declaredRules();
  assert.ok(declared.length > 0, "no rules are declared");
  const covered = new Set(MATRIX.flatMap(([action]) => ACTIONS[action]?.rules ?? []));
  const untested = declared.filter((rule) => !covered.has(rule));
  assert.deepEqual(untested, [], `policy rules without a matrix row: ${untested.join(", ")}`);
  const undeclared = [...covered].filter((rule) => !declared.includes(rule));
  assert.deepEqual(
    undeclared,
    [],
    `matrix rows naming rules that are not declared: ${undeclared.join(", ")}`,
  );
});

describe("authorization matrix (role × action × own/other campaign)", () => {
  let h: Harness;
  let w: World;
  let tracker: StateTracker;

  before(async () => {
    h = await startHarness();
    w = await buildWorld(h);
    // The notices the team was given for the seeded incidents (read as each candidate: a pure read).
    for (const campaign of ["A", "B"] as const) {
      const res = await send(
        h.app,
        w.callers[campaign === "A" ? "candidate-A" : "candidate-B"],
        "GET",
        `/api/campaigns/${w.campaigns[campaign]}/notices?limit=200`,
      );
      for (const n of res.body.notices) if (n.cause === "recorded") seededNotices.set(n.incidentId, n.id);
    }
    tracker = new StateTracker(h);
  });
  after(() => h?.close());
  // Each cell's "before" is the previous cell's "after" (nothing else writes between cells; the
  // tests after the matrix take their own snapshots).

  for (const row of MATRIX) {
    for (const cell of cellsOf(row)) {
      it(cell.name, async () => {
        const target = TARGETS[cell.targetKey]!;
        const spec = cell.action.request(w, target.id(w), cell.caller);
        const caller: Caller = w.callers[cell.caller];
        const {
          result: res,
          before: beforeState,
          after: afterState,
        } = await tracker.around(() => send(h.app, caller, spec.method, spec.url, spec.body));
        const detail = `${spec.method} ${spec.url} → ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`;
        assert.equal(res.status, cell.expected, detail);

        if (cell.expected >= 300) {
          assert.equal(res.body?.error?.code, ERROR_CODES[cell.expected], detail);
          assert.ok(typeof res.body.error.message === "string" && res.body.error.message.length > 0, detail);
          assert.deepEqual(
            changedKeys(beforeState, afterState),
            [],
            `a refused request changed stored data (${detail})`,
          );
          return;
        }
        const changed = changedKeys(beforeState, afterState);
        if (cell.action.effect === "write") {
          assert.ok(
            afterState.events > beforeState.events,
            `an allowed write did not append to the hash chain (${detail})`,
          );
        } else if (cell.action.effect === "canvass-write") {
          assert.ok(
            afterState.canvass_events > beforeState.canvass_events,
            `an allowed canvass action did not add to the session's history (${detail})`,
          );
        } else if (cell.action.effect === "notice-read") {
          assert.deepEqual(
            changed,
            ["notice_reads"],
            `marking a notice read should record that and change nothing else (${detail})`,
          );
          assert.equal(afterState.notice_reads, beforeState.notice_reads + 1);
          assert.equal(res.body.id, target.id(w));
        } else if (cell.action.effect === "audited-read") {
          assert.deepEqual(
            changed,
            ["reads"],
            `reading should record one read and change nothing else (${detail})`,
          );
          assert.equal(afterState.reads, beforeState.reads + 1);
        } else {
          assert.deepEqual(changed, [], `a read changed stored data (${detail})`);
        }

        // What an allowed list shows: all of the campaign for the candidate and full members, only
        // their own for a log-only member.
        if (cell.actionName === "list incidents") {
          const seeded = Object.values(w.incidents);
          const shown = new Set<string>(res.body.incidents.map((i: any) => i.id));
          const expectedIds = (VISIBLE_INCIDENTS[cell.caller] ?? [])
            .map((r) => w.incidents[r as keyof World["incidents"]].id)
            .sort();
          assert.deepEqual(
            seeded
              .filter((i) => shown.has(i.id))
              .map((i) => i.id)
              .sort(),
            expectedIds,
          );
          if (cell.caller === "logonly-A") {
            for (const i of res.body.incidents)
              assert.equal(i.recordedBy.id, caller.userId, `log-only list shows ${i.summary}`);
          }
        }
        if (cell.actionName === "list actors") {
          const shown = new Set<string>(res.body.actors.map((a: any) => a.id));
          const expectedIds = (VISIBLE_ACTORS[cell.caller] ?? [])
            .map((c) => w.actors[c as keyof World["actors"]])
            .sort();
          assert.deepEqual(
            Object.values(w.actors)
              .filter((id) => shown.has(id))
              .sort(),
            expectedIds,
          );
          if (cell.caller === "logonly-A") {
            for (const a of res.body.actors)
              assert.equal(a.createdBy, caller.userId, `log-only list shows actor ${a.body.label}`);
          }
        }
        if (cell.actionName === "list notices") {
          // Of the seeded incidents' notices: those about incidents the caller may read, and no others.
          const shown = new Set<string>(res.body.notices.map((n: any) => n.id));
          const expectedIds = (VISIBLE_INCIDENTS[cell.caller] ?? [])
            .map((r) => seededNotices.get(w.incidents[r as keyof World["incidents"]].id))
            .sort();
          assert.deepEqual([...seededNotices.values()].filter((id) => shown.has(id)).sort(), expectedIds);
          for (const n of res.body.notices) assert.ok(!("description" in n) && !("summary" in n));
        }
        if (cell.actionName === "check a message") {
          assert.equal(res.body.stored, false);
          assert.equal(res.body.verdict.level, "call-999");
        }
        if (cell.actionName === "read verdict history")
          assert.ok(res.body.verdicts.length > 0 && res.body.verdicts[0].cause === "recorded");
        if (cell.actionName === "read incident") assert.equal(res.body.id, target.id(w));
        if (cell.actionName === "download evidence file")
          assert.equal(res.headers["content-type"], "image/png");
      });
    }
  }

  it("a log-only member reading their own actor sees only the incidents they may read", async () => {
    const res = await send(h.app, w.callers["logonly-A"], "GET", `/api/actors/${w.actors["logonly-A"]}`);
    assert.equal(res.status, 200);
    assert.ok(res.body.incidentIds.includes(w.incidents["logonly-A"].id));
    assert.ok(
      !res.body.incidentIds.includes(w.incidents["candidate-A"].id),
      "the candidate's incident leaked via the actor",
    );
    const asCandidate = await send(
      h.app,
      w.callers["candidate-A"],
      "GET",
      `/api/actors/${w.actors["logonly-A"]}`,
    );
    assert.ok(asCandidate.body.incidentIds.includes(w.incidents["candidate-A"].id));
  });

  it("a log-only member filtering the list by an actor still sees only their own incidents", async () => {
    const res = await send(
      h.app,
      w.callers["logonly-A"],
      "GET",
      `/api/campaigns/${w.campaigns.A}/incidents?actorId=${w.actors["logonly-A"]}`,
    );
    assert.equal(res.status, 200);
    assert.ok(res.body.incidents.length > 0);
    for (const i of res.body.incidents) assert.equal(i.recordedBy.id, w.callers["logonly-A"].userId);
  });

  it("each caller's list of campaigns holds only their own", async () => {
    const expected: Record<PrincipalName, string[]> = {
      "candidate-A": [w.campaigns.A],
      "full-A": [w.campaigns.A],
      "logonly-A": [w.campaigns.A],
      "candidate-B": [w.campaigns.B],
      admin: [],
      spoc: [],
      analyst: [],
      anonymous: [],
    };
    for (const who of PRINCIPALS) {
      const res = await send(h.app, w.callers[who], "GET", "/api/campaigns");
      if (who === "anonymous") {
        assert.equal(res.status, 401);
        continue;
      }
      assert.equal(res.status, 200, who);
      assert.deepEqual(
        res.body.campaigns.map((c: any) => c.id),
        expected[who],
        who,
      );
    }
  });

  it("a record the caller may not see answers exactly like a record that does not exist", async () => {
    const missing = "6f1c1d7e-3b7a-4c55-9d4e-8a4c2f0b9e11";
    for (const [hidden, none] of [
      [`/api/incidents/${w.incidents["candidate-A"].id}`, `/api/incidents/${missing}`],
      [`/api/actors/${w.actors["candidate-A"]}`, `/api/actors/${missing}`],
      [`/api/campaigns/${w.campaigns.A}`, `/api/campaigns/${missing}`],
    ] as const) {
      const a = await send(h.app, w.callers["candidate-B"], "GET", hidden);
      const b = await send(h.app, w.callers["candidate-B"], "GET", none);
      assert.equal(a.status, 404);
      assert.deepEqual(a.body, b.body);
    }
  });

  it("a removed team member loses access at once; a promoted one sees the whole campaign at once", async () => {
    const ownerSession: Session = {
      token: w.callers["candidate-A"].token!,
      userId: w.callers["candidate-A"].userId!,
      request: (method, url, payload) => send(h.app, w.callers["candidate-A"], method, url, payload),
    };
    const member = await addTeamMember(h, ownerSession, w.campaigns.A, "short-lived@example.org", "log-only");
    const caller: Caller = { name: "short-lived", token: member.token, userId: member.userId };
    const other = `/api/incidents/${w.incidents["candidate-A"].id}`;
    assert.equal((await send(h.app, caller, "GET", other)).status, 404);
    const promoted = await send(
      h.app,
      w.callers["candidate-A"],
      "PATCH",
      `/api/campaigns/${w.campaigns.A}/members/${member.userId}`,
      {
        permission: "full",
      },
    );
    assert.equal(promoted.status, 200);
    assert.equal((await send(h.app, caller, "GET", other)).status, 200);
    const removed = await send(
      h.app,
      w.callers["candidate-A"],
      "DELETE",
      `/api/campaigns/${w.campaigns.A}/members/${member.userId}`,
    );
    assert.equal(removed.status, 200);
    assert.equal((await send(h.app, caller, "GET", other)).status, 404);
    assert.equal((await send(h.app, caller, "GET", `/api/campaigns/${w.campaigns.A}`)).status, 404);
    const before = await snapshot(h);
    const write = await send(
      h.app,
      caller,
      "POST",
      `/api/campaigns/${w.campaigns.A}/incidents`,
      sampleIncident(),
    );
    assert.equal(write.status, 404);
    assert.deepEqual(changedKeys(before, await snapshot(h)), []);
  });

  it("the SPOC account the administrator suspended is signed out and cannot sign in again", async () => {
    const res = await send(h.app, w.callers.admin, "GET", "/api/admin/staff");
    const spare = res.body.staff.find((s: any) => s.id === w.spares.spoc);
    assert.equal(spare?.suspended, true, "the matrix suspended the spare SPOC");
    assert.equal((await send(h.app, w.spares.spocCaller, "GET", "/api/auth/session")).status, 401);
    const login = await send(h.app, { name: "anonymous" }, "POST", "/api/auth/login", {
      email: "spare-spoc@westyorkshire.example.org",
      password: PASSWORD,
    });
    assert.equal(login.status, 403);
    assert.equal(login.body.error.code, "suspended");
    assert.equal(
      (await send(h.app, w.callers.spoc, "GET", "/api/auth/session")).status,
      200,
      "other SPOCs stay signed in",
    );
  });

  describe("CSRF: cookie-authenticated writes need the session's x-csrf-token", () => {
    let cookie: string;
    let csrfToken: string;
    let otherCsrfToken: string;
    const anonymous: Caller = { name: "cookie" };

    before(async () => {
      const res = await send(h.app, anonymous, "POST", "/api/auth/login", {
        email: w.emails["candidate-A"],
        password: PASSWORD,
      });
      assert.equal(res.status, 200);
      assert.equal(res.body.token, undefined, "a browser sign-in does not return a bearer token");
      csrfToken = res.body.csrfToken;
      const setCookie = [res.headers["set-cookie"]].flat().map(String);
      const session = setCookie.find((c) => c.startsWith("shield_session="));
      assert.ok(session, `no session cookie in ${JSON.stringify(setCookie)}`);
      cookie = session.split(";")[0]!;
      const other = await send(h.app, anonymous, "POST", "/api/auth/login", {
        email: w.emails["full-A"],
        password: PASSWORD,
      });
      otherCsrfToken = other.body.csrfToken;
      assert.ok(otherCsrfToken && otherCsrfToken !== csrfToken);
    });

    const url = () => `/api/campaigns/${w.campaigns.A}/incidents`;

    it("a cookie-authenticated GET needs no token", async () => {
      const res = await send(h.app, anonymous, "GET", url(), undefined, { cookie });
      assert.equal(res.status, 200);
    });

    for (const [label, header] of [
      ["without x-csrf-token", () => ({})],
      ["with a wrong x-csrf-token", () => ({ "x-csrf-token": "not-the-token" })],
      ["with an empty x-csrf-token", () => ({ "x-csrf-token": "" })],
      ["with another session's x-csrf-token", () => ({ "x-csrf-token": otherCsrfToken })],
    ] as const) {
      it(`a cookie-authenticated POST ${label} → 403 and writes nothing`, async () => {
        const before = await snapshot(h);
        const res = await send(h.app, anonymous, "POST", url(), sampleIncident({ summary: "CSRF attempt" }), {
          cookie,
          ...header(),
        });
        assert.equal(res.status, 403);
        assert.equal(res.body.error.code, "csrf");
        assert.deepEqual(changedKeys(before, await snapshot(h)), []);
      });
    }

    it("a cookie-authenticated DELETE without the token → 403 and removes nobody", async () => {
      const before = await snapshot(h);
      const res = await send(
        h.app,
        anonymous,
        "DELETE",
        `/api/campaigns/${w.campaigns.A}/members/${w.callers["logonly-A"].userId}`,
        undefined,
        {
          cookie,
        },
      );
      assert.equal(res.status, 403);
      assert.deepEqual(changedKeys(before, await snapshot(h)), []);
    });

    it("a cookie-authenticated multipart upload without the token → 403 and stores no file", async () => {
      const before = await snapshot(h);
      const res = await send(
        h.app,
        anonymous,
        "POST",
        `/api/incidents/${w.incidents["candidate-A"].id}/evidence/file`,
        pngUpload(),
        {
          cookie,
        },
      );
      assert.equal(res.status, 403);
      assert.equal(res.body.error.code, "csrf");
      assert.deepEqual(changedKeys(before, await snapshot(h)), []);
    });

    it("a cookie-authenticated POST with the session's token is accepted", async () => {
      const before = await snapshot(h);
      const res = await send(
        h.app,
        anonymous,
        "POST",
        url(),
        sampleIncident({ summary: "Recorded in the browser" }),
        {
          cookie,
          "x-csrf-token": csrfToken,
        },
      );
      assert.equal(res.status, 201, JSON.stringify(res.body));
      const after = await snapshot(h);
      assert.equal(after.incidents, before.incidents + 1);
      const read = await send(h.app, w.callers["candidate-A"], "GET", `/api/incidents/${res.body.id}`);
      assert.equal(read.body.body.summary, "Recorded in the browser");
    });
  });
});
