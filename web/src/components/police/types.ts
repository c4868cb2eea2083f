// Shapes of the sharing, police, analyst and administrator responses these screens read (see
// src/server/routes/police.ts, admin.ts and the commands behind them, and /docs).
import type { Channel, PresentedVerdict, Role, VerdictLevel } from "../../types.ts";
import type { Evidence, IncidentBody } from "../incidents/types.ts";
import type { ActorIdentifier } from "../../../../src/core/incident/model.ts";

/** A shared incident as the candidate's team lists it: what it was, and where it has got to with the police. */
export interface SharedIncidentSummary {
  id: string;
  summary: string;
  channel: Channel;
  occurredAt: string;
  level: VerdictLevel | null;
  status: PoliceStatusWord | string;
  crimeReference: string | null;
  acknowledgedBy: { name: string; force: string; at: string } | null;
  outcome: { text: string; by: string; at: string } | null;
}

/** One thing the campaign shared with its force: an incident, or a person with all their incidents. */
export interface Share {
  id: string;
  forceId: string;
  forceName: string;
  incidentId: string | null;
  actorId: string | null;
  /** For a person: every actor record shared as them (the records the team linked as the same person). */
  actorIds: string[];
  /** The name of who shared it. */
  sharedBy: string;
  sharedAt: string;
  stoppedAt: string | null;
  /** The incidents it covers (for a person, those recorded before it was stopped), newest first. */
  incidents: SharedIncidentSummary[];
}

export interface ShareResult {
  shared: number;
  alreadyShared: number;
  forceId: string;
  /** For a person: every actor record shared as them. */
  actorIds?: string[];
}

export const POLICE_UPDATE_KINDS = ["acknowledged", "crime-reference", "action", "outcome", "note"] as const;
export type PoliceUpdateKind = (typeof POLICE_UPDATE_KINDS)[number];

export interface PoliceUpdate {
  id: string;
  incidentId: string;
  forceId: string;
  forceName: string;
  /** The officer's name as their account has it. */
  by: string;
  at: string;
  kind: PoliceUpdateKind;
  text: string;
  crimeReference?: string;
  officer?: string;
}

export type PoliceStatusWord = "received" | "acknowledged" | "outcome recorded";

export interface PoliceStatus {
  status: PoliceStatusWord | string;
  acknowledgedBy: { name: string; force: string; at: string } | null;
  crimeReference: string | null;
  actions: { text: string; by: string; at: string }[];
  outcome: { text: string; by: string; at: string } | null;
  /** Oldest first. */
  updates: PoliceUpdate[];
}

/** GET /api/incidents/:id/police: where the incident is shared, and what the police did. */
export interface IncidentPolice extends PoliceStatus {
  sharedWith: { forceId: string; forceName: string; sharedAt: string; updatesStoppedAt: string | null }[];
}

export interface QueueItem {
  id: string;
  campaign: string;
  summary: string;
  channel: Channel;
  occurredAt: string;
  level: VerdictLevel | null;
  sharedAt: string;
  updatesStoppedAt: string | null;
  status: PoliceStatusWord | string;
  crimeReference: string | null;
}

export interface Queue {
  forceId: string;
  incidents: QueueItem[];
}

/** GET /api/police/incidents/:id: the incident as it was shared with the SPOC's force. */
export interface SharedIncident {
  id: string;
  campaign: string;
  occurredAt: string;
  recordedAt: string;
  channel: Channel;
  sharedAt: string;
  updatesStoppedAt: string | null;
  body: IncidentBody;
  /** Newest first, up to when sharing stopped. */
  revisions: { revision: number; editedAt: string; body: IncidentBody }[];
  evidence: Evidence[];
  verdict: PresentedVerdict | null;
  police: PoliceStatus;
  /** The people behind it that the candidate shared with the force, as each stood when sharing stopped. */
  actors: SharedActor[];
}

export interface SharedActor {
  id: string;
  label: string;
  description: string | null;
  identifiers: ActorIdentifier[];
  sharedAt: string;
  updatesStoppedAt: string | null;
}

export interface Briefing {
  id: string;
  kind: "offered" | "delivered";
  happenedAt: string;
  notes: string | null;
  recordedBy: string;
  recordedAt: string;
}

/** GET /api/campaigns/:id/briefings: a security briefing as the candidate's team sees it. */
export interface CampaignBriefing extends Briefing {
  campaignId: string;
  forceId: string;
  forceName: string;
}

export interface Briefings {
  forceId: string;
  candidates: { campaignId: string; campaign: string; briefings: Briefing[] }[];
}

export interface RepeatActorForce {
  forceId: string;
  forceName: string;
  firstSharedAt: string;
  lastSharedAt: string;
  incidents: number;
}

export interface RepeatActor {
  /** An opaque key, the same across visits: never the identifier itself. */
  key: string;
  kind: string;
  forces: RepeatActorForce[];
}

export interface SpocRepeatActors {
  forceId: string;
  repeatActors: (Omit<RepeatActor, "forces"> & {
    forces: (RepeatActorForce & { spocs: { name: string; email: string }[] })[];
  })[];
}

export type StaffRole = Extract<Role, "spoc" | "analyst" | "admin">;

export interface StaffAccount {
  id: string;
  email: string;
  displayName: string;
  role: StaffRole | string;
  forceId: string | null;
  totpEnabled: boolean;
  suspended: boolean;
}

export interface CreatedInvitation {
  id: string;
  link: string;
  expiresAt: string;
}

/** An invitation not yet used (GET /api/admin/invitations, GET /api/campaigns/:id/invitations). */
export interface PendingInvitation {
  id: string;
  email: string;
  /** "candidate", "spoc", "analyst" or "admin" for the administrator's; "team-member" for a team's. */
  role: Role | string;
  /** For a team member: "full" or "log-only". */
  permission: string | null;
  forceId: string | null;
  forceName: string | null;
  /** Who made it (null if their account is gone). */
  invitedBy: string | null;
  createdAt: string;
  expiresAt: string;
}
