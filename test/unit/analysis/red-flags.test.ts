// call-999: the red flags from the guidance — a threat with a time or a place, fixation or a plan,
// access to weapons or weapons skills, a sender who says they published your private details. (Registered
// private details found in a message are in private-details.test.ts.)
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { assertLevel, check, expectCase, run, show, type Case } from "./support.ts";

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

describe("call-999: a weapon pulled, pointed or used at you, told as done or promised", () => {
  // After directSpeech, "He pulled a knife on me" reads "I pulled a knife on you".
  const cases: Case[] = [
    {
      text: "I pulled a knife on you outside the Co-op.",
      category: "weapon",
      cover: "pulled a knife on you",
    },
    { text: "I waved a machete at you outside the hall.", category: "weapon", cover: "machete" },
    { text: "I held a knife to your throat.", category: "weapon", cover: "knife to your throat" },
    { text: "I came at you with a hammer.", category: "weapon", cover: "with a hammer" },
    { text: "I'll pull a gun on you next time.", category: "weapon", cover: "pull a gun on you" },
    { text: "I showed you my blade for a reason.", category: "weapon", cover: "blade" },
  ];
  for (const c of cases) it(c.text, check(c, "call-999"));
});

describe("call-999: a weapon the sender has, with a claimed weapons skill", () => {
  const cases: Case[] = [
    {
      text: "Nice crossbow I've got here. Did two tours in Afghanistan, I know exactly how to use it.",
      category: "weapon",
      cover: "crossbow",
    },
    {
      text: "The shotgun I keep under the stairs is cleaned. Served three tours of Iraq.",
      category: "weapon",
      cover: "tours of Iraq",
    },
  ];
  for (const c of cases) it(c.text, check(c, "call-999"));
});

describe("call-999: the sender says they have published your private details", () => {
  const cases: Case[] = [
    {
      text: "I've posted your home address on Facebook. Let's see who turns up.",
      category: "private-info",
      detail: "homeAddress",
      cover: "posted your home address",
    },
    {
      text: "We've shared your mobile number online, enjoy the calls.",
      category: "private-info",
      detail: "phone",
      cover: "mobile number",
    },
    {
      text: "I've leaked your kids' school to the group.",
      category: "private-info",
      detail: "school",
      cover: "school",
    },
  ];
  for (const c of cases) it(c.text, check(c, "call-999"));
});

describe("call-999: watching your home, and set on a course of contact", () => {
  const cases: Case[] = [
    {
      text: "I've been sitting in my car across the road from your house every evening this week.",
      category: "fixation",
      cover: "across the road from your house",
    },
    { text: "I was parked at the end of your road again last night.", category: "fixation", cover: "parked" },
    {
      text: "I've been ringing your office 20 times a day and I won't stop until you're gone.",
      category: "plan",
      cover: "won't stop until",
    },
    {
      text: "I have it all planned for the count on Thursday. I know what I'm going to do.",
      category: "plan",
      cover: "all planned",
    },
  ];
  for (const c of cases) it(c.text, check(c, "call-999"));
});

describe("a time or place must belong to the threat, not to the email's header", () => {
  it("a subject line naming tonight does not make a threat in the body imminent", () => {
    const a = run(
      "Subject: your performance tonight\n\nPeople like you deserve what's coming to you. Watch your back.",
    );
    assertLevel(a, "report-to-police");
    assert.ok(!a.categories.includes("imminent"), show(a));
  });
  it("nor does the date the email was sent", () => {
    const a = run("Sent: Thursday 4 May 2027 21:14\nSubject: hustings\n\nYou'll get what's coming to you.");
    assertLevel(a, "report-to-police");
  });
  it("a threat in the subject line with its own time is still imminent", () => {
    expectCase(
      { text: "Subject: I'll kill you tonight\n\nTraitor.", category: "imminent", cover: "kill you tonight" },
      "call-999",
    );
  });
  it("a time in the body still makes a threat in the body imminent", () => {
    expectCase(
      {
        text: "Subject: hustings\n\nSee you at the count tonight. You'll get what's coming to you.",
        category: "imminent",
        cover: "coming to you",
      },
      "call-999",
    );
  });
});
