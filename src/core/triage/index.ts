// Triage: the explained verdict for an incident, from the guidance. See verdict.ts.
export {
  assess,
  conclude,
  triage,
  HEADLINES,
  type Assessment,
  type ConcludeContext,
  type TriageInput,
  type Verdict,
  type VerdictReason,
  type OffenceMatch,
} from "./verdict.ts";
export { RULESET_VERSION } from "./ruleset.ts";
export { QUICK_QUESTIONS, type QuickQuestion } from "./questions.ts";
export { OFFENCES, offencesFor, type Offence } from "./offences.ts";
export { nextSteps, PLATFORM_CONTROLS, STEP_IDS, type Step } from "./advice.ts";
export type { Contact, SpocDetails } from "./contacts.ts";
export { directSpeech } from "./narrative.ts";
