// A generated campaign: the escalation is found where it happens and nowhere earlier, linked records are
// one person, and the one-pass recompute gives exactly what findingsAt gives at each incident.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  compareIncidents,
  currentFindings,
  findingsAt,
  groupActorsIntoPeople,
  recomputePatterns,
  suggestedLinks,
} from "../../../src/core/patterns/index.ts";
import { createRng } from "../../../src/core/demo/prng.ts";
import { generateCampaignHistory, generateLargeHistory } from "./generate-history.ts";

const history = generateCampaignHistory();
const people = groupActorsIntoPeople(history.actors, []);
const recomputed = recomputePatterns(history.incidents, people);
const inTimeOrder = [...history.incidents].sort(compareIncidents);
const { escalator } = history;

describe("a generated campaign history", () => {
  it("has several hundred incidents over about four months", () => {
    assert.ok(history.incidents.length >= 300, `${history.incidents.length} incidents`);
    const days = (inTimeOrder.at(-1)!.occurredAt - inTimeOrder[0]!.occurredAt) / 86_400_000;
    assert.ok(days > 100 && days < 130, `${days} days`);
    assert.equal(history.actors.length, 15);
  });

  it("groups the linked records into one person each, and leaves a shared name alone", () => {
    for (const group of history.samePerson) {
      assert.deepEqual(
        group.map((id) => people.get(id)),
        group.map(() => group[0]),
        group.join(", "),
      );
    }
    const [a, b] = history.nameOnly;
    assert.notEqual(people.get(a), people.get(b));
    assert.deepEqual(
      suggestedLinks(history.actors, [], people).map((l) => [l.a, l.b]),
      [[a, b]],
    );
    assert.equal(new Set(people.values()).size, 11);
  });

  it("finds the move from messages to the doorstep exactly where it happens", () => {
    const where = [...recomputed].filter(([, fs]) => fs.some((f) => f.kind === "online-to-in-person"));
    assert.deepEqual(
      where.map(([id]) => id),
      [escalator.firstInPersonId],
    );
    const f = where[0]![1].find((f) => f.kind === "online-to-in-person")!;
    assert.equal(f.person, escalator.person);
    assert.equal(f.level, "call-999", "the earlier messages included threats");
    assert.deepEqual(f.actorIds, escalator.actorIds);
    assert.equal(f.incidentIds.at(-1), escalator.firstInPersonId);
    // Every earlier incident of the person, oldest first.
    const theirs = inTimeOrder.filter((i) => i.actorIds.some((a) => people.get(a) === escalator.person));
    const upTo = theirs.slice(0, theirs.findIndex((i) => i.id === escalator.firstInPersonId) + 1);
    assert.deepEqual(
      f.incidentIds,
      upTo.map((i) => i.id),
    );
  });

  it("finds the approach to the home at the first visit, and at no earlier incident", () => {
    const firstHome = inTimeOrder.findIndex((i) => i.id === escalator.firstHomeId);
    for (const i of inTimeOrder.slice(0, firstHome)) {
      const kinds = recomputed.get(i.id)!.map((f) => f.kind);
      assert.ok(!kinds.includes("approach-home"), `approach-home at ${i.id}`);
    }
    const atHome = recomputed.get(escalator.firstHomeId)!;
    const f = atHome.find((f) => f.kind === "approach-home")!;
    assert.equal(f.level, "call-999");
    assert.equal(f.person, escalator.person);
    assert.ok(
      atHome.some((f) => f.kind === "several-targets"),
      "the home visit also targets the family",
    );
    assert.ok(!atHome.some((f) => f.kind === "online-to-in-person"), "already in person before");
  });

  it("recomputePatterns gives exactly what findingsAt gives at every incident", () => {
    assert.equal(recomputed.size, history.incidents.length);
    assert.deepEqual(
      [...recomputed.keys()],
      inTimeOrder.map((i) => i.id),
    );
    // findingsAt gets every incident (later ones too, in shuffled order) and must ignore what came after.
    const shuffled = createRng(99).shuffle(history.incidents);
    for (const i of history.incidents) {
      assert.deepEqual(findingsAt(i, shuffled, people), recomputed.get(i.id), i.id);
    }
  });

  it("recomputePatterns equals findingsAt on a busier generated history too", () => {
    const big = generateLargeHistory({ incidents: 1500, people: 60, seed: 5 });
    const bigPeople = groupActorsIntoPeople(big.actors, []);
    const all = recomputePatterns(big.incidents, bigPeople);
    const kinds = new Set([...all.values()].flat().map((f) => f.warningBehaviour ?? f.kind));
    assert.ok(kinds.size >= 12, [...kinds].join(", "));
    for (const i of big.incidents)
      assert.deepEqual(findingsAt(i, big.incidents, bigPeople), all.get(i.id), i.id);
  });

  it("gives the same findings whatever order the incidents come in", () => {
    assert.deepEqual(recomputePatterns(inTimeOrder, people), recomputed);
    assert.deepEqual(recomputePatterns([...inTimeOrder].reverse(), people), recomputed);
  });

  it("currentFindings keeps the latest finding per person, kind and warning behaviour", () => {
    const current = currentFindings(recomputed);
    const keys = current.map((f) => `${f.person}/${f.kind}/${f.warningBehaviour ?? ""}`);
    assert.equal(new Set(keys).size, keys.length);
    const course = current.find((f) => f.person === escalator.person && f.kind === "course-of-conduct")!;
    const theirs = inTimeOrder.filter((i) => i.actorIds.some((a) => people.get(a) === escalator.person));
    assert.equal(course.incidentIds.length, theirs.length);
    assert.equal(current[0]!.level, "call-999", "most serious first");
    const fixation = current.find((f) => f.person === escalator.person && f.kind === "fixation");
    assert.equal(fixation?.theme, "bypass");
  });

  it("never says something is not a crime", () => {
    for (const findings of recomputed.values())
      for (const f of findings) assert.doesNotMatch(f.explanation, /not a crime|not illegal/i);
  });
});
