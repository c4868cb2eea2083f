// Patterns across a campaign: the people behind incidents and what their behaviour shows, and keeping
// verdicts in step when the team merges or splits actor records or changes an actor's identifiers.
import { eq } from "drizzle-orm";
import * as t from "../../store/schema.ts";
import { currentFindings, recomputePatterns, suggestedLinks } from "../../core/patterns/index.ts";
import type { Deps } from "../deps.ts";
import type { Principal } from "../policies/index.ts";
import { actorsOfSamePeople, decideActorLink, loadPeople } from "./people.ts";
import { campaignRecords, reconsiderPeople } from "./verdicts.ts";

/** Each person (a group of actor records), their incidents, and the current findings. */
export async function campaignPatterns(deps: Deps, campaignId: string) {
  const [{ actors, decisions, people }, records, incidentActors] = await Promise.all([
    loadPeople(deps.db, deps, campaignId),
    campaignRecords(deps, campaignId),
    deps.db
      .select({ incidentId: t.incidentActors.incidentId, actorId: t.incidentActors.actorId })
      .from(t.incidentActors)
      .innerJoin(t.actors, eq(t.actors.id, t.incidentActors.actorId))
      .where(eq(t.actors.campaignId, campaignId)),
  ]);
  const findings = currentFindings(recomputePatterns(records, people));
  const persons = new Map<string, { person: string; actorIds: string[]; incidentIds: Set<string> }>();
  for (const actor of actors) {
    const person = people.get(actor.id) ?? actor.id;
    const entry = persons.get(person) ?? { person, actorIds: [], incidentIds: new Set<string>() };
    entry.actorIds.push(actor.id);
    persons.set(person, entry);
  }
  for (const link of incidentActors)
    persons.get(people.get(link.actorId) ?? link.actorId)?.incidentIds.add(link.incidentId);
  return {
    people: [...persons.values()]
      .map((p) => ({
        person: p.person,
        actorIds: p.actorIds.sort(),
        incidentIds: [...p.incidentIds],
        findings: findings.filter((f) => f.person === p.person),
      }))
      .sort((a, b) => b.incidentIds.length - a.incidentIds.length || a.person.localeCompare(b.person)),
    campaignFindings: findings.filter((f) => f.person === null),
    suggestedLinks: suggestedLinks(actors, decisions, people),
  };
}

/** Merges or splits two actor records, then brings the verdicts of everyone involved up to date. */
export async function linkActors(
  deps: Deps,
  by: Principal,
  campaignId: string,
  input: { actorIds: [string, string]; decision: "same" | "different" },
) {
  const before = actorsOfSamePeople((await loadPeople(deps.db, deps, campaignId)).people, input.actorIds);
  const decided = await decideActorLink(deps, by, campaignId, input);
  const reconsidered = await reconsiderPeople(deps, campaignId, [...before, ...input.actorIds]);
  return { ...decided, verdictsChanged: reconsidered };
}

/** The actors whose incidents may read differently after this actor's identifiers change. */
export async function peopleAround(deps: Deps, campaignId: string, actorId: string): Promise<string[]> {
  return actorsOfSamePeople((await loadPeople(deps.db, deps, campaignId)).people, [actorId]);
}
