// The analyser's rules as data: each a pattern over normalised text, the category and level it leads to,
// what to tell the person, and the source it implements. Context checks (negation, quotation, reporting,
// electoral metaphors) are in rule-engine.ts.
import { requiredWords } from "./rule-requirements.ts";
import { SOURCES } from "./sources.ts";
import type { Category, Characteristic, Level } from "./types.ts";
import { IDENTITY_TERMS, INSULTS, WEAPONS } from "./lexicon.ts";
import {
  ABUSIVE_ADJ,
  VIOLENT_VERB_LIST,
  FIRST_PERSON_INTENT,
  gap,
  GOING_TO,
  HARM_OUTCOME,
  HELD_WEAPON,
  HOSTILE,
  IDENTITY,
  INSULT,
  PARTICIPLE,
  PARTICIPLE_LIST,
  READER,
  SKILL,
  SUBJECT,
  TARGET,
  VIOLENT,
  WEAPON,
  words,
} from "./patterns.ts";

export interface PatternRule {
  id: string;
  category: Category;
  level: Level;
  explanation: string;
  source: string;
  /** The rule can only match if one of these words is in the message (a cheap pre-check). */
  cues: readonly string[];
  pattern: RegExp;
  /** Suppressed when negated ("I would never hurt you", "I don't hate Muslims"). */
  negatable?: boolean;
  /** Suppressed in an electoral frame ("we'll destroy you at the ballot box"). */
  electoral?: boolean;
  /** Needs some other hostile signal in the message before it counts (e.g. "I've planned it all"). */
  needsHostility?: boolean;
  /** Tells of something already done ("I punched you"), not threatened: a time or place does not make it imminent. */
  past?: boolean;
  /** Negation inside the match does not count ("you will never be British" is not a negated insult). */
  negationInside?: false;
  /** Where the characteristic comes from: a named group of the match, or any identity term in the message. */
  characteristicGroup?: "identity" | "message";
  /** The characteristic every match of this rule concerns. */
  characteristic?: Characteristic;
  /** The kind of private detail is the name of the group that matched ("homeAddress", "phone", …). */
  detailGroup?: true;
}

const rx = (source: string) => new RegExp(words(source), "g");

/** The first word of each entry: a rule's cues, matched on their first four letters (rulesToTry). */
const firstWords = (list: readonly string[]): string[] => [...new Set(list.map((w) => w.split(" ")[0]!))];

const VIOLENT_CUES = firstWords(VIOLENT_VERB_LIST);
const PARTICIPLE_CUES = [...firstWords(PARTICIPLE_LIST), "gtting", "geting", "gettin"];
/** The everyday verbs of WEAK_VIOLENCE and the weak-verb threats ("put you in the ground", "sort you out"). */
const WEAK_VERB_CUES = [
  "do",
  "sort",
  "get",
  "finish",
  "end",
  "put",
  "take",
  "fuck",
  "have",
  "deal",
  "knock",
  "kick",
  "smash",
  "cave",
  "bash",
  "rip",
  "tear",
  "break",
  "wipe",
  "throw",
  "brick",
  "give",
  "drag",
  "wring",
  "shut",
  "silence",
  "make",
  "hands",
  "beat",
  "beats",
  "run",
];

const IDENTITY_CUES = firstWords([...IDENTITY_TERMS.keys()]);

/** Violence said with everyday verbs: "put you in the ground", "do you in", "kick your head in". */
const WEAK_VIOLENCE = `(?:do ${TARGET} in|sort ${TARGET} out|finish ${TARGET} off|put ${TARGET} (?:in|six feet) (?:the ground|hospital|a box|a wheelchair|a coffin|under)|take ${TARGET} out|fuck ${TARGET} up|knock ${TARGET} (?:out|down|spark out)|(?:kick|smash|cave|bash) (?:your|ur|his|her|their) (?:head|teeth|door|face|skull) in|rip ${TARGET} apart|tear ${TARGET} apart|break (?:your|ur|his|her) (?:legs|neck|jaw|arms|fingers|face|nose)|wipe that smile off (?:your|ur|his|her) face|teach ${TARGET} a lesson|put (?:your|ur|his|her) windows? (?:through|in)|drag ${TARGET} (?:out|off|from|into|down|through|outside|by|across|along)|run ${TARGET} over|give ${TARGET} (?:a|an) (?:[^ .]+ )?(?:slap|slapping|kicking|beating|hiding|punch|smack|smacking|clip|battering|pasting|leathering|going over|thumping|doing|kicking in)|(?:have|get|put|wrap|keep) my hands (?:round|around|on) (?:your|ur|his|her) (?:throat|neck)|wring (?:your|ur|his|her) (?:[^ .]+ )?neck|shut ${TARGET} up (?:for good|permanently|forever|for ever|once and for all)|silence ${TARGET} (?:for good|permanently|forever|for ever|once and for all)|put ${TARGET} (?:through|in|into|under) (?:a|the) (?:window|wall|windscreen|floor|table|canal|river|ground|bus|train)|make ${TARGET} bleed|beats? the (?:living )?(?:daylights|shit|crap|hell|life) out of ${TARGET}|take (?:a|an|my) (?:[^ .]+ )?(?:bat|hammer|knife|machete|crowbar|brick|blade|axe|golf club|iron bar|cricket bat|wrench) to ${TARGET}|finished ${TARGET} off|throws? acid (?:in|at|over) ${gap(2)}(?:face|you|her|him)|bricks? (?:your|ur|his|her) (?:car|window|house|office|windows))`;
const VIOLENT_ANY = `(?:${VIOLENT}(?:s|es|ed)?|${WEAK_VIOLENCE})`;

/** Watching someone on the telly or in the council chamber is not following them. */
const NOT_MEDIA =
  "(?! (?:on|in) (?:the )?(?:telly|tv|television|radio|news|debate|council|chamber|papers?|youtube|look north|question time|live stream|livestream))";

/** A person (not "your campaign"): who following or watching is about. */
const PERSON = `(?:you(?! r)|him|her|them|(?:your|ur|his|her) (?:wife|husband|partner|kids|children|son|daughter|family|agent|staff|car|movements|every move|mum|dad|house|home))`;

const INSULT_CUES = [...firstWords(INSULTS), "get"];

/** A person named by what they are, not by a pronoun: "shoot that woman", "punch this clown". */
const PERSON_NOUN = `(?:woman|man|bloke|lass|girl|guy|fella|lady|candidate|councillor|mp|traitor|politician|${INSULT})`;

/** What follows "hang" when it is about posters, not people: "you should hang your posters in the window". */
const HUNG_THINGS = `(?:your|ur|my|our|his|her|their|the|a|an|some|up|out|on|onto|around|round|about|back|in there|it|them|this|that|these|those|posters?|banners?|flags?|bunting|pictures?|signs?|washing|fire|loose|tough|together)`;

/** A weapon someone holds: "a knife", "his big knife", "the gun". */
const HELD = `(?:a|an|the|his|her|my|their|this|that|some|our) ${gap(1)}${HELD_WEAPON}`;
/** Parts of the body an assault is told against: "punched you in the face", "grabbed you by the arm". */
const BODY = `(?:face|head|chest|stomach|belly|gut|guts|back|arm|arms|leg|legs|neck|throat|mouth|nose|eye|eyes|jaw|ribs|side|shoulder|shoulders|groin|balls|teeth|ear|ears|hair|wrist|wrists|hand|hands|cheek|knee|knees|kidneys|shins?|collar|coat|jacket|scarf)`;
/** Where an assault put someone: "pushed you over", "knocked you to the ground". */
const FELLED = `(?:over(?! the edge)|down(?! a peg)|flying|out cold|unconscious|spark out|off (?:your|ur) feet|to the (?:ground|floor|pavement)|(?:into|against|onto|through) (?:the|a) (?:[^ .]+ )?(?:road|wall|door|railings|hedge|car|fence|lamppost|floor|ground|window|table|bins?|van))`;
/**
 * Who says they did it: the sender, or the other person in an account once directSpeech has turned "he pulled a
 * knife on me" into "I pulled a knife on you". Not a third person: "sorry someone punched you" is sympathy.
 */
const DOER = `(?:i|we|my (?:mate|mates|lads|boys|brother|son)|me and (?:my )?[^ .]+)`;
/** Between the doer and the deed, only words like these: "I then pulled", not "I heard he pulled". */
const DID = `(?:(?:have|had|just|then|also|actually|literally|deliberately|even|nearly|almost|once|already|really|ever|never|not|suddenly|again|physically) ){0,3}`;
const WEAPON_CUES = firstWords(WEAPONS);

const THREAT = { category: "threat", level: "report-to-police", source: SOURCES.threatening } as const;
const ASSAULT = { category: "threat", level: "report-to-police", source: SOURCES.assault } as const;
const CONTACT = { category: "fixation", level: "report-to-police", source: SOURCES.repeatedContact } as const;
const WISH = { category: "violence-wish", level: "report-to-police", source: SOURCES.threatening } as const;
const FIXATION = { category: "fixation", level: "call-999", source: SOURCES.fixation } as const;
const PLAN = { category: "plan", level: "call-999", source: SOURCES.fixation } as const;
const WEAPON_RULE = { category: "weapon", level: "call-999", source: SOURCES.weapon } as const;
const RELEASED = { category: "private-info", level: "call-999", source: SOURCES.privateInfo } as const;
const SEXUAL = { category: "sexual", level: "report-to-police", source: SOURCES.sexual } as const;
const SELF_HARM = { category: "self-harm", level: "report-to-police", source: SOURCES.selfHarm } as const;
const ABUSE = { category: "abuse", level: "report-to-platform", source: SOURCES.abuse } as const;
const HATE = {
  category: "discriminatory",
  level: "report-to-police",
  source: SOURCES.discriminatory,
} as const;

export const PATTERN_RULES: PatternRule[] = [
  // ── threats of violence ────────────────────────────────────────────────────────────────────────────
  {
    id: "threat.first-person",
    ...THREAT,
    explanation: "They say they will hurt someone: this is a threat of violence.",
    cues: [...VIOLENT_CUES, ...WEAK_VERB_CUES],
    pattern: rx(
      `(?:(?:${FIRST_PERSON_INTENT}|(?<=^|\\. |@user )(?:${GOING_TO}|about to)) (?:[^ .]+ ){0,5}?|${SUBJECT} (?:am|are|is|will be|will) (?:coming|come|going|go|heading|head|turning up|turn up) (?:round|over|down|up|to|for|back|at) (?:[^ .]+ ){0,6}?to )(?:(?!break a leg)${VIOLENT} ${gap(3)}${TARGET}|${WEAK_VIOLENCE})`,
    ),
    negatable: true,
    electoral: true,
  },
  {
    id: "threat.first-person-weak-verb",
    ...THREAT,
    explanation: "They say they will hurt someone: this is a threat of violence.",
    cues: WEAK_VERB_CUES,
    pattern: rx(
      `${FIRST_PERSON_INTENT} ${gap(2)}(?:do ${TARGET} in|sort ${TARGET} out|get ${TARGET}(?= \\.|$| one day| soon| for this| for that| back| at| outside| when| after| tonight| on| in)|finish ${TARGET} off|end ${TARGET}|put ${TARGET} (?:in|six feet) (?:the ground|hospital|a box|a wheelchair|a coffin|under)|take ${TARGET} out|fuck ${TARGET} up|deal with ${TARGET}|have ${TARGET}(?= \\.|$)|knock ${TARGET} (?:out|down|spark out)|kick (?:your|ur|his|her) (?:head|teeth|door|face) in|cave (?:your|ur|his|her) (?:head|skull|face) in|rip ${TARGET} apart|tear ${TARGET} apart|break (?:your|ur|his|her) (?:legs|neck|jaw|arms|fingers|face))`,
    ),
    negatable: true,
    electoral: true,
  },
  {
    id: "threat.you-will-get",
    ...THREAT,
    explanation: "They say you (or someone close to you) will be hurt: this is a threat of violence.",
    cues: PARTICIPLE_CUES,
    pattern: rx(
      `(?:(?:you|your (?!party|campaign|candidates|vote|majority|lot|policies|plans|budget|council|seat)[^ .]+|he|she|they) (?:will|are going to|is going to|are about to|will soon|will end up|are gonna) ${gap(2)}(?:get|be|getting|end up) ${gap(2)}${PARTICIPLE}|(?:you are|your|you|he is|she is) getting ${PARTICIPLE}|(?:you|he|she|they|(?:your|ur) (?!party|campaign|lot|vote|votes|council|seat|majority)[^ .]+|you and (?:your|ur)(?: [^ .]+){1,2}?|(?:your|ur) [^ .]+ and (?:you|your [^ .]+)) (?:will|(?:are |is )?going to|are gonna|is gonna|will soon|are about to|is about to|are|is) (?:get|be getting|getting|gtting|geting|gettin) (?:a |an )?(?:[^ .]+ )?(?:kicking|beating|hiding|battering|slap|bullet|smack|knife|pasting|leathering|thumping|going over|kicked in|smashed in|${PARTICIPLE}))`,
    ),
    negatable: true,
    electoral: true,
  },
  {
    id: "threat.menace",
    ...THREAT,
    explanation: "This is menacing language aimed at you: a threat, even without saying what they will do.",
    cues: [
      "watch",
      "dead",
      "days",
      "time",
      "card",
      "number",
      "sleep",
      "warned",
      "warning",
      "last",
      "final",
      "coming",
      "find",
      "get",
      "hunt",
      "walk",
      "know",
      "make",
      "safe",
      "pay",
      "regret",
      "suffer",
      "bleed",
      "die",
      "sorry",
      "next",
      "shame",
      "happen",
      "accidents",
      "careful",
      "lucky",
      "found",
      "dealt",
      "blood",
      "reckoning",
      "keep",
      "smiling",
      "finished",
      "hospital",
      "ground",
      "box",
      "wheelchair",
      "stretcher",
      "ambulance",
      "body",
      "walking",
      "hurt",
      "getting",
      "better",
      "talking",
      "list",
      "finish",
      "leave",
      "going",
      "end",
      "run",
      "lock",
      "over",
      "life",
      "deserve",
      "deserves",
      "say",
      "time",
      "well",
      "idea",
      "know",
      "clue",
      "see",
      "live",
      "cox",
      "amess",
    ],
    pattern: rx(
      `(?:watch (?:your|ur) back|watch yourself|(?:you|he|she) (?:are|is) (?:so |a |fucking )?dead(?: man| woman| meat)?(?= \\.|$| walking| mate| pal| soon| you hear| do you hear| hear me| ya hear| understand| got it| got that| if you| when i| when we| the moment| the minute| as soon as| next time| once i| once we)|you are a dead (?:man|woman)|(?:your|ur) (?:days are numbered|time is up|time will come|card is marked|number is up)|sleep with one eye open|(?:you|u) have been warned|(?:last|final|only) warning|this is (?:a|your) warning|(?:i am|we are|they are) coming for ${TARGET}|(?:i|we) will (?:find|get|hunt) (?:you|him|her)(?= \\.|$| down| one day| wherever| soon)|you will not (?:walk away|get away|know what hit you|see (?:it|me|us) coming|be safe|last|live)|(?:you|your [^ .]+|he|she|they) will not make it (?:to|through|home|back|out)|(?:is|are) getting (?:a |an )?(?:kicking|beating|hiding|battering|slap|bullet|knife|good kicking)|run while you can|(?:i|we) will follow (?:you|her|him)|you will never be safe|you are not safe|(?:you|u) (?:will|are going to|are gonna) (?:pay|regret|suffer|bleed|die|be sorry|be next)|i will make sure you (?:suffer|pay|regret|bleed|get hurt)|(?:people like you|your sort|your kind|people like that) (?:end up|tend to end up|always end up) (?:getting )?(?:hurt|dead|in hospital|in a box)|you are next|(?:your|ur) (?:family|wife|husband|partner|kids|children|son|daughter|mum|dad|mother|father|house|home|office|car|staff|agent|volunteers) (?:will be|are going to be|is going to be|is|are) next(?= \\.|$| mate| on my list)|(?:i|we) (?:will|am going to|are going to|am gonna|are gonna|swear i will|promise i will) make (?:you|him|her|them) (?:pay(?= \\.|$| for (?:it|this|that|what|everything|crossing|saying|doing)| dearly| with)|suffer|bleed|regret (?:it|this|that|the day|ever|crossing|saying|doing|what)|sorry)|(?:it would be a|be a) shame if (?:something|anything) (?:bad |nasty )?(?:happened|were to happen|was to happen|happens) to (?:you|ya|u|her|him|them|that|this|those|(?:your|ur|his|her) (?!bus|buses|train|trains|service|services|library|libraries|funding|budget|scheme|plan|plans|policy|policies|party|campaign|majority|seat|vote|votes|career|reputation|leaflets?|posters?|manifesto|council|ward|deposit|chances|bill|bills|pension|grant)[^ .]+|the (?:kids|children|family|wife|husband|car|house|office))|something (?:bad )?(?:will|is going to|could) happen to (?:you|your)|accidents (?:happen|can happen)|be careful (?:out there|walking|when|who|what|at night|going home)|(?:you|u) will get (?:what is coming|yours|it)|what is coming to you|blood will be spilt|there will be blood|(?:you|u) will (?:get|be) (?:dealt with|found|hurt)|you will be (?:lucky|found) (?:to|in)|your reckoning|you will not be (?:so )?lucky|keep (?:your|ur) (?:kids|children|family|wife|husband) close|keep looking over (?:your|ur) shoulder|lock (?:your|ur) doors|(?:you|your [^ .]+) (?:are|is) getting a (?:visit|surprise|knock)|(?:you|he|she) will be (?:dead|d e a d)|you will not know when|(?:you|your [^ .]+|he|she|they) (?:are|is) going to pay|(?:you|your [^ .]+|he|she) (?:wants|needs|had better|should|would do well) to be careful|(?:i would|i would be|be) careful ${gap(6)}if i (?:were|was) you|we know who (?:he|she|they) (?:is|are)|you will not be smiling when|when (?:we|i) (?:have )?finished with you|(?:you|your [^ .]+|he|she|of yours|they) (?:will|are going to|is going to|are gonna|is gonna|will soon) end up in (?:hospital|a box|the ground|a wheelchair|a&e|intensive care)|(?:you|he|she) will (?:leave|go home|be leaving) (?:on|in) a (?:stretcher|ambulance|box|body bag)|you will not be (?:walking|coming) (?:out|home|away)|(?:he|she|you) (?:is|are) (?:getting|going to get) hurt|(?:we|i) are coming in to get you|(?:get|gets|getting) what is coming|not talking about the election|(?:you|your [^ .]+) (?:had|would) better not|(?:it|that) will be the last (?:one|thing|time|surgery|speech|election) you|finish this|the first name on my list|run while you can|(?:your|ur) (?:name is )?(?:next|top) on (?:my|the) list|(?:i|we|they) (?:will|are going to|am going to|are gonna|am gonna) make (?:your|ur) life (?:a )?(?:living )?(?:hell|misery)|(?:you|he|she) (?:will|are going to|is going to) (?:get|be) what (?:you|he|she) (?:deserve|deserves)(?= \\.|$| for| and| one| soon| when| mark)|(?<=^|\\. |@user )(?:coming|we are coming|i am coming) for you(?= \\.|$| and| next| soon| one)|do not say (?:nobody|no one|i did not|we did not) (?:told|tell|warned|warn) you|(?:this|next) time (?:i|we) (?:will not|am not going to|are not going to) (?:just |only )?(?:shout|watch|talk|stand|write|email|look|ask|message|leave it|stop at|be so nice|be polite)|(?:this|it|that) (?:will not|is not going to) end well for you|you (?:have no idea|do not know|have not got a clue) what is coming|(?:you|he|she) will not (?:live to )?see (?:polling day|election day|the count|the election|the result|may|christmas|next week|next year|another (?:day|week|election)|the end of)|(?:you|he|she) will not live (?:to|long|much longer|past)|(?:you|your [^ .]+|she|he) (?:[^ .]+ ){0,5}(?:like|as|same as|what happened to|the same way as|the way of) (?:jo cox|david amess|sir david amess|sir david|amess)(?! (?:was|were) (?:a|an|the) )|(?:jo cox|amess) (?:treatment|style|job)|(?:i|we) know (?:exactly )?how to (?:deal with|handle|sort out|take care of|sort) (?:people like you|your sort|your kind|the likes of you|you)(?= \\.|$| and| mate| love| pal| claire| councillor))`,
    ),
    negatable: true,
    electoral: true,
  },
  {
    id: "threat.calm-menace",
    ...THREAT,
    explanation:
      "This is calm but menacing: it hints that something will be done to you without saying what. With a time or place, treat it as a threat.",
    cues: ["something", "surprise", "present", "gift", "treat", "welcome", "reception"],
    // "I've got something for you at the count", "there'll be a little surprise waiting for you at the hustings"; not a
    // card, jam or petition for you
    pattern: rx(
      `(?:(?:i|we|they|the lads|the boys|my lads|my mates) (?:have|have got|got|will have|will bring|will be bringing|am bringing|are bringing|have bought|bought) (?:(?:a |some )?(?:little |nice |special |big |nasty )?(?:something|surprise|present|gift|treat)) (?:special |nice |nasty )?(?:for|waiting for|lined up for) (?:you|ya|u|her|him|(?:your|ur) (?:kids|children|family|wife|husband|partner|house|car|office))|there(?: will|ll) be (?:a |some )?(?:little |nasty |big |special )?(?:surprise|welcome party|reception committee|surprise party) (?:waiting )?for (?:you|ya|u|her|him))(?! [^.]*(?:card|jam|cake|biscuits|flowers|petition|(?:some|the|a|your) leaflets?(?! drop)|book|thank|signed|chocolates?|plant|wine|mug|badge|birthday|congrat|to say|cheque|voucher|hamper|tea|coffee|brew|pie|scarf|drawing|painting|letter|list|questions?|report|survey|file|folder|photos? of the|your (?:birthday|retirement)))`,
    ),
    negatable: true,
    negationInside: false,
  },
  {
    id: "threat.calm-menace-last",
    ...THREAT,
    explanation:
      "This is calm but menacing: it hints that something will be done to you without saying what. With a time or place, treat it as a threat.",
    cues: ["enjoy", "last", "getting", "visit"],
    // "enjoy your last campaign", "Saturday's surgery will be your last", "turn up and you're getting it", "we'll be
    // paying you a little visit"; not a last surgery before retiring, not a visit about the bins
    pattern: rx(
      `enjoy (?:your|ur) (?:very )?last (?:campaign|election|day|days|week|weeks|weekend|night|nights|surgery|surgeries|hustings|speech|christmas|summer|few days|walk|canvass|count|breath|outing|month|meal|holiday|sleep|peaceful night|birthday)s?(?! (?:before|as (?:a|an|our|the|councillor|mp|leader|candidate|member)|in (?:the chamber|office|post|the job|the council)|on the council|at the council)|[^.]*(?:retir|pleasure|earned|deserve|well done|congrat|thank|miss you|good luck|standing down|stepping down))|(?:will be|is going to be|is gonna be) (?:your|ur) (?:very )?last(?: (?:day|night|campaign|election|surgery|hustings|speech|outing|canvass|walk|christmas|breath|week|weekend|event|count|one|ever))?(?= \\.|$| on (?:this )?earth| alive| ever| mark my words| i promise| i swear| trust me| believe me| i guarantee)(?![^]*(?:retir|standing down|stepping down|not standing again|not running again|miss you|sad to see|good luck|thank))(?<!(?:retir|stand down|standing down|step down|stepping down|not standing again|not running again|leaving politics|miss you|sad to see|thank|good luck|congrat)[^]*)|(?<=^|\\. |@user |and |or |then )(?:you|u|he|she|they) (?:are|is) getting it(?= \\.|$| (?:when|if|tonight|tomorrow|soon|now|proper|properly|big time|good and proper|at|on|after|outside|mate|pal|love|you))|(?:pay|paying|give|giving) (?:you|ya|u|her|him|(?:your|ur) (?:[^ .]+ )?(?:house|home|family|kids|wife|husband|partner|office|gaff|flat)) a (?:little |late night |night time |surprise |personal |proper |special )?visit(?! [^.]*(?:about|to (?:discuss|talk|ask|raise|show|say|hand|give|deliver|drop|sign|collect|chat)|surgery|petition|canvass|leaflet|bins?|pothole|with (?:the|our|some) (?:residents|petition|neighbours)))|a visit (?:you|ya|u) will (?:not|never) forget`,
    ),
    negatable: true,
    negationInside: false,
  },
  {
    id: "threat.menace-home",
    ...THREAT,
    explanation:
      "This is menacing language about your home or safety: a threat, even without saying what they will do.",
    cues: [
      "coming",
      "come",
      "locks",
      "lock",
      "locking",
      "bolting",
      "help",
      "save",
      "burn",
      "burnt",
      "burned",
      "torched",
      "ashes",
      "smashed",
      "flames",
      "smoke",
      "fire",
      "stay",
      "keep",
    ],
    // "we're coming to your house tonight", "locks won't help you", "don't bother locking your door", "your house will
    // burn", "I'd stay at home on Thursday if I were you"; not coming round to deliver leaflets, not staying in because
    // of the weather
    pattern: rx(
      `(?:i|we|they|the lads|the boys|my lads|my mates) (?:are|am|will be|are going to be|will) (?:coming|heading|turning up|come|head|turn up) (?:round |over |up |down |back )?(?:to )?(?:your|ur) (?:house|home|gaff|flat|front door|door|place|kids school|childrens school)(?! [^.]*(?:leaflet|petition|canvass|sign|deliver|collect|drop off|survey|party|dinner|tea|for (?:a|the) (?:chat|meeting|cuppa|brew|party)|to (?:talk|ask|discuss|chat|say|show|give|bring|return|hand|help|drop|deliver|collect|invite|pick)))|(?:locks?|locking (?:your|ur) doors?|bolting (?:your|ur|the) doors?|the police|calling the police|your security) (?:will not|is not going to|are not going to|wont) (?:help|save|stop|keep) (?:you|ya|u|me|us)(?! if| unless| when| while| because| as long as)|do not bother locking (?:your|ur) (?:front |back )?doors?(?! [^.]*(?:nobody|no one|round here|safe|honest))|(?:your|ur|his|her) (?:house|home|office|car|flat|gaff|campaign office|front door|windows?) (?:will|is going to|is gonna|will soon) (?:burn|go up|be burnt|be burned|be torched|be on fire|be ashes|be a pile of ashes|be smashed|be smashed in|get smashed|get torched|get burnt|get burned|go up in (?:flames|smoke))(?! [^.]*(?:petrol|fuel|diesel|money|cash|electric|value|price|insurance))|(?:your|ur) (?:house|home|office|car|cars|houses|homes|offices|flat|gaff|campaign office)(?: is)? going (?:to go )?up in (?:flames|smoke)|(?:i would )?(?:stay (?:at )?(?:home|away|indoors|inside|in)|keep (?:away|your head down|out of sight|(?:the|your) doors locked)|lock (?:your|the) doors) ${gap(6)}if i (?:were|was) you(?! [^.]*(?:weather|rain|snow|traffic|roadworks|road works|queue|busy|flu|covid|cold|boring|dull|closed|strike|storm|wind|flood|forecast|diversion|cancelled|bin))`,
    ),
    negatable: true,
    negationInside: false,
  },
  {
    id: "threat.menace-hint",
    ...THREAT,
    explanation: "This is menacing language aimed at you: a threat, even without saying what they will do.",
    cues: [
      "settle",
      "sort",
      "brave",
      "tough",
      "hard",
      "big",
      "clever",
      "smug",
      "cocky",
      "mouthy",
      "gobby",
      "warned",
      "bring",
      "helmet",
      "stab",
      "bulletproof",
      "bullet",
      "body",
      "bodyguard",
      "bodyguards",
      "brick",
      "bricks",
      "petrol",
      "firework",
      "fireworks",
      "rock",
      "rocks",
      "bottle",
      "lit",
      "burning",
      "lighter",
      "rag",
      "paint",
      "acid",
      "nasty",
    ],
    // "we'll settle this outside", "we'll see how brave you are then", "don't say
    // you weren't warned", "bring a stab vest", "petrol through your letterbox tonight", "I'll put a brick through your window"
    pattern: rx(
      `(?:we|i) (?:will|can|are going to|shall|am going to) (?:settle|sort) (?:this|it|things) (?:outside|in the car park|man to man|the old fashioned way|the old way|round the back|with (?:our|my) fists)|see how (?:brave|tough|hard|big|clever|smug|cocky|mouthy|gobby) (?:you are|you feel|she is|he is) (?:then|without (?:your|ur|the|her|his) (?:security|police|minders|staff|bodyguards?|team|protection|mates)|on your own|when (?:you are|it is) (?:alone|on your own|just you))|(?:do not|never) say (?:you|u) (?:were not|was not|have not been|had not been) warned(?= \\.|$| mate| love| pal| claire| councillor)|bring (?:a |an |your )?(?:helmet|stab vest|bulletproof vest|bullet proof vest|body armour|bodyguard|bodyguards)(?= \\.|$| you| mate| pal| love| because| cos| just| with| to)|(?<=^|\\. |@user |and |or |then )(?:a |some |another )?(?:brick|bricks|petrol|petrol bomb|firework|fireworks|rock|rocks|bottle|lit rag|burning rag|lighter fluid) (?:through|in|into|thru|over|on) (?:your|ur) (?:front )?(?:window|windows|letterbox|letter box|door|windscreen|car)|(?:${FIRST_PERSON_INTENT}) ${gap(2)}(?:put|throw|chuck|post|pour|push|stick|lob|shove|drop|fire) (?:a |an |some |another )?(?:lit )?(?:brick|bricks|petrol|petrol bomb|firework|fireworks|rock|rocks|bottle|lit rag|burning rag|rag|lighter fluid|paint|acid) (?:through|in|into|thru|over|on|at) (?:your|ur|his|her) (?:front )?(?:window|windows|letterbox|letter box|door|windscreen|car|house)`,
    ),
    negatable: true,
    negationInside: false,
  },
  {
    id: "threat.outcome",
    ...THREAT,
    explanation:
      "They say you (or someone close to you) will end up hurt: in hospital, in an ambulance, unable to walk. This is a threat of violence.",
    cues: [
      "end",
      "wind",
      "finish",
      "land",
      "lying",
      "found",
      "floating",
      "leave",
      "leaving",
      "home",
      "carried",
      "out",
      "taken",
      "need",
      "eating",
      "drinking",
      "again",
      "piece",
      "alive",
      "feet",
      "teeth",
      "ambulance",
      "stretcher",
      "body",
      "coffin",
      "headstone",
      "hospital",
    ],
    // "you'll end up in intensive care", "turn up and you'll leave in an ambulance", "you won't be leaving in one
    // piece", "I'll make sure you never walk again", "bring an ambulance"
    pattern: rx(
      `(?:(?:you|he|she|they|(?:your|ur|his|her) (?!party|campaign|candidates?|vote|votes|majority|lot|policies|policy|plans?|budget|council|seat|career|leaflets?|posters?|manifesto|deposit|chances|numbers|ratings|figures|position|reputation)[^ .]+|you and (?:your|ur) [^ .]+) (?:will|shall|would|are going to|is going to|are gonna|is gonna|will soon|will probably|will definitely|might|might well|could easily|could well)|make sure (?:that )?(?:you|he|she|they|(?:your|ur) [^ .]+)) (?:(?:probably|definitely|certainly|soon|all) )?${HARM_OUTCOME}|(?:bring|call|book|order|pick out|choose) (?:yourself |your )?(?:an ambulance|a stretcher|a body bag|a hospital bed|a coffin|a headstone|a plot)`,
    ),
    negatable: true,
    negationInside: false,
    electoral: true,
  },
  {
    id: "threat.presence",
    ...THREAT,
    explanation:
      "They say they will be where you are. With the other threats in this message, treat it as a threat.",
    cues: ["be", "outside", "round", "coming"],
    pattern: rx(
      `(?:i|we|they|the lads|my lads|my mates) (?:will|am going to|are going to|shall) (?:be )?(?:outside|at|round|waiting (?:outside|at)|coming (?:round|to)) (?:your|ur|his|her)`,
    ),
    needsHostility: true,
  },
  {
    id: "threat.someone-will",
    ...THREAT,
    explanation: "They say someone is going to hurt you: this is a threat of violence.",
    cues: [...VIOLENT_CUES, ...WEAK_VERB_CUES, "teach"],
    pattern: rx(
      `(?:someone|somebody|one of us|one day someone|one of these days someone|who is|who will|who) (?:will|is going to|is gonna|are going to|going to be the one to|will be the one to|is going to be the one to)(?: finally)? ${gap(2)}(?:${VIOLENT} ${gap(2)}${TARGET}|${WEAK_VIOLENCE})`,
    ),
    negatable: true,
    electoral: true,
  },
  {
    id: "threat.fuck-up",
    ...THREAT,
    explanation: "They say they will hurt someone: this is a threat of violence.",
    cues: ["fuck", "fucking"],
    pattern: rx(`(?:i|we) (?:will|am going to|are going to|am gonna|are gonna) ${gap(1)}fuck ${TARGET} up`),
    negatable: true,
  },
  {
    id: "threat.assault",
    ...ASSAULT,
    explanation:
      "This tells of someone hitting, pushing or grabbing you: an assault. Report it to the police (101), or 999 if you are in danger now.",
    cues: [
      "punched",
      "headbutted",
      "head",
      "kneed",
      "elbowed",
      "throttled",
      "strangled",
      "spat",
      "spit",
      "assaulted",
      "beat",
      "beaten",
      "slapped",
      "thumped",
      "smacked",
      "kicked",
      "hit",
      "shoved",
      "pushed",
      "grabbed",
      "attacked",
      "knocked",
      "battered",
      "decked",
      "floored",
      "tripped",
      "dragged",
      "physically",
      "threw",
      "thrown",
      "chucked",
      "lobbed",
      "hurled",
      "ran",
      "drove",
    ],
    // figures of speech stay out: "stabbed you in the back", "pushed you for an answer", "hit you with a fine",
    // "attacked you in the press", "kicked you off the committee"
    pattern: rx(
      `${DOER} ${DID}(?:(?:punched|headbutted|head butted|kneed|throttled|strangled|spat (?:at|on|in)|spit (?:at|on|in)|(?:sexually |physically )?assaulted|beat up|beaten up|physically (?:attacked|pushed|threatened|grabbed|hit)) ${READER}|(?:slapped|thumped|smacked|kicked|hit|shoved|pushed|grabbed|elbowed|battered|decked|floored|tripped|dragged|knocked|attacked) (?:you|yourself) (?:(?:in|on|across|round|around|over|about|into|to|by) (?:the|your|ur) (?:[^ .]+ )?${BODY}|${FELLED}|(?:so )?(?:hard|twice|repeatedly)(?= \\.|$))|(?:slapped|thumped|smacked|kicked|hit|shoved|pushed|grabbed|elbowed|punched) (?:your|ur) ${BODY}|(?:slapped|thumped|smacked|kicked|hit|shoved|pushed|elbowed|punched|headbutted) you(?= \\.|$| then| twice| again)|(?:threw|thrown|chucked|lobbed|hurled) (?:a |an |some |his |her |their |my )?(?:[^ .]+ )?(?:punch|punches|egg|eggs|brick|bricks|bottle|bottles|stone|stones|rock|rocks|drink|pint|paint|milkshake|water|coffee|can|cans|glass|chair|things|stuff|something) at ${READER}|(?:ran|run|knocked) ${READER} (?:over|down)|drove (?:at|into|towards|straight at) ${READER})`,
    ),
    negatable: true,
    past: true,
  },
  // ── wishing or inciting violence ─────────────────────────────────────────────────────────────────────
  {
    id: "violence-wish.someone-should",
    ...WISH,
    explanation: "They call on others to hurt you. Encouraging violence may be an offence.",
    cues: [
      ...VIOLENT_CUES,
      ...WEAK_VERB_CUES,
      "if",
      "take",
      "anyone",
      "anybody",
      "whoever",
      "everyone",
      "when",
      "next",
    ],
    pattern: rx(
      `(?:(?:(?:can|could|will|would) (?:someone|somebody|anyone) |who (?:is going to|will|wants to) (?:be the one to )?|(?:someone|somebody|anyone|people|the public|voters|the voters|they|we all|someone needs to|a real man) (?:should|needs to|need to|ought to|must|has to|have to|has got to|wants to|want to|should just|gotta|should really|ought to just) )(?:go |come |take |and |please |just |finally )*${gap(1)}(?:${VIOLENT} ${gap(2)}(?:${TARGET}|(?:this|that) (?:[^ .]+ )?${PERSON_NOUN})|${WEAK_VIOLENCE})|if (?:anybody|anyone|someone|somebody) ${gap(1)}${VIOLENT_ANY} (?:you|him|her|them)|(?:anyone|anybody|whoever|everyone|if you|if anyone|if anybody|when you|next time you) (?:who )?(?:sees|see|meets|meet|spots|spot|finds|find|catches|catch|gets|get) ${gap(6)}(?:${VIOLENT} (?:you|him|her|them)|${WEAK_VIOLENCE}))`,
    ),
    negatable: true,
    electoral: true,
  },
  {
    id: "violence-wish.deserve",
    ...WISH,
    explanation: "They say you deserve to be hurt or killed. Wishing violence on someone may be an offence.",
    cues: [
      "should",
      "deserve",
      "deserves",
      "need",
      "needs",
      "ought",
      "must",
      "want",
      "wants",
      "hope",
      "hoping",
    ],
    pattern: rx(
      `(?:you|he|she|they|traitors?|all of you|your lot|the lot of you|politicians like you|people like you|the candidate|this candidate) (?:should|deserve to|deserves to|need to|needs to|ought to|must|want to|wants to|should all|deserve|deserves) (?:be |get |to be |to get )?${gap(1)}(?:${PARTICIPLE}|hang(?! ${HUNG_THINGS})|swing(?! (?:by|round|past|over|through|in|it|the|your|ur|a|an))|die(?! (?:laughing|happy|of (?:shame|embarrassment|boredom)))|burn(?! (?:the|your|ur|a|an|it|them|this|that|these|those|some|off|calories|energy|through|the midnight))|rot|be put down)(?! (?:out to dry|of (?:him|her|them|it|you|the|that|this)|on the wall|up (?:in|on) the))`,
    ),
    negatable: true,
  },
  {
    id: "violence-wish.hope",
    ...WISH,
    explanation: "They wish you harm. Wishing or encouraging violence may be an offence.",
    cues: ["hope", "hoping", "wish", "pray", "praying"],
    pattern: rx(
      `(?:hope|hoping|wish|pray|praying) (?:that )?(?:someone|somebody|you|he|she|they|your [^ .]+) ${gap(3)}(?:die|dies|dying|dead|gets? ${PARTICIPLE}|gets? (?:his|her|their|your|ur) (?:head|face|teeth) (?:kicked|smashed|caved|punched|bashed) in|${VIOLENT}(?:s|es)? ${TARGET}|${WEAK_VIOLENCE}|gets? cancer|has an accident|crash|crashes|burns|burn|rot|rots|suffer|suffers|were dead|was dead|drop dead|choke|chokes|get what is coming|${HARM_OUTCOME}|ends? up (?:in|on) (?:an? |the )?(?:hospital|intensive care|icu|a&e|wheelchair|traction|casualty|canal|river|ditch|gutter|box|coffin|ground|morgue|grave)|gets? (?:hit|run over|knocked down|mown down|flattened|squashed) by (?:a|an|the) (?:[^ .]+ )?(?:bus|car|train|lorry|truck|van|tram|taxi)|(?:gets?|get) (?:a |an )?(?:[^ .]+ )?(?:kicking|beating|hiding|battering|slap|kicked in|smashed in|glassed|bottled|knifed|shot)|(?:chokes?|choking) on|(?:burns?|burnt|burned) down|never wakes? up|(?:falls?|fall) (?:down (?:the )?stairs|under (?:a|the) (?:bus|train))|gets? what (?:you|he|she|they) (?:deserve|deserves) (?:and|from|off)|lose (?:your|ur|his|her) (?:teeth|legs|eyes|fingers))`,
    ),
    negatable: true,
  },
  {
    id: "violence-wish.needs",
    ...WISH,
    explanation: "They say you need to be hurt. Wishing or encouraging violence may be an offence.",
    cues: ["needs", "need", "deserves", "deserve", "wants", "want"],
    pattern: rx(
      `(?:you|he|she|they|traitors?|politicians|mps) (?:need|needs|deserve|deserves|want|wants|are asking for|is asking for) (?:a |an )?(?:bullet|bullets|slap|kicking|good kicking|beating|good hiding|knife|noose|rope|hiding|to die|to hang|to be shot|to be hanged|putting down|stringing up|hanging|shooting|stabbing|smack|punch|battering|smacking)`,
    ),
    negatable: true,
  },
  {
    id: "violence-wish.hang-them",
    ...WISH,
    explanation:
      "They call for violence against you or people like you. Inciting violence may be an offence.",
    cues: [
      "string",
      "hang",
      "lynch",
      "shoot",
      "guillotine",
      "gallows",
      "lamppost",
      "lamp",
      "wall",
      "bring",
      "kill",
      "execute",
      "drop",
      "better",
    ],
    pattern: rx(
      `(?:string (?:him|her|them|you|the lot|the traitors?) up|hang (?:him|her|them|the traitors?|all traitors|all the traitors|the lot|every one of them|them all)|(?:lynch|shoot|kill|execute|hang) (?:all )?(?:the )?(?:traitors|politicians|mps|councillors|tories|lefties|remoaners|the lot of them)|better off if (?:someone|somebody) ${gap(2)}${VIOLENT_ANY}|(?:bring back|time for) (?:the )?(?:guillotine|gallows|hanging)|(?:hang|string) (?:[^ .]+ ){0,3}from (?:a|the) (?:lamppost|lamp post|tree)|(?:put|line) (?:them|you|him|her|politicians|traitors|the lot of them|the lot of you|them all) (?:all )?(?:up )?against (?:a|the) wall|drop dead|die in a (?:fire|ditch|hole|car crash))`,
    ),
    negatable: true,
  },
  // ── sexual threats ───────────────────────────────────────────────────────────────────────────────────
  {
    id: "sexual.threat",
    ...SEXUAL,
    explanation: "This is a sexual threat. Threatening rape or sexual assault is a serious offence.",
    cues: [
      "rape",
      "raped",
      "raping",
      "rapes",
      "sexually",
      "molest",
      "molested",
      "grope",
      "groped",
      "force",
      "forced",
      "bend",
      "have",
      "violate",
      "violated",
      "gangbang",
      "gang",
      "what",
      "alone",
      "say",
      "porn",
      "naked",
      "deepfake",
      "nudes",
      "seeing",
      "hold",
      "pin",
      "tie",
      "nude",
      "explicit",
      "dirty",
      "sex",
      "knees",
      "look",
      "belong",
      "pictures",
      "photos",
      "pics",
      "images",
      "videos",
      "take",
      "touch",
      "grab",
      "fondle",
    ],
    pattern: rx(
      `(?:(?:gang )?rape(?:d)?|raping|sexually assault(?:ed)?|sexual assault|molest(?:ed)?|grope(?:d)?|violate(?:d)?|gangbang(?:ed)?|force myself on|forcing myself on|have my way with|send me (?:photos|pics|pictures|nudes|videos) of you|(?:look better|belong) on your knees|bend (?:you|her) over|teach (?:you|her) a lesson (?:she|you) will not forget|what i would do to (?:you|her)|if i (?:got|get|had|caught) (?:you|her) (?:alone|on your own|on her own)|you (?:would|will) not (?:get|have) a say|(?:your|her) face on a (?:porn|naked)|(?:deepfake|fake nudes|nudes) of (?:you|her)|(?:a )?(?:good |proper )?seeing to|(?:hold|pin|tie) (?:you|her) down|(?:naked|nude|sexual|explicit|dirty|sex) (?:pictures|photos|pics|images|videos|deepfakes|tape)(?: i (?:have )?(?:made|got|took))? of (?:you|her)|(?:pictures|photos|pics|images|videos) of (?:you|her) naked|take (?:you|her) by force|(?:touch|grab|fondle) (?:you|her) (?:up|all over|whether))`,
    ),
    negatable: true,
  },
  // ── incitement to self-harm ───────────────────────────────────────────────────────────────────────────
  {
    id: "self-harm.incitement",
    ...SELF_HARM,
    explanation: "They are telling you to harm or kill yourself. Encouraging self-harm is an offence.",
    cues: [
      "yourself",
      "wrists",
      "bleach",
      "jump",
      "favour",
      "favor",
      "end",
      "better",
      "miss",
      "die",
      "why",
      "unalive",
      "top",
      "neck",
      "bother",
      "existing",
      "myself",
      "overdose",
      "pills",
      "swallow",
      "life",
      "jump",
      "nobody",
      "one",
      "if",
    ],
    pattern: rx(
      `(?:(?:kill|hang|top|neck|off|end|shoot|stab|drown|unalive|gas|slit) (?:yourself|himself|herself|themselves)|do the decent thing and (?:top|kill|hang|end|off) |slit (?:your|ur) (?:wrists|throat)|drink (?:some )?bleach|jump (?:off|from|in front of|into|in) (?:a |an |the |your |that |this )?(?:top of (?:a|the) )?(?:[^ .]+ )?(?:bridge|cliff|building|roof|rooftop|train|bus|lorry|car park|multi storey|multistorey|tower block|flyover|viaduct|pier|balcony|tower|ledge|motorway|overpass|canal|river|reservoir|quarry|top floor)|save us all the bother|(?:considered|consider|try) not existing|better (?:place|off) if you (?:swallowed|took|killed|jumped|died|hanged|drank|were not|topped|ended)|(?:killed|hanged|topped|ended) yourself|if i (?:were|was) you i would have (?:killed|topped|hanged|ended) myself|take an overdose|swallow (?:a bottle of )?(?:pills|bleach)|do (?:us|everyone|the world|the country|us all|society) a favou?r and (?:die|disappear|end it|jump|kill yourself|top yourself|drop dead|fuck off and die)|end it all|(?:end|take|ended|took) (?:your|ur) (?:own )?life|(?:the world|everyone|we|the country|society) (?:would be|is|will be) better (?:off )?without you|(?:nobody|no one) (?:would|will) miss you|(?:nobody|no one) (?:would|will) (?:care|notice|cry|mourn|grieve) if you (?:died|were dead|killed yourself|hanged yourself|ended it|did it|were gone|jumped)|if i (?:were|was) you i would (?:just )?(?:end it|kill myself|top myself|hang myself|jump)|(?:go|just|please|fucking) (?:and )?die(?= \\.|$| already| you| in)|why do not you (?:just )?(?:die|kill yourself|end it)|you should (?:just )?(?:die|end it)|fuck off and die)`,
    ),
    negatable: true,
  },
  // ── fixation and plans (red flag) ────────────────────────────────────────────────────────────────────
  {
    id: "fixation.following",
    ...FIXATION,
    explanation: "They say they have been following or watching you. This is a red flag: fixation on you.",
    cues: [
      "following",
      "followed",
      "folowed",
      "follwed",
      "followd",
      "tailed",
      "trailed",
      "watching",
      "watched",
      "tracking",
      "tracked",
      "stalking",
      "stalked",
      "monitoring",
      "photographing",
      "filming",
      "saw",
      "seen",
      "clocked",
      "spotted",
      "outside",
      "been",
      "follow",
      "watch",
      "sat",
      "sit",
      "stood",
      "waited",
      "wait",
      "parked",
      "past",
      "notice",
      "find",
      "rid",
      "blocked",
      "anywhere",
      "messaged",
      "emailed",
      "called",
      "texted",
      "keep",
      "every",
      "am",
      "went",
      "go",
      "came",
      "come",
      "turn",
      "turned",
      "folder",
      "file",
      "dossier",
      "notebook",
      "scrapbook",
      "spreadsheet",
      "wall",
      "log",
      "photos",
      "pictures",
      "pics",
      "videos",
      "footage",
      "stop",
      "think",
      "dream",
      "belong",
      "mine",
      "moved",
      "see",
      "know",
    ],
    pattern: rx(
      `(?:(?:i|we) (?:have been|has been|was|were|am|are|been|keep|will be|have|will keep|will continue|will carry on|will start) ${gap(1)}(?:following|watching|tracking|stalking|monitoring|photographing|filming) ${PERSON}${NOT_MEDIA}|(?:i|we) (?:have |)(?:followed|watched|tracked|stalked) ${PERSON}|(?:i|we) (?:saw|seen|clocked|spotted|watched) (?:you|her|him) ${gap(3)}(?:leave|leaving|come out of|coming out of|go into|going into|get into|getting into|arrive|arriving|walk|walking|drop|dropping|pick|picking) ${gap(2)}(?:your|ur|his|her|the) (?:house|home|car|flat|gaff|office|kids|children|school|gym|front door|drive)|(?:i|we) (?:was|were|have been|went|go) (?:outside|round|to|past|near) (?:your|ur|his|her) (?:house|home|kids|school|door|flat|gaff|office|work|place|street)|(?:i|we) (?:follow|watch) (?:you|your) (?:every|everywhere|home|all the time|constantly|each)|(?:i|we) have (?:seen|watched|followed) (?:her|him|you|them) \\d+ times|(?:i|we) (?:have )?(?:sat|sit|stood|waited|wait|parked|park) (?:across from|outside|opposite|by|near|for) (?:your|ur|his|her)|(?:i|we) (?:have been|had been|was|were|am|are|been|keep|kept|will be|sat|sit|stood|parked|waited) ${gap(1)}(?:sitting|sat|standing|stood|waiting|parked|parking|hanging around|hanging about|loitering|lurking|watching) ${gap(4)}(?:across (?:the road|the street|the way) from|across from|over the road from|opposite|outside|down the road from|round the corner from|at the end of) (?:your|ur) (?:house|home|flat|gaff|front door|door|drive|street|road|kids school|childrens school|school)|i know you better than|we are meant to (?:meet|be together)|(?:reading|read|saved|screenshotted) everything you have (?:posted|written|said)|(?:your|ur) (?:wife|husband|partner|fella|missus|kids|children|son|daughter|agent|mum|dad)(?: is)? ${gap(5)}(?:every (?:morning|day|evening|night|week)|mondays|tuesdays|wednesdays|thursdays|fridays|saturdays|sundays|creature of habit)|watching who (?:went|goes|comes|came) in and out|(?:drove|driven|walked|been|went|go) past (?:your|ur|his|her) (?:office|house|home|flat|surgery|kids|school) ${gap(1)}\\d+ times|i notice everything about you|(?:i|we) have been to every (?:hustings|surgery|event|meeting|debate|street stall)|you are my (?:mission|purpose|project|obsession)|(?:packed in|quit|left) my job (?:so i can|to) focus on you|focus on you (?:full time|24 7|every day|all day)|everywhere (?:you|she|he) (?:have|has) been|(?:i|we) will always find you|you can not get rid of (?:me|us)|since you blocked me|i am not going anywhere|(?:i|we) have (?:messaged|emailed|written to|called|rung|texted) you \\d+ times|(?:i|we) will keep (?:doing it|doing this|messaging|coming|turning up|writing|calling|ringing|emailing|texting|watching) ${gap(3)}until|(?:your|ur) (?:wife|husband|partner|kids|children|son|daughter|agent|mum|dad) (?:walks|leaves|goes|gets|drives|parks|runs|jogs|takes|catches|finishes|arrives) ${gap(6)}every (?:morning|day|evening|night|week|monday|tuesday|wednesday|thursday|friday|saturday|sunday)|(?:i|we) am parked outside|i am (?:outside|waiting outside) (?:your|ur)|i was ${gap(2)}(?:behind|next to|near|beside|opposite) you the whole time|i see you (?:at|in|on|outside) ${gap(4)}every (?:week|day|morning|evening|night|monday|tuesday|wednesday|thursday|friday|saturday|sunday)(?![^.]*(?:thank|great|work|help|surgery|keep it up|well done))|(?<=^|\\. |@user )(?:have |has )?been (?:following|watching|tracking|stalking|monitoring|photographing|filming) (?:you|(?:your|ur) (?:house|home|flat|office|car|kids|children|wife|husband|family|front door|street))${NOT_MEDIA}|(?:i|we) (?:have )?(?:followed|folowed|follwed|followd|tailed|trailed) (?:you|her|him) (?:home|back|all the way|from|to)|(?:i|we) (?:have been|went|have gone|go|come|came|turn up|turned up|have turned up) to (?:every|all) (?:single )?(?:one of )?(?:your|ur|the|her|his) (?:[^ .]+ )?(?:events?|surger(?:y|ies)|meetings?|hustings|rallies|debates?|talks?|street stalls?|appearances|coffee mornings?|leaflet drops?)|(?:a |my |the )?(?:folder|file|dossier|notebook|scrapbook|spreadsheet|wall|log) (?:on|about) (?:you|your (?:family|movements|kids|children|husband|wife|routine|every move))(?= \\.|$| and| with| now| going| full| since)|(?:i|we) have (?:got |taken )?(?:loads of |dozens of |lots of |hundreds of )?(?:photos|pictures|pics|videos|footage) of (?:you|your [^ .]+) (?:leaving|going|arriving|at home|outside|in your|with your|coming|walking|getting|through|from every angle|at night|every (?:day|night|morning))|(?:i|we) (?:can not|cannot) stop thinking about you|(?:i|we) (?:think|dream) about you (?:every|all the time|day and night|constantly|night and day)|you (?:belong to me|are mine)(?= \\.|$| now| and| whether)|i moved (?:house |flat |here )?(?:to be )?(?:near|closer to|next to) you|i can see you (?:right now|now|from (?:here|my|the)|through (?:your|the) window)|(?:i|we) know (?:that )?(?:you|your [^ .]+) (?:take|takes|catch|catches|get|gets|leave|leaves|walk|walks|drive|drives|park|parks|drop|drops|pick|picks|finish|finishes|jog|jogs|run|runs|go|goes) ${gap(6)}(?:every (?:morning|day|night|evening|week|weekday|monday|tuesday|wednesday|thursday|friday|saturday|sunday)|at \\d{1,2}(?: \\d\\d)?(?:am|pm)?|\\d{1,2}(?:am|pm)|on (?:mondays|tuesdays|wednesdays|thursdays|fridays|saturdays|sundays)))`,
    ),
    negatable: true,
  },
  {
    id: "fixation.observed",
    ...FIXATION,
    explanation:
      "They describe your routine, your family or where you have been, as someone who watches you. This is a red flag: fixation on you.",
    cues: [
      "down",
      "nice",
      "sweet",
      "behind",
      "bheind",
      "behnid",
      "seen",
      "watched",
      "spotted",
      "noticed",
      "clocked",
      "looked",
      "look",
      "seemed",
      "seem",
      "left",
      "got",
      "arrived",
      "came",
      "locked",
      "leave",
      "arrive",
      "lock",
      "always",
      "usually",
      "normally",
      "home",
      "changed",
      "change",
      "switched",
      "moved",
      "notice",
      "kept",
      "saved",
      "screenshotted",
      "archived",
      "logged",
      "notes",
      "note",
      "tabs",
      "log",
      "record",
      "diary",
      "list",
      "track",
      "past",
    ],
    // "I sat two rows behind you", "I've seen you jogging by the canal every morning", "your daughter looked happy at
    // the school gates", "you left your office at 6.15 yesterday", "I noticed you changed your route home", "I've been
    // keeping notes on your movements", "every night I drive past your house"; not a compliment on a speech
    pattern: rx(
      `(?:(?:i|we) (?:have been |am |are |have |will be |will keep |keep )?(?:keeping|kept|making|made|taking|took) (?:a )?(?:notes?|tabs|log|record|diary|list|track) (?:on|of) (?:you(?! (?:all|guys|lot))|(?:your|ur) (?:movements|comings and goings|routine|every move|family|kids|children|wife|husband|partner|house|home|schedule|car)|(?:where|when|what time) (?:you|your [^ .]+))|every (?:single )?(?:night|day|morning|evening) (?:i|we) (?:drive|walk|go|sit|wait|park|stand|cycle) (?:past|outside|by|near|opposite|round) (?:your|ur) (?:house|home|flat|gaff|kids school|childrens school|front door|street)|(?:i|we) (?:drive|drove|walk|walked|go|went|cycle|cycled) (?:past|by) (?:your|ur) (?:house|home|flat|gaff|kids school|childrens school|front door) (?:every|each|most|twice|three times|again|all the time|a lot|daily|nightly)|(?:nice|lovely|sweet) to see (?:your|ur) (?:kids|children|daughter|son|little ones?|wife|husband) (?:playing|out|in|at|on|walking|leaving|getting) (?:[^ .]+ ){0,3}(?:garden|window|front|school|park|playground|drive|street|bedroom)|you (?:left|got home|arrived|came out|locked up|got in|parked|leave|arrive|lock up) ${gap(4)}at \\d{1,2}(?:[ :]\\d\\d)?(?:am|pm)? (?:yesterday|last night|on [a-z]+day|this morning|tonight|this week|last week|and|every)(?![^.]*(?:email|answer|repl|respond|call|letter|message|phone|thank|never|did not|still|again|early|late|work|shift|meeting))|you (?:walk|jog|run|drive|cycle|go|get) home (?:the same way|at the same time|via|through|down|along|past) ${gap(4)}(?:every|each|most)|i notice (?:these|those|the little|little|all the little) things|i notice everything(?= \\.|$| you| about you)|(?:kept|saved|screenshotted|archived|logged) every (?:single )?(?:tweet|post|message|email|photo|picture|video|pic|story|thing) (?:you|she|he) (?:have |has )?(?:ever )?(?:posted|sent|written|said|put out|shared|made|uploaded|liked)(?![^.]*(?:promise|said you would|and not one|and none|broken|u turn|lies|lied|contradict)))`,
    ),
    negatable: true,
  },
  {
    id: "fixation.knows",
    ...FIXATION,
    explanation: "They say they know where you live or your routine. This is a red flag: fixation on you.",
    cues: ["know", "knows", "found", "got", "have", "worked", "learnt", "learned"],
    // "I know where you live" is a red flag even said calmly, but not from a neighbour saying so
    pattern: rx(
      `(?<!(?:neighbour|neighbours|next door) (?:so|and|and so) )(?:i|we|they|everyone|people|my mates) (?:know|knows|found out|have found out|have found|have got|have|got|worked out|have worked out|learnt|learned|now know|memorised|memorized|have memorised|have memorized|have studied|have noted|noted down|have noted down|have written down|wrote down|have clocked) (?:exactly |all about )?(?:(?:that )?(?:you|she|he|your [^ .]+) (?:are|is) (?:on (?:your|her|his) own|alone|home alone|by (?:yourself|herself|himself))(?= (?:on [a-z]+(?:days?|nights?|evenings?|mornings?|afternoons?)|at night|at weekends|every|most (?:nights|days|evenings|mornings)|after (?:dark|\\d)|until|till|in the (?:evenings?|mornings?|day)|during the day|when|from \\d))|(?:your|ur|his|her) (?:car|kids names|childrens names|sons name|daughters name|wifes name|husbands name|partners name|door code|alarm code|gate code|shift pattern|shifts|bedroom window|back gate)(?! (?:is|was|has|needs|will|must|are|were|policy|policies|park|parks|parking|tax|scheme|plan|plans|share|club|boot sale|wash))|where (?:you|u|she|he|your [^ .]+) (?:will be|are going to be|is going to be|will go|live|lives|sleep|sleeps|work|works|park|parks|drink|drinks|go to school|goes to school|go|goes|jog|jogs|run|runs|walk|walks|shop|shops|stay|stays|is|are|catch|catches|get|gets|drop|drops|pick|picks|train|trains|swim|swims|eat|eats|hang out|hangs out|wait|waits|play|plays)(?! (?:on|with|from|in the polls|wrong|this|that))|what (?:time|car|school) (?:you|your [^ .]+)|when (?:you|your [^ .]+) (?:leave|leaves|get home|gets home|are alone|is alone|are home|go|are on your own|is on (?:her|his) own|are by yourself|are home alone|walk home|walks home)|(?:the|which) (?:route|way|path|road|bus|train) (?:you|your [^ .]+|he|she) (?:take|takes|walk|walks|drive|drives|go|goes|run|runs|jog|jogs|cycle|cycles|get|gets|use|uses) (?:home|to|from|back|in|every|each)|(?:your|ur|his|her) (?:address|home address|routine|daily routine|movements|schedule|postcode|registration|number plate|reg|kids school|childrens school|every move|walk home|route home)|(?:which|what) (?:car|school|gym|pub|route|bus|train) (?:you|your [^ .]+|he|she)|everything about (?:you|your)|where (?:you|she|he) (?:are|is) every)(?! ${gap(2)}(?:because|as|since|cos|coz|cause) (?:i|we) (?:am|are|live|lived|have lived|used to live|was|were|grew up) ${gap(2)}(?:neighbours?|next door|opposite|across the road|over the road|down the road|round the corner|(?:on|in) (?:your|ur|the same) (?:street|road|close|block|building|estate)|doors? (?:down|up|along)))`,
    ),
    negatable: true,
  },
  {
    id: "fixation.unnoticed",
    ...FIXATION,
    explanation:
      "They say they have been close to you without you noticing. With the other signs in this message, this is a red flag: fixation on you.",
    cues: ["never", "not", "noticed", "notice", "saw", "see", "spotted", "spot", "clocked", "clock"],
    pattern: rx(
      `you (?:never|did not|do not|have never|have not|had no idea|did not even|never even) (?:once )?(?:noticed|notice|saw|see|spotted|spot|clocked|clock|realised|realized|knew) (?:i was there|me)`,
    ),
    needsHostility: true,
  },
  {
    id: "plan.own-hands",
    ...PLAN,
    explanation:
      "They say talking is over and they will act themselves. With the other signs in this message, this is a red flag: set on a course of action.",
    cues: ["take", "taking", "matters", "done", "finished", "time", "talking"],
    pattern: rx(
      `(?:take|taking|took) (?:matters|things|this|it) into (?:my|our) own hands|(?:i am|we are|i have|we have) (?:done|finished|through) (?:talking|writing|asking|emailing|being nice|playing nice|with words)|time (?:for talking|to talk) is over|time to (?:act|do something about you)|(?:words|talking) (?:have|has) not worked`,
    ),
    negatable: true,
    needsHostility: true,
  },
  {
    id: "fixation.contact-count",
    ...CONTACT,
    explanation:
      "They say they keep contacting you, many times a day. With the other signs in this message, this is unwanted contact that may be harassment.",
    cues: [
      "ringing",
      "calling",
      "phoning",
      "emailing",
      "messaging",
      "texting",
      "writing",
      "tweeting",
      "contacting",
      "visiting",
      "coming",
      "turning",
      "rung",
      "called",
      "phoned",
      "emailed",
      "messaged",
      "texted",
      "written",
      "contacted",
    ],
    // needs another hostile signal: a constituent who has "rung your office 5 times this week about the bins" is not
    pattern: rx(
      `(?:i|we) (?:have been|had been|was|were|am|are|keep|kept|will keep|will be|will carry on|have|had) ${gap(1)}(?:ringing|calling|phoning|emailing|messaging|texting|writing to|tweeting|contacting|visiting|coming to|turning up at|rung|called|phoned|emailed|messaged|texted|written to|contacted) ${gap(3)}(?:(?:\\d+|dozens of|hundreds of|loads of|a dozen|twenty|thirty|forty|fifty|a hundred) times (?:a|an|per|every|each) (?:day|hour|night|week|morning)|every (?:single )?(?:day|night|hour)|day and night|non stop|nonstop|round the clock|around the clock|all day every day)`,
    ),
    negatable: true,
    needsHostility: true,
  },
  {
    id: "fixation.waiting",
    ...FIXATION,
    explanation: "They say they will be waiting for you. This is a red flag: a specific threat with a plan.",
    cues: ["waiting", "wait"],
    pattern: rx(
      `(?:i|we|they|someone|the lads|my lads|the boys|my mates) (?:will|am going to|are going to|is going to|shall) (?:be )?(?:there |outside |round |here )?(?:waiting|wait)(?= for you| for her| for him| outside| at| by| near| round| and| in the| \\.|$)(?! [^.]*(?:if you (?:want|need|fancy|like)|a lift|give you a lift|cheer|celebrat|congratulat|results?|hug|drink|pint|with (?:the |some )?(?:leaflets|coffee|tea|cake|brew|flask|banners?|placards?|car)|to help|to say hello|for a chat|to sign))`,
    ),
    negatable: true,
  },
  {
    id: "plan.counting-down",
    ...PLAN,
    explanation: "They refer to a countdown or deadline. This is a red flag: fixated ideas and a plan.",
    cues: ["counting", "countdown", "days", "hours", "sleeps", "weeks", "matter", "stop", "nothing"],
    pattern: rx(
      `(?:counting down|countdown|(?:days|hours|sleeps|weeks|minutes) (?:left|to go) (?:until|till|before)|\\d+ (?:more )?(?:days|hours|sleeps|minutes) (?:until|till|before|to go)(?= (?:polling day|the election|the count|the hustings|your|i|we|and then|then|\\.|$))|(?:it is|its) only a matter of time|(?:i|we) will not stop (?:until|till)|nothing (?:will|is going to|can) stop (?:me|us))`,
    ),
    negatable: false,
    needsHostility: true,
  },
  {
    id: "plan.planned",
    ...PLAN,
    explanation: "They refer to a plan. This is a red flag: a very specific threat or reference to a plan.",
    cues: [
      "planned",
      "plannde",
      "planed",
      "plannd",
      "palnned",
      "plotted",
      "prepared",
      "arranged",
      "worked",
      "organised",
      "organized",
      "mapped",
      "figured",
      "plan",
      "plans",
      "sorted",
      "bought",
      "got",
      "ordered",
      "mark",
      "one",
      "mission",
      "made",
      "marked",
      "find",
      "done",
      "doing",
      "notebook",
      "next",
      "drawn",
      "written",
      "decided",
      "know",
      "carry",
    ],
    pattern: rx(
      `(?:(?:i|we) (?:have|had|have got) ${gap(1)}(?:planned|plannde|planed|plannd|palnned|plotted|prepared|arranged|worked out|organised|organized|mapped out|figured out|made plans|made my plans|got a plan|a plan|got it all planned|it all planned)|(?:it is|its|everything is) (?:all )?(?:planned|arranged|sorted|set up|in place|ready)|the plan is|one way or another|my mission|(?:i|we) have (?:bought|got|ordered|collected) (?:the|a|some|my) (?:rope|petrol|knife|gun|acid|tools|ammo|bullets|cable ties|duct tape|gloves|balaclava)|marked it (?:on|in) (?:the|my) (?:calendar|diary)|you will (?:find out|see|know) what it is for|the plan is simple|(?:i|we) (?:have been|had been|am|are) planning (?:this|it|for this|something|everything|what i|the whole thing)(?= \\.|$| for| since| carefully| down| very| a long)|then it is done|(?:i am|i will be) doing something about you|(?:got|have) a notebook|at the next one i|(?:drawn up|made|written|got|worked out) (?:a|the|my) (?:plan|plans) for you|(?:worked out|planned|decided|know) (?:exactly )?(?:how and when|when and how|where and when|when and where)|(?:do|doing|carry out) what i (?:have )?planned)`,
    ),
    negatable: true,
    needsHostility: true,
  },
  // ── release of personal information (red flag) ──────────────────────────────────────────────────────
  {
    id: "private-info.released",
    ...RELEASED,
    explanation:
      "They say your home address, personal number or other private details have been posted or shared. This is a red flag: release of personal information not in the public domain.",
    cues: [
      "post",
      "posted",
      "posting",
      "published",
      "publish",
      "leaked",
      "leak",
      "doxxed",
      "doxed",
      "tweeted",
      "retweeted",
      "circulated",
      "circulating",
      "uploaded",
      "plastered",
      "put",
      "putting",
      "shared",
      "share",
      "sharing",
      "spread",
    ],
    // said by whoever released them (after directSpeech, "someone posted my address" is "I posted your address");
    // public details (the office, its phone number) do not count: "your office address" does not match
    pattern: rx(
      `(?:i|we) (?:have |had |just |have just |have been |am |are |will |am going to |are going to |will be )*(?:posted|posting|post|published|publishing|publish|leaked|leaking|leak|doxxed|doxed|tweeted|retweeted|circulated|circulating|circulate|uploaded|plastered|(?:put|putting|shared|sharing|share|spread)(?=(?: up| out)? (?:your|ur) [^.]*(?:online|on (?:facebook|twitter|x|instagram|tiktok|telegram|whatsapp|the group|the forum|social media|here)|everywhere|all over|publicly|with everyone)))(?: up| out| online)? (?:your|ur) (?:(?<homeAddress>home address|address|home postcode|postcode|house number)|(?<phone>(?:mobile|personal|home|private) (?:phone )?number|mobile|phone number)|(?<email>(?:personal|private|home) email(?: address)?)|(?<school>(?:kids|childrens|sons|daughters) school)|(?<vehicle>number plate|car reg|car registration|reg)|(?<family>(?:kids|childrens|wifes|husbands|partners) (?:names?|photos|pictures|details)))`,
    ),
    negatable: true,
    detailGroup: true,
  },
  // ── weapons (red flag) ──────────────────────────────────────────────────────────────────────────────
  {
    id: "weapon.shown",
    ...WEAPON_RULE,
    explanation:
      "They pulled, pointed or used a weapon at you (or say they will). This is a red flag: access to weapons.",
    cues: [
      "pulled",
      "pull",
      "pulling",
      "drew",
      "draw",
      "brandished",
      "brandish",
      "brandishing",
      "waved",
      "wave",
      "waving",
      "flashed",
      "flash",
      "flashing",
      "pointed",
      "point",
      "pointing",
      "aimed",
      "aim",
      "held",
      "hold",
      "holding",
      "produced",
      "whipped",
      "took",
      "came",
      "come",
      "coming",
      "went",
      "ran",
      "lunged",
      "charged",
      "threatened",
      "threaten",
      "attacked",
      "chased",
      "hit",
      "showed",
      "stabbed",
      "slashed",
      "glassed",
      "bottled",
      "shot",
      "threw",
      "thrown",
    ],
    // "the chef pulled a knife from the block" is not aimed at anyone: only a weapon at the reader counts, told as
    // done by the sender ("I pulled a knife on you") or promised ("I'll pull a knife on you")
    pattern: rx(
      `(?:${DOER} ${DID}(?:pulled|drew|brandished|waved|flashed|pointed|aimed|held|produced|whipped out|took out)|${FIRST_PERSON_INTENT} (?:pull|draw|brandish|wave|flash|point|aim|hold|whip out|take out)) ${HELD} (?:out )?(?:at|on|to|towards|in|against|in front of|up to) ${READER}|(?:${DOER} ${DID}(?:came|went|ran|lunged|charged)|${FIRST_PERSON_INTENT} (?:come|go|run)) (?:at|for|towards) ${READER} with ${HELD}|${DOER} ${DID}(?:threatened|attacked|chased|hit|stabbed|slashed|jabbed|prodded) ${READER} with ${HELD}|${DOER} ${DID}(?:showed|flashed) ${READER} (?:a|an|his|her|my|their) ${gap(1)}${HELD_WEAPON}|${DOER} ${DID}(?:stabbed|slashed|glassed|bottled|shot) (?:at )?${READER}(?! in the back)(?= \\.|$| in| with| twice| and| outside| on)|${DOER} ${DID}(?:threw|chucked) acid (?:at|over|in|on) ${READER}`,
    ),
    negatable: true,
  },
  {
    id: "weapon.threat",
    ...WEAPON_RULE,
    explanation: "They mention using a weapon. This is a red flag: access to weapons.",
    cues: ["with", "using", "bring", "bringing", "brought", "take", "taking", "use"],
    pattern: rx(
      `(?:with|using|bring|bringing|brought|take|taking|use) (?:a|an|my|this|the|some|his|our) (?:[^ .]+ )?${WEAPON}`,
    ),
    needsHostility: true,
  },
  {
    id: "weapon.has",
    ...WEAPON_RULE,
    explanation: "They say they have or can get a weapon. This is a red flag: access to weapons.",
    cues: [
      "have",
      "has",
      "had",
      "own",
      "owns",
      "keep",
      "kept",
      "carry",
      "carries",
      "got",
      "bought",
      "buy",
      "bringing",
      "access",
      "get",
      "my",
      "loaded",
      "sharpened",
      "our",
      "sharpening",
      "been",
      "ordered",
      "picked",
      "collected",
      "will",
      "am",
      "can",
      "could",
      "know",
    ],
    pattern: rx(
      `(?:(?:i|we|my [^ .]+) (?:have|has|had|own|owns|keep|kept|carry|carries|got|bought|have got|still have|have access to|can get|can get hold of|could get|know where to get|just bought|will bring|am bringing|sharpened|have sharpened|have had|have been sharpening|been sharpening|am sharpening|ordered|have ordered|have just ordered|picked up|have picked up|collected|got hold of|have got hold of|bought myself|got myself|am getting|am buying|will get|will buy|can buy|could buy|know where (?:the|my|his|our|dads|the old)) ${gap(3)}${WEAPON}|(?:my|our) (?:[^ .]+ )?${WEAPON}|${WEAPON} (?:that )?(?:i|we) (?:have|have got|got|own|keep|carry|bought|still have)|${WEAPON} (?:is |are )?(?:loaded|sharpened|ready|cleaned|oiled|with your name on it)|(?:loaded|sharpened) ${WEAPON}|(?:i|we) (?:know|knows) (?:people|someone|somebody|a bloke|a lad|a guy|a man|a few lads|lads) (?:who|that) (?:can|could|will) (?:get|sort|find) (?:me |us )?(?:a |an |some )?${WEAPON}|(?:can|could|will) (?:get|sort) (?:me|us) (?:a )?(?:piece|shooter|strap)(?= \\.|$| by| for| tonight| tomorrow| this| next| when| before| no| easy| easily| in| no bother))`,
    ),
    needsHostility: true,
  },
  {
    id: "weapon.mention",
    ...WEAPON_RULE,
    explanation: "They mention a weapon alongside a threat. This is a red flag: access to weapons.",
    cues: WEAPON_CUES,
    pattern: rx(
      `(?:(?<=^|\\. |@user )|(?:a|an|the|my|his|her|our|their|some|this|that|with|of|old|new|loaded|sharpened|got|get|bought|buy|carry|carrying|bring|bringing) (?:[^ .]+ )?)${WEAPON}(?! (?:are|were|is|was|will be|have been) (?:out|drawn|sharpened) for| in the back| edge| crime| fight| amnesty| arch| bank)`,
    ),
    needsHostility: true,
  },
  {
    id: "weapon.skills",
    ...WEAPON_RULE,
    explanation: "They claim weapons skills. This is a red flag: weapons skills.",
    cues: [
      "sniper",
      "marksman",
      "trained",
      "know",
      "firearms",
      "weapons",
      "served",
      "ex",
      "special",
      "bomb",
      "make",
      "build",
      "shoot",
      "crack",
      "never",
      "good",
      "hunting",
      "clay",
      "army",
      "forces",
      "para",
      "training",
      "box",
      "bang",
      "practising",
      "practicing",
      "accurate",
      "one",
      "tours",
      "tour",
    ],
    pattern: rx(
      `(?:(?:i|me|my mate|we) (?:am|was|used to be|have been|trained as|were|served as) (?:a |an )?${gap(2)}(?:sniper|marksman|soldier|para|marine|in the army|in the forces|in special forces|trained|firearms officer|weapons expert)|(?:i|we) (?:know|knows|learnt|learned) (?:exactly |full well |perfectly well |very well )?how to (?:make|build|use|fire|shoot|handle|kill) ${gap(2)}(?:${WEAPON}|bomb|gun|someone|people|a person)?|i never miss|crack shot|${SKILL}|(?:(?:did|done|served|completed|have done|i did|i served|i have done) (?:a |one |two |three |four |five |\\d+ |several |multiple )?|(?<=^|\\. |@user )(?:a |one |two |three |four |five |\\d+ |several |multiple ))tours? (?:in|of) (?:afghanistan|iraq|helmand|basra|northern ireland|bosnia|kosovo|syria|the falklands|the gulf|duty)|(?:trained|training) in (?:kickboxing|boxing|mma|martial arts|karate|krav maga|firearms|explosives)|i box|things that go bang|practi[sc]ing at the (?:range|gun club|shooting range)|getting very accurate|one (?:hit|punch|shot) and (?:you|he|she) (?:are|is) (?:done|dead|down|gone))`,
    ),
    needsHostility: true,
  },
  {
    id: "weapon.kill-skill",
    ...WEAPON_RULE,
    explanation:
      "They say they know how to kill or were trained to fight. This is a red flag: weapons skills.",
    cues: ["know", "knows", "learnt", "learned", "taught", "trained"],
    pattern: rx(
      `(?:i|we|my [^ .]+) (?:know|knows|learnt|learned|was taught|were taught|have been taught|have been trained|was trained|were trained|am trained) (?:exactly |full well |very well )?(?:how )?to kill (?:someone|somebody|people|a person|a man|a woman|you|her|him|with|quietly|silently|without|in)`,
    ),
    negatable: true,
  },
  {
    id: "weapon.fire-at",
    ...WEAPON_RULE,
    explanation: "They talk about shooting at you or your home. This is a red flag: access to weapons.",
    cues: [
      "put",
      "stick",
      "fire",
      "send",
      "get",
      "bullet",
      "round",
      "yards",
      "yds",
      "metres",
      "meters",
      "feet",
      "ft",
      "miles",
      "mile",
      "hundred",
      "away",
    ],
    pattern: rx(
      `(?:put|stick|fire|send|get|pop) (?:a bullet|a round|a bolt|an arrow|a slug|a pellet|one|two|a couple) (?:right )?(?:through|in|into|between) (?:your|ur|his|her) (?:[^ .]+ )?(?:window|windscreen|head|skull|eyes|chest|heart|kneecaps?|back|brain|face|forehead|temple|neck)|(?:i|we|my [^ .]+) (?:could|can|would|will) (?:easily )?(?:hit|shoot|take out|drop|pick off) (?:you|ya|her|him|your [^ .]+) from (?:\\d+|a|half a|a hundred|a thousand|five hundred|three hundred|two hundred) (?:yards|yds|metres|meters|m|feet|ft|miles?|mile away|hundred yards)`,
    ),
    negatable: true,
  },
  // ── abuse aimed at the reader ───────────────────────────────────────────────────────────────────────
  {
    id: "abuse.insult",
    ...ABUSE,
    explanation: "This insults you. Abuse like this can be reported to the platform and blocked.",
    cues: ["you", "your", "he", "she", "yourself"],
    pattern: rx(
      `(?:you|your|he|she|yourself) (?:are |is |look like |sound like |really are |truly are )?(?:a |an |such a |such an |the |one |complete |total |utter |absolute |fucking |proper |right |massive |fat |bloody |stupid |thick |useless |lying |pathetic |ugly |little |old |smug |vile |dirty |sad |sick |two faced |disgusting )*(?:${ABUSIVE_ADJ} )?(?:${INSULT})`,
    ),
  },
  {
    id: "abuse.insult-word",
    ...ABUSE,
    explanation: "This insults you. Abuse like this can be reported to the platform and blocked.",
    cues: INSULT_CUES,
    pattern: rx(
      `(?:(?:this|that|these|what a|what an|bunch of|as big a|such a|absolute|total|complete|utter|fucking|bloody|proper|right|you|your|ur|@user) (?:[^ .]+ ){0,2}(?:${INSULT})|(?<=^|\\. |@user )(?:[^ .]+ )?(?:${ABUSIVE_ADJ} )?(?:${INSULT})(?= \\.|$)|(?:${ABUSIVE_ADJ}) (?:[^ .]+ )?(?:${INSULT})|oi (?:${INSULT})|(?:what a|such a|you|you are a|you are the) (?:${ABUSIVE_ADJ}) (?:candidate|councillor|mp|politician|person|human being|human|woman|man|excuse for a)|thick as (?:mince|shit|two short planks|a brick|pig shit)|(?:the )?(?:thickest|stupidest|dumbest|most useless|most pathetic|worst) (?:person|candidate|councillor|mp|politician|human|woman|man)|(?:genuinely |totally |completely )?brain dead|get in the bin)`,
    ),
  },
  {
    id: "abuse.excuse-for",
    ...ABUSE,
    explanation: "This insults you. Abuse like this can be reported to the platform and blocked.",
    cues: ["excuse"],
    pattern: rx(
      `(?:what a|what an|such a|such an|you|you are a|you are an|you are the|absolute|total|complete) (?:[^ .]+ )?excuse (?:for|of) (?:a|an) (?:[^ .]+ )?(?:candidate|councillor|mp|politician|person|human|human being|man|woman|representative|leader|public servant)`,
    ),
  },
  {
    id: "abuse.you-adjective",
    ...ABUSE,
    explanation: "This insults you. Abuse like this can be reported to the platform and blocked.",
    cues: ["you", "your", "he", "she", "ur"],
    pattern: rx(
      `(?:you|he|she) (?:are|is|look|sound|seem) (?:so |such a |such an |really |absolutely |fucking |truly |completely |utterly |a |an |just )*(?:${ABUSIVE_ADJ})(?= \\.|$| and| you| piece| excuse| waste)`,
    ),
  },
  {
    id: "abuse.you-adjective-noun",
    ...ABUSE,
    explanation: "This insults you. Abuse like this can be reported to the platform and blocked.",
    cues: ["you", "ur"],
    pattern: rx(
      `you (?:${ABUSIVE_ADJ}) (?:[^ .]+ )?(?:${INSULT}|man|woman|cow|bitch|pig|piece of [^ .]+|excuse for|waste)`,
    ),
  },
  {
    id: "abuse.dismissal",
    ...ABUSE,
    explanation: "This is abuse aimed at you. It can be reported to the platform and blocked.",
    cues: [
      "shut",
      "fuck",
      "piss",
      "get",
      "go",
      "eat",
      "up",
      "sod",
      "bugger",
      "stfu",
      "gtfo",
      "kiss",
      "nobody",
      "stick",
    ],
    pattern: rx(
      `(?:shut (?:(?:the (?:fuck|fuk|fuuk|fck|f|hell|heck) |(?:him|her|them|himself|herself|themselves|yourself|(?:this|that|these|those) [^ .]+) )?up+|(?:your|ur|yer|his|her|their) (?:mouth|face|gob|trap|hole|cakehole|pie hole))|shut it(?= \\.|$| you| now| mate| pal| will you)|fuck off|fuck you|fuck (?:him|her)|piss off|get fucked|go fuck yourself|eat shit|up yours|sod off|bugger off|stfu|gtfo|go to hell|rot in hell|burn in hell|(?:nobody|no one) (?:likes|wants|cares about) you|stick it up your arse)`,
    ),
  },
  // ── discriminatory abuse ────────────────────────────────────────────────────────────────────────────
  {
    id: "discriminatory.hate-group",
    ...HATE,
    explanation:
      "This is hostile to people because of who they are. Discriminatory abuse may be a hate crime.",
    cues: ["hate", "despise", "detest", "loathe", "stand"],
    pattern: rx(
      `(?:hate|despise|detest|loathe|can not stand) (?:all )?(?:the |those |these |you |fucking |bloody |dirty )?(?<identity>${IDENTITY})`,
    ),
    negatable: true,
    characteristicGroup: "identity",
  },
  {
    id: "discriminatory.group-is-hostile",
    ...HATE,
    explanation:
      "This is hostile to people because of who they are. Discriminatory abuse may be a hate crime.",
    cues: IDENTITY_CUES,
    pattern: rx(
      `(?:being )?(?<identity>${IDENTITY}) (?:people |men |women |folk |lot |ones )?(?:are|is) (?:all |just |nothing but |such |so |a bunch of |the |really |fucking |always |basically )*(?:a |an )?(?:${HOSTILE})`,
    ),
    negatable: true,
    characteristicGroup: "identity",
  },
  {
    id: "discriminatory.hostile-group",
    ...HATE,
    explanation: "This is abuse because of who someone is. Discriminatory abuse may be a hate crime.",
    cues: IDENTITY_CUES,
    pattern: rx(
      `(?:${ABUSIVE_ADJ}|${HOSTILE}) (?<identity>${IDENTITY})(?! (?:rights|community|communities|history|month|culture|candidates?|voters?|councillors?|mps?|members?|friends?|neighbours?))`,
    ),
    negatable: true,
    characteristicGroup: "identity",
  },
  {
    id: "discriminatory.identity-insult",
    ...HATE,
    explanation: "This is abuse because of who someone is. Discriminatory abuse may be a hate crime.",
    cues: IDENTITY_CUES,
    pattern: rx(`(?<identity>${IDENTITY}) (?:${INSULT})`),
    negatable: true,
    characteristicGroup: "identity",
  },
  {
    id: "discriminatory.violence-against-group",
    ...HATE,
    explanation: "This calls for violence or removal because of who people are. This may be a hate crime.",
    cues: IDENTITY_CUES,
    pattern: rx(
      `(?:kill|murder|gas|shoot|hang|deport|exterminate|get rid of|ban|burn|bomb|lynch|stab|eradicate|send back|death to|out with|down with|fuck|hurt|attack|beat|bash) (?:all |the |all the |every |those |these |you )?(?<identity>${IDENTITY})(?! (?:rights|community|history|month|culture|and blue))`,
    ),
    negatable: true,
    characteristicGroup: "identity",
  },
  {
    id: "discriminatory.like-you",
    ...HATE,
    explanation: "This attacks you because of who you are. Discriminatory abuse may be a hate crime.",
    cues: IDENTITY_CUES,
    pattern: rx(
      `(?:(?<identity>${IDENTITY})(?: (?<identityB>${IDENTITY}))? like you (?:have no place|are why|are the reason|are a|are an|are all|should|do not belong|need to|will never|run|are ruining|can not|are not welcome|make me sick)(?: [^ .]+)?|(?:nobody|no one) (?:here )?(?:voted|votes|will vote|wants|needs) (?:for )?(?:a |an )?(?<identity6>${IDENTITY})|(?<identity3>${IDENTITY}) (?:nutters|agenda|scum|vermin|invasion|takeover)|you will never be (?<identity4>british|english|scottish|welsh|a woman|a man|a real woman|a real man)|you are not a (?:real )?(?<identity5>woman|man)|take your (?<identity7>turban|hijab|burka|burqa|kippah|yarmulke|headscarf))`,
    ),
    negatable: true,
    negationInside: false,
    characteristicGroup: "identity",
  },
  {
    id: "discriminatory.every-one-of-them",
    ...HATE,
    explanation: "This is hostile to you because of who you are. Discriminatory abuse may be a hate crime.",
    cues: IDENTITY_CUES,
    pattern: rx(
      `(?:(?<identity>${IDENTITY}) like you|(?:no|every) (?<identity2>${IDENTITY}) (?:should|councillor|candidate|mp|person|one))`,
    ),
    negatable: true,
    needsHostility: true,
    characteristicGroup: "identity",
  },
  {
    id: "discriminatory.people-like-you",
    ...HATE,
    explanation: "This attacks you because of who you are. Discriminatory abuse may be a hate crime.",
    cues: ["people", "go", "send"],
    pattern: rx(
      `(?:pretending to be a (?:woman|man|girl|lady)|(?:people|ones|your sort|your kind) like you (?:should|are why|are the reason|do not belong|need to|have no place|can not|are ruining|will never|ought to)|go back (?:to )?(?:africa|jamaica|pakistan|india|poland|romania|somalia|your own country|your country|where you came from|wherever you came from|where you belong|your own kind))`,
    ),
    negatable: true,
    negationInside: false,
    characteristicGroup: "message",
  },
  {
    id: "discriminatory.women",
    ...HATE,
    explanation: "This is abuse because you are a woman. Misogynistic abuse can be reported to the police.",
    characteristic: "sex",
    cues: ["women", "woman", "girls", "kitchen", "females"],
    pattern: rx(
      `(?:women|woman|girls|females) (?:like you )?(?:should|belong|need to|can not|cannot|should not|have no place|are too) (?:never|stay|be|not|get|know|shut|keep|in|at|think|do|run|vote|stick|emotional|stupid)|(?:get )?back (?:in|to) (?:the|your) kitchen|know your place|hysterical (?:bitch|woman|cow)`,
    ),
  },
];

/** A cue matches any word that starts with its first four letters: "glass" cues "glasses" and "glassed". */
export const cueKey = (word: string): string => (word.length > 4 ? word.slice(0, 4) : word);

/** For each cue key, the indices of the rules it can wake; rules without cues always run. */
const RULES_BY_CUE = new Map<string, number[]>();
PATTERN_RULES.forEach((rule, index) => {
  for (const cue of new Set(rule.cues.map(cueKey))) {
    const list = RULES_BY_CUE.get(cue) ?? [];
    list.push(index);
    RULES_BY_CUE.set(cue, list);
  }
});
const ALWAYS = PATTERN_RULES.map((rule, index) => (rule.cues.length === 0 ? index : -1)).filter(
  (i) => i >= 0,
);

/** Each rule's required words (rule-requirements.ts) as clause ids, and which clauses each word satisfies. */
interface RequirementIndex {
  clausesOfRule: number[][];
  byWord: Map<string, number[]>;
  byPrefix: Map<string, number[]>;
  clauseCount: number;
}

let requirementIndex: RequirementIndex | undefined;

/** Built on first use (~60 ms of reading patterns), not when the rules are imported. */
function requirements(): RequirementIndex {
  if (requirementIndex) return requirementIndex;
  const index: RequirementIndex = {
    clausesOfRule: [],
    byWord: new Map(),
    byPrefix: new Map(),
    clauseCount: 0,
  };
  for (const rule of PATTERN_RULES) {
    const ids: number[] = [];
    for (const clause of requiredWords(rule.pattern)) {
      const id = index.clauseCount++;
      ids.push(id);
      for (const fact of clause) {
        const map = fact.startsWith("=") ? index.byWord : index.byPrefix;
        const list = map.get(fact.slice(1)) ?? [];
        list.push(id);
        map.set(fact.slice(1), list);
      }
    }
    index.clausesOfRule.push(ids);
  }
  return (requirementIndex = index);
}

/** What one word of a message contributes: the rules it cues, and the required-word clauses it satisfies. */
interface WordHits {
  rules: readonly number[];
  clauses: readonly number[];
}
const NO_HITS: WordHits = { rules: [], clauses: [] };

/** Words seen recently and what they hit (messages share most of their words); cleared when full. */
const hitsOfWord = new Map<string, WordHits>();
const MAX_REMEMBERED_WORDS = 50_000;

function hitsOf(word: string, index: RequirementIndex): WordHits {
  let hits = hitsOfWord.get(word);
  if (hits) return hits;
  const rules = [...(RULES_BY_CUE.get(word) ?? [])];
  if (word.length > 4) rules.push(...(RULES_BY_CUE.get(word.slice(0, 4)) ?? []));
  const clauses = [...(index.byWord.get(word) ?? [])];
  if (word.length >= 3) clauses.push(...(index.byPrefix.get(word.slice(0, 3)) ?? []));
  if (word.length >= 4) clauses.push(...(index.byPrefix.get(word.slice(0, 4)) ?? []));
  hits = rules.length === 0 && clauses.length === 0 ? NO_HITS : { rules, clauses };
  if (hitsOfWord.size >= MAX_REMEMBERED_WORDS) hitsOfWord.clear();
  hitsOfWord.set(word, hits);
  return hits;
}

let satisfied = new Uint8Array(0);

/** Which rules could match a message with these words (a cheap pre-check before running their patterns). */
export function rulesToTry(words: Iterable<string>): Uint8Array {
  const index = requirements();
  const run = new Uint8Array(PATTERN_RULES.length);
  if (satisfied.length !== index.clauseCount) satisfied = new Uint8Array(index.clauseCount);
  else satisfied.fill(0);
  for (const rule of ALWAYS) run[rule] = 1;
  for (const word of words) {
    const hits = hitsOf(word, index);
    if (hits === NO_HITS) continue;
    for (const rule of hits.rules) run[rule] = 1;
    for (const clause of hits.clauses) satisfied[clause] = 1;
  }
  // a rule runs when one of its cues is there and every one of its required-word clauses holds
  for (let rule = 0; rule < run.length; rule++) {
    if (!run[rule]) continue;
    for (const clause of index.clausesOfRule[rule]!)
      if (!satisfied[clause]) {
        run[rule] = 0;
        break;
      }
  }
  return run;
}
