// The shapes the pattern engine works on. Pure data: no text of an incident reaches this module,
// only what triage has already derived from it (level, categories, themes, markers).
import type { Category, Characteristic, Level } from "../analysis/types.ts";
import type { Channel, TargetedGroup } from "../incident/model.ts";

/** Text markers of threat-assessment warning behaviours, found by ./markers.ts in an incident's words. */
export const WARNING_MARKERS = [
  "pathway", // research or preparation aimed at the target: asks for home address, schedule, car, children's school
  "identification", // links self with past attackers (Jo Cox, David Amess), warrior or soldier talk, weapons kit
  "last-resort", // "nothing left to lose", "you've left me no choice", deadlines
  "leakage", // tells others of intent to harm the target ("someone should…", "I'm going to get her")
] as const;
export type WarningMarker = (typeof WARNING_MARKERS)[number];

/** Facts from the quick questions that the pattern rules use ("yes" only; "no" and "unsure" are false). */
export interface PatternFacts {
  cameToHome: boolean;
  propertyDamaged: boolean;
  someoneHurt: boolean;
  frightened: boolean;
  weapon: boolean;
  revealedPrivateDetails: boolean;
  contactedBefore: boolean;
}

/** One incident as the pattern engine sees it. */
export interface PatternIncident {
  id: string;
  /** When it happened, epoch milliseconds. Ties are broken by recordedAt, then id. */
  occurredAt: number;
  recordedAt: number;
  channel: Channel;
  /** The actors the incident names (ids of actor records of the same campaign). */
  actorIds: readonly string[];
  targeted: readonly TargetedGroup[];
  /** The incident's own level, from its words and quick answers, before any pattern. */
  level: Level;
  categories: readonly Category[];
  characteristics: readonly Characteristic[];
  facts: PatternFacts;
  /** Content words of the incident's texts (see ./themes.ts), for fixation on one theme. */
  themes: readonly string[];
  markers: readonly WarningMarker[];
}

/** An actor record, reduced to the keys that link it to others. No raw identifier is needed. */
export interface PatternActor {
  id: string;
  /** `${kind}:${keyed hash of the normalised value}` for handle, profile-url, email, phone, vehicle, other. */
  identifierKeys: readonly string[];
  /** Keyed hashes of normalised names: a name alone does not link two actors, name plus description does. */
  nameKeys: readonly string[];
  /** Lower-case content words of the description (appearance, clothing, vehicle). */
  descriptionWords: readonly string[];
}

/** A person's decision about two actor records: the same person (merge) or not (split). */
export interface ActorLinkDecision {
  a: string;
  b: string;
  decision: "same" | "different";
}

/** Actor id → the key of the person it belongs to (the smallest actor id in its group). */
export type PersonMap = ReadonlyMap<string, string>;

export const FINDING_KINDS = [
  "course-of-conduct", // one person, two or more incidents: harassment route
  "fear-of-violence-repeated", // threats or fear of violence on two or more occasions
  "several-targets", // one person targets the candidate and family, staff or volunteers
  "stalking", // fixated, obsessive, unwanted, repeated (FOUR) with stalking behaviour
  "energy-burst", // incidents in the last 7 days far above the rate of the 28 days before
  "rising-severity", // each incident more serious than the last
  "online-to-in-person", // from messages to turning up in person
  "approach-home", // a known person comes to the home, family or workplace: red flag
  "fixation", // one theme or grievance repeated
  "warning-behaviour", // a threat-assessment warning behaviour (see warningBehaviour)
] as const;
export type FindingKind = (typeof FINDING_KINDS)[number];

export const WARNING_BEHAVIOURS = [
  "pathway",
  "fixation",
  "identification",
  "novel-aggression",
  "energy-burst",
  "leakage",
  "last-resort",
  "directly-communicated-threat",
] as const;
export type WarningBehaviour = (typeof WARNING_BEHAVIOURS)[number];

export interface Finding {
  kind: FindingKind;
  warningBehaviour?: WarningBehaviour;
  /** The level this finding on its own leads to. */
  level: Level;
  /** The person (see PersonMap) it is about, or null for the campaign as a whole. */
  person: string | null;
  actorIds: readonly string[];
  /** Every incident that makes the finding, oldest first. The last one is where it was found. */
  incidentIds: readonly string[];
  /** Plain English, calm, for the person reading the verdict: what was seen and why it matters. */
  explanation: string;
  /** The guidance line or research the rule implements. */
  source: string;
  /** For fixation: the repeated theme. */
  theme?: string;
}
