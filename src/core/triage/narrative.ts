// An incident account, written by the person recording it ("He said he would kill me tonight"), turned into
// what the other person said or did, addressed to the reader ("I will kill you tonight"), so that the
// message analyser, which reads messages sent TO someone, can judge it.
//
// Quoted words are given as they are. Every other sentence is rewritten: the recorder's "I/me/my/we" become
// "you/your", the other person's "he/she/they/him/her/his/their" become "I/me/my", reporting frames ("he
// said that", "she told me to", "he threatened to", "he called me a") are taken away, and the backshift of
// reported speech is undone ("would" → "will", "knew" → "know"). Anything said or done by the recorder stays
// a statement about "you", so "I told him I would call the police" cannot turn into a threat.
//
// Pure and deterministic: no I/O, no clock, no Node-only APIs. Linear in the length of the account.

export interface SpeechSegment {
  /** Text to give the analyser: words as if said directly to the reader. */
  text: string;
  /** Where it comes from in the original account (UTF-16 offsets, end exclusive). */
  start: number;
  end: number;
  /** "quote": the exact words inside quotation marks (text === original.slice(start, end)).
   *  "reported": one sentence of the account, rewritten from the recorder's point of view to the other person's. */
  kind: "quote" | "reported";
}

/** Turns an account written by the person recording an incident into what the other person said or did, addressed to the reader. */
export function directSpeech(account: string): SpeechSegment[] {
  const quotes = findQuotes(account);
  const segments: SpeechSegment[] = quotes.map((q) => ({
    text: account.slice(q.start, q.end),
    start: q.start,
    end: q.end,
    kind: "quote" as const,
  }));
  let q = 0;
  for (const [start, end] of sentenceRanges(account, quotes)) {
    while (q < quotes.length && quotes[q]!.open < start) q++;
    const tokens = tokenise(account, start, end, quotes, q);
    if (!tokens.some((t) => t.kind === "word")) continue;
    const text = rewriteSentence(tokens) ?? account.slice(start, end);
    segments.push({ text, start, end, kind: "reported" });
  }
  return segments.sort((a, b) => a.start - b.start || a.end - b.end);
}

// ── quotations ──────────────────────────────────────────────────────────────────────────────────────

interface Quote {
  /** Offset of the opening mark. */
  open: number;
  /** The quoted words: [start, end). */
  start: number;
  end: number;
  /** Offset just after the closing mark. */
  close: number;
}

const isSpaceCode = (c: number): boolean =>
  c === 32 || c === 9 || c === 10 || c === 13 || c === 12 || c === 11 || c === 160 || c === 0x2028;

const NON_ASCII_WORD = /[\p{L}\p{N}\p{M}]/u;
function isWordCode(text: string, i: number): boolean {
  const c = text.charCodeAt(i);
  if (c < 128)
    return (c >= 48 && c <= 57) || (c >= 65 && c <= 90) || (c >= 97 && c <= 122) || c === 95 || c === 64;
  return NON_ASCII_WORD.test(text[i]!);
}
const isLetterCode = (text: string, i: number): boolean => i < text.length && isWordCode(text, i);

/** Characters after which an opening single quote can stand. */
const OPEN_AFTER = new Set([...'([{—–-/:“"«']);
/** Words after a leading apostrophe that make it an elision, not a quotation: 'em, 'cause, 'til. */
const ELISION = /^(?:em|cause|cos|coz|til|till|bout|n|tis|twas|ave|er)(?![\p{L}])/iu;
/** Words after "…s' " that show the apostrophe closed a quotation rather than made a possessive. */
const AFTER_CLOSING = new Set(
  "he she they i we you it someone and or but as then said says shouted screamed yelled was is from at to in on so because before after when while which who".split(
    " ",
  ),
);

/** Quoted passages, outermost first, in order. “…” "…" «…» always; '…' and ‘…’ only when not apostrophes. */
function findQuotes(text: string): Quote[] {
  const n = text.length;
  const out: Quote[] = [];
  // closing single quotes: after a non-space, not followed by a letter (so not the ' of don't)
  const closers: Record<"'" | "’", { strong: number[]; weak: number[] }> = {
    "'": { strong: [], weak: [] },
    "’": { strong: [], weak: [] },
  };
  for (let p = 1; p < n; p++) {
    const c = text[p];
    if (c !== "'" && c !== "’") continue;
    if (isSpaceCode(text.charCodeAt(p - 1)) || isLetterCode(text, p + 1)) continue;
    // "Jones' leaflet": a possessive unless the next word shows the quotation ended
    let weak = false;
    if (/[sS]/.test(text[p - 1]!) && text[p + 1] === " " && isLetterCode(text, p + 2)) {
      let e = p + 2;
      while (e < n && e < p + 14 && isLetterCode(text, e)) e++;
      weak = !AFTER_CLOSING.has(text.slice(p + 2, e).toLowerCase());
    }
    closers[c][weak ? "weak" : "strong"].push(p);
  }
  const pointer = { "'": { strong: 0, weak: 0 }, "’": { strong: 0, weak: 0 } };
  const next = (list: number[], key: "'" | "’", kind: "strong" | "weak", after: number): number => {
    let i = pointer[key][kind];
    while (i < list.length && list[i]! <= after) i++;
    pointer[key][kind] = i;
    return i < list.length ? list[i]! : -1;
  };
  let lineEnd = -1;
  const exhausted = new Set<string>();
  let i = 0;
  while (i < n) {
    const c = text[i]!;
    let closeAt = -1;
    if (c === '"' || c === "“" || c === "«") {
      const closer = c === '"' ? '"' : c === "“" ? "”" : "»";
      if (!exhausted.has(closer)) {
        closeAt = text.indexOf(closer, i + 1);
        if (closeAt < 0) exhausted.add(closer);
      }
    } else if ((c === "'" || c === "‘") && isSingleOpener(text, i)) {
      if (lineEnd < i) {
        lineEnd = text.indexOf("\n", i);
        if (lineEnd < 0) lineEnd = n;
      }
      const key = c === "'" ? "'" : "’";
      const strong = next(closers[key].strong, key, "strong", i + 1);
      const weak = next(closers[key].weak, key, "weak", i + 1);
      if (strong >= 0 && strong < lineEnd) closeAt = strong;
      else if (weak >= 0 && weak < lineEnd) closeAt = weak;
    }
    if (closeAt > i + 1 && hasWord(text, i + 1, closeAt)) {
      out.push({ open: i, start: i + 1, end: closeAt, close: closeAt + 1 });
      i = closeAt + 1;
      continue;
    }
    i++;
  }
  return out;
}

function isSingleOpener(text: string, i: number): boolean {
  if (i > 0 && !isSpaceCode(text.charCodeAt(i - 1)) && !OPEN_AFTER.has(text[i - 1]!)) return false;
  const after = text.charCodeAt(i + 1);
  if (Number.isNaN(after) || isSpaceCode(after)) return false;
  return !ELISION.test(text.slice(i + 1, i + 7));
}

function hasWord(text: string, from: number, to: number): boolean {
  for (let i = from; i < to; i++) if (isWordCode(text, i)) return true;
  return false;
}

// ── sentences ───────────────────────────────────────────────────────────────────────────────────────

const ABBREVIATIONS = new Set(
  "mr mrs ms mx dr st cllr prof rev revd sgt insp det supt pc dc jr sr vs approx e.g i.e eg ie cf ave rd tel nr fig ref dept govt".split(
    " ",
  ),
);

/** Sentences outside quotations: broken at . ! ? (not "Mr." "St." "e.g." "4.15") and at line breaks. */
function sentenceRanges(text: string, quotes: Quote[]): Array<[number, number]> {
  const n = text.length;
  const out: Array<[number, number]> = [];
  const push = (from: number, to: number) => {
    while (from < to && isSpaceCode(text.charCodeAt(from))) from++;
    while (to > from && isSpaceCode(text.charCodeAt(to - 1))) to--;
    if (to > from) out.push([from, to]);
  };
  let start = 0;
  let q = 0;
  let i = 0;
  while (i < n) {
    while (q < quotes.length && quotes[q]!.open < i) q++;
    if (q < quotes.length && quotes[q]!.open === i) {
      i = quotes[q]!.close;
      q++;
      continue;
    }
    const c = text[i];
    if (c === "\n" || c === "\r") {
      push(start, i);
      start = ++i;
      continue;
    }
    if (c === "." || c === "!" || c === "?") {
      let j = i;
      while (j < n && (text[j] === "." || text[j] === "!" || text[j] === "?")) j++;
      while (j < n && ")]”’".includes(text[j]!)) j++;
      const boundary = j >= n || isSpaceCode(text.charCodeAt(j));
      if (boundary && !(c === "." && j === i + 1 && isAbbreviation(text, i, start))) {
        push(start, j);
        start = i = j;
        continue;
      }
      i = j;
      continue;
    }
    i++;
  }
  push(start, n);
  return out;
}

/** The "." at `dot` ends an abbreviation, an initial or a list number rather than a sentence. */
function isAbbreviation(text: string, dot: number, sentenceStart: number): boolean {
  let a = dot;
  while (a > sentenceStart && (isWordCode(text, a - 1) || text[a - 1] === ".")) a--;
  const word = text.slice(a, dot);
  if (word.length === 0) return false;
  const lower = word.toLowerCase();
  if (lower === "no") {
    let k = dot + 1;
    while (k < text.length && text[k] === " ") k++;
    return /[0-9]/.test(text[k] ?? "");
  }
  if (ABBREVIATIONS.has(lower)) return true;
  if (/^[A-Z]$/.test(word)) return true; // an initial: "J. Smith"
  // "1." at the start of a line
  if (/^[0-9]{1,2}$/.test(word)) {
    for (let k = a - 1; k >= sentenceStart; k--) if (!isSpaceCode(text.charCodeAt(k))) return false;
    return true;
  }
  return false;
}

// ── tokens ──────────────────────────────────────────────────────────────────────────────────────────

interface Token {
  kind: "word" | "punct" | "quote";
  /** The original characters (for a quotation: its marks around "…"). */
  text: string;
  /** Lower case, curly apostrophes straightened; "" for punctuation and quotations. */
  lw: string;
  /** Whether whitespace follows in the original. */
  space: boolean;
}

const JOINERS = new Set(["'", "’", "-", ".", "&"]);

function tokenise(text: string, start: number, end: number, quotes: Quote[], q: number): Token[] {
  const tokens: Token[] = [];
  let i = start;
  while (i < end) {
    while (q < quotes.length && quotes[q]!.open < i) q++;
    if (isSpaceCode(text.charCodeAt(i))) {
      if (tokens.length > 0) tokens[tokens.length - 1]!.space = true;
      i++;
      continue;
    }
    if (q < quotes.length && quotes[q]!.open === i) {
      const quote = quotes[q]!;
      tokens.push({
        kind: "quote",
        text: `${text[quote.open]}…${text[quote.close - 1]}`,
        lw: "",
        space: false,
      });
      i = quote.close;
      q++;
      continue;
    }
    if (isWordCode(text, i)) {
      let j = i + 1;
      for (;;) {
        if (j < end && isWordCode(text, j)) j++;
        else if (j + 1 < end && JOINERS.has(text[j]!) && isWordCode(text, j + 1)) j += 2;
        else break;
      }
      const word = text.slice(i, j);
      const lower = word.toLowerCase();
      tokens.push({
        kind: "word",
        text: word,
        lw: lower.includes("’") ? lower.replace(/’/g, "'") : lower,
        space: false,
      });
      i = j;
      continue;
    }
    tokens.push({ kind: "punct", text: text[i]!, lw: "", space: false });
    i++;
  }
  // contractions typed without the apostrophe: "hed kill me", "she said shed be waiting"
  for (let k = 0; k < tokens.length; k++) {
    const t = tokens[k]!;
    const spelt = UNAPOSTROPHISED.get(t.lw);
    if (spelt === undefined) continue;
    if (
      t.lw === "shed" &&
      !/^(be|kill|get|have|never|go|come|make|see|find|hurt|do|rather|better|been|sort|put)$/.test(
        word(tokens, k + 1),
      )
    )
      continue;
    t.lw = spelt;
  }
  return tokens;
}

const UNAPOSTROPHISED = new Map([
  ["hed", "he'd"],
  ["shed", "she'd"],
  ["theyd", "they'd"],
  ["theyll", "they'll"],
  ["theyre", "they're"],
  ["theyve", "they've"],
  ["hes", "he's"],
  ["shes", "she's"],
]);

// ── word lists ──────────────────────────────────────────────────────────────────────────────────────

const set = (words: string): Set<string> => new Set(words.trim().split(/\s+/));

/** The recorder's first person, and what it becomes. "i'd" and "we'd" are decided by what follows. */
const RECORDER = new Map<string, string>(
  Object.entries({
    i: "you",
    me: "you",
    my: "your",
    mine: "yours",
    myself: "yourself",
    we: "you",
    us: "you",
    our: "your",
    ours: "yours",
    ourselves: "yourselves",
    "i'm": "you're",
    im: "you're",
    "i've": "you've",
    ive: "you've",
    "i'll": "you'll",
    "we're": "you're",
    "we've": "you've",
    "we'll": "you'll",
  }),
);
const RECORDER_SUBJECTS = set("i we i'm im i've ive i'll i'd id we're we've we'll we'd");
/** The other person's third person, and what it becomes ("her", "his", "'s", "'d" are decided by context). */
const OTHER = new Map<string, string>(
  Object.entries({
    he: "I",
    she: "I",
    they: "I",
    him: "me",
    them: "me",
    their: "my",
    theirs: "mine",
    himself: "myself",
    herself: "myself",
    themselves: "myself",
    themself: "myself",
    "they're": "I'm",
    "they've": "I've",
    "he'll": "I'll",
    "she'll": "I'll",
    "they'll": "I'll",
  }),
);
const OTHER_CONTRACTED = set("he's she's he'd she'd they'd");
const OTHER_SUBJECTS = set("he she they he's she's they're they've he'll she'll they'll he'd she'd they'd");
/** Pronouns that can stand before a reporting verb as its speaker ("I heard him say"). */
const SPEAKER_PRONOUNS = set("he she they it him her them he's she's they're they've he'd she'd they'd");

/** Reporting verbs: how each takes what was said. */
type FrameKind = "say" | "write" | "tell" | "threaten" | "call" | "ask";
const FRAME_VERBS = new Map<string, FrameKind>();
const addFrames = (kind: FrameKind, words: string) => {
  for (const w of set(words)) FRAME_VERBS.set(w, kind);
};
addFrames(
  "say",
  `said says say saying shouted shouts shout shouting yelled yells yelling screamed screams screaming
   muttered mutters muttering whispered whispering hissed snarled growled bellowed roared chanted chanting chants
   declared announced claimed insisted stated boasted bragged added repeated promised swore joked replied
   reckoned admitted mentioned implied hinted suggested warned warning`,
);
addFrames(
  "write",
  "wrote writes writing written posted posts posting tweeted commented texted emailed messaged",
);
addFrames("tell", "told tells tell telling ordered urged encouraged advised informed reminded assured");
addFrames("threaten", "threatened threatens threaten threatening");
addFrames("call", "called calls calling");
addFrames("ask", "asked asks asking");
/** Verbs that can take "me" and "to …" like "told": "warned me not to", "promised me that". */
const TELL_LIKE = set("warned warning promised");
/** Words that can sit between the speaker and the reporting verb: "he then said", "she kept saying". */
const BEFORE_VERB = set(
  `then just also even actually literally basically repeatedly again later suddenly calmly quietly loudly openly
   clearly allegedly apparently kept keeps keep started starts began begins begin has have had was were is been
   would will did does do went carried continued never always once proceeded`,
);
const BEFORE_TO = set("on started began continued tried went wanted decided proceeded");
const PASSIVE = set("was were been being got get");
/** Words that join on to a speaker given earlier: "... and said", "a man who said". */
const CONNECTIVES = set("and then but so before after who which that until & when while");
const AFTER_VERB = set(
  `loudly again repeatedly angrily calmly quietly aggressively twice online publicly openly menacingly straight
   then later also even just`,
);
const ADJUNCT_PREPOSITIONS = set(
  "in on over down through from via by under outside across at during after before into out of up near",
);
/** What cannot begin a reported clause: "he said nothing", "he shouted abuse", "he said to the others". */
const NOT_A_CLAUSE = set(
  `nothing something anything hello hi goodbye bye sorry thanks thank abuse things stuff words names no yes ok
   okay loads lots at to in on from about with for into through under over by as and but or so then back up off
   out away me us him them whatever much more less little`,
);
const CLAUSE_SUBJECTS = set(
  `i he she they we you it there people everyone someone nobody i'm i'd i'll i've he's he'd he'll she's she'd
   she'll they're they'd they'll we're we'd we'll you're you'd you'll it's im id ive this that`,
);
const SUBORDINATORS = set("while whilst when as because since after before if until though although");
const WH = set("if whether when where why what how who which");
const NOT_A_NAME_CALL = set(
  `at on in back from up again about to and but last this every twice names name several late early
   repeatedly constantly throughout after before when while yesterday today tonight several from out over
   during around with via using three four five six many numerous`,
);

/** Who the other person can be when named as a noun: "a man", "the caller", "two lads". */
const PERSON_NOUNS = set(
  `man men woman women lad lads bloke blokes guy guys boy boys girl girls youth youths teenager teenagers teen
   teens person people individual caller callers sender voter voters resident residents neighbour neighbours
   neighbor neighbors driver drivers cyclist passenger stranger strangers group gang crowd couple bunch pair
   member members supporter supporters protester protesters protestor protestors heckler hecklers activist
   activists gentleman gentlemen lady ladies fella fellas chap chaps customer local locals occupant occupants
   homeowner householder tenant landlord motorist pedestrian biker someone somebody mate mates friend friends
   account user troll trolls`,
);
const ACTOR_DETERMINERS = set(
  "a an the this that these those some another one two three four five six several",
);
const GROUP_NOUNS = set("group gang crowd couple bunch pair load lot");
/** Things that "say": "the letter said", "a note saying". */
const MESSAGE_NOUNS = set(
  `letter letters note notes card email emails e-mail message messages text texts voicemail voicemails post posts
   comment comments reply replies tweet tweets dm dms graffiti sign leaflet flyer poster it`,
);
const TITLES = set("mr mrs ms mx miss dr cllr councillor sir dame lord lady prof");
/** Capitalised words that are not names. */
const NOT_NAMES = set(
  `i the a an this that then when while after before at on in yesterday today tonight tomorrow last next also
   so but and later earlier he she they we it my our his her their your you there here monday tuesday wednesday
   thursday friday saturday sunday january february march april may june july august september october
   november december got received knocked went came phoned rang called surgery canvassing leafleting door
   just one two some facebook instagram twitter x tiktok whatsapp youtube linkedin nextdoor reddit threads
   bluesky telegram snapchat google messenger gmail outlook`,
);
const PREPOSITIONS_AFTER_ACTOR = set(
  "in from at on with outside near wearing driving by across behind opposite inside",
);
/** Past forms of everyday action verbs that do not end in -ed. */
const PAST_VERBS = set(
  `said told came went got ran sat stood drove rode threw spat hit kept left saw took gave made put found knew
   wrote began swore caught broke brought bought held shook struck fought met rang sent became tore stole lit
   set cut shot beat hid led let paid read split spread stuck swung woke was were is are has had have keeps
   would will could does did says tells comes goes gets turns keeps follows waits sits stands`,
);
/** Words ending in -ed that are not verbs: "a hooded man", "a red van". */
const NOT_VERBS_ED = set(
  `red bed shed hooded bearded masked tattooed aged armed shaved naked balded seed need speed feed bred sled
   hundred kindred wicked rugged ragged sacred tired tinted`,
);
/** Adverbs between a subject and its verb: "he never knew", "she still lives". */
const ADVERBS = set(
  `just still really never always also even already often usually sometimes definitely probably then now
   actually literally honestly obviously allegedly constantly regularly repeatedly basically genuinely soon not
   personally absolutely certainly simply only clearly apparently totally ever`,
);
/** Verbs after which "was/were X-ing" is said in the present: the analyser reads "I am waiting outside". */
const PROGRESSIVE = set(
  "waiting following watching stalking filming photographing sitting standing parked lurking loitering hanging",
);
const PARTICIPLES = set(
  `been seen done gone got taken given written known made said told sent left found heard had kept bought
   brought thought met driven shown stolen spoken broken fallen begun`,
);
const HAS_PARTICIPLE = set(
  `been got gone done had said told made sent taken written left seen posted followed threatened called
   messaged emailed texted rung phoned tried started stopped kept put found`,
);
/** Reported-speech past tenses and their present: "he said he knew where I lived" → "I know where you live". */
const BACKSHIFT = new Map<string, [base: string, third: string]>(
  Object.entries({
    knew: ["know", "knows"],
    lived: ["live", "lives"],
    wanted: ["want", "wants"],
    hoped: ["hope", "hopes"],
    wished: ["wish", "wishes"],
    deserved: ["deserve", "deserves"],
    needed: ["need", "needs"],
    intended: ["intend", "intends"],
    meant: ["mean", "means"],
    hated: ["hate", "hates"],
    regretted: ["regret", "regrets"],
    planned: ["plan", "plans"],
    thought: ["think", "thinks"],
    owned: ["own", "owns"],
    worked: ["work", "works"],
    liked: ["like", "likes"],
    loved: ["love", "loves"],
    had: ["have", "has"],
    "hadn't": ["haven't", "hasn't"],
  }) as Array<[string, [string, string]]>,
);
/** Past tenses that are backshift only after "where", "when", "what time": "where my kids went to school". */
const WH_BACKSHIFT = new Map<string, [base: string, third: string]>([
  ["went", ["go", "goes"]],
  ["left", ["leave", "leaves"]],
  ["parked", ["park", "parks"]],
  ["stayed", ["stay", "stays"]],
  ["walked", ["walk", "walks"]],
  ["finished", ["finish", "finishes"]],
  ["drove", ["drive", "drives"]],
  ["slept", ["sleep", "sleeps"]],
  ["trained", ["train", "trains"]],
  ["started", ["start", "starts"]],
]);
/** The recorder's object forms in the original: "kill me", "burn my house". */
const RECORDER_OBJECTS = set("me my us our myself ourselves");

/** A word that reads as a plural subject: "people like me", "my kids", "the lads". */
function isPlural(t: Token | undefined): boolean {
  if (!isWord(t)) return false;
  const lw = t.lw;
  if (/^(me|us|you|we|they|them|people|men|women|children|police)$/.test(lw)) return true;
  return lw.length > 3 && lw.endsWith("s") && !/(ss|us|is|'s)$/.test(lw) && !NOT_NOUNS.has(lw);
}

/** A bare verb after "and" ("... and kill me"), not "and then", "and my kids", "and said". */
function coordinatedVerb(lw: string): boolean {
  if (!lw || NOT_NOUNS.has(lw) || ADVERBS.has(lw) || ELLIPSIS_VERBS.has(lw) || BACKSHIFT.has(lw))
    return false;
  if (RECORDER.has(lw) || OTHER.has(lw) || FRAME_VERBS.has(lw) || TRAILING.has(lw)) return false;
  return !/(ed|ing|s)$/.test(lw) && !/^[0-9]/.test(lw);
}

const SECOND_PERSON = set("you your yours yourself you're you'll you've you'd ya u ur");
const FIRST_SINGULAR = set("i me my mine myself i'm i'll i've i'd im ive");
const HOPE = set("hope hoped hopes hoping wish wished wishes wishing pray prayed");
const AFTER_HOPE = new Map([
  ["got", "get"],
  ["died", "die"],
  ["dies", "die"],
]);
/** Modals after which an elided subject is put back: "you are a traitor and [you] should hang". */
const ELLIPSIS_VERBS = set(
  "should will would could must might deserve deserves deserved needs need needed ought can was were wasn't weren't is has",
);
/** Words a narrative piece should not end on once the reported words are cut away. */
const TRAILING = set("and then but so who which that when while because as before after until saying");
const FEAR = set("worried scared afraid frightened terrified nervous anxious concerned fear worry dread");
/** Words that cannot be the noun after "her" (so "her" there is "me", not "my"). */
const NOT_NOUNS = set(
  `a an the to at in on of off out up down away back over and or but so that this these those if when while
   because for from with about by into onto through as again too very later now then there here home alone
   outside inside around round is was were are be been it he she they i we you me him her us them my his their
   our your not never just first yesterday today tonight tomorrow before after since until till once twice what
   how why where who which will would should could can might must shall had has have do did does off too
   either neither any anything`,
);

const isWord = (t: Token | undefined): t is Token => t !== undefined && t.kind === "word";
const word = (tokens: Token[], i: number): string => (isWord(tokens[i]) ? tokens[i]!.lw : "");
const capitalise = (s: string): string => (s.length > 0 ? s[0]!.toUpperCase() + s.slice(1) : s);
const isCapitalised = (t: Token): boolean => /^\p{Lu}/u.test(t.text);

function looksLikeVerb(lw: string): boolean {
  if (FRAME_VERBS.has(lw) || PAST_VERBS.has(lw)) return true;
  return lw.length >= 5 && lw.endsWith("ed") && !NOT_VERBS_ED.has(lw);
}

// ── who does what ───────────────────────────────────────────────────────────────────────────────────

interface Actor {
  /** The person: [start, coreEnd). */
  start: number;
  coreEnd: number;
  /** Index of the verb they are the subject of (after any "in a red van"). */
  verb: number;
}

/** Noun phrases for another person followed by their verb: "a man in a red van pulled up", "Dave said". */
function findActors(tokens: Token[]): { byStart: Map<number, Actor>; byVerb: Map<number, Actor> } {
  const byStart = new Map<number, Actor>();
  const byVerb = new Map<number, Actor>();
  for (let a = 0; a < tokens.length; a++) {
    const t = tokens[a]!;
    if (t.kind !== "word") continue;
    const coreEnd = actorCore(tokens, a);
    if (coreEnd < 0) continue;
    const verb = actorVerb(tokens, coreEnd);
    if (verb < 0) continue;
    const actor = { start: a, coreEnd, verb };
    byStart.set(a, actor);
    byVerb.set(verb, actor);
    a = verb - 1;
  }
  return { byStart, byVerb };
}

/** End of a noun phrase naming another person that starts at `a`, or -1. */
function actorCore(tokens: Token[], a: number): number {
  const t = tokens[a]!;
  if (t.lw === "someone" || t.lw === "somebody") return a + 1;
  // "one of them", "one of the lads", "some of their supporters"
  if (
    (t.lw === "one" || t.lw === "some" || t.lw === "two" || t.lw === "three") &&
    word(tokens, a + 1) === "of"
  ) {
    if (word(tokens, a + 2) === "them" || word(tokens, a + 2) === "those") return a + 3;
    if (/^(the|his|her|their|those|these|my|our|your)$/.test(word(tokens, a + 2)) && word(tokens, a + 3))
      return a + 4;
    return -1;
  }
  const previous = tokens[a - 1];
  const startsSentence = previous === undefined || previous.kind !== "word";
  if (ACTOR_DETERMINERS.has(t.lw) || (startsSentence && PERSON_NOUNS.has(t.lw))) {
    const first = ACTOR_DETERMINERS.has(t.lw) ? a + 1 : a;
    for (let h = first; h < first + 4 && h < tokens.length; h++) {
      const head = tokens[h]!;
      if (head.kind !== "word") return -1;
      if (!PERSON_NOUNS.has(head.lw)) {
        // only describing words come between: "a tall young man", not "the surgery a man"
        if (looksLikeVerb(head.lw) || NOT_NOUNS.has(head.lw) || ACTOR_DETERMINERS.has(head.lw)) return -1;
        continue;
      }
      // "a group of lads", "a couple of young men"
      if (GROUP_NOUNS.has(head.lw) && word(tokens, h + 1) === "of") {
        for (let k = h + 2; k < h + 5 && isWord(tokens[k]); k++)
          if (PERSON_NOUNS.has(tokens[k]!.lw)) return k + 1;
        return isWord(tokens[h + 2]) ? h + 3 : -1;
      }
      return h + 1;
    }
    return -1;
  }
  // names: "Dave Hughes", "Mr. Jones", "Cllr Smith"
  let k = a;
  if (TITLES.has(t.lw) && isCapitalised(t)) {
    k++;
    if (tokens[k]?.text === ".") k++;
  }
  const nameStart = k;
  while (k < nameStart + 3 && isWord(tokens[k]) && isCapitalised(tokens[k]!)) {
    const lw = tokens[k]!.lw;
    if (NOT_NAMES.has(lw) || RECORDER_SUBJECTS.has(lw) || RECORDER.has(lw) || OTHER.has(lw)) break;
    if (OTHER_CONTRACTED.has(lw) || MESSAGE_NOUNS.has(lw) || PERSON_NOUNS.has(lw)) return -1;
    k++;
  }
  return k > nameStart ? k : -1;
}

/** Index of the verb whose subject is the phrase ending at `end` ("... in a red van pulled"), or -1. */
function actorVerb(tokens: Token[], end: number): number {
  const at = tokens[end];
  if (!isWord(at)) return -1;
  if (isFiniteVerb(at.lw)) return end;
  if (ADVERBS.has(at.lw) && isFiniteVerb(word(tokens, end + 1))) return end + 1;
  if (!PREPOSITIONS_AFTER_ACTOR.has(at.lw)) return -1;
  for (let k = end + 1; k < end + 7 && k < tokens.length; k++) {
    const t = tokens[k]!;
    if (t.kind === "quote" || (t.kind === "punct" && t.text !== ".")) return -1;
    if (t.kind !== "word") continue;
    if (CLAUSE_SUBJECTS.has(t.lw) || RECORDER_SUBJECTS.has(t.lw) || SUBORDINATORS.has(t.lw)) return -1;
    if (k > end + 1 && isFiniteVerb(t.lw)) return k;
  }
  return -1;
}

const isFiniteVerb = (lw: string): boolean => looksLikeVerb(lw) && !lw.endsWith("ing");

// ── reporting frames ────────────────────────────────────────────────────────────────────────────────

interface Frame {
  /** First token taken away with the frame (speaker pronoun, "kept", the verb...). */
  drop: number;
  /** First token of what was said. */
  clause: number;
  /** Words put in front of what was said: "I will " for "threatened to", "you " for "called me a". */
  lead: string;
  /** A named speaker taken away too ("a man" of "a man in the audience shouted"); its "in the audience" stays. */
  actor?: Actor;
  /** What follows is the speaker's own words, unquoted ("He said: I will kill you"): given as they are. */
  verbatim: boolean;
}

/** The reporting frames of a sentence, in order, for words said by someone other than the recorder. */
function findFrames(tokens: Token[], actors: ReturnType<typeof findActors>): Frame[] {
  const frames: Frame[] = [];
  let lower = 0;
  let speakerKnown = false;
  for (let k = 0; k < tokens.length; k++) {
    const verb = tokens[k]!;
    if (verb.kind !== "word") continue;
    const kind = FRAME_VERBS.get(verb.lw);
    if (!kind) continue;
    const frame = frameAt(tokens, k, kind, lower, speakerKnown, actors);
    if (!frame) continue;
    frames.push(frame);
    if (frame.verbatim) break;
    lower = frame.clause;
    speakerKnown = true;
    k = frame.clause - 1;
  }
  return frames;
}

function frameAt(
  tokens: Token[],
  k: number,
  kind: FrameKind,
  lower: number,
  speakerKnown: boolean,
  actors: ReturnType<typeof findActors>,
): Frame | undefined {
  const lw = tokens[k]!.lw;
  const participle = lw.endsWith("ing");
  // the speaker: look back over "then", "kept", "has been"...
  let b = k - 1;
  let passive = false;
  for (let skipped = 0; b >= lower && skipped < 4; skipped++) {
    const w = word(tokens, b);
    if (w === "to" && BEFORE_TO.has(word(tokens, b - 1))) b--;
    else if (BEFORE_VERB.has(w)) {
      if (PASSIVE.has(w)) passive = true;
      b--;
    } else break;
  }
  const speaker = b >= lower ? tokens[b]! : undefined;
  let drop = b + 1;
  let actor: Actor | undefined;
  let objectIsRecorder = false;
  const named = actors.byVerb.get(b + 1);
  if (speaker === undefined) {
    // a sentence or clause that starts with the verb: "Said he'd kill me", "told me to watch my back"
  } else if (named && named.start >= lower) {
    actor = named; // "a man in the audience shouted", "one of them said"
  } else if (speaker.kind === "word" && RECORDER_SUBJECTS.has(speaker.lw)) {
    if (!(passive && (kind === "tell" || kind === "threaten" || TELL_LIKE.has(lw)))) return undefined;
    objectIsRecorder = true; // "I was told that ...": someone told the recorder
    drop = b;
  } else if (speaker.kind === "word" && SPEAKER_PRONOUNS.has(speaker.lw)) {
    drop = b;
  } else if (speaker.kind === "word" && (speaker.lw === "me" || speaker.lw === "us")) {
    if (!participle) return undefined; // "... messaged me saying"
  } else if (speaker.text === "," || (speaker.kind === "word" && CONNECTIVES.has(speaker.lw))) {
    if (!speakerKnown && !participle && speakerBefore(tokens, b - 1, lower, actors) === "recorder")
      return undefined;
  } else if (speaker.kind === "word" && MESSAGE_NOUNS.has(speaker.lw) && !participle) {
    drop = /^(the|this|that|a|an|his|her|their|my|one)$/.test(word(tokens, b - 1)) ? b - 1 : b;
  } else if (speaker.kind !== "word") {
    return undefined;
  } else if (participle) {
    drop = k; // "a note through the door saying ...": the note stays in the account
  }
  if (drop < lower) drop = lower;

  // what follows: "me", "to me", "on the phone", "that", "saying"...
  let j = k + 1;
  let objectIsOther = false;
  if (word(tokens, j) === "me" || word(tokens, j) === "us") {
    objectIsRecorder = true;
    j++;
  } else if (
    (word(tokens, j) === "to" || word(tokens, j) === "at") &&
    /^(me|us)$/.test(word(tokens, j + 1))
  ) {
    objectIsRecorder = true;
    j += 2;
  } else if (kind === "tell" && !objectIsRecorder) {
    const w = word(tokens, j);
    if (/^(him|her|them)$/.test(w)) {
      objectIsOther = true;
      j++;
    } else if (/^(my|the|his|her|our|their|a|an)$/.test(w) && word(tokens, j + 1)) {
      objectIsOther = true;
      j += 2;
    } else if (isWord(tokens[j]) && isCapitalised(tokens[j]!)) {
      objectIsOther = true;
      j++;
    }
  }
  for (let adjuncts = 0; adjuncts < 3; adjuncts++) {
    const w = word(tokens, j);
    if (AFTER_VERB.has(w)) {
      j++;
      continue;
    }
    if (!ADJUNCT_PREPOSITIONS.has(w)) break;
    let moved = false;
    for (let e = j + 2; e <= j + 6 && e < tokens.length; e++) {
      if (tokens[e - 1]!.kind === "quote") break;
      if (startsComplement(tokens, e)) {
        j = e;
        moved = true;
        break;
      }
    }
    if (!moved) break;
  }
  let complement = false;
  let verbatim = false;
  const t = tokens[j];
  if (t?.kind === "punct" && ",:-—–".includes(t.text)) {
    complement = true;
    j++;
    // 'He said: I will kill you' / 'He said, You'll regret this': his own words, without quotation marks
    verbatim = kind !== "call" && isWord(tokens[j]) && (t.text === ":" || isCapitalised(tokens[j]!));
  }
  if (word(tokens, j) === "saying") {
    complement = true;
    j++;
  }
  if (word(tokens, j) === "that") {
    complement = true;
    j++;
  }
  if (tokens[j]?.kind === "quote" || j >= tokens.length) return undefined;
  const opensClause =
    isWord(tokens[j]) &&
    !NOT_A_CLAUSE.has(tokens[j]!.lw) &&
    (CLAUSE_SUBJECTS.has(tokens[j]!.lw) || !looksLikeVerb(tokens[j]!.lw));
  const frame = (clause: number, lead = ""): Frame => ({
    drop,
    clause,
    lead,
    verbatim: verbatim && lead === "",
    ...(actor ? { actor } : {}),
  });

  if (kind === "threaten") {
    if (!complement && word(tokens, j) === "to") return frame(j + 1, "I will ");
    return complement && opensClause ? frame(j) : undefined;
  }
  if (kind === "say" && objectIsRecorder && !complement && word(tokens, j) === "to") return frame(j + 1);
  if (kind === "tell" || (TELL_LIKE.has(lw) && objectIsRecorder)) {
    if (objectIsRecorder && !complement) {
      if (word(tokens, j) === "to") return frame(j + 1);
      if (/^(not|never)$/.test(word(tokens, j)) && word(tokens, j + 1) === "to")
        return frame(j + 2, word(tokens, j) === "never" ? "never " : "do not ");
    }
    if (!objectIsRecorder && !objectIsOther && !TELL_LIKE.has(lw)) return undefined;
    if (objectIsOther && word(tokens, j) === "to") return undefined;
    return opensClause && (complement || CLAUSE_SUBJECTS.has(word(tokens, j)) || objectIsRecorder)
      ? frame(j)
      : undefined;
  }
  if (kind === "call") {
    if (!objectIsRecorder || complement || !isWord(tokens[j])) return undefined;
    const w = word(tokens, j);
    if (w === "a" || w === "an") return frame(j + 1, "you ");
    if (NOT_A_NAME_CALL.has(w) || /^[0-9]/.test(w)) return undefined;
    return frame(j, "you are ");
  }
  if (kind === "ask") return WH.has(word(tokens, j)) ? frame(j) : undefined;
  if (kind === "write")
    return opensClause && (complement || CLAUSE_SUBJECTS.has(word(tokens, j))) ? frame(j) : undefined;
  return opensClause ? frame(j) : undefined;
}

/** Whether a reported clause can start at token `e`: "that", ",", "saying", or a subject. */
function startsComplement(tokens: Token[], e: number): boolean {
  const t = tokens[e];
  if (t === undefined) return false;
  if (t.kind === "punct") return ",:-—–".includes(t.text);
  if (t.kind !== "word") return false;
  return t.lw === "that" || t.lw === "saying" || CLAUSE_SUBJECTS.has(t.lw);
}

/** Who is speaking when the verb's subject is left out ("... and said"): the nearest earlier subject. */
function speakerBefore(
  tokens: Token[],
  from: number,
  lower: number,
  actors: ReturnType<typeof findActors>,
): "recorder" | "other" {
  for (let i = from; i >= lower && i > from - 20; i--) {
    const t = tokens[i]!;
    if (t.kind !== "word") continue;
    // "... while I was leafleting and said": the background clause is not who spoke
    if (
      SUBORDINATORS.has(word(tokens, i - 1)) &&
      /^(was|were|am|is|are)$/.test(word(tokens, i + 1)) &&
      word(tokens, i + 2).endsWith("ing")
    )
      continue;
    if (RECORDER_SUBJECTS.has(t.lw)) return "recorder";
    if (OTHER_SUBJECTS.has(t.lw) || PERSON_NOUNS.has(t.lw) || actors.byStart.has(i)) return "other";
  }
  return "other";
}

// ── rewriting ───────────────────────────────────────────────────────────────────────────────────────

type Subject = "I" | "you" | "third" | undefined;

/** What "'d" stands for here: "he'd kill me" (would), "he'd been watching" (had), "he'd better". */
function contractedD(tokens: Token[], ix: number[], at: number): "would" | "had" | "better" {
  let k = at + 1;
  while (k < ix.length && ADVERBS.has(tokens[ix[k]!]!.lw) && tokens[ix[k]!]!.lw !== "not") k++;
  const next = tokens[ix[k]!]?.lw ?? "";
  if (next === "better" || next === "rather") return "better";
  if (PARTICIPLES.has(next) || (next.endsWith("ed") && next.length >= 5 && !NOT_VERBS_ED.has(next)))
    return "had";
  return "would";
}

/** "knows" → "know", "watches" → "watch", "carries" → "carry"; undefined if it does not look like one. */
function baseOfThird(lw: string): string | undefined {
  if (lw.length < 3 || !lw.endsWith("s") || lw.endsWith("ss") || lw.endsWith("us") || lw.endsWith("'s"))
    return undefined;
  if (
    ADVERBS.has(lw) ||
    NOT_NOUNS.has(lw) ||
    /^(always|sometimes|perhaps|towards|afterwards|thus|yes|plus|this|its|hers|ours|yours|theirs|as)$/.test(
      lw,
    )
  )
    return undefined;
  if (lw.endsWith("ies")) return `${lw.slice(0, -3)}y`;
  if (/(sh|ch|x|z|ss|o)es$/.test(lw)) return lw.slice(0, -2);
  return lw.slice(0, -1);
}

/** Keeps the original's capital for an ordinary word. */
const withCase = (original: string, replacement: string): string =>
  /^\p{Lu}/u.test(original) && replacement !== "I" && !replacement.startsWith("I'")
    ? capitalise(replacement)
    : replacement;

interface Piece {
  /** Tokens [from, to), less those of `exclude` (a speaker taken away with the frame). */
  from: number;
  to: number;
  exclude: Actor | undefined;
  mode: "narrative" | "clause" | "verbatim";
  lead: string;
}

/** Rewrites one sentence, or returns undefined when nothing in it is about the recorder or anyone else. */
function rewriteSentence(tokens: Token[]): string | undefined {
  // the closing punctuation goes back on at the end
  let bodyEnd = tokens.length;
  while (
    bodyEnd > 0 &&
    tokens[bodyEnd - 1]!.kind === "punct" &&
    /[.!?)\]”’'"]/.test(tokens[bodyEnd - 1]!.text)
  )
    bodyEnd--;
  const closing = tokens
    .slice(bodyEnd)
    .map((t) => t.text)
    .join("");
  const body = tokens.slice(0, bodyEnd);
  const actors = findActors(body);
  const frames = findFrames(body, actors);

  if (frames.length === 0 && isFear(body)) return undefined;

  const pieces: Piece[] = [];
  let from = 0;
  let mode: Piece["mode"] = "narrative";
  let lead = "";
  frames.forEach((frame, f) => {
    pieces.push({ from, to: frame.drop, exclude: frame.actor, mode, lead });
    from = frame.clause;
    const to = frames[f + 1]?.drop ?? body.length;
    mode = frame.verbatim || (frame.lead === "" && isDirect(body, from, to)) ? "verbatim" : "clause";
    lead = frame.lead;
  });
  pieces.push({ from, to: body.length, exclude: undefined, mode, lead });

  let changed = frames.length > 0;
  let out = "";
  for (const piece of pieces) {
    const rendered = renderPiece(body, piece, actors);
    if (rendered.changed) changed = true;
    const text = tidy(rendered.text);
    if (!text) continue;
    if (out) out += /[.!?:]$/.test(out) ? " " : ". ";
    out += capitalise(text);
  }
  if (!changed) return undefined;
  return out + closing;
}

/**
 * Whether reported words are really his own words without quotation marks: "He said I know where you live"
 * speaks to "you" as "I". Said of the recorder, it would have been "he knew where I lived".
 */
function isDirect(tokens: Token[], from: number, to: number): boolean {
  let first = false;
  let second = false;
  for (let i = from; i < to; i++) {
    const lw = tokens[i]!.lw;
    if (SECOND_PERSON.has(lw)) second = true;
    else if (FIRST_SINGULAR.has(lw)) first = true;
    if (first && second) return true;
  }
  return false;
}

function isFear(tokens: Token[]): boolean {
  const w = (i: number) => word(tokens, i);
  if (!RECORDER_SUBJECTS.has(w(0))) return false;
  for (let i = 1; i < 5; i++) if (FEAR.has(w(i))) return true;
  return false;
}

const DANGLING = new Set([..." ,;:—–-"]);

/** Drops the connectives and commas left hanging where the reported words were cut out. */
function tidy(text: string): string {
  let start = 0;
  let end = text.length;
  while (start < end && DANGLING.has(text[start]!)) start++;
  for (;;) {
    while (end > start && DANGLING.has(text[end - 1]!)) end--;
    let k = end;
    while (k > start && text[k - 1] !== " ") k--;
    if (k === end || !TRAILING.has(text.slice(k, end).toLowerCase())) break;
    end = k;
  }
  return text.slice(start, end);
}

function renderPiece(
  tokens: Token[],
  piece: Piece,
  actors: ReturnType<typeof findActors>,
): { text: string; changed: boolean } {
  const ix: number[] = [];
  const { from, to, exclude } = piece;
  for (let i = from; i < to; i++) if (!exclude || i < exclude.start || i >= exclude.coreEnd) ix.push(i);
  const inPiece = (i: number) =>
    i >= from && i < to && (!exclude || i < exclude.start || i >= exclude.coreEnd);
  const mode = piece.mode;
  let out = piece.lead;
  if (mode === "verbatim") {
    for (const i of ix) out += tokens[i]!.text + (tokens[i]!.space ? " " : "");
    return { text: out, changed: true };
  }
  let changed = false;
  let subject: Subject;
  /** The subject of the reported clause, for "and should ..." */
  let clauseSubject: string | undefined = piece.lead.startsWith("I will") ? "I" : undefined;
  /** Where "hoped"/"wished" last was: the past after it is a wish ("hoped I got hurt"). */
  let hopedAt = -10;
  /** Where "where/when/which/what" last was: "where your kids went to school" → "go". */
  let whAt = -10;
  /** The clause has said what the speaker will do ("I will", "I'm going to"). */
  let modal = piece.lead.startsWith("I will");
  const emit = (text: string, t: Token) => {
    out += text + (t.space ? " " : "");
  };
  const nextWord = (p: number): Token | undefined => {
    const t = tokens[ix[p + 1]!];
    return t && t.kind === "word" ? t : undefined;
  };
  /** For each position, the next word that is not an adverb ("" at punctuation or the end). */
  const wordAfter: string[] = new Array<string>(ix.length + 1).fill("");
  for (let k = ix.length - 1; k >= 0; k--) {
    const t = tokens[ix[k]!]!;
    wordAfter[k] = t.kind !== "word" ? "" : ADVERBS.has(t.lw) ? wordAfter[k + 1]! : t.lw;
  }
  const verbAfter = (p: number): string => wordAfter[p + 1]!;

  for (let p = 0; p < ix.length; p++) {
    const t = tokens[ix[p]!]!;
    if (t.kind !== "word") {
      emit(t.text, t);
      if (t.kind === "quote" || t.text !== ".") subject = undefined;
      continue;
    }
    const lw = t.lw;

    // "a man in a red van pulled up" → "I pulled up"
    const actor = mode === "narrative" ? actors.byStart.get(ix[p]!) : undefined;
    if (actor && inPiece(actor.verb)) {
      while (p + 1 < ix.length && ix[p + 1]! < actor.verb) p++;
      emit("I", tokens[ix[p]!]!);
      changed = true;
      subject = "I";
      continue;
    }

    // the recorder → "you"
    if (RECORDER.has(lw) || lw === "i'd" || lw === "id" || lw === "we'd") {
      if (
        (lw === "us" && t.text === "US") ||
        (lw === "id" && /^(my|your|his|her|their|photo|the|an)$/.test(tokens[ix[p - 1]!]?.lw ?? ""))
      ) {
        emit(t.text, t);
        subject = undefined;
        continue;
      }
      let text = RECORDER.get(lw) ?? "you'd";
      if (lw === "i'd" || lw === "id" || lw === "we'd") {
        const sense = contractedD(tokens, ix, p);
        if (mode === "clause") text = sense === "would" ? "you'll" : sense === "had" ? "you've" : "you'd";
      }
      const iForm = lw === "i" || lw.startsWith("i'") || lw === "im" || lw === "ive" || lw === "id";
      emit(iForm ? text : withCase(t.text, text), t);
      changed = true;
      subject = lw === "i" || lw === "we" ? "you" : undefined;
      if (mode === "clause" && clauseSubject === undefined && RECORDER_SUBJECTS.has(lw))
        clauseSubject = "you";
      continue;
    }

    // the other person → "I"
    if (OTHER.has(lw) || lw === "her" || lw === "his" || OTHER_CONTRACTED.has(lw)) {
      let text: string;
      const next = nextWord(p);
      const nounNext = next !== undefined && !NOT_NOUNS.has(next.lw) && !FRAME_VERBS.has(next.lw);
      if (lw === "her") text = nounNext ? "my" : "me";
      else if (lw === "his") text = nounNext ? "my" : "mine";
      else if (lw.endsWith("'s")) text = HAS_PARTICIPLE.has(verbAfter(p)) ? "I've" : "I'm";
      else if (lw.endsWith("'d")) {
        const sense = contractedD(tokens, ix, p);
        text = mode === "clause" ? (sense === "would" ? "I'll" : sense === "had" ? "I've" : "I'd") : "I'd";
      } else text = OTHER.get(lw)!;
      emit(withCase(t.text, text), t);
      changed = true;
      if (text === "I'll") modal = true;
      subject = text === "I" ? "I" : undefined;
      if (mode === "clause" && clauseSubject === undefined && (text === "I" || text.startsWith("I'")))
        clauseSubject = "I";
      continue;
    }

    // "you are a traitor and should hang" → "... and you should hang"; "... and knew" → "... and I know"
    if (
      mode === "clause" &&
      clauseSubject !== undefined &&
      (lw === "and" || lw === "but" || lw === "or") &&
      (ELLIPSIS_VERBS.has(nextWord(p)?.lw ?? "") || BACKSHIFT.has(nextWord(p)?.lw ?? ""))
    ) {
      emit(`${t.text} ${clauseSubject}`, t);
      changed = true;
      subject = clauseSubject === "I" ? "I" : "you";
      continue;
    }
    if (subject !== undefined && ADVERBS.has(lw)) {
      emit(t.text, t);
      continue;
    }
    // "I will come round tonight and kill you" → "... and I will kill you"
    if (
      mode === "clause" &&
      clauseSubject !== undefined &&
      modal &&
      lw === "and" &&
      coordinatedVerb(nextWord(p)?.lw ?? "") &&
      RECORDER_OBJECTS.has(tokens[ix[p + 2]!]?.lw ?? "")
    ) {
      emit(`${t.text} ${clauseSubject} will`, t);
      changed = true;
      continue;
    }
    let replaced: string | undefined;
    if (mode === "clause" && p - hopedAt <= 4) replaced = AFTER_HOPE.get(lw); // "hoped I got hurt" → "hope you get hurt"
    if (replaced === undefined && mode === "clause" && subject === undefined) {
      // "people like me deserved", "where my kids went to school": the present, agreeing with the noun before
      const shift = BACKSHIFT.get(lw) ?? (p - whAt <= 4 ? WH_BACKSHIFT.get(lw) : undefined);
      if (shift && lw !== "had" && lw !== "hadn't")
        replaced = isPlural(tokens[ix[p - 1]!]) ? shift[0] : shift[1];
    }
    replaced ??= verbForm(lw, subject, mode, verbAfter(p));
    if (replaced !== undefined && replaced !== lw) {
      emit(withCase(t.text, replaced), t);
      changed = true;
    } else emit(t.text, t);
    if (HOPE.has(lw)) hopedAt = p;
    if (WH.has(lw)) whAt = p;
    if (lw === "will" || replaced === "will" || (lw === "going" && nextWord(p)?.lw === "to")) modal = true;
    subject = lw === "it" || lw === "there" || lw === "this" || lw === "that" ? "third" : undefined;
  }
  return { text: out, changed };
}

/** The verb `lw` after `subject`: person agreement for the new "I"/"you", and backshift undone in a clause. */
function verbForm(
  lw: string,
  subject: Subject,
  mode: "clause" | "narrative",
  next: string,
): string | undefined {
  const clause = mode === "clause";
  if (subject === "I") {
    switch (lw) {
      case "is":
      case "are":
        return "am";
      case "isn't":
      case "aren't":
        return "am not";
      case "has":
        return "have";
      case "hasn't":
        return "haven't";
      case "does":
        return "do";
      case "doesn't":
        return "don't";
      case "was":
      case "were":
        return clause || PROGRESSIVE.has(next) ? "am" : "was";
      case "wasn't":
      case "weren't":
        return clause ? "am not" : "wasn't";
    }
  } else if (subject === "you") {
    switch (lw) {
      case "am":
      case "is":
        return "are";
      case "was":
        return clause ? "are" : "were";
      case "were":
        return clause ? "are" : "were";
      case "wasn't":
        return clause ? "aren't" : "weren't";
      case "weren't":
        return clause ? "aren't" : "weren't";
      case "has":
        return "have";
    }
  }
  if (clause) {
    switch (lw) {
      case "would":
        return "will";
      case "wouldn't":
        return "won't";
      case "could":
        return "can";
      case "couldn't":
        return "can't";
      case "was":
        return subject === "I" ? "am" : subject === "you" ? "are" : "is";
      case "were":
        return subject === "I" ? "am" : "are";
      case "wasn't":
        return subject === "you" ? "aren't" : "isn't";
      case "weren't":
        return "aren't";
      case "had":
      case "hadn't": {
        const [base, third] = BACKSHIFT.get(lw)!;
        return subject === "I" || subject === "you" ? base : third;
      }
    }
    const backshift = subject !== undefined ? BACKSHIFT.get(lw) : undefined;
    if (backshift) {
      const [base, third] = backshift;
      return subject === "third" ? third : base;
    }
  }
  if ((subject === "I" || subject === "you") && !FRAME_VERBS.has(lw)) {
    const base = baseOfThird(lw);
    if (base !== undefined) return base;
  }
  return undefined;
}
