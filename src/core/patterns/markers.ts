// Threat-assessment warning behaviours that show in the words of one message.
// Meloy, Hoffmann, Guldimann & James (2012), "The role of warning behaviors in threat assessment",
// Behav Sci Law 30:256 (doi:10.1002/bsl.999); Meloy & O'Toole (2011) on leakage (doi:10.1002/bsl.986);
// domain-rules §2. Warning behaviours do not predict violence: they call for an operational response.
//
// Every phrase is a regular expression over normalise(text): lower-case words separated by single
// spaces, contractions expanded ("I've" → "i have", "won't" → "will not"); it must start and end on a word.
// Phrases that ordinary political messages also use ("what time is your surgery?", "before it's too
// late") count only in a menacing message: one with words of violence, weapons or "traitor", or a
// menacing phrase ("watch your back", "you will pay").
import { WARNING_MARKERS, type WarningMarker } from "./types.ts";

const KIDS = "(?:kids|children|child|son|daughter|boy|girl|boys|girls|grandchildren|grandkids)";
const WEAPON =
  "(?:knife|knives|blade|machete|crossbow|crossbows|gun|guns|rifle|shotgun|pistol|handgun|firearm|ammo|ammunition|bullets|sword)";

/** Pathway: asks for, or shows research on, the target's home, children, car or routine; weapons bought. */
const PATHWAY = [
  "where (?:do|does) (?:you|she|he) (?:live|sleep|stay)",
  "(?:know|found out|find out|found|worked out|work out) where (?:you|she|he) (?:live|lives|sleep|sleeps)",
  "(?:what is|whats) (?:your|her|his) (?:home )?address",
  "(?:give me|send me|i have|i have got|i got|i know|i found|we know|we have) (?:your|her|his) (?:home )?address",
  "(?:which|what) (?:street|road|house|flat|village) (?:do|does) (?:you|she|he) live",
  `(?:which|what) (?:school|nursery) (?:do|does) (?:your|her|his) ${KIDS} (?:go|goes|attend)`,
  `where (?:do|does) (?:your|her|his) ${KIDS} go to (?:school|nursery)`,
  "(?:know|found out|find out) (?:which|what|where) (?:school|nursery)",
  `(?:pick|picks|picking|drop|drops|dropping) (?:up |off )?(?:your|her|his) ${KIDS}`,
  "(?:what|which) (?:car|vehicle|motor) (?:do|does) (?:you|she|he) (?:drive|have|own)",
  "(?:know|seen|saw|found) (?:what|which) (?:car|vehicle) (?:you|she|he) (?:drive|drives)",
  "(?:your|her|his) (?:number plate|reg plate|registration number|car registration)",
  "(?:know|learnt|learned|worked out|watched) (?:your|her|his) (?:daily |weekly )?(?:routine|movements)",
  "(?:i|we) (?:know|see|have seen|saw) (?:when|what time) (?:you|she|he) (?:leave|leaves|get home|gets home|are alone|is alone|are home|is home|go to bed|walk)",
  "what time (?:do|does) (?:you|she|he) (?:leave|get home|go home|go to bed|get up|walk the dog)",
  "when (?:do|does|are|is) (?:you|she|he) (?:leave home|leaving home|get home|getting home|home alone|alone|walk the dog)",
  "(?:watching|watched|sat outside|parked outside|waiting outside) (?:your|her|his) (?:house|home|flat|family|kids|children|car|street)",
  "(?:watching|watched) (?:your|her|his) (?:office|surgery|movements)",
  `(?:following|followed) (?:your|her|his) (?:car|wife|husband|partner|${KIDS.slice(3, -1)})`,
  "(?:watching|watched|following|followed) (?:you|her|him) (?:home|to your|to her|to his|from your|from her|from his|everywhere|for days|for weeks|every day|at night)",
  `(?:bought|buying|buy|purchased|ordered|got|getting|sharpened|sharpening|loaded|loading) (?:myself |me )?(?:a |an |some |the |my )?(?:new )?${WEAPON}`,
];

/** Surgery and office times: ordinary constituent questions, so pathway only when menacing. */
const PATHWAY_IF_MENACING = [
  "(?:know|learnt|learned|worked out) (?:your|her|his) (?:daily |weekly )?schedule",
  "(?:what time|when|where) (?:is|are|does) (?:your|her|his) (?:next )?(?:surgery|surgeries|office|constituency office|advice surgery)",
  "(?:what time|when) (?:do|does) (?:you|she|he) (?:get to|leave|arrive at|close|open) (?:your|her|his|the) (?:office|surgery)",
  "(?:what time|when) (?:does|do) (?:your|her|his|the) (?:office|surgery) (?:open|close|shut|finish)",
  "(?:when|what time) (?:are|is) (?:you|she|he) (?:at|in) (?:your|her|his|the) (?:office|surgery)",
];

/** Identification: links self with past attackers of MPs, or casts self as a warrior for a cause. */
const IDENTIFICATION = [
  "(?:soldier|warrior|martyr|crusader|patriot|foot soldier) (?:for|of) (?:the |our |my )?(?:cause|nation|race|people|country|movement|revolution)",
  "i am the one (?:who|that) (?:will|is going to|has to)",
  "i will be the one (?:who|that|to)",
  "finish what (?:he|they|mair|thomas mair) started",
  "(?:mair|amess|cox) (?:was|is) (?:a |my )?(?:hero|legend|patriot|inspiration)",
  "(?:like|same as|remember) what happened to (?:jo|sir david|amess|cox|that mp|the mp|the last|your)",
];
/** The names of attackers and victims fire unless the message is about remembering them. */
const ATTACK_NAMES = ["jo cox", "david amess", "thomas mair", "ali harbi ali"];
const REMEMBRANCE =
  /jo cox (?:foundation|commission|memorial|fund|way)|great get together|more in common|in memory of|memorial|tribute|condolences|legacy|rest in peace/;
const IDENTIFICATION_IF_MENACING = ["(?:like|same as) (?:what )?happened to", ...ATTACK_NAMES];

/** Last resort: violence presented as the only option; deadlines. */
const LAST_RESORT = [
  "nothing (?:left )?to lose",
  "(?:you have|you) left me (?:with )?no (?:choice|option|alternative)",
  "you (?:give|gave) me no (?:choice|option|alternative)",
  "(?:this is|it is|consider this|here is|heres) your (?:last|final|only) warning",
  "you have had your (?:last|final) warning",
  "(?:i have|i had|i see|i can see|leaves me|leave me) no other (?:way|choice|option)",
];
/** Words campaign leaflets use too ("act before it's too late"): last resort only when menacing. */
const LAST_RESORT_IF_MENACING = [
  "no other way",
  "no (?:other )?way out",
  "there is no other (?:choice|option)",
  "before it is too late",
  "(?:your|this is your|it is your) last chance",
  "time is running out",
  "(?:days|hours) are numbered",
];

/** Leakage: telling others of an intent to harm the target, in the third person. */
const HARM =
  "(?:shoot|stab|kill|hurt|hang|string up|knife|beat up|batter|do in|burn|petrol bomb|acid|run over|strangle|lynch)";
const THEM =
  "(?:her|him|them|that (?:woman|man|mp|candidate|bitch|cunt|traitor|bastard)|the candidate|this candidate)";
const NOT_AT_THE_POLLS =
  "(?! (?:at|in|on) the (?:polls|ballot|ballot box|election|debate|count|vote|hustings))";
const NOT_ELECTORAL =
  "(?! (?:elected|re elected|reelected|a|an|the|some|to|on|back|in|out|voted|removed|sacked|deselected|kicked|thrown|my|our|your|their|his|her|its|this|that|these|those|signed|involved)(?![^ ]))";
const LEAKAGE = [
  `(?:someone|somebody|anyone|anybody|one of us|people) (?:should|needs to|need to|ought to|has to|have to|is going to|are going to|will|must) (?:just |really )?${HARM} ${THEM}${NOT_AT_THE_POLLS}`,
  `(?:i am|we are) going to (?:get|sort|finish|do) (?:her|him)${NOT_ELECTORAL}`,
  `(?:i will|we will|i am going to|we are going to) ${HARM} (?:her|him)${NOT_AT_THE_POLLS}`,
  "(?:she|he) (?:will not|is not going to|will never) (?:see the end of|live to see) (?:the |this )?(?:campaign|election|count|polling day|christmas|summer|new year|year)",
  "(?:she|he) (?:will not|is not going to|will never) see (?:christmas|polling day|the new year)",
  "(?:she|he) (?:will|is going to) get what is coming",
  "(?:she|he) will not be (?:alive|breathing) (?:for )?(?:much )?(?:long|longer)",
];

/** Words of violence and weapons, and "traitor": what makes an ambiguous phrase menacing. */
const MENACING_WORDS: ReadonlySet<string> = new Set(
  `kill killed killing murder murdered stab stabbed shoot hang hanged lynch lynched strangle behead slaughter
  execute torch firebomb hurt batter battered punch acid maim choke drown shank bleed torture kneecap rape
  die traitor traitors noose knife knives gun guns crossbow machete bullet bullets`.split(/\s+/),
);
const MENACING_PHRASES =
  /(?<![^ ])(?:watch your back|you will pay|you will be sorry|you will regret|coming for you|waiting for you|see you there|get what is coming|you have been warned|deserve what)(?![^ ])/;

const CONTRACTIONS: [RegExp, string][] = [
  [/\bwon'?t\b/g, "will not"],
  [/\bcan'?t\b|\bcannot\b/g, "can not"],
  [/\bain'?t\b/g, "is not"],
  [/\bi'?m\b/g, "i am"],
  [/\bi'?ve\b/g, "i have"],
  [/\bu\b/g, "you"],
  [/\bur\b/g, "your"],
  [/\b(you|we|they)'?ve\b/g, "$1 have"],
  [/\b(you|we|they)'re\b/g, "$1 are"],
  [/\byoure\b/g, "you are"],
  [/\b(you|she|he|we|they|i)'ll\b/g, "$1 will"],
  [/\b(you|she|he|we|they|i)'d\b/g, "$1 would"],
  [/\b(do|does|did|is|are|was|were|has|have|had|should|would|could)n'?t\b/g, "$1 not"],
  [/\b(it|that|what|she|he|there|who|where|when|here)'?s\b/g, "$1 is"],
  [/\bgonna\b/g, "going to"],
  [/\bwanna\b/g, "want to"],
  [/\bgotta\b/g, "got to"],
];

/** Lower-case words separated by single spaces, accents folded, contractions expanded. */
export function normalise(text: string): string {
  let out = text.normalize("NFKD").replace(/\p{M}/gu, "").toLowerCase().replace(/[’‘`]/g, "'");
  for (const [pattern, replacement] of CONTRACTIONS) out = out.replace(pattern, replacement);
  return out
    .replace(/'s\b/g, "")
    .replace(/[^a-z0-9]+/g, " ")
    .trim();
}

const anyOf = (phrases: readonly string[]) =>
  new RegExp(`(?<![^ ])(?:${phrases.map((p) => `(?:${p})`).join("|")})(?![^ ])`);

interface MarkerRule {
  always: RegExp;
  ifMenacing?: RegExp;
  /** Fires on its own unless the message also matches `benign`; then only when menacing. */
  unlessBenign?: { phrases: RegExp; benign: RegExp };
}

const RULES: Record<WarningMarker, MarkerRule> = {
  pathway: { always: anyOf(PATHWAY), ifMenacing: anyOf(PATHWAY_IF_MENACING) },
  identification: {
    always: anyOf(IDENTIFICATION),
    ifMenacing: anyOf(IDENTIFICATION_IF_MENACING),
    unlessBenign: { phrases: anyOf(ATTACK_NAMES), benign: REMEMBRANCE },
  },
  "last-resort": { always: anyOf(LAST_RESORT), ifMenacing: anyOf(LAST_RESORT_IF_MENACING) },
  leakage: { always: anyOf(LEAKAGE) },
};

function isMenacing(normalised: string): boolean {
  return MENACING_PHRASES.test(normalised) || normalised.split(" ").some((w) => MENACING_WORDS.has(w));
}

/** The warning-behaviour markers a text shows, in WARNING_MARKERS order. */
export function markersOf(text: string): WarningMarker[] {
  const t = normalise(text);
  if (!t) return [];
  let menacing: boolean | undefined;
  const menaces = () => (menacing ??= isMenacing(t));
  return WARNING_MARKERS.filter((marker) => {
    const rule = RULES[marker];
    if (rule.always.test(t)) return true;
    const u = rule.unlessBenign;
    if (u && u.phrases.test(t) && !u.benign.test(t)) return true;
    return rule.ifMenacing !== undefined && rule.ifMenacing.test(t) && menaces();
  });
}
