// The words a rule's pattern cannot match without (rule-requirements.ts) let rules skip messages. They must
// never be stricter than the pattern: a rule skipped where its pattern would have matched is a missed threat.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { readFileSync } from "node:fs";
import { buildContext } from "../../../src/core/analysis/context.ts";
import {
  firstWords,
  requiredWords,
  type Clause,
  type Fact,
} from "../../../src/core/analysis/rule-requirements.ts";
import { hitsOf, rulesToTry } from "../../../src/core/analysis/rule-index.ts";
import { PATTERN_RULES } from "../../../src/core/analysis/rules.ts";
import { VOCABULARY } from "../../../src/core/analysis/vocabulary.ts";

const words = (source: string) => new RegExp(`(?<![^ ])(?:${source})(?![^ ])`, "g");

function holds(clause: Clause, present: ReadonlySet<string>): boolean {
  return clause.some((fact) =>
    fact.startsWith("=")
      ? present.has(fact.slice(1))
      : [...present].some((word) => word.startsWith(fact.slice(1))),
  );
}

describe("required words read off a pattern", () => {
  it("a word followed by a space is required exactly; one that ends the pattern, by its first letters", () => {
    assert.deepEqual(requiredWords(words("watch (?:your|ur) back")), [["=watch"], ["^back"]]);
  });

  it("a word that may go on (kill\\w*, stabs?) is required by its first letters", () => {
    assert.deepEqual(requiredWords(words("kill\\w* you now")).flat().sort(), ["=you", "^kill", "^now"]);
    assert.deepEqual(requiredWords(words("stabs? you now")).flat().sort(), ["=you", "^now", "^stab"]);
  });

  it("one of several alternatives is one clause", () => {
    assert.deepEqual(requiredWords(words("(?:shoot|stab|strangle) him now")), [
      ["^shoo", "^stab", "^stra"],
      ["=him"],
      ["^now"],
    ]);
  });

  it("optional parts, lookarounds, character classes and letters inside a word require nothing", () => {
    assert.deepEqual(requiredWords(words("(?:very )?(?=x)[^ .]+ed")), []);
    assert.deepEqual(requiredWords(words("(?:[^ .]+ ){0,3}")), []);
    // "ing" follows a class, so it is not the start of a word
    assert.deepEqual(requiredWords(words("[a-z]+ing")), []);
  });

  it("an alternative that requires nothing makes the whole alternation require nothing", () => {
    assert.deepEqual(requiredWords(words("knife|[a-z]+ing")).flat(), []);
    // but a word after a space is a word, whatever came before: "[^ .]+ gun" needs "gun"
    assert.deepEqual(requiredWords(words("knife|[^ .]+ gun")), [["^knif", "^gun"]]);
  });

  it("a pattern that ignores case or does not start at a word is read cautiously", () => {
    assert.deepEqual(requiredWords(/watch your back/gi), []);
    // without the word-start guard, "atch" could be the end of "watch": only words after a space count
    assert.deepEqual(
      requiredWords(/watch your back/g)
        .flat()
        .sort(),
      ["=your", "^back"],
    );
  });
});

describe("the words a match can start with", () => {
  it("are the first words of each alternative, whole when a space follows", () => {
    assert.deepEqual(firstWords(words("(?:i|we) will hurt you")), ["=i", "=we"]);
    assert.deepEqual(firstWords(words("kill\\w* you|stab")), ["^kill", "^stab"]);
  });

  it("include what follows an optional start", () => {
    assert.deepEqual(firstWords(words("(?:very )?angry man")), ["=very", "=angry"]);
  });

  it("are unknown when a match can start with any word or nothing", () => {
    assert.equal(firstWords(words("[^ .]+ will hurt you")), null);
    assert.equal(firstWords(words("(?:[^ .]+ ){0,2}hurt you")), null);
    assert.equal(firstWords(words("(?:you )?")), null);
    assert.equal(firstWords(/hurt you/g), null); // not known to start at a word
  });
});

function startsWithOneOf(word: string, facts: readonly Fact[]): boolean {
  return facts.some((fact) =>
    fact.startsWith("=") ? word === fact.slice(1) : word.startsWith(fact.slice(1)),
  );
}

describe("the shipped rules' requirements hold wherever their patterns match", () => {
  const corpus = readFileSync(new URL("../../../data/uk-candidates/messages.jsonl", import.meta.url), "utf8")
    .split("\n")
    .filter((line) => line.trim() !== "")
    .map((line) => (JSON.parse(line) as { text: string }).text);

  it(`every match in ${corpus.length} UK messages satisfies its rule's required words, so the rule is tried`, () => {
    let matches = 0;
    for (const text of corpus) {
      const context = buildContext(text, VOCABULARY);
      const tried = rulesToTry([...context.words].map(hitsOf));
      PATTERN_RULES.forEach((rule, index) => {
        rule.pattern.lastIndex = 0;
        const match = rule.pattern.exec(context.norm);
        rule.pattern.lastIndex = 0;
        if (!match) return;
        matches++;
        const first = firstWords(rule.pattern);
        if (first) {
          const firstWord = context.norm.slice(match.index).split(" ")[0]!;
          assert.ok(startsWithOneOf(firstWord, first), `${rule.id} matched "${match[0]}" starting elsewhere`);
        }
        for (const clause of requiredWords(rule.pattern))
          assert.ok(
            holds(clause, context.words),
            `${rule.id} matched "${match[0]}" in "${text}" without ${clause}`,
          );
        const hasCue =
          rule.cues.length === 0 ||
          rule.cues.some((cue) =>
            [...context.words].some((w) => w === cue || (w.length > 4 && w.slice(0, 4) === cue.slice(0, 4))),
          );
        if (hasCue) assert.equal(tried[index], 1, `${rule.id} not tried on "${text}"`);
      });
    }
    assert.ok(matches > 500, `only ${matches} matches: the corpus no longer exercises the rules`);
  });

  it("most rules have requirements beyond their cue words (otherwise the speed-up is gone)", () => {
    const withClauses = PATTERN_RULES.filter((rule) => requiredWords(rule.pattern).length > 0).length;
    assert.ok(withClauses >= PATTERN_RULES.length * 0.9, `${withClauses} of ${PATTERN_RULES.length}`);
  });
});
