// Regular-expression fragments over normalised text (lower-case words separated by single spaces, "." between
// sentences). Contractions are already expanded: "I'll" is "i will", "won't" is "will not".
import {
  alt,
  GOING_TYPOS,
  HOSTILE_GROUP_WORDS,
  IDENTITY_TERMS,
  INSULTS,
  ABUSIVE_ADJECTIVES,
  PLACES,
  TIMES,
  VIOLENT_PARTICIPLE_TYPOS,
  VIOLENT_PARTICIPLES,
  VIOLENT_VERB_TYPOS,
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
export const VIOLENT_VERB_LIST: readonly string[] = [
  ...VIOLENT_VERBS.filter(
    (v) => !["get", "do", "sort", "end", "finish", "put", "knock", "take out"].includes(v),
  ),
  ...VIOLENT_VERB_TYPOS,
];
export const VIOLENT = altWords(VIOLENT_VERB_LIST);
/** The participles and their common misspellings ("stabed", "kiled"). */
export const PARTICIPLE_LIST: readonly string[] = [...VIOLENT_PARTICIPLES, ...VIOLENT_PARTICIPLE_TYPOS];
export const PARTICIPLE = altWords(PARTICIPLE_LIST);
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
export const IDENTITY = altWords([...IDENTITY_TERMS.keys()]);
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
export const SUBJECT =
  "(?:i|we|we all|my (?:mates|boys|lads|friends|brother|brothers|mate|cousin|cousins|son|sons|dad|uncle|family|crew|pals?)|the (?:lads|boys)|some of the lads|(?:people|folk|the lads|the boys) (?:round|around) here|a few of us|me and (?:my )?[^ .]+)";
/** "going to" and its misspellings ("gonig to", "goin to"), and "gonna" spelt as it is said. */
export const GOING_TO = `(?:${alt(["going", ...GOING_TYPOS])} to|gonna|gona|gunna|finna)`;
const INTENT = altWords([
  "will",
  "wil",
  "wll",
  "shall",
  "would",
  "am going to",
  "are going to",
  "is going to",
  "going to",
  ...GOING_TYPOS.flatMap((g) => [`am ${g} to`, `are ${g} to`, `${g} to`]),
  "am gona",
  "are gona",
  "am gunna",
  "are gunna",
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
/** "I'll" typed without its apostrophe ("ill kill you") and "imma" are first-person intent too. */
export const FIRST_PERSON_INTENT = `(?:${SUBJECT} ${INTENT}|ill|imma|ima)`;

export const TIME = `(?:${altWords(TIMES)}|\\d{1,2}(?:am|pm)|\\d{1,2} \\d\\d(?:am|pm)?|\\d{1,2} (?:am|pm|oclock|o clock)|on the \\d{1,2}(?:st|nd|rd|th)|in (?:\\d+|a|an|one|two|three|four|five|ten|twenty|thirty|a few|a couple of) (?:minutes?|mins?|hours?|hrs?|days?)|(?:after|before|during) (?:the|your|tonights|tomorrows|this|next) (?:hustings|count|surgery|meeting|debate|rally|event|leaflet drop|canvass|canvassing session|street stall|school run|results|husting)|come (?:monday|tuesday|wednesday|thursday|friday|saturday|sunday)|(?:half|quarter) (?:past |to )?(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve|\\d{1,2})|(?:one|two|three|four|five|six|seven|eight|nine|ten|eleven|twelve) (?:oclock|o clock|am|pm|tonight|tomorrow)|(?:on )?(?:the )?\\d{1,2}(?:st|nd|rd|th)? (?:of )?(?:may|june|july|april|march))`;

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

/**
 * What a beating leaves behind, said of the person it is aimed at: "end up in intensive care", "leave in an
 * ambulance", "be eating through a straw", "never walk again". Follows a modal ("you'll", "he's going to") or
 * "make sure you"; "not"/"never" inside is part of the threat, not a negation of it.
 */
export const HARM_OUTCOME = `(?:(?:end up|wind up|finish up|land) (?:in|on) (?:an? |the )?(?:hospital|intensive care|icu|a&e|a e|wheelchair|traction|casualty)|(?:end up|wind up|finish up|land|be|be lying|lie|be found|be floating) (?:in|on|at the bottom of|face down in) (?:an? |the )?(?:canal|river|ditch|gutter|box|coffin|ground|morgue|mortuary|body bag|pool of (?:your|his|her|their) own blood|pool of blood|cemetery|graveyard|grave|bottom of the canal|bottom of the river|boot of (?:a|my) car)|(?:leave|be leaving|go home|be going home|be carried out|come out|be coming out|get home|be taken away|be going out) (?:in|on|inside) (?:an? |the )?(?:ambulance|stretcher|body bag|box|coffin|bits|pieces|hearse)|need (?:an ambulance|a new (?:set of )?(?:teeth|face|legs|kneecaps|knees|jaw)|dental records|a priest)|be (?:eating|drinking) through a straw|(?:never|not) (?:walk|talk|see) (?:properly )?again|not (?:get|be getting) (?:back )?up again|not (?:be )?(?:walking|walk|leaving|leave|leavig|going|go|getting|get|coming|come|making it|make it) (?:(?:home|out|back|away) )?(?:(?:of |from )?(?:the|that|this|your|ur|tonights|tomorrows) (?:[^ .]+ )?(?:count|hustings|surgery|meeting|debate|rally|event|hall|office|library|centre|station|building|stall|car park|room) )?(?:in one piece|alive|on your own two feet|on your own feet|with your teeth|with all your teeth|unhurt|unharmed|standing|on your feet)|not (?:be )?(?:walking|leaving|getting|coming) (?:home|out of there|away from this)(?: (?:from|after) (?:it|that|there|this))?(?= \\.|$)|be picking (?:your|ur) teeth up|not (?:be )?(?:getting out|walking out|coming out|going home|getting home|making it home|leaving (?:here|there) alive)(?= \\.|$| again| mate| love| pal| this time| tonight))`;

/** Words that can make a matched phrase harmless: negation in front of it. */
export const NEGATIONS = new Set(["not", "never", "no", "nobody", "noone", "nothing", "nor", "neither"]);
