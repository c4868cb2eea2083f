import { allow } from "./registry.ts";
import { memberOf, ownsCampaign, seesWholeCampaign } from "./principal.ts";

allow("read", "campaign", (user, campaign) => memberOf(user, campaign.id));
allow("record-incident", "campaign", (user, campaign) => memberOf(user, campaign.id));
// Listing is allowed to every member; what a "log only" member gets is narrowed by incidentListScope.
allow("list-incidents", "campaign", (user, campaign) => memberOf(user, campaign.id));
allow("create-actor", "campaign", (user, campaign) => memberOf(user, campaign.id));
allow("list-actors", "campaign", (user, campaign) => memberOf(user, campaign.id));
allow("manage-team", "campaign", (user, campaign) => ownsCampaign(user, campaign.id));

export { seesWholeCampaign };
