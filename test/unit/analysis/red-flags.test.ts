// call-999: the red flags from the guidance — a threat with a time or a place, fixation or a plan,
// access to weapons or weapons skills. (Release of private information is in private-details.test.ts.)
import { describe, it } from "node:test";
import { check, type Case } from "./support.ts";

describe("call-999: a threat of imminent violence with a time", () => {
  const cases: Case[] = [
    { text: "I'm going to kill you tonight.", category: "imminent", cover: "kill you tonight" },
    {
      text: "Tonight you get what's coming to you.",
      category: "imminent",
      cover: "Tonight you get what's coming",
    },
    { text: "I will hurt you on Saturday.", category: "imminent", cover: "hurt you on Saturday" },
    { text: "Tomorrow I'm going to smash your face in.", category: "imminent", cover: "smash your face in" },
    { text: "This weekend I'm going to batter you, you traitor.", category: "imminent", cover: "batter you" },
    {
      text: "Enjoy your last few hours. I'll be coming for you tonight and you're dead.",
      category: "imminent",
      cover: "tonight",
    },
    { text: "on friday night ur getting stabbed", category: "imminent", cover: "stabbed" },
  ];
  for (const c of cases) it(c.text, check(c, "call-999"));
});

describe("call-999: a threat of imminent violence with a place", () => {
  const cases: Case[] = [
    {
      text: "I'll be waiting for you outside your house.",
      category: "imminent",
      cover: "outside your house",
    },
    { text: "I'm going to kill you at the count.", category: "imminent", cover: "kill you at the count" },
    {
      text: "Turn up to the hustings and I'll break your legs.",
      category: "imminent",
      cover: "break your legs",
    },
    {
      text: "I'll hurt you at your surgery, you won't be safe there.",
      category: "imminent",
      cover: "hurt you at your surgery",
    },
    {
      text: "See you at the polling station. I'll knock you out cold.",
      category: "imminent",
      cover: "knock you out",
    },
    {
      text: "Do another leaflet drop on my estate and you'll get a kicking.",
      category: "imminent",
      cover: "you'll get a kicking",
    },
    {
      text: "We'll smash your head in outside your office.",
      category: "imminent",
      cover: "smash your head in",
    },
    {
      text: "Come canvassing on our street again and you'll get your head kicked in.",
      category: "imminent",
      cover: "get your head kicked in",
    },
  ];
  for (const c of cases) it(c.text, check(c, "call-999"));
});

describe("call-999: a threat with both a time and a place", () => {
  const cases: Case[] = [
    {
      text: "I'm going to get you at the count on Thursday night.",
      category: "imminent",
      cover: "get you at the count",
    },
    { text: "Outside your house, Saturday night. You're dead.", category: "imminent", cover: "You're dead" },
    {
      text: "Your surgery is on Friday at 10. That's when I'll hurt you.",
      category: "imminent",
      cover: "hurt you",
    },
    {
      text: "At the hustings tomorrow I'm going to punch your lights out.",
      category: "imminent",
      cover: "punch your lights out",
    },
  ];
  for (const c of cases) it(c.text, check(c, "call-999"));
});

describe("call-999: fixation and plans", () => {
  const cases: Case[] = [
    // A specific plan or preparation.
    { text: "I've planned exactly how I'm going to do it.", category: "plan", cover: "planned" },
    { text: "I'm counting down the days until I get you.", category: "plan", cover: "counting down" },
    { text: "Counting down. You won't see it coming.", category: "plan", cover: "Counting down" },
    {
      text: "I've planned it all out, every step, and you can't stop me hurting you.",
      category: "plan",
      cover: "planned",
    },
    // Following, watching.
    { text: "I've been following you.", category: "fixation", cover: "following you" },
    {
      text: "I've been following you home from your surgery every week.",
      category: "fixation",
      cover: "following you",
    },
    {
      text: "I've been watching you and your family for weeks.",
      category: "fixation",
      cover: "watching you",
    },
    {
      text: "I know your routine: you leave the office at six and walk to the car park alone.",
      category: ["fixation", "plan"],
      cover: "I know your routine",
    },
    // Set on a course of action: the guidance calls it fixation; a plan is an acceptable reading too.
    {
      text: "I've made up my mind. Nothing is going to stop me doing what I have to do to you.",
      category: ["fixation", "plan"],
      cover: "Nothing is going to stop me",
    },
    {
      text: "I've worked out your route home and when you'll be on your own. It's all arranged.",
      category: ["plan", "fixation"],
      cover: "worked out your route home",
    },
  ];
  for (const c of cases) it(c.text, check(c, "call-999"));
});

describe("call-999: access to weapons or weapons skills", () => {
  const cases: Case[] = [
    { text: "I've got a shotgun and I know how to use it.", category: "weapon", cover: "shotgun" },
    { text: "I've got a machete in the car with your name on it.", category: "weapon", cover: "machete" },
    { text: "I was a sniper in the army. I never miss.", category: "weapon", cover: "sniper" },
    { text: "I know how to make a pipe bomb, remember that.", category: "weapon", cover: "pipe bomb" },
    { text: "My crossbow is loaded and I'm a good shot.", category: "weapon", cover: "crossbow" },
    { text: "I've bought a gun. You'll find out why.", category: "weapon", cover: "gun" },
    { text: "I've trained with knives for years, you'd be easy.", category: "weapon", cover: "knives" },
    {
      text: "I'm a trained marksman and I've got a rifle. Think about that.",
      category: "weapon",
      cover: "rifle",
    },
  ];
  for (const c of cases) it(c.text, check(c, "call-999"));
});
