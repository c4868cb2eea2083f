// The people behind a shared incident, as a force was given them: only actor records the team shared with
// that force as a person (Share with police → a person), as each record stood when that share stopped, or
// as it is now while it runs. Records the team did not share stay with the team, as do who made them and
// the team's decisions linking records.
import { and, desc, eq, lte } from "drizzle-orm";
import * as t from "../../store/schema.ts";
import type { ActorBody } from "../../core/incident/model.ts";
import type { Deps } from "../deps.ts";
import { actorBodyContext } from "./actors.ts";
import { laterStop, type SharedView } from "./sharing.ts";

export interface SharedActor {
  id: string;
  createdAt: Date;
  /** The revision of the record given. */
  revision: number;
  /** The record as it stood when its share stopped (`until`), or now. */
  body: ActorBody;
  sharedAt: Date;
  until: Date | null;
}

export async function sharedActorsOf(
  deps: Deps,
  view: Pick<SharedView, "incidentId" | "forceId">,
  recordedAt: Date,
): Promise<SharedActor[]> {
  const rows = await deps.db
    .select({
      actorId: t.shares.actorId,
      createdAt: t.actors.createdAt,
      sharedAt: t.shares.sharedAt,
      stoppedAt: t.shares.stoppedAt,
    })
    .from(t.shares)
    .innerJoin(t.incidentActors, eq(t.incidentActors.actorId, t.shares.actorId))
    .innerJoin(t.actors, eq(t.actors.id, t.shares.actorId))
    .where(and(eq(t.shares.forceId, view.forceId), eq(t.incidentActors.incidentId, view.incidentId)));
  const shares = new Map<string, { createdAt: Date; sharedAt: Date; until: Date | null }>();
  for (const row of rows) {
    // A share stopped before the incident was recorded never covered it.
    if (!row.actorId || (row.stoppedAt && row.stoppedAt < recordedAt)) continue;
    const seen = shares.get(row.actorId);
    if (!seen)
      shares.set(row.actorId, { createdAt: row.createdAt, sharedAt: row.sharedAt, until: row.stoppedAt });
    else {
      if (row.sharedAt < seen.sharedAt) seen.sharedAt = row.sharedAt;
      seen.until = laterStop(seen.until, row.stoppedAt);
    }
  }
  const actors = await Promise.all(
    [...shares].map(async ([id, { createdAt, sharedAt, until }]) => {
      const [revision] = await deps.db
        .select()
        .from(t.actorRevisions)
        .where(
          and(eq(t.actorRevisions.actorId, id), until ? lte(t.actorRevisions.editedAt, until) : undefined),
        )
        .orderBy(desc(t.actorRevisions.revision))
        .limit(1);
      if (!revision) return undefined;
      const body = deps.secrets.decryptJson<ActorBody>(
        revision.bodyEnc,
        actorBodyContext(id, revision.revision),
      );
      return { id, createdAt, revision: revision.revision, body, sharedAt, until };
    }),
  );
  return actors
    .filter((a): a is SharedActor => a !== undefined)
    .sort((a, b) => a.body.label.localeCompare(b.body.label, "en-GB") || a.id.localeCompare(b.id));
}
