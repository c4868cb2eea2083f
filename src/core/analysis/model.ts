// The trained abuse model: logistic regression over hashed word and character n-grams.
// Identity terms are replaced by one placeholder before hashing, so naming a group cannot by itself move
// the score (the jigsaw-bias templates check this). Weights are trained by `npm run train` (MODEL.md).
import { IDENTITY_TERMS } from "./lexicon.ts";

export const MODEL_BITS = 20;
const MASK = (1 << MODEL_BITS) - 1;

export interface EncodedModel {
  version: string;
  bits: number;
  /** Weights as signed bytes, base64; weight = byte * scale. */
  weights: string;
  scale: number;
  bias: number;
  /** Probability at or above which the model reports abuse. */
  threshold: number;
}

export interface Model {
  version: string;
  weights: Float32Array;
  bias: number;
  threshold: number;
}

export function decodeModel(encoded: EncodedModel): Model {
  if (encoded.bits !== MODEL_BITS)
    throw new Error(`model has ${encoded.bits}-bit features, expected ${MODEL_BITS}`);
  const binary = atob(encoded.weights);
  const weights = new Float32Array(binary.length);
  for (let i = 0; i < binary.length; i++) weights[i] = ((binary.charCodeAt(i) << 24) >> 24) * encoded.scale;
  return { version: encoded.version, weights, bias: encoded.bias, threshold: encoded.threshold };
}

export function encodeModel(model: Model): EncodedModel {
  let max = 0;
  for (const w of model.weights) max = Math.max(max, Math.abs(w));
  const scale = max / 127 || 1;
  let binary = "";
  for (const w of model.weights) binary += String.fromCharCode(Math.round(w / scale) & 0xff);
  return {
    version: model.version,
    bits: MODEL_BITS,
    weights: btoa(binary),
    scale,
    bias: model.bias,
    threshold: model.threshold,
  };
}

/** FNV-1a over a string, seeded so that word and character features fall in different places. */
function hash(text: string, seed: number): number {
  return continueHash(start(seed), text, 0, text.length) >>> 0;
}

const start = (seed: number) => (0x811c9dc5 ^ seed) >>> 0;

/** FNV-1a continued over text[from, to): hashing pieces in turn equals hashing them joined. */
function continueHash(h: number, text: string, from: number, to: number): number {
  for (let i = from; i < to; i++) {
    h ^= text.charCodeAt(i);
    h = Math.imul(h, 0x01000193);
  }
  return h;
}

const SPACE = 32;
const step = (h: number, code: number) => Math.imul(h ^ code, 0x01000193);

/** Hash of the n characters of " word " starting at i, without building the padded string. */
function paddedGram(word: string, i: number, n: number, seed: number): number {
  let h = start(seed);
  const last = word.length + 1; // index of the closing space in " word "
  for (let k = i; k < i + n; k++) h = step(h, k === 0 || k === last ? SPACE : word.charCodeAt(k - 1));
  return h >>> 0;
}

/**
 * The words the model sees. Identity terms are left out altogether, so naming a group can neither raise nor
 * lower the score (the jigsaw-bias templates check this); numbers become one placeholder.
 */
export function modelWords(norms: readonly string[]): string[] {
  const out: string[] = [];
  for (const norm of norms) {
    if (norm === "." || IDENTITY_TERMS[norm] !== undefined) continue;
    else if (/^\d/.test(norm)) out.push("<num>");
    else out.push(norm);
  }
  return out;
}

const MAX_CHAR_WORDS = 400;

/**
 * Feature indices (with sign in the top bit of a parallel array) for a list of words. Each feature is one
 * hashed n-gram: word unigrams and bigrams, and character 3- and 4-grams of each word with its edges.
 */
export function features(wordList: readonly string[], indices: number[], signs: number[]): number {
  indices.length = 0;
  signs.length = 0;
  const push = (h: number) => {
    indices.push(h & MASK);
    signs.push(h & 0x80000000 ? -1 : 1);
  };
  let previous = "<s>";
  for (let w = 0; w < wordList.length; w++) {
    const word = wordList[w]!;
    push(hash(word, 1));
    // bigram: the hash of `${previous} ${word}`, computed in pieces
    push(
      continueHash(
        step(continueHash(start(2), previous, 0, previous.length), SPACE),
        word,
        0,
        word.length,
      ) >>> 0,
    );
    previous = word;
    if (w < MAX_CHAR_WORDS && word.length > 1 && word[0] !== "<") {
      const paddedLength = word.length + 2;
      for (let i = 0; i + 3 <= paddedLength; i++) push(paddedGram(word, i, 3, 3));
      for (let i = 0; i + 4 <= paddedLength; i++) push(paddedGram(word, i, 4, 4));
    }
  }
  push(hash(previous + " </s>", 2));
  return indices.length;
}

const scratchIndices: number[] = [];
const scratchSigns: number[] = [];

/** Probability (0–1) that the words are abusive. */
export function score(model: Model, wordList: readonly string[]): number {
  const n = features(wordList, scratchIndices, scratchSigns);
  if (n === 0) return 1 / (1 + Math.exp(-model.bias));
  const norm = 1 / Math.sqrt(n);
  let z = 0;
  for (let i = 0; i < n; i++) z += model.weights[scratchIndices[i]!]! * scratchSigns[i]!;
  z = model.bias + z * norm;
  return 1 / (1 + Math.exp(-z));
}

/** Words too common to carry abuse by themselves: a model verdict needs some other word behind it. */
const FUNCTION_WORDS = new Set(
  "a an the you your yours yourself u ur are is am was were be been being i me my we us our they them their he him his she her it its this that these those to of in on at by for with from and or but not no so if as do does did have has had will would shall should can could may might must just what who whom which when where why how all any some very really too also than then there here up down out off over again".split(
    " ",
  ),
);

/**
 * Words of political contest ("I'll fight your plans", "we'll beat you"), everyday swearing that is not aimed
 * at anyone, and words that are abuse only in a phrase the rules name ("shut up", "shut your mouth": not "shut
 * the door"): the model may count them, but it may not report abuse on the strength of them alone.
 */
const NOT_A_HOOK = new Set(
  "fight fighting oppose opposing beat defeat challenge battle vote campaign destroy hell bloody shit shite crap damn fuck fucking fucked bollocks piss shut".split(
    " ",
  ),
);

/** Weight a content word needs before the model may report abuse on its own. */
export const HOOK_WEIGHT = 2;

/** Index of the word that pushes the score up most: where a model reason points. */
export function strongestWord(model: Model, wordList: readonly string[]): number {
  let best = -1;
  let bestWeight = 0;
  for (let w = 0; w < wordList.length; w++) {
    if (FUNCTION_WORDS.has(wordList[w]!) || NOT_A_HOOK.has(wordList[w]!)) continue;
    const h = hash(wordList[w]!, 1);
    const weight = model.weights[h & MASK]! * (h & 0x80000000 ? -1 : 1);
    if (weight > bestWeight) {
      bestWeight = weight;
      best = w;
    }
  }
  return bestWeight >= HOOK_WEIGHT ? best : -1;
}
