// The one place where access is declared. Each resource's file calls allow(); routes only ask can().
// Anything not allowed by a rule is refused.
import type { Principal } from "./principal.ts";

export interface PolicyTargets {
  campaign: { id: string };
  incident: { campaignId: string; recordedBy: string };
  actor: { campaignId: string; createdBy: string };
  staff: { role: string };
  "canvass-session": { campaignId: string; createdBy: string; memberIds: readonly string[] };
  /** A police force, for its SPOC's queue and briefings. */
  force: { id: string };
  /** An incident as shared with police: the forces it is (or was) shared with. */
  "shared-incident": { incidentId: string; forceIds: readonly string[] };
  /** Deployment-wide aggregates for the national analyst: no record of any campaign. */
  national: Record<string, never>;
}

export interface PolicyActions {
  campaign:
    | "read"
    | "record-incident"
    | "list-incidents"
    | "create-actor"
    | "list-actors"
    | "manage-team"
    | "read-team"
    | "preview-triage"
    | "read-notices"
    | "read-police-contact"
    | "manage-police-contact"
    | "read-private-details"
    | "manage-private-details"
    | "read-patterns"
    | "link-actors"
    | "read-health-check"
    | "update-health-check"
    | "plan-canvass"
    | "list-canvass"
    | "share-with-police"
    | "read-shares"
    | "export-evidence";
  incident: "read" | "amend" | "add-evidence" | "add-follow-up" | "see-reads";
  actor: "read" | "amend";
  staff: "create" | "list" | "suspend";
  "canvass-session": "read" | "act" | "acknowledge";
  force: "read-queue" | "record-briefing";
  "shared-incident": "read" | "add-police-update" | "export-evidence";
  national: "read-stats" | "read-repeat-actors";
}

export type Resource = keyof PolicyTargets;
type Rule<R extends Resource> = (user: Principal, target: PolicyTargets[R]) => boolean;

const rules = new Map<string, Rule<Resource>[]>();

export function allow<R extends Resource>(action: PolicyActions[R], resource: R, rule: Rule<R>): void {
  const key = `${resource}:${action}`;
  rules.set(key, [...(rules.get(key) ?? []), rule as Rule<Resource>]);
}

export function can<R extends Resource>(
  user: Principal | undefined,
  action: PolicyActions[R],
  resource: R,
  target: PolicyTargets[R],
): boolean {
  if (!user) return false;
  return (rules.get(`${resource}:${action}`) ?? []).some((rule) => rule(user, target));
}

/** Every declared (resource, action) pair, for the authorization matrix test. */
export function declaredRules(): string[] {
  return [...rules.keys()].sort();
}
