// Findings at every incident of a campaign in one time-ordered pass, keeping each person's history as
// running totals: the same findings as findingsAt with all earlier incidents, without rescanning them.
import { LEVEL_RANK } from "../analysis/types.ts";
import { noActorFindings, personFindings } from "./findings.ts";
import {
  addToHistory,
  compareIncidents,
  DAY_MS,
  emptyHistory,
  firstAfter,
  personsOf,
  resolveOptions,
  type PatternOptions,
  type PersonHistory,
} from "./history.ts";
import {
  FINDING_KINDS,
  WARNING_BEHAVIOURS,
  type Finding,
  type PatternIncident,
  type PersonMap,
} from "./types.ts";

/**
 * Incident id → the findings at that incident, for every incident (an empty list when there are none).
 * The map's keys are in time order, oldest first. Incident ids must be unique.
 */
export function recomputePatterns(
  incidents: readonly PatternIncident[],
  people: PersonMap,
  options?: PatternOptions,
): Map<string, Finding[]> {
  const o = resolveOptions(options);
  const sorted = inTimeOrder(incidents);
  const times = sorted.map((i) => i.occurredAt);
  const histories = new Map<string, PersonHistory>();
  const result = new Map<string, Finding[]>();

  for (let index = 0; index < sorted.length; index++) {
    const incident = sorted[index]!;
    const persons = personsOf(incident, people);
    if (persons.length === 0) {
      const windowStart = incident.occurredAt - o.windowDays * DAY_MS;
      const recentFrom = firstAfter(times, windowStart, index);
      const priorFrom = firstAfter(times, windowStart - o.baselineDays * DAY_MS, recentFrom);
      result.set(
        incident.id,
        noActorFindings(
          incident,
          index - recentFrom,
          recentFrom - priorFrom,
          () => sorted.slice(recentFrom, index),
          o,
        ),
      );
      continue;
    }
    const findings: Finding[] = [];
    const touched: PersonHistory[] = [];
    for (const person of persons) {
      let history = histories.get(person);
      if (!history) histories.set(person, (history = emptyHistory(person)));
      personFindings(incident, history, people, o, findings);
      touched.push(history);
    }
    for (const history of touched) addToHistory(history, incident, people, o);
    result.set(incident.id, findings);
  }
  return result;
}

/** A sorted copy; skips the sort when the incidents already come in time order (as a database query gives them). */
function inTimeOrder(incidents: readonly PatternIncident[]): PatternIncident[] {
  for (let i = 1; i < incidents.length; i++)
    if (compareIncidents(incidents[i - 1]!, incidents[i]!) > 0) return [...incidents].sort(compareIncidents);
  return [...incidents];
}

const kindOrder = new Map(FINDING_KINDS.map((k, i) => [k, i]));
const behaviourOrder = new Map(WARNING_BEHAVIOURS.map((w, i) => [w, i]));

/**
 * The latest finding per (person, kind, warning behaviour): what an actor's page, or the campaign's
 * for person null, shows now. Relies on the map being in time order, as recomputePatterns returns it.
 * Most serious first, then in FINDING_KINDS order.
 */
export function currentFindings(map: ReadonlyMap<string, readonly Finding[]>): Finding[] {
  const latest = new Map<string, Finding>();
  for (const findings of map.values())
    for (const f of findings)
      latest.set(`${f.person ?? ""}\u0000${f.kind}\u0000${f.warningBehaviour ?? ""}`, f);
  return [...latest.values()].sort(
    (a, b) =>
      LEVEL_RANK[b.level] - LEVEL_RANK[a.level] ||
      kindOrder.get(a.kind)! - kindOrder.get(b.kind)! ||
      (behaviourOrder.get(a.warningBehaviour!) ?? -1) - (behaviourOrder.get(b.warningBehaviour!) ?? -1) ||
      (a.person ?? "").localeCompare(b.person ?? ""),
  );
}
