// Which actor records are one person. Records made on different days, from different channels, often
// describe the same person: the same handle on two platforms' reports, or a phone number typed twice.
import type { ActorLinkDecision, PatternActor, PersonMap } from "./types.ts";

/** Two actors with the same name need at least this many description words in common to be linked. */
export const MIN_SHARED_DESCRIPTION_WORDS = 2;

const pairKey = (a: string, b: string) => (a < b ? `${a}\u0000${b}` : `${b}\u0000${a}`);

class UnionFind {
  private readonly parent = new Map<string, string>();

  add(id: string): void {
    if (!this.parent.has(id)) this.parent.set(id, id);
  }

  find(id: string): string {
    let root = id;
    while (this.parent.get(root) !== root) root = this.parent.get(root)!;
    for (let node = id; node !== root;) {
      const next = this.parent.get(node)!;
      this.parent.set(node, root);
      node = next;
    }
    return root;
  }

  /** The smaller id becomes the root, so a group's root is always its smallest id. */
  union(a: string, b: string): void {
    const ra = this.find(a);
    const rb = this.find(b);
    if (ra === rb) return;
    if (ra < rb) this.parent.set(rb, ra);
    else this.parent.set(ra, rb);
  }
}

/** Actors grouped by each key they carry: key → actor ids, in input order. */
function groupByKey(actors: readonly PatternActor[], keysOf: (a: PatternActor) => readonly string[]) {
  const groups = new Map<string, string[]>();
  for (const actor of actors) {
    for (const key of new Set(keysOf(actor))) {
      const ids = groups.get(key);
      if (ids) ids.push(actor.id);
      else groups.set(key, [actor.id]);
    }
  }
  return groups;
}

function sharedCount(a: readonly string[], b: ReadonlySet<string>): number {
  let n = 0;
  for (const word of new Set(a)) if (b.has(word)) n++;
  return n;
}

/** Same name and enough description words in common: the automatic name-plus-description link. */
function nameAndDescriptionPairs(actors: readonly PatternActor[]): {
  pairs: [string, string][];
  nameOnly: [string, string][];
} {
  const byId = new Map(actors.map((a) => [a.id, a]));
  const descriptions = new Map(actors.map((a) => [a.id, new Set(a.descriptionWords)]));
  const pairs: [string, string][] = [];
  const nameOnly: [string, string][] = [];
  const seen = new Set<string>();
  for (const ids of groupByKey(actors, (a) => a.nameKeys).values()) {
    for (let i = 0; i < ids.length; i++) {
      for (let j = i + 1; j < ids.length; j++) {
        const a = ids[i]!;
        const b = ids[j]!;
        const key = pairKey(a, b);
        if (a === b || seen.has(key)) continue;
        seen.add(key);
        const shared = sharedCount(byId.get(a)!.descriptionWords, descriptions.get(b)!);
        (shared >= MIN_SHARED_DESCRIPTION_WORDS ? pairs : nameOnly).push([a, b]);
      }
    }
  }
  return { pairs, nameOnly };
}

/**
 * Groups actor records into people. Two records are one person when they share an identifier key;
 * or share a name key and at least two description words; or a person decided they are the same.
 *
 * A "different" decision removes the automatic link between exactly that pair. It does not keep them
 * apart: if both are linked to a third record, they are still one person through it (split that record
 * too). "different" decisions are applied first, then "same" ones, so a "same" decision always joins
 * its own pair. Decisions naming an actor not in `actors` are ignored. Pass one decision per pair (the
 * latest): if a pair has both, "same" wins.
 *
 * Returns every actor id → its person key, the smallest actor id of its group.
 */
export function groupActorsIntoPeople(
  actors: readonly PatternActor[],
  decisions: readonly ActorLinkDecision[],
): PersonMap {
  const uf = new UnionFind();
  for (const actor of actors) uf.add(actor.id);
  const known = new Set(actors.map((a) => a.id));
  const split = new Set(
    decisions.filter((d) => d.decision === "different" && d.a !== d.b).map((d) => pairKey(d.a, d.b)),
  );
  const splitActors = new Set(decisions.filter((d) => d.decision === "different").flatMap((d) => [d.a, d.b]));

  for (const ids of groupByKey(actors, (a) => a.identifierKeys).values()) {
    if (!ids.some((id) => splitActors.has(id))) {
      // No split inside the group: linking each to the first links them all.
      for (const id of ids.slice(1)) uf.union(ids[0]!, id);
      continue;
    }
    for (let i = 0; i < ids.length; i++)
      for (let j = i + 1; j < ids.length; j++)
        if (!split.has(pairKey(ids[i]!, ids[j]!))) uf.union(ids[i]!, ids[j]!);
  }
  for (const [a, b] of nameAndDescriptionPairs(actors).pairs) if (!split.has(pairKey(a, b))) uf.union(a, b);
  for (const d of decisions)
    if (d.decision === "same" && known.has(d.a) && known.has(d.b)) uf.union(d.a, d.b);

  const people = new Map<string, string>();
  for (const actor of actors) people.set(actor.id, uf.find(actor.id));
  return people;
}

export interface SuggestedLink {
  a: string;
  b: string;
  reason: string;
}

/**
 * Pairs of records with the same name whose descriptions do not match enough to link them, so the
 * person recording can be asked "is this the same person?". Leaves out records already one person, and
 * two people about whom someone has already decided (for any of their records). One pair per two
 * people (the smallest such pair of actor ids), a < b.
 */
export function suggestedLinks(
  actors: readonly PatternActor[],
  decisions: readonly ActorLinkDecision[],
  people: PersonMap = groupActorsIntoPeople(actors, decisions),
): SuggestedLink[] {
  const personOf = (id: string) => people.get(id) ?? id;
  const decided = new Set(decisions.map((d) => pairKey(personOf(d.a), personOf(d.b))));
  const suggested = new Map<string, SuggestedLink>();
  for (const [x, y] of nameAndDescriptionPairs(actors).nameOnly) {
    const px = personOf(x);
    const py = personOf(y);
    const key = pairKey(px, py);
    if (px === py || decided.has(key)) continue;
    const [a, b] = x < y ? [x, y] : [y, x];
    const existing = suggested.get(key);
    if (existing && (existing.a < a || (existing.a === a && existing.b < b))) continue;
    suggested.set(key, {
      a,
      b,
      reason: "Both records have the same name, but their descriptions do not match enough to be sure.",
    });
  }
  return [...suggested.values()].sort((p, q) =>
    p.a < q.a ? -1 : p.a > q.a ? 1 : p.b < q.b ? -1 : p.b > q.b ? 1 : 0,
  );
}
