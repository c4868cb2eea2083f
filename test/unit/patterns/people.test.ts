import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { groupActorsIntoPeople, suggestedLinks } from "../../../src/core/patterns/index.ts";
import type { ActorLinkDecision, PatternActor } from "../../../src/core/patterns/index.ts";
import { actor } from "./generate-history.ts";

const samePerson = (people: ReadonlyMap<string, string>, ...ids: string[]) =>
  new Set(ids.map((id) => people.get(id))).size === 1;

describe("groupActorsIntoPeople", () => {
  it("links records that share a handle, whatever channel each came from", () => {
    const actors = [
      actor("b-from-x", { identifierKeys: ["handle:k-bypassbob"] }),
      actor("a-from-email", { identifierKeys: ["email:k-bob", "handle:k-bypassbob"] }),
      actor("c-other", { identifierKeys: ["handle:k-someone-else"] }),
    ];
    const people = groupActorsIntoPeople(actors, []);
    assert.equal(people.get("b-from-x"), "a-from-email", "the person key is the smallest actor id");
    assert.equal(people.get("a-from-email"), "a-from-email");
    assert.equal(people.get("c-other"), "c-other");
  });

  it("links a phone typed two ways only when the normalised keys are equal", () => {
    // "07700 900123" and "+44 7700 900123" normalise to the same key; a different number does not.
    const actors = [
      actor("a", { identifierKeys: ["phone:k-447700900123"] }),
      actor("b", { identifierKeys: ["phone:k-447700900123"] }),
      actor("c", { identifierKeys: ["phone:k-447700900124"] }),
    ];
    const people = groupActorsIntoPeople(actors, []);
    assert.ok(samePerson(people, "a", "b"));
    assert.ok(!samePerson(people, "a", "c"));
  });

  it("does not link records of different kinds that happen to share a value", () => {
    const people = groupActorsIntoPeople(
      [actor("a", { identifierKeys: ["handle:k-x"] }), actor("b", { identifierKeys: ["email:k-x"] })],
      [],
    );
    assert.ok(!samePerson(people, "a", "b"));
  });

  it("does not link on a name alone", () => {
    const actors = [
      actor("a", { nameKeys: ["name:k-john-smith"], descriptionWords: ["tall", "red", "coat"] }),
      actor("b", { nameKeys: ["name:k-john-smith"], descriptionWords: ["short", "blue", "coat"] }),
      actor("c", { nameKeys: ["name:k-john-smith"] }),
    ];
    const people = groupActorsIntoPeople(actors, []);
    assert.equal(new Set(people.values()).size, 3);
  });

  it("links a name plus at least two description words", () => {
    const actors = [
      actor("a", { nameKeys: ["name:k-john-smith"], descriptionWords: ["tall", "grey", "beard"] }),
      actor("b", { nameKeys: ["name:k-john-smith"], descriptionWords: ["grey", "beard", "green", "jacket"] }),
      actor("c", { nameKeys: ["name:k-other"], descriptionWords: ["grey", "beard", "green"] }),
    ];
    const people = groupActorsIntoPeople(actors, []);
    assert.ok(samePerson(people, "a", "b"));
    assert.ok(!samePerson(people, "a", "c"), "the same description without the same name does not link");
  });

  it("joins records a person says are the same (manual merge)", () => {
    const actors = [actor("z"), actor("m"), actor("q")];
    const decisions: ActorLinkDecision[] = [
      { a: "z", b: "m", decision: "same" },
      { a: "m", b: "q", decision: "same" },
    ];
    const people = groupActorsIntoPeople(actors, decisions);
    assert.deepEqual(
      [...people],
      [
        ["z", "m"],
        ["m", "m"],
        ["q", "m"],
      ],
    );
  });

  it("keeps apart a pair a person says are different (manual split)", () => {
    const actors = [
      actor("a", { identifierKeys: ["handle:k-shared"] }),
      actor("b", { identifierKeys: ["handle:k-shared"] }),
    ];
    const people = groupActorsIntoPeople(actors, [{ a: "b", b: "a", decision: "different" }]);
    assert.ok(!samePerson(people, "a", "b"));
  });

  it("a split removes only the direct link: a third record linked to both still joins them", () => {
    const actors = [
      actor("a", { identifierKeys: ["handle:k-shared"] }),
      actor("b", { identifierKeys: ["handle:k-shared"] }),
      actor("c", { identifierKeys: ["handle:k-shared"] }),
    ];
    const people = groupActorsIntoPeople(actors, [{ a: "a", b: "b", decision: "different" }]);
    assert.ok(samePerson(people, "a", "b", "c"));
    const splitBoth = groupActorsIntoPeople(actors, [
      { a: "a", b: "b", decision: "different" },
      { a: "a", b: "c", decision: "different" },
    ]);
    assert.ok(samePerson(splitBoth, "b", "c"));
    assert.ok(!samePerson(splitBoth, "a", "b"));
  });

  it("a split also removes a name-plus-description link", () => {
    const actors = [
      actor("a", { nameKeys: ["name:k-j"], descriptionWords: ["grey", "beard"] }),
      actor("b", { nameKeys: ["name:k-j"], descriptionWords: ["grey", "beard"] }),
    ];
    assert.ok(
      !samePerson(groupActorsIntoPeople(actors, [{ a: "a", b: "b", decision: "different" }]), "a", "b"),
    );
  });

  it("a 'same' decision wins over a 'different' one for its own pair", () => {
    const actors = [actor("a"), actor("b")];
    const people = groupActorsIntoPeople(actors, [
      { a: "a", b: "b", decision: "different" },
      { a: "a", b: "b", decision: "same" },
    ]);
    assert.ok(samePerson(people, "a", "b"));
  });

  it("ignores decisions about unknown records", () => {
    const people = groupActorsIntoPeople([actor("a")], [{ a: "a", b: "ghost", decision: "same" }]);
    assert.deepEqual([...people], [["a", "a"]]);
  });
});

describe("suggestedLinks", () => {
  const actors: PatternActor[] = [
    actor("a", { nameKeys: ["name:k-j-smith"], descriptionWords: ["short", "red", "coat"] }),
    actor("b", { nameKeys: ["name:k-j-smith"], descriptionWords: ["tall", "blue", "cap"] }),
    actor("c", { nameKeys: ["name:k-j-smith"], descriptionWords: ["tall", "blue", "hat"] }),
    actor("d", { nameKeys: ["name:k-other"] }),
  ];

  it("asks about records that share only a name", () => {
    const links = suggestedLinks(actors, []);
    // b and c are one person (name plus "tall", "blue"): one question about them and a.
    assert.deepEqual(
      links.map((l) => [l.a, l.b]),
      [["a", "b"]],
    );
    assert.match(links[0]!.reason, /same name/);
  });

  it("does not ask again once a person has decided", () => {
    // c is the same person as b, so deciding about a and b answers the question for a and c too.
    assert.deepEqual(suggestedLinks(actors, [{ a: "b", b: "a", decision: "different" }]), []);
    assert.deepEqual(suggestedLinks(actors, [{ a: "c", b: "a", decision: "different" }]), []);
    assert.deepEqual(suggestedLinks(actors, [{ a: "a", b: "b", decision: "same" }]), []);
  });
});
