// Appending to the hash chain inside the same transaction as the write it describes,
// and the canonical payload of each chained row (used both when writing and by `shield verify`).
import { eq } from "drizzle-orm";
import { hashOf, type Canonicalisable } from "../core/evidence/canonical.ts";
import { nextEvent, type ChainEvent } from "../core/evidence/chain.ts";
import * as t from "./schema.ts";
import type { Database } from "./db.ts";

export type Tx = Parameters<Parameters<Database["transaction"]>[0]>[0];

export const SYSTEM_STREAM = "system";
export const campaignStream = (campaignId: string) => `campaign:${campaignId}`;

/**
 * Rows whose content the chain vouches for. Each entry says how to name a row and which of its
 * columns are covered; projections (e.g. an incident's current revision) are checked separately.
 */
export const CHAINED_ENTITIES = {
  campaign: {
    id: (r: typeof t.campaigns.$inferSelect) => r.id,
    payload: (r: typeof t.campaigns.$inferSelect) => ({ id: r.id, createdBy: r.createdBy, createdAt: r.createdAt }),
  },
  incident: {
    id: (r: typeof t.incidents.$inferSelect) => r.id,
    payload: (r: typeof t.incidents.$inferSelect) => ({
      id: r.id,
      campaignId: r.campaignId,
      recordedBy: r.recordedBy,
      recordedAt: r.recordedAt,
    }),
  },
  incident_revision: {
    id: (r: typeof t.incidentRevisions.$inferSelect) => `${r.incidentId}/${r.revision}`,
    payload: (r: typeof t.incidentRevisions.$inferSelect) => ({ ...r }),
  },
  actor: {
    id: (r: typeof t.actors.$inferSelect) => r.id,
    payload: (r: typeof t.actors.$inferSelect) => ({
      id: r.id,
      campaignId: r.campaignId,
      createdBy: r.createdBy,
      createdAt: r.createdAt,
    }),
  },
  actor_revision: {
    id: (r: typeof t.actorRevisions.$inferSelect) => `${r.actorId}/${r.revision}`,
    payload: (r: typeof t.actorRevisions.$inferSelect) => ({ ...r }),
  },
  evidence: {
    id: (r: typeof t.evidence.$inferSelect) => r.id,
    payload: (r: typeof t.evidence.$inferSelect) => ({ ...r }),
  },
  follow_up: {
    id: (r: typeof t.followUps.$inferSelect) => r.id,
    payload: (r: typeof t.followUps.$inferSelect) => ({ ...r }),
  },
} as const;

export type ChainedEntity = keyof typeof CHAINED_ENTITIES;

type RowOf<E extends ChainedEntity> = Parameters<(typeof CHAINED_ENTITIES)[E]["payload"]>[0];

export function payloadHashOf<E extends ChainedEntity>(entity: E, row: RowOf<E>): string {
  const spec = CHAINED_ENTITIES[entity] as { payload: (r: RowOf<E>) => Canonicalisable };
  return hashOf(spec.payload(row));
}

export function entityIdOf<E extends ChainedEntity>(entity: E, row: RowOf<E>): string {
  const spec = CHAINED_ENTITIES[entity] as { id: (r: RowOf<E>) => string };
  return spec.id(row);
}

export interface PendingEvent {
  type: string;
  entity: string;
  entityId: string;
  payloadHash: string;
  payload: Record<string, string | null> | null;
}

/** An event vouching for a chained row, by its canonical payload. */
export function rowEvent<E extends ChainedEntity>(type: string, entity: E, row: RowOf<E>): PendingEvent {
  return { type, entity, entityId: entityIdOf(entity, row), payloadHash: payloadHashOf(entity, row), payload: null };
}

/** An event whose payload (non-secret facts about accounts and teams) is kept in the event itself. */
export function factEvent(
  type: string,
  entity: string,
  entityId: string,
  payload: Record<string, string | null>,
): PendingEvent {
  return { type, entity, entityId, payloadHash: hashOf(payload), payload };
}

export interface Writer {
  stream: string;
  actorUserId: string | null;
  at: Date;
}

/**
 * Appends events to a stream. Call after inserting the rows, in the same transaction: the head row
 * is locked last so that concurrent writers hold it only briefly.
 */
export async function appendEvents(tx: Tx, writer: Writer, pending: readonly PendingEvent[]): Promise<ChainEvent[]> {
  const lockHead = () => tx.select().from(t.chainHeads).where(eq(t.chainHeads.stream, writer.stream)).for("update");
  let [locked] = await lockHead();
  if (!locked) {
    // A new stream: create its head (another writer may be doing the same), then lock it.
    await tx.insert(t.chainHeads).values({ stream: writer.stream, seq: 0, hash: "" }).onConflictDoNothing();
    [locked] = await lockHead();
  }
  let head = locked && locked.seq > 0 ? { seq: locked.seq, hash: locked.hash } : undefined;
  const written: ChainEvent[] = [];
  for (const p of pending) {
    const event = nextEvent(head, {
      stream: writer.stream,
      type: p.type,
      actorUserId: writer.actorUserId,
      at: writer.at,
      entity: p.entity,
      entityId: p.entityId,
      payloadHash: p.payloadHash,
    });
    written.push(event);
    head = event;
  }
  if (written.length > 0) {
    await tx.insert(t.events).values(written.map((e, i) => ({ ...e, payload: pending[i]?.payload ?? null })));
    await tx.update(t.chainHeads).set({ seq: head!.seq, hash: head!.hash }).where(eq(t.chainHeads.stream, writer.stream));
  }
  return written;
}
