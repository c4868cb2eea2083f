// An analyst trying to recover small counts from the answers of two queries, as a test harness.
//
// A count is recovered ("pinned") by a pair of answers when every set of incidents that gives the same two
// answers has the same value for it. So to show a count is NOT pinned it is enough to find one other set
// of incidents (a "witness") that gives exactly the same published answers to both queries but a
// different value for that count. The search below tries the datasets one change away: remove an
// incident, add one, or change one (remove and add), where the added incident is a copy or a variant of
// an existing one. It knows nothing of the rounding rule or of the argument in suppression.ts; it only
// compares published answers, so it can be pointed at another rounding rule to show that rule leaks.
import {
  DIMENSIONS,
  NONE,
  NOT_SET,
  countCells,
  keysFor,
  shownCount,
  type DimensionName,
  type FactGroup,
  type RawValue,
  type Shown,
  type View,
  weekStartOfIsoWeek,
} from "../../../src/core/stats/index.ts";

/** One incident as incident_facts holds it. */
export interface Fact {
  week: string;
  force: string | null;
  channel: string;
  level: string;
  offence: readonly string[];
  targeted: readonly string[];
  characteristics: readonly string[];
}

export interface Query {
  view: View;
  /** Mondays, oldest first. */
  weeks: readonly string[];
  force?: string | undefined;
}

export type Rounding = (count: number) => Shown | number;

const RAW: Record<DimensionName, (f: Fact) => RawValue> = {
  force: (f) => f.force,
  week: (f) => f.week,
  channel: (f) => f.channel,
  level: (f) => f.level,
  offence: (f) => f.offence,
  targeted: (f) => f.targeted,
  characteristic: (f) => f.characteristics,
};

const inScope = (q: Query, f: Fact) =>
  q.weeks.includes(f.week) && (q.force === undefined || (f.force ?? NOT_SET) === q.force);

/** What the database hands the core for this query: facts in scope grouped by the view's columns. */
export function groupsFor(q: Query, facts: readonly Fact[]): FactGroup[] {
  const groups = new Map<string, FactGroup>();
  for (const f of facts) {
    if (!inScope(q, f)) continue;
    const values = q.view.dimensions.map((d) => RAW[d](f));
    const id = JSON.stringify(values);
    const g = groups.get(id);
    if (g) (g as { count: number }).count++;
    else groups.set(id, { values, count: 1 });
  }
  return [...groups.values()];
}

const knownKeys = new WeakMap<Query, Set<string>[]>();
const known = (q: Query) => {
  let sets = knownKeys.get(q);
  if (!sets)
    knownKeys.set(q, (sets = q.view.dimensions.map((d) => new Set(keysFor(d, q).map((k) => k.key)))));
  return sets;
};

/** The cells (ids) of the query an incident counts in. */
export function cellsOf(q: Query, f: Fact): string[] {
  if (!inScope(q, f)) return [];
  const sets = known(q);
  let combos: string[][] = [[]];
  q.view.dimensions.forEach((d, i) => {
    const keys = DIMENSIONS[d].keysOf(RAW[d](f)).filter((k) => sets[i]!.has(k));
    combos = combos.flatMap((c) => keys.map((k) => [...c, k]));
  });
  return combos.map((c) => c.join("|"));
}

/** True counts of every cell of the query. */
export function trueCounts(q: Query, facts: readonly Fact[]): Map<string, number> {
  const { cells } = countCells(q.view, q, groupsFor(q, facts));
  return new Map(cells.map((c) => [c.keys.join("|"), c.count]));
}

const signature = (qs: readonly Query[], f: Fact) => qs.map((q) => cellsOf(q, f).join(",")).join(" / ");

/** A count the pair must not reveal: a published cell, or an "atom" (incidents in the same cells of both). */
export interface Target {
  what: string;
  has: (f: Fact) => boolean;
  count: number;
  /** For a published cell: which query, and the cell's keys. */
  cell?: { query: number; keys: readonly string[] };
}

/** Every count of 1–4 that the pair of queries bears on: their cells, and their atoms. */
export function smallTargets(qs: readonly Query[], facts: readonly Fact[]): Target[] {
  const targets: Target[] = [];
  qs.forEach((q, i) => {
    for (const [cell, count] of trueCounts(q, facts)) {
      if (count >= 1 && count <= 4)
        targets.push({
          what: `query ${i + 1} cell ${cell}`,
          has: (f) => cellsOf(q, f).includes(cell),
          count,
          cell: { query: i, keys: cell === "" ? [] : cell.split("|") },
        });
    }
  });
  const atoms = new Map<string, number>();
  for (const f of facts) {
    const s = signature(qs, f);
    atoms.set(s, (atoms.get(s) ?? 0) + 1);
  }
  for (const [s, count] of atoms) {
    if (count >= 1 && count <= 4 && s.replace(/[ /]/g, "") !== "")
      targets.push({ what: `atom ${s}`, has: (f) => signature(qs, f) === s, count });
  }
  return targets;
}

/** The values an incident's attributes may take in witnesses: those seen, and a few more. */
export interface Universe {
  weeks: readonly string[];
  forces: readonly (string | null)[];
  channels: readonly string[];
  levels: readonly string[];
  offences: readonly string[];
  targeted: readonly string[];
  characteristics: readonly string[];
}

const toggle = (set: readonly string[], value: string) =>
  (set.includes(value) ? set.filter((v) => v !== value) : [...set, value]).sort();

/** Every incident one attribute away from this one. */
export function variantsOf(f: Fact, u: Universe): Fact[] {
  const out: Fact[] = [];
  for (const week of u.weeks) if (week !== f.week) out.push({ ...f, week });
  for (const force of u.forces) if (force !== f.force) out.push({ ...f, force });
  for (const channel of u.channels) if (channel !== f.channel) out.push({ ...f, channel });
  for (const level of u.levels) if (level !== f.level) out.push({ ...f, level });
  for (const o of u.offences) out.push({ ...f, offence: toggle(f.offence, o) });
  for (const g of u.targeted) {
    const targeted = toggle(f.targeted, g);
    if (targeted.length > 0) out.push({ ...f, targeted });
  }
  for (const c of u.characteristics) out.push({ ...f, characteristics: toggle(f.characteristics, c) });
  return out;
}

/** An incident like `base` but in the given cell of the query (one-valued sets for set-valued keys). */
function intoCell(q: Query, keys: readonly string[], base: Fact): Fact {
  let f: Fact = { ...base };
  q.view.dimensions.forEach((d, i) => {
    const key = keys[i]!;
    if (d === "force") f = { ...f, force: key === NOT_SET ? null : key };
    else if (d === "week") f = { ...f, week: weekStartOfIsoWeek(key)! };
    else if (d === "channel") f = { ...f, channel: key };
    else if (d === "level") f = { ...f, level: key };
    else if (d === "offence") f = { ...f, offence: key === NONE ? [] : [key] };
    else if (d === "targeted") f = { ...f, targeted: [key] };
    else f = { ...f, characteristics: key === NONE ? [] : [key] };
  });
  if (!q.view.dimensions.includes("week") && !q.weeks.includes(f.week)) f = { ...f, week: q.weeks[0]! };
  if (q.force !== undefined && !q.view.dimensions.includes("force"))
    f = { ...f, force: q.force === NOT_SET ? null : q.force };
  return f;
}

const keyOf = (f: Fact) => JSON.stringify(f);
const distinct = (list: readonly Fact[]) => [...new Map(list.map((f) => [keyOf(f), f])).values()];

/**
 * Another dataset that gives the same published answers to every query and a different value for the
 * target, or undefined if the search finds none. The search makes one change to the target (removes one
 * of its incidents, or adds one), then repairs every figure that change moved out of its band, one
 * incident at a time (adding an incident into a cell that fell below its band, removing one from a cell
 * that rose above it), never moving a figure that was still right, up to `depth` repairs.
 */
export function findWitness(
  qs: readonly Query[],
  facts: readonly Fact[],
  target: Target,
  u: Universe,
  round: Rounding = shownCount,
  depth = 5,
): { removed: Fact[]; added: Fact[] } | undefined {
  const base = qs.map((q) => trueCounts(q, facts));
  const available = new Map<string, number>();
  for (const f of facts) available.set(keyOf(f), (available.get(keyOf(f)) ?? 0) + 1);
  const pool = distinct(facts);

  interface State {
    delta: Map<string, number>[];
    removed: Fact[];
    added: Fact[];
    targetDelta: number;
  }
  const apply = (state: State, f: Fact, sign: 1 | -1): State => {
    const delta = state.delta.map((d, i) => {
      const next = new Map(d);
      for (const c of cellsOf(qs[i]!, f)) next.set(c, (next.get(c) ?? 0) + sign);
      return next;
    });
    return {
      delta,
      removed: sign < 0 ? [...state.removed, f] : state.removed,
      added: sign > 0 ? [...state.added, f] : state.added,
      targetDelta: state.targetDelta + (target.has(f) ? sign : 0),
    };
  };
  /** Figures moved out of their band: query, cell, and which way to bring them back. */
  const broken = (state: State) => {
    const out: { query: number; cell: string; need: 1 | -1 }[] = [];
    state.delta.forEach((d, i) => {
      for (const [cell, change] of d) {
        const before = base[i]!.get(cell) ?? 0;
        if (change !== 0 && round(before + change) !== round(before))
          out.push({ query: i, cell, need: change < 0 ? 1 : -1 });
      }
    });
    return out;
  };
  const canRemove = (state: State, f: Fact) =>
    (available.get(keyOf(f)) ?? 0) + state.added.filter((a) => keyOf(a) === keyOf(f)).length >
    state.removed.filter((r) => keyOf(r) === keyOf(f)).length;
  const variants = (from: readonly Fact[]) => distinct(from.flatMap((f) => [f, ...variantsOf(f, u)]));

  let budget = 20_000;
  const repair = (state: State, left: number): State | undefined => {
    if (state.targetDelta === 0) return undefined;
    const now = broken(state);
    if (now.length === 0) return state;
    if (left === 0 || --budget < 0) return undefined;
    const { query, cell, need } = now[0]!;
    const q = qs[query]!;
    const keys = cell === "" ? [] : cell.split("|");
    const moves: State[] =
      need > 0
        ? variants(pool.map((f) => intoCell(q, keys, f)))
            .filter((f) => !target.has(f) && cellsOf(q, f).includes(cell))
            .map((f) => apply(state, f, 1))
        : pool
            .filter((f) => !target.has(f) && cellsOf(q, f).includes(cell) && canRemove(state, f))
            .map((f) => apply(state, f, -1));
    // Only moves that leave fewer figures wrong, fewest first.
    const ranked = moves
      .map((m) => ({ m, wrong: broken(m).length }))
      .filter((x) => x.wrong < now.length)
      .sort((a, b) => a.wrong - b.wrong);
    for (const { m } of ranked) {
      const done = repair(m, left - 1);
      if (done) return done;
    }
    return undefined;
  };

  const start: State = { delta: qs.map(() => new Map()), removed: [], added: [], targetDelta: 0 };
  const firstMoves: State[] = [
    ...pool.filter(target.has).map((f) => apply(start, f, -1)),
    ...variants([
      ...pool,
      ...(target.cell ? pool.map((f) => intoCell(qs[target.cell!.query]!, target.cell!.keys, f)) : []),
    ])
      .filter(target.has)
      .map((f) => apply(start, f, 1)),
  ];
  for (const first of firstMoves.sort((a, b) => broken(a).length - broken(b).length)) {
    const done = repair(first, depth);
    if (done) return { removed: done.removed, added: done.added };
  }
  return undefined;
}
