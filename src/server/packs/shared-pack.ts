// The evidence pack a force's SPOC makes of an incident shared with their force: the same signed ZIP
// or PDF as the team's, holding exactly what the force was given (revisions and evidence up to when
// sharing stopped, the verdict as it stood then, naming only incidents shared with the force, and the
// people the team shared with the force). The team's follow-ups, actor records it did not share and the
// platform report texts stay with the team.
import { randomUUID } from "node:crypto";
import { eq, inArray } from "drizzle-orm";
import * as t from "../../store/schema.ts";
import { findForce } from "../../core/forces.ts";
import { ukDateTime } from "../../core/evidence-pack/index.ts";
import type { Deps } from "../deps.ts";
import { notFound } from "../errors.ts";
import type { Principal } from "../policies/index.ts";
import { incidentAsShared } from "../commands/police.ts";
import { forceViewOf, sharedWithForce } from "../commands/sharing.ts";
import { sharedActorsOf } from "../commands/shared-actors.ts";
import { writeEvidencePack, type PackDownload, type PackFormat } from "./export.ts";
import { packEvidence, packVerdict, sortedFiles, type PackRecords, type Person } from "./load.ts";

const TEAM: Person = { id: "team", displayName: "the candidate's team" };

export async function loadSharedPackRecords(
  deps: Deps,
  spoc: Principal,
  incidentId: string,
): Promise<PackRecords> {
  const view = await forceViewOf(deps.db, spoc, incidentId, "export-evidence");
  const [shared, [me]] = await Promise.all([
    incidentAsShared(deps, view),
    deps.db.select({ displayName: t.users.displayName }).from(t.users).where(eq(t.users.id, spoc.id)),
  ]);
  const { incident, campaign, latest, verdict } = shared;
  if (!verdict) throw notFound("incident");
  const actors = await sharedActorsOf(deps, view, incident.recordedAt);
  const actorIds = actors.map((a) => a.id);
  const incidentsOfActor = actorIds.length
    ? await deps.db.select().from(t.incidentActors).where(inArray(t.incidentActors.actorId, actorIds))
    : [];
  // Which of those incidents the force was given (not every incident shared with the force).
  const visible = incidentsOfActor.length
    ? await sharedWithForce(
        deps.db,
        view.forceId,
        incidentsOfActor.map((r) => r.incidentId),
      )
    : new Map();
  const files: Parameters<typeof packEvidence>[3] = new Map();
  const force = findForce(view.forceId)?.name ?? view.forceId;
  // The incident names only the people shared with the force; other actor records stay with the team.
  const namingSharedActors = <R extends { body: PackRecords["incidents"][number]["body"] }>(r: R) => ({
    ...r,
    body: { ...r.body, actorIds: (r.body.actorIds ?? []).filter((id) => actorIds.includes(id)) },
  });
  return {
    packId: randomUUID(),
    generatedAt: deps.now(),
    generatedBy: { id: spoc.id, displayName: `${me?.displayName ?? "police"} (${force})` },
    campaign: {
      id: campaign.id,
      name: campaign.name,
      jurisdiction: campaign.jurisdiction,
      forceName: campaign.forceId ? (findForce(campaign.forceId)?.name ?? null) : null,
    },
    scope: { kind: "incident", incidentId },
    scopeTitle: `One incident, as shared with ${force} on ${ukDateTime(view.sharedAt)}${view.until ? ` (updates stopped on ${ukDateTime(view.until)})` : ""}`,
    incidents: [
      {
        ref: 1,
        id: incident.id,
        recordedAt: incident.recordedAt,
        recordedBy: TEAM,
        revision: latest.revision,
        body: namingSharedActors(latest).body,
        revisions: shared.revisions.map((r) => ({ ...namingSharedActors(r), editedBy: TEAM })),
        evidence: packEvidence(deps, shared.evidenceRows, () => TEAM, files),
        followUps: [],
        verdict: packVerdict(verdict),
        actorIds,
      },
    ],
    actors: actors.map((a) => ({
      id: a.id,
      createdAt: a.createdAt,
      revision: a.revision,
      body: a.body,
      person: a.id,
    })),
    // Each shared person with the incidents of theirs the force was given (their findings are in the
    // incident's verdict, narrowed to what the force was given).
    people: actors.map((a) => ({
      person: a.id,
      actorIds: [a.id],
      incidentIds: incidentsOfActor
        .filter((r) => r.actorId === a.id && visible.has(r.incidentId))
        .map((r) => r.incidentId),
      findings: [],
    })),
    campaignFindings: [],
    files: sortedFiles(files),
  };
}

/** A SPOC's pack of one incident shared with their force, as it was shared. */
export async function exportSharedIncidentPack(
  deps: Deps,
  spoc: Principal,
  incidentId: string,
  format: PackFormat,
): Promise<PackDownload> {
  const records = await loadSharedPackRecords(deps, spoc, incidentId);
  return writeEvidencePack(deps, spoc, records, format, { platformReports: false });
}
