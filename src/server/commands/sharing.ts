// Sharing with the police: the candidate shares chosen incidents, or an actor with all their incidents,
// with their force; stopping keeps what was shared until then. What a force may see is decided here,
// from the shares, for every police view.
import { randomUUID } from "node:crypto";
import { and, asc, eq, inArray, isNull, or } from "drizzle-orm";
import * as t from "../../store/schema.ts";
import { campaignStream, factEvent } from "../../store/chain.ts";
import type { Database } from "../../store/db.ts";
import type { Tx } from "../../store/chain.ts";
import { findForce } from "../../core/forces.ts";
import type { Deps } from "../deps.ts";
import { badRequest, conflict, notFound } from "../errors.ts";
import type { Principal } from "../policies/index.ts";

export type ShareRow = typeof t.shares.$inferSelect;

/** How far a force sees one incident: everything up to `until` (null: everything, as it changes). */
export interface SharedView {
  incidentId: string;
  forceId: string;
  /** The earliest share that covers it. */
  sharedAt: Date;
  until: Date | null;
}

const later = (a: Date | null, b: Date | null) => (a === null || b === null ? null : a > b ? a : b);

/**
 * Every incident a force may see (optionally only these incidents), and up to when: incidents shared
 * directly, and the incidents of shared actors (those recorded before the share was stopped).
 */
export async function sharedWithForce(
  db: Database | Tx,
  forceId: string | null,
  onlyIncidents?: readonly string[],
): Promise<Map<string, SharedView[]>> {
  const rows = await db
    .select({
      share: t.shares,
      linkedIncidentId: t.incidentActors.incidentId,
      linkedRecordedAt: t.incidents.recordedAt,
    })
    .from(t.shares)
    .leftJoin(t.incidentActors, eq(t.incidentActors.actorId, t.shares.actorId))
    .leftJoin(t.incidents, eq(t.incidents.id, t.incidentActors.incidentId))
    .where(
      and(
        forceId === null ? undefined : eq(t.shares.forceId, forceId),
        onlyIncidents
          ? or(
              inArray(t.shares.incidentId, [...onlyIncidents]),
              inArray(t.incidentActors.incidentId, [...onlyIncidents]),
            )
          : undefined,
      ),
    );
  const views = new Map<string, SharedView[]>();
  for (const { share, linkedIncidentId, linkedRecordedAt } of rows) {
    const incidentId = share.incidentId ?? linkedIncidentId;
    if (!incidentId) continue;
    // An actor's incident recorded after the share was stopped was never shared.
    if (!share.incidentId && share.stoppedAt && linkedRecordedAt && linkedRecordedAt > share.stoppedAt)
      continue;
    if (onlyIncidents && !onlyIncidents.includes(incidentId)) continue;
    const list = views.get(incidentId) ?? [];
    const existing = list.find((v) => v.forceId === share.forceId);
    if (existing) {
      existing.until = later(existing.until, share.stoppedAt);
      if (share.sharedAt < existing.sharedAt) existing.sharedAt = share.sharedAt;
    } else {
      list.push({ incidentId, forceId: share.forceId, sharedAt: share.sharedAt, until: share.stoppedAt });
      views.set(incidentId, list);
    }
  }
  return views;
}

/** The forces an incident is (or was) shared with: the target of the "shared-incident" policy. */
export async function sharedIncidentTarget(db: Database | Tx, incidentId: string) {
  const views = (await sharedWithForce(db, null, [incidentId])).get(incidentId) ?? [];
  return { incidentId, forceIds: views.map((v) => v.forceId), views };
}

export interface ShareRequest {
  incidentIds?: string[] | undefined;
  actorId?: string | undefined;
}

/** Shares with the campaign's force (chosen under Police contact). Sharing what is already shared changes nothing. */
export async function shareWithPolice(deps: Deps, by: Principal, campaignId: string, request: ShareRequest) {
  const incidentIds = [...new Set(request.incidentIds ?? [])];
  if ((incidentIds.length === 0) === !request.actorId)
    throw badRequest(
      "(body): choose either incidents (incidentIds) or one person (actorId) to share",
      "(body)",
    );
  const [campaign] = await deps.db.select().from(t.campaigns).where(eq(t.campaigns.id, campaignId));
  if (!campaign) throw notFound("campaign");
  const force = campaign.forceId ? findForce(campaign.forceId) : undefined;
  if (!force)
    throw conflict(
      "Choose your police force under Police contact first: incidents are shared with that force's single point of contact.",
      "forceId",
    );
  if (incidentIds.length > 0) {
    const found = await deps.db
      .select({ id: t.incidents.id })
      .from(t.incidents)
      .where(and(eq(t.incidents.campaignId, campaignId), inArray(t.incidents.id, incidentIds)));
    const missing = incidentIds.filter((id) => !found.some((f) => f.id === id));
    if (missing.length)
      throw badRequest(`incidentIds: no incident ${missing[0]} in this campaign`, "incidentIds");
  } else {
    const [actor] = await deps.db
      .select({ id: t.actors.id })
      .from(t.actors)
      .where(and(eq(t.actors.campaignId, campaignId), eq(t.actors.id, request.actorId!)));
    if (!actor) throw badRequest(`actorId: no person ${request.actorId} in this campaign`, "actorId");
  }
  const now = deps.now();
  return deps.chain.write({ stream: campaignStream(campaignId), actorUserId: by.id, at: now }, async (tx) => {
    const active = await tx
      .select()
      .from(t.shares)
      .where(
        and(eq(t.shares.campaignId, campaignId), eq(t.shares.forceId, force.id), isNull(t.shares.stoppedAt)),
      );
    const subjects = request.actorId
      ? [{ incidentId: null, actorId: request.actorId }]
      : incidentIds.map((id) => ({ incidentId: id, actorId: null }));
    const fresh = subjects.filter(
      (s) => !active.some((a) => a.incidentId === s.incidentId && a.actorId === s.actorId),
    );
    const rows: ShareRow[] = fresh.map((s) => ({
      id: randomUUID(),
      campaignId,
      forceId: force.id,
      ...s,
      sharedBy: by.id,
      sharedAt: now,
      stoppedAt: null,
      stoppedBy: null,
    }));
    if (rows.length) await tx.insert(t.shares).values(rows);
    return {
      result: { shared: rows.length, alreadyShared: subjects.length - rows.length, forceId: force.id },
      events: rows.map((r) =>
        factEvent("share.created", "share", r.id, {
          forceId: r.forceId,
          subject: r.incidentId ? `incident:${r.incidentId}` : `actor:${r.actorId}`,
        }),
      ),
    };
  });
}

/** Stops sharing future updates: what the force saw until now stays with them, and the stop is recorded. */
export async function stopSharing(deps: Deps, by: Principal, campaignId: string, shareId: string) {
  const now = deps.now();
  return deps.chain.write({ stream: campaignStream(campaignId), actorUserId: by.id, at: now }, async (tx) => {
    const [share] = await tx
      .select()
      .from(t.shares)
      .where(and(eq(t.shares.id, shareId), eq(t.shares.campaignId, campaignId)))
      .for("update");
    if (!share) throw notFound("share");
    if (share.stoppedAt) return { result: share, events: [] };
    const stopped = { ...share, stoppedAt: now, stoppedBy: by.id };
    await tx.update(t.shares).set({ stoppedAt: now, stoppedBy: by.id }).where(eq(t.shares.id, shareId));
    return {
      result: stopped,
      events: [factEvent("share.stopped", "share", shareId, { forceId: share.forceId })],
    };
  });
}

/** The campaign's shares, oldest first, with the police's status of each shared incident. */
export async function listShares(deps: Deps, campaignId: string) {
  const rows = await deps.db
    .select({ share: t.shares, by: t.users.displayName })
    .from(t.shares)
    .innerJoin(t.users, eq(t.users.id, t.shares.sharedBy))
    .where(eq(t.shares.campaignId, campaignId))
    .orderBy(asc(t.shares.sharedAt));
  return rows.map(({ share, by }) => ({
    id: share.id,
    forceId: share.forceId,
    forceName: findForce(share.forceId)?.name ?? share.forceId,
    incidentId: share.incidentId,
    actorId: share.actorId,
    sharedBy: by,
    sharedAt: share.sharedAt,
    stoppedAt: share.stoppedAt,
  }));
}
