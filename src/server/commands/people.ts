// Which actor records are the same person: shared identifiers (compared as keyed hashes), name plus
// description, and the team's own merge and split decisions.
import { and, eq, inArray, sql } from "drizzle-orm";
import * as t from "../../store/schema.ts";
import { campaignStream, factEvent, type Tx } from "../../store/chain.ts";
import type { Database } from "../../store/db.ts";
import type { ActorBody } from "../../core/incident/model.ts";
import { groupActorsIntoPeople, themesOf } from "../../core/patterns/index.ts";
import type { ActorLinkDecision, PatternActor, PersonMap } from "../../core/patterns/types.ts";
import type { Deps } from "../deps.ts";
import { can, type Principal } from "../policies/index.ts";
import { badRequest, notFound } from "../errors.ts";
import { actorBodyContext } from "./actors.ts";

export interface CampaignPeople {
  actors: PatternActor[];
  decisions: ActorLinkDecision[];
  people: PersonMap;
}

// The people of a campaign change only when an actor is created or amended or a link is decided: a
// one-row fingerprint of those says whether the grouping computed last time still holds (also when
// another server process made the change).
const peopleCache = new Map<string, { fingerprint: string; value: CampaignPeople }>();
const PEOPLE_CACHE_LIMIT = 1000;

async function peopleFingerprint(db: Database | Tx, campaignId: string): Promise<string> {
  const result = (await db.execute(sql`
    select (select count(*) from actors where campaign_id = ${campaignId})::text || '/' ||
           (select coalesce(sum(current_revision), 0) from actors where campaign_id = ${campaignId})::text || '/' ||
           (select md5(coalesce(string_agg(actor_a::text || actor_b::text || decision, ',' order by actor_a, actor_b), ''))
              from actor_links where campaign_id = ${campaignId}) as fingerprint
  `)) as unknown as { rows: { fingerprint: string }[] };
  return result.rows[0]!.fingerprint;
}

/** Every actor of the campaign reduced to its linking keys, and the person each belongs to. */
export async function loadPeople(db: Database | Tx, deps: Deps, campaignId: string): Promise<CampaignPeople> {
  const fingerprint = await peopleFingerprint(db, campaignId);
  const cached = peopleCache.get(campaignId);
  if (cached?.fingerprint === fingerprint) return cached.value;
  const value = await readPeople(db, deps, campaignId);
  if (peopleCache.size >= PEOPLE_CACHE_LIMIT) peopleCache.delete(peopleCache.keys().next().value!);
  peopleCache.set(campaignId, { fingerprint, value });
  return value;
}

async function readPeople(db: Database | Tx, deps: Deps, campaignId: string): Promise<CampaignPeople> {
  const [hashes, links] = await Promise.all([
    db
      .select({
        actorId: t.actorIdentifierHashes.actorId,
        kind: t.actorIdentifierHashes.kind,
        hmac: t.actorIdentifierHashes.valueHmac,
      })
      .from(t.actorIdentifierHashes)
      .innerJoin(t.actors, eq(t.actors.id, t.actorIdentifierHashes.actorId))
      .where(eq(t.actors.campaignId, campaignId)),
    db.select().from(t.actorLinks).where(eq(t.actorLinks.campaignId, campaignId)),
  ]);
  const actorIds = await db
    .select({ id: t.actors.id })
    .from(t.actors)
    .where(eq(t.actors.campaignId, campaignId));
  const byActor = new Map<string, { identifierKeys: string[]; nameKeys: string[] }>(
    actorIds.map((a) => [a.id, { identifierKeys: [], nameKeys: [] }]),
  );
  const nameCount = new Map<string, number>();
  for (const h of hashes) {
    const entry = byActor.get(h.actorId);
    if (!entry) continue;
    if (h.kind === "name") {
      entry.nameKeys.push(h.hmac);
      nameCount.set(h.hmac, (nameCount.get(h.hmac) ?? 0) + 1);
    } else entry.identifierKeys.push(`${h.kind}:${h.hmac}`);
  }
  // Descriptions are only needed (and only decrypted) for actors that share a name with another.
  const sharingName = [...byActor]
    .filter(([, e]) => e.nameKeys.some((k) => (nameCount.get(k) ?? 0) > 1))
    .map(([id]) => id);
  const descriptions = new Map<string, string[]>();
  if (sharingName.length > 0) {
    const rows = await db
      .select({
        id: t.actorRevisions.actorId,
        revision: t.actorRevisions.revision,
        bodyEnc: t.actorRevisions.bodyEnc,
      })
      .from(t.actorRevisions)
      .innerJoin(
        t.actors,
        and(
          eq(t.actors.id, t.actorRevisions.actorId),
          eq(t.actors.currentRevision, t.actorRevisions.revision),
        ),
      )
      .where(inArray(t.actors.id, sharingName));
    for (const r of rows) {
      const body = deps.secrets.decryptJson<ActorBody>(r.bodyEnc, actorBodyContext(r.id, r.revision));
      descriptions.set(r.id, themesOf(body.description ?? ""));
    }
  }
  const actors: PatternActor[] = [...byActor].map(([id, e]) => ({
    id,
    identifierKeys: e.identifierKeys,
    nameKeys: e.nameKeys,
    descriptionWords: descriptions.get(id) ?? [],
  }));
  const decisions: ActorLinkDecision[] = links.map((l) => ({
    a: l.actorA,
    b: l.actorB,
    decision: l.decision as "same" | "different",
  }));
  return { actors, decisions, people: groupActorsIntoPeople(actors, decisions) };
}

/** All actor ids that belong to the same people as the given actors. */
export function actorsOfSamePeople(people: PersonMap, actorIds: readonly string[]): string[] {
  const persons = new Set(actorIds.map((id) => people.get(id) ?? id));
  return [...people].filter(([, person]) => persons.has(person)).map(([id]) => id);
}

/** Records the team's decision that two actor records are (or are not) the same person. */
export async function decideActorLink(
  deps: Deps,
  by: Principal,
  campaignId: string,
  input: { actorIds: [string, string]; decision: "same" | "different" },
) {
  const [a, b] = [...input.actorIds].sort() as [string, string];
  if (a === b) throw badRequest("actorIds: choose two different actors", "actorIds");
  const found = await deps.db
    .select()
    .from(t.actors)
    .where(inArray(t.actors.id, [a, b]));
  for (const id of [a, b]) {
    const actor = found.find((x) => x.id === id);
    if (!actor || actor.campaignId !== campaignId || !can(by, "read", "actor", actor))
      throw notFound("actor");
    if (!can(by, "amend", "actor", actor))
      throw badRequest("actorIds: you cannot change this actor", "actorIds");
  }
  const now = deps.now();
  await deps.chain.write({ stream: campaignStream(campaignId), actorUserId: by.id, at: now }, async (tx) => {
    await tx
      .insert(t.actorLinks)
      .values({
        campaignId,
        actorA: a,
        actorB: b,
        decision: input.decision,
        decidedBy: by.id,
        decidedAt: now,
      })
      .onConflictDoUpdate({
        target: [t.actorLinks.actorA, t.actorLinks.actorB],
        set: { decision: input.decision, decidedBy: by.id, decidedAt: now },
      });
    return {
      result: null,
      events: [
        factEvent(`actors.${input.decision === "same" ? "merged" : "split"}`, "actor_link", `${a}/${b}`, {
          a,
          b,
          decision: input.decision,
        }),
      ],
    };
  });
  return { actorIds: [a, b], decision: input.decision, decidedAt: now };
}
