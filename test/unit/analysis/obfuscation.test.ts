// Obfuscation must not hide abuse or threats: leetspeak, inserted spaces or punctuation, asterisks,
// repeated letters, homoglyphs. Spans still point into the original (obfuscated) text.
import { describe, it } from "node:test";
import { assertLevel, check, run, type Case } from "./support.ts";
import type { Level } from "../../../src/core/analysis/index.ts";

// Cyrillic letters that look Latin.
const CY = {
  a: "\u0430",
  e: "\u0435",
  i: "\u0456",
  o: "\u043e",
  c: "\u0441",
  p: "\u0440",
  s: "\u0455",
  y: "\u0443",
};

const groups: Record<string, Array<[Case, Level]>> = {
  leetspeak: [
    [{ text: "I will k1ll you.", category: "threat", cover: "k1ll" }, "report-to-police"],
    [{ text: "I'll k!ll y0u", category: "threat", cover: "k!ll" }, "report-to-police"],
    [{ text: "k1ll y0urs3lf", category: "self-harm", cover: "k1ll y0urs3lf" }, "report-to-police"],
    [{ text: "I'm going to r4pe you.", category: "sexual", cover: "r4pe" }, "report-to-police"],
    [{ text: "I'm going to r@pe you.", category: "sexual", cover: "r@pe" }, "report-to-police"],
    [{ text: "you stup1d 1d10t", category: "abuse", cover: "1d10t" }, "report-to-platform"],
    [{ text: "I'll st4b you at the c0unt.", category: "imminent", cover: "st4b" }, "call-999"],
    [
      {
        text: "You're a useless r3tard.",
        category: "discriminatory",
        characteristic: "disability",
        cover: "r3tard",
      },
      "report-to-police",
    ],
    [
      {
        text: "no one wants a f4ggot like you",
        category: "discriminatory",
        characteristic: "sexual-orientation",
        cover: "f4ggot",
      },
      "report-to-police",
    ],
  ],
  "inserted spaces or punctuation": [
    [{ text: "I will k i l l you.", category: "threat", cover: "k i l l" }, "report-to-police"],
    [{ text: "I will k.i.l.l you.", category: "threat", cover: "k.i.l.l" }, "report-to-police"],
    [{ text: "I'm going to k-i-l-l you.", category: "threat", cover: "k-i-l-l" }, "report-to-police"],
    [{ text: "I'm going to k_i_l_l you.", category: "threat", cover: "k_i_l_l" }, "report-to-police"],
    [
      { text: "Someone should s.h.o.o.t you.", category: "violence-wish", cover: "s.h.o.o.t" },
      "report-to-police",
    ],
    [{ text: "k i l l  y o u r s e l f", category: "self-harm", cover: "k i l l" }, "report-to-police"],
    [{ text: "I'll k.i.l.l you t o n i g h t", category: "imminent", cover: "k.i.l.l" }, "call-999"],
    [{ text: "I've got a g u n and I'll use it on you.", category: "weapon", cover: "g u n" }, "call-999"],
  ],
  asterisks: [
    [{ text: "You f*cking idiot.", category: "abuse", cover: "f*cking idiot" }, "report-to-platform"],
    [{ text: "You're a f**king moron.", category: "abuse", cover: "moron" }, "report-to-platform"],
    [{ text: "you absolute c*nt", category: "abuse", cover: "c*nt" }, "report-to-platform"],
    [
      {
        text: "Go back to Pakistan, you dirty P*ki.",
        category: "discriminatory",
        characteristic: "race",
        cover: "P*ki",
      },
      "report-to-police",
    ],
    [{ text: "I'm going to k*ll you.", category: "threat", cover: "k*ll" }, "report-to-police"],
  ],
  "repeated letters": [
    [{ text: "I hope you diiiie.", category: "violence-wish", cover: "diiiie" }, "report-to-police"],
    [{ text: "I will kiiiiiill you", category: "threat", cover: "kiiiiiill" }, "report-to-police"],
    [{ text: "KILLLLL YOURSELFFFF", category: "self-harm", cover: "KILLLLL" }, "report-to-police"],
    [{ text: "You iiiiidiot", category: "abuse", cover: "iiiiidiot" }, "report-to-platform"],
  ],
  "homoglyphs (Cyrillic letters that look Latin)": [
    [{ text: `I will k${CY.i}ll you.`, category: "threat", cover: `k${CY.i}ll` }, "report-to-police"],
    [
      { text: `k${CY.i}ll ${CY.y}${CY.o}urself`, category: "self-harm", cover: `k${CY.i}ll` },
      "report-to-police",
    ],
    [
      {
        text: `You fu${CY.c}king ${CY.i}d${CY.i}${CY.o}t`,
        category: "abuse",
        cover: `${CY.i}d${CY.i}${CY.o}t`,
      },
      "report-to-platform",
    ],
    [
      {
        text: `I'm g${CY.o}ing t${CY.o} k${CY.i}ll y${CY.o}u t${CY.o}night.`,
        category: "imminent",
        cover: `k${CY.i}ll`,
      },
      "call-999",
    ],
    [
      {
        text: `S${CY.o}me${CY.o}ne sh${CY.o}uld sh${CY.o}${CY.o}t you.`,
        category: "violence-wish",
        cover: `sh${CY.o}${CY.o}t`,
      },
      "report-to-police",
    ],
    [{ text: `I'm going to r${CY.a}pe you.`, category: "sexual", cover: `r${CY.a}pe` }, "report-to-police"],
  ],
  "several tricks at once": [
    [{ text: "I'll k-1-l-l y0u tonight", category: "imminent", cover: "k-1-l-l" }, "call-999"],
    [{ text: `k 1 l l  ${CY.y} 0 u r s 3 l f`, category: "self-harm", cover: "k 1 l l" }, "report-to-police"],
    [{ text: "ur a f*****g 1diiiiot", category: "abuse", cover: "1diiiiot" }, "report-to-platform"],
  ],
};

for (const [group, cases] of Object.entries(groups)) {
  describe(`obfuscation does not hide abuse or threats: ${group}`, () => {
    for (const [c, level] of cases) it(`${c.text} → ${level}`, check(c, level));
  });
}

describe("de-obfuscation does not invent abuse in ordinary words and place names", () => {
  for (const text of [
    "You're a skilled speaker and a credit to Kilburn.",
    "Greetings from Scunthorpe! Is there a hustings near us?",
    "Penistone residents would like a hustings too.",
    "The Cockermouth flood defences need funding.",
    "I'm a diehard supporter of yours.",
    "Analysis of the budget shows a shortfall in Essex and Middlesex.",
    "The assistant at your office was lovely.",
    "Shitake mushrooms were on sale at the farmers' market, lovely event.",
    "Is the Sussex by-election on Thursday?",
    "R.I.P. to our local postmistress, she ran the shop for forty years.",
    "Please sign our petition: s.a.v.e. t.h.e. l.i.b.r.a.r.y",
  ]) {
    it(text, () => assertLevel(run(text), "keep-record"));
  }
});
