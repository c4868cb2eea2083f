import { allow } from "./registry.ts";
import { memberOf, seesWholeCampaign, type Principal } from "./principal.ts";

const createdIt = (user: Principal, actor: { createdBy: string }) => actor.createdBy === user.id;

allow("read", "actor", (user, a) => seesWholeCampaign(user, a.campaignId));
allow("read", "actor", (user, a) => memberOf(user, a.campaignId) && createdIt(user, a));
allow("amend", "actor", (user, a) => seesWholeCampaign(user, a.campaignId));
allow("amend", "actor", (user, a) => memberOf(user, a.campaignId) && createdIt(user, a));

export function actorListScope(user: Principal, campaignId: string): "all" | "own" | "none" {
  if (seesWholeCampaign(user, campaignId)) return "all";
  if (memberOf(user, campaignId)) return "own";
  return "none";
}
