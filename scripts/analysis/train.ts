// `npm run train`: trains the abuse model on the train split of ../shared/data (Davidson, OLID, Kaggle) and
// writes src/core/analysis/model-weights.ts. Deterministic: the same data gives the same weights. The dev split
// is never read here; `npm run eval` reports on it. A tenth of the training split is held back to choose the
// threshold, with the whole analyser (rules and model) on those rows, as `npm run eval` measures it.
//
// Options (environment): TRAIN_EPOCHS, TRAIN_L2, TRAIN_RATE, TRAIN_DAVIDSON, TRAIN_KAGGLE, TRAIN_POSITIVE,
// TRAIN_NB_ALPHA, TRAIN_NB_POWER, TRAIN_MIN_ROWS, HOOK_MIN_ROWS, HOOK_MIN_LIFT (see learn.ts); TRAIN_OUT writes the
// weights somewhere else.
import { writeFileSync } from "node:fs";
import { join, resolve } from "node:path";
import { createAnalyser, type Analysis } from "../../src/core/analysis/index.ts";
import {
  canBeHook,
  decodeModel,
  encodeModel,
  MODEL_BITS,
  type TrainedModel,
} from "../../src/core/analysis/model.ts";
import { loadTrainingSet, repoRoot, type LabelledText } from "./datasets.ts";
import {
  DEFAULT_HOOKS,
  DEFAULT_OPTIONS,
  encodeRow,
  hookWords,
  train,
  type HookOptions,
  type LearnOptions,
} from "./learn.ts";

const env = (name: string, fallback: number) => Number(process.env[name] ?? fallback);
const options: LearnOptions = {
  epochs: env("TRAIN_EPOCHS", DEFAULT_OPTIONS.epochs),
  l2: env("TRAIN_L2", DEFAULT_OPTIONS.l2),
  rate: env("TRAIN_RATE", DEFAULT_OPTIONS.rate),
  sourceWeight: {
    ...DEFAULT_OPTIONS.sourceWeight,
    davidson: env("TRAIN_DAVIDSON", DEFAULT_OPTIONS.sourceWeight.davidson!),
    kaggle: env("TRAIN_KAGGLE", DEFAULT_OPTIONS.sourceWeight.kaggle!),
  },
  positiveWeight: env("TRAIN_POSITIVE", DEFAULT_OPTIONS.positiveWeight),
  nbAlpha: env("TRAIN_NB_ALPHA", DEFAULT_OPTIONS.nbAlpha),
  nbPower: env("TRAIN_NB_POWER", DEFAULT_OPTIONS.nbPower),
  minRows: env("TRAIN_MIN_ROWS", DEFAULT_OPTIONS.minRows),
};
const hookOptions: HookOptions = {
  ...DEFAULT_HOOKS,
  minRows: env("HOOK_MIN_ROWS", DEFAULT_HOOKS.minRows),
  minLift: env("HOOK_MIN_LIFT", DEFAULT_HOOKS.minLift),
};

/** With hook words, a hook needs only to push the score up at all. */
const HOOK = env("TRAIN_HOOK_WEIGHT", 0);

const flagged = (a: Analysis) => a.categories.length > 0;
const raised = (a: Analysis) => a.level !== "keep-record";

function f1(tp: number, fp: number, fn: number): number {
  return tp === 0 ? 0 : (2 * tp) / (2 * tp + fp + fn);
}

/** F1 of the abusive class and macro-F1 (mean of both classes' F1). */
function scores(predicted: readonly boolean[], rows: readonly LabelledText[]): { f1: number; macro: number } {
  let tp = 0;
  let fp = 0;
  let fn = 0;
  let tn = 0;
  rows.forEach((row, i) => {
    if (predicted[i] && row.abusive) tp++;
    else if (predicted[i]) fp++;
    else if (row.abusive) fn++;
    else tn++;
  });
  const positive = f1(tp, fp, fn);
  return { f1: positive, macro: (positive + f1(tn, fn, fp)) / 2 };
}

/**
 * The threshold that does best on the tuning rows, with the whole analyser as `npm run eval` measures it: the
 * mean of OLID's flagged-vs-not macro-F1 and Kaggle's insult F1 (level above keep-record).
 */
function chooseThreshold(model: TrainedModel, tuneRows: readonly LabelledText[]): number {
  const olid = tuneRows.filter((r) => r.source === "olid");
  const kaggle = tuneRows.filter((r) => r.source === "kaggle");
  let best = 0.5;
  let bestValue = -1;
  for (let step = 0; step <= 60; step++) {
    const threshold = 0.2 + step * 0.01;
    const analyser = createAnalyser(decodeModel(encodeModel({ ...model, threshold })));
    const o = scores(
      olid.map((r) => flagged(analyser.analyse(r.text))),
      olid,
    );
    const k = scores(
      kaggle.map((r) => raised(analyser.analyse(r.text))),
      kaggle,
    );
    const value = (o.macro + k.f1) / 2;
    if (value > bestValue + 1e-9) {
      bestValue = value;
      best = threshold;
      console.log(
        `  threshold ${threshold.toFixed(2)}: OLID macro-F1 ${o.macro.toFixed(3)}, Kaggle F1 ${k.f1.toFixed(3)} (tuning rows)`,
      );
    }
  }
  console.log(`threshold ${best.toFixed(2)} (mean tuning figure ${bestValue.toFixed(3)})`);
  return Math.round(best * 100) / 100;
}

const started = Date.now();
const rows = loadTrainingSet({ uk: "skip" });
console.log(
  `training rows: ${rows.length} (${[...new Set(rows.map((r) => r.source))].map((s) => `${s} ${rows.filter((r) => r.source === s).length}`).join(", ")})`,
);
console.log(`options: ${JSON.stringify(options)}; hook words: ${JSON.stringify(hookOptions)}`);
const examples = rows.map((row) => encodeRow(row, options));
const tuneIds = new Set(examples.filter((e) => e.tune).map((e) => e.id));
const fitRows = examples.filter((e) => !e.tune);
const first = train(fitRows, options, true);
const threshold = chooseThreshold(
  {
    version: "tuning",
    ...first,
    threshold: 0.5,
    hook: HOOK,
    hooks: hookWords(fitRows, canBeHook, hookOptions),
  },
  rows.filter((r) => tuneIds.has(r.id)),
);
// TRAIN_REFIT=1: the final model learns from the tuning rows too, keeping the threshold chosen above (its scores
// then run higher than the threshold was chosen for); by default the model the threshold was chosen for ships
const refit = process.env.TRAIN_REFIT === "1";
const final = refit ? train(examples, options, true) : first;
const hooks = hookWords(refit ? examples : fitRows, canBeHook, hookOptions);
console.log(
  `${hooks.length} hook words, e.g. ${hooks.filter((_, i) => i % Math.ceil(hooks.length / 12) === 0).join(", ")}`,
);
const encoded = encodeModel({
  version: `abuse-lr-${MODEL_BITS}b-2026.11.2`,
  weights: final.weights,
  bias: final.bias,
  threshold,
  hook: HOOK,
  hooks,
});
const target = process.env.TRAIN_OUT
  ? resolve(process.env.TRAIN_OUT)
  : join(repoRoot(), "src/core/analysis/model-weights.ts");
writeFileSync(
  target,
  `// Written by \`npm run train\` (scripts/analysis/train.ts): do not edit. See MODEL.md.\n` +
    `import type { EncodedModel } from "./model.ts";\n\n` +
    `export const MODEL_WEIGHTS: EncodedModel | null = ${JSON.stringify(encoded)};\n`,
);
console.log(
  `wrote ${target} (${Math.round(encoded.weights.length / 1024)} KB of weights) in ${((Date.now() - started) / 1000).toFixed(1)} s`,
);
