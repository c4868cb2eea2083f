// The verdict for one incident: a pure function of the incident (its words, quick answers and
// structured facts), the campaign's earlier incidents (as pattern records) and the private-details
// profile. It explains itself: every reason names its words, answer or earlier incidents, and every
// offence, step and contact cites its source.
import { shippedAnalyser, type Analyser, type CompiledProfile } from "../analysis/index.ts";
import {
  LEVEL_RANK,
  type Category,
  type Characteristic,
  type Level,
  type PrivateDetailKind,
} from "../analysis/types.ts";
import type { IncidentBody, Jurisdiction, Platform, QuickAnswers } from "../incident/model.ts";
import { findingsAt } from "../patterns/findings.ts";
import { markersOf } from "../patterns/markers.ts";
import { themesOf } from "../patterns/themes.ts";
import type { Finding, PatternIncident, PersonMap } from "../patterns/types.ts";
import { nextSteps, type Step } from "./advice.ts";
import { answerReasons } from "./answers.ts";
import { contactsFor } from "./contact-list.ts";
import type { Contact, SpocDetails } from "./contacts.ts";
import { deriveFacts, textFactsOf, type TextFacts } from "./facts.ts";
import { DISQUALIFICATION_NOTE, offencesFor } from "./offences.ts";
import { isYes } from "./questions.ts";
import { RULESET_VERSION } from "./ruleset.ts";
import { GUIDANCE_SOURCES } from "./sources.ts";
import { analyseIncidentTexts } from "./texts.ts";

export interface VerdictReason {
  kind: "words" | "answer" | "pattern";
  /** The analyser rule, "answer.<question>" or "pattern.<finding>". */
  rule: string;
  level: Level;
  explanation: string;
  source: string;
  category?: Category;
  characteristic?: Characteristic;
  detail?: PrivateDetailKind;
  /** For words: where they are in the incident (character offsets in that field). */
  where?: {
    field: "summary" | "description" | "evidence";
    evidenceId?: string;
    start: number;
    end: number;
    text: string;
  };
  /** For patterns: the incidents that make it, oldest first. */
  incidentIds?: readonly string[];
}

export interface OffenceMatch {
  id: string;
  heading: string;
  title: string;
  statute: string;
  section: string;
  jurisdiction: Jurisdiction;
  elements: string;
  maximum: string;
  source: string;
  /** The research could not confirm the section or penalty from the statute text. */
  verify: boolean;
}

/** What the incident itself shows (its words and answers), before any pattern: kept with the verdict. */
export interface Assessment {
  record: PatternIncident;
  wordReasons: VerdictReason[];
  answerReasons: VerdictReason[];
  text: TextFacts;
  answers: QuickAnswers | undefined;
  platform: Platform | undefined;
  analyserVersion: string;
}

export interface Verdict {
  rulesetVersion: string;
  analyserVersion: string;
  level: Level;
  headline: string;
  /** One or two calm sentences: what to do now. */
  advice: string;
  /** Most serious first. */
  reasons: VerdictReason[];
  /** Phrased as "may constitute": never a finding of guilt. */
  offences: OffenceMatch[];
  disqualification?: typeof DISQUALIFICATION_NOTE;
  findings: Finding[];
  nextSteps: Step[];
  contacts: Contact[];
  assessment: Assessment;
}

export interface TriageInput {
  incident: {
    id: string;
    recordedAt: Date;
    body: IncidentBody;
    evidenceTexts: readonly { id: string; text: string }[];
  };
  /** Pattern records of the campaign's other incidents (any order; later ones are ignored). */
  earlier: readonly PatternIncident[];
  people: PersonMap;
  jurisdiction: Jurisdiction;
  profile?: CompiledProfile;
  spoc?: SpocDetails;
  analyser?: Analyser;
  /** Words every message to this campaign uses (the candidate's name, the constituency): never a grievance. */
  campaignWords?: readonly string[];
}

const HEADLINES: Record<Level, { headline: string; advice: string }> = {
  "call-999": {
    headline: "Call 999 now",
    advice:
      "This shows a warning sign that the guidance says should go to the police straight away. If you or anyone else is in danger, or the person is still nearby, call 999 now. Then tell your single point of contact.",
  },
  "report-to-police": {
    headline: "Report this to the police",
    advice:
      "Call 101, or contact your force's single point of contact for candidates, and give them this record. If you feel in danger at any point, call 999.",
  },
  "report-to-platform": {
    headline: "Report it on the platform and keep a record",
    advice:
      "Capture it first, then use the platform's report tools and keep this record. If it turns threatening, call 101, or 999 if you are in immediate danger.",
  },
  "keep-record": {
    headline: "Keep a record",
    advice:
      "Nothing here needs reporting on its own, but keep it: several incidents together can show a pattern worth reporting. If anything makes you feel unsafe, call 101, or 999 in an emergency.",
  },
};

const maxLevel = (levels: Iterable<Level>): Level => {
  let best: Level = "keep-record";
  for (const level of levels) if (LEVEL_RANK[level] > LEVEL_RANK[best]) best = level;
  return best;
};

function patternFacts(body: IncidentBody): PatternIncident["facts"] {
  const a = body.answers;
  return {
    cameToHome: isYes(a, "cameToHome") || body.channel === "home",
    propertyDamaged: isYes(a, "propertyDamaged"),
    someoneHurt: isYes(a, "someoneHurt"),
    frightened: isYes(a, "frightened"),
    weapon: isYes(a, "weapon"),
    revealedPrivateDetails: isYes(a, "revealedPrivateDetails"),
    contactedBefore: isYes(a, "contactedBefore"),
  };
}

/** Findings that implement a line of the guidance cite it in the same words as every other reason. */
const GUIDANCE_LINE_OF: Partial<Record<Finding["kind"], string>> = {
  "course-of-conduct": GUIDANCE_SOURCES.policeRepeatedContact,
  stalking: GUIDANCE_SOURCES.policeRepeatedContact,
  fixation: GUIDANCE_SOURCES.policeFixation,
  "approach-home": GUIDANCE_SOURCES.redFlagFixated,
};

const findingReason = (f: Finding): VerdictReason => ({
  kind: "pattern",
  rule: `pattern.${f.kind}${f.warningBehaviour ? `.${f.warningBehaviour}` : ""}`,
  level: f.level,
  explanation: f.explanation,
  source: GUIDANCE_LINE_OF[f.kind] ?? f.source,
  incidentIds: f.incidentIds,
});

/** Reads the incident's words (through the analyser) and quick answers. The slow part of triage. */
export function assess(input: Omit<TriageInput, "earlier" | "people" | "jurisdiction" | "spoc">): Assessment {
  const analyser = input.analyser ?? shippedAnalyser();
  const { incident } = input;
  const body = incident.body;
  const texts = analyseIncidentTexts(
    analyser,
    { summary: body.summary, description: body.description, evidence: incident.evidenceTexts },
    input.profile,
  );
  const seen = new Set<string>();
  const wordReasons: VerdictReason[] = [];
  for (const t of texts) {
    for (const r of t.reasons) {
      const key = `${r.rule}|${t.field}|${t.evidenceId ?? ""}|${r.span.start}|${r.span.end}`;
      if (seen.has(key)) continue;
      seen.add(key);
      wordReasons.push({
        kind: "words",
        rule: r.rule,
        level: r.level,
        explanation: r.explanation,
        source: r.source,
        category: r.category,
        ...(r.characteristic ? { characteristic: r.characteristic } : {}),
        ...(r.detail ? { detail: r.detail } : {}),
        where: { field: t.field, ...(t.evidenceId ? { evidenceId: t.evidenceId } : {}), ...r.span },
      });
    }
  }
  const text = textFactsOf(texts);
  const answered = answerReasons(body.answers, new Set(text.categories)).map((a): VerdictReason => ({
    kind: "answer",
    rule: `answer.${a.question}`,
    level: a.level,
    explanation: a.explanation,
    source: a.source,
  }));
  const allWords = texts.map((t) => t.words).join("\n");
  const campaignWords = new Set((input.campaignWords ?? []).flatMap((w) => themesOf(w)));
  const record: PatternIncident = {
    id: incident.id,
    occurredAt: new Date(body.occurredAt).getTime(),
    recordedAt: incident.recordedAt.getTime(),
    channel: body.channel,
    actorIds: body.actorIds,
    targeted: body.targeted,
    level: maxLevel([...wordReasons, ...answered].map((r) => r.level)),
    categories: text.categories,
    characteristics: [...new Set([...text.characteristics, ...(body.answers?.referredTo ?? [])])],
    facts: patternFacts(body),
    // A grievance is what the other person keeps saying, not the words the team uses to record it.
    themes: themesOf(
      texts
        .filter((t) => t.spoken)
        .map((t) => t.words)
        .join("\n"),
    ).filter((word) => !campaignWords.has(word)),
    markers: markersOf(allWords),
  };
  return {
    record,
    wordReasons,
    answerReasons: answered,
    text,
    answers: body.answers,
    platform: body.platform,
    analyserVersion: analyser.version,
  };
}

export interface ConcludeContext {
  jurisdiction: Jurisdiction;
  spoc?: SpocDetails | undefined;
}

/** The verdict from an assessment and the patterns found: cheap, so it is redone whenever patterns change. */
export function conclude(
  assessment: Assessment,
  findings: readonly Finding[],
  context: ConcludeContext,
): Verdict {
  const { record } = assessment;
  const level = maxLevel([record.level, ...findings.map((f) => f.level)]);
  const facts = deriveFacts({
    jurisdiction: context.jurisdiction,
    channel: record.channel,
    platform: assessment.platform,
    targeted: record.targeted,
    answers: assessment.answers,
    text: assessment.text,
    findings,
  });
  const offences = offencesFor(facts).map((o): OffenceMatch => ({
    id: o.id,
    heading: o.heading,
    title: o.title,
    statute: o.statute,
    section: o.section,
    jurisdiction: context.jurisdiction,
    elements: o.elements,
    maximum: o.maximum,
    source: o.source,
    verify: o.verify === true,
  }));
  const reasons = [
    ...assessment.wordReasons,
    ...assessment.answerReasons,
    ...findings.map(findingReason),
  ].sort((a, b) => LEVEL_RANK[b.level] - LEVEL_RANK[a.level]);
  return {
    rulesetVersion: RULESET_VERSION,
    analyserVersion: assessment.analyserVersion,
    level,
    ...HEADLINES[level],
    reasons,
    offences,
    ...(offences.length > 0 && record.targeted.includes("candidate")
      ? { disqualification: DISQUALIFICATION_NOTE }
      : {}),
    findings: [...findings],
    nextSteps: nextSteps(facts, level),
    contacts: contactsFor(facts, level, context.spoc),
    assessment,
  };
}

/** The whole verdict for one incident: its own words and answers, then the patterns with earlier incidents. */
export function triage(input: TriageInput): Verdict {
  const assessment = assess(input);
  const findings = findingsAt(assessment.record, input.earlier, input.people);
  return conclude(assessment, findings, { jurisdiction: input.jurisdiction, spoc: input.spoc });
}

export { HEADLINES };
