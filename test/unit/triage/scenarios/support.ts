// Scenario builder for the triage guidance tests: a realistic incident as the app would record it
// (its body parsed through IncidentBodySchema, so the defaults apply), its verdict, and a history of
// earlier incidents by one person built through assess() (its .record is the PatternIncident).
import assert from "node:assert/strict";
import { it } from "node:test";
import type { CompiledProfile } from "../../../../src/core/analysis/index.ts";
import { LEVEL_RANK, type Level } from "../../../../src/core/analysis/types.ts";
import {
  IncidentBodySchema,
  type IncidentBodyInput,
  type Jurisdiction,
} from "../../../../src/core/incident/model.ts";
import type { PatternIncident, PersonMap } from "../../../../src/core/patterns/types.ts";
import type { SpocDetails } from "../../../../src/core/triage/contacts.ts";
import { assess, triage, type TriageInput, type Verdict } from "../../../../src/core/triage/verdict.ts";

/** One incident as a person would record it, plus the campaign around it. */
export interface Scenario extends Omit<IncidentBodyInput, "occurredAt"> {
  id?: string;
  occurredAt?: string;
  /** The messages exactly as received (a copied email, a screenshot's text, a scanned letter). */
  evidence?: readonly string[];
  jurisdiction?: Jurisdiction;
  earlier?: readonly PatternIncident[];
  people?: PersonMap;
  profile?: CompiledProfile;
  spoc?: SpocDetails;
}

/** The day of the scenarios: a Tuesday evening a week before polling day (Thursday 7 May 2026). */
export const SCENARIO_DAY = "2026-04-28T19:30:00+01:00";

// Actor ids are UUIDs, as the incident schema requires.
export const ACTORS = {
  bypassMan: "4a1e7c52-0b9d-4c3e-9f21-6d8a5b3c2e10",
  texter: "7c2f0d14-5e6a-4b8d-a1c3-2f9e8d7b6a54",
  neighbour: "b3d9e2a1-6c4f-4e7a-8b5d-1a2c3e4f5a6b",
  troll: "e8f1a2b3-c4d5-4e6f-9a7b-8c9d0e1f2a3b",
  doorstepMan: "2d4c6e8a-1b3d-4f5a-b7c9-e1f3a5b7c9d1",
} as const;

let counter = 0;

/** The TriageInput for a scenario, with its body parsed so that the schema's defaults apply. */
export function incident(s: Scenario): TriageInput {
  const {
    id,
    evidence = [],
    jurisdiction = "england-wales",
    earlier = [],
    people,
    profile,
    spoc,
    ...body
  } = s;
  const parsed = IncidentBodySchema.parse({ ...body, occurredAt: s.occurredAt ?? SCENARIO_DAY });
  const incidentId = id ?? `scenario-${++counter}`;
  const actorIds = parsed.actorIds;
  return {
    incident: {
      id: incidentId,
      recordedAt: new Date(new Date(parsed.occurredAt).getTime() + 30 * 60_000),
      body: parsed,
      evidenceTexts: evidence.map((text, i) => ({ id: `${incidentId}-evidence-${i + 1}`, text })),
    },
    earlier,
    people: people ?? new Map(actorIds.map((a) => [a, a])),
    jurisdiction,
    ...(profile ? { profile } : {}),
    ...(spoc ? { spoc } : {}),
  };
}

export const verdictOf = (s: Scenario | TriageInput): Verdict => triage("incident" in s ? s : incident(s));

/** The pattern record of an earlier incident, as the app keeps it once the incident is triaged. */
export function recordOf(s: Scenario): PatternIncident {
  const input = incident(s);
  return assess({ incident: input.incident, ...(input.profile ? { profile: input.profile } : {}) }).record;
}

/**
 * Earlier incidents by one person, each `daysApart` days before the next, the last `daysApart` days
 * before SCENARIO_DAY: the person's history when the scenario's incident is recorded.
 */
export function historyOf(actorId: string, earlier: readonly Scenario[], daysApart = 3): PatternIncident[] {
  const last = new Date(SCENARIO_DAY).getTime();
  return earlier.map((s, i) =>
    recordOf({
      ...s,
      actorIds: [actorId],
      occurredAt:
        s.occurredAt ?? new Date(last - (earlier.length - i) * daysApart * 86_400_000).toISOString(),
    }),
  );
}

// ---------- What a verdict shows ----------

export const atLeast = (level: Level, min: Level) => LEVEL_RANK[level] >= LEVEL_RANK[min];

export function assertLevelAtLeast(v: Verdict, min: Level): void {
  assert.ok(atLeast(v.level, min), `expected at least ${min}, got ${v.level}\n${explain(v)}`);
}

export function assertLevel(v: Verdict, level: Level): void {
  assert.equal(v.level, level, `expected ${level}, got ${v.level}\n${explain(v)}`);
}

/** A reason citing `source` (exactly, or containing it), optionally of a given kind. */
export function assertReasonCites(v: Verdict, source: string, kind?: "words" | "answer" | "pattern") {
  const reason = v.reasons.find(
    (r) => (r.source === source || r.source.includes(source)) && (!kind || r.kind === kind),
  );
  assert.ok(reason, `no ${kind ?? ""} reason cites ${JSON.stringify(source)}\n${explain(v)}`);
  return reason;
}

export const stepOf = (v: Verdict, id: string) => v.nextSteps.find((s) => s.id === id);

export function assertStep(v: Verdict, id: string, textIncludes?: string | RegExp) {
  const step = stepOf(v, id);
  assert.ok(step, `step ${id} not shown; steps: ${v.nextSteps.map((s) => s.id).join(", ")}\n${explain(v)}`);
  if (typeof textIncludes === "string") assert.ok(step.text.includes(textIncludes), `${id}: ${step.text}`);
  else if (textIncludes) assert.match(step.text, textIncludes);
  return step;
}

export function assertNoStep(v: Verdict, id: string): void {
  assert.equal(stepOf(v, id), undefined, `step ${id} should not be shown\n${explain(v)}`);
}

export const offenceIds = (v: Verdict) => v.offences.map((o) => o.id);
export const contactIds = (v: Verdict) => v.contacts.map((c) => c.id);

/** A short account of a verdict for failure messages. */
export function explain(v: Verdict): string {
  return [
    `level ${v.level}: ${v.headline}`,
    ...v.reasons.map((r) => `  ${r.level} ${r.kind} ${r.rule}${r.where ? ` [${r.where.text}]` : ""}`),
    `  offences: ${offenceIds(v).join(", ") || "none"}`,
    `  findings: ${v.findings.map((f) => f.kind + (f.warningBehaviour ? `.${f.warningBehaviour}` : "")).join(", ") || "none"}`,
  ].join("\n");
}

/** Declares scenarios named after the step they show, and remembers which steps have one. */
export function coverageTracker() {
  const covered = new Set<string>();
  const scenario = (stepId: string, name: string, fn: () => void, options: { todo?: string } = {}): void => {
    covered.add(stepId);
    it(`${stepId}: ${name}`, options, fn);
  };
  return { covered, scenario };
}
