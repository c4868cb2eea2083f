// Tokenising with obfuscation undone, keeping each token's place in the original text.
//  - homoglyphs (Cyrillic and Greek look-alikes, full-width letters, accents) fold to plain Latin letters
//  - leetspeak inside words ("k1ll", "sh!t", "$cum") maps to letters; plain numbers ("10pm", "07911") stay
//  - contractions expand ("I'll" → "i will") so rules can be written once
//  - letters spelt out with spaces or dots ("k i l l", "f.u.c.k") join when the joined word is known
// `norm` is what rules match on; `lower` keeps digits for times, numbers and postcodes.

import { wordTable } from "./word-table.ts";

export interface Token {
  /** Offsets into the original text (UTF-16, end exclusive). */
  start: number;
  end: number;
  /** Lower-cased, homoglyph-folded, punctuation-free form, digits kept. */
  lower: string;
  /** `lower` with leetspeak undone and contractions expanded: what rules match. */
  norm: string;
  /** True when the token contains a masking symbol, e.g. "f*ck". */
  masked: boolean;
  /** True when the word was stretched ("diiiie"): look it up with runs collapsed. */
  stretched: boolean;
  /** Set on every token but the first from one expanded contraction ("i'll" → "i", "will"). */
  expansion?: boolean;
  kind: "word" | "number" | "handle" | "url" | "email";
}

const HOMOGLYPHS: ReadonlyMap<string, string> = wordTable({
  // Cyrillic
  а: "a",
  в: "b",
  е: "e",
  ё: "e",
  к: "k",
  м: "m",
  н: "h",
  о: "o",
  р: "p",
  с: "c",
  т: "t",
  у: "y",
  х: "x",
  і: "i",
  ї: "i",
  ј: "j",
  ѕ: "s",
  ԁ: "d",
  ԛ: "q",
  ԝ: "w",
  һ: "h",
  ӏ: "l",
  ɡ: "g",
  // Greek
  α: "a",
  β: "b",
  ε: "e",
  η: "n",
  ι: "i",
  κ: "k",
  ν: "v",
  ο: "o",
  ρ: "p",
  τ: "t",
  υ: "u",
  χ: "x",
  ω: "w",
  // Latin look-alikes and ligatures
  ı: "i",
  ł: "l",
  ø: "o",
  đ: "d",
  ß: "ss",
  æ: "ae",
  œ: "oe",
  ﬁ: "fi",
  ﬂ: "fl",
});

const LEET: ReadonlyMap<string, string> = wordTable({
  "0": "o",
  "1": "i",
  "3": "e",
  "4": "a",
  "5": "s",
  "7": "t",
  "8": "b",
  "9": "g",
  "@": "a",
  $: "s",
  "!": "i",
  "|": "l",
  "€": "e",
  "£": "l",
});

/** Characters that hide a letter: "f*ck", "f#ck". */
const MASKS = new Set(["*", "#", "%", "_"]);
const APOSTROPHES = new Set(["'", "’", "‘", "`", "´"]);

// Built once: folded form of every character that is not plain ASCII.
const foldCache = new Map<number, string>();
function foldChar(code: number, ch: string): string {
  if (code < 128) return code >= 65 && code <= 90 ? String.fromCharCode(code + 32) : ch;
  const cached = foldCache.get(code);
  if (cached !== undefined) return cached;
  let folded: string;
  const lowered = ch.toLowerCase();
  const homoglyph = HOMOGLYPHS.get(lowered);
  if (homoglyph !== undefined) folded = homoglyph;
  else if (code >= 0xff01 && code <= 0xff5e) folded = String.fromCharCode(code - 0xfee0).toLowerCase();
  else {
    const stripped = lowered.normalize("NFKD").replace(/[\u0300-\u036f]/g, "");
    folded = stripped.length === 1 && stripped.charCodeAt(0) < 128 ? stripped : lowered;
  }
  foldCache.set(code, folded);
  return folded;
}

function isLetter(ch: string): boolean {
  return (ch >= "a" && ch <= "z") || (ch.charCodeAt(0) >= 0xc0 && ch.toLowerCase() !== ch.toUpperCase());
}
function isDigit(ch: string): boolean {
  return ch >= "0" && ch <= "9";
}

const CONTRACTIONS: ReadonlyMap<string, string[]> = wordTable({
  "i'll": ["i", "will"],
  "you'll": ["you", "will"],
  youll: ["you", "will"],
  "we'll": ["we", "will"],
  "they'll": ["they", "will"],
  "he'll": ["he", "will"],
  "she'll": ["she", "will"],
  "it'll": ["it", "will"],
  "i'm": ["i", "am"],
  im: ["i", "am"],
  "you're": ["you", "are"],
  youre: ["you", "are"],
  "we're": ["we", "are"],
  "they're": ["they", "are"],
  "i've": ["i", "have"],
  ive: ["i", "have"],
  "you've": ["you", "have"],
  "we've": ["we", "have"],
  "they've": ["they", "have"],
  "i'd": ["i", "would"],
  "you'd": ["you", "would"],
  "he'd": ["he", "would"],
  "she'd": ["she", "would"],
  "we'd": ["we", "would"],
  "they'd": ["they", "would"],
  "he's": ["he", "is"],
  "she's": ["she", "is"],
  "it's": ["it", "is"],
  "that's": ["that", "is"],
  "there's": ["there", "is"],
  "what's": ["what", "is"],
  "who's": ["who", "is"],
  "let's": ["let", "us"],
  "someone's": ["someone", "is"],
  "somebody's": ["somebody", "is"],
  "nobody's": ["nobody", "is"],
  "everyone's": ["everyone", "is"],
  "everybody's": ["everybody", "is"],
  "anyone's": ["anyone", "is"],
  "anybody's": ["anybody", "is"],
  "here's": ["here", "is"],
  "where's": ["where", "is"],
  // typed without the apostrophe: only where the bare spelling is not also an English word ("its", "well")
  hes: ["he", "is"],
  shes: ["she", "is"],
  theyre: ["they", "are"],
  theyll: ["they", "will"],
  theyve: ["they", "have"],
  weve: ["we", "have"],
  youve: ["you", "have"],
  thats: ["that", "is"],
  theres: ["there", "is"],
  whats: ["what", "is"],
  isnt: ["is", "not"],
  arent: ["are", "not"],
  wasnt: ["was", "not"],
  werent: ["were", "not"],
  didnt: ["did", "not"],
  doesnt: ["does", "not"],
  shouldnt: ["should", "not"],
  wouldnt: ["would", "not"],
  couldnt: ["could", "not"],
  havent: ["have", "not"],
  hasnt: ["has", "not"],
  aint: ["is", "not"],
  "won't": ["will", "not"],
  wont: ["will", "not"],
  "can't": ["can", "not"],
  cant: ["can", "not"],
  "don't": ["do", "not"],
  dont: ["do", "not"],
  "doesn't": ["does", "not"],
  "didn't": ["did", "not"],
  "isn't": ["is", "not"],
  "aren't": ["are", "not"],
  "wasn't": ["was", "not"],
  "weren't": ["were", "not"],
  "shouldn't": ["should", "not"],
  "wouldn't": ["would", "not"],
  "couldn't": ["could", "not"],
  "haven't": ["have", "not"],
  "hasn't": ["has", "not"],
  "ain't": ["is", "not"],
  gonna: ["going", "to"],
  gunna: ["going", "to"],
  wanna: ["want", "to"],
  gotta: ["got", "to"],
  imma: ["i", "am", "going", "to"],
  ima: ["i", "am", "going", "to"],
  u: ["you"],
  ya: ["you"],
  yer: ["your"],
  ur: ["your"],
  ure: ["you", "are"],
  r: ["are"],
  n: ["and"],
  thru: ["through"],
  kys: ["kill", "yourself"],
  da: ["the"],
  tonite: ["tonight"],
  "2nite": ["tonight"],
  "2night": ["tonight"],
  cya: ["see", "you"],
  c: ["see"],
  "2moro": ["tomorrow"],
  "2morrow": ["tomorrow"],
});

interface RawPiece {
  start: number;
  end: number;
  lower: string;
  letters: number;
  digits: number;
  symbols: number;
  masked: boolean;
}

/**
 * Splits text into word pieces. A piece is a run of letters, digits, apostrophes, leet symbols and masks;
 * leading and trailing symbols are trimmed off it, so "idiot!" is "idiot" but "sh!t" stays whole.
 */
/** Letters only, followed by something that cannot continue a piece (space, full stop, comma, end). */
const PLAIN_WORD = /[a-z]+(?![a-z0-9'’‘`´*#%_@$!|€£\u0080-\uffff])/iy;

function pieces(text: string): RawPiece[] {
  const out: RawPiece[] = [];
  let i = 0;
  const n = text.length;
  while (i < n) {
    // skip to the start of a piece
    let ch = text[i]!;
    let code = text.charCodeAt(i);
    let folded = foldChar(code, ch);
    if (!(isLetter(folded) || isDigit(folded) || LEET.has(ch) || MASKS.has(ch))) {
      i++;
      continue;
    }
    // fast path: a plain ASCII word that ends cleanly, which most words are
    PLAIN_WORD.lastIndex = i;
    const plain = PLAIN_WORD.exec(text);
    if (plain) {
      const word = plain[0];
      out.push({
        start: i,
        end: i + word.length,
        lower: word.toLowerCase(),
        letters: word.length,
        digits: 0,
        symbols: 0,
        masked: false,
      });
      i += word.length;
      continue;
    }
    const start = i;
    let lower = "";
    let letters = 0;
    let digits = 0;
    let masked = false;
    while (i < n) {
      ch = text[i]!;
      code = text.charCodeAt(i);
      // surrogate pairs (emoji) end a piece
      if (code >= 0xd800 && code <= 0xdfff) break;
      folded = foldChar(code, ch);
      if (isLetter(folded)) {
        lower += folded;
        letters++;
      } else if (isDigit(folded)) {
        lower += folded;
        digits++;
      } else if (
        APOSTROPHES.has(ch) &&
        i + 1 < n &&
        isLetter(foldChar(text.charCodeAt(i + 1), text[i + 1]!)) &&
        lower.length > 0
      ) {
        lower += "'";
      } else if (LEET.has(ch) || MASKS.has(ch)) {
        lower += ch;
        if (MASKS.has(ch)) masked = true;
      } else break;
      i++;
    }
    // trim symbols at either end ("!!idiot!!" → "idiot"), but keep a leading "$" or "@" before letters
    let s = 0;
    let e = lower.length;
    while (e > s && (LEET.has(lower[e - 1]!) || MASKS.has(lower[e - 1]!)) && !isDigit(lower[e - 1]!)) e--;
    while (s < e && MASKS.has(lower[s]!)) s++;
    while (s < e && (lower[s] === "!" || lower[s] === "|")) s++;
    if (e <= s) continue;
    const trimmed = lower.slice(s, e);
    // offsets: the piece is contiguous in the original except where one char folded into two ("ß")
    const pieceStart = start + s;
    const pieceEnd = i - (lower.length - e);
    let sym = 0;
    for (const c of trimmed) if (LEET.has(c) && !isDigit(c)) sym++;
    out.push({
      start: pieceStart,
      end: Math.max(pieceEnd, pieceStart + 1),
      lower: trimmed,
      letters,
      digits,
      symbols: sym,
      masked: masked && /[*#%_]/.test(trimmed),
    });
  }
  return out;
}

function deLeet(lower: string): string {
  let out = "";
  for (const c of lower) out += LEET.get(c) ?? c;
  return out;
}

function hasStretch(word: string): boolean {
  for (let i = 2; i < word.length; i++) if (word[i] === word[i - 1] && word[i] === word[i - 2]) return true;
  return false;
}

/** Collapses runs of one letter: "diiiie" → "die", "kill" → "kil". Lexicon lookups of stretched words use it. */
export function skeleton(word: string): string {
  let out = "";
  for (let i = 0; i < word.length; i++) if (word[i] !== word[i - 1]) out += word[i];
  return out;
}

/** Longest word spelt out letter by letter that is looked for ("k i l l y o u r s e l f" is two words). */
const MAX_SPELT = 16;

const URL_RE = /^(?:https?:\/\/|www\.)\S+/i;
const EMAIL_RE = /^[^\s@]+@[^\s@]+\.[a-z]{2,}/i;
const HANDLE_RE = /^@[a-z0-9_]{1,30}/i;

/**
 * Tokenises `text`. `isKnownWord` decides whether letters spelt out singly ("k i l l") should be joined:
 * they are joined only when the result is a word the rules know, so "I a m" stays three tokens.
 */
export function tokenise(text: string, isKnownWord: (word: string) => boolean): Token[] {
  const tokens: Token[] = [];
  const raw = pieces(text);
  for (let p = 0; p < raw.length; p++) {
    const piece = raw[p]!;
    const source = text.slice(piece.start, piece.end);
    // URLs, e-mail addresses and @handles are single tokens that rules ignore
    if (piece.lower.startsWith("@") || source.includes("@") || /^(?:https?|www)$/.test(piece.lower)) {
      const rest = text.slice(piece.start);
      const special =
        (piece.lower === "http" || piece.lower === "https" || piece.lower === "www"
          ? URL_RE.exec(rest)
          : null) ??
        EMAIL_RE.exec(rest) ??
        HANDLE_RE.exec(rest);
      if (special) {
        const end = piece.start + special[0].length;
        const kind = special[0].startsWith("@") ? "handle" : special[0].includes("@") ? "email" : "url";
        tokens.push({
          start: piece.start,
          end,
          lower: special[0].toLowerCase(),
          norm: kind === "handle" ? "@user" : `<${kind}>`,
          masked: false,
          stretched: false,
          kind,
        });
        while (p + 1 < raw.length && raw[p + 1]!.start < end) p++;
        continue;
      }
    }
    // spelt-out letters: k i l l / f.u.c.k
    if (piece.lower.length === 1 && piece.letters + piece.symbols === 1) {
      let q = p;
      let joined = "";
      while (
        q < raw.length &&
        q - p < MAX_SPELT &&
        raw[q]!.lower.length === 1 &&
        (q === p || raw[q]!.start - raw[q - 1]!.end <= 2)
      ) {
        joined += deLeet(raw[q]!.lower);
        q++;
      }
      // the longest run of at least three letters that spells a known word ("k i l l  y o u r s e l f")
      while (q - p >= 3 && !isKnownWord(joined)) {
        q--;
        joined = joined.slice(0, -1);
      }
      if (q - p >= 3) {
        tokens.push({
          start: piece.start,
          end: raw[q - 1]!.end,
          lower: joined,
          norm: joined,
          masked: false,
          stretched: false,
          kind: "word",
        });
        p = q - 1;
        continue;
      }
    }
    const isNumber = piece.letters === 0 && piece.digits > 0;
    if (isNumber) {
      tokens.push({
        start: piece.start,
        end: piece.end,
        lower: piece.lower,
        norm: piece.lower,
        masked: false,
        stretched: false,
        kind: "number",
      });
      continue;
    }
    // leet only inside words that are mostly letters: "k1ll" yes, "10pm" and "ls6" no
    // leet only where digits stand inside a word: "k1ll", "1d10t", "7wa7"; not "10pm", "2nd", "ls6", "yk21"
    const leety =
      (piece.symbols > 0 && piece.letters >= 1) ||
      (piece.digits > 0 &&
        piece.letters >= 2 &&
        !/^\d+(?:am|pm|st|nd|rd|th|s|k|m|mph|ft|kg|p|x|mins?|hrs?|yrs?|yo)$/.test(piece.lower) &&
        !/^[a-z]+\d+$/.test(piece.lower));
    const unleeted = leety ? deLeet(piece.lower) : piece.lower;
    const norm = unleeted.includes("’") ? unleeted.replace(/’/g, "'") : unleeted;
    const expanded = CONTRACTIONS.get(norm);
    if (expanded) {
      expanded.forEach((word, index) => {
        tokens.push({
          start: piece.start,
          end: piece.end,
          lower: piece.lower,
          norm: word,
          masked: false,
          stretched: false,
          kind: "word",
          ...(index > 0 ? { expansion: true } : {}),
        });
      });
      continue;
    }
    if (norm.endsWith("n't")) {
      tokens.push({
        start: piece.start,
        end: piece.end,
        lower: piece.lower,
        norm: norm.slice(0, -3),
        masked: false,
        stretched: false,
        kind: "word",
      });
      tokens.push({
        start: piece.start,
        end: piece.end,
        lower: piece.lower,
        norm: "not",
        masked: false,
        stretched: false,
        kind: "word",
        expansion: true,
      });
      continue;
    }
    const plain = !norm.includes("'")
      ? norm
      : norm.endsWith("'s")
        ? norm.slice(0, -2)
        : norm.replace(/'/g, "");
    tokens.push({
      start: piece.start,
      end: piece.end,
      lower: piece.lower,
      norm: plain,
      masked: piece.masked,
      stretched: hasStretch(plain),
      kind: "word",
    });
  }
  return tokens;
}
