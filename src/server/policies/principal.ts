// Who is asking: the signed-in user with their role, force and campaign memberships.
import type { Permission, Role } from "../../store/schema.ts";

export interface Principal {
  id: string;
  role: Role;
  forceId: string | null;
  /** Campaign id → permission, for active (not revoked) memberships only. */
  memberships: ReadonlyMap<string, Permission>;
}

export const permissionIn = (user: Principal, campaignId: string): Permission | undefined =>
  user.memberships.get(campaignId);

export const memberOf = (user: Principal, campaignId: string): boolean => user.memberships.has(campaignId);

/** Owner (the candidate) or a team member with full view. */
export const seesWholeCampaign = (user: Principal, campaignId: string): boolean => {
  const permission = permissionIn(user, campaignId);
  return permission === "owner" || permission === "full";
};

export const ownsCampaign = (user: Principal, campaignId: string): boolean =>
  permissionIn(user, campaignId) === "owner";
