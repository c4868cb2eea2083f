// Shapes of the incident, evidence and pattern responses these pages read (see the routes in
// src/server/routes/incidents.ts, evidence.ts, actors.ts and triage.ts, and /docs).
import type {
  ActorBody,
  EVIDENCE_SOURCES,
  FollowUpBody,
  IncidentBody,
  IncidentBodyInput,
} from "../../../../src/core/incident/model.ts";
import type { Finding } from "../../../../src/core/patterns/types.ts";
import type { IncidentListItem, Person, PresentedVerdict, VerdictLevel } from "../../types.ts";

export type { ActorBody, Finding, IncidentBody, IncidentBodyInput, IncidentListItem, Person };

export type EvidenceSource = (typeof EVIDENCE_SOURCES)[number];
export type FollowUpRoute = NonNullable<FollowUpBody["contactRoute"]>;
export type VerdictCause = "recorded" | "amended" | "evidence" | "patterns" | "rules-updated";

export interface IncidentPage {
  incidents: IncidentListItem[];
  /** Cursor for the next (older) page, or null at the end. */
  next: string | null;
}

export interface Revision {
  revision: number;
  editedBy: Person;
  editedAt: string;
  reason: string | null;
  body: IncidentBody;
}

export interface Evidence {
  id: string;
  kind: "text" | "url" | "file";
  sha256: string;
  size: number;
  mediaType: string;
  source: EvidenceSource | string;
  capturedAt: string;
  addedAt: string;
  addedBy: Person;
  filename: string | null;
  text: string | null;
  url: string | null;
  note: string | null;
}

export type FollowUp = FollowUpBody & { id: string; createdBy: Person; createdAt: string };

export interface IncidentDetail {
  id: string;
  campaignId: string;
  recordedBy: Person;
  recordedAt: string;
  recordedAtLondon: string;
  occurredAtLondon: string;
  revision: number;
  verdictLevel: VerdictLevel | null;
  verdict: PresentedVerdict;
  body: IncidentBody;
  /** Newest first. */
  revisions: Revision[];
  evidence: Evidence[];
  followUps: FollowUp[];
}

export interface ReadEntry {
  user: Person & { role: string };
  readAt: string;
  what: "incident" | "evidence";
  evidenceId: string | null;
}

export interface VerdictHistoryEntry {
  id: string;
  revision: number;
  rulesetVersion: string;
  level: VerdictLevel;
  cause: VerdictCause;
  computedAt: string;
}

export interface Actor {
  id: string;
  createdAt: string;
  createdBy: string;
  revision: number;
  body: ActorBody;
}

export interface PersonPattern {
  /** The person key: the smallest actor id of the group. */
  person: string;
  actorIds: string[];
  incidentIds: string[];
  findings: Finding[];
}

export interface SuggestedLink {
  a: string;
  b: string;
  reason: string;
}

export interface Patterns {
  people: PersonPattern[];
  campaignFindings: Finding[];
  suggestedLinks: SuggestedLink[];
}
