// Shared assertions for the analyser's behaviour tests. Not a test file itself (no ".test.ts").
// The assertions check behaviour (level, categories, characteristic, detail, spans), never rule ids
// or explanation wording, so the implementation is free to name and word its rules as it likes.
import assert from "node:assert/strict";
import {
  analyse,
  CATEGORIES,
  CHARACTERISTICS,
  LEVEL_RANK,
  LEVELS,
  PRIVATE_DETAIL_KINDS,
  type Analysis,
  type Category,
  type Characteristic,
  type CompiledProfile,
  type Level,
  type PrivateDetailKind,
  type Reason,
} from "../../../src/core/analysis/index.ts";

/** The whole analysis, for failure messages. */
export const show = (a: Analysis): string => JSON.stringify(a);

/** A behaviour case: the message, and what must be among the reasons for it. */
export interface Case {
  text: string;
  /** A reason must have this category (or one of these, when the spec allows either). */
  category: Category | readonly Category[];
  /** That reason's span must overlap this part of the text (case-insensitive, first occurrence). */
  cover?: string;
  /** Required for discriminatory cases: the protected characteristic. */
  characteristic?: Characteristic;
  /** Required for private-info cases: the kind of detail revealed. */
  detail?: PrivateDetailKind;
}

const anyOf = (c: Category | readonly Category[]): readonly Category[] => (typeof c === "string" ? [c] : c);

/** Where `needle` sits in `text` (case-insensitive); fails the test if the case itself is wrong. */
export function locate(text: string, needle: string): { start: number; end: number } {
  const start = text.toLowerCase().indexOf(needle.toLowerCase());
  assert.ok(start >= 0, `test case error: ${JSON.stringify(needle)} is not in ${JSON.stringify(text)}`);
  return { start, end: start + needle.length };
}

export const overlaps = (r: Reason, where: { start: number; end: number }): boolean =>
  r.span.start < where.end && r.span.end > where.start;

/** Analyses and checks the shape invariants every analysis must satisfy. */
export function run(text: string, profile?: CompiledProfile): Analysis {
  const a = profile === undefined ? analyse(text) : analyse(text, profile);
  assertWellFormed(text, a);
  return a;
}

export function assertLevel(a: Analysis, level: Level): void {
  assert.equal(a.level, level, `expected ${level}, got ${a.level}: ${show(a)}`);
}

/** The analysis has a reason of the case's category (and characteristic/detail), covering `cover`. */
export function assertCase(text: string, a: Analysis, c: Case): void {
  const cats = anyOf(c.category);
  let candidates = a.reasons.filter((r) => cats.includes(r.category));
  assert.ok(
    candidates.length > 0 && cats.some((cat) => a.categories.includes(cat)),
    `expected a reason with category ${cats.join(" or ")}: ${show(a)}`,
  );
  if (c.characteristic !== undefined) {
    assert.ok(
      a.characteristics.includes(c.characteristic),
      `expected characteristic ${c.characteristic}: ${show(a)}`,
    );
    candidates = candidates.filter((r) => r.characteristic === c.characteristic);
    assert.ok(
      candidates.length > 0,
      `expected a ${cats.join("/")} reason for ${c.characteristic}: ${show(a)}`,
    );
  }
  if (c.detail !== undefined) {
    candidates = candidates.filter((r) => r.detail === c.detail);
    assert.ok(
      candidates.length > 0,
      `expected a ${cats.join("/")} reason with detail ${c.detail}: ${show(a)}`,
    );
  }
  if (c.cover !== undefined) {
    const where = locate(text, c.cover);
    assert.ok(
      candidates.some((r) => overlaps(r, where)),
      `expected a ${cats.join("/")} reason whose span overlaps ${JSON.stringify(c.cover)} [${where.start}, ${where.end}): ${show(a)}`,
    );
  }
}

/** Runs one behaviour case end to end: level, then the reason it must carry. */
export function expectCase(c: Case, level: Level, profile?: CompiledProfile): Analysis {
  const a = run(c.text, profile);
  assertLevel(a, level);
  assertCase(c.text, a, c);
  return a;
}

/** The invariants from the specification and types.ts, for any text. */
export function assertWellFormed(text: string, a: Analysis): void {
  const s = show(a);
  assert.ok(LEVELS.includes(a.level), `unknown level: ${s}`);
  assert.ok(Array.isArray(a.reasons) && Array.isArray(a.categories) && Array.isArray(a.characteristics), s);
  assert.equal(typeof a.version, "string", s);
  assert.ok(a.version.length > 0, `empty version: ${s}`);
  for (const [name, score] of Object.entries(a.scores)) {
    assert.ok(Number.isFinite(score) && score >= 0 && score <= 1, `score ${name} out of [0, 1]: ${s}`);
  }

  for (const r of a.reasons) {
    const rs = `${JSON.stringify(r)} in ${s}`;
    assert.ok(CATEGORIES.includes(r.category), `unknown category: ${rs}`);
    assert.ok(LEVELS.includes(r.level), `unknown reason level: ${rs}`);
    assert.ok(typeof r.rule === "string" && r.rule.length > 0, `missing rule: ${rs}`);
    assert.ok(
      typeof r.explanation === "string" && r.explanation.trim().length > 0,
      `missing explanation: ${rs}`,
    );
    assert.ok(typeof r.source === "string" && r.source.trim().length > 0, `missing source: ${rs}`);
    assert.ok(
      Number.isInteger(r.span.start) && Number.isInteger(r.span.end),
      `span offsets must be integers: ${rs}`,
    );
    assert.ok(
      0 <= r.span.start && r.span.start <= r.span.end && r.span.end <= text.length,
      `span out of range: ${rs}`,
    );
    assert.equal(text.slice(r.span.start, r.span.end), r.span.text, `span text is not the slice: ${rs}`);
    assert.ok(r.span.text.trim().length > 0, `span must cover some words: ${rs}`);
    if (r.category === "discriminatory") {
      assert.ok(
        r.characteristic && CHARACTERISTICS.includes(r.characteristic),
        `discriminatory without characteristic: ${rs}`,
      );
    }
    if (r.characteristic !== undefined) assert.ok(CHARACTERISTICS.includes(r.characteristic), rs);
    if (r.category === "private-info") {
      assert.ok(r.detail && PRIVATE_DETAIL_KINDS.includes(r.detail), `private-info without detail: ${rs}`);
    }
    if (r.detail !== undefined) assert.ok(PRIVATE_DETAIL_KINDS.includes(r.detail), rs);
    if (r.category === "profanity")
      assert.equal(r.level, "keep-record", `profanity must not raise the level: ${rs}`);
  }

  // Categories: distinct, exactly those of the reasons.
  assert.equal(new Set(a.categories).size, a.categories.length, `categories repeat: ${s}`);
  assert.deepEqual(
    [...a.categories].sort(),
    [...new Set(a.reasons.map((r) => r.category))].sort(),
    `categories must be the distinct categories of the reasons: ${s}`,
  );

  // Characteristics: distinct, exactly those of the discriminatory reasons.
  assert.equal(new Set(a.characteristics).size, a.characteristics.length, `characteristics repeat: ${s}`);
  assert.deepEqual(
    [...a.characteristics].sort(),
    [
      ...new Set(
        a.reasons
          .filter((r) => r.category === "discriminatory")
          .map((r) => r.characteristic as Characteristic),
      ),
    ].sort(),
    `characteristics must be those of the discriminatory reasons: ${s}`,
  );

  // Level: the most serious reason's level, keep-record when nothing raises it.
  const expected = a.reasons.reduce<Level>(
    (worst, r) => (LEVEL_RANK[r.level] > LEVEL_RANK[worst] ? r.level : worst),
    "keep-record",
  );
  assert.equal(a.level, expected, `level must be the most serious reason's level: ${s}`);
}

/** The most serious level among a category's reasons (for the "most serious first" ordering). */
export const categoryRank = (a: Analysis, c: Category): number =>
  Math.max(...a.reasons.filter((r) => r.category === c).map((r) => LEVEL_RANK[r.level]));

/** A test body for one behaviour case: `it(c.text, check(c, "call-999"))`. */
export const check = (c: Case, level: Level, profile?: CompiledProfile) => (): void => {
  expectCase(c, level, profile);
};
