// The evidence pack a force's SPOC makes of an incident shared with their force: the same signed ZIP
// or PDF as the team's, holding exactly what the force was given (revisions and evidence up to when
// sharing stopped, the verdict as it stood then, naming only incidents shared with the force). The
// team's follow-ups, the people behind the incident and the platform report texts stay with the team.
import { randomUUID } from "node:crypto";
import { and, asc, eq, lte } from "drizzle-orm";
import * as t from "../../store/schema.ts";
import type { IncidentBody } from "../../core/incident/model.ts";
import { findForce } from "../../core/forces.ts";
import { ukDateTime } from "../../core/evidence-pack/index.ts";
import type { Deps } from "../deps.ts";
import { notFound } from "../errors.ts";
import { can, type Principal } from "../policies/index.ts";
import { revisionContext } from "../commands/incidents.ts";
import { verdictAsOf } from "../commands/police.ts";
import { narrowVerdict } from "../commands/present-verdict.ts";
import { sharedIncidentTarget, sharedWithForce } from "../commands/sharing.ts";
import { writeEvidencePack, type PackDownload, type PackFormat } from "./export.ts";
import { packEvidence, packVerdict, sortedFiles, type PackRecords, type Person } from "./load.ts";

const TEAM: Person = { id: "team", displayName: "the candidate's team" };

export async function loadSharedPackRecords(
  deps: Deps,
  spoc: Principal,
  incidentId: string,
): Promise<PackRecords> {
  const target = await sharedIncidentTarget(deps.db, incidentId);
  const view = target.views.find((v) => v.forceId === spoc.forceId);
  if (!can(spoc, "export-evidence", "shared-incident", target) || !view) throw notFound("incident");
  const [incident] = await deps.db.select().from(t.incidents).where(eq(t.incidents.id, incidentId));
  if (!incident) throw notFound("incident");
  const until = view.until;
  const [[campaign], revisionRows, evidenceRows, forceViews, sharedActors, [me]] = await Promise.all([
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
    deps.db.select({ displayName: t.users.displayName }).from(t.users).where(eq(t.users.id, spoc.id)),
  ]);
  if (!campaign || revisionRows.length === 0) throw notFound("incident");
  const revisions = revisionRows.map((r) => ({
    revision: r.revision,
    editedAt: r.editedAt,
    editedBy: TEAM,
    reason: r.reasonEnc
      ? deps.secrets.decrypt(r.reasonEnc, `${revisionContext(incidentId, r.revision)}:reason`)
      : null,
    body: deps.secrets.decryptJson<IncidentBody>(r.bodyEnc, revisionContext(incidentId, r.revision)),
  }));
  const latest = revisions.at(-1)!;
  const verdict = await verdictAsOf(deps, incident, latest.body, until);
  if (!verdict) throw notFound("incident");
  const visible = {
    incidents: new Set(forceViews.keys()),
    actors: new Set(sharedActors.flatMap((s) => (s.actorId ? [s.actorId] : []))),
  };
  const files: Parameters<typeof packEvidence>[3] = new Map();
  const force = findForce(view.forceId)?.name ?? view.forceId;
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
    scopeTitle: `One incident, as shared with ${force} on ${ukDateTime(view.sharedAt)}${until ? ` (updates stopped on ${ukDateTime(until)})` : ""}`,
    incidents: [
      {
        ref: 1,
        id: incident.id,
        recordedAt: incident.recordedAt,
        recordedBy: TEAM,
        revision: latest.revision,
        body: { ...latest.body, actorIds: [] },
        revisions: revisions.map((r) => ({ ...r, body: { ...r.body, actorIds: [] } })),
        evidence: packEvidence(deps, evidenceRows, () => TEAM, files),
        followUps: [],
        verdict: packVerdict(narrowVerdict(verdict, visible)),
        actorIds: [],
      },
    ],
    actors: [],
    people: [],
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
