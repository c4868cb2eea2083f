import { allow } from "./registry.ts";
import { ownsCampaign, seesWholeCampaign, type Principal } from "./principal.ts";

const spocOf = (user: Principal, forceId: string) => user.role === "spoc" && user.forceId === forceId;

// Sharing with the police is the candidate's decision; the team sees what was shared and the police's answers.
allow("share-with-police", "campaign", (user, campaign) => ownsCampaign(user, campaign.id));
allow("read-shares", "campaign", (user, campaign) => seesWholeCampaign(user, campaign.id));
// An evidence pack holds the whole record of what it covers: for those who see the whole campaign.
allow("export-evidence", "campaign", (user, campaign) => seesWholeCampaign(user, campaign.id));

// A force's SPOC works its own queue and records its own briefings; nothing of other forces.
allow("read-queue", "force", (user, force) => spocOf(user, force.id));
allow("record-briefing", "force", (user, force) => spocOf(user, force.id));
// An incident is the police's to see only once shared with their force (and only as shared).
allow(
  "read",
  "shared-incident",
  (user, s) => user.role === "spoc" && s.forceIds.includes(user.forceId ?? ""),
);
allow(
  "add-police-update",
  "shared-incident",
  (user, s) => user.role === "spoc" && s.forceIds.includes(user.forceId ?? ""),
);

// A pack of a shared incident holds what the force was given, signed: for the force's SPOC.
allow(
  "export-evidence",
  "shared-incident",
  (user, s) => user.role === "spoc" && s.forceIds.includes(user.forceId ?? ""),
);

// The national analyst sees aggregates and keyed hashes only, never a record.
allow("read-stats", "national", (user) => user.role === "analyst");
allow("read-repeat-actors", "national", (user) => user.role === "analyst");
