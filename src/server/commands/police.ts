// The police side of sharing: a force's SPOC sees the incidents shared with the force (as shared), works
// them (acknowledge, crime reference, actions, outcome, notes the candidate sees), and records the
// security briefings offered and delivered to candidates in the force.
import { createHash, randomUUID } from "node:crypto";
import { and, asc, desc, eq, inArray, isNull, lte } from "drizzle-orm";
import { z } from "zod";
import * as t from "../../store/schema.ts";
import { campaignStream, factEvent } from "../../store/chain.ts";
import { LEVEL_RANK, type Level } from "../../core/analysis/types.ts";
import type { IncidentBody } from "../../core/incident/model.ts";
import { conclude, type Assessment, type Verdict } from "../../core/triage/index.ts";
import type { Finding } from "../../core/patterns/types.ts";
import { findForce } from "../../core/forces.ts";
import type { Deps } from "../deps.ts";
import { badRequest, forbidden, notFound } from "../errors.ts";
import { can, type Principal } from "../policies/index.ts";
import { campaignTriageSettings } from "./campaign-settings.ts";
import { currentVerdict } from "./verdicts.ts";
import { narrowVerdict, presentVerdict } from "./present-verdict.ts";
import { decodeRevision, presentEvidence, revisionContext } from "./incidents.ts";
import { forceViewOf, sharedIncidentTarget, sharedWithForce, type SharedView } from "./sharing.ts";
import { sharedActorsOf } from "./shared-actors.ts";
import { policeStatus, policeUpdatesOf, updateContext, type PoliceUpdate } from "./police-status.ts";

export { PoliceUpdateSchema } from "./police-status.ts";

/** For the candidate's team: where an incident is shared and what the police did with it. */
export async function policeStatusOf(deps: Deps, incidentId: string) {
  const { views } = await sharedIncidentTarget(deps.db, incidentId);
  const status = policeStatus(await policeUpdatesOf(deps, [incidentId]));
  return {
    ...status,
    status: views.length === 0 ? "not shared" : status.status,
    sharedWith: views.map((v) => ({
      forceId: v.forceId,
      forceName: findForce(v.forceId)?.name ?? v.forceId,
      sharedAt: v.sharedAt,
      updatesStoppedAt: v.until,
    })),
  };
}

const spocForce = (spoc: Principal) => {
  if (!spoc.forceId || !can(spoc, "read-queue", "force", { id: spoc.forceId }))
    throw forbidden("Only a police force's single point of contact has a queue of shared incidents.");
  return spoc.forceId;
};

/** A SPOC's queue: every incident shared with their force, highest level then most recent first. */
export async function spocQueue(deps: Deps, spoc: Principal) {
  const forceId = spocForce(spoc);
  const views = await sharedWithForce(deps.db, forceId);
  const ids = [...views.keys()];
  if (ids.length === 0) return { forceId, incidents: [] };
  const [incidents, updates] = await Promise.all([
    deps.db
      .select({ i: t.incidents, campaign: t.campaigns.name })
      .from(t.incidents)
      .innerJoin(t.campaigns, eq(t.campaigns.id, t.incidents.campaignId))
      .where(inArray(t.incidents.id, ids)),
    policeUpdatesOf(deps, ids),
  ]);
  const rows = await Promise.all(
    incidents.map(async ({ i, campaign }) => {
      const view = views.get(i.id)!.find((v) => v.forceId === forceId)!;
      const revision = await revisionAsOf(deps, i.id, view.until);
      const status = policeStatus(updates.filter((u) => u.incidentId === i.id));
      return {
        id: i.id,
        campaign,
        summary: revision?.body.summary ?? "",
        channel: i.channel,
        occurredAt: i.occurredAt,
        level: (await levelAsOf(deps, i, view.until)) ?? i.verdictLevel,
        sharedAt: view.sharedAt,
        updatesStoppedAt: view.until,
        status: status.status,
        crimeReference: status.crimeReference,
      };
    }),
  );
  const rank = (level: string | null) => (level ? (LEVEL_RANK[level as Level] ?? 0) : -1);
  rows.sort((a, b) => rank(b.level) - rank(a.level) || b.occurredAt.getTime() - a.occurredAt.getTime());
  return { forceId, incidents: rows };
}

async function revisionAsOf(deps: Deps, incidentId: string, until: Date | null) {
  const [row] = await deps.db
    .select()
    .from(t.incidentRevisions)
    .where(
      and(
        eq(t.incidentRevisions.incidentId, incidentId),
        until ? lte(t.incidentRevisions.editedAt, until) : undefined,
      ),
    )
    .orderBy(desc(t.incidentRevisions.revision))
    .limit(1);
  return row
    ? {
        ...row,
        body: deps.secrets.decryptJson<IncidentBody>(row.bodyEnc, revisionContext(incidentId, row.revision)),
      }
    : undefined;
}

async function levelAsOf(deps: Deps, incident: typeof t.incidents.$inferSelect, until: Date | null) {
  if (!until) return incident.verdictLevel;
  const [row] = await deps.db
    .select({ level: t.incidentVerdicts.level })
    .from(t.incidentVerdicts)
    .where(and(eq(t.incidentVerdicts.incidentId, incident.id), lte(t.incidentVerdicts.computedAt, until)))
    .orderBy(desc(t.incidentVerdicts.seq))
    .limit(1);
  return row?.level ?? null;
}

/** The verdict as it stood when sharing stopped (or now, while it is shared). */
export async function verdictAsOf(
  deps: Deps,
  incident: typeof t.incidents.$inferSelect,
  body: IncidentBody,
  until: Date | null,
): Promise<Verdict | null> {
  if (!until) return currentVerdict(deps, incident, body);
  const [row] = await deps.db
    .select()
    .from(t.incidentVerdicts)
    .where(and(eq(t.incidentVerdicts.incidentId, incident.id), lte(t.incidentVerdicts.computedAt, until)))
    .orderBy(desc(t.incidentVerdicts.seq))
    .limit(1);
  if (!row) return null;
  const stored = deps.secrets.decryptJson<{ assessment: Assessment; findings: Finding[] }>(
    row.verdictEnc,
    `incident_verdicts:${row.id}`,
  );
  const settings = await campaignTriageSettings(deps.db, deps, incident.campaignId);
  return conclude(stored.assessment, stored.findings, {
    jurisdiction: settings.jurisdiction,
    spoc: settings.spoc,
  });
}

/**
 * What a force was given of an incident: the incident, its revisions (oldest first) and evidence up to
 * when sharing stopped, and the verdict as it stood then, naming only incidents and people the force
 * was also given.
 */
export async function incidentAsShared(deps: Deps, view: SharedView) {
  const { incidentId, until } = view;
  const [incident] = await deps.db.select().from(t.incidents).where(eq(t.incidents.id, incidentId));
  if (!incident) throw notFound("incident");
  const [[campaign], revisionRows, evidenceRows, forceViews, sharedActors] = await Promise.all([
    deps.db.select().from(t.campaigns).where(eq(t.campaigns.id, incident.campaignId)),
    deps.db
      .select()
      .from(t.incidentRevisions)
      .where(
        and(
          eq(t.incidentRevisions.incidentId, incidentId),
          until ? lte(t.incidentRevisions.editedAt, until) : undefined,
        ),
      )
      .orderBy(asc(t.incidentRevisions.revision)),
    deps.db
      .select()
      .from(t.evidence)
      .where(and(eq(t.evidence.incidentId, incidentId), until ? lte(t.evidence.addedAt, until) : undefined))
      .orderBy(asc(t.evidence.addedAt)),
    sharedWithForce(deps.db, view.forceId),
    deps.db.select({ actorId: t.shares.actorId }).from(t.shares).where(eq(t.shares.forceId, view.forceId)),
  ]);
  // Who in the team edited it stays with the team.
  const revisions = revisionRows.map((r) => {
    const { revision, editedAt, reason, body } = decodeRevision(deps, r);
    return { revision, editedAt, reason, body };
  });
  const latest = revisions.at(-1);
  if (!campaign || !latest) throw notFound("incident");
  const verdict = await verdictAsOf(deps, incident, latest.body, until);
  const visible = {
    incidents: new Set(forceViews.keys()),
    actors: new Set(sharedActors.flatMap((s) => (s.actorId ? [s.actorId] : []))),
  };
  return {
    incident,
    campaign,
    revisions,
    latest,
    evidenceRows,
    verdict: verdict ? narrowVerdict(verdict, visible) : null,
  };
}

/** The shared incident as the force may see it: the revisions and evidence up to when sharing stopped. */
export async function readSharedIncident(deps: Deps, spoc: Principal, incidentId: string) {
  const view = await forceViewOf(deps.db, spoc, incidentId, "read");
  const [shared, updates] = await Promise.all([
    incidentAsShared(deps, view),
    policeUpdatesOf(deps, [incidentId]),
  ]);
  const { incident, campaign, latest, verdict } = shared;
  const actors = await sharedActorsOf(deps, view, incident.recordedAt);
  await deps.db
    .insert(t.reads)
    .values({ id: randomUUID(), incidentId, evidenceId: null, userId: spoc.id, readAt: deps.now() });
  const nameOf = (id: string) => ({ id, displayName: "the candidate's team" });
  return {
    id: incident.id,
    campaign: campaign.name,
    occurredAt: incident.occurredAt,
    recordedAt: incident.recordedAt,
    channel: incident.channel,
    sharedAt: view.sharedAt,
    updatesStoppedAt: view.until,
    body: latest.body,
    revisions: [...shared.revisions]
      .reverse()
      .map(({ revision, editedAt, body }) => ({ revision, editedAt, body })),
    evidence: shared.evidenceRows.map((e) => presentEvidence(deps, e, nameOf)),
    verdict: verdict ? presentVerdict(verdict) : null,
    police: policeStatus(updates),
    actors: actors.map((a) => ({
      id: a.id,
      label: a.body.label,
      description: a.body.description ?? null,
      identifiers: a.body.identifiers,
      sharedAt: a.sharedAt,
      updatesStoppedAt: a.until,
    })),
  };
}

export async function addPoliceUpdate(deps: Deps, spoc: Principal, incidentId: string, update: PoliceUpdate) {
  await forceViewOf(deps.db, spoc, incidentId, "add-police-update");
  const [incident] = await deps.db
    .select({ campaignId: t.incidents.campaignId })
    .from(t.incidents)
    .where(eq(t.incidents.id, incidentId));
  if (!incident) throw notFound("incident");
  const now = deps.now();
  const id = randomUUID();
  await deps.chain.write(
    { stream: campaignStream(incident.campaignId), actorUserId: spoc.id, at: now },
    async (tx) => {
      await tx.insert(t.policeUpdates).values({
        id,
        incidentId,
        forceId: spoc.forceId!,
        kind: update.kind,
        bodyEnc: deps.secrets.encryptJson(update, updateContext(id)),
        createdBy: spoc.id,
        createdAt: now,
      });
      return {
        result: null,
        events: [factEvent("police.updated", "police_update", id, { kind: update.kind })],
      };
    },
  );
  return policeStatus(await policeUpdatesOf(deps, [incidentId]));
}

// ---------------------------------------------------------------------------------------------------
// Security briefings

export const BriefingSchema = z
  .object({
    campaignId: z.uuid(),
    kind: z.enum(["offered", "delivered"]),
    happenedAt: z.coerce.date({ message: "must be a date and time" }),
    notes: z.string().trim().max(2000).optional(),
  })
  .strict();
export type Briefing = z.infer<typeof BriefingSchema>;

const briefingContext = (id: string) => `security_briefings:${id}`;

/** Briefings recorded by police, oldest first, with who recorded them. */
async function briefingRows(deps: Deps, where: { forceId: string } | { campaignId: string }) {
  const rows = await deps.db
    .select({ b: t.securityBriefings, by: t.users.displayName })
    .from(t.securityBriefings)
    .innerJoin(t.users, eq(t.users.id, t.securityBriefings.recordedBy))
    .where(
      "forceId" in where
        ? eq(t.securityBriefings.forceId, where.forceId)
        : eq(t.securityBriefings.campaignId, where.campaignId),
    )
    .orderBy(asc(t.securityBriefings.happenedAt));
  return rows.map(({ b, by }) => ({
    id: b.id,
    campaignId: b.campaignId,
    forceId: b.forceId,
    forceName: findForce(b.forceId)?.name ?? b.forceId,
    kind: b.kind,
    happenedAt: b.happenedAt,
    notes: b.notesEnc ? deps.secrets.decrypt(b.notesEnc, briefingContext(b.id)) : null,
    recordedBy: by,
    recordedAt: b.recordedAt,
  }));
}

/** The candidates (campaigns) in the SPOC's force, with the briefings offered and delivered to each. */
export async function briefingsOfForce(deps: Deps, spoc: Principal) {
  const forceId = spocForce(spoc);
  const [campaigns, briefings] = await Promise.all([
    deps.db
      .select({ id: t.campaigns.id, name: t.campaigns.name })
      .from(t.campaigns)
      .where(eq(t.campaigns.forceId, forceId))
      .orderBy(asc(t.campaigns.name)),
    briefingRows(deps, { forceId }),
  ]);
  return {
    forceId,
    candidates: campaigns.map((c) => ({
      campaignId: c.id,
      campaign: c.name,
      briefings: briefings.filter((b) => b.campaignId === c.id),
    })),
  };
}

/** For the candidate's team: the security briefings the police recorded as offered or delivered to them. */
export async function briefingsOfCampaign(deps: Deps, campaignId: string) {
  return { briefings: await briefingRows(deps, { campaignId }) };
}

export async function recordBriefing(deps: Deps, spoc: Principal, briefing: Briefing) {
  const forceId = spocForce(spoc);
  const [campaign] = await deps.db
    .select({ forceId: t.campaigns.forceId })
    .from(t.campaigns)
    .where(eq(t.campaigns.id, briefing.campaignId));
  // A candidate of another force is not one this SPOC knows exists.
  if (!campaign || campaign.forceId !== forceId)
    throw badRequest("campaignId: is not a candidate in your force", "campaignId");
  if (!can(spoc, "record-briefing", "force", { id: forceId })) throw notFound("force");
  const id = randomUUID();
  const now = deps.now();
  await deps.chain.write(
    { stream: campaignStream(briefing.campaignId), actorUserId: spoc.id, at: now },
    async (tx) => {
      await tx.insert(t.securityBriefings).values({
        id,
        campaignId: briefing.campaignId,
        forceId,
        kind: briefing.kind,
        happenedAt: briefing.happenedAt,
        notesEnc: briefing.notes ? deps.secrets.encrypt(briefing.notes, briefingContext(id)) : null,
        recordedBy: spoc.id,
        recordedAt: now,
      });
      return {
        result: null,
        events: [factEvent("briefing.recorded", "security_briefing", id, { kind: briefing.kind })],
      };
    },
  );
  return briefingsOfForce(deps, spoc);
}

// ---------------------------------------------------------------------------------------------------
// Cross-force repeat actors: the same identifier behind incidents shared with two or more forces.
// Computed on the keyed hashes (HMAC) of normalised identifiers; nobody here sees an identifier.

export interface RepeatActor {
  /** An opaque key for this identifier (a hash of its keyed hash): the same across calls. */
  key: string;
  kind: string;
  forces: {
    forceId: string;
    forceName: string;
    firstSharedAt: Date;
    lastSharedAt: Date;
    incidents: number;
  }[];
}

export async function repeatActors(deps: Deps): Promise<RepeatActor[]> {
  const views = await sharedWithForce(deps.db, null);
  const incidentIds = [...views.keys()];
  if (incidentIds.length === 0) return [];
  const links = await deps.db
    .select({
      incidentId: t.incidentActors.incidentId,
      kind: t.actorIdentifierHashes.kind,
      hmac: t.actorIdentifierHashes.valueHmac,
    })
    .from(t.incidentActors)
    .innerJoin(t.actorIdentifierHashes, eq(t.actorIdentifierHashes.actorId, t.incidentActors.actorId))
    .where(inArray(t.incidentActors.incidentId, incidentIds));
  const byIdentifier = new Map<
    string,
    { kind: string; perForce: Map<string, { first: Date; last: Date; incidents: Set<string> }> }
  >();
  for (const link of links) {
    const entry = byIdentifier.get(link.hmac) ?? { kind: link.kind, perForce: new Map() };
    for (const view of views.get(link.incidentId) ?? []) {
      const f = entry.perForce.get(view.forceId) ?? {
        first: view.sharedAt,
        last: view.sharedAt,
        incidents: new Set(),
      };
      if (view.sharedAt < f.first) f.first = view.sharedAt;
      if (view.sharedAt > f.last) f.last = view.sharedAt;
      f.incidents.add(link.incidentId);
      entry.perForce.set(view.forceId, f);
    }
    byIdentifier.set(link.hmac, entry);
  }
  return [...byIdentifier]
    .filter(([, e]) => e.perForce.size >= 2)
    .map(([hmac, e]) => ({
      key: createHash("sha256").update(`repeat-actor:${hmac}`).digest("hex").slice(0, 16),
      kind: e.kind,
      forces: [...e.perForce].map(([forceId, f]) => ({
        forceId,
        forceName: findForce(forceId)?.name ?? forceId,
        firstSharedAt: f.first,
        lastSharedAt: f.last,
        incidents: f.incidents.size,
      })),
    }))
    .sort((a, b) => a.key.localeCompare(b.key));
}

/** For a SPOC: the repeat actors that involve their force, and whom to contact in the other forces. */
export async function repeatActorsForSpoc(deps: Deps, spoc: Principal) {
  const forceId = spocForce(spoc);
  const mine = (await repeatActors(deps)).filter((r) => r.forces.some((f) => f.forceId === forceId));
  const otherForces = [...new Set(mine.flatMap((r) => r.forces.map((f) => f.forceId)))].filter(
    (f) => f !== forceId,
  );
  const contacts = otherForces.length
    ? await deps.db
        .select({ forceId: t.users.forceId, name: t.users.displayName, email: t.users.email })
        .from(t.users)
        .where(
          and(eq(t.users.role, "spoc"), inArray(t.users.forceId, otherForces), isNull(t.users.suspendedAt)),
        )
    : [];
  return {
    forceId,
    repeatActors: mine.map((r) => ({
      ...r,
      forces: r.forces.map((f) => ({
        ...f,
        spocs: contacts.filter((c) => c.forceId === f.forceId).map((c) => ({ name: c.name, email: c.email })),
      })),
    })),
  };
}
