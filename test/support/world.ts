// A deployment with two campaigns, their teams and records, police and national staff, and an
// administrator: the world the authorization matrix walks. Built once per test file.
import { createCandidate, inviteStaff } from "../../src/server/commands/accounts.ts";
import {
  acceptInvitationLink,
  addTeamMember,
  login,
  PASSWORD,
  sampleIncident,
  setUpCandidate,
  type Harness,
  type Session,
} from "./harness.ts";
import { pngUpload, send, type Caller } from "./requests.ts";

/** The people the matrix acts as, in the order of the matrix's columns. */
export const PRINCIPALS = [
  "candidate-A",
  "full-A",
  "logonly-A",
  "candidate-B",
  "admin",
  "spoc",
  "analyst",
  "anonymous",
] as const;
export type PrincipalName = (typeof PRINCIPALS)[number];

/** Everyone who records things: the matrix principals of each campaign plus campaign B's team. */
export type Recorder = "candidate-A" | "full-A" | "logonly-A" | "candidate-B" | "full-B" | "logonly-B";

/** The campaign a principal belongs to, if any. */
export const HOME: Record<string, "A" | "B" | undefined> = {
  "candidate-A": "A",
  "full-A": "A",
  "logonly-A": "A",
  "candidate-B": "B",
  "full-B": "B",
  "logonly-B": "B",
};

export interface SeededIncident {
  id: string;
  campaign: "A" | "B";
  recordedBy: Recorder;
  body: ReturnType<typeof sampleIncident>;
  textEvidenceId: string;
  fileEvidenceId: string;
  followUpId: string;
}

export interface World {
  h: Harness;
  callers: Record<PrincipalName | "full-B" | "logonly-B", Caller>;
  campaigns: { A: string; B: string };
  /** Keyed by recorder, e.g. incidents["logonly-A"]. */
  incidents: Record<Recorder, SeededIncident>;
  /** Actors created by each campaign's candidate and log-only member. */
  actors: Record<"candidate-A" | "logonly-A" | "candidate-B" | "logonly-B", string>;
  /** Canvass sessions planned by each campaign's candidate and campaign A's log-only member. */
  canvass: Record<"candidate-A" | "logonly-A" | "candidate-B", string>;
  /** Log-only team members who exist only to be changed or removed by the matrix. */
  spares: {
    permissionA: string;
    removeA: string;
    permissionB: string;
    removeB: string;
    /** A SPOC account that exists only to be suspended, and its session. */
    spoc: string;
    spocCaller: Caller;
    /** Unused invitations that exist only to be withdrawn. */
    invitationA: string;
    invitationB: string;
    staffInvitation: string;
  };
  emails: Record<string, string>;
}

export const WEST_YORKSHIRE = "west-yorkshire-police";

const callerOf = (name: string, session: Session): Caller => ({
  name,
  token: session.token,
  userId: session.userId,
});

async function acceptStaffInvitation(
  h: Harness,
  email: string,
  role: "spoc" | "analyst" | "admin",
  forceId?: string,
) {
  const invitation = await inviteStaff(h.runtime.deps, null, { email, role, forceId });
  return acceptInvitationLink(h, invitation.link, email);
}

async function ok(res: Promise<{ status: number; body: any }>, what: string): Promise<any> {
  const r = await res;
  if (r.status < 200 || r.status >= 300)
    throw new Error(`world set-up: ${what} failed: ${r.status} ${JSON.stringify(r.body)}`);
  return r.body;
}

export async function buildWorld(h: Harness): Promise<World> {
  const emails = {
    "candidate-A": "candidate-a@example.org",
    "full-A": "agent-a@example.org",
    "logonly-A": "volunteer-a@example.org",
    "candidate-B": "candidate-b@example.org",
    "full-B": "agent-b@example.org",
    "logonly-B": "volunteer-b@example.org",
    admin: "admin@example.org",
    spoc: "spoc@westyorkshire.example.org",
    analyst: "analyst@npcc.example.org",
  };

  // Campaign A: the first candidate, set up through the first-run page.
  const a = await setUpCandidate(h, emails["candidate-A"]);
  const fullA = await addTeamMember(h, a.session, a.campaignId, emails["full-A"], "full");
  const logA = await addTeamMember(h, a.session, a.campaignId, emails["logonly-A"], "log-only");
  const spareA1 = await addTeamMember(h, a.session, a.campaignId, "spare-a1@example.org", "log-only");
  const spareA2 = await addTeamMember(h, a.session, a.campaignId, "spare-a2@example.org", "log-only");

  // Campaign B: a second candidate on the same deployment, in West Yorkshire.
  const b = await createCandidate(h.runtime.deps, {
    email: emails["candidate-B"],
    displayName: "Bo Candidate",
    password: PASSWORD,
    campaignName: "Bo for Hillside",
    jurisdiction: "england-wales",
    forceId: WEST_YORKSHIRE,
  });
  const candB = await login(h.app, emails["candidate-B"], PASSWORD);
  const fullB = await addTeamMember(h, candB, b.campaignId, emails["full-B"], "full");
  const logB = await addTeamMember(h, candB, b.campaignId, emails["logonly-B"], "log-only");
  const spareB1 = await addTeamMember(h, candB, b.campaignId, "spare-b1@example.org", "log-only");
  const spareB2 = await addTeamMember(h, candB, b.campaignId, "spare-b2@example.org", "log-only");

  // Staff: an administrator, a SPOC for campaign B's force (nothing is shared with them), an analyst.
  const admin = await acceptStaffInvitation(h, emails.admin, "admin");
  const spoc = await acceptStaffInvitation(h, emails.spoc, "spoc", WEST_YORKSHIRE);
  const analyst = await acceptStaffInvitation(h, emails.analyst, "analyst", "metropolitan-police");
  const spareSpoc = await acceptStaffInvitation(
    h,
    "spare-spoc@westyorkshire.example.org",
    "spoc",
    WEST_YORKSHIRE,
  );

  const callers = {
    "candidate-A": callerOf("candidate-A", a.session),
    "full-A": callerOf("full-A", fullA),
    "logonly-A": callerOf("logonly-A", logA),
    "candidate-B": callerOf("candidate-B", candB),
    "full-B": callerOf("full-B", fullB),
    "logonly-B": callerOf("logonly-B", logB),
    admin: callerOf("admin", admin),
    spoc: callerOf("spoc", spoc),
    analyst: callerOf("analyst", analyst),
    anonymous: { name: "anonymous" } as Caller,
  };
  const campaigns = { A: a.campaignId, B: b.campaignId };

  const createActor = (who: Caller, campaign: string, label: string, identifiers: unknown[]) =>
    ok(
      send(h.app, who, "POST", `/api/campaigns/${campaign}/actors`, { label, identifiers }),
      `${who.name} creates actor`,
    ).then((body) => body.id as string);
  const actors = {
    "candidate-A": await createActor(callers["candidate-A"], campaigns.A, "Man in the red van", [
      { kind: "vehicle", value: "YK21 XRT" },
    ]),
    "logonly-A": await createActor(callers["logonly-A"], campaigns.A, "@troll_99", [
      { kind: "handle", value: "@troll_99", platform: "x" },
    ]),
    "candidate-B": await createActor(callers["candidate-B"], campaigns.B, "Woman at hustings", [
      { kind: "name", value: "Pat Doe" },
    ]),
    "logonly-B": await createActor(callers["logonly-B"], campaigns.B, "07700 900123", [
      { kind: "phone", value: "07700 900123" },
    ]),
  };

  async function seedIncident(
    recordedBy: Recorder,
    campaign: "A" | "B",
    actorIds: string[],
  ): Promise<SeededIncident> {
    const who = callers[recordedBy];
    const body = sampleIncident({ summary: `Incident logged by ${recordedBy}`, actorIds });
    const incident = await ok(
      send(h.app, who, "POST", `/api/campaigns/${campaigns[campaign]}/incidents`, body),
      `${recordedBy} records`,
    );
    const text = await ok(
      send(h.app, who, "POST", `/api/incidents/${incident.id}/evidence`, {
        kind: "text",
        text: `You will regret standing (told to ${recordedBy})`,
        source: "message-copy",
      }),
      `${recordedBy} adds text evidence`,
    );
    const file = await ok(
      send(h.app, who, "POST", `/api/incidents/${incident.id}/evidence/file`, pngUpload()),
      `${recordedBy} uploads`,
    );
    const followUp = await ok(
      send(h.app, who, "POST", `/api/incidents/${incident.id}/follow-ups`, {
        kind: "note",
        text: "Told the agent",
      }),
      `${recordedBy} adds a follow-up`,
    );
    return {
      id: incident.id,
      campaign,
      recordedBy,
      body,
      textEvidenceId: text.id,
      fileEvidenceId: file.id,
      followUpId: followUp.id,
    };
  }

  // The candidate's incident names both actors, so the log-only member's actor is linked to an
  // incident that member may not read.
  const incidents = {
    "candidate-A": await seedIncident("candidate-A", "A", [actors["candidate-A"], actors["logonly-A"]]),
    "full-A": await seedIncident("full-A", "A", [actors["candidate-A"]]),
    "logonly-A": await seedIncident("logonly-A", "A", [actors["logonly-A"]]),
    "candidate-B": await seedIncident("candidate-B", "B", [actors["candidate-B"], actors["logonly-B"]]),
    "full-B": await seedIncident("full-B", "B", [actors["candidate-B"]]),
    "logonly-B": await seedIncident("logonly-B", "B", [actors["logonly-B"]]),
  };

  // Campaign B (West Yorkshire) shares its candidate's incident with the force; nothing else is shared.
  await ok(
    send(h.app, callers["candidate-B"], "POST", `/api/campaigns/${campaigns.B}/shares`, {
      incidentIds: [incidents["candidate-B"].id],
    }),
    "candidate-B shares an incident with the police",
  );

  // Unused invitations, for withdrawing.
  const invite = (who: Caller, url: string, body: unknown, what: string) =>
    ok(send(h.app, who, "POST", url, body), what).then((b) => b.id as string);
  const invitations = {
    A: await invite(
      callers["candidate-A"],
      `/api/campaigns/${campaigns.A}/invitations`,
      { email: "unused-a@example.org", permission: "full" },
      "candidate-A invites someone who never answers",
    ),
    B: await invite(
      callers["candidate-B"],
      `/api/campaigns/${campaigns.B}/invitations`,
      { email: "unused-b@example.org", permission: "log-only" },
      "candidate-B invites someone who never answers",
    ),
    staff: await invite(
      callers.admin,
      "/api/admin/staff",
      { email: "unused-analyst@example.org", role: "analyst", forceId: WEST_YORKSHIRE },
      "the administrator invites an analyst who never answers",
    ),
  };

  // Canvass sessions (the harness has no email or SMS: contacts default to the campaign's leads).
  const planCanvass = (who: Caller, campaign: string) =>
    ok(
      send(h.app, who, "POST", `/api/campaigns/${campaign}/canvass-sessions`, {
        area: `Streets canvassed by ${who.name}`,
        people: [{ userId: who.userId }],
        endsAt: new Date(h.clock.now().getTime() + 4 * 3_600_000).toISOString(),
        checkInEveryMinutes: 30,
      }),
      `${who.name} plans a canvass session`,
    ).then((body) => body.id as string);
  const canvass = {
    "candidate-A": await planCanvass(callers["candidate-A"], campaigns.A),
    "logonly-A": await planCanvass(callers["logonly-A"], campaigns.A),
    "candidate-B": await planCanvass(callers["candidate-B"], campaigns.B),
  };

  return {
    h,
    canvass,
    callers,
    campaigns,
    incidents,
    actors,
    spares: {
      permissionA: spareA1.userId,
      removeA: spareA2.userId,
      permissionB: spareB1.userId,
      removeB: spareB2.userId,
      spoc: spareSpoc.userId,
      spocCaller: callerOf("spare-spoc", spareSpoc),
      invitationA: invitations.A,
      invitationB: invitations.B,
      staffInvitation: invitations.staff,
    },
    emails,
  };
}
