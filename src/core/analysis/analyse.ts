// analyse(text, profile?): runs the rules, the private-details matcher and the trained model over one message
// and decides the level. Pure and deterministic: no clock, no I/O, no randomness.
import {
  buildContext,
  itemIndexAt,
  type Item,
  sentenceBefore,
  spanOf,
  wordsBefore,
  type MessageContext,
} from "./context.ts";
import {
  CONDEMNATION,
  ELECTORAL_CONTEXT,
  IDENTITY_TERMS,
  NEWS,
  PROFANITY,
  REPORTING,
  SLURS,
} from "./lexicon.ts";
import {
  decodeModel,
  isModelWord,
  modelWords,
  score,
  strongestWord,
  type EncodedModel,
  type Model,
} from "./model.ts";
import { altWords, NEGATIONS, PLACE, TIME, words } from "./patterns.ts";
import {
  compileProfile,
  findPrivateDetails,
  type CompiledProfile,
  type DetailMatch,
} from "./private-details.ts";
import { hitsOf, rulesToTry, stickyPattern, type WordHits } from "./rule-index.ts";
import { PATTERN_RULES, type PatternRule } from "./rules.ts";
import { SOURCES } from "./sources.ts";
import {
  CATEGORIES,
  LEVEL_RANK,
  PRIVATE_DETAIL_KINDS,
  type Analysis,
  type Category,
  type Characteristic,
  type Level,
  type PrivateDetailKind,
  type Reason,
  type Span,
} from "./types.ts";
import { VOCABULARY } from "./vocabulary.ts";

export { compileProfile, type CompiledProfile };

export const RULES_VERSION = "2026.11.5";

/** Most reasons kept per rule: a 100 KB rant should not produce a 100 KB verdict. */
const MAX_REASONS_PER_RULE = 5;

const CONDEMNATION_RE = new RegExp(words(altWords(CONDEMNATION)));
const NEWS_RE = new RegExp(words(altWords(NEWS)));
const ELECTORAL_RE = new RegExp(words(altWords(ELECTORAL_CONTEXT)));
const NOT_ELECTORAL_RE =
  /(?<![^ ])(?:not talking about the (?:election|vote|count|polls)|and i do not mean (?:the election|at the polls|votes)|not at the (?:ballot box|polls))(?![^ ])/;
const REPORTING_RE = new RegExp(words(altWords(REPORTING)), "g");
const TIME_RE = new RegExp(words(TIME), "g");
const PLACE_RE = new RegExp(words(PLACE), "g");
const SLUR_PHRASES = [...SLURS.keys()].filter((s) => s.includes(" "));
const SLUR_PHRASE_RE = new RegExp(words(altWords(SLUR_PHRASES)), "g");
const SLUR_PHRASE_CUES = [...new Set(SLUR_PHRASES.map((s) => s.split(" ")[0]!))];
const PROFANITY_WORDS: ReadonlySet<string> = new Set(PROFANITY.filter((p) => !p.includes(" ")));
/** Violence that no electoral reading can explain away. */
const STRONG_VIOLENCE =
  /(?<![^ ])(?:kill\w*|murder\w*|stab\w*|shoot\w*|shot|hang\w*|hung|lynch\w*|strangl\w*|slit|knife\w*|behead\w*|butcher\w*|slaughter\w*|execut\w*|torch\w*|burn\w*|firebomb\w*|petrol|bomb\w*|acid|maim\w*|chok\w*|drown\w*|shank\w*|rap(?:e|ed|ing)|glass(?:ed)?|kneecap\w*|tortur\w*|throttl\w*|dead|blood|bleed|back|numbered|eye|safe|coming|hunt\w*|warn\w*|accidents?|happen|careful|hurt|harm\w*|punch\w*|kick\w*|leg|legs|neck|head|face|teeth|jaw|skull|hospital|ground|coffin|box|wheelchair|beat|beaten|batter\w*|smash\w*|break|fuck|windows?|throat|ambulance|stretcher)(?![^ ])/;

/** Phrases that can also describe an election result: "we'll destroy you", "you'll pay in May". */
const ELECTORAL_READING =
  /(?<![^ ])(?:beat|destroy|crush|smash|thrash|hammer|annihilate|wipe|bury|finish|finished|end|batter|trounce|demolish|take|sort|do|kick|knock|pay|regret|suffer|sorry|next|coming|out|lose|gone|numbered|time)(?![^ ])/;
/** Violent words that are also how an election is won or lost: "we'll beat you", "you'll get slaughtered". */
const ELECTORAL_RESULT =
  /^(?:beat|beaten|beating|batter\w*|slaughter\w*|smash\w*|thrash\w*|hammer\w*|crush\w*|destroy\w*|annihilat\w*|wipe\w*|trounc\w*|demolish\w*|massacre\w*|bury|buried|kick\w*)$/;
/** Said right after the match, these put it at the ballot box: "beat you in May", "slaughtered at the polls". */
const ELECTORAL_WHEN =
  /^ (?:(?:easily|comfortably|hands down|again|badly|properly|fair and square|so badly|this time|next time|all ends up) )?(?:in may|come may|next may|in the (?:may |next |local |general |council )?(?:elections?|polls|vote|by election|locals)|at the (?:polls|ballot box|ballot|ballots|next election|general election|by election|elections?|locals)|on polling day|on election day)(?![^ ])/;
/** Someone the message could be aimed at. */
const PERSON_RE = /(?<![^ ])(?:you|your|yours|yourself|he|she|him|her|his|they|them|@user)(?![^ ])/;
const THREAT_CATEGORIES = new Set<Category>(["threat", "violence-wish", "sexual"]);
/** Words that turn a weapon or a plan into a threat: "for when I next see you", "guess who it's for". */
const INTENT_RE =
  /(?<![^ ])(?:for when i (?:next )?see you|(?<!(?:vote|votes|voting|voted) )for you|who it is for|what it is for|your name on it|(?:first|top) (?:name )?on my list|letterbox|go up in (?:minutes|seconds|flames|smoke)|(?:is|are) (?:very )?flammable|you will meet|thought you should know|keep that in mind|still works|next time you|when i see you|you will find out|your name (?:scratched |written |carved |engraved )?on it|deal with you|how i am going to do it|what i (?:have|need) to do|you can not stop me|(?:nothing|nobody|no one) is going to stop me|made up my mind|(?:until|till) i get you|(?:is|isn't|is not) (?:not )?hard to find|dark car park|(?:when|while) you are watching|seen the uniform|focus on you|my mission|nobody will stop (?:it|me|us)|you will know when|the date is (?:picked|set)|we said hello|ever seen what an? |you will(?= @user)|thought about (?:you|your [^ .]+) the whole time|we know where|guess who|think about it|you will(?= \.|$)|every time i walk past|pretty face|no idea what it is for|think on(?= \.|$)|know (?:exactly )?what i am going to do(?= \.|$)|remember that (?:when|next|if)|think about that|just so you know|just saying|bear that in mind|(?:not afraid|happy|ready|prepared) to use it|use it on (?:you|her|him)|(?:guess|you know) who (?:it is )?for|how and when|when and how|where and when|when and where|you have been (?:warned|told)|do the maths?|put two and two together|draw your own conclusions|(?:thinking|thought) (?:about|of) you(?= \.|$| the whole| all| every| when| while)|you will see(?= \.|$)|(?:enjoy|make the most of) (?:it|them|tonight|today|the weekend|your weekend) while (?:you|it|they) (?:can|lasts?))(?![^ ])/;
const HOSTILE_CATEGORIES = new Set<Category>([
  "threat",
  "violence-wish",
  "sexual",
  "self-harm",
  "discriminatory",
  "abuse",
  "fixation",
  "imminent",
]);
const RELATIVES =
  /\b(?:your|ur|his|her|their) (?:son|daughter|kids?|kiddies|children|child|boy|boys|girl|girls|lad|lass|little ones?|bairns?|weans?|wife|husband|hubby|partner|other half|fella|feller|bloke|boyfriend|girlfriend|fianc[eé]e?|missus|mrs|mum|mam|dad|mother|father|family)\b|\b(?:works?|goes|go|trains?) (?:at|to)\b/i;

const DETAIL_LABEL: Record<PrivateDetailKind, string> = {
  homeAddress: "home address",
  phone: "private phone number",
  email: "private email address",
  family: "family member's name",
  school: "child's school",
  vehicle: "vehicle registration",
  workplace: "workplace",
  other: "private detail",
  "possible-address": "home address",
  "possible-phone": "personal phone number",
};

interface Candidate extends Reason {
  needsHostility?: boolean;
  /** Tells of something already done: a time or place in the message does not make it imminent. */
  past?: boolean;
}

export interface Analyser {
  analyse(text: string, profile?: CompiledProfile): Analysis;
  readonly version: string;
}

export function createAnalyser(model: Model | null): Analyser {
  const version = `${RULES_VERSION}+${model ? model.version : "rules-only"}`;
  return { version, analyse: (text, profile) => analyseWith(model, version, text, profile) };
}

export function createAnalyserFromEncoded(encoded: EncodedModel): Analyser {
  return createAnalyser(decodeModel(encoded));
}

function reason(
  rule: string,
  category: Category,
  level: Level,
  explanation: string,
  span: Span,
  source: string,
  extra: Partial<Pick<Reason, "characteristic" | "detail">> = {},
): Candidate {
  return { rule, category, level, explanation, span, source, ...extra };
}

interface MessageCues {
  condemnation: boolean;
  news: boolean;
  electoral: boolean;
  /** "...and I'm not talking about the election": the sender rules out the political reading. */
  notElectoral: boolean;
  /** norm offsets where reporting phrases ("said", "called you", "was jailed for") start. */
  reporting: number[];
}

function messageCues(context: MessageContext): MessageCues {
  const reporting: number[] = [];
  REPORTING_RE.lastIndex = 0;
  for (let m = REPORTING_RE.exec(context.norm); m; m = REPORTING_RE.exec(context.norm))
    reporting.push(m.index);
  return {
    condemnation: CONDEMNATION_RE.test(context.norm),
    news: NEWS_RE.test(context.norm),
    electoral: ELECTORAL_RE.test(context.norm),
    notElectoral: NOT_ELECTORAL_RE.test(context.norm),
    reporting,
  };
}

/**
 * "I'm going to beat you in May", "you'll get slaughtered at the polls": the only violent words of the match are
 * ways of winning an election, and an election is named straight after it.
 */
function atTheBallotBox(norm: string, matched: string, end: number): boolean {
  const violent = matched.split(" ").filter((w) => STRONG_VIOLENCE.test(w));
  return violent.every((w) => ELECTORAL_RESULT.test(w)) && ELECTORAL_WHEN.test(norm.slice(end));
}

/** Words in quotation marks that someone reports ("people saying 'you should hang'") or condemns. */
function isQuotedSpeech(
  context: MessageContext,
  cues: MessageCues,
  from: number,
  firstItem: number,
  lastItem = firstItem,
): boolean {
  if (context.items[firstItem]?.quoted || context.items[lastItem]?.quoted)
    return cues.condemnation || cues.news || cues.reporting.length > 0;
  if (!cues.condemnation && !cues.news) return false;
  // a reporting phrase earlier in the same sentence
  for (const at of cues.reporting) {
    if (at >= from) break;
    if (!context.norm.slice(at, from).includes(" . ")) return true;
  }
  return false;
}

/** "why not hang yourself", "why don't you just die": a question that urges it, not a negation. */
const URGING_NOT = /(?:^| )why (?:do |did |would |can )?not(?: you| i| we)?(?: just| go| go and| simply)?$/;

function isNegated(context: MessageContext, firstItem: number, matched: string, rule: PatternRule): boolean {
  if (!rule.negatable) return false;
  const before = wordsBefore(context, firstItem, 3);
  if (before.some((word) => NEGATIONS.has(word)) && !URGING_NOT.test(sentenceBefore(context, firstItem)))
    return true;
  if (rule.id === "threat.menace" || rule.category === "self-harm" || rule.negationInside === false)
    return false;
  for (const word of matched.split(" ")) if (NEGATIONS.has(word)) return true;
  return false;
}

/** The first protected characteristic named anywhere in the message ("...because you're Black"), if any. */
function characteristicInMessage(context: MessageContext): Characteristic | undefined {
  for (const item of context.items) {
    const characteristic = IDENTITY_TERMS.get(item.norm);
    if (characteristic && characteristic !== "sex") return characteristic;
  }
  if (
    /(?<![^ ])(?:walk|wheelchair|bound|disabled|deaf|blind|autistic|bipolar|schizophrenic|schizophrenia|adhd|dyslexic|epileptic)(?![^ ])/.test(
      context.norm,
    )
  )
    return "disability";
  return context.words.has("woman") || context.words.has("women") ? "sex" : undefined;
}

const GENDER_TERMS = new Set(["a woman", "a man", "a real woman", "a real man", "woman", "man"]);

/** The characteristic named by whichever identity group of the match took part. */
function characteristicOf(
  groups: Record<string, string | undefined> | undefined,
  ruleId: string,
): Characteristic | undefined {
  if (!groups) return undefined;
  for (const [name, term] of Object.entries(groups)) {
    if (!name.startsWith("identity") || !term) continue;
    if (GENDER_TERMS.has(term))
      return ruleId === "discriminatory.like-you" && /^identity[45]$/.test(name) ? "gender-identity" : "sex";
    const characteristic = IDENTITY_TERMS.get(term);
    if (characteristic) return characteristic;
  }
  return undefined;
}

/** The kind of private detail: the name of the group that matched (private-info.released). */
function detailOf(groups: Record<string, string | undefined> | undefined): PrivateDetailKind {
  for (const [name, value] of Object.entries(groups ?? {}))
    if (value && (PRIVATE_DETAIL_KINDS as readonly string[]).includes(name)) return name as PrivateDetailKind;
  return "other";
}

/** A stretch of `norm` that pattern rules run over, and the rules whose cues are in it. */
interface Window {
  /** Offset of the stretch in `norm`. */
  from: number;
  text: string;
  toTry: Uint8Array;
  /** What each of the stretch's words hits (rule-index.ts), and where each starts in `text`. */
  hits: WordHits[];
  starts: number[];
}

/** Below this length a message is one window: splitting it would cost more than it saves. */
const WINDOWED_FROM_CHARS = 400;

/**
 * Where each pattern rule runs. Patterns never reach across a sentence break (" . "), so in a long
 * message each rule runs only over the sentences that hold one of its cues, instead of over the whole
 * text whenever any sentence does.
 */
function windowsOf(context: MessageContext): Window[] {
  const { norm, items } = context;
  if (norm.length < WINDOWED_FROM_CHARS) return [windowOf(items, 0, items.length, 0, norm)];
  const windows: Window[] = [];
  let first = 0;
  let from = 0;
  let position = 0;
  for (let index = 0; index <= items.length; index++) {
    const item = items[index];
    if (item === undefined || item.norm === ".") {
      if (index > first) windows.push(windowOf(items, first, index, from, norm.slice(from, position - 1)));
      first = index + 1;
      from = position + (item ? 2 : 0);
    }
    if (item) position += item.norm.length + 1;
  }
  return windows;
}

/** The window of items [first, end), whose text starts at `from` in `norm`. */
function windowOf(items: readonly Item[], first: number, end: number, from: number, text: string): Window {
  const hits: WordHits[] = [];
  const starts: number[] = [];
  for (let k = first, at = 0; k < end; k++) {
    hits.push(hitsOf(items[k]!.norm));
    starts.push(at);
    at += items[k]!.norm.length + 1;
  }
  return { from, text, toTry: rulesToTry(hits), hits, starts };
}

function runPatternRules(context: MessageContext, cuesOf: () => MessageCues, out: Candidate[]): void {
  const windows = windowsOf(context);
  for (let index = 0; index < PATTERN_RULES.length; index++) {
    const rule = PATTERN_RULES[index]!;
    const sticky = stickyPattern(index);
    let kept = 0;
    for (let w = 0; w < windows.length && kept < MAX_REASONS_PER_RULE; w++) {
      const window = windows[w]!;
      if (!window.toTry[index]) continue;
      if (sticky) kept += runAtStarts(context, cuesOf, rule, index, sticky, window, kept, out);
      else kept += runEverywhere(context, cuesOf, rule, window, kept, out);
    }
  }
}

/**
 * A rule whose matches can only start at certain words, tried at those words only, left to right, each search
 * beginning where the last match ended: the same matches as searching the whole window, found sooner.
 */
function runAtStarts(
  context: MessageContext,
  cuesOf: () => MessageCues,
  rule: PatternRule,
  ruleNumber: number,
  sticky: RegExp,
  window: Window,
  keptBefore: number,
  out: Candidate[],
): number {
  let kept = 0;
  let searchFrom = 0;
  for (let k = 0; k < window.hits.length && keptBefore + kept < MAX_REASONS_PER_RULE; k++) {
    const at = window.starts[k]!;
    if (at < searchFrom || !window.hits[k]!.starts?.[ruleNumber]) continue;
    sticky.lastIndex = at;
    const m = sticky.exec(window.text);
    if (!m || m[0].length === 0) continue;
    if (keepMatch(context, cuesOf, rule, m, window.from + at, out)) kept++;
    searchFrom = at + m[0].length;
  }
  return kept;
}

function runEverywhere(
  context: MessageContext,
  cuesOf: () => MessageCues,
  rule: PatternRule,
  window: Window,
  keptBefore: number,
  out: Candidate[],
): number {
  const pattern = rule.pattern;
  let kept = 0;
  pattern.lastIndex = 0;
  for (
    let m = pattern.exec(window.text);
    m && keptBefore + kept < MAX_REASONS_PER_RULE;
    m = pattern.exec(window.text)
  ) {
    if (m[0].length === 0) {
      pattern.lastIndex++;
      continue;
    }
    if (keepMatch(context, cuesOf, rule, m, window.from + m.index, out)) kept++;
  }
  return kept;
}

/** Checks one match of a pattern rule in context and adds its reason; false when the context rules it out. */
function keepMatch(
  context: MessageContext,
  cuesOf: () => MessageCues,
  rule: PatternRule,
  m: RegExpExecArray,
  from: number,
  out: Candidate[],
): boolean {
  const firstItem = itemIndexAt(context, from);
  const cues = cuesOf();
  if (isNegated(context, firstItem, m[0], rule)) return false;
  if (
    rule.electoral &&
    cues.electoral &&
    !cues.notElectoral &&
    ((ELECTORAL_READING.test(m[0]) && !STRONG_VIOLENCE.test(m[0])) ||
      atTheBallotBox(context.norm, m[0], from + m[0].length))
  )
    return false;
  if (isQuotedSpeech(context, cues, from, firstItem, itemIndexAt(context, from + m[0].length - 1)))
    return false;
  const characteristic =
    rule.characteristic ??
    (rule.characteristicGroup === "message"
      ? characteristicInMessage(context)
      : rule.characteristicGroup
        ? characteristicOf(m.groups, rule.id)
        : undefined);
  if (rule.characteristicGroup && !characteristic) return false;
  const detail = rule.detailGroup ? detailOf(m.groups) : undefined;
  const span = spanOf(context, from, from + m[0].length);
  out.push({
    ...reason(rule.id, rule.category, rule.level, rule.explanation, span, rule.source, {
      ...(characteristic ? { characteristic } : {}),
      ...(detail ? { detail } : {}),
    }),
    ...(rule.needsHostility ? { needsHostility: true } : {}),
    ...(rule.past ? { past: true } : {}),
  });
  return true;
}

function runSlurs(context: MessageContext, cuesOf: () => MessageCues, out: Candidate[]): void {
  let position = 0;
  let kept = 0;
  for (let i = 0; i < context.items.length && kept < MAX_REASONS_PER_RULE; i++) {
    const item = context.items[i]!;
    const characteristic = SLURS.get(item.norm);
    if (characteristic && !isQuotedSpeech(context, cuesOf(), position, i)) {
      out.push(
        reason(
          "discriminatory.slur",
          "discriminatory",
          "report-to-police",
          "This uses a slur about who someone is. Discriminatory abuse may be a hate crime.",
          { start: item.start, end: item.end, text: context.text.slice(item.start, item.end) },
          SOURCES.discriminatory,
          { characteristic },
        ),
      );
      kept++;
    }
    position += item.norm.length + 1;
  }
  if (!SLUR_PHRASE_CUES.some((cue) => context.words.has(cue))) return;
  SLUR_PHRASE_RE.lastIndex = 0;
  for (let m = SLUR_PHRASE_RE.exec(context.norm); m; m = SLUR_PHRASE_RE.exec(context.norm)) {
    const firstItem = itemIndexAt(context, m.index);
    if (isQuotedSpeech(context, cuesOf(), m.index, firstItem)) continue;
    out.push(
      reason(
        "discriminatory.phrase",
        "discriminatory",
        "report-to-police",
        "This is abuse because of who someone is. Discriminatory abuse may be a hate crime.",
        spanOf(context, m.index, m.index + m[0].length),
        SOURCES.discriminatory,
        { characteristic: SLURS.get(m[0])! },
      ),
    );
  }
}

function runProfanity(context: MessageContext, out: Candidate[]): void {
  for (const item of context.items) {
    if (PROFANITY_WORDS.has(item.norm)) {
      out.push(
        reason(
          "profanity",
          "profanity",
          "keep-record",
          "Swearing: recorded, but on its own it does not raise the level.",
          { start: item.start, end: item.end, text: context.text.slice(item.start, item.end) },
          SOURCES.profanity,
        ),
      );
      return;
    }
  }
}

function privateReasons(text: string, details: DetailMatch[], hostile: () => boolean): Candidate[] {
  const out: Candidate[] = [];
  const registeredKinds = new Set(
    details.filter((d) => d.registered && !d.needsCompanion).map((d) => d.kind),
  );
  const companionKinds = new Set(details.filter((d) => d.registered).map((d) => d.kind));
  for (const detail of details) {
    const label = DETAIL_LABEL[detail.kind];
    if (!detail.registered) {
      out.push(
        reason(
          `private-info.${detail.kind}`,
          "private-info",
          "report-to-police",
          `This looks like someone's ${label} ("${detail.span.text}"). If it is yours or your family's and not public, treat it as a red flag and call 999.`,
          detail.span,
          SOURCES.privateInfo,
          { detail: detail.kind },
        ),
      );
      continue;
    }
    if (detail.needsCompanion) {
      const otherDetail = registeredKinds.size > 0 || [...companionKinds].some((k) => k !== detail.kind);
      if (!otherDetail && !hostile() && !RELATIVES.test(text)) continue;
    }
    out.push(
      reason(
        `private-info.${detail.kind}`,
        "private-info",
        "call-999",
        `This reveals your ${label} ("${detail.span.text}"), which you registered as private. This is a red flag: release of personal information not in the public domain.`,
        detail.span,
        SOURCES.privateInfo,
        { detail: detail.kind },
      ),
    );
  }
  return out;
}

/** Email header lines ("Subject: your performance tonight", "Sent: Thursday 4 May"): they say what the
 * email is and when it was sent, not when or where the threat will happen. */
const HEADER_LINE = /^[ \t>]*(?:subject|re|fwd?|from|to|cc|bcc|date|sent)[ \t]*:[^\n]*/gim;

function headerLines(text: string): Array<[number, number]> {
  if (!text.includes(":")) return [];
  const out: Array<[number, number]> = [];
  HEADER_LINE.lastIndex = 0;
  for (let m = HEADER_LINE.exec(text); m; m = HEADER_LINE.exec(text))
    out.push([m.index, m.index + m[0].length]);
  return out;
}

/** The first time (else place) that goes with one of the threats, and that threat. A time or place in an
 * email header goes only with a threat in the same header line. */
function whenOrWhere(
  context: MessageContext,
  threats: readonly Candidate[],
): { threat: Candidate; when: Span } | undefined {
  const headers = headerLines(context.text);
  const headerOf = (at: number) => headers.find(([start, end]) => at >= start && at < end);
  for (const re of [TIME_RE, PLACE_RE]) {
    re.lastIndex = 0;
    for (let m = re.exec(context.norm); m; m = re.exec(context.norm)) {
      const when = spanOf(context, m.index, m.index + m[0].length);
      const header = headerOf(when.start);
      const threat = header
        ? threats.find((t) => t.span.start >= header[0] && t.span.end <= header[1])
        : threats[0];
      if (threat) return { threat, when };
    }
  }
  return undefined;
}

/** The rules that only see a weapon named ("with a gun", "a gun"), not who has it: they often match the same words. */
const WEAPON_NAMED = new Set(["weapon.threat", "weapon.mention"]);

/**
 * How many signs these matches are: overlapping matches of the weapon-naming rules are one sign ("bring a gun
 * into a courthouse" is not two threats), any other match is one. A weapon someone says they have is seen by
 * weapon.has and weapon.mention, and so counts twice: having one is itself the red flag.
 */
function separateSigns(matches: readonly Candidate[]): number {
  const named = matches.filter((m) => WEAPON_NAMED.has(m.rule));
  return matches.length - named.length + separateMatches(named);
}

function separateMatches(matches: readonly Candidate[]): number {
  const spans = matches.map((m) => m.span).sort((a, b) => a.start - b.start);
  let count = 0;
  let end = -1;
  for (const span of spans) {
    if (span.start >= end) count++;
    end = Math.max(end, span.end);
  }
  return count;
}

/** A weapon someone says they have, told to the reader with a time or place: "got a crossbow, see you Saturday". */
function weaponWhenOrWhere(context: MessageContext, hostilityRules: readonly Candidate[]): boolean {
  if (!hostilityRules.some((c) => c.category === "weapon")) return false;
  if (!context.words.has("you") && !context.words.has("your")) return false;
  TIME_RE.lastIndex = 0;
  PLACE_RE.lastIndex = 0;
  return TIME_RE.test(context.norm) || PLACE_RE.test(context.norm);
}

function analyseWith(
  model: Model | null,
  version: string,
  text: string,
  profile?: CompiledProfile,
): Analysis {
  const context = buildContext(text, VOCABULARY);
  // the message-wide cues (condemnation, news, electoral words) are only worked out when a rule matches
  let cues: MessageCues | undefined;
  const cuesOf = () => (cues ??= messageCues(context));
  const candidates: Candidate[] = [];
  runPatternRules(context, cuesOf, candidates);
  runSlurs(context, cuesOf, candidates);

  // the model: abuse the rules do not name
  const wordList = modelWords(context.items.map((item) => item.norm));
  const abuseScore = model && wordList.length > 0 ? score(model, wordList) : 0;
  const hasQuote = context.items.some((item) => item.quoted);
  const modelCounterSpeech = () =>
    (hasQuote && cuesOf().condemnation) ||
    (cuesOf().news && !context.words.has("you") && !context.words.has("your"));
  const strongest =
    model && abuseScore >= model.threshold && !modelCounterSpeech() ? strongestWord(model, wordList) : -1;
  const modelItems = strongest >= 0 ? context.items.filter((i) => isModelWord(i.norm)) : [];
  const strongestItem = strongest >= 0 ? context.items.indexOf(modelItems[strongest]!) : -1;
  const negatedWord =
    strongestItem >= 0 && wordsBefore(context, strongestItem, 3).some((w) => NEGATIONS.has(w));
  // abuse is aimed at someone: without a person in the message ("the chef pulled a knife from the block",
  // swearing about the roads), the model stays quiet
  if (
    model &&
    strongest >= 0 &&
    !negatedWord &&
    PERSON_RE.test(context.norm) &&
    !candidates.some((c) => c.category === "abuse")
  ) {
    const item = modelItems[strongest]!;
    candidates.push(
      reason(
        "model.abuse",
        "abuse",
        "report-to-platform",
        "This reads as abusive or insulting. Abuse like this can be reported to the platform and blocked.",
        { start: item.start, end: item.end, text: text.slice(item.start, item.end) },
        SOURCES.model,
      ),
    );
  }

  // rules that need some other sign of hostility: "I've planned it all", "I've got a shotgun"
  const hostileSignals = candidates.filter(
    (c) => !c.needsHostility && c.rule !== "model.abuse" && HOSTILE_CATEGORIES.has(c.category),
  ).length;
  const hostilityRules = candidates.filter((c) => c.needsHostility);
  // worked out only when something depends on it: a rule that needs hostility, or a detail that needs company
  let hostileFound: boolean | undefined;
  const hostile = () =>
    (hostileFound ??=
      hostileSignals > 0 ||
      abuseScore >= 0.7 ||
      separateSigns(hostilityRules) >= 2 ||
      INTENT_RE.test(context.norm) ||
      weaponWhenOrWhere(context, hostilityRules));
  // a weapon in a wish that someone else acts ("someone should take a bat to you") says nothing of the
  // sender's access to weapons: the wish is reported, not the weapon
  const wishes = candidates.filter((c) => c.category === "violence-wish");
  const inWish = (c: Candidate) =>
    c.category === "weapon" && wishes.some((w) => c.span.start >= w.span.start && c.span.end <= w.span.end);
  const reasons: Candidate[] = candidates.filter((c) => (!c.needsHostility || hostile()) && !inWish(c));

  // private details: registered ones are a red flag; look-alikes aimed at the reader are for the police
  const details = findPrivateDetails(text, profile);
  if (details.length > 0) reasons.push(...privateReasons(text, details, hostile));

  // a threat that says when or where is a threat of imminent violence (a wish that someone else acts is not,
  // nor an account of something already done); an email's subject or date line does not say when
  const threats = reasons.filter(
    (r) => (r.category === "threat" && !r.past) || r.rule === "fixation.waiting",
  );
  const imminent = threats.length > 0 ? whenOrWhere(context, threats) : undefined;
  if (imminent) {
    const { threat, when } = imminent;
    // the span covers the threat and its time or place when they are close, else the threat itself
    const start = Math.min(threat.span.start, when.start);
    const end = Math.max(threat.span.end, when.end);
    const span = end - start <= 240 ? { start, end, text: text.slice(start, end) } : threat.span;
    reasons.push(
      reason(
        "threat.imminent",
        "imminent",
        "call-999",
        `The threat says when or where ("${when.text}"). This is a red flag: a threat of imminent violence.`,
        span,
        SOURCES.imminent,
      ),
    );
  }
  if (!reasons.some((r) => r.category !== "profanity")) runProfanity(context, reasons);
  return compose(reasons, abuseScore, version);
}

function compose(candidates: Candidate[], abuseScore: number, version: string): Analysis {
  const reasons: Reason[] = candidates
    .map(({ needsHostility: _unused, past: _past, ...r }) => r)
    .sort((a, b) => LEVEL_RANK[b.level] - LEVEL_RANK[a.level] || a.span.start - b.span.start);
  let level: Level = "keep-record";
  for (const r of reasons) if (LEVEL_RANK[r.level] > LEVEL_RANK[level]) level = r.level;
  const categoryRank = (c: Category) =>
    Math.max(...reasons.filter((r) => r.category === c).map((r) => LEVEL_RANK[r.level])) * 100 -
    CATEGORIES.indexOf(c);
  const categories = [...new Set(reasons.map((r) => r.category))].sort(
    (a, b) => categoryRank(b) - categoryRank(a),
  );
  const characteristics = [...new Set(reasons.flatMap((r) => (r.characteristic ? [r.characteristic] : [])))];
  const threat = reasons.some((r) => r.level === "call-999" && r.category !== "private-info")
    ? 1
    : reasons.some((r) => THREAT_CATEGORIES.has(r.category))
      ? 0.8
      : 0;
  return {
    level,
    categories,
    characteristics,
    reasons,
    scores: { abuse: Math.round(abuseScore * 1000) / 1000, threat },
    version,
  };
}
