// `shield demo`: fill a fresh database with the synthetic campaign from core/demo, through the same
// commands the API uses (so every record is encrypted, chained and verifiable like a real one).
import { buildDemoCampaign } from "../core/demo/index.ts";
import {
  ActorBodySchema,
  FollowUpBodySchema,
  IncidentBodySchema,
  InlineEvidenceSchema,
} from "../core/incident/model.ts";
import * as t from "../store/schema.ts";
import {
  acceptInvitation,
  createCandidate,
  inviteTeamMember,
  resolveSession,
  startSession,
} from "../server/commands/accounts.ts";
import { createActor } from "../server/commands/actors.ts";
import { addFollowUp, amendIncident, recordIncident } from "../server/commands/incidents.ts";
import { addFileEvidence, addInlineEvidence } from "../server/commands/evidence.ts";
import type { Deps } from "../server/deps.ts";
import type { Principal } from "../server/policies/index.ts";

export interface DemoSummary {
  campaignName: string;
  people: { role: string; email: string; password: string }[];
  incidents: number;
  actors: number;
  evidence: number;
}

const tokenOf = (link: string) => new URL(link).hash.replace(/^#token=/, "");

async function principalOf(deps: Deps, user: typeof t.users.$inferSelect): Promise<Principal> {
  const session = await startSession(deps, user, "shield demo");
  const resolved = await resolveSession(deps, session.token);
  return resolved!.principal;
}

export async function loadDemo(
  baseDeps: Deps,
  options: { now?: Date; seed?: number } = {},
): Promise<DemoSummary> {
  const [existing] = await baseDeps.db.select({ id: t.users.id }).from(t.users).limit(1);
  if (existing)
    throw new Error(
      "This database already has accounts. The demo only fills a fresh database (use an empty DATA_DIR).",
    );
  const now = options.now ?? baseDeps.now();
  const demo = buildDemoCampaign({ now, seed: options.seed });
  const at = (iso: string): Deps => ({ ...baseDeps, now: () => new Date(iso) });
  const start = new Date(
    Math.min(...demo.incidents.map((i) => Date.parse(i.body.occurredAt))) - 7 * 24 * 3600_000,
  ).toISOString();

  const { user: candidateUser, campaignId } = await createCandidate(at(start), {
    email: demo.candidate.email,
    displayName: demo.candidate.displayName,
    password: demo.candidate.password,
    campaignName: demo.campaign.name,
    jurisdiction: demo.campaign.jurisdiction,
    forceId: demo.campaign.forceId,
  });
  let candidate = await principalOf(baseDeps, candidateUser);
  const people = new Map<string, Principal>([[demo.candidate.key, candidate]]);
  for (const member of demo.members) {
    const invitation = await inviteTeamMember(at(start), candidate, campaignId, {
      email: member.email,
      permission: member.permission,
    });
    const user = await acceptInvitation(at(start), {
      token: tokenOf(invitation.link),
      displayName: member.displayName,
      password: member.password,
    });
    people.set(member.key, await principalOf(baseDeps, user));
  }
  candidate = await principalOf(baseDeps, candidateUser);
  people.set(demo.candidate.key, candidate);

  // Each actor is recorded by the first person who meets them, as it would happen in a real campaign.
  const actorIds = new Map<string, { id: string; createdBy: string }>();
  const actorFor = async (key: string, by: Principal, when: Deps): Promise<string | undefined> => {
    let actor = actorIds.get(key);
    if (!actor) {
      const spec = demo.actors.find((a) => a.key === key)!;
      actor = {
        id: (await createActor(when, by, campaignId, ActorBodySchema.parse(spec.body))).id,
        createdBy: by.id,
      };
      actorIds.set(key, actor);
    }
    const visible = by.memberships.get(campaignId) !== "log-only" || actor.createdBy === by.id;
    return visible ? actor.id : undefined;
  };

  let evidenceCount = 0;
  for (const incident of demo.incidents) {
    const by = people.get(incident.recordedBy)!;
    const { actorKeys, ...rest } = incident.body;
    const linked = await Promise.all(actorKeys.map((k) => actorFor(k, by, at(incident.recordedAt))));
    const body = IncidentBodySchema.parse({ ...rest, actorIds: linked.filter((id) => id !== undefined) });
    const recorded = await recordIncident(at(incident.recordedAt), by, campaignId, body);
    for (const e of incident.evidence) {
      const when = at(incident.recordedAt);
      if (e.kind === "file") {
        await addFileEvidence(when, by, recorded.id, {
          bytes: Buffer.from(e.bytes),
          filename: e.filename,
          source: e.source,
          capturedAt: e.capturedAt,
        });
      } else {
        await addInlineEvidence(when, by, recorded.id, InlineEvidenceSchema.parse(e));
      }
      evidenceCount++;
    }
    const later = new Date(
      Math.min(Date.parse(incident.recordedAt) + 2 * 24 * 3600_000, now.getTime()),
    ).toISOString();
    for (const f of incident.followUps)
      await addFollowUp(at(later), by, recorded.id, FollowUpBodySchema.parse(f));
    if (incident.amendment) {
      const amended = IncidentBodySchema.parse({ ...body, ...incident.amendment.changes });
      await amendIncident(at(later), by, recorded.id, { body: amended, reason: incident.amendment.reason });
    }
  }
  return {
    campaignName: demo.campaign.name,
    people: [
      { role: "candidate", email: demo.candidate.email, password: demo.candidate.password },
      ...demo.members.map((m) => ({
        role: `team member (${m.permission})`,
        email: m.email,
        password: m.password,
      })),
    ],
    incidents: demo.incidents.length,
    actors: demo.actors.length,
    evidence: evidenceCount,
  };
}
