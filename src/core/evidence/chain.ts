// The hash chain that makes the record tamper-evident (DESIGN.md capability 2).
// Each write appends an event whose hash covers the previous event's hash, so changing,
// removing or reordering any event (or the row it describes) is detected by recomputation.
import { hashOf } from "./canonical.ts";

export const GENESIS_HASH = "0".repeat(64);

export interface ChainEventFields {
  stream: string;
  seq: number;
  prevHash: string;
  type: string;
  actorUserId: string | null;
  at: Date;
  entity: string;
  entityId: string;
  payloadHash: string;
}

export interface ChainEvent extends ChainEventFields {
  hash: string;
}

export function eventHash(e: ChainEventFields): string {
  return hashOf({
    stream: e.stream,
    seq: e.seq,
    prevHash: e.prevHash,
    type: e.type,
    actorUserId: e.actorUserId,
    at: e.at,
    entity: e.entity,
    entityId: e.entityId,
    payloadHash: e.payloadHash,
  });
}

export function nextEvent(
  head: { seq: number; hash: string } | undefined,
  fields: Omit<ChainEventFields, "seq" | "prevHash">,
): ChainEvent {
  const partial = { ...fields, seq: (head?.seq ?? 0) + 1, prevHash: head?.hash ?? GENESIS_HASH };
  return { ...partial, hash: eventHash(partial) };
}

export interface Problem {
  /** What is wrong, in words an operator can act on. */
  message: string;
  /** Where: e.g. "events campaign:… #12", "incident_revisions 8c1…/2", "blob 3fa…". */
  where: string;
}

/**
 * Checks one stream's events, given in the order of their seq column.
 * Reports gaps, broken links, altered events and a head that does not match the last event.
 */
export function verifyStream(
  stream: string,
  eventsInSeqOrder: readonly ChainEvent[],
  head: { seq: number; hash: string } | undefined,
): Problem[] {
  const problems: Problem[] = [];
  let expectedPrev = GENESIS_HASH;
  let expectedSeq = 1;
  for (const e of eventsInSeqOrder) {
    const where = `events ${stream} #${e.seq}`;
    if (e.seq !== expectedSeq) {
      problems.push({
        where,
        message: `event #${expectedSeq}${e.seq > expectedSeq + 1 ? `–#${e.seq - 1}` : ""} is missing (removed from the chain)`,
      });
    }
    if (e.prevHash !== expectedPrev) {
      problems.push({ where, message: "does not link to the event before it (events removed or reordered)" });
    }
    if (eventHash(e) !== e.hash) {
      problems.push({ where, message: `event '${e.type}' was altered after it was written` });
    }
    expectedPrev = e.hash;
    expectedSeq = e.seq + 1;
  }
  const last = eventsInSeqOrder[eventsInSeqOrder.length - 1];
  if (!head) {
    if (last)
      problems.push({ where: `chain_heads ${stream}`, message: "the chain's head record is missing" });
  } else if (!last || head.seq !== last.seq || head.hash !== last.hash) {
    problems.push({
      where: `chain_heads ${stream}`,
      message: `the chain should end at event #${head.seq} but ends at #${last?.seq ?? 0} (events removed from the end, or the head altered)`,
    });
  }
  return problems;
}
