// Actors: the people or accounts behind incidents, with their identifiers.
import { randomUUID } from "node:crypto";
import { and, desc, eq, inArray } from "drizzle-orm";
import * as t from "../../store/schema.ts";
import { campaignStream, rowEvent, type Tx } from "../../store/chain.ts";
import type { Database } from "../../store/db.ts";
import type { ActorBody } from "../../core/incident/model.ts";
import { normaliseIdentifier } from "../../core/incident/identifiers.ts";
import type { Deps } from "../deps.ts";
import { actorListScope, can, type Principal } from "../policies/index.ts";
import { badRequest, conflict, forbidden, notFound } from "../errors.ts";

type ActorRow = typeof t.actors.$inferSelect;
type ActorRevisionRow = typeof t.actorRevisions.$inferSelect;

export const actorBodyContext = (actorId: string, revision: number) =>
  `actor_revisions.body:${actorId}/${revision}`;

async function writeIdentifierHashes(tx: Tx, deps: Deps, actorId: string, body: ActorBody): Promise<void> {
  await tx.delete(t.actorIdentifierHashes).where(eq(t.actorIdentifierHashes.actorId, actorId));
  const rows = new Map<string, { actorId: string; kind: string; valueHmac: string }>();
  for (const id of body.identifiers) {
    const valueHmac = deps.secrets.identifierHmac(`${id.kind}:${normaliseIdentifier(id.kind, id.value)}`);
    rows.set(`${id.kind}:${valueHmac}`, { actorId, kind: id.kind, valueHmac });
  }
  if (rows.size > 0) await tx.insert(t.actorIdentifierHashes).values([...rows.values()]);
}

export async function createActor(deps: Deps, by: Principal, campaignId: string, body: ActorBody) {
  const now = deps.now();
  const actor: ActorRow = {
    id: randomUUID(),
    campaignId,
    createdBy: by.id,
    createdAt: now,
    currentRevision: 1,
  };
  const revision: ActorRevisionRow = {
    actorId: actor.id,
    revision: 1,
    bodyEnc: deps.secrets.encryptJson(body, actorBodyContext(actor.id, 1)),
    editedBy: by.id,
    editedAt: now,
  };
  await deps.chain.write({ stream: campaignStream(campaignId), actorUserId: by.id, at: now }, async (tx) => {
    await tx.insert(t.actors).values(actor);
    await tx.insert(t.actorRevisions).values(revision);
    await writeIdentifierHashes(tx, deps, actor.id, body);
    return {
      result: null,
      events: [
        rowEvent("actor.created", "actor", actor),
        rowEvent("actor.revised", "actor_revision", revision),
      ],
    };
  });
  return { id: actor.id, revision: 1, body, createdAt: now };
}

export async function amendActor(
  deps: Deps,
  by: Principal,
  actorId: string,
  body: ActorBody,
  expectedRevision?: number,
) {
  const now = deps.now();
  const current = await findActorForUser(deps, by, actorId);
  return deps.chain.write(
    { stream: campaignStream(current.campaignId), actorUserId: by.id, at: now },
    async (tx) => {
      const [actor] = await tx.select().from(t.actors).where(eq(t.actors.id, actorId)).for("update");
      if (!actor || !can(by, "read", "actor", actor)) throw notFound("actor");
      if (!can(by, "amend", "actor", actor)) throw forbidden();
      if (expectedRevision !== undefined && expectedRevision !== actor.currentRevision) {
        throw conflict(
          `This actor was changed by someone else (now revision ${actor.currentRevision}).`,
          "expectedRevision",
        );
      }
      const revision: ActorRevisionRow = {
        actorId,
        revision: actor.currentRevision + 1,
        bodyEnc: deps.secrets.encryptJson(body, actorBodyContext(actorId, actor.currentRevision + 1)),
        editedBy: by.id,
        editedAt: now,
      };
      await tx.insert(t.actorRevisions).values(revision);
      await tx.update(t.actors).set({ currentRevision: revision.revision }).where(eq(t.actors.id, actorId));
      await writeIdentifierHashes(tx, deps, actorId, body);
      return {
        result: { id: actorId, revision: revision.revision, body, createdAt: actor.createdAt },
        events: [rowEvent("actor.revised", "actor_revision", revision)],
      };
    },
  );
}

export async function findActorForUser(deps: Deps, user: Principal, actorId: string): Promise<ActorRow> {
  const [actor] = await deps.db.select().from(t.actors).where(eq(t.actors.id, actorId));
  if (!actor || !can(user, "read", "actor", actor)) throw notFound("actor");
  return actor;
}

export async function getActor(deps: Deps, user: Principal, actorId: string) {
  const actor = await findActorForUser(deps, user, actorId);
  const revisions = await deps.db
    .select()
    .from(t.actorRevisions)
    .where(eq(t.actorRevisions.actorId, actorId))
    .orderBy(desc(t.actorRevisions.revision));
  const linked = await deps.db
    .select({ id: t.incidents.id, recordedBy: t.incidents.recordedBy, campaignId: t.incidents.campaignId })
    .from(t.incidentActors)
    .innerJoin(t.incidents, eq(t.incidents.id, t.incidentActors.incidentId))
    .where(eq(t.incidentActors.actorId, actorId));
  return {
    id: actor.id,
    campaignId: actor.campaignId,
    createdBy: actor.createdBy,
    createdAt: actor.createdAt,
    revision: actor.currentRevision,
    body: deps.secrets.decryptJson<ActorBody>(
      revisions[0]!.bodyEnc,
      actorBodyContext(actorId, revisions[0]!.revision),
    ),
    revisions: revisions.map((r) => ({
      revision: r.revision,
      editedBy: r.editedBy,
      editedAt: r.editedAt,
      body: deps.secrets.decryptJson<ActorBody>(r.bodyEnc, actorBodyContext(actorId, r.revision)),
    })),
    incidentIds: linked.filter((i) => can(user, "read", "incident", i)).map((i) => i.id),
  };
}

export async function listActors(deps: Deps, user: Principal, campaignId: string) {
  const scope = actorListScope(user, campaignId);
  if (scope === "none") return [];
  const rows = await deps.db
    .select({ a: t.actors, r: t.actorRevisions })
    .from(t.actors)
    .innerJoin(
      t.actorRevisions,
      and(eq(t.actorRevisions.actorId, t.actors.id), eq(t.actorRevisions.revision, t.actors.currentRevision)),
    )
    .where(
      and(eq(t.actors.campaignId, campaignId), scope === "own" ? eq(t.actors.createdBy, user.id) : undefined),
    )
    .orderBy(desc(t.actors.createdAt));
  return rows.map(({ a, r }) => ({
    id: a.id,
    createdAt: a.createdAt,
    createdBy: a.createdBy,
    revision: a.currentRevision,
    body: deps.secrets.decryptJson<ActorBody>(r.bodyEnc, actorBodyContext(a.id, r.revision)),
  }));
}

/** Fails unless every actor id belongs to the campaign and is visible to the user. */
export async function assertActorsUsable(
  tx: Tx | Database,
  user: Principal,
  campaignId: string,
  actorIds: readonly string[],
) {
  if (actorIds.length === 0) return;
  const found = await tx
    .select()
    .from(t.actors)
    .where(inArray(t.actors.id, [...new Set(actorIds)]));
  for (const id of actorIds) {
    const actor = found.find((a) => a.id === id);
    if (!actor || actor.campaignId !== campaignId || !can(user, "read", "actor", actor)) {
      throw badRequest(`actorIds: there is no actor ${id} in this campaign that you can see.`, "actorIds");
    }
  }
}
