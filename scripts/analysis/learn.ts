// The learning part of `npm run train` (train.ts):
// hashed n-gram features of each row, naive-Bayes log-count ratios, logistic regression by AdaGrad.
// Everything is deterministic (a seeded shuffle, no clock): the same rows and options give the same weights.
import { buildContext } from "../../src/core/analysis/context.ts";
import { features, MODEL_BITS, modelWords } from "../../src/core/analysis/model.ts";
import { VOCABULARY } from "../../src/core/analysis/vocabulary.ts";
import type { LabelledText } from "./datasets.ts";
import { splitHash } from "./split.ts";

export interface Example {
  /** Hashed feature indices, one per n-gram occurrence (repeats kept, as `score` counts them). */
  indices: Int32Array;
  signs: Int8Array;
  label: number;
  weight: number;
  source: string;
  /** Held back to choose the threshold (a tenth of the training split; the dev split is never read). */
  tune: boolean;
  id: string;
  text: string;
  /** The words the model saw. */
  words: string[];
}

export interface LearnOptions {
  epochs: number;
  l2: number;
  rate: number;
  /** Per-source weight of a row. */
  sourceWeight: Record<string, number>;
  /** Extra weight of an abusive row (the classes are not balanced: about a third is abusive). */
  positiveWeight: number;
  /**
   * Naive-Bayes log-count ratios (Wang & Manning 2012, "NBSVM"): each feature is scaled by how much more
   * often it occurs in abusive rows than in the others, before the regression. 0 turns it off; otherwise
   * the smoothing count α.
   */
  nbAlpha: number;
  /** How far the ratio scaling goes: 0 none, 1 all of it (r^power). */
  nbPower: number;
  /**
   * Features found in fewer training rows than this are left out (weight 0): a word seen once is more often
   * noise ("bypass", "nail" learnt as abuse from one insult each) than a sign of abuse.
   */
  minRows: number;
}

/** The settings of the shipped model (MODEL.md gives the figures of the others tried). */
export const DEFAULT_OPTIONS: LearnOptions = {
  epochs: 4,
  l2: 2e-6,
  rate: 0.5,
  sourceWeight: { davidson: 0.35, olid: 1, kaggle: 3, uk: 0 },
  positiveWeight: 1,
  nbAlpha: 1,
  nbPower: 1,
  minRows: 3,
};

/** The UK set's fictional candidate: her name must not become a sign of abuse. */
const UK_NAME = /\b(?:claire|ashworth|cllr|councillor|ms)\b/gi;

export function encodeRow(row: LabelledText, options: LearnOptions): Example {
  const context = buildContext(row.source === "uk" ? row.text.replace(UK_NAME, " ") : row.text, VOCABULARY);
  const indices: number[] = [];
  const signs: number[] = [];
  const words = modelWords(context.items.map((i) => i.norm));
  features(words, indices, signs);
  return {
    indices: Int32Array.from(indices),
    signs: Int8Array.from(signs),
    label: row.abusive ? 1 : 0,
    weight: (options.sourceWeight[row.source] ?? 1) * (row.abusive ? options.positiveWeight : 1),
    source: row.source,
    tune: splitHash("tune", row.id) < 0.1,
    id: row.id,
    text: row.text,
    words,
  };
}

const SIZE = 1 << MODEL_BITS;

/**
 * Naive-Bayes log-count ratio of every hashed feature: log of (share of abusive rows' features that are f) over
 * (share of other rows' features that are f), with α added to every count; presence per row, not counts.
 */
export function nbRatios(examples: readonly Example[], alpha: number, power: number): Float32Array {
  const pos = new Float64Array(SIZE);
  const neg = new Float64Array(SIZE);
  const seen = new Int32Array(SIZE).fill(-1);
  examples.forEach((e, n) => {
    const counts = e.label ? pos : neg;
    for (const f of e.indices) {
      if (seen[f] === n) continue;
      seen[f] = n;
      counts[f]! += e.weight;
    }
  });
  let posTotal = 0;
  let negTotal = 0;
  for (let f = 0; f < SIZE; f++) {
    posTotal += pos[f]! + alpha;
    negTotal += neg[f]! + alpha;
  }
  const r = new Float32Array(SIZE);
  for (let f = 0; f < SIZE; f++) {
    const ratio = Math.log((pos[f]! + alpha) / posTotal) - Math.log((neg[f]! + alpha) / negTotal);
    // the scale is the ratio's size: the regression decides the sign and the mix
    r[f] = Math.pow(Math.abs(ratio), power);
  }
  return r;
}

/** In how many rows each hashed feature occurs. */
export function rowCounts(examples: readonly Example[]): Int32Array {
  const counts = new Int32Array(SIZE);
  const seen = new Int32Array(SIZE).fill(-1);
  examples.forEach((e, n) => {
    for (const f of e.indices) {
      if (seen[f] === n) continue;
      seen[f] = n;
      counts[f]!++;
    }
  });
  return counts;
}

export function predict(weights: Float32Array, bias: number, example: Example): number {
  const n = example.indices.length;
  if (n === 0) return 1 / (1 + Math.exp(-bias));
  let z = 0;
  for (let i = 0; i < n; i++) z += weights[example.indices[i]!]! * example.signs[i]!;
  return 1 / (1 + Math.exp(-(bias + z / Math.sqrt(n))));
}

export interface Trained {
  /** Weights as the analyser uses them (any naive-Bayes scaling folded in). */
  weights: Float32Array;
  bias: number;
}

/** Logistic regression by AdaGrad over a fixed shuffled order (seeded), with L2. */
export function train(examples: readonly Example[], options: LearnOptions, log = false): Trained {
  const scale = options.nbAlpha > 0 ? nbRatios(examples, options.nbAlpha, options.nbPower) : undefined;
  const weights = new Float32Array(SIZE);
  const gradSq = new Float32Array(SIZE).fill(1e-8);
  let bias = 0;
  let biasSq = 1e-8;
  const order = examples.map((_, i) => i);
  let seed = 12345;
  const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
  // with the scaling folded in, the model's weight is u[f] * scale[f]; the regression learns u
  const u = scale ? new Float32Array(SIZE) : weights;
  const value = scale ?? new Float32Array(SIZE).fill(1);
  if (options.minRows > 1) {
    const rowsWith = rowCounts(examples);
    for (let f = 0; f < SIZE; f++) if (rowsWith[f]! < options.minRows) value[f] = 0;
  }
  for (let epoch = 0; epoch < options.epochs; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    let loss = 0;
    for (const index of order) {
      const example = examples[index]!;
      const n = example.indices.length;
      let z = 0;
      for (let k = 0; k < n; k++) {
        const f = example.indices[k]!;
        z += u[f]! * value[f]! * example.signs[k]!;
      }
      const norm = 1 / Math.sqrt(Math.max(1, n));
      const p = 1 / (1 + Math.exp(-(bias + z * norm)));
      loss -= example.weight * Math.log(example.label ? Math.max(p, 1e-9) : Math.max(1 - p, 1e-9));
      const g = (p - example.label) * example.weight;
      for (let k = 0; k < n; k++) {
        const f = example.indices[k]!;
        const grad = g * example.signs[k]! * value[f]! * norm + options.l2 * u[f]!;
        gradSq[f]! += grad * grad;
        u[f]! -= (options.rate * grad) / Math.sqrt(gradSq[f]!);
      }
      biasSq += g * g;
      bias -= (options.rate * g) / Math.sqrt(biasSq);
    }
    if (log)
      console.log(`epoch ${epoch + 1}/${options.epochs}: mean loss ${(loss / order.length).toFixed(4)}`);
  }
  if (scale || options.minRows > 1) for (let f = 0; f < SIZE; f++) weights[f] = u[f]! * value[f]!;
  return { weights, bias };
}

export interface HookOptions {
  /** Sources whose rows count. */
  sources: readonly string[];
  /** Fewest abusive rows a word must be in. */
  minRows: number;
  /**
   * How many times more often the rows with the word are abusive than that source's rows in general (each
   * source has its own share of abuse: Davidson's tweets are mostly offensive, Kaggle's comments mostly not).
   */
  minLift: number;
}

export const DEFAULT_HOOKS: HookOptions = { sources: ["olid", "kaggle"], minRows: 3, minLift: 1.6 };

/**
 * The words that training data shows to be used mostly in abuse ("idiot", "scum", "disgusting"): the only words
 * a model verdict may rest on, and the word its reason points to. A word the model weighs heavily from one or
 * two rows ("nail", "bypass") is not among them.
 */
export function hookWords(
  examples: readonly Example[],
  isCandidate: (word: string) => boolean,
  options: HookOptions = DEFAULT_HOOKS,
): string[] {
  const base = new Map<string, { rows: number; abusive: number }>();
  for (const e of examples) {
    const b = base.get(e.source) ?? { rows: 0, abusive: 0 };
    b.rows++;
    b.abusive += e.label;
    base.set(e.source, b);
  }
  const observed = new Map<string, number>();
  const expected = new Map<string, number>();
  for (const e of examples) {
    if (!options.sources.includes(e.source)) continue;
    const b = base.get(e.source)!;
    const share = b.abusive / b.rows;
    for (const word of new Set(e.words)) {
      if (!isCandidate(word)) continue;
      expected.set(word, (expected.get(word) ?? 0) + share);
      if (e.label) observed.set(word, (observed.get(word) ?? 0) + 1);
    }
  }
  const out: string[] = [];
  for (const [word, e] of expected) {
    const a = observed.get(word) ?? 0;
    if (a >= options.minRows && (a + 1) / (e + 1) >= options.minLift) out.push(word);
  }
  return out.sort();
}
