// Changes of 2026-11-22, made while measuring the analyser on messages written by people who had not read it
// (MODEL.md): contractions typed without an apostrophe, partners named in everyday words, weapons named in
// policy talk, hate rules that need a named group, quotes that hold an apostrophe, following on social media,
// and friendly messages shaped like waiting or a surprise. Each change has the red flags that must survive it.
import { describe, it } from "node:test";
import { compileProfile } from "../../../src/core/analysis/index.ts";
import { assertLevel, check, expectCase, run, type Case } from "./support.ts";

describe("call-999: a partner's registered gym named with an everyday word for them", () => {
  const profile = compileProfile({
    name: "Test",
    private: { other: ["Ironworks Gym, Kirkstall Road"] },
  });
  for (const text of [
    "Your fella's at Ironworks Gym most nights.",
    "Your hubby trains at Ironworks Gym, doesn't he.",
    "Your other half is at Ironworks Gym every Tuesday.",
  ])
    it(text, () => {
      expectCase({ text, category: "private-info", cover: "Ironworks Gym" }, "call-999", profile);
    });
  it("a gym named with no one attached stays keep-record", () => {
    assertLevel(
      run("Ironworks Gym on Kirkstall Road is a polling station this year.", profile),
      "keep-record",
    );
  });
});

describe("contractions typed without an apostrophe", () => {
  const cases: Case[] = [
    { text: "hes going to get battered", category: "threat", cover: "battered" },
    { text: "theyre going to get hurt", category: "threat", cover: "hurt" },
  ];
  for (const c of cases) it(c.text, check(c, "report-to-police"));
});

describe("keep-record: weapons in policy talk, and criticism that names no group", () => {
  for (const text of [
    "Most likely gang violence with an illegal gun, in the city with the strictest gun control.",
    "Stricter gun laws would not stop a criminal with a gun.",
    "People like you should resign.",
    "People like you are the reason this town is dying.",
    "Someone hit him with a bottle outside the pub last night, police are appealing for witnesses.",
    "I can't stop breathing in the fumes from the incinerator.",
  ])
    it(text, () => assertLevel(run(text), "keep-record"));
});

describe("report-to-police: hate rules keep their characteristic", () => {
  const cases: Case[] = [
    { text: "Go back to where you came from.", category: "discriminatory", cover: "Go back" },
    { text: "You're just pretending to be a woman.", category: "discriminatory", cover: "pretending" },
    {
      text: "Muslim people like you should be thrown out.",
      category: "discriminatory",
      cover: "people like you",
    },
  ];
  for (const c of cases) it(c.text, check(c, "report-to-police"));
});

describe("keep-record: friendly messages shaped like threats (the kind the written files showed)", () => {
  for (const text of [
    "I followed you on Instagram the day you were selected. Keep going!",
    "Been following you on social media since the by-election, you're doing brilliantly.",
    "I'll be waiting for you after the count with a cake, win or lose.",
    "We'll be waiting for you at the polls, and so will everyone you ignored.",
    "I've got something for you at the hustings. Don't worry, it's only flapjack for the team.",
    "A lad outside the shop shouted 'you're getting done in' at our canvassers on Saturday. We've told the police.",
    "I'll vote for you.",
    "We'll be waiting for the bus tonight.",
    "We will be waiting for a reply by Friday.",
  ])
    it(text, () => assertLevel(run(text), "keep-record"));
});

describe("call-999: the same shapes, still red flags", () => {
  const cases: Case[] = [
    {
      text: "I followed you home from the count last night.",
      category: "fixation",
      cover: "followed you home",
    },
    {
      text: "I have been watching you on every street you canvass.",
      category: "fixation",
      cover: "watching you",
    },
    {
      text: "I'll be waiting for you outside your house tonight.",
      category: ["fixation", "imminent"],
      cover: "waiting",
    },
    {
      text: "I'll be waiting for your daughter after school.",
      category: ["fixation", "imminent"],
      cover: "waiting",
    },
    {
      text: "I'll be waiting for you outside the count. Thanks for nothing, traitor.",
      category: ["fixation", "imminent"],
      cover: "waiting",
    },
    {
      text: "I've got a little surprise for you at the count. Don't bother calling the police.",
      category: ["threat", "imminent"],
      cover: "surprise for you",
    },
    {
      text: "There'll be a surprise waiting for you at the count. Thanks for ruining this town.",
      category: ["threat", "imminent"],
      cover: "surprise",
    },
    {
      text: "Gonna get 'em all, I said. I'll stab you outside your kids' school tomorrow.",
      category: ["threat", "imminent"],
      cover: "stab you",
    },
  ];
  for (const c of cases) it(c.text, check(c, "call-999"));
});
