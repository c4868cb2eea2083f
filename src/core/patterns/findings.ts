// The findings an incident makes or takes part in, judged only from the incidents before it. The level
// of each is what the pattern on its own leads to; the incident's verdict is the most serious of its
// own level and these (levelWithFindings).
import { LEVEL_RANK, type Level } from "../analysis/types.ts";
import {
  addToHistory,
  compareIncidents,
  DAY_MS,
  emptyHistory,
  isBefore,
  personsOf,
  POLICE_RANK,
  rankOf,
  resolveOptions,
  type PatternOptions,
  type PersonHistory,
} from "./history.ts";
import { MARKER_RULES, MELOY, PERSON_RULES, type Moment, type Rule, type Seen } from "./rules.ts";
import type { Finding, PatternIncident, PersonMap } from "./types.ts";
import { before, capitalise, count, plural } from "./wording.ts";

/** Came before the incident in time order, and is not (another version of) the incident itself. */
const precedes = (e: PatternIncident, incident: PatternIncident) =>
  e.id !== incident.id && isBefore(e, incident);

/** The person's actors over all their incidents: shares the history's sorted list when this incident adds none. */
function allActorsOf(
  incident: PatternIncident,
  history: PersonHistory,
  people: PersonMap,
): readonly string[] {
  const mine = incident.actorIds.filter((a) => (people.get(a) ?? a) === history.person);
  if (mine.every((a) => history.actorIds.has(a))) return history.sortedActorIds;
  return [...new Set([...history.sortedActorIds, ...mine])].sort();
}

const actorsOf = (incidents: readonly PatternIncident[], person: string, people: PersonMap): string[] => {
  const ids = new Set<string>();
  for (const i of incidents) for (const a of i.actorIds) if ((people.get(a) ?? a) === person) ids.add(a);
  return [...ids].sort();
};

/** The findings for one person at one incident, given that person's earlier history. */
export function personFindings(
  incident: PatternIncident,
  history: PersonHistory,
  people: PersonMap,
  options: Required<PatternOptions>,
  findings: Finding[] = [],
): Finding[] {
  const moment: Moment = { incident, history, count: history.incidents.length + 1, options };
  let allIds: string[] | undefined;
  let allActors: readonly string[] | undefined;
  for (const rule of PERSON_RULES) {
    const seen = rule.find(moment);
    if (!seen) continue;
    let incidentIds: readonly string[];
    let actorIds: readonly string[];
    if (seen.incidents === "all") {
      allIds ??= [...history.ids, incident.id];
      actorIds = allActors ??= allActorsOf(incident, history, people);
      incidentIds = allIds;
    } else {
      incidentIds = seen.incidents.map((i) => i.id);
      allActors ??= allActorsOf(incident, history, people);
      // With one actor, every incident of the person names it.
      actorIds = allActors.length === 1 ? allActors : actorsOf(seen.incidents, history.person, people);
    }
    findings.push(finish(rule, seen, history.person, actorIds, incidentIds));
  }
  return findings;
}

function finish(
  rule: Pick<Rule, "kind" | "warningBehaviour" | "source">,
  seen: Seen,
  person: string | null,
  actorIds: readonly string[],
  incidentIds: readonly string[],
): Finding {
  const finding: Finding = {
    kind: rule.kind,
    level: seen.level,
    person,
    actorIds,
    incidentIds,
    explanation: seen.explanation,
    source: rule.source,
  };
  if (rule.warningBehaviour) finding.warningBehaviour = rule.warningBehaviour;
  if (seen.theme !== undefined) finding.theme = seen.theme;
  return finding;
}

const NO_HISTORY = emptyHistory("");

const campaignBurst: Pick<Rule, "kind" | "warningBehaviour" | "source"> = {
  kind: "energy-burst",
  warningBehaviour: "energy-burst",
  source: `${MELOY}: energy burst, here across the whole campaign (a pile-on from many accounts at once)`,
};

/**
 * Findings at an incident that names no actor: a burst across the whole campaign (five or more
 * incidents in the window, over three times the baseline rate), and the warning behaviours in its own
 * words (markers only: with no person there is no history to judge).
 * `recentEarlier` are the campaign's incidents in the window before this one, in time order.
 */
export function noActorFindings(
  incident: PatternIncident,
  recentEarlierCount: number,
  priorCount: number,
  recentEarlier: () => readonly PatternIncident[],
  options: Required<PatternOptions>,
  /** How many of the recent earlier incidents are at report-to-police or above, when recentEarlier() lists only some. */
  seriousEarlierCount?: number,
): Finding[] {
  const findings: Finding[] = [];
  const recent = recentEarlierCount + 1;
  if (recent >= 5 && recent * options.baselineDays > 3 * priorCount * options.windowDays) {
    const burst = [...recentEarlier(), incident];
    const serious =
      seriousEarlierCount === undefined
        ? burst.filter((i) => rankOf(i) >= POLICE_RANK).length
        : seriousEarlierCount + (rankOf(incident) >= POLICE_RANK ? 1 : 0);
    const level: Level = serious >= 2 ? "report-to-police" : "keep-record";
    const explanation =
      `Your campaign has had ${plural(recent, "incident")} in the last ${options.windowDays} days, far more than before ` +
      `(${before(priorCount, options.baselineDays)}). ` +
      (level === "report-to-police"
        ? `${capitalise(count(serious))} of them are serious enough for the police on their own: report them to the police together.`
        : "Keep recording each one: a sudden burst can come before an escalation, and reporting them to the platforms together helps.");
    findings.push(
      finish(
        campaignBurst,
        { level, incidents: burst, explanation },
        null,
        [],
        burst.map((i) => i.id),
      ),
    );
  }
  const moment: Moment = { incident, history: NO_HISTORY, count: 1, options };
  for (const rule of MARKER_RULES) {
    const seen = rule.find(moment);
    if (seen) findings.push(finish(rule, seen, null, [], [incident.id]));
  }
  return findings;
}

/**
 * actor id → the list of the person it belongs to, if one of `persons`. When the map of people is
 * smaller than the scan, one pass over it first finds the persons' actors, so the scan compares ids
 * instead of looking every actor up (the scan dominates the time of findingsAt).
 */
function actorLookup<T>(
  persons: readonly string[],
  people: PersonMap,
  scanLength: number,
  lists: ReadonlyMap<string, T>,
): (actorId: string) => T | undefined {
  if (people.size > scanLength) return (a) => lists.get(people.get(a) ?? a);
  const actors: string[] = [];
  const owners: T[] = [];
  for (const [a, person] of people) {
    if (persons.includes(person)) {
      actors.push(a);
      owners.push(lists.get(person)!);
    }
  }
  // An actor missing from `people` is its own person.
  for (const p of persons) {
    if (!people.has(p)) {
      actors.push(p);
      owners.push(lists.get(p)!);
    }
  }
  if (actors.length > 8) {
    const byActor = new Map(actors.map((a, i) => [a, owners[i]!]));
    return (a) => byActor.get(a);
  }
  return (a) => {
    for (let i = 0; i < actors.length; i++) if (actors[i] === a) return owners[i];
    return undefined;
  };
}

/**
 * The findings that `incident` makes or takes part in, judged only from the incidents of `earlier`
 * that came before it (time order: occurredAt, recordedAt, id; any later ones, and the incident itself,
 * are ignored). One pass over `earlier`, then work only on the incident's own people.
 */
export function findingsAt(
  incident: PatternIncident,
  earlier: readonly PatternIncident[],
  people: PersonMap,
  options?: PatternOptions,
): Finding[] {
  const o = resolveOptions(options);
  const persons = personsOf(incident, people);
  if (persons.length === 0) {
    const windowStart = incident.occurredAt - o.windowDays * DAY_MS;
    const baselineStart = windowStart - o.baselineDays * DAY_MS;
    const recent: PatternIncident[] = [];
    let prior = 0;
    for (const e of earlier) {
      if (e.occurredAt <= baselineStart || !precedes(e, incident)) continue;
      if (e.occurredAt > windowStart) recent.push(e);
      else prior++;
    }
    return noActorFindings(incident, recent.length, prior, () => recent.sort(compareIncidents), o);
  }

  const lists = new Map<string, PatternIncident[]>(persons.map((p) => [p, []]));
  const listOf = actorLookup(persons, people, earlier.length, lists);
  for (const e of earlier) {
    for (const a of e.actorIds) {
      const list = listOf(a);
      if (list && list.at(-1) !== e && precedes(e, incident)) list.push(e);
    }
  }
  const findings: Finding[] = [];
  for (const [person, list] of lists) {
    const history = emptyHistory(person);
    for (const e of list.sort(compareIncidents)) addToHistory(history, e, people, o);
    personFindings(incident, history, people, o, findings);
  }
  return findings;
}

/** The incident's own level raised by its findings: the most serious of them all. */
export const levelWithFindings = (own: Level, findings: readonly Finding[]): Level =>
  findings.reduce<Level>((level, f) => (LEVEL_RANK[f.level] > LEVEL_RANK[level] ? f.level : level), own);
