// `npm run train`: trains the abuse model on the train split of ../shared/data (Davidson, OLID, Kaggle) and
// the project's UK candidate set, and writes src/core/analysis/model-weights.ts. Deterministic: the same data
// gives the same weights. The dev split is never read here; `npm run eval` reports on it.
import { writeFileSync } from "node:fs";
import { join } from "node:path";
import { buildContext } from "../../src/core/analysis/context.ts";
import { encodeModel, features, MODEL_BITS, modelWords, type Model } from "../../src/core/analysis/model.ts";
import { VOCABULARY } from "../../src/core/analysis/vocabulary.ts";
import { loadTrainingSet, repoRoot, type LabelledText } from "./datasets.ts";
import { splitHash } from "./split.ts";

const EPOCHS = Number(process.env.TRAIN_EPOCHS ?? 8);
const L2 = Number(process.env.TRAIN_L2 ?? 2e-6);
const LEARNING_RATE = Number(process.env.TRAIN_RATE ?? 0.5);
/** How much each source counts: Davidson is large, US-centric and over-flags dialect (its authors' finding). */
const SOURCE_WEIGHT: Record<string, number> = {
  davidson: Number(process.env.TRAIN_DAVIDSON ?? 0.35),
  olid: 1,
  kaggle: 1.5,
  uk: Number(process.env.TRAIN_UK ?? 0),
};

interface Example {
  indices: Int32Array;
  signs: Int8Array;
  label: number;
  weight: number;
  source: string;
  tune: boolean;
}

/** The UK set's fictional candidate: her name must not become a sign of abuse. */
const UK_NAME = /\b(?:claire|ashworth|cllr|councillor|ms)\b/gi;

function encode(row: LabelledText): Example {
  const context = buildContext(row.source === "uk" ? row.text.replace(UK_NAME, " ") : row.text, VOCABULARY);
  const indices: number[] = [];
  const signs: number[] = [];
  features(modelWords(context.items.map((i) => i.norm)), indices, signs);
  return {
    indices: Int32Array.from(indices),
    signs: Int8Array.from(signs),
    label: row.abusive ? 1 : 0,
    weight: SOURCE_WEIGHT[row.source] ?? 1,
    source: row.source,
    // a tenth of the training split is held back to choose the threshold (the dev split stays unseen)
    tune: splitHash("tune", row.id) < 0.1,
  };
}

function predict(weights: Float32Array, bias: number, example: Example): number {
  const n = example.indices.length;
  if (n === 0) return 1 / (1 + Math.exp(-bias));
  let z = 0;
  for (let i = 0; i < n; i++) z += weights[example.indices[i]!]! * example.signs[i]!;
  return 1 / (1 + Math.exp(-(bias + z / Math.sqrt(n))));
}

/** Logistic regression by AdaGrad over a fixed shuffled order (seeded), with L2 applied lazily. */
function train(examples: Example[]): { weights: Float32Array; bias: number } {
  const size = 1 << MODEL_BITS;
  const weights = new Float32Array(size);
  const gradSq = new Float32Array(size).fill(1e-8);
  let bias = 0;
  let biasSq = 1e-8;
  const order = examples.map((_, i) => i);
  let seed = 12345;
  const random = () => (seed = (Math.imul(seed, 1103515245) + 12345) >>> 0) / 2 ** 32;
  for (let epoch = 0; epoch < EPOCHS; epoch++) {
    for (let i = order.length - 1; i > 0; i--) {
      const j = Math.floor(random() * (i + 1));
      [order[i], order[j]] = [order[j]!, order[i]!];
    }
    let loss = 0;
    for (const index of order) {
      const example = examples[index]!;
      const p = predict(weights, bias, example);
      loss -= example.weight * Math.log(example.label ? Math.max(p, 1e-9) : Math.max(1 - p, 1e-9));
      const g = (p - example.label) * example.weight;
      const scale = 1 / Math.sqrt(Math.max(1, example.indices.length));
      for (let k = 0; k < example.indices.length; k++) {
        const f = example.indices[k]!;
        const grad = g * example.signs[k]! * scale + L2 * weights[f]!;
        gradSq[f]! += grad * grad;
        weights[f]! -= (LEARNING_RATE * grad) / Math.sqrt(gradSq[f]!);
      }
      biasSq += g * g;
      bias -= (LEARNING_RATE * g) / Math.sqrt(biasSq);
    }
    console.log(`epoch ${epoch + 1}/${EPOCHS}: mean loss ${(loss / order.length).toFixed(4)}`);
  }
  return { weights, bias };
}

function f1At(threshold: number, scored: Array<{ p: number; label: number }>): number {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  for (const { p, label } of scored) {
    if (p >= threshold && label) tp++;
    else if (p >= threshold) fp++;
    else if (label) fn++;
  }
  return tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
}

/** The threshold that maximises the mean F1 of each source's tuning rows. */
function chooseThreshold(weights: Float32Array, bias: number, tuneRows: Example[]): number {
  const bySource = new Map<string, Array<{ p: number; label: number }>>();
  for (const row of tuneRows) {
    const list = bySource.get(row.source) ?? [];
    list.push({ p: predict(weights, bias, row), label: row.label });
    bySource.set(row.source, list);
  }
  let best = 0.5;
  let bestF1 = -1;
  for (let t = 0.2; t <= 0.8; t += 0.01) {
    const scores = [...bySource.entries()]
      .filter(([s]) => s === "olid" || s === "kaggle")
      .map(([, rows]) => f1At(t, rows));
    const mean = scores.reduce((a, b) => a + b, 0) / scores.length;
    if (mean > bestF1) {
      bestF1 = mean;
      best = t;
    }
  }
  for (const [source, rows] of bySource)
    console.log(`  tune ${source}: F1 ${f1At(best, rows).toFixed(3)} (${rows.length} rows)`);
  console.log(`threshold ${best.toFixed(2)} (mean tuning F1 ${bestF1.toFixed(3)})`);
  return Math.round(best * 100) / 100;
}

const started = Date.now();
const rows = loadTrainingSet({ uk: "required" });
console.log(
  `training rows: ${rows.length} (${[...new Set(rows.map((r) => r.source))].map((s) => `${s} ${rows.filter((r) => r.source === s).length}`).join(", ")})`,
);
const examples = rows.map(encode);
const fitRows = examples.filter((e) => !e.tune);
const tuneRows = examples.filter((e) => e.tune);
const first = train(fitRows);
const threshold = chooseThreshold(first.weights, first.bias, tuneRows);
// the final model learns from the tuning rows too, keeping the threshold chosen above
const final = train(examples);
const model: Model = {
  version: `abuse-lr-${MODEL_BITS}b-2026.11`,
  weights: final.weights,
  bias: final.bias,
  threshold,
};
const encoded = encodeModel(model);
const target = join(repoRoot(), "src/core/analysis/model-weights.ts");
writeFileSync(
  target,
  `// Written by \`npm run train\` (scripts/analysis/train.ts): do not edit. See MODEL.md.\n` +
    `import type { EncodedModel } from "./model.ts";\n\n` +
    `export const MODEL_WEIGHTS: EncodedModel | null = ${JSON.stringify(encoded)};\n`,
);
console.log(
  `wrote ${target} (${Math.round(encoded.weights.length / 1024)} KB of weights) in ${((Date.now() - started) / 1000).toFixed(1)} s`,
);
