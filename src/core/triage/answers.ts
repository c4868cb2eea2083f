// What the quick answers add to a verdict. An answer can only raise the level: each rule gives a
// reason with the level it leads to, and the verdict takes the highest of all reasons.
import type { Category, Characteristic, Level } from "../analysis/types.ts";
import type { QuickAnswers } from "../incident/model.ts";
import { isYes, type QuestionId } from "./questions.ts";
import { GUIDANCE_SOURCES as S } from "./sources.ts";

export interface AnswerReason {
  question: QuestionId;
  level: Level;
  explanation: string;
  source: string;
}

const THREAT_WORDS: readonly Category[] = [
  "threat",
  "imminent",
  "weapon",
  "violence-wish",
  "sexual",
  "fixation",
  "plan",
];

/** Each protected characteristic in the words a sentence uses ("it referred to your sexuality"). */
export const CHARACTERISTIC_WORDS: Record<Characteristic, string> = {
  race: "race",
  religion: "religion",
  "sexual-orientation": "sexuality",
  "gender-identity": "gender identity",
  disability: "disability",
  sex: "sex",
};

export function answerReasons(
  answers: QuickAnswers | undefined,
  textCategories: ReadonlySet<Category>,
): AnswerReason[] {
  if (!answers) return [];
  const reasons: AnswerReason[] = [];
  const threatInWords = THREAT_WORDS.some((c) => textCategories.has(c));
  const add = (question: QuestionId, level: Level, explanation: string, source: string) =>
    reasons.push({ question, level, explanation, source });

  if (isYes(answers, "weapon"))
    add(
      "weapon",
      "call-999",
      "You said they mentioned, showed or carried a weapon. The guidance treats access to weapons or weapons skills as a red flag for the police straight away.",
      S.redFlagWeapons,
    );
  if (isYes(answers, "revealedPrivateDetails"))
    add(
      "revealedPrivateDetails",
      "call-999",
      "You said they showed they know where you or your family live, work or go to school. Releasing personal information that is not public is a red flag for the police straight away.",
      S.redFlagPersonalInfo,
    );
  if (isYes(answers, "someoneHurt"))
    add(
      "someoneHurt",
      "call-999",
      "You said someone was physically hurt, pushed or grabbed. If anyone needs medical help or the person is still nearby, call 999 now.",
      S.immediateDanger,
    );
  if (isYes(answers, "saidWhenOrWhere")) {
    const imminent = threatInWords || isYes(answers, "weapon") || isYes(answers, "frightened");
    add(
      "saidWhenOrWhere",
      imminent ? "call-999" : "report-to-police",
      imminent
        ? "You said they gave a time or a place. A threat with a time or a place is a threat of imminent violence: the guidance says dial 999."
        : "You said they gave a time or a place. If what they said was in any way a threat, treat it as a threat of imminent violence and call 999.",
      S.redFlagImminent,
    );
  }
  if (isYes(answers, "cameToHome")) {
    const menacing = threatInWords || isYes(answers, "frightened");
    add(
      "cameToHome",
      menacing ? "call-999" : "report-to-police",
      menacing
        ? "You said they came to your home, or the home of someone close to you, and it was threatening or frightening. A threat at your home is a threat with a place: call 999."
        : "You said they came to your home, or the home of someone close to you. Turning up at a home can signal someone set on a course of action: report it to the police.",
      S.redFlagFixated,
    );
  }
  if (isYes(answers, "propertyDamaged"))
    add(
      "propertyDamaged",
      "report-to-police",
      "You said property was damaged. Damage may constitute criminal damage: report it to the police, and keep photos of the damage.",
      S.cps,
    );
  if (isYes(answers, "contactedBefore"))
    add(
      "contactedBefore",
      "report-to-police",
      "You said this person has contacted or approached you before. Repeated unwanted contact may constitute harassment or stalking.",
      S.policeRepeatedContact,
    );
  const referred = answers.referredTo ?? [];
  if (referred.length > 0)
    add(
      "referredTo",
      "report-to-police",
      `You said it referred to ${referred.map((c) => CHARACTERISTIC_WORDS[c] ?? c).join(", ")}. Discriminatory abuse or threats should be reported to the police.`,
      S.policeDiscriminatory,
    );
  if (isYes(answers, "frightened"))
    add(
      "frightened",
      "report-to-police",
      "You said you, or someone it was aimed at, are frightened. That is reason enough to talk to the police: call 101, or 999 if you feel in danger now.",
      S.immediateDanger,
    );
  return reasons;
}
