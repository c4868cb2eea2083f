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
import { can, type Principal } from "../policies/index.ts";
import { actorsOfSamePeople, loadPeople } from "./people.ts";
import { incidentSummaries } from "./police-status.ts";

export type ShareRow = typeof t.shares.$inferSelect;

/** How far a force sees one incident: everything up to `until` (null: everything, as it changes). */
export interface SharedView {
  incidentId: string;
  forceId: string;
  /** The earliest share that covers it. */
  sharedAt: Date;
  until: Date | null;
}

/** The later of two stop times, where null (not stopped) is later than any. */
export const laterStop = (a: Date | null, b: Date | null) =>
  a === null || b === null ? null : a > b ? a : b;

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
      existing.until = laterStop(existing.until, share.stoppedAt);
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

/**
 * The caller's force's view of a shared incident, when the policy lets them `action` it; otherwise not
 * found (shared with another force, or never shared: a SPOC does not learn it exists).
 */
export async function forceViewOf(
  db: Database | Tx,
  user: Principal,
  incidentId: string,
  action: "read" | "add-police-update" | "export-evidence",
): Promise<SharedView> {
  const target = await sharedIncidentTarget(db, incidentId);
  const view = target.views.find((v) => v.forceId === user.forceId);
  if (!view || !can(user, action, "shared-incident", target)) throw notFound("incident");
  return view;
}

export interface ShareRequest {
  incidentIds?: string[] | undefined;
  actorId?: string | undefined;
}

/**
 * Shares with the campaign's force (chosen under Police contact). A person is shared with every actor
 * record the team has linked as them, as one share. Sharing what is already shared changes nothing.
 */
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
  let actorIds: string[] = [];
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
    const { people } = await loadPeople(deps.db, deps, campaignId);
    actorIds = [...new Set([actor.id, ...actorsOfSamePeople(people, [actor.id])])];
  }
  const now = deps.now();
  return deps.chain.write({ stream: campaignStream(campaignId), actorUserId: by.id, at: now }, async (tx) => {
    const active = await tx
      .select()
      .from(t.shares)
      .where(
        and(eq(t.shares.campaignId, campaignId), eq(t.shares.forceId, force.id), isNull(t.shares.stoppedAt)),
      );
    const activeRow = (s: { incidentId: string | null; actorId: string | null }) =>
      active.find((a) => a.incidentId === s.incidentId && a.actorId === s.actorId);
    const subjects = actorIds.length
      ? [actorIds.map((actorId) => ({ incidentId: null, actorId }))]
      : incidentIds.map((incidentId) => [{ incidentId, actorId: null }]);
    // A person counts as shared already when every record of theirs is. Records linked to a person after
    // they were shared join that person's running share when the candidate shares the person again.
    const fresh = subjects
      .map((group) => ({
        joins: group.map(activeRow).find((row) => row !== undefined)?.groupId,
        subjects: group.filter((s) => !activeRow(s)),
      }))
      .filter((group) => group.subjects.length > 0);
    const rows: ShareRow[] = fresh.flatMap(({ joins, subjects: group }) => {
      const groupId = joins ?? randomUUID();
      return group.map((s, n) => ({
        id: n === 0 && !joins ? groupId : randomUUID(),
        campaignId,
        forceId: force.id,
        ...s,
        groupId,
        sharedBy: by.id,
        sharedAt: now,
        stoppedAt: null,
        stoppedBy: null,
      }));
    });
    if (rows.length) await tx.insert(t.shares).values(rows);
    return {
      result: {
        shared: fresh.length,
        alreadyShared: subjects.length - fresh.length,
        forceId: force.id,
        ...(actorIds.length ? { actorIds } : {}),
      },
      events: rows.map((r) =>
        factEvent("share.created", "share", r.id, {
          forceId: r.forceId,
          subject: r.incidentId ? `incident:${r.incidentId}` : `actor:${r.actorId}`,
        }),
      ),
    };
  });
}

/** The rows of one share: one incident, or the actor records of one person shared together. */
const sameShare = (a: ShareRow, b: ShareRow) => a.groupId === b.groupId;

/** Stops sharing future updates: what the force saw until now stays with them, and the stop is recorded. */
export async function stopSharing(deps: Deps, by: Principal, campaignId: string, shareId: string) {
  const now = deps.now();
  return deps.chain.write({ stream: campaignStream(campaignId), actorUserId: by.id, at: now }, async (tx) => {
    const rows = await tx.select().from(t.shares).where(eq(t.shares.campaignId, campaignId)).for("update");
    const share = rows.find((r) => r.id === shareId);
    if (!share) throw notFound("share");
    if (share.stoppedAt) return { result: share, events: [] };
    const stopping = rows.filter((r) => !r.stoppedAt && sameShare(r, share));
    await tx
      .update(t.shares)
      .set({ stoppedAt: now, stoppedBy: by.id })
      .where(
        inArray(
          t.shares.id,
          stopping.map((r) => r.id),
        ),
      );
    return {
      result: { ...share, stoppedAt: now, stoppedBy: by.id },
      events: stopping.map((r) => factEvent("share.stopped", "share", r.id, { forceId: r.forceId })),
    };
  });
}

/**
 * The campaign's shares, oldest first: each incident shared, and each person with every actor record
 * shared as them, with the incidents it covers and where each has got to with the police.
 */
export async function listShares(deps: Deps, campaignId: string) {
  const rows = await deps.db
    .select({ share: t.shares, by: t.users.displayName })
    .from(t.shares)
    .innerJoin(t.users, eq(t.users.id, t.shares.sharedBy))
    .where(eq(t.shares.campaignId, campaignId))
    .orderBy(asc(t.shares.sharedAt), asc(t.shares.id));
  const groups: { share: ShareRow; by: string; actorIds: string[] }[] = [];
  for (const { share, by } of rows) {
    const group = groups.find((g) => sameShare(g.share, share));
    if (group) group.actorIds.push(share.actorId!);
    else groups.push({ share, by, actorIds: share.actorId ? [share.actorId] : [] });
  }
  const actorIds = [...new Set(groups.flatMap((g) => g.actorIds))];
  const links = actorIds.length
    ? await deps.db
        .select({
          actorId: t.incidentActors.actorId,
          incidentId: t.incidentActors.incidentId,
          recordedAt: t.incidents.recordedAt,
        })
        .from(t.incidentActors)
        .innerJoin(t.incidents, eq(t.incidents.id, t.incidentActors.incidentId))
        .where(inArray(t.incidentActors.actorId, actorIds))
    : [];
  const covered = (g: (typeof groups)[number]) =>
    g.share.incidentId
      ? [g.share.incidentId]
      : [
          ...new Set(
            links
              .filter(
                (l) =>
                  g.actorIds.includes(l.actorId) && (!g.share.stoppedAt || l.recordedAt <= g.share.stoppedAt),
              )
              .map((l) => l.incidentId),
          ),
        ];
  const incidentIds = [...new Set(groups.flatMap(covered))];
  const summaries = await incidentSummaries(deps, incidentIds);
  return groups.map(({ share, by, actorIds: shareActors }) => ({
    id: share.id,
    forceId: share.forceId,
    forceName: findForce(share.forceId)?.name ?? share.forceId,
    incidentId: share.incidentId,
    actorId: share.actorId,
    /** For a person: every actor record shared as them. */
    actorIds: shareActors,
    sharedBy: by,
    sharedAt: share.sharedAt,
    stoppedAt: share.stoppedAt,
    incidents: covered({ share, by, actorIds: shareActors })
      .flatMap((id) => summaries.get(id) ?? [])
      .sort((a, b) => b.occurredAt.getTime() - a.occurredAt.getTime()),
  }));
}
