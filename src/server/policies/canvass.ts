import { allow } from "./registry.ts";
import { memberOf, seesWholeCampaign, type Principal } from "./principal.ts";

/** The people out (team members among them) and whoever planned the session. */
const outOnIt = (user: Principal, s: { createdBy: string; memberIds: readonly string[] }) =>
  s.createdBy === user.id || s.memberIds.includes(user.id);

// Volunteers canvass too: every member may plan a session for themselves and others.
allow("plan-canvass", "campaign", (user, campaign) => memberOf(user, campaign.id));
allow("list-canvass", "campaign", (user, campaign) => memberOf(user, campaign.id));

// The candidate and full members see every session (they are the agent or campaign lead who is told);
// anyone else sees the sessions they are out on.
allow("read", "canvass-session", (user, s) => seesWholeCampaign(user, s.campaignId));
allow("read", "canvass-session", (user, s) => memberOf(user, s.campaignId) && outOnIt(user, s));
// Checking in, extending, ending and the panic buttons are for those out, and for the leads.
allow("act", "canvass-session", (user, s) => seesWholeCampaign(user, s.campaignId));
allow("act", "canvass-session", (user, s) => memberOf(user, s.campaignId) && outOnIt(user, s));
// Those who see the session may say they are dealing with its alert; contacts without an account, or
// who may not see the session, use the link in the alert instead.
allow("acknowledge", "canvass-session", (user, s) => seesWholeCampaign(user, s.campaignId));
allow("acknowledge", "canvass-session", (user, s) => memberOf(user, s.campaignId) && outOnIt(user, s));

export function canvassListScope(user: Principal, campaignId: string): "all" | "own" | "none" {
  if (seesWholeCampaign(user, campaignId)) return "all";
  if (memberOf(user, campaignId)) return "own";
  return "none";
}
