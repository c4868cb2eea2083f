// Shapes of the API's responses that the app reads (see /docs for the full OpenAPI description).
import type { Channel, Platform, TargetedGroup, VerdictLevel } from "../../src/core/incident/model.ts";
import type { OffenceMatch, Verdict, VerdictReason } from "../../src/core/triage/verdict.ts";

export type { Channel, Platform, TargetedGroup, VerdictLevel };
export type Permission = "owner" | "full" | "log-only";
/** An account's role, as the server has it (src/store/schema.ts `ROLES`). */
export type Role = "candidate" | "team-member" | "spoc" | "analyst" | "admin";

export interface User {
  id: string;
  email: string;
  displayName: string;
  role: Role;
  forceId: string | null;
  totpEnabled: boolean;
  suspended: boolean;
}

export interface CampaignSummary {
  id: string;
  name: string;
  permission: Permission;
}

export interface SessionInfo {
  user: User;
  csrfToken: string;
  campaigns: CampaignSummary[];
}

export interface Campaign extends CampaignSummary {
  jurisdiction: "england-wales" | "scotland" | "northern-ireland";
  forceId: string | null;
  createdBy: string;
  createdAt: string;
}

export interface Person {
  id: string;
  displayName: string;
}

/** A verdict as the API shows it (the server strips the internal assessment). */
export type PresentedVerdict = Omit<Verdict, "assessment">;
export type { VerdictReason, OffenceMatch };
export type { Finding } from "../../src/core/patterns/types.ts";
export type { Contact } from "../../src/core/triage/contacts.ts";

export interface IncidentListItem {
  id: string;
  summary: string;
  occurredAt: string;
  occurredAtLondon: string;
  channel: Channel;
  platform?: Platform | null;
  targeted: TargetedGroup[];
  actorIds: string[];
  verdictLevel: VerdictLevel | null;
  revision: number;
  recordedAt: string;
  recordedBy: Person;
}
