// What national statistics keep about one incident, from its verdict: when (the week), how, how serious,
// what offences it may constitute, who it was aimed at, and the protected characteristics where the abuse
// was discriminatory. No text, no names, no identifiers.
import type { Verdict } from "../triage/index.ts";
import { offenceCategoryOf } from "./offence-categories.ts";
import { weekStartOf } from "./weeks.ts";

export interface IncidentFactValues {
  /** Monday (UTC) of the week it happened in, YYYY-MM-DD. */
  weekStart: string;
  channel: string;
  level: string;
  offenceCategories: string[];
  targeted: string[];
  characteristics: string[];
}

const sortedDistinct = (values: Iterable<string>) => [...new Set(values)].sort();

/**
 * The facts of an incident as its verdict describes it. Characteristics are those the verdict counts as
 * discriminatory: found in the words by the analyser, or given by the person recording it ("did it refer
 * to race, religion…?"), both of which make the verdict advise reporting it as discriminatory abuse.
 */
export function incidentFactsOf(verdict: Verdict): IncidentFactValues {
  const record = verdict.assessment.record;
  return {
    weekStart: weekStartOf(record.occurredAt),
    channel: record.channel,
    level: verdict.level,
    offenceCategories: sortedDistinct(verdict.offences.map((o) => offenceCategoryOf(o.id))),
    targeted: sortedDistinct(record.targeted),
    characteristics: sortedDistinct(record.characteristics),
  };
}
