// Printing: one readable line per figure, with its target and ✓/✗; a JSON summary at the end.

export interface Check {
  label: string;
  value: number | undefined;
  unit: string;
  /** "min": value must be ≥ target; "max": value must be ≤ target. */
  kind?: "min" | "max";
  target?: number;
}

export interface Figure extends Check {
  pass: boolean | null;
}

const figures: Record<string, unknown> = {};
const failures: string[] = [];

export const fmt = (n: number | undefined, digits = 0) =>
  n === undefined || Number.isNaN(n)
    ? "n/a"
    : n.toLocaleString("en-GB", { minimumFractionDigits: digits, maximumFractionDigits: digits });

/** Formats milliseconds with sensible precision. */
export const ms = (n: number | undefined) =>
  n === undefined ? "n/a" : n < 10 ? fmt(n, 2) : n < 100 ? fmt(n, 1) : fmt(n);

export function heading(text: string): void {
  console.log(`\n== ${text} ==`);
}

export function note(text: string): void {
  console.log(`   ${text}`);
}

/** Prints "label  value unit   target ≥ x  ✓" and returns whether it passed (null when there is no target). */
export function figure(check: Check): Figure {
  const valueText = check.unit === "ms" ? ms(check.value) : fmt(check.value);
  let pass: boolean | null = null;
  let targetText = "";
  if (check.target !== undefined && check.kind) {
    pass =
      check.value !== undefined &&
      (check.kind === "min" ? check.value >= check.target : check.value <= check.target);
    targetText = `target ${check.kind === "min" ? "≥" : "≤"} ${check.unit === "ms" ? ms(check.target) : fmt(check.target)} ${check.unit}  ${pass ? "✓" : "✗"}`;
    if (!pass) failures.push(check.label);
  }
  const left = `   ${check.label}`.padEnd(60, " ");
  const middle = `${valueText} ${check.unit}`.padStart(16, " ");
  console.log(`${left}${middle}   ${targetText}`.trimEnd());
  return { ...check, pass };
}

/** Records a value for the JSON summary under a dotted path. */
export function record(path: string, value: unknown): void {
  const parts = path.split(".");
  let node = figures as Record<string, unknown>;
  for (const part of parts.slice(0, -1)) {
    node[part] ??= {};
    node = node[part] as Record<string, unknown>;
  }
  node[parts[parts.length - 1]!] = value;
}

export function summary(extra: Record<string, unknown>): { json: string; failed: string[] } {
  return {
    json: JSON.stringify({ ...extra, results: figures, targetsMissed: failures }),
    failed: [...failures],
  };
}

/** Median and a nearest-rank percentile of a sample. */
export function percentile(values: readonly number[], p: number): number {
  if (values.length === 0) return Number.NaN;
  const sorted = [...values].sort((a, b) => a - b);
  const rank = Math.min(sorted.length - 1, Math.max(0, Math.ceil((p / 100) * sorted.length) - 1));
  return sorted[rank]!;
}
