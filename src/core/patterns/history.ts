// What the rules need to know about one person's earlier incidents, kept as running totals so that
// findingsAt (which folds a filtered list) and recomputePatterns (one pass over all incidents) share it.
import { LEVEL_RANK } from "../analysis/types.ts";
import { IN_PERSON_CHANNELS, REMOTE_CHANNELS, type Channel, type TargetedGroup } from "../incident/model.ts";
import type { PatternFacts, PatternIncident, PersonMap } from "./types.ts";

export const DAY_MS = 86_400_000;

export interface PatternOptions {
  /** Energy burst: the window up to the incident, in days. */
  windowDays?: number;
  /** Energy burst: the days before the window whose rate the window is compared with. */
  baselineDays?: number;
  /** Stalking: three incidents within this many days count as a stalking behaviour. */
  stalkingDays?: number;
}
export const DEFAULT_PATTERN_OPTIONS: Required<PatternOptions> = {
  windowDays: 7,
  baselineDays: 28,
  stalkingDays: 14,
};

export const resolveOptions = (options: PatternOptions = {}): Required<PatternOptions> => ({
  ...DEFAULT_PATTERN_OPTIONS,
  ...Object.fromEntries(Object.entries(options).filter(([, v]) => v !== undefined)),
});

/** Time order: occurredAt, then recordedAt, then id. */
export function compareIncidents(a: PatternIncident, b: PatternIncident): number {
  return (
    a.occurredAt - b.occurredAt || a.recordedAt - b.recordedAt || (a.id < b.id ? -1 : a.id > b.id ? 1 : 0)
  );
}
export const isBefore = (a: PatternIncident, b: PatternIncident): boolean => compareIncidents(a, b) < 0;

export const NO_FACTS: PatternFacts = {
  cameToHome: false,
  propertyDamaged: false,
  someoneHurt: false,
  frightened: false,
  weapon: false,
  revealedPrivateDetails: false,
  contactedBefore: false,
};

/** Someone who came to the home was there in person, whatever channel the record names (a letter pushed through the door). */
export const isInPerson = (i: PatternIncident) => IN_PERSON_CHANNELS.has(i.channel) || i.facts.cameToHome;
export const isRemote = (i: PatternIncident) => REMOTE_CHANNELS.has(i.channel) && !i.facts.cameToHome;

const VIOLENCE_CATEGORIES = new Set(["threat", "imminent", "weapon", "violence-wish", "sexual"]);
/** A threat of violence, or fear of it (PHA 1997 s4 needs this on two occasions). */
export const isViolent = (i: PatternIncident): boolean =>
  i.categories.some((c) => VIOLENCE_CATEGORIES.has(c)) ||
  i.facts.weapon ||
  i.facts.someoneHurt ||
  (i.facts.frightened && i.categories.includes("abuse"));

export const isFixatedOrPlanning = (i: PatternIncident): boolean =>
  i.categories.includes("fixation") || i.categories.includes("plan");

export const rankOf = (i: PatternIncident): number => LEVEL_RANK[i.level];
export const POLICE_RANK = LEVEL_RANK["report-to-police"];

/** The people an incident names: its actors mapped through `people` (an unmapped actor is its own person), sorted. */
export function personsOf(incident: PatternIncident, people: PersonMap): string[] {
  if (incident.actorIds.length === 1) return [people.get(incident.actorIds[0]!) ?? incident.actorIds[0]!];
  return [...new Set(incident.actorIds.map((a) => people.get(a) ?? a))].sort();
}

/** One person's incidents before the one being judged, in time order, with running totals. */
export interface PersonHistory {
  person: string;
  incidents: PatternIncident[];
  ids: string[];
  times: number[];
  actorIds: Set<string>;
  /** actorIds sorted; replaced, never changed, when an actor is added, so findings can share it. */
  sortedActorIds: readonly string[];
  channels: Set<Channel>;
  groups: Set<TargetedGroup>;
  violent: PatternIncident[];
  fixatedOrPlanning: PatternIncident[];
  /** Theme → the incidents that mention it. */
  byTheme: Map<string, PatternIncident[]>;
  allRemote: boolean;
  anyAtPoliceLevel: boolean;
  maxRank: number;
  cameToHome: boolean;
  /** Some stalkingDays window held three or more of the person's incidents. */
  threeWithinStalkingDays: boolean;
}

export function emptyHistory(person: string): PersonHistory {
  return {
    person,
    incidents: [],
    ids: [],
    times: [],
    actorIds: new Set(),
    sortedActorIds: [],
    channels: new Set(),
    groups: new Set(),
    violent: [],
    fixatedOrPlanning: [],
    byTheme: new Map(),
    allRemote: true,
    anyAtPoliceLevel: false,
    maxRank: -1,
    cameToHome: false,
    threeWithinStalkingDays: false,
  };
}

/** Index of the first time greater than `t` in ascending `times`. */
export function firstAfter(times: readonly number[], t: number, end = times.length): number {
  let lo = 0;
  let hi = end;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (times[mid]! > t) hi = mid;
    else lo = mid + 1;
  }
  return lo;
}

/** How many of the history's incidents fall after `t`, plus the incident itself. */
export const countSince = (h: PersonHistory, t: number): number =>
  h.times.length - firstAfter(h.times, t) + 1;

/** Adds an incident, which must come after every incident already in the history. */
export function addToHistory(
  h: PersonHistory,
  incident: PatternIncident,
  people: PersonMap,
  options: Required<PatternOptions>,
): void {
  if (!h.threeWithinStalkingDays && countSince(h, incident.occurredAt - options.stalkingDays * DAY_MS) >= 3)
    h.threeWithinStalkingDays = true;
  h.incidents.push(incident);
  h.ids.push(incident.id);
  h.times.push(incident.occurredAt);
  for (const a of incident.actorIds) {
    if (!h.actorIds.has(a) && (people.get(a) ?? a) === h.person) {
      h.actorIds.add(a);
      h.sortedActorIds = [...h.actorIds].sort();
    }
  }
  h.channels.add(incident.channel);
  for (const g of incident.targeted) h.groups.add(g);
  if (isViolent(incident)) h.violent.push(incident);
  if (isFixatedOrPlanning(incident)) h.fixatedOrPlanning.push(incident);
  const themes = incident.themes;
  for (let i = 0; i < themes.length; i++) {
    const theme = themes[i]!;
    if (themes.indexOf(theme) !== i) continue;
    const list = h.byTheme.get(theme);
    if (list) list.push(incident);
    else h.byTheme.set(theme, [incident]);
  }
  if (!isRemote(incident)) h.allRemote = false;
  if (rankOf(incident) >= POLICE_RANK) h.anyAtPoliceLevel = true;
  h.maxRank = Math.max(h.maxRank, rankOf(incident));
  if (incident.facts.cameToHome) h.cameToHome = true;
}
