// `shield verify`: recompute the hash chain, check every chained row against the event that
// vouches for it, check projections against their revisions, and re-hash every evidence file.
import { asc } from "drizzle-orm";
import { hashOf, sha256Hex } from "../core/evidence/canonical.ts";
import { verifyStream, type ChainEvent, type Problem } from "../core/evidence/chain.ts";
import * as t from "./schema.ts";
import type { Database } from "./db.ts";
import type { BlobStore } from "./blobs.ts";
import { DecryptionError, type Secrets } from "./secrets.ts";
import { CHAINED_ENTITIES, entityIdOf, payloadHashOf, type ChainedEntity } from "./chain.ts";

export interface VerifyReport {
  ok: boolean;
  problems: Problem[];
  /** Not failures: e.g. a file stored just before a crash, whose record was never committed. */
  notices: string[];
  counts: { streams: number; events: number; rows: number; evidenceFiles: number };
}

const short = (id: string) => id.slice(0, 8);

export async function verifyIntegrity(
  db: Database,
  blobs: BlobStore,
  secrets: Secrets,
): Promise<VerifyReport> {
  // One consistent snapshot: a live service may commit writes while verify reads.
  return db.transaction((tx) => verifySnapshot(tx as unknown as Database, blobs, secrets), {
    isolationLevel: "repeatable read",
    accessMode: "read only",
  });
}

async function verifySnapshot(db: Database, blobs: BlobStore, secrets: Secrets): Promise<VerifyReport> {
  const problems: Problem[] = [];
  const notices: string[] = [];

  // 1. The chain itself, stream by stream.
  const allEvents = await db.select().from(t.events).orderBy(asc(t.events.stream), asc(t.events.seq));
  const heads = new Map((await db.select().from(t.chainHeads)).map((h) => [h.stream, h]));
  const byStream = new Map<string, ChainEvent[]>();
  for (const e of allEvents) {
    const list = byStream.get(e.stream) ?? [];
    list.push(e);
    byStream.set(e.stream, list);
  }
  for (const stream of new Set([...byStream.keys(), ...heads.keys()])) {
    const head = heads.get(stream);
    problems.push(
      ...verifyStream(stream, byStream.get(stream) ?? [], head && head.seq > 0 ? head : undefined),
    );
  }

  // Events that carry their own payload (accounts, teams): the payload must still match its hash.
  for (const e of allEvents) {
    if (e.entity in CHAINED_ENTITIES) continue;
    if (e.payload === null || payloadHashOfFact(e.payload) !== e.payloadHash) {
      problems.push({
        where: `events ${e.stream} #${e.seq}`,
        message: `the facts recorded with '${e.type}' were altered`,
      });
    }
  }

  // 2. Every chained row must match the event that vouches for it, and every such event must have its row.
  const rowsByEntity: { [E in ChainedEntity]: Parameters<(typeof CHAINED_ENTITIES)[E]["payload"]>[0][] } = {
    campaign: await db.select().from(t.campaigns),
    incident: await db.select().from(t.incidents),
    incident_revision: await db.select().from(t.incidentRevisions),
    actor: await db.select().from(t.actors),
    actor_revision: await db.select().from(t.actorRevisions),
    evidence: await db.select().from(t.evidence),
    follow_up: await db.select().from(t.followUps),
  };
  const eventsByEntity = new Map<string, (typeof allEvents)[number]>();
  for (const e of allEvents) {
    if (e.entity in CHAINED_ENTITIES) eventsByEntity.set(`${e.entity}:${e.entityId}`, e);
  }
  let rowCount = 0;
  for (const entity of Object.keys(rowsByEntity) as ChainedEntity[]) {
    const table = tableName(entity);
    for (const row of rowsByEntity[entity]) {
      rowCount++;
      const id = entityIdOf(entity, row as never);
      const event = eventsByEntity.get(`${entity}:${id}`);
      eventsByEntity.delete(`${entity}:${id}`);
      if (!event) {
        problems.push({
          where: `${table} ${id}`,
          message: "this row is not in the hash chain (added behind the service's back)",
        });
      } else if (payloadHashOf(entity, row as never) !== event.payloadHash) {
        problems.push({
          where: `${table} ${id}`,
          message: `this row was changed after it was written (it no longer matches event ${event.stream} #${event.seq})`,
        });
      }
    }
  }
  for (const [, e] of eventsByEntity) {
    problems.push({
      where: `${tableName(e.entity as ChainedEntity)} ${e.entityId}`,
      message: `this row was removed (event ${e.stream} #${e.seq} '${e.type}' recorded it)`,
    });
  }

  // 3. Projections must agree with the latest revision (an incident's current state is what its last revision says).
  const latestRevision = new Map<string, typeof t.incidentRevisions.$inferSelect>();
  for (const r of rowsByEntity.incident_revision) {
    const seen = latestRevision.get(r.incidentId);
    if (!seen || r.revision > seen.revision) latestRevision.set(r.incidentId, r);
  }
  for (const i of rowsByEntity.incident) {
    const latest = latestRevision.get(i.id);
    if (!latest) continue; // reported above as a removed revision
    if (
      i.currentRevision !== latest.revision ||
      i.occurredAt.getTime() !== latest.occurredAt.getTime() ||
      i.channel !== latest.channel ||
      i.platform !== latest.platform
    ) {
      problems.push({
        where: `incidents ${i.id}`,
        message: "the incident's current state does not match its latest revision",
      });
    }
  }

  const latestActorRevision = new Map<string, number>();
  for (const r of rowsByEntity.actor_revision) {
    latestActorRevision.set(r.actorId, Math.max(r.revision, latestActorRevision.get(r.actorId) ?? 0));
  }
  for (const a of rowsByEntity.actor) {
    const latest = latestActorRevision.get(a.id);
    if (latest !== undefined && a.currentRevision !== latest) {
      problems.push({
        where: `actors ${a.id}`,
        message: "the actor's current revision does not match its latest revision",
      });
    }
  }
  // Which actors an incident names is part of its latest revision; the link table must agree.
  const links = new Map<string, Set<string>>();
  for (const l of await db.select().from(t.incidentActors)) {
    links.set(l.incidentId, (links.get(l.incidentId) ?? new Set()).add(l.actorId));
  }
  for (const [incidentId, latest] of latestRevision) {
    let named: string[];
    try {
      named =
        secrets.decryptJson<{ actorIds?: string[] }>(
          latest.bodyEnc,
          `incident_revisions:${incidentId}/${latest.revision}`,
        ).actorIds ?? [];
    } catch (error) {
      if (!(error instanceof DecryptionError)) throw error;
      problems.push({
        where: `incident_revisions ${incidentId}/${latest.revision}`,
        message: "its encrypted content cannot be read (altered or moved)",
      });
      continue;
    }
    const linked = links.get(incidentId) ?? new Set<string>();
    links.delete(incidentId);
    if (named.length !== linked.size || named.some((id) => !linked.has(id))) {
      problems.push({
        where: `incident_actors ${incidentId}`,
        message: "the actors linked to this incident do not match its latest revision",
      });
    }
  }
  for (const incidentId of links.keys()) {
    problems.push({
      where: `incident_actors ${incidentId}`,
      message: "links an incident that has no revisions",
    });
  }

  // 4. Evidence: files must be present and hash to their recorded SHA-256; so must text.
  const referenced = new Set<string>();
  let evidenceFiles = 0;
  for (const e of rowsByEntity.evidence) {
    const where = `evidence ${e.id} (incident ${short(e.incidentId)})`;
    try {
      if (e.kind === "file") {
        evidenceFiles++;
        referenced.add(e.sha256);
        const stored = await blobs.get(e.sha256);
        if (!stored) {
          problems.push({ where, message: `its file is missing (${blobs.describe(e.sha256)})` });
          continue;
        }
        const bytes = secrets.decryptBytes(stored, `blob:${e.sha256}`);
        if (sha256Hex(bytes) !== e.sha256)
          problems.push({ where, message: `its file was changed (${blobs.describe(e.sha256)})` });
      } else if (e.contentEnc) {
        const text = secrets.decrypt(e.contentEnc, `evidence:${e.id}:content`);
        if (sha256Hex(Buffer.from(text, "utf8")) !== e.sha256)
          problems.push({ where, message: "its text no longer matches its hash" });
      }
    } catch (error) {
      if (!(error instanceof DecryptionError)) throw error;
      problems.push({
        where,
        message:
          e.kind === "file"
            ? `its file was changed (${blobs.describe(e.sha256)})`
            : "its stored text was changed",
      });
    }
  }
  for await (const key of blobs.keys()) {
    if (!referenced.has(key))
      notices.push(
        `file ${blobs.describe(key)} is not referenced by any evidence record (e.g. an upload interrupted by a crash)`,
      );
  }

  return {
    ok: problems.length === 0,
    problems,
    notices,
    counts: { streams: byStream.size, events: allEvents.length, rows: rowCount, evidenceFiles },
  };
}

const payloadHashOfFact = (payload: unknown) => hashOf(payload as Record<string, string | null>);

function tableName(entity: ChainedEntity): string {
  return {
    campaign: "campaigns",
    incident: "incidents",
    incident_revision: "incident_revisions",
    actor: "actors",
    actor_revision: "actor_revisions",
    evidence: "evidence",
    follow_up: "follow_ups",
  }[entity];
}
