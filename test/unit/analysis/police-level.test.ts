// report-to-police: threatening or menacing language without the red-flag markers, wishes or incitement
// of violence, sexual threats, discriminatory abuse or threats, incitement to self-harm.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { check, expectCase, show, type Case } from "./support.ts";
import type { Characteristic } from "../../../src/core/analysis/index.ts";

describe("report-to-police: threatening or menacing language without a time, place, plan or weapon", () => {
  const cases: Case[] = [
    { text: "I'm going to hurt you.", category: "threat", cover: "hurt you" },
    { text: "I will kill you.", category: "threat", cover: "kill you" },
    { text: "Watch your back.", category: "threat", cover: "Watch your back" },
    {
      text: "You'll get what's coming to you, mark my words.",
      category: "threat",
      cover: "what's coming to you",
    },
    {
      text: "I'm going to smash your face in, you lying rat.",
      category: "threat",
      cover: "smash your face in",
    },
    {
      text: "You're going to regret crossing me. I'll make sure you suffer.",
      category: "threat",
      cover: "make sure you suffer",
    },
    { text: "You're a dead woman.", category: "threat", cover: "dead woman" },
    { text: "I'll break your legs if you vote for that bill.", category: "threat", cover: "break your legs" },
    { text: "people like u end up getting hurt. just saying", category: "threat", cover: "getting hurt" },
  ];
  for (const c of cases) it(c.text, check(c, "report-to-police"));
});

describe("report-to-police: wishing or inciting violence", () => {
  const cases: Case[] = [
    { text: "Someone should shoot you.", category: "violence-wish", cover: "shoot you" },
    { text: "I hope someone stabs you.", category: "violence-wish", cover: "stabs you" },
    { text: "Somebody needs to give her a good kicking.", category: "violence-wish", cover: "good kicking" },
    { text: "I hope you get beaten to a pulp.", category: "violence-wish", cover: "beaten to a pulp" },
    { text: "Traitors like you should be hanged.", category: "violence-wish", cover: "hanged" },
    { text: "I hope you die.", category: "violence-wish", cover: "die" },
    {
      text: "Can someone please just punch this clown in the face.",
      category: "violence-wish",
      cover: "punch",
    },
    {
      text: "Who's going to be the one to finally put him in the ground?",
      category: "violence-wish",
      cover: "put him in the ground",
    },
  ];
  for (const c of cases) it(c.text, check(c, "report-to-police"));
});

describe("report-to-police: sexual threats", () => {
  const cases: Case[] = [
    { text: "I'm going to rape you.", category: "sexual", cover: "rape" },
    { text: "You deserve to be raped.", category: "sexual", cover: "raped" },
    { text: "Someone should rape some sense into you.", category: "sexual", cover: "rape" },
    {
      text: "I'm going to force myself on you and you'll like it.",
      category: "sexual",
      cover: "force myself on you",
    },
    {
      text: "What you need is a good sexual assault to shut you up.",
      category: "sexual",
      cover: "sexual assault",
    },
  ];
  for (const c of cases) it(c.text, check(c, "report-to-police"));
});

describe("report-to-police: discriminatory abuse, with the protected characteristic", () => {
  const byCharacteristic: Record<Characteristic, Array<[text: string, cover: string]>> = {
    race: [
      ["Go back to Pakistan, you dirty Paki.", "Paki"],
      ["A black woman like you should never be allowed to stand here, you ape.", "ape"],
      ["Asians like you are ruining this country, get out.", "Asians like you are ruining"],
    ],
    religion: [
      ["Muslims like you are all terrorists, get off our council.", "Muslims like you are all terrorists"],
      ["Dirty Jew, your lot control everything.", "Dirty Jew"],
      ["Islam is a cancer and so are you.", "Islam is a cancer"],
    ],
    "sexual-orientation": [
      ["No one wants a faggot like you as their MP.", "faggot"],
      ["You disgusting poof, keep your gay agenda away from our kids.", "poof"],
      ["Lesbians like you are an abomination.", "abomination"],
    ],
    "gender-identity": [
      ["You're a bloke in a dress, you tranny freak.", "tranny"],
      ["Trannies like you are perverts and should stay out of politics.", "Trannies"],
      ["You'll always be a man, you delusional trans freak.", "trans freak"],
    ],
    disability: [
      ["You're a useless retard and shouldn't be anywhere near the council.", "retard"],
      ["Spastics like you shouldn't be allowed to stand.", "Spastics"],
      ["Nobody votes for a cripple, get your crippled arse out of politics.", "cripple"],
    ],
    sex: [
      ["Women like you have no business in politics, get back in the kitchen.", "get back in the kitchen"],
      [
        "Typical hysterical woman, you should be at home making sandwiches, not running for parliament.",
        "hysterical woman",
      ],
      ["Females are too stupid for politics and you prove it every day.", "Females are too stupid"],
    ],
  };
  for (const [characteristic, texts] of Object.entries(byCharacteristic) as Array<
    [Characteristic, Array<[string, string]>]
  >) {
    describe(characteristic, () => {
      for (const [text, cover] of texts) {
        it(text, check({ text, category: "discriminatory", characteristic, cover }, "report-to-police"));
      }
    });
  }
});

describe("report-to-police: discriminatory threats carry both the threat and the characteristic", () => {
  const cases: Array<Case & { characteristic: Characteristic }> = [
    {
      text: "Gay scum like you deserve a beating.",
      category: "discriminatory",
      characteristic: "sexual-orientation",
      cover: "Gay scum",
    },
    {
      text: "I'll hurt every Muslim I can, and you're top of the list.",
      category: "discriminatory",
      characteristic: "religion",
      cover: "Muslim",
    },
    {
      text: "Black people like you should be strung up.",
      category: "discriminatory",
      characteristic: "race",
      cover: "Black people like you",
    },
  ];
  for (const c of cases) {
    it(c.text, () => {
      const a = expectCase(c, "report-to-police");
      assert.ok(
        a.categories.some((cat) => cat === "threat" || cat === "violence-wish"),
        `expected threat or violence-wish alongside discriminatory: ${show(a)}`,
      );
    });
  }
});

describe("report-to-police: incitement to self-harm", () => {
  const cases: Case[] = [
    { text: "Kill yourself.", category: "self-harm", cover: "Kill yourself" },
    { text: "Do everyone a favour and kill yourself.", category: "self-harm", cover: "kill yourself" },
    { text: "Why don't you just go and hang yourself.", category: "self-harm", cover: "hang yourself" },
    {
      text: "You should just end it all, nobody would miss you.",
      category: "self-harm",
      cover: "end it all",
    },
    { text: "kys", category: "self-harm", cover: "kys" },
    { text: "Go and top yourself, you waste of space.", category: "self-harm", cover: "top yourself" },
    {
      text: "The world would be better off if you killed yourself.",
      category: "self-harm",
      cover: "killed yourself",
    },
  ];
  for (const c of cases) it(c.text, check(c, "report-to-police"));
});

describe("report-to-police: menace in other words", () => {
  const cases: Case[] = [
    { text: "I'll make you pay.", category: "threat", cover: "make you pay" },
    { text: "We're going to make you regret the day you stood.", category: "threat", cover: "regret" },
    { text: "You are going to end up in hospital.", category: "threat", cover: "end up in hospital" },
    { text: "Your husband is going to end up in hospital.", category: "threat", cover: "hospital" },
    { text: "Your family will be next.", category: "threat", cover: "Your family will be next" },
    { text: "You're dead, you hear me?", category: "threat", cover: "dead" },
    { text: "You're dead if you come back here.", category: "threat", cover: "dead" },
  ];
  for (const c of cases) it(c.text, check(c, "report-to-police"));
});

describe("report-to-police: an account of an assault on you; its time or place does not make it a threat of imminent violence", () => {
  // After directSpeech, "He punched me in the face outside the polling station" reads "I punched you …".
  const cases: Case[] = [
    {
      text: "I punched you in the face outside the polling station.",
      category: "threat",
      cover: "punched you",
    },
    { text: "I shoved you into the railings at the count.", category: "threat", cover: "shoved you" },
    { text: "I spat at you outside the station on Saturday.", category: "threat", cover: "spat at you" },
    { text: "I grabbed you by the arm and wouldn't let go.", category: "threat", cover: "grabbed you" },
    { text: "I threw an egg at you at the hustings.", category: "threat", cover: "egg at you" },
  ];
  for (const c of cases) it(c.text, check(c, "report-to-police"));
});

it("'beat you black and blue' is a threat, not discriminatory", () => {
  const a = expectCase(
    { text: "I'm going to beat you black and blue.", category: "threat", cover: "beat you" },
    "report-to-police",
  );
  assert.deepEqual(a.characteristics, [], show(a));
});
