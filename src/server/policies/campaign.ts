import { allow } from "./registry.ts";
import { memberOf, ownsCampaign, seesWholeCampaign } from "./principal.ts";

allow("read", "campaign", (user, campaign) => memberOf(user, campaign.id));
allow("record-incident", "campaign", (user, campaign) => memberOf(user, campaign.id));
// Listing is allowed to every member; what a "log only" member gets is narrowed by incidentListScope.
allow("list-incidents", "campaign", (user, campaign) => memberOf(user, campaign.id));
allow("create-actor", "campaign", (user, campaign) => memberOf(user, campaign.id));
allow("list-actors", "campaign", (user, campaign) => memberOf(user, campaign.id));
allow("manage-team", "campaign", (user, campaign) => ownsCampaign(user, campaign.id));
// Full members see who else is on the team (names and emails); "log only" volunteers do not.
allow("read-team", "campaign", (user, campaign) => seesWholeCampaign(user, campaign.id));
// Checking a message stores nothing: anyone in the team may.
allow("preview-triage", "campaign", (user, campaign) => memberOf(user, campaign.id));
// Notices name incidents; each member only sees those about incidents they can read.
allow("read-notices", "campaign", (user, campaign) => memberOf(user, campaign.id));
// Everyone out canvassing needs the police contact's number; the candidate and full members keep it up to date.
allow("read-police-contact", "campaign", (user, campaign) => memberOf(user, campaign.id));
allow("manage-police-contact", "campaign", (user, campaign) => seesWholeCampaign(user, campaign.id));
// The private-details register is the candidate's own: full members may read it, only the candidate changes it.
allow("read-private-details", "campaign", (user, campaign) => seesWholeCampaign(user, campaign.id));
allow("manage-private-details", "campaign", (user, campaign) => ownsCampaign(user, campaign.id));
// Patterns draw on every incident of the campaign, so they are for those who see the whole campaign.
allow("read-patterns", "campaign", (user, campaign) => seesWholeCampaign(user, campaign.id));
allow("link-actors", "campaign", (user, campaign) => seesWholeCampaign(user, campaign.id));
// The online health check is advice for the whole team; progress is kept by those who see everything.
allow("read-health-check", "campaign", (user, campaign) => memberOf(user, campaign.id));
allow("update-health-check", "campaign", (user, campaign) => seesWholeCampaign(user, campaign.id));

export { seesWholeCampaign };
