// The quick questions asked when an incident is recorded, in Shield's own words (the S-DASH form's
// wording is not free to copy: shared/research/domain-rules.md §2). Each maps onto a red flag or a
// report-to-police condition of the guidance; the app shows them, the verdict reads the answers.
import type { QuickAnswers } from "../incident/model.ts";
import { GUIDANCE_SOURCES } from "./sources.ts";

export type QuestionId = keyof QuickAnswers;

export interface QuickQuestion {
  id: QuestionId;
  question: string;
  /** A short hint under the question. */
  hint: string;
  /** "yes-no": yes / no / not sure. "characteristics": pick any that apply. */
  kind: "yes-no" | "characteristics";
  /** What a "yes" means for the verdict. */
  meaning: string;
  source: string;
}

export const QUICK_QUESTIONS: readonly QuickQuestion[] = [
  {
    id: "weapon",
    question: "Did they mention, show or carry a weapon, or say they know how to use one?",
    hint: "Knives, guns, crossbows, acid, or anything they said they would use to hurt someone.",
    kind: "yes-no",
    meaning: "Access to weapons or weapons skills is a red flag: call 999.",
    source: GUIDANCE_SOURCES.redFlagWeapons,
  },
  {
    id: "saidWhenOrWhere",
    question: "Did they say when or where something would happen?",
    hint: "For example 'tonight', 'at the count', 'outside your office'.",
    kind: "yes-no",
    meaning: "A threat with a time or a place is a threat of imminent violence: call 999.",
    source: GUIDANCE_SOURCES.redFlagImminent,
  },
  {
    id: "revealedPrivateDetails",
    question: "Did they show they know where you or your family live, work or go to school?",
    hint: "Or share your home address, personal phone number, car registration or family names.",
    kind: "yes-no",
    meaning: "Releasing personal information that is not public is a red flag: call 999.",
    source: GUIDANCE_SOURCES.redFlagPersonalInfo,
  },
  {
    id: "contactedBefore",
    question: "Has this person contacted or approached you before?",
    hint: "Even if you have not recorded it here.",
    kind: "yes-no",
    meaning: "Repeated unwanted contact may constitute harassment or stalking: report it to the police.",
    source: GUIDANCE_SOURCES.policeRepeatedContact,
  },
  {
    id: "cameToHome",
    question: "Did they come to your home, or the home of someone close to you?",
    hint: "Including waiting or watching outside.",
    kind: "yes-no",
    meaning: "Turning up at a home may be an offence and can signal escalation: report it to the police.",
    source: GUIDANCE_SOURCES.redFlagFixated,
  },
  {
    id: "propertyDamaged",
    question: "Was any property damaged?",
    hint: "Your home, car, office, posters or boards.",
    kind: "yes-no",
    meaning: "Damage to property may constitute criminal damage: report it to the police.",
    source: GUIDANCE_SOURCES.cps,
  },
  {
    id: "someoneHurt",
    question: "Were you or anyone else physically hurt, pushed or grabbed?",
    hint: "However slightly.",
    kind: "yes-no",
    meaning: "Someone has used force: call 999 if anyone is hurt or the person is still nearby.",
    source: GUIDANCE_SOURCES.immediateDanger,
  },
  {
    id: "referredTo",
    question: "Did it refer to race, religion, sexuality, gender identity, disability or sex?",
    hint: "Yours, or that of anyone it was aimed at.",
    kind: "characteristics",
    meaning: "Discriminatory abuse or threats should be reported to the police.",
    source: GUIDANCE_SOURCES.policeDiscriminatory,
  },
  {
    id: "frightened",
    question: "Are you, or is anyone it was aimed at, frightened?",
    hint: "There is no wrong answer.",
    kind: "yes-no",
    meaning: "Fear for your safety is reason enough to talk to the police.",
    source: GUIDANCE_SOURCES.immediateDanger,
  },
];

export const isYes = (answers: QuickAnswers | undefined, id: Exclude<QuestionId, "referredTo">): boolean =>
  answers?.[id] === "yes";
