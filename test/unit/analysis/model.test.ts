// The trained model's plumbing: the scorer computes exactly the features training saw, weights survive encoding,
// identity terms never reach the features, and the shipped weights are the ones the scorer expects.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { buildContext } from "../../../src/core/analysis/context.ts";
import {
  decodeModel,
  encodeModel,
  features,
  FEATURES_VERSION,
  MODEL_BITS,
  modelWords,
  score,
  type Model,
} from "../../../src/core/analysis/model.ts";
import { MODEL_WEIGHTS } from "../../../src/core/analysis/model-weights.ts";
import { VOCABULARY } from "../../../src/core/analysis/vocabulary.ts";

const wordsOf = (text: string) => modelWords(buildContext(text, VOCABULARY).items.map((i) => i.norm));

/** The score as training computes it: the stored features, each weight once per occurrence. */
function reference(model: Model, wordList: readonly string[]): number {
  const indices: number[] = [];
  const signs: number[] = [];
  const n = features(wordList, indices, signs);
  let z = 0;
  for (let i = 0; i < n; i++) z += model.weights[indices[i]!]! * signs[i]!;
  return 1 / (1 + Math.exp(-(model.bias + (z * model.scale) / Math.sqrt(n))));
}

/** A model with made-up weights, so that every feature counts. */
function randomModel(): Model {
  const weights = new Float32Array(1 << MODEL_BITS);
  let seed = 7;
  for (let i = 0; i < weights.length; i++) {
    seed = (Math.imul(seed, 1103515245) + 12345) >>> 0;
    weights[i] = (seed / 2 ** 32 - 0.5) * 4;
  }
  return decodeModel(encodeModel({ version: "test", weights, bias: -0.3, threshold: 0.5, hook: 2 }));
}

describe("model", () => {
  const model = randomModel();

  it("scores exactly the features training sees", () => {
    for (const text of [
      "You are a useless disgrace.",
      "I'll see you at the count, Claire",
      "a",
      "ok 2024 u",
      "@USER @USER go home you're drunk!!! #MAGA URL",
      "Ничего 😀 naïve coöperate",
    ]) {
      const words = wordsOf(text);
      assert.ok(Math.abs(score(model, words) - reference(model, words)) < 1e-9, text);
    }
    fc.assert(
      fc.property(fc.array(fc.string({ minLength: 1, maxLength: 12 }), { maxLength: 30 }), (words) => {
        assert.ok(Math.abs(score(model, words) - reference(model, words)) < 1e-9);
      }),
      { numRuns: 300 },
    );
  });

  it("gives character n-grams only to the first 400 words", () => {
    const long = Array.from({ length: 450 }, (_, i) => `word${i % 7}x`);
    assert.ok(Math.abs(score(model, long) - reference(model, long)) < 1e-9);
  });

  it("keeps weights through encoding to within one step of the byte scale, wherever they are", () => {
    const weights = new Float32Array(1 << MODEL_BITS);
    const at = [0, 1, 2, 130, 70_000, 951_424, (1 << MODEL_BITS) - 1];
    at.forEach((i, n) => (weights[i] = (n % 2 ? -1 : 1) * (0.5 + n)));
    weights[5] = 0.001; // rounds to nothing
    const encoded = encodeModel({
      version: "t",
      weights,
      bias: 0.5,
      threshold: 0.4,
      hook: 1.5,
      hooks: ["idiot"],
    });
    const decoded = decodeModel(encoded);
    assert.equal(decoded.weights.length, 1 << MODEL_BITS);
    for (let i = 0; i < weights.length; i++)
      assert.ok(
        Math.abs(decoded.weights[i]! * decoded.scale - weights[i]!) <= decoded.scale / 2 + 1e-6,
        `weight ${i}`,
      );
    assert.equal(decoded.weights[5], 0);
    assert.deepEqual([decoded.bias, decoded.threshold, decoded.hook], [0.5, 0.4, 1.5]);
    assert.deepEqual([...decoded.hooks!], ["idiot"]);
    assert.ok(encoded.weights.length < 100, "only the non-zero weights are stored");
    assert.throws(() => decodeModel({ ...encoded, weights: encoded.weights.slice(0, 4) }), /corrupt/);
  });

  it("ships compact weights: under 5 MB, most of them zero", () => {
    assert.ok(MODEL_WEIGHTS);
    assert.ok(MODEL_WEIGHTS.weights.length < 5_000_000);
    const nonZero = decodeModel(MODEL_WEIGHTS).weights.filter((w) => w !== 0).length;
    assert.ok(nonZero > 10_000 && nonZero < (1 << MODEL_BITS) / 2, `${nonZero} non-zero weights`);
  });

  it("refuses weights made for other features", () => {
    const shipped = MODEL_WEIGHTS;
    assert.ok(shipped, "the shipped weights are committed");
    assert.equal(shipped.features, FEATURES_VERSION);
    assert.throws(() => decodeModel({ ...shipped, features: FEATURES_VERSION + 1 }), /features/);
    assert.throws(() => decodeModel({ ...shipped, bits: MODEL_BITS - 1 }), /bit/);
  });

  it("never sees identity terms, so naming a group cannot move the score", () => {
    assert.deepEqual(wordsOf("Muslims and gay people are welcome"), wordsOf("and people are welcome"));
    const shipped = decodeModel(MODEL_WEIGHTS!);
    assert.equal(score(shipped, wordsOf("Jamie is a Muslim")), score(shipped, wordsOf("Jamie is a")));
  });

  it("gives numbers one placeholder", () => {
    assert.deepEqual(wordsOf("call 07911 now"), ["call", "<num>", "now"]);
  });
});
