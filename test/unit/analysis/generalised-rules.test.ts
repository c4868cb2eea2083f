// The broader grammatical rules: threats told as what the victim will end up like, wider subjects and
// everyday verbs, incitement to whoever sees the candidate, more wishes, sexual threats, self-harm, fixation,
// plans, weapons and weapons skills, and the times and places that make a threat imminent. Each rule has the
// must-not-flag cases that sit closest to it.
import { describe, it } from "node:test";
import { assertLevel, check, run, type Case } from "./support.ts";

describe("report-to-police: a threat told as what will happen to you", () => {
  const cases: Case[] = [
    {
      text: "Carry on like this and you'll end up in intensive care.",
      category: "threat",
      cover: "intensive care",
    },
    {
      text: "Turn up again and you'll leave in an ambulance.",
      category: "threat",
      cover: "leave in an ambulance",
    },
    {
      text: "Carry on and you'll be eating through a straw.",
      category: "threat",
      cover: "eating through a straw",
    },
    {
      text: "I will personally make sure you never walk again.",
      category: "threat",
      cover: "never walk again",
    },
    {
      text: "You won't be leaving in one piece, I promise you that.",
      category: "threat",
      cover: "one piece",
    },
    { text: "You and your canvassers are getting hurt.", category: "threat", cover: "getting hurt" },
    { text: "Your husband's going to get a beating he won't forget.", category: "threat", cover: "beating" },
  ];
  for (const c of cases) it(c.text, check(c, "report-to-police"));
});

describe("report-to-police: threats with wider subjects and everyday verbs", () => {
  const cases: Case[] = [
    { text: "The lads are going to give you a proper hiding.", category: "threat", cover: "proper hiding" },
    { text: "One more lie from you and I'll wring your neck.", category: "threat", cover: "wring your neck" },
    { text: "People round here will sort you out.", category: "threat", cover: "sort you out" },
    { text: "My cousin is going to batter your husband.", category: "threat", cover: "batter your husband" },
    { text: "We are going to make your life hell.", category: "threat", cover: "make your life hell" },
    { text: "Next time I won't just shout.", category: "threat", cover: "won't just shout" },
    { text: "You won't live to see polling day.", category: ["threat", "imminent"], cover: "live to see" },
    { text: "You'll end up like Jo Cox.", category: "threat", cover: "Jo Cox" },
  ];
  for (const c of cases) {
    const level = c.text.includes("polling day") ? "call-999" : "report-to-police";
    it(c.text, check(c, level));
  }
});

describe("report-to-police: wishes and incitement in new words", () => {
  const cases: Case[] = [
    { text: "Someone ought to give you a good hiding.", category: "violence-wish", cover: "good hiding" },
    {
      text: "Somebody needs to shut you up for good.",
      category: "violence-wish",
      cover: "shut you up for good",
    },
    {
      text: "Anyone who sees her out canvassing, give her a slap from me.",
      category: "violence-wish",
      cover: "slap",
    },
    { text: "I hope you get hit by a bus.", category: "violence-wish", cover: "hit by a bus" },
    { text: "I hope you end up in intensive care.", category: "violence-wish", cover: "intensive care" },
    {
      text: "Really hope someone beats the living daylights out of you.",
      category: "violence-wish",
      cover: "daylights",
    },
    {
      text: "This city would be better off if someone finished you off.",
      category: "violence-wish",
      cover: "finished you off",
    },
    { text: "What you need is a good seeing to.", category: "sexual", cover: "good seeing to" },
    {
      text: "One day I'll get you on your own and hold you down.",
      category: "sexual",
      cover: "hold you down",
    },
    { text: "Why not hang yourself?", category: "self-harm", cover: "hang yourself" },
    {
      text: "The kindest thing you could do is end your own life.",
      category: "self-harm",
      cover: "end your own life",
    },
    { text: "Just go and jump off the flyover.", category: "self-harm", cover: "jump off the flyover" },
  ];
  for (const c of cases) it(c.text, check(c, "report-to-police"));
});

describe("call-999: new wording of time and place, fixation, plans and weapons", () => {
  const cases: Case[] = [
    {
      text: "I'll be at your surgery on Monday. You won't be leaving in one piece.",
      category: "imminent",
      cover: "one piece",
    },
    {
      text: "Come Saturday I'll have my hands round your throat.",
      category: "imminent",
      cover: "hands round your throat",
    },
    {
      text: "We're coming round your house this weekend to sort you out.",
      category: "imminent",
      cover: "sort you out",
    },
    {
      text: "See you after the hustings. Bring an ambulance.",
      category: "imminent",
      cover: "Bring an ambulance",
    },
    { text: "I'm outside your office right now.", category: ["fixation", "imminent"], cover: "outside your" },
    { text: "I know where your daughter catches the bus.", category: "fixation", cover: "catches the bus" },
    {
      text: "I know the route you walk home from the count.",
      category: "fixation",
      cover: "route you walk home",
    },
    {
      text: "Been watching your house for five nights now.",
      category: "fixation",
      cover: "watching your house",
    },
    {
      text: "I know you take the 56 bus at 8.10 every morning.",
      category: "fixation",
      cover: "take the 56 bus",
    },
    {
      text: "I've been to every one of your surgeries. You never noticed me.",
      category: "fixation",
      cover: "every one of your surgeries",
    },
    { text: "I've got a file on you and your family.", category: "fixation", cover: "file on you" },
    { text: "I've drawn up a plan for you. Not long now.", category: "plan", cover: "plan for you" },
    {
      text: "I spent 3 years in the Paras. I know how to kill someone quietly.",
      category: "weapon",
      cover: "how to kill someone",
    },
    {
      text: "I could put a bullet through your office window from the car park.",
      category: "weapon",
      cover: "bullet through your office window",
    },
    {
      text: "I've been sharpening my kitchen knives thinking about you.",
      category: "weapon",
      cover: "kitchen knives",
    },
    { text: "I've ordered a crossbow online. See you on Saturday.", category: "weapon", cover: "crossbow" },
  ];
  for (const c of cases) it(c.text, check(c, "call-999"));
});

describe("keep-record: the near misses of the broader rules", () => {
  const texts = [
    "You're toast come May.",
    "We're going to hammer you at the ballot box on Thursday.",
    "I'll see you at the hustings on Saturday. Bring better answers on the bus cuts.",
    "I'm coming to your surgery on Monday to have it out with you about the bins.",
    "The knives are out for you in your own party after the bypass vote.",
    "Your parking plan is a knife in the back for every shop on Stanningley Road.",
    "Someone needs to kill off this congestion charge before it does any more damage.",
    "I know where you stand on the bypass and I couldn't disagree more.",
    "I hope you lose your seat in May.",
    "You will pay for the library closures at the ballot box, mark my words.",
    "You'll be history after the count on Thursday.",
    "Your agent will be in hospital until Friday, get well soon.",
    "I'll be waiting outside the library after the surgery if you want a lift back.",
    "I've been watching you on the telly, great interview.",
    "Nobody wants to hurt you. We want you to listen about the swimming baths.",
    "Saw a reply saying 'I know where you live' under your post. That's not on, hope you told the police.",
    "I'll break a leg for you at the count.",
    "You should jump off the fence and pick a side on the bypass.",
    "I'd be careful knocking on doors round Burley, the dogs are vicious.",
  ];
  for (const text of texts) it(text, () => assertLevel(run(text), "keep-record"));
});
