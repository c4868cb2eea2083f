// Platform report texts: gathering an online incident's link, the words as received, the account, its
// verdict and its history with the same account, for src/core/evidence-pack/platform-report.ts.
import { and, asc, desc, eq, inArray } from "drizzle-orm";
import * as t from "../../store/schema.ts";
import {
  hasPlatformReport,
  platformReport,
  type PlatformReport,
  type PlatformReportInput,
} from "../../core/evidence-pack/index.ts";
import type { ActorBody, FollowUpBody, IncidentBody, Platform } from "../../core/incident/model.ts";
import type { Deps } from "../deps.ts";
import { badRequest } from "../errors.ts";
import { can, type Principal } from "../policies/index.ts";
import { listActors } from "../commands/actors.ts";
import {
  findIncidentForUser,
  followUpContext,
  presentEvidence,
  recordRead,
  revisionContext,
} from "../commands/incidents.ts";
import { actorsOfSamePeople, loadPeople } from "../commands/people.ts";
import { currentVerdict } from "../commands/verdicts.ts";
import { packVerdict, type PackVerdict } from "./load.ts";

export interface ActorIncident {
  id: string;
  occurredAt: Date;
  platform: string | null;
  actorId: string;
}

/** When the campaign's incidents that name these actors happened (to count earlier ones from the same account). */
export async function incidentsOfActors(
  deps: Deps,
  campaignId: string,
  actorIds: readonly string[],
): Promise<ActorIncident[]> {
  if (actorIds.length === 0) return [];
  return deps.db
    .select({
      id: t.incidents.id,
      occurredAt: t.incidents.occurredAt,
      platform: t.incidents.platform,
      actorId: t.incidentActors.actorId,
    })
    .from(t.incidentActors)
    .innerJoin(t.incidents, eq(t.incidents.id, t.incidentActors.incidentId))
    .where(and(eq(t.incidents.campaignId, campaignId), inArray(t.incidentActors.actorId, [...actorIds])))
    .orderBy(asc(t.incidents.occurredAt));
}

export interface ReportableIncident {
  id: string;
  body: IncidentBody;
  evidence: readonly { kind: string; text: string | null; url: string | null }[];
  followUps: readonly FollowUpBody[];
  verdict: PackVerdict;
}

/**
 * The report for one incident. `accounts` are the actor records it names (as the reader may see them);
 * `history` the incidents of the same people, to say how often the account came back.
 */
export function reportFor(
  incident: ReportableIncident,
  accounts: readonly ActorBody[],
  history: readonly Omit<ActorIncident, "actorId">[],
): PlatformReport {
  const platform = incident.body.platform as Platform;
  const occurredAt = new Date(incident.body.occurredAt);
  const earlierById = new Map(
    history
      .filter(
        (h) =>
          h.id !== incident.id && h.platform === platform && h.occurredAt.getTime() < occurredAt.getTime(),
      )
      .map((h) => [h.id, h]),
  );
  const earlier = [...earlierById.values()].sort((a, b) => a.occurredAt.getTime() - b.occurredAt.getTime());
  const reference = [...incident.followUps].reverse().find((f) => f.policeReference)?.policeReference;
  const input: PlatformReportInput = {
    platform,
    occurredAt,
    summary: incident.body.summary,
    description: incident.body.description,
    url: incident.body.url,
    links: incident.evidence.filter((e) => e.kind === "url" && e.url).map((e) => e.url!),
    messages: incident.evidence.filter((e) => e.kind === "text" && e.text).map((e) => e.text!),
    accounts: accounts.flatMap((a) => a.identifiers),
    targeted: incident.body.targeted,
    level: incident.verdict.level,
    categories: incident.verdict.categories,
    characteristics: incident.verdict.characteristics,
    earlierFromSameAccount: earlier.length,
    firstFromSameAccount: earlier[0]?.occurredAt,
    policeReference: reference,
  };
  return platformReport(input);
}

/** GET /api/incidents/:id/platform-report: the text for one online incident. Records that the user read it. */
export async function incidentPlatformReport(deps: Deps, user: Principal, incidentId: string) {
  const incident = await findIncidentForUser(deps, user, incidentId);
  if (!hasPlatformReport(incident.channel as never, incident.platform as Platform | null)) {
    throw badRequest(
      incident.channel === "social-media" || incident.channel === "other-online"
        ? "This incident does not say which platform it happened on. Add the platform (amend the incident), then ask for the report again."
        : `This incident did not happen on an online platform (it was recorded as '${incident.channel}'), so there is no platform report. Platform reports are for social media and other online incidents.`,
    );
  }
  const [[revision], evidenceRows, followUpRows] = await Promise.all([
    deps.db
      .select()
      .from(t.incidentRevisions)
      .where(
        and(
          eq(t.incidentRevisions.incidentId, incidentId),
          eq(t.incidentRevisions.revision, incident.currentRevision),
        ),
      ),
    deps.db
      .select()
      .from(t.evidence)
      .where(eq(t.evidence.incidentId, incidentId))
      .orderBy(asc(t.evidence.addedAt)),
    deps.db
      .select()
      .from(t.followUps)
      .where(eq(t.followUps.incidentId, incidentId))
      .orderBy(desc(t.followUps.createdAt)),
  ]);
  const body = deps.secrets.decryptJson<IncidentBody>(
    revision!.bodyEnc,
    revisionContext(incidentId, incident.currentRevision),
  );
  const verdict = await currentVerdict(deps, incident, body);
  // Only the actor records this user may see (a "log only" member sees those they created).
  const visible = (await listActors(deps, user, incident.campaignId)).filter((a) =>
    body.actorIds.includes(a.id),
  );
  const { people } = await loadPeople(deps.db, deps, incident.campaignId);
  const history = await incidentsOfActors(
    deps,
    incident.campaignId,
    actorsOfSamePeople(
      people,
      visible.map((a) => a.id),
    ),
  );
  const readable =
    history.length === 0
      ? new Set<string>()
      : await readableIncidents(
          deps,
          user,
          history.map((h) => h.id),
        );
  const report = reportFor(
    {
      id: incidentId,
      body,
      evidence: evidenceRows.map((e) => presentEvidence(deps, e, (id) => ({ id, displayName: "" }))),
      followUps: followUpRows
        .reverse()
        .map((f) => deps.secrets.decryptJson<FollowUpBody>(f.bodyEnc, followUpContext(f.id))),
      verdict: packVerdict(verdict),
    },
    visible.map((a) => a.body),
    history.filter((h) => readable.has(h.id)),
  );
  await recordRead(deps, user, incidentId, null);
  return {
    platform: report.platform,
    platformName: report.platformName,
    text: report.text,
    rules: report.rules,
  };
}

async function readableIncidents(deps: Deps, user: Principal, ids: readonly string[]): Promise<Set<string>> {
  const rows = await deps.db
    .select({ id: t.incidents.id, campaignId: t.incidents.campaignId, recordedBy: t.incidents.recordedBy })
    .from(t.incidents)
    .where(inArray(t.incidents.id, [...ids]));
  return new Set(rows.filter((r) => can(user, "read", "incident", r)).map((r) => r.id));
}
