// Loading what an evidence pack covers: the incidents of the scope with every revision, evidence item
// and follow-up, their verdicts, the actors involved and the patterns of the people behind them. Unlike
// readIncident, it records no read per incident: the export itself goes on the campaign's hash chain
// as one event (see export.ts).
import { randomUUID } from "node:crypto";
import { and, asc, eq, gte, inArray, lt } from "drizzle-orm";
import * as t from "../../store/schema.ts";
import type { ActorBody, FollowUpBody, IncidentBody } from "../../core/incident/model.ts";
import type { PackScope } from "../../core/evidence-pack/index.ts";
import { ukDateTime } from "../../core/evidence-pack/index.ts";
import { dateRangeBounds, isDateOnly } from "../../core/evidence-pack/scope.ts";
import type { Finding } from "../../core/patterns/types.ts";
import type { Verdict } from "../../core/triage/index.ts";
import { findForce } from "../../core/forces.ts";
import type { Deps } from "../deps.ts";
import { can, type Principal } from "../policies/index.ts";
import { badRequest, notFound } from "../errors.ts";
import { listActors } from "../commands/actors.ts";
import { decodeRevision, followUpContext, presentEvidence, revisionContext } from "../commands/incidents.ts";
import { campaignPatterns } from "../commands/patterns.ts";
import { actorsOfSamePeople, loadPeople } from "../commands/people.ts";
import { currentVerdict } from "../commands/verdicts.ts";

/** A pack holds at most this many incidents: a longer record is split into several packs by date. */
export const MAX_PACK_INCIDENTS = 2000;
const VERDICTS_AT_ONCE = 8;

export interface Person {
  id: string;
  displayName: string;
}

export type PackEvidence = ReturnType<typeof presentEvidence> & {
  /** Where the item's bytes are in the ZIP (files and message copies), e.g. evidence/<sha256>.png. */
  path: string | null;
};

/** What a pack keeps of a verdict: the advice and why, without the steps and contacts aimed at the candidate. */
export type PackVerdict = Pick<
  Verdict,
  | "level"
  | "headline"
  | "advice"
  | "rulesetVersion"
  | "analyserVersion"
  | "reasons"
  | "offences"
  | "disqualification"
  | "findings"
> & {
  /** What the words showed (for the platform report). */
  categories: Verdict["assessment"]["record"]["categories"];
  characteristics: Verdict["assessment"]["record"]["characteristics"];
};

/**
 * One copy of each incident id across a pack's verdicts: each stored verdict names the incidents of its
 * findings (and the reasons that restate them) afresh, so 500 incidents of one person would otherwise hold ~750,000 copies of 500 ids.
 */
export function idInterner(): (id: string) => string {
  const seen = new Map<string, string>();
  return (id) => {
    const known = seen.get(id);
    if (known !== undefined) return known;
    seen.set(id, id);
    return id;
  };
}

export function packVerdict(v: Verdict, intern: (id: string) => string = (id) => id): PackVerdict {
  return {
    level: v.level,
    headline: v.headline,
    advice: v.advice,
    rulesetVersion: v.rulesetVersion,
    analyserVersion: v.analyserVersion,
    reasons: v.reasons.map((r) =>
      "incidentIds" in r && r.incidentIds ? { ...r, incidentIds: r.incidentIds.map(intern) } : r,
    ),
    offences: v.offences,
    ...(v.disqualification ? { disqualification: v.disqualification } : {}),
    findings: v.findings.map((f) => ({ ...f, incidentIds: f.incidentIds.map(intern) })),
    categories: v.assessment.record.categories,
    characteristics: v.assessment.record.characteristics,
  };
}

export interface PackIncident {
  /** 1, 2, 3…: the incident's number in this pack, oldest first. */
  ref: number;
  id: string;
  recordedAt: Date;
  recordedBy: Person;
  revision: number;
  body: IncidentBody;
  /** Oldest first. */
  revisions: {
    revision: number;
    editedAt: Date;
    editedBy: Person;
    reason: string | null;
    body: IncidentBody;
  }[];
  evidence: PackEvidence[];
  followUps: ({ id: string; createdAt: Date; createdBy: Person } & FollowUpBody)[];
  verdict: PackVerdict;
  /** Actor records the incident names (current revision). */
  actorIds: string[];
}

export interface PackActor {
  id: string;
  createdAt: Date;
  revision: number;
  body: ActorBody;
  /** The person (group of actor records) it belongs to. */
  person: string;
}

export interface PackPerson {
  person: string;
  actorIds: string[];
  /** All of the person's incidents in the campaign, and how many of them are in this pack. */
  incidentIds: string[];
  findings: Finding[];
}

export interface PackRecords {
  packId: string;
  generatedAt: Date;
  generatedBy: Person;
  campaign: { id: string; name: string; jurisdiction: string; forceName: string | null };
  scope: PackScope;
  /** The scope in words, e.g. "Every incident involving 'Man in the red van' (2 actor records)". */
  scopeTitle: string;
  incidents: PackIncident[];
  actors: PackActor[];
  people: PackPerson[];
  /** Findings about the campaign as a whole (bursts of activity) that name incidents in the pack. */
  campaignFindings: Finding[];
  /** Evidence files (deduplicated by SHA-256) to put in the ZIP. */
  files: { path: string; sha256: string; size: number; mediaType: string; kind: "file" | "text" }[];
}

const EXTENSIONS: Record<string, string> = {
  "image/jpeg": "jpg",
  "image/png": "png",
  "image/gif": "gif",
  "image/webp": "webp",
  "image/heic": "heic",
  "image/heif": "heif",
  "image/avif": "avif",
  "audio/mpeg": "mp3",
  "audio/mp4": "m4a",
  "audio/x-m4a": "m4a",
  "audio/aac": "aac",
  "audio/wav": "wav",
  "audio/x-wav": "wav",
  "audio/ogg": "ogg",
  "audio/opus": "opus",
  "audio/webm": "weba",
  "video/mp4": "mp4",
  "video/quicktime": "mov",
  "video/webm": "webm",
  "application/pdf": "pdf",
  "text/plain": "txt",
};

export const evidencePath = (sha256: string, mediaType: string) =>
  `evidence/${sha256}.${EXTENSIONS[mediaType] ?? "bin"}`;

type PackFiles = Map<string, PackRecords["files"][number]>;

/** Evidence items as a pack shows them, each with where its bytes go in the ZIP (added to `files`). */
export function packEvidence(
  deps: Deps,
  rows: readonly (typeof t.evidence.$inferSelect)[],
  nameOf: (id: string) => Person,
  files: PackFiles,
): PackEvidence[] {
  return rows.map((e) => {
    const shown = presentEvidence(deps, e, nameOf);
    const path =
      e.kind === "file"
        ? evidencePath(e.sha256, e.mediaType)
        : e.kind === "text"
          ? `evidence/${e.sha256}.txt`
          : null;
    if (path && !files.has(path))
      files.set(path, {
        path,
        sha256: e.sha256,
        size: e.size,
        mediaType: e.mediaType,
        kind: e.kind === "file" ? "file" : "text",
      });
    return { ...shown, path };
  });
}

/** The files of a pack in the order the ZIP lists them. */
export const sortedFiles = (files: PackFiles) =>
  [...files.values()].sort((a, b) => a.path.localeCompare(b.path));

const chunks = <T>(list: readonly T[], size = 1000): T[][] => {
  const out: T[][] = [];
  for (let i = 0; i < list.length; i += size) out.push(list.slice(i, i + size));
  return out;
};

async function inChunks<T>(ids: readonly string[], query: (chunk: string[]) => Promise<T[]>): Promise<T[]> {
  const out: T[] = [];
  for (const chunk of chunks(ids)) out.push(...(await query(chunk)));
  return out;
}

const UK_DAY = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "long",
  year: "numeric",
  timeZone: "UTC",
});

/** "1 November 2026", or a date and time in UK time. */
const boundInWords = (bound: string) =>
  isDateOnly(bound) ? UK_DAY.format(new Date(`${bound}T00:00:00Z`)) : ukDateTime(new Date(bound));

/** The ids of the scope's incidents, oldest first, and the scope in words. */
async function incidentsOfScope(
  deps: Deps,
  user: Principal,
  campaignId: string,
  scope: PackScope,
  actorLabel: (id: string) => string | undefined,
): Promise<{ ids: string[]; title: string }> {
  const inCampaign = eq(t.incidents.campaignId, campaignId);
  const order = [asc(t.incidents.occurredAt), asc(t.incidents.recordedAt), asc(t.incidents.id)] as const;
  if (scope.kind === "incident") {
    const [incident] = await deps.db.select().from(t.incidents).where(eq(t.incidents.id, scope.incidentId));
    if (!incident || incident.campaignId !== campaignId || !can(user, "read", "incident", incident))
      throw notFound("incident in this campaign");
    return { ids: [incident.id], title: "One incident" };
  }
  if (scope.kind === "actor") {
    const [actor] = await deps.db.select().from(t.actors).where(eq(t.actors.id, scope.actorId));
    if (!actor || actor.campaignId !== campaignId || !can(user, "read", "actor", actor))
      throw notFound("actor in this campaign");
    const { people } = await loadPeople(deps.db, deps, campaignId);
    const actorIds = actorsOfSamePeople(people, [actor.id]);
    const rows = await deps.db
      .selectDistinct({
        id: t.incidents.id,
        occurredAt: t.incidents.occurredAt,
        recordedAt: t.incidents.recordedAt,
      })
      .from(t.incidents)
      .innerJoin(t.incidentActors, eq(t.incidentActors.incidentId, t.incidents.id))
      .where(and(inCampaign, inArray(t.incidentActors.actorId, actorIds.length > 0 ? actorIds : [actor.id])))
      .orderBy(...order);
    const label = actorLabel(actor.id) ?? "this person";
    const others = actorIds.length - 1;
    return {
      ids: rows.map((r) => r.id),
      title: `Every incident involving '${label}'${others > 0 ? ` (and ${others} other actor record${others === 1 ? "" : "s"} the team linked as the same person)` : ""}`,
    };
  }
  const { start, end } = dateRangeBounds(scope.from, scope.to);
  const rows = await deps.db
    .select({ id: t.incidents.id })
    .from(t.incidents)
    .where(and(inCampaign, gte(t.incidents.occurredAt, start), lt(t.incidents.occurredAt, end)))
    .orderBy(...order);
  return {
    ids: rows.map((r) => r.id),
    title: `Every incident from ${boundInWords(scope.from)} to ${boundInWords(scope.to)}`,
  };
}

export async function loadPackRecords(
  deps: Deps,
  user: Principal,
  campaignId: string,
  scope: PackScope,
): Promise<PackRecords> {
  const [campaign] = await deps.db.select().from(t.campaigns).where(eq(t.campaigns.id, campaignId));
  if (!campaign) throw notFound("campaign");
  const actorList = await listActors(deps, user, campaignId);
  const actorById = new Map(actorList.map((a) => [a.id, a]));
  const { ids, title } = await incidentsOfScope(
    deps,
    user,
    campaignId,
    scope,
    (id) => actorById.get(id)?.body.label,
  );
  if (ids.length === 0) {
    throw badRequest(
      scope.kind === "actor"
        ? "scope.actorId: no incident names this actor yet, so there is nothing to put in a pack."
        : "scope: there are no incidents between these dates.",
      scope.kind === "actor" ? "scope.actorId" : "scope",
    );
  }
  if (ids.length > MAX_PACK_INCIDENTS) {
    throw badRequest(
      `scope: ${ids.length} incidents are more than one pack holds (${MAX_PACK_INCIDENTS}). Choose a shorter date range and make several packs.`,
      "scope",
    );
  }

  const [incidentRows, revisionRows, evidenceRows, followUpRows, members, [me]] = await Promise.all([
    inChunks(ids, (c) => deps.db.select().from(t.incidents).where(inArray(t.incidents.id, c))),
    inChunks(ids, (c) =>
      deps.db
        .select()
        .from(t.incidentRevisions)
        .where(inArray(t.incidentRevisions.incidentId, c))
        .orderBy(asc(t.incidentRevisions.revision)),
    ),
    inChunks(ids, (c) =>
      deps.db
        .select()
        .from(t.evidence)
        .where(inArray(t.evidence.incidentId, c))
        .orderBy(asc(t.evidence.addedAt)),
    ),
    inChunks(ids, (c) =>
      deps.db
        .select()
        .from(t.followUps)
        .where(inArray(t.followUps.incidentId, c))
        .orderBy(asc(t.followUps.createdAt)),
    ),
    deps.db
      .select({ id: t.users.id, displayName: t.users.displayName })
      .from(t.users)
      .innerJoin(t.campaignMembers, eq(t.campaignMembers.userId, t.users.id))
      .where(eq(t.campaignMembers.campaignId, campaignId)),
    deps.db
      .select({ id: t.users.id, displayName: t.users.displayName })
      .from(t.users)
      .where(eq(t.users.id, user.id)),
  ]);
  const names = new Map(members.map((m) => [m.id, m.displayName]));
  const nameOf = (id: string): Person => ({ id, displayName: names.get(id) ?? "former member" });
  const byIncident = <R extends { incidentId: string }>(rows: readonly R[]) => {
    const map = new Map<string, R[]>();
    for (const r of rows) map.set(r.incidentId, [...(map.get(r.incidentId) ?? []), r]);
    return map;
  };
  const revisionsOf = byIncident(revisionRows);
  const evidenceOf = byIncident(evidenceRows);
  const followUpsOf = byIncident(followUpRows);
  const incidentById = new Map(incidentRows.map((i) => [i.id, i]));

  const files: PackFiles = new Map();
  const incidents: PackIncident[] = [];
  // The verdict as the incident's page shows it (recomputed first if made by older rules), several
  // at a time: each is a few small queries, which PostgreSQL runs side by side.
  const verdicts: PackVerdict[] = [];
  const intern = idInterner();
  for (let k = 0; k < ids.length; k += VERDICTS_AT_ONCE) {
    const batch = ids.slice(k, k + VERDICTS_AT_ONCE).map((id) => {
      const incident = incidentById.get(id)!;
      const revision = (revisionsOf.get(id) ?? []).find((r) => r.revision === incident.currentRevision)!;
      const body = deps.secrets.decryptJson<IncidentBody>(
        revision.bodyEnc,
        revisionContext(id, revision.revision),
      );
      return currentVerdict(deps, incident, body).then((v) => packVerdict(v, intern));
    });
    verdicts.push(...(await Promise.all(batch)));
  }
  for (const [index, id] of ids.entries()) {
    const incident = incidentById.get(id)!;
    const revisions = (revisionsOf.get(id) ?? []).map((r) => {
      const decoded = decodeRevision(deps, r);
      return { ...decoded, editedBy: nameOf(decoded.editedBy) };
    });
    const current = revisions.find((r) => r.revision === incident.currentRevision) ?? revisions.at(-1)!;
    const evidence = packEvidence(deps, evidenceOf.get(id) ?? [], nameOf, files);
    incidents.push({
      ref: index + 1,
      id,
      recordedAt: incident.recordedAt,
      recordedBy: nameOf(incident.recordedBy),
      revision: incident.currentRevision,
      body: current.body,
      revisions,
      evidence,
      followUps: (followUpsOf.get(id) ?? []).map((f) => ({
        id: f.id,
        createdAt: f.createdAt,
        createdBy: nameOf(f.createdBy),
        ...deps.secrets.decryptJson<FollowUpBody>(f.bodyEnc, followUpContext(f.id)),
      })),
      verdict: verdicts[index]!,
      actorIds: [...new Set(current.body.actorIds)],
    });
  }

  // The people behind the pack's incidents, with every actor record the team linked to them.
  const patterns = await campaignPatterns(deps, campaignId);
  const inPack = new Set(ids);
  const named = new Set(incidents.flatMap((i) => i.actorIds));
  const people = patterns.people.filter((p) => p.actorIds.some((a) => named.has(a)));
  const actors: PackActor[] = people
    .flatMap((p) => p.actorIds.map((actorId) => ({ actorId, person: p.person })))
    .map(({ actorId, person }) => ({ actor: actorById.get(actorId), person }))
    .filter((a): a is { actor: NonNullable<typeof a.actor>; person: string } => !!a.actor)
    .map(({ actor, person }) => ({
      id: actor.id,
      createdAt: actor.createdAt,
      revision: actor.revision,
      body: actor.body,
      person,
    }));

  return {
    packId: randomUUID(),
    generatedAt: deps.now(),
    generatedBy: me ?? { id: user.id, displayName: "unknown" },
    campaign: {
      id: campaign.id,
      name: campaign.name,
      jurisdiction: campaign.jurisdiction,
      forceName: campaign.forceId ? (findForce(campaign.forceId)?.name ?? null) : null,
    },
    scope,
    scopeTitle: title,
    incidents,
    actors,
    people: people.map((p) => ({
      person: p.person,
      actorIds: p.actorIds,
      incidentIds: p.incidentIds,
      findings: p.findings,
    })),
    campaignFindings: patterns.campaignFindings.filter((f) => f.incidentIds.some((id) => inPack.has(id))),
    files: sortedFiles(files),
  };
}
