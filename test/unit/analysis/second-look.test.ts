// Rules added after the hand-written set was opened for development (2026-11-22): menace said through what is
// left of you afterwards, "coming for you", dares, wishes told as enjoyment, incitement in the imperative,
// watching someone's home, blind spots, weapons carried, sextortion, hate said through "you people" and faith,
// self-harm told as "stop breathing", and partners named in everyday words. Each group has the near misses that
// sit closest to it. How far these rules carry to unseen wording is measured on blind.jsonl (MODEL.md).
import { describe, it } from "node:test";
import { compileProfile } from "../../../src/core/analysis/index.ts";
import { assertLevel, check, expectCase, run, type Case } from "./support.ts";

describe("report-to-police: threats said through what happens to you", () => {
  const cases: Case[] = [
    {
      text: "I'll be on that stage before you, and they'll be scraping you off it.",
      category: "threat",
      cover: "scraping you off it",
    },
    {
      text: "We'll see how much you smirk with your teeth knocked out.",
      category: "threat",
      cover: "teeth knocked out",
    },
    {
      text: "If my kid loses her place because of you, I'll come for you personally.",
      category: "threat",
      cover: "come for you",
    },
    { text: "Show your face and you'll lose it.", category: "threat", cover: "you'll lose it" },
    {
      text: "Bring your security, it won't help.",
      category: "threat",
      cover: "security, it won't help",
    },
    {
      text: "You coward. Not leaving till you come out and I deal with you.",
      category: "threat",
      cover: "deal with you",
    },
  ];
  for (const c of cases) it(c.text, check(c, "report-to-police"));
});

describe("call-999: the same threats with a time or place", () => {
  const cases: Case[] = [
    {
      text: "Your agent better enjoy tonight's leaflet round. He's not walking home from it.",
      category: ["threat", "imminent"],
      cover: "not walking home from it",
    },
    {
      text: "When they read out your result at the count I'm coming over the barrier for you.",
      category: ["threat", "imminent"],
      cover: "coming over the barrier for you",
    },
  ];
  for (const c of cases) it(c.text, check(c, "call-999"));
});

describe("report-to-police: wishes and incitement", () => {
  const cases: Case[] = [
    { text: "Genuinely hope someone ends you.", category: "violence-wish", cover: "ends you" },
    {
      text: "Somebody give this woman a proper hiding, she's earned it.",
      category: "violence-wish",
      cover: "proper hiding",
    },
    {
      text: "Would pay good money to see someone put you through a window.",
      category: "violence-wish",
      cover: "through a window",
    },
    {
      text: "If someone torched your office I'd be first in line with the marshmallows.",
      category: "violence-wish",
      cover: "torched your office",
    },
  ];
  for (const c of cases) it(c.text, check(c, "report-to-police"));
});

describe("report-to-police: sexual threats, hate and self-harm in other words", () => {
  const cases: Case[] = [
    {
      text: "One day I'll get you on your own and you won't be able to say no.",
      category: "sexual",
      cover: "able to say no",
    },
    {
      text: "Women like you are only good for one thing and I'll make sure you find out.",
      category: "sexual",
      cover: "only good for one thing",
    },
    {
      text: "I've photoshopped you into something filthy. Pay up or it goes to your husband.",
      category: "sexual",
      cover: "photoshopped you into something filthy",
    },
    {
      text: "Jewish donors bought your selection. You people are a cancer.",
      category: "discriminatory",
      cover: "You people are a cancer",
    },
    { text: "Your mosque can't save you.", category: "discriminatory", cover: "mosque" },
    {
      text: "Someone with bipolar running the budget? You belong in a home, not the town hall.",
      category: "discriminatory",
      cover: "belong in a home",
    },
    { text: "No one's voting for a man pretending.", category: "discriminatory", cover: "man pretending" },
    { text: "Do the world a favour and stop breathing.", category: "self-harm", cover: "stop breathing" },
    {
      text: "If I was as useless as you I'd have ended it years ago.",
      category: "self-harm",
      cover: "ended it",
    },
    {
      text: "Just do it. The bridge over the ring road is high enough.",
      category: "self-harm",
      cover: "high enough",
    },
  ];
  for (const c of cases) it(c.text, check(c, "report-to-police"));
});

describe("call-999: watching the home, blind spots, weapons carried", () => {
  const cases: Case[] = [
    {
      text: "Sat in my car opposite your house again last night. Same as Tuesday.",
      category: "fixation",
      cover: "opposite your house",
    },
    { text: "Waited till your bedroom light went off.", category: "fixation", cover: "light went off" },
    {
      text: "I know where the cameras don't reach at the civic centre.",
      category: "plan",
      cover: "cameras don't reach",
    },
    {
      text: "My lads carry. Think about that next time you send canvassers round.",
      category: "weapon",
      cover: "lads carry",
    },
  ];
  for (const c of cases) it(c.text, check(c, "call-999"));
});

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

describe("keep-record: the near misses of these rules", () => {
  for (const text of [
    "I'll come for you at 7 in the car and we can do the leaflet round together.",
    "Someone hit him with a bottle outside the pub last night, police are appealing for witnesses.",
    "Someone please give this woman a medal.",
    "Turn up to the hustings and you'll find out what the estate thinks of your bus cuts.",
    "They'll be scraping you off the ceiling when you see the turnout.",
    "You'll be scraping the barrel for volunteers by May.",
    "I'd pay good money to see someone beat you in a fair debate.",
    "I'd love to see you get beaten at the ballot box.",
    "Your church can't save you from the planning committee.",
    "Women like you are only good for one thing: winning elections.",
    "The new multi storey is high enough, we don't need another floor.",
    "Is the bridge over the ring road high enough for double deckers?",
    "I can't stop breathing in the fumes from the incinerator.",
    "He is not walking home from it, the buses stop at 10.",
    "Been cleaning the shotgun for the clay shoot on Sunday.",
    "Most likely gang violence with an illegal gun, in the city with the strictest gun control.",
    "I always carry a spare pen to your surgeries.",
  ])
    it(text, () => assertLevel(run(text), "keep-record"));
});

describe("keep-record: friendly messages shaped like threats (the kind the written files showed)", () => {
  for (const text of [
    "I followed you on every platform the day you were selected. Keep going!",
    "Been following you on Instagram since the by-election, you're doing brilliantly.",
    "I'll be waiting for you after the count with a cake, win or lose.",
    "We'll be waiting for you outside the library after the meeting. With balloons, because the kids want to say thank you.",
    "We'll be waiting for you at the polls, and so will everyone you ignored.",
    "I've got something for you at the hustings. Don't worry, it's only flapjack for the team.",
    "Counting down the days til polling day, first time voting and it's gonna be for you!",
    "A lad outside the shop shouted 'you're getting done in' at our canvassers on Saturday. We've told the police.",
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
      text: "I'll be waiting for you outside your house tonight.",
      category: ["fixation", "imminent"],
      cover: "waiting",
    },
    {
      text: "I've got a little surprise for you at the count. Don't bother calling the police.",
      category: ["threat", "imminent"],
      cover: "surprise for you",
    },
  ];
  for (const c of cases) it(c.text, check(c, "call-999"));
});
