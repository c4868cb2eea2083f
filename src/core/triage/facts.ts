// The facts the offence and advice tables are written against, derived once from the incident's
// words (the analyser), its quick answers, its structured fields and the patterns found.
import type { Analysis, Category, Characteristic, Reason } from "../analysis/types.ts";
import {
  ELECTRONIC_CHANNELS,
  IN_PERSON_CHANNELS,
  REMOTE_CHANNELS,
  type Channel,
  type Jurisdiction,
  type Platform,
  type QuickAnswers,
  type TargetedGroup,
} from "../incident/model.ts";
import type { Finding } from "../patterns/types.ts";
import { isYes } from "./questions.ts";

const THREAT_CATEGORIES: readonly Category[] = ["threat", "imminent", "weapon", "violence-wish", "sexual"];
/** A threat by the sender, not a wish that harm comes to someone ("I hope you die" is not a threat to kill). */
const THREAT_BY_SENDER: readonly Category[] = ["threat", "imminent", "weapon", "sexual"];
const KILL_WORDS =
  /\b(kill|killed|killing|murder|murdered|dead|die|death|slit|strangle|behead|execute|shoot|shot|stab|stabbed|hang|hanged|bullet)\b/i;
const PROPERTY_THREAT =
  /\b(burn|torch|smash|firebomb|brick|wreck|trash|petrol)\w*\b[^.!?]{0,40}\b(house|home|car|van|windows?|office|door|garden|posters?|boards?|property|place)\b|\b(house|home|car|van|windows?|office)\b[^.!?]{0,30}\b(burn|torch|smash|firebomb|wreck)/i;
/** Pressure on the candidate to give up standing or campaigning. */
const STAND_DOWN_PRESSURE =
  /\b(stand down|step down|withdraw|drop out|pull out|quit|don'?t stand|stop (standing|campaigning|canvassing))\b/i;
/** Pressure on someone about how they vote (Representation of the People Act 1983 s114A). */
const VOTE_PRESSURE = /\b((vote|voting|votes) (for|against)|don'?t vote|not vote|vote \w+ or)\b/i;

/** One analysed text of the incident, with what the analyser found in it. */
export interface AnalysedText {
  /** Where the words are: the incident's summary or description, or an evidence item. */
  field: "summary" | "description" | "evidence";
  evidenceId?: string;
  analysis: Analysis;
  /** The reasons with their spans in the original field (see texts.ts). */
  reasons: readonly Reason[];
  /** The words the analyser saw (for the offence patterns that need the wording). */
  words: string;
  /** The other person's own words (a message as received, or a quotation), not the recorder's account. */
  spoken: boolean;
}

/** What the words of an incident showed, kept with the verdict so it can be reconsidered without them. */
export interface TextFacts {
  categories: Category[];
  characteristics: Characteristic[];
  threatWords: boolean;
  threatToKill: boolean;
  propertyThreat: boolean;
  /** Hostile pressure to stop standing or campaigning. */
  standDownPressure: boolean;
  /** Hostile pressure about how someone votes. */
  votePressure: boolean;
}

export function textFactsOf(texts: readonly AnalysedText[]): TextFacts {
  const threatReasons = texts.flatMap((t) => t.reasons.filter((r) => THREAT_CATEGORIES.includes(r.category)));
  const categories = [...new Set(texts.flatMap((t) => t.analysis.categories))];
  const allWords = texts.map((t) => t.words).join("\n");
  const threatWords = threatReasons.length > 0;
  const hostile = threatWords || categories.includes("abuse");
  return {
    categories,
    characteristics: [...new Set(texts.flatMap((t) => t.analysis.characteristics))],
    threatWords,
    threatToKill: threatReasons.some(
      (r) => THREAT_BY_SENDER.includes(r.category) && KILL_WORDS.test(r.span.text),
    ),
    propertyThreat: threatWords && PROPERTY_THREAT.test(allWords),
    standDownPressure: hostile && STAND_DOWN_PRESSURE.test(allWords),
    votePressure: hostile && VOTE_PRESSURE.test(allWords),
  };
}

export interface TriageFacts {
  jurisdiction: Jurisdiction;
  channel: Channel;
  platform: Platform | undefined;
  inPerson: boolean;
  electronic: boolean;
  communication: boolean;
  targeted: readonly TargetedGroup[];
  categories: ReadonlySet<Category>;
  characteristics: ReadonlySet<Characteristic>;
  /** Threatening or menacing words, or a weapon. */
  threat: boolean;
  threatToKill: boolean;
  /** Threat of death, serious harm or rape (Online Safety Act 2023 s181). */
  seriousHarmThreat: boolean;
  propertyThreat: boolean;
  abusive: boolean;
  /** Hostile pressure to stop standing or campaigning. */
  standDownPressure: boolean;
  /** Hostile pressure about how someone votes. */
  votePressure: boolean;
  weapon: boolean;
  revealedPrivateDetails: boolean;
  saidWhenOrWhere: boolean;
  propertyDamaged: boolean;
  someoneHurt: boolean;
  cameToHome: boolean;
  frightened: boolean;
  contactedBefore: boolean;
  /** From the patterns: one person, two or more incidents (or "contacted before"). */
  courseOfConduct: boolean;
  fearOfViolenceRepeated: boolean;
  stalking: boolean;
  severalTargets: boolean;
  fixation: boolean;
}

export interface FactsInput {
  jurisdiction: Jurisdiction;
  channel: Channel;
  platform: Platform | undefined;
  targeted: readonly TargetedGroup[];
  answers: QuickAnswers | undefined;
  text: TextFacts;
  findings: readonly Finding[];
}

export function deriveFacts(input: FactsInput): TriageFacts {
  const { answers, text, findings } = input;
  const categories = new Set<Category>(text.categories);
  const characteristics = new Set<Characteristic>([...text.characteristics, ...(answers?.referredTo ?? [])]);
  const weapon = categories.has("weapon") || isYes(answers, "weapon");
  const has = (kind: Finding["kind"]) => findings.some((f) => f.kind === kind);
  const contactedBefore = isYes(answers, "contactedBefore");
  return {
    jurisdiction: input.jurisdiction,
    channel: input.channel,
    platform: input.platform,
    inPerson: IN_PERSON_CHANNELS.has(input.channel),
    electronic: ELECTRONIC_CHANNELS.has(input.channel),
    communication: REMOTE_CHANNELS.has(input.channel),
    targeted: input.targeted,
    categories,
    characteristics,
    threat: text.threatWords || weapon,
    threatToKill: text.threatToKill,
    seriousHarmThreat:
      text.threatToKill ||
      categories.has("sexual") ||
      (weapon && (categories.has("threat") || categories.has("imminent"))),
    propertyThreat: text.propertyThreat,
    abusive:
      text.threatWords ||
      ["abuse", "discriminatory", "sexual", "self-harm"].some((c) => categories.has(c as Category)),
    standDownPressure: text.standDownPressure,
    votePressure: text.votePressure,
    weapon,
    revealedPrivateDetails: categories.has("private-info") || isYes(answers, "revealedPrivateDetails"),
    saidWhenOrWhere: categories.has("imminent") || isYes(answers, "saidWhenOrWhere"),
    propertyDamaged: isYes(answers, "propertyDamaged"),
    someoneHurt: isYes(answers, "someoneHurt"),
    cameToHome: isYes(answers, "cameToHome") || input.channel === "home",
    frightened: isYes(answers, "frightened"),
    contactedBefore,
    courseOfConduct: has("course-of-conduct") || contactedBefore,
    fearOfViolenceRepeated: has("fear-of-violence-repeated"),
    stalking: has("stalking"),
    severalTargets: has("several-targets"),
    fixation: has("fixation") || categories.has("fixation"),
  };
}
