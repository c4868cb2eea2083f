// Importing this module declares every policy.
import "./campaign.ts";
import "./incident.ts";
import "./actor.ts";
import "./staff.ts";
import "./canvass.ts";
import "./police.ts";

export { can, declaredRules } from "./registry.ts";
export type { PolicyActions, PolicyTargets, Resource } from "./registry.ts";
export { incidentListScope } from "./incident.ts";
export { actorListScope } from "./actor.ts";
export { canvassListScope } from "./canvass.ts";
export type { Principal } from "./principal.ts";
