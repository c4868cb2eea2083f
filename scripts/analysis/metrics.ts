// Metrics for the analyser evaluation: binary precision/recall/F1, macro-F1, confusion counts, rates,
// multi-label per-category scores, and a plain-text table printer.
//
// Undefined ratios (0/0: no predicted positives for precision, no actual positives for recall) are NaN,
// shown as "n/a" and written to JSON as null. F1 is computed from counts, 2·TP / (2·TP + FP + FN), so it is
// 0 (not n/a) whenever there is any positive, actual or predicted, and none is right.

export interface Confusion {
  tp: number;
  fp: number;
  fn: number;
  tn: number;
}

export interface BinaryScores extends Confusion {
  /** Rows counted. */
  n: number;
  /** Actual positives (tp + fn). */
  support: number;
  /** Predicted positives (tp + fp). */
  predicted: number;
  precision: number;
  recall: number;
  f1: number;
  accuracy: number;
}

export interface TwoClassScores {
  positive: BinaryScores;
  /** The same counts with the classes swapped: scores of the negative class. */
  negative: BinaryScores;
  /** Mean of the two classes' F1. */
  macroF1: number;
}

export const ratio = (num: number, den: number): number => (den === 0 ? NaN : num / den);

export function confusion(actual: readonly boolean[], predicted: readonly boolean[]): Confusion {
  if (actual.length !== predicted.length) {
    throw new Error(`confusion: ${actual.length} actual vs ${predicted.length} predicted`);
  }
  const c: Confusion = { tp: 0, fp: 0, fn: 0, tn: 0 };
  for (let i = 0; i < actual.length; i++) {
    if (actual[i]) {
      if (predicted[i]) c.tp++;
      else c.fn++;
    } else if (predicted[i]) c.fp++;
    else c.tn++;
  }
  return c;
}

export function scoresFromConfusion(c: Confusion): BinaryScores {
  const n = c.tp + c.fp + c.fn + c.tn;
  return {
    ...c,
    n,
    support: c.tp + c.fn,
    predicted: c.tp + c.fp,
    precision: ratio(c.tp, c.tp + c.fp),
    recall: ratio(c.tp, c.tp + c.fn),
    f1: ratio(2 * c.tp, 2 * c.tp + c.fp + c.fn),
    accuracy: ratio(c.tp + c.tn, n),
  };
}

/** Precision, recall and F1 of the positive class. */
export function binaryScores(actual: readonly boolean[], predicted: readonly boolean[]): BinaryScores {
  return scoresFromConfusion(confusion(actual, predicted));
}

/** Scores of both classes and their macro-F1 (the mean of the two F1s; NaN F1s count as 0). */
export function twoClassScores(actual: readonly boolean[], predicted: readonly boolean[]): TwoClassScores {
  const c = confusion(actual, predicted);
  const positive = scoresFromConfusion(c);
  const negative = scoresFromConfusion({ tp: c.tn, fp: c.fn, fn: c.fp, tn: c.tp });
  const f = (x: number): number => (Number.isNaN(x) ? 0 : x);
  return { positive, negative, macroF1: (f(positive.f1) + f(negative.f1)) / 2 };
}

export interface Rate {
  count: number;
  of: number;
  rate: number;
}

/** Share of rows for which `hit` holds. */
export function rate<T>(rows: readonly T[], hit: (row: T) => boolean): Rate {
  const count = rows.reduce((n, r) => n + (hit(r) ? 1 : 0), 0);
  return { count, of: rows.length, rate: ratio(count, rows.length) };
}

/** A square confusion matrix over `classes`: matrix[actual][predicted]. */
export function confusionMatrix<C extends string>(
  classes: readonly C[],
  pairs: readonly { actual: C; predicted: C }[],
): Record<C, Record<C, number>> {
  const m = {} as Record<C, Record<C, number>>;
  for (const a of classes) {
    m[a] = {} as Record<C, number>;
    for (const p of classes) m[a][p] = 0;
  }
  for (const { actual, predicted } of pairs) {
    if (!(actual in m) || !(predicted in m))
      throw new Error(`confusionMatrix: unknown class ${actual}/${predicted}`);
    m[actual][predicted]++;
  }
  return m;
}

/**
 * Multi-label scores: for each label, precision/recall/F1 of "label in predicted" against
 * "label in actual", over all rows.
 */
export function perLabelScores<L extends string>(
  labels: readonly L[],
  rows: readonly { actual: readonly L[]; predicted: readonly L[] }[],
): Record<L, BinaryScores> {
  const out = {} as Record<L, BinaryScores>;
  for (const label of labels) {
    out[label] = binaryScores(
      rows.map((r) => r.actual.includes(label)),
      rows.map((r) => r.predicted.includes(label)),
    );
  }
  return out;
}

// ---------------------------------------------------------------------------------------------------------
// Formatting

/** 0.8123 → "0.812"; NaN → "n/a". */
export function fmt(x: number, digits = 3): string {
  return Number.isFinite(x) ? x.toFixed(digits) : "n/a";
}

/** 0.0523 → "5.2%"; NaN → "n/a". */
export function pct(x: number, digits = 1): string {
  return Number.isFinite(x) ? `${(100 * x).toFixed(digits)}%` : "n/a";
}

/** "12/230 (5.2%)". */
export function fmtRate(r: Rate): string {
  return `${r.count}/${r.of} (${pct(r.rate)})`;
}

export type Align = "left" | "right";

export interface TableOptions {
  /** Per column; default: right for cells that look numeric in every row, left otherwise. */
  align?: readonly Align[];
  /** Spaces before every line. */
  indent?: number;
}

const NUMERIC = /^[-+]?(\d[\d,]*(\.\d+)?%?|n\/a|\d+\/\d+( \(.*\))?)$/;

/** Visible width: counts code points, so emoji and accents take one column each (good enough here). */
const width = (s: string): number => [...s].length;

/** An aligned plain-text table with a rule under the header. */
export function formatTable(
  header: readonly string[],
  rows: readonly (readonly (string | number)[])[],
  options: TableOptions = {},
): string {
  const cells = rows.map((r) => header.map((_, i) => String(r[i] ?? "")));
  const widths = header.map((h, i) => Math.max(width(h), ...cells.map((r) => width(r[i]!))));
  const align = header.map(
    (_, i): Align =>
      options.align?.[i] ??
      (i > 0 && cells.length > 0 && cells.every((r) => r[i] === "" || NUMERIC.test(r[i]!))
        ? "right"
        : "left"),
  );
  const pad = (s: string, i: number): string => {
    const fill = " ".repeat(widths[i]! - width(s));
    return align[i] === "right" ? fill + s : s + fill;
  };
  const prefix = " ".repeat(options.indent ?? 2);
  const line = (r: readonly string[]): string => prefix + r.map(pad).join("  ").trimEnd();
  return [line(header), prefix + widths.map((w) => "-".repeat(w)).join("  "), ...cells.map(line)].join("\n");
}

export function printTable(
  header: readonly string[],
  rows: readonly (readonly (string | number)[])[],
  options: TableOptions = {},
): void {
  console.log(formatTable(header, rows, options));
}
