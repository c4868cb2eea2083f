import { allow } from "./registry.ts";
import { memberOf, ownsCampaign, seesWholeCampaign, type Principal } from "./principal.ts";

const recordedIt = (user: Principal, incident: { recordedBy: string }) => incident.recordedBy === user.id;

// The candidate and full-view members see everything in the campaign; a "log only" member sees
// only what they logged. Police see nothing until a candidate shares it (a later capability).
allow("read", "incident", (user, i) => seesWholeCampaign(user, i.campaignId));
allow("read", "incident", (user, i) => memberOf(user, i.campaignId) && recordedIt(user, i));
allow("amend", "incident", (user, i) => seesWholeCampaign(user, i.campaignId));
allow("amend", "incident", (user, i) => memberOf(user, i.campaignId) && recordedIt(user, i));
allow("add-evidence", "incident", (user, i) => seesWholeCampaign(user, i.campaignId));
allow("add-evidence", "incident", (user, i) => memberOf(user, i.campaignId) && recordedIt(user, i));
allow("add-follow-up", "incident", (user, i) => seesWholeCampaign(user, i.campaignId));
allow("add-follow-up", "incident", (user, i) => memberOf(user, i.campaignId) && recordedIt(user, i));
// Who read what is the candidate's to see.
allow("see-reads", "incident", (user, i) => ownsCampaign(user, i.campaignId));

/** Which incidents of a campaign a member's list shows: the same rule as "read", as a query filter. */
export function incidentListScope(user: Principal, campaignId: string): "all" | "own" | "none" {
  if (seesWholeCampaign(user, campaignId)) return "all";
  if (memberOf(user, campaignId)) return "own";
  return "none";
}
