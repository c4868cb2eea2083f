// The words the rules know, and how obfuscated spellings of them ("f*ck", "diiiie", "k i l l") are resolved.
import type { Vocabulary } from "./context.ts";
import {
  ABUSIVE_ADJECTIVES,
  INSULTS,
  PROFANITY,
  SLURS,
  VIOLENT_PARTICIPLES,
  VIOLENT_VERBS,
  WEAPONS,
} from "./lexicon.ts";
import { skeleton, type Token } from "./tokens.ts";

const EXTRA = [
  "die",
  "dead",
  "death",
  "rape",
  "raped",
  "kill",
  "yourself",
  "hang",
  "scum",
  "bitch",
  "whore",
  "slut",
  "hate",
  "kys",
  "stab",
  "shoot",
  "burn",
  "bleed",
  "murder",
  "fucking",
  "fucker",
  "cunt",
  "twat",
  "idiot",
  "moron",
  "neck",
  "kicking",
  "kicked",
  "stabbing",
  "shooting",
  "killing",
  "hanging",
  "stretcher",
  "following",
  "watching",
  "planned",
  "hospital",
  "petrol",
  "letterbox",
  "end",
  "top",
  "going",
  "ballot",
  "election",
  "polling",
  "knife",
  "yourself",
  "himself",
  "herself",
  "wazzock",
  "numpty",
  "muppet",
  "tonight",
  "tomorrow",
  "getting",
  "coming",
  "waiting",
  "bother",
  "little",
  "something",
  "surprise",
  "locking",
  "leaving",
  "followed",
  "watched",
];

function singleWords(lists: ReadonlyArray<readonly string[]>): Set<string> {
  const out = new Set<string>();
  for (const list of lists) for (const entry of list) if (!entry.includes(" ")) out.add(entry);
  return out;
}

const KNOWN = singleWords([
  INSULTS,
  PROFANITY,
  VIOLENT_VERBS,
  VIOLENT_PARTICIPLES,
  WEAPONS,
  ABUSIVE_ADJECTIVES,
  [...SLURS.keys()],
  EXTRA,
]);

/** "diiiie" → "die": every known word by its skeleton (runs of one letter collapsed). */
const BY_SKELETON = new Map<string, string>();
for (const word of KNOWN) if (!BY_SKELETON.has(skeleton(word))) BY_SKELETON.set(skeleton(word), word);

/** "f*ck", "f**king", "c*nt": every known word with up to three inner letters hidden. */
const BY_MASK = new Map<string, string>();
for (const word of KNOWN) {
  if (word.length < 3 || word.length > 12) continue;
  const inner = word.length - 2;
  for (let mask = 1; mask < 1 << inner; mask++) {
    let bits = 0;
    for (let m = mask; m; m &= m - 1) bits++;
    if (bits > Math.max(3, word.length <= 8 ? inner : 0)) continue;
    let masked = word[0]!;
    for (let i = 0; i < inner; i++) masked += mask & (1 << i) ? "*" : word[i + 1]!;
    masked += word[word.length - 1]!;
    if (!BY_MASK.has(masked)) BY_MASK.set(masked, word);
  }
}

function hasDoubledLetter(word: string): boolean {
  for (let i = 1; i < word.length; i++) if (word.charCodeAt(i) === word.charCodeAt(i - 1)) return true;
  return false;
}

export const VOCABULARY: Vocabulary = {
  isKnownWord: (word) => KNOWN.has(word),
  resolve(token: Token) {
    if (token.masked) {
      const masked = token.norm.replace(/[*#%_]/g, "*");
      const direct = BY_MASK.get(masked);
      if (direct) return direct;
      // a mask standing for several letters ("f***") or a suffix ("f*cking"): try the known stem
      for (const suffix of ["ing", "in", "er", "ers", "s", "ed"]) {
        if (masked.endsWith(suffix)) {
          const stem = BY_MASK.get(masked.slice(0, -suffix.length));
          if (stem) return stem + suffix;
        }
      }
      return undefined;
    }
    if (KNOWN.has(token.norm)) return token.norm;
    // stretched ("diiiie") or doubled by a typo ("yourrself", "kickiing"): compare with runs collapsed
    if (token.stretched || (token.norm.length >= 5 && hasDoubledLetter(token.norm)))
      return BY_SKELETON.get(skeleton(token.norm));
    return undefined;
  },
};
