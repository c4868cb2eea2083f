// From grouped incident facts to a published table. The database groups incident_facts by the view's
// columns (a few thousand groups at most); this spreads each group over its keys (an incident with two
// offence categories counts under both), counts every cell of the view, and publishes each count through
// shownCount. Totals are sums of the published figures, never counted from the incidents.
import { DIMENSIONS, keysFor, type DimensionName, type Key, type RawValue } from "./dimensions.ts";
import { shownCount, sumOfFigures, type Shown, type SumOfFigures } from "./suppression.ts";
import type { View } from "./views.ts";

/** One group of incident facts with the same stored values for the view's dimensions. */
export interface FactGroup {
  /** The stored value of each of the view's dimensions, in the view's order. */
  values: readonly RawValue[];
  count: number;
}

export interface Scope {
  /** Mondays of the weeks covered. */
  weeks: readonly string[];
  /** One force (or "not-set"), or all. */
  force?: string | undefined;
}

export interface DimensionOfTable {
  name: DimensionName;
  label: string;
  multiValued: boolean;
  keys: Key[];
}

export interface Cell {
  keys: Record<string, string>;
  count: Shown;
}

export interface TotalOfKey extends SumOfFigures {
  key: string;
}

export interface Totals {
  /** The sum of every figure, when each incident is in exactly one cell (no set-valued dimension). */
  all: SumOfFigures | null;
  /**
   * For a view of two dimensions: for each key of one dimension, the sum of its figures across the other,
   * when the other is not set-valued.
   */
  by: Partial<Record<DimensionName, TotalOfKey[]>>;
}

export interface Table {
  view: string;
  dimensions: DimensionOfTable[];
  cells: Cell[];
  totals: Totals;
}

const cellId = (keys: readonly string[]) => keys.join("\u0000");

/** The true count of every cell of the view, keys in the view's order. Only for publishing (and tests). */
export function countCells(view: View, scope: Scope, groups: Iterable<FactGroup>) {
  const dims = view.dimensions.map((name) => ({ name, keys: keysFor(name, scope) }));
  const counts = new Map<string, number>();
  const known = dims.map((d) => new Set(d.keys.map((k) => k.key)));
  for (const group of groups) {
    // Keys outside the view's lists (a week outside the range, a value from a newer version) are not counted.
    const keysPerDim = dims.map((d, i) =>
      DIMENSIONS[d.name].keysOf(group.values[i] ?? null).filter((k) => known[i]!.has(k)),
    );
    let combos: string[][] = [[]];
    for (const keys of keysPerDim) combos = combos.flatMap((c) => keys.map((k) => [...c, k]));
    for (const combo of combos) {
      const id = cellId(combo);
      counts.set(id, (counts.get(id) ?? 0) + group.count);
    }
  }
  let grid: string[][] = [[]];
  for (const d of dims) grid = grid.flatMap((c) => d.keys.map((k) => [...c, k.key]));
  return { dims, cells: grid.map((keys) => ({ keys, count: counts.get(cellId(keys)) ?? 0 })) };
}

/** The published table of a view: every cell's figure, and totals summed from the figures. */
export function tabulate(view: View, scope: Scope, groups: Iterable<FactGroup>): Table {
  const { dims, cells } = countCells(view, scope, groups);
  const published = cells.map((c) => ({ keys: c.keys, count: shownCount(c.count) }));
  const dimensions = dims.map((d) => ({
    name: d.name,
    label: DIMENSIONS[d.name].label,
    multiValued: DIMENSIONS[d.name].multiValued,
    keys: d.keys,
  }));
  const exclusive = dimensions.every((d) => !d.multiValued);
  const by: Totals["by"] = {};
  if (dimensions.length === 2) {
    dimensions.forEach((d, i) => {
      const other = dimensions[1 - i]!;
      if (other.multiValued) return;
      by[d.name] = d.keys.map((k) => ({
        key: k.key,
        ...sumOfFigures(published.filter((c) => c.keys[i] === k.key).map((c) => c.count)),
      }));
    });
  }
  return {
    view: view.name,
    dimensions,
    cells: published.map((c) => ({
      keys: Object.fromEntries(c.keys.map((k, i) => [dimensions[i]!.name, k])),
      count: c.count,
    })),
    totals: {
      all: exclusive && dimensions.length > 0 ? sumOfFigures(published.map((c) => c.count)) : null,
      by,
    },
  };
}
