// Appending to the hash chain inside the same transaction as the write it describes,
// and the canonical payload of each chained row (used both when writing and by `shield verify`).
import { eq } from "drizzle-orm";
import type { PgTable } from "drizzle-orm/pg-core";
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
    payload: (r: typeof t.campaigns.$inferSelect) => ({
      id: r.id,
      createdBy: r.createdBy,
      createdAt: r.createdAt,
    }),
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
  return {
    type,
    entity,
    entityId: entityIdOf(entity, row),
    payloadHash: payloadHashOf(entity, row),
    payload: null,
  };
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

/** Events written on behalf of one person at one time. */
interface Authored {
  actorUserId: string | null;
  at: Date;
  pending: readonly PendingEvent[];
}

/**
 * Appends events to a stream. Call after inserting the rows, in the same transaction: the head row
 * is locked last so that concurrent writers hold it only briefly.
 */
export async function appendEvents(
  tx: Tx,
  writer: Writer,
  pending: readonly PendingEvent[],
): Promise<ChainEvent[]> {
  return appendAuthored(tx, writer.stream, [{ actorUserId: writer.actorUserId, at: writer.at, pending }]);
}

async function appendAuthored(tx: Tx, stream: string, groups: readonly Authored[]): Promise<ChainEvent[]> {
  const lockHead = () => tx.select().from(t.chainHeads).where(eq(t.chainHeads.stream, stream)).for("update");
  let [locked] = await lockHead();
  if (!locked) {
    // A new stream: create its head (another writer may be doing the same), then lock it.
    await tx.insert(t.chainHeads).values({ stream, seq: 0, hash: "" }).onConflictDoNothing();
    [locked] = await lockHead();
  }
  let head = locked && locked.seq > 0 ? { seq: locked.seq, hash: locked.hash } : undefined;
  const rows: (ChainEvent & { payload: Record<string, string | null> | null })[] = [];
  for (const group of groups) {
    for (const p of group.pending) {
      const event = nextEvent(head, {
        stream,
        type: p.type,
        actorUserId: group.actorUserId,
        at: group.at,
        entity: p.entity,
        entityId: p.entityId,
        payloadHash: p.payloadHash,
      });
      rows.push({ ...event, payload: p.payload });
      head = event;
    }
  }
  if (rows.length > 0) {
    await tx.insert(t.events).values(rows);
    await tx
      .update(t.chainHeads)
      .set({ seq: head!.seq, hash: head!.hash })
      .where(eq(t.chainHeads.stream, stream));
  }
  return rows;
}

/** A row to insert; the group inserts rows of one table in one statement, tables in first-seen order. */
export interface DeferredInsert {
  table: PgTable;
  row: Record<string, unknown>;
}

/**
 * Database work for one write: it may use the transaction directly (e.g. to lock a row), returns rows
 * to insert and the events that vouch for them.
 */
export type ChainWork<T> = (
  tx: Tx,
) => Promise<{ result: T; events: readonly PendingEvent[]; inserts?: readonly DeferredInsert[] }>;

interface QueuedWork {
  actorUserId: string | null;
  at: Date;
  work: ChainWork<unknown>;
  resolve: (value: unknown) => void;
  reject: (error: unknown) => void;
}

/**
 * Group commit for the hash chain. Writes to one stream (a campaign) that arrive while a transaction
 * for that stream is running are committed together in the next one: one chain-head lock, one insert
 * of events and one commit for the whole group instead of one each. The chain-head row lock still
 * orders writers across several server processes. If a group fails, each write is retried on its
 * own, so one bad write never fails the others.
 */
export class ChainWriter {
  private readonly queues = new Map<string, QueuedWork[]>();

  constructor(
    private readonly db: Database,
    private readonly maxGroup = 64,
  ) {}

  write<T>(writer: Writer, work: ChainWork<T>): Promise<T> {
    return new Promise<T>((resolve, reject) => {
      const queued: QueuedWork = {
        actorUserId: writer.actorUserId,
        at: writer.at,
        work: work as ChainWork<unknown>,
        resolve: resolve as (value: unknown) => void,
        reject,
      };
      const queue = this.queues.get(writer.stream);
      if (queue) {
        queue.push(queued);
        return;
      }
      this.queues.set(writer.stream, [queued]);
      void this.drain(writer.stream);
    });
  }

  private async drain(stream: string): Promise<void> {
    const queue = this.queues.get(stream)!;
    while (queue.length > 0) {
      let group: QueuedWork[] = [];
      try {
        const results = await this.db.transaction(async (tx) => {
          // Let pending I/O (requests that are about to write) run first: on PGlite every query is
          // synchronous WebAssembly on this thread, and without this pause each group held one write.
          await new Promise((resolve) => setImmediate(resolve));
          // Taken once the transaction has begun, so writes that queued while it waited for a
          // connection (or, on PGlite, for the one connection) join this group.
          group = queue.splice(0, this.maxGroup);
          return this.runGroup(tx, stream, group);
        });
        group.forEach((q, i) => q.resolve(results[i]));
      } catch (error) {
        if (group.length === 0) {
          for (const q of queue.splice(0)) q.reject(error); // the transaction could not even start
        } else if (group.length === 1) {
          group[0]!.reject(error);
        } else {
          for (const q of group) {
            await this.commit(stream, [q]).then(([result]) => q.resolve(result), q.reject);
          }
        }
      }
    }
    this.queues.delete(stream);
  }

  private commit(stream: string, group: readonly QueuedWork[]): Promise<unknown[]> {
    return this.db.transaction((tx) => this.runGroup(tx, stream, group));
  }

  private async runGroup(tx: Tx, stream: string, group: readonly QueuedWork[]): Promise<unknown[]> {
    const results: unknown[] = [];
    const authored: Authored[] = [];
    const rowsByTable = new Map<PgTable, Record<string, unknown>[]>();
    for (const q of group) {
      const { result, events, inserts = [] } = await q.work(tx);
      results.push(result);
      authored.push({ actorUserId: q.actorUserId, at: q.at, pending: events });
      for (const { table, row } of inserts) rowsByTable.set(table, [...(rowsByTable.get(table) ?? []), row]);
    }
    for (const [table, rows] of rowsByTable) await tx.insert(table).values(rows);
    await appendAuthored(tx, stream, authored);
    return results;
  }
}
