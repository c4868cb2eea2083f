// Regular-expression fragments over normalised text (lower-case words separated by single spaces, "." between
// sentences). Contractions are already expanded: "I'll" is "i will", "won't" is "will not".
import {
  alt,
  HOSTILE_GROUP_WORDS,
  IDENTITY_TERMS,
  INSULTS,
  ABUSIVE_ADJECTIVES,
  PLACES,
  TIMES,
  VIOLENT_PARTICIPLES,
  VIOLENT_VERBS,
  WEAPONS,
  WEAPON_SKILLS,
} from "./lexicon.ts";

/** Any 0..n words within the sentence. */
export const gap = (n: number): string => `(?:[^ .]+ ){0,${n}}`;
export const START = "(?<![^ ])";
export const END = "(?![^ ])";

/** Whole words only. */
export const words = (source: string): string => `${START}(?:${source})${END}`;

const longestFirst = (list: readonly string[]): string[] => [...list].sort((a, b) => b.length - a.length);
export const altWords = (list: readonly string[]): string => alt(longestFirst(list));

/** Violent verbs that need no particular completion ("kill you"); "get", "do", "sort" … only in set phrases. */
export const VIOLENT_VERB_LIST: readonly string[] = VIOLENT_VERBS.filter(
  (v) => !["get", "do", "sort", "end", "finish", "put", "knock", "take out"].includes(v),
);
export const VIOLENT = altWords(VIOLENT_VERB_LIST);
export const PARTICIPLE = altWords(VIOLENT_PARTICIPLES);
export const WEAPON = altWords(WEAPONS);
/** Weapons someone can hold or point at you: not ammunition, fuel, rope or a licence. */
export const HELD_WEAPON = altWords(
  WEAPONS.filter(
    (w) =>
      !/(?:ammo|ammunition|bullets?|shells|cartridges|rope|noose|petrol|fluid|poison|licence|certificate)$/.test(
        w,
      ),
  ),
);
export const SKILL = altWords(WEAPON_SKILLS);
export const INSULT = altWords(INSULTS);
export const ABUSIVE_ADJ = altWords(ABUSIVE_ADJECTIVES);
export const IDENTITY = altWords(Object.keys(IDENTITY_TERMS));
export const HOSTILE = altWords(HOSTILE_GROUP_WORDS);

/** Who a threat can be aimed at: the reader, the candidate in the third person, their family and property. */
const BELONGINGS = [
  "family",
  "wife",
  "husband",
  "partner",
  "missus",
  "kids",
  "children",
  "child",
  "son",
  "daughter",
  "mum",
  "mam",
  "mother",
  "dad",
  "father",
  "agent",
  "staff",
  "team",
  "volunteers",
  "office",
  "house",
  "home",
  "car",
  "face",
  "head",
  "legs",
  "leg",
  "neck",
  "throat",
  "kneecaps",
  "windows",
  "door",
  "dog",
  "cat",
  "life",
  "skull",
  "teeth",
  "brains",
  "grandkids",
  "baby",
  "girlfriend",
  "boyfriend",
  "gaff",
  "flat",
  "throat",
  "campaign office",
  "fingers",
  "arms",
  "jaw",
  "nose",
  "lights",
];
export const TARGET = `(?:you|yourself|him|her|them|the candidate|this candidate|all of you|every [^ .]+|(?:your|ur|his|her|their) (?:[^ .]+ )?${altWords(BELONGINGS)})`;
/** The reader only (not "him", "her"): who an account of something done, not threatened, must be about. */
export const READER = `(?:you|yourself|(?:your|ur) (?:[^ .]+ )?${altWords(BELONGINGS)})`;

/** "I will", "we are going to", "my lads are going to". */
const SUBJECT =
  "(?:i|we|my (?:mates|boys|lads|friends|brother|brothers|mate)|the lads|me and (?:my )?[^ .]+)";
const INTENT = altWords([
  "will",
  "shall",
  "would",
  "am going to",
  "are going to",
  "is going to",
  "going to",
  "am coming to",
  "are coming to",
  "want to",
  "would love to",
  "would happily",
  "will happily",
  "could easily",
  "can not wait to",
  "intend to",
  "plan to",
  "am planning to",
  "are planning to",
  "am about to",
  "are about to",
  "will be coming to",
  "will personally",
  "swear i will",
  "promise i will",
  "will come and",
  "will come round and",
  "am gonna",
  "are gonna",
  "will fucking",
  "am fucking going to",
  "have to",
  "need to",
  "will be the one to",
  "will make sure i",
  "should",
]);
export const FIRST_PERSON_INTENT = `${SUBJECT} ${INTENT}`;

export const TIME = `(?:${altWords(TIMES)}|\\d{1,2}(?:am|pm)|\\d{1,2} \\d\\d(?:am|pm)?|\\d{1,2} (?:am|pm|oclock|o clock)|on the \\d{1,2}(?:st|nd|rd|th))`;

const STREET_TYPES = altWords([
  "street",
  "st",
  "road",
  "rd",
  "lane",
  "ln",
  "avenue",
  "ave",
  "close",
  "cl",
  "drive",
  "dr",
  "way",
  "crescent",
  "terrace",
  "grove",
  "place",
  "gardens",
  "court",
  "square",
  "mews",
  "row",
  "walk",
  "hill",
]);
export const PLACE = `(?:${altWords(PLACES)}|(?:on|at|in|down|along|outside) (?:[a-z]+ ){1,2}${STREET_TYPES}|(?:when|while|next time) you (?:are |go |come )?(?:out )?(?:canvassing|leafleting|knocking|campaigning|walking|delivering))`;

/** Words that can make a matched phrase harmless: negation in front of it. */
export const NEGATIONS = new Set(["not", "never", "no", "nobody", "noone", "nothing", "nor", "neither"]);
