// The trained abuse model: logistic regression over hashed word and character n-grams.
// Identity terms are left out before hashing, so naming a group cannot by itself move the score (the
// jigsaw-bias templates check this). Weights are trained by `npm run train` (MODEL.md).
import { IDENTITY_TERMS } from "./lexicon.ts";

export const MODEL_BITS = 20;
const MASK = (1 << MODEL_BITS) - 1;
/** Changes whenever the features or the weights' encoding change: weights made for others are refused. */
export const FEATURES_VERSION = 2;

export interface EncodedModel {
  version: string;
  bits: number;
  /** The feature definition the weights were trained on (absent: version 1). */
  features?: number;
  /**
   * The non-zero weights, base64: for each, the gap from the previous non-zero index (LEB128: 7 bits a byte,
   * low bits first, the top bit set when more follow), then the weight as a signed byte; weight = byte * scale.
   * Most hashed features never occur often enough in training to get a weight, so this is a tenth of the dense
   * megabyte.
   */
  weights: string;
  scale: number;
  bias: number;
  /** Probability at or above which the model reports abuse. */
  threshold: number;
  /** Weight a content word needs before the model may report abuse on its own (default HOOK_WEIGHT). */
  hook?: number;
  /** When present, the only words a model verdict may rest on: words the training data shows in abuse. */
  hooks?: string[];
}

export interface Model {
  version: string;
  /** One signed byte per hashed feature: weight = byte * scale (1 MB, where floats would take 4). */
  weights: Int8Array;
  scale: number;
  bias: number;
  threshold: number;
  hook: number;
  hooks?: ReadonlySet<string>;
}

export function decodeModel(encoded: EncodedModel): Model {
  if (encoded.bits !== MODEL_BITS)
    throw new Error(`model has ${encoded.bits}-bit features, expected ${MODEL_BITS}`);
  if ((encoded.features ?? 1) !== FEATURES_VERSION)
    throw new Error(`model has version ${encoded.features ?? 1} features, expected ${FEATURES_VERSION}`);
  const binary = atob(encoded.weights);
  const weights = new Int8Array(1 << MODEL_BITS);
  let index = -1;
  for (let at = 0; at < binary.length;) {
    let gap = 0;
    let shift = 0;
    let byte: number;
    do {
      byte = binary.charCodeAt(at++);
      gap += (byte & 0x7f) * 2 ** shift;
      shift += 7;
    } while (byte & 0x80 && at < binary.length);
    index += gap;
    if (at >= binary.length || index > MASK) throw new Error("model weights are corrupt");
    weights[index] = binary.charCodeAt(at++);
  }
  return {
    version: encoded.version,
    weights,
    scale: encoded.scale,
    bias: encoded.bias,
    threshold: encoded.threshold,
    hook: encoded.hook ?? HOOK_WEIGHT,
    ...(encoded.hooks ? { hooks: new Set(encoded.hooks) } : {}),
  };
}

/** What training produces: one float weight per hashed feature. */
export interface TrainedModel {
  version: string;
  weights: Float32Array;
  bias: number;
  threshold: number;
  hook: number;
  hooks?: readonly string[];
}

export function encodeModel(model: TrainedModel): EncodedModel {
  let max = 0;
  for (const w of model.weights) max = Math.max(max, Math.abs(w));
  const scale = max / 127 || 1;
  const out: number[] = [];
  let previous = -1;
  for (let i = 0; i < model.weights.length; i++) {
    const byte = Math.round(model.weights[i]! / scale);
    if (byte === 0) continue;
    for (let gap = i - previous; ; gap = Math.floor(gap / 128)) {
      if (gap < 128) {
        out.push(gap);
        break;
      }
      out.push((gap % 128) | 0x80);
    }
    out.push(byte & 0xff);
    previous = i;
  }
  // built in pieces: String.fromCharCode takes only so many arguments
  const bytes = Uint8Array.from(out);
  let binary = "";
  for (let i = 0; i < bytes.length; i += 0x8000)
    binary += String.fromCharCode(...bytes.subarray(i, Math.min(bytes.length, i + 0x8000)));
  return {
    version: model.version,
    bits: MODEL_BITS,
    features: FEATURES_VERSION,
    weights: btoa(binary),
    scale,
    bias: model.bias,
    threshold: model.threshold,
    hook: model.hook,
    ...(model.hooks ? { hooks: [...model.hooks] } : {}),
  };
}

// FNV-1a, seeded so that word unigrams, bigrams and character n-grams fall in different places.
const start = (seed: number) => (0x811c9dc5 ^ seed) >>> 0;
const step = (h: number, code: number) => Math.imul(h ^ code, 0x01000193);
const SPACE = 32;
const UNIGRAM = 1;
const BIGRAM = 2;
const CHARS = 3;

/** FNV-1a continued over text: hashing pieces in turn equals hashing them joined. */
function continueHash(h: number, text: string): number {
  for (let i = 0; i < text.length; i++) h = step(h, text.charCodeAt(i));
  return h;
}

/** The code of character k of " word " (the word with a space at each edge). */
const paddedCode = (word: string, k: number) => (k === 0 || k > word.length ? SPACE : word.charCodeAt(k - 1));

/** Hash of a word as a unigram feature (where a model reason points). */
const unigramHash = (word: string) => continueHash(start(UNIGRAM), word) >>> 0;

/** Identity terms, as a set of the lexicon's own keys (an object lookup would also find "constructor"). */
const IDENTITY = new Set(IDENTITY_TERMS.keys());

/** Whether a word of the message reaches the model: not a sentence break, not an identity term. */
export const isModelWord = (norm: string): boolean => norm !== "." && !IDENTITY.has(norm);

/**
 * The words the model sees. Identity terms are left out altogether, so naming a group can neither raise nor
 * lower the score (the jigsaw-bias templates check this); numbers become one placeholder.
 */
export function modelWords(norms: readonly string[]): string[] {
  const out: string[] = [];
  for (const norm of norms) {
    if (!isModelWord(norm)) continue;
    const first = norm.charCodeAt(0);
    out.push(first >= 48 && first <= 57 ? "<num>" : norm);
  }
  return out;
}

const MAX_CHAR_WORDS = 400;
/** Words that get character n-grams: not placeholders, not single letters, not past the 400th word. */
const hasCharGrams = (word: string, w: number) => w < MAX_CHAR_WORDS && word.length > 1 && word[0] !== "<";

/**
 * Feature indices (with sign from the top bit of the hash, in a parallel array) for a list of words, for
 * training. Each feature is one hashed n-gram: word unigrams and bigrams (with sentence edges), and the
 * character 3- and 4-grams of " word ". A 4-gram's hash continues its 3-gram's. `score` computes the same
 * features without storing them (a unit test keeps the two in step).
 */
export function features(wordList: readonly string[], indices: number[], signs: number[]): number {
  indices.length = 0;
  signs.length = 0;
  const push = (h: number) => {
    indices.push(h & MASK);
    signs.push(h & 0x80000000 ? -1 : 1);
  };
  let bigramStart = step(continueHash(start(BIGRAM), "<s>"), SPACE);
  for (let w = 0; w < wordList.length; w++) {
    const word = wordList[w]!;
    push(continueHash(start(UNIGRAM), word));
    push(continueHash(bigramStart, word));
    bigramStart = step(continueHash(start(BIGRAM), word), SPACE);
    if (hasCharGrams(word, w)) {
      for (let i = 0; i + 3 <= word.length + 2; i++) {
        const h = step(
          step(step(start(CHARS), paddedCode(word, i)), paddedCode(word, i + 1)),
          paddedCode(word, i + 2),
        );
        push(h);
        if (i + 4 <= word.length + 2) push(step(h, paddedCode(word, i + 3)));
      }
    }
  }
  push(continueHash(bigramStart, "</s>"));
  return indices.length;
}

/** Probability (0–1) that the words are abusive: the same features as `features`, summed as they are hashed. */
export function score(model: Model, wordList: readonly string[]): number {
  const weights = model.weights;
  let z = 0;
  let n = 0;
  const add = (h: number) => (h & 0x80000000 ? -weights[h & MASK]! : weights[h & MASK]!);
  let bigramStart = step(continueHash(start(BIGRAM), "<s>"), SPACE);
  for (let w = 0; w < wordList.length; w++) {
    const word = wordList[w]!;
    const length = word.length;
    let unigram = start(UNIGRAM);
    let bigram = bigramStart;
    let next = start(BIGRAM);
    for (let i = 0; i < length; i++) {
      const code = word.charCodeAt(i);
      unigram = step(unigram, code);
      bigram = step(bigram, code);
      next = step(next, code);
    }
    z += add(unigram) + add(bigram);
    n += 2;
    bigramStart = step(next, SPACE);
    if (hasCharGrams(word, w)) {
      // " word ": the 3-gram at i, and the 4-gram that continues it
      let c0 = SPACE;
      let c1 = word.charCodeAt(0);
      let c2 = length > 1 ? word.charCodeAt(1) : SPACE;
      for (let i = 0; i + 3 <= length + 2; i++) {
        const h = step(step(step(start(CHARS), c0), c1), c2);
        z += add(h);
        n++;
        const c3 = i + 2 < length ? word.charCodeAt(i + 2) : SPACE;
        if (i + 4 <= length + 2) {
          z += add(step(h, c3));
          n++;
        }
        c0 = c1;
        c1 = c2;
        c2 = c3;
      }
    }
  }
  z += add(continueHash(bigramStart, "</s>"));
  n++;
  return 1 / (1 + Math.exp(-(model.bias + (z * model.scale) / Math.sqrt(n))));
}

/** Words too common to carry abuse by themselves: a model verdict needs some other word behind it. */
const FUNCTION_WORDS = new Set(
  "a an the you your yours yourself u ur are is am was were be been being i me my we us our they them their he him his she her it its this that these those to of in on at by for with from and or but not no so if as do does did have has had will would shall should can could may might must just what who whom which when where why how all any some very really too also than then there here up down out off over again".split(
    " ",
  ),
);

/**
 * Words of political contest ("I'll fight your plans", "we'll beat you"), everyday swearing that is not aimed
 * at anyone, words that are abuse only in a phrase the rules name ("shut up", "shut your mouth": not "shut
 * the door"), and words of violence, which the rules weigh with what the model cannot see (negation, news,
 * "knife crime", "a kicking at the polls", "kill off the scheme"): the model may count them, but it may not
 * report abuse on the strength of them alone.
 */
const NOT_A_HOOK = new Set(
  (
    "fight fighting oppose opposing beat defeat challenge battle vote campaign destroy hell bloody shit shite crap " +
    "damn fuck fucking fucked bollocks piss shut " +
    "kill killing killed murder murdered knife knives stab stabbing shoot shooting shot gun guns punch kick kicking " +
    "wipe hang hanging bomb attack"
  ).split(" "),
);

/**
 * Weight a content word needs before the model may report abuse on its own, for a model without hook words (the
 * shipped model has them, and its hook word needs only to push the score up).
 */
export const HOOK_WEIGHT = 2;

/** Index of the hook word that pushes the score up most (-1 if none): where a model reason points. */
export function strongestWord(model: Model, wordList: readonly string[]): number {
  let best = -1;
  let bestWeight = 0;
  for (let w = 0; w < wordList.length; w++) {
    if (!canBeHook(wordList[w]!) || (model.hooks && !model.hooks.has(wordList[w]!))) continue;
    const h = unigramHash(wordList[w]!);
    const weight = model.weights[h & MASK]! * (h & 0x80000000 ? -1 : 1) * model.scale;
    if (weight > bestWeight) {
      bestWeight = weight;
      best = w;
    }
  }
  return bestWeight >= model.hook ? best : -1;
}

/** Whether a word may ever be what a model verdict rests on: not a function word, placeholder or mention. */
export function canBeHook(word: string): boolean {
  return (
    word.length > 2 &&
    word[0] !== "<" &&
    word[0] !== "@" &&
    !FUNCTION_WORDS.has(word) &&
    !NOT_A_HOOK.has(word)
  );
}
