// A verdict as the API shows it: everything the person needs, without the internal assessment, and
// (for a "log only" member) without naming incidents or actor records they may not see. The
// findings themselves stay: knowing that the same person keeps coming back matters to their safety.
import { and, eq } from "drizzle-orm";
import * as t from "../../store/schema.ts";
import type { Finding } from "../../core/patterns/types.ts";
import type { Verdict } from "../../core/triage/index.ts";
import type { Deps } from "../deps.ts";
import { incidentListScope, actorListScope, type Principal } from "../policies/index.ts";

export type PresentedVerdict = Omit<Verdict, "assessment">;

/** The incidents and actor records a member may see, or undefined when they see the whole campaign. */
export interface Visibility {
  incidents: ReadonlySet<string>;
  actors: ReadonlySet<string>;
}

export async function visibilityFor(
  deps: Deps,
  user: Principal,
  campaignId: string,
  alsoIncident?: string,
): Promise<Visibility | undefined> {
  if (incidentListScope(user, campaignId) === "all" && actorListScope(user, campaignId) === "all")
    return undefined;
  const [incidents, actors] = await Promise.all([
    deps.db
      .select({ id: t.incidents.id })
      .from(t.incidents)
      .where(and(eq(t.incidents.campaignId, campaignId), eq(t.incidents.recordedBy, user.id))),
    deps.db
      .select({ id: t.actors.id })
      .from(t.actors)
      .where(and(eq(t.actors.campaignId, campaignId), eq(t.actors.createdBy, user.id))),
  ]);
  const visibleIncidents = new Set(incidents.map((i) => i.id));
  if (alsoIncident) visibleIncidents.add(alsoIncident);
  return { incidents: visibleIncidents, actors: new Set(actors.map((a) => a.id)) };
}

function narrowFinding(f: Finding, visible: Visibility): Finding {
  return {
    ...f,
    person: f.person !== null && visible.actors.has(f.person) ? f.person : null,
    actorIds: f.actorIds.filter((id) => visible.actors.has(id)),
    incidentIds: f.incidentIds.filter((id) => visible.incidents.has(id)),
  };
}

export function presentVerdict(verdict: Verdict, visible?: Visibility): PresentedVerdict {
  const { assessment: _internal, ...shown } = visible ? narrowVerdict(verdict, visible) : verdict;
  return shown;
}

/** The verdict with the people and incidents outside `visible` taken out of its findings and reasons. */
export function narrowVerdict(verdict: Verdict, visible: Visibility): Verdict {
  return {
    ...verdict,
    findings: verdict.findings.map((f) => narrowFinding(f, visible)),
    reasons: verdict.reasons.map((r) =>
      r.incidentIds ? { ...r, incidentIds: r.incidentIds.filter((id) => visible.incidents.has(id)) } : r,
    ),
  };
}
