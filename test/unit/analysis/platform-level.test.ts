// report-to-platform: abuse and insults aimed at the reader, below the police thresholds.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { expectCase, show, type Case } from "./support.ts";

describe("report-to-platform: insults aimed at the reader", () => {
  const cases: Case[] = [
    { text: "You're a useless idiot.", category: "abuse", cover: "useless idiot" },
    {
      text: "You are the most pathetic, spineless coward I've ever seen.",
      category: "abuse",
      cover: "spineless coward",
    },
    { text: "Shut up, you absolute moron.", category: "abuse", cover: "moron" },
    { text: "You're a fucking clown.", category: "abuse", cover: "fucking clown" },
    { text: "What a brainless muppet you are.", category: "abuse", cover: "brainless muppet" },
    { text: "You complete and utter tosser.", category: "abuse", cover: "tosser" },
    { text: "Nobody likes you, you smug prat.", category: "abuse", cover: "smug prat" },
    { text: "You're as thick as two short planks.", category: "abuse", cover: "thick as two short planks" },
    { text: "Go away, you worthless piece of shit.", category: "abuse", cover: "worthless piece of shit" },
    { text: "you dickhead", category: "abuse", cover: "dickhead" },
    {
      text: "Are you really this stupid or are you just pretending, you pillock?",
      category: "abuse",
      cover: "pillock",
    },
    { text: "You ugly fat slob, nobody will vote for you.", category: "abuse", cover: "ugly fat slob" },
    {
      text: "@JaneForLeeds you're a lying two-faced snake and a total numpty",
      category: "abuse",
      cover: "two-faced snake",
    },
    { text: "YOU ARE A DISGRACE AND AN IDIOT!!!", category: "abuse", cover: "IDIOT" },
    // "shut" is abuse in these phrases, and only in these ("she shut the door" is not)
    { text: "Shut it.", category: "abuse", cover: "Shut it" },
    { text: "shut the fuck upppp", category: "abuse", cover: "shut" },
    { text: "Someone shut him up.", category: "abuse", cover: "shut him up" },
    { text: "Shut your cakehole.", category: "abuse", cover: "cakehole" },
  ];
  for (const c of cases) {
    it(c.text, () => {
      const a = expectCase(c, "report-to-platform");
      for (const serious of [
        "threat",
        "imminent",
        "weapon",
        "discriminatory",
        "violence-wish",
        "sexual",
        "self-harm",
      ]) {
        assert.ok(!a.categories.includes(serious as never), `an insult alone is not ${serious}: ${show(a)}`);
      }
    });
  }
});

describe("an insult does not hide a more serious reason in the same message", () => {
  const cases: Array<[Case, "report-to-police" | "call-999"]> = [
    [
      { text: "You useless idiot, I'm going to hurt you.", category: "threat", cover: "hurt you" },
      "report-to-police",
    ],
    [
      { text: "You pathetic moron. Kill yourself.", category: "self-harm", cover: "Kill yourself" },
      "report-to-police",
    ],
    [
      {
        text: "You spineless tosser, I'll be waiting outside your house tonight.",
        category: "imminent",
        cover: "outside your house",
      },
      "call-999",
    ],
  ];
  for (const [c, level] of cases) {
    it(c.text, () => {
      const a = expectCase(c, level);
      assert.ok(a.categories.includes("abuse"), `the insult is still recorded as abuse: ${show(a)}`);
    });
  }
});
