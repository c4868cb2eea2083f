import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { MAX_THEMES, themesOf } from "../../../src/core/patterns/index.ts";

describe("themesOf", () => {
  it("keeps the content words, folded to the singular, sorted and distinct", () => {
    assert.deepEqual(
      themesOf("The councils keep ignoring the BYPASS! Asylum hotels and parking near the school. Councils!"),
      ["asylum", "bypass", "council", "hotel", "ignoring", "parking", "school"],
    );
  });

  it("drops function words, short words, swearing and words every message to a candidate uses", () => {
    assert.deepEqual(themesOf("You should have known that they would vote for this fucking candidate"), []);
  });

  it("folds the same word the same way", () => {
    assert.deepEqual(themesOf("policies policy"), ["policy"]);
    assert.deepEqual(themesOf("buses"), themesOf("buses buses"));
    assert.deepEqual(themesOf("Café cafés"), ["cafe"]);
  });

  it("keeps the most frequent words of a long text", () => {
    const letters = "abcdefghijklmnopqrstuvwxyz";
    const many = Array.from({ length: 60 }, (_, i) => `word${letters[i % 26]}${letters[Math.floor(i / 26)]}`);
    const themes = themesOf(`${many.join(" ")} zebra zebra zebra`);
    assert.equal(themes.length, MAX_THEMES);
    assert.ok(themes.includes("zebra"));
    assert.deepEqual(themes, [...themes].sort());
  });
});
