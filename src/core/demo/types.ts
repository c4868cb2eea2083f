// Shapes produced by the demo campaign generator. The loader (not here) turns these into real
// accounts, actors, incidents, evidence and follow-ups through the normal services.
import type { ActorBodyInput, FollowUpBody, IncidentBodyInput } from "../incident/model.ts";

export interface DemoPerson {
  key: string;
  email: string;
  displayName: string;
  password: string;
}

export interface DemoMember extends DemoPerson {
  permission: "full" | "log-only";
}

export type DemoEvidence =
  | { kind: "text"; text: string; source: "message-copy" | "email-export" | "other"; capturedAt: string }
  | { kind: "url"; url: string; source: "other"; capturedAt: string }
  | {
      kind: "file";
      filename: string;
      mediaType: string;
      bytes: Uint8Array;
      source: "screenshot" | "photo" | "recording" | "letter-scan";
      capturedAt: string;
    };

export type DemoIncidentBody = Omit<IncidentBodyInput, "actorIds"> & { actorKeys: string[] };

export interface DemoIncident {
  /** Key of the candidate or a member. */
  recordedBy: string;
  /** ISO; >= occurredAt and <= now. */
  recordedAt: string;
  body: DemoIncidentBody;
  evidence: DemoEvidence[];
  followUps: FollowUpBody[];
  /** A later correction, to be applied as a new revision. */
  amendment?: { reason: string; changes: Partial<Omit<IncidentBodyInput, "actorIds">> };
}

export interface DemoCampaign {
  candidate: DemoPerson;
  members: [DemoMember, DemoMember];
  campaign: { name: string; jurisdiction: "england-wales"; forceId: string };
  actors: Array<{ key: string; body: ActorBodyInput }>;
  /** Sorted by body.occurredAt. */
  incidents: DemoIncident[];
}
