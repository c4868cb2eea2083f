// Recording, amending, listing and reading incidents; follow-ups; who read what.
// Every write is one transaction that also appends to the campaign's hash chain.
import { randomUUID } from "node:crypto";
import { and, asc, desc, eq, gte, inArray, lte, sql } from "drizzle-orm";
import * as t from "../../store/schema.ts";
import type { VerdictCause } from "../../store/schema.ts";
import { campaignStream, rowEvent, type Tx } from "../../store/chain.ts";
import {
  isWithinRecordableYears,
  type FollowUpBody,
  type IncidentBody,
  type VerdictLevel,
} from "../../core/incident/model.ts";
import type { Deps } from "../deps.ts";
import { claimInsert, type IdempotencyClaim } from "../idempotency.ts";
import { can, incidentListScope, type Principal } from "../policies/index.ts";
import { badRequest, conflict, forbidden, notFound } from "../errors.ts";
import { assertActorsUsable } from "./actors.ts";
import {
  computeVerdict,
  currentVerdict,
  evidenceTextsOf,
  reconsiderPeople,
  storeVerdict,
  verdictRows,
} from "./verdicts.ts";
import { campaignTriageSettings } from "./campaign-settings.ts";
import { incidentFactsInsert } from "../stats/facts.ts";
import { presentVerdict, visibilityFor, type PresentedVerdict } from "./present-verdict.ts";

type IncidentRow = typeof t.incidents.$inferSelect;
type RevisionRow = typeof t.incidentRevisions.$inferSelect;

export const revisionContext = (incidentId: string, revision: number) =>
  `incident_revisions:${incidentId}/${revision}`;
export const followUpContext = (id: string) => `follow_ups:${id}`;

function revisionRow(
  deps: Deps,
  incidentId: string,
  revision: number,
  body: IncidentBody,
  by: string,
  at: Date,
  reason?: string,
): RevisionRow {
  const context = revisionContext(incidentId, revision);
  return {
    incidentId,
    revision,
    occurredAt: new Date(body.occurredAt),
    channel: body.channel,
    platform: body.platform ?? null,
    bodyEnc: deps.secrets.encryptJson(body, context),
    reasonEnc: reason ? deps.secrets.encrypt(reason, `${context}:reason`) : null,
    editedBy: by,
    editedAt: at,
  };
}

async function replaceActorLinks(tx: Tx, incidentId: string, actorIds: readonly string[]) {
  await tx.delete(t.incidentActors).where(eq(t.incidentActors.incidentId, incidentId));
  const unique = [...new Set(actorIds)];
  if (unique.length > 0)
    await tx.insert(t.incidentActors).values(unique.map((actorId) => ({ incidentId, actorId })));
}

export interface RecordedIncident {
  id: string;
  campaignId: string;
  revision: number;
  recordedAt: Date;
  verdict: PresentedVerdict;
}

/** Patterns of the people involved may now read differently for their other incidents. */
async function reconsiderAfterWrite(
  deps: Deps,
  campaignId: string,
  actorIds: readonly string[],
  options: { after?: number; except: string },
) {
  try {
    await reconsiderPeople(deps, campaignId, actorIds, options);
  } catch (error) {
    // The write itself is committed; the next read of each incident recomputes a missing verdict.
    console.error(`shield: reconsidering patterns failed (${(error as Error).name})`);
  }
}

export async function recordIncident(
  deps: Deps,
  by: Principal,
  campaignId: string,
  body: IncidentBody,
  claim?: IdempotencyClaim,
): Promise<RecordedIncident> {
  const now = deps.now();
  const incident: IncidentRow = {
    id: randomUUID(),
    campaignId,
    recordedBy: by.id,
    recordedAt: now,
    currentRevision: 1,
    occurredAt: new Date(body.occurredAt),
    channel: body.channel,
    platform: body.platform ?? null,
    verdictLevel: null,
    currentVerdictId: null,
    updatedAt: now,
  };
  const revision = revisionRow(deps, incident.id, 1, body, by.id, now);
  if (body.actorIds.length > 0) await assertActorsUsable(deps.db, by, campaignId, body.actorIds);
  const verdict = await computeVerdict(deps.db, deps, campaignId, {
    id: incident.id,
    recordedAt: now,
    body,
    evidenceTexts: [],
  });
  const stored = verdictRows(deps, {
    incidentId: incident.id,
    campaignId,
    revision: 1,
    verdict,
    cause: "recorded",
    previousLevel: null,
    at: now,
  });
  incident.verdictLevel = verdict.level;
  incident.currentVerdictId = stored.verdict.id;
  const visible = await visibilityFor(deps, by, campaignId, incident.id);
  const recorded = await deps.chain.write(
    { stream: campaignStream(campaignId), actorUserId: by.id, at: now },
    async () => ({
      result: {
        id: incident.id,
        campaignId,
        revision: 1,
        recordedAt: now,
        verdict: presentVerdict(verdict, visible),
      },
      inserts: [
        { table: t.incidents, row: incident },
        { table: t.incidentRevisions, row: revision },
        ...[...new Set(body.actorIds)].map((actorId) => ({
          table: t.incidentActors,
          row: { incidentId: incident.id, actorId },
        })),
        { table: t.incidentVerdicts, row: stored.verdict },
        incidentFactsInsert(stored.facts),
        ...(stored.notice ? [{ table: t.notices, row: stored.notice }] : []),
        ...(claim ? [claimInsert(claim, { kind: "incident", id: incident.id }, now)] : []),
      ],
      events: [
        rowEvent("incident.recorded", "incident", incident),
        rowEvent("incident.revised", "incident_revision", revision),
      ],
    }),
  );
  // A backdated incident can change what the same person's later incidents show.
  await reconsiderAfterWrite(deps, campaignId, body.actorIds, {
    after: new Date(body.occurredAt).getTime(),
    except: incident.id,
  });
  return recorded;
}

export async function amendIncident(
  deps: Deps,
  by: Principal,
  incidentId: string,
  input: { body: IncidentBody; reason: string; expectedRevision?: number | undefined },
): Promise<RecordedIncident> {
  const now = deps.now();
  const current = await findIncidentForUser(deps, by, incidentId);
  if (!can(by, "amend", "incident", current)) throw forbidden();
  const settings = await campaignTriageSettings(deps.db, deps, current.campaignId);
  const verdict = await computeVerdict(
    deps.db,
    deps,
    current.campaignId,
    {
      id: incidentId,
      recordedAt: current.recordedAt,
      body: input.body,
      evidenceTexts: await evidenceTextsOf(deps.db, deps, incidentId),
    },
    settings,
  );
  let previousActorIds: string[] = [];
  const visible = await visibilityFor(deps, by, current.campaignId, incidentId);
  const amended = await deps.chain.write(
    { stream: campaignStream(current.campaignId), actorUserId: by.id, at: now },
    async (tx) => {
      const [incident] = await tx
        .select()
        .from(t.incidents)
        .where(eq(t.incidents.id, incidentId))
        .for("update");
      if (!incident || !can(by, "read", "incident", incident)) throw notFound("incident");
      if (!can(by, "amend", "incident", incident)) throw forbidden();
      if (input.expectedRevision !== undefined && input.expectedRevision !== incident.currentRevision) {
        throw conflict(
          `This incident was changed by someone else (it is now at revision ${incident.currentRevision}). Reload it and try again.`,
          "expectedRevision",
        );
      }
      await assertActorsUsable(tx, by, incident.campaignId, input.body.actorIds);
      const revision = revisionRow(
        deps,
        incidentId,
        incident.currentRevision + 1,
        input.body,
        by.id,
        now,
        input.reason,
      );
      previousActorIds = (
        await tx
          .select({ actorId: t.incidentActors.actorId })
          .from(t.incidentActors)
          .where(eq(t.incidentActors.incidentId, incidentId))
      ).map((r) => r.actorId);
      await tx.insert(t.incidentRevisions).values(revision);
      await tx
        .update(t.incidents)
        .set({
          currentRevision: revision.revision,
          occurredAt: revision.occurredAt,
          channel: revision.channel,
          platform: revision.platform,
          updatedAt: now,
        })
        .where(eq(t.incidents.id, incidentId));
      await replaceActorLinks(tx, incidentId, input.body.actorIds);
      await storeVerdict(
        tx,
        verdictRows(deps, {
          incidentId,
          campaignId: incident.campaignId,
          revision: revision.revision,
          verdict,
          cause: "amended",
          previousLevel: incident.verdictLevel as VerdictLevel | null,
          at: now,
        }),
      );
      return {
        result: {
          id: incidentId,
          campaignId: incident.campaignId,
          revision: revision.revision,
          recordedAt: incident.recordedAt,
          verdict: presentVerdict(verdict, visible),
        },
        events: [rowEvent("incident.revised", "incident_revision", revision)],
      };
    },
  );
  await reconsiderAfterWrite(deps, current.campaignId, [...previousActorIds, ...input.body.actorIds], {
    except: incidentId,
  });
  return amended;
}

/** The incident row if the user may read it; otherwise "not found" (its existence is not revealed). */
export async function findIncidentForUser(
  deps: Deps,
  user: Principal,
  incidentId: string,
): Promise<IncidentRow> {
  const [incident] = await deps.db.select().from(t.incidents).where(eq(t.incidents.id, incidentId));
  if (!incident || !can(user, "read", "incident", incident)) throw notFound("incident");
  return incident;
}

export interface IncidentFilters {
  from?: string | undefined;
  to?: string | undefined;
  channel?: string | undefined;
  actorId?: string | undefined;
  verdict?: VerdictLevel | "none" | undefined;
  limit: number;
  /** Opaque cursor from the previous page. */
  before?: string | undefined;
}

const encodeCursor = (row: { occurredAt: Date; id: string }) =>
  Buffer.from(`${row.occurredAt.toISOString()}|${row.id}`).toString("base64url");

function decodeCursor(cursor: string): { occurredAt: Date; id: string } {
  const [iso, id] = Buffer.from(cursor, "base64url").toString("utf8").split("|");
  const occurredAt = new Date(iso ?? "");
  const uuid = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;
  if (!id || !isWithinRecordableYears(occurredAt) || !uuid.test(id)) {
    throw badRequest("before: not a cursor returned by this list", "before");
  }
  return { occurredAt, id };
}

/** Newest first (by when it happened). A "log only" member's list holds only what they recorded. */
export async function listIncidents(
  deps: Deps,
  user: Principal,
  campaignId: string,
  filters: IncidentFilters,
) {
  const scope = incidentListScope(user, campaignId);
  if (scope === "none") return { incidents: [], next: null };
  const cursor = filters.before ? decodeCursor(filters.before) : undefined;
  const conditions = [
    eq(t.incidents.campaignId, campaignId),
    scope === "own" ? eq(t.incidents.recordedBy, user.id) : undefined,
    filters.from ? gte(t.incidents.occurredAt, new Date(filters.from)) : undefined,
    filters.to ? lte(t.incidents.occurredAt, new Date(filters.to)) : undefined,
    filters.channel ? eq(t.incidents.channel, filters.channel) : undefined,
    filters.verdict === "none"
      ? sql`${t.incidents.verdictLevel} is null`
      : filters.verdict
        ? eq(t.incidents.verdictLevel, filters.verdict)
        : undefined,
    filters.actorId
      ? inArray(
          t.incidents.id,
          deps.db
            .select({ id: t.incidentActors.incidentId })
            .from(t.incidentActors)
            .where(eq(t.incidentActors.actorId, filters.actorId)),
        )
      : undefined,
    // A row comparison lets the database start reading the index right after the cursor.
    cursor
      ? sql`(${t.incidents.occurredAt}, ${t.incidents.id}) < (${cursor.occurredAt.toISOString()}::timestamptz, ${cursor.id}::uuid)`
      : undefined,
  ];
  const rows = await deps.db
    .select({ i: t.incidents, r: t.incidentRevisions, recorder: t.users.displayName })
    .from(t.incidents)
    .innerJoin(
      t.incidentRevisions,
      and(
        eq(t.incidentRevisions.incidentId, t.incidents.id),
        eq(t.incidentRevisions.revision, t.incidents.currentRevision),
      ),
    )
    .innerJoin(t.users, eq(t.users.id, t.incidents.recordedBy))
    .where(and(...conditions))
    .orderBy(desc(t.incidents.occurredAt), desc(t.incidents.id))
    .limit(filters.limit + 1);
  const page = rows.slice(0, filters.limit);
  return {
    incidents: page.map(({ i, r, recorder }) => {
      const body = deps.secrets.decryptJson<IncidentBody>(r.bodyEnc, revisionContext(i.id, r.revision));
      return {
        id: i.id,
        summary: body.summary,
        occurredAt: i.occurredAt,
        channel: i.channel,
        platform: i.platform,
        targeted: body.targeted,
        actorIds: body.actorIds,
        verdictLevel: i.verdictLevel,
        revision: i.currentRevision,
        recordedAt: i.recordedAt,
        recordedBy: { id: i.recordedBy, displayName: recorder },
      };
    }),
    next: rows.length > filters.limit && page.length > 0 ? encodeCursor(page[page.length - 1]!.i) : null,
  };
}

async function recordRead(deps: Deps, user: Principal, incidentId: string, evidenceId: string | null) {
  await deps.db
    .insert(t.reads)
    .values({ id: randomUUID(), incidentId, evidenceId, userId: user.id, readAt: deps.now() });
}

/** A stored revision decrypted: its body and the reason given for the change (if any). */
export function decodeRevision(deps: Deps, r: typeof t.incidentRevisions.$inferSelect) {
  const context = revisionContext(r.incidentId, r.revision);
  return {
    revision: r.revision,
    editedAt: r.editedAt,
    editedBy: r.editedBy,
    reason: r.reasonEnc ? deps.secrets.decrypt(r.reasonEnc, `${context}:reason`) : null,
    body: deps.secrets.decryptJson<IncidentBody>(r.bodyEnc, context),
  };
}

/** The incident with every revision, evidence and follow-up. Records that the user read it. */
export async function readIncident(deps: Deps, user: Principal, incidentId: string) {
  const incident = await findIncidentForUser(deps, user, incidentId);
  const [revisions, evidenceRows, followUpRows, people] = await Promise.all([
    deps.db
      .select()
      .from(t.incidentRevisions)
      .where(eq(t.incidentRevisions.incidentId, incidentId))
      .orderBy(desc(t.incidentRevisions.revision)),
    deps.db
      .select()
      .from(t.evidence)
      .where(eq(t.evidence.incidentId, incidentId))
      .orderBy(asc(t.evidence.addedAt)),
    deps.db
      .select()
      .from(t.followUps)
      .where(eq(t.followUps.incidentId, incidentId))
      .orderBy(asc(t.followUps.createdAt)),
    deps.db
      .select({ id: t.users.id, displayName: t.users.displayName })
      .from(t.users)
      .innerJoin(t.campaignMembers, eq(t.campaignMembers.userId, t.users.id))
      .where(eq(t.campaignMembers.campaignId, incident.campaignId)),
  ]);
  await recordRead(deps, user, incidentId, null);
  const nameOf = (id: string) => ({
    id,
    displayName: people.find((p) => p.id === id)?.displayName ?? "former member",
  });
  const decodedRevisions = revisions.map((r) => {
    const { revision, editedBy, editedAt, reason, body } = decodeRevision(deps, r);
    return { revision, editedBy: nameOf(editedBy), editedAt, reason, body };
  });
  const verdict = await currentVerdict(deps, incident, decodedRevisions[0]!.body);
  const visible = await visibilityFor(deps, user, incident.campaignId, incident.id);
  return {
    id: incident.id,
    campaignId: incident.campaignId,
    recordedBy: nameOf(incident.recordedBy),
    recordedAt: incident.recordedAt,
    revision: incident.currentRevision,
    verdictLevel: verdict.level,
    verdict: presentVerdict(verdict, visible),
    body: decodedRevisions[0]!.body,
    revisions: decodedRevisions,
    evidence: evidenceRows.map((e) => presentEvidence(deps, e, nameOf)),
    followUps: followUpRows.map((f) => ({
      id: f.id,
      createdBy: nameOf(f.createdBy),
      createdAt: f.createdAt,
      ...deps.secrets.decryptJson<FollowUpBody>(f.bodyEnc, followUpContext(f.id)),
    })),
  };
}

export function presentEvidence(
  deps: Deps,
  e: typeof t.evidence.$inferSelect,
  nameOf: (id: string) => { id: string; displayName: string },
) {
  const context = `evidence:${e.id}`;
  return {
    id: e.id,
    kind: e.kind as "text" | "url" | "file",
    sha256: e.sha256,
    size: e.size,
    mediaType: e.mediaType,
    source: e.source,
    capturedAt: e.capturedAt,
    addedAt: e.addedAt,
    addedBy: nameOf(e.addedBy),
    filename: e.filenameEnc ? deps.secrets.decrypt(e.filenameEnc, `${context}:filename`) : null,
    text: e.kind === "text" && e.contentEnc ? deps.secrets.decrypt(e.contentEnc, `${context}:content`) : null,
    url: e.kind === "url" && e.contentEnc ? deps.secrets.decrypt(e.contentEnc, `${context}:content`) : null,
    note: e.noteEnc ? deps.secrets.decrypt(e.noteEnc, `${context}:note`) : null,
  };
}

export async function addFollowUp(deps: Deps, by: Principal, incidentId: string, body: FollowUpBody) {
  const incident = await findIncidentForUser(deps, by, incidentId);
  if (!can(by, "add-follow-up", "incident", incident)) throw forbidden();
  const now = deps.now();
  const id = randomUUID();
  const row = {
    id,
    incidentId,
    kind: body.kind,
    bodyEnc: deps.secrets.encryptJson(body, followUpContext(id)),
    createdBy: by.id,
    createdAt: now,
  };
  await deps.chain.write(
    { stream: campaignStream(incident.campaignId), actorUserId: by.id, at: now },
    async () => ({
      result: null,
      inserts: [{ table: t.followUps, row }],
      events: [rowEvent("follow-up.added", "follow_up", row)],
    }),
  );
  return { id, createdAt: now, ...body };
}

export async function listReads(deps: Deps, user: Principal, incidentId: string) {
  const incident = await findIncidentForUser(deps, user, incidentId);
  if (!can(user, "see-reads", "incident", incident))
    throw forbidden("Only the candidate can see who read an incident.");
  const rows = await deps.db
    .select({ r: t.reads, name: t.users.displayName, role: t.users.role })
    .from(t.reads)
    .innerJoin(t.users, eq(t.users.id, t.reads.userId))
    .where(eq(t.reads.incidentId, incidentId))
    .orderBy(desc(t.reads.readAt))
    .limit(500);
  return rows.map(({ r, name, role }) => ({
    user: { id: r.userId, displayName: name, role },
    readAt: r.readAt,
    what: r.evidenceId ? ("evidence" as const) : ("incident" as const),
    evidenceId: r.evidenceId,
  }));
}

export { recordRead };

/** Recomputes an incident's verdict from its current revision and evidence (e.g. after text evidence is added). */
export async function retriageIncident(deps: Deps, incidentId: string, cause: VerdictCause) {
  const [incident] = await deps.db.select().from(t.incidents).where(eq(t.incidents.id, incidentId));
  if (!incident) throw notFound("incident");
  const [revision] = await deps.db
    .select()
    .from(t.incidentRevisions)
    .where(
      and(
        eq(t.incidentRevisions.incidentId, incidentId),
        eq(t.incidentRevisions.revision, incident.currentRevision),
      ),
    );
  const body = deps.secrets.decryptJson<IncidentBody>(
    revision!.bodyEnc,
    revisionContext(incidentId, incident.currentRevision),
  );
  const verdict = await computeVerdict(deps.db, deps, incident.campaignId, {
    id: incidentId,
    recordedAt: incident.recordedAt,
    body,
    evidenceTexts: await evidenceTextsOf(deps.db, deps, incidentId),
  });
  await deps.db.transaction(async (tx) => {
    const [current] = await tx.select().from(t.incidents).where(eq(t.incidents.id, incidentId)).for("update");
    // An amendment that landed meanwhile computed its own verdict from the newer revision.
    if (!current || current.currentRevision !== incident.currentRevision) return;
    await storeVerdict(
      tx,
      verdictRows(deps, {
        incidentId,
        campaignId: incident.campaignId,
        revision: incident.currentRevision,
        verdict,
        cause,
        previousLevel: current.verdictLevel as VerdictLevel | null,
        at: deps.now(),
      }),
    );
  });
  await reconsiderAfterWrite(deps, incident.campaignId, body.actorIds, { except: incidentId });
  return verdict;
}
