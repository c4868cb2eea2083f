// The shape of every analysis: spans are slices of the original text and cover the words that caused them,
// results are deterministic, categories are distinct, the level is the most serious reason's level, and
// odd input (empty, 100 KB, unusual unicode) does not throw.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import {
  analyse,
  compileProfile,
  LEVEL_RANK,
  type Analysis,
  type Level,
} from "../../../src/core/analysis/index.ts";
import { assertCase, assertLevel, assertWellFormed, categoryRank, run, show } from "./support.ts";

const profile = compileProfile({
  private: {
    homeAddress: "27 Orchard Close, Headingley, Leeds LS6 2QT",
    phones: ["07911 123456"],
    family: ["Amelia"],
    schools: ["St Chad's Primary"],
    vehicles: ["YK21 XRT"],
  },
  public: { offices: ["12 Market Street, Leeds LS1 6DT"], phones: ["0113 496 0000"] },
});

/** A mixed corpus touching every level and most categories. */
const corpus = [
  "",
  "Thanks for the leaflet, good luck on Thursday.",
  "You'll be out on your ear in May.",
  "Fucking hell, the bins still haven't been collected.",
  "You're a useless idiot.",
  "You useless idiot, I'm going to hurt you.",
  "Someone should shoot you.",
  "Kill yourself, you pathetic moron.",
  "Muslims like you are all terrorists.",
  "You disgusting poof. Women like you belong in the kitchen.",
  "I'm going to rape you.",
  "I'll be waiting for you outside your house tonight.",
  "I've been following you. I've planned it all. I've got a shotgun.",
  "I'm going to kill you at the count. I'll k1ll you. I will k i l l you. I will KILL you.",
  "Your home address is 14 Elm Road, Leeds LS6 1AB and your mobile is 07700 900123.",
  "27 orchard cl, YK21XRT, 07911123456, Amelia at St Chad's Primary.",
];

describe("every reason's span is a slice of the text; categories and characteristics are distinct; the level is the most serious reason's", () => {
  for (const text of corpus) {
    it(JSON.stringify(text), () => {
      assertWellFormed(text, analyse(text));
      assertWellFormed(text, analyse(text, profile));
    });
  }
});

describe("spans cover the words that caused them", () => {
  const cases: Array<{
    text: string;
    level: Level;
    category: "threat" | "imminent" | "weapon" | "self-harm" | "abuse" | "discriminatory";
    cover: string;
  }> = [
    {
      text: "Great speech last week. Anyway, I will kill you.",
      level: "report-to-police",
      category: "threat",
      cover: "kill you",
    },
    {
      text: "Lovely weather for it. I'm going to hurt you at the count tonight, see you there.",
      level: "call-999",
      category: "imminent",
      cover: "hurt you at the count tonight",
    },
    {
      text: "Not being funny but I've got a shotgun in the loft and I'm not afraid to use it.",
      level: "call-999",
      category: "weapon",
      cover: "shotgun",
    },
    {
      text: "Your policy on bins is bad and honestly you should kill yourself.",
      level: "report-to-police",
      category: "self-harm",
      cover: "kill yourself",
    },
    {
      text: "Hello there. You are a worthless idiot. Regards.",
      level: "report-to-platform",
      category: "abuse",
      cover: "worthless idiot",
    },
  ];
  for (const c of cases) {
    it(c.text, () => {
      const a = run(c.text);
      assertLevel(a, c.level);
      assertCase(c.text, a, c);
      // And the reason that sets the level is not a span over the whole message.
      const top = a.reasons.filter((r) => r.level === a.level);
      assert.ok(
        top.some((r) => r.span.end - r.span.start < c.text.length),
        `the span should point at the words, not the whole message: ${show(a)}`,
      );
    });
  }

  it("offsets are UTF-16 offsets into the original text, after emoji, accents and homoglyphs", () => {
    const prefixes = [
      "👋🏽👨‍👩‍👧 ",
      "Héllo, cafe\u0301 owner here. ",
      "\u0421\u0430\u0443 \u0445\u0456 — ",
      "\u200B\u200B\u200B",
      "Ｈｅｌｌｏ ",
      "\r\n\t  ",
    ];
    for (const prefix of prefixes) {
      const text = `${prefix}I'm going to kill you tonight. 🔪`;
      const a = run(text);
      assertLevel(a, "call-999");
      assertCase(text, a, { text, category: "imminent", cover: "kill you tonight" });
    }
  });

  it("repeated threats give spans at each place or at least at the first, never outside the text", () => {
    const text = "I will kill you. ".repeat(5);
    const a = run(text);
    assertLevel(a, "report-to-police");
    assert.ok(
      a.reasons.some((r) => r.category === "threat" && r.span.start < "I will kill you.".length),
      show(a),
    );
  });
});

describe("determinism", () => {
  for (const text of corpus) {
    it(`same input, deep-equal output: ${JSON.stringify(text)}`, () => {
      assert.deepEqual(analyse(text), analyse(text));
      assert.deepEqual(analyse(text, profile), analyse(text, profile));
    });
  }

  it("an analysis does not depend on what was analysed before", () => {
    const fresh = corpus.map((text) => analyse(text, profile));
    for (const text of [...corpus].reverse()) analyse(text);
    const again = corpus.map((text) => analyse(text, profile));
    assert.deepEqual(again, fresh);
  });

  it("analysing the text with one profile does not change analyses without a profile", () => {
    const text = "27 orchard cl and 07911123456";
    const before = analyse(text);
    analyse(text, profile);
    assert.deepEqual(analyse(text), before);
  });

  it("the version is the same for every analysis", () => {
    const versions = new Set(corpus.map((text) => analyse(text).version));
    assert.equal(versions.size, 1, [...versions].join(", "));
  });
});

describe("level consistency", () => {
  it("keep-record when nothing is found: no reasons, no categories, no characteristics, threat score 0", () => {
    for (const text of [
      "",
      "   ",
      "Thanks for the leaflet, good luck on Thursday.",
      "What time is your surgery?",
    ]) {
      const a = run(text);
      assertLevel(a, "keep-record");
      assert.deepEqual(a.reasons, [], show(a));
      assert.deepEqual(a.categories, [], show(a));
      assert.deepEqual(a.characteristics, [], show(a));
      assert.equal(a.scores.threat, 0, `no threat rule fired: ${show(a)}`);
    }
  });

  it("a profanity reason alone does not raise the level", () => {
    for (const text of [
      "Fucking hell, the bins still haven't been collected.",
      "Shit, I missed the bus to the hustings.",
    ]) {
      const a = run(text);
      assertLevel(a, "keep-record");
      for (const r of a.reasons) assert.equal(r.level, "keep-record", show(a));
    }
  });

  it("the level is the most serious reason's level when several reasons fire", () => {
    const a = run("You useless idiot. Someone should shoot you. I'll be outside your house tonight.");
    assertLevel(a, "call-999");
    assert.ok(a.reasons.length >= 2, show(a));
    assert.ok(a.categories.includes("abuse") && a.categories.includes("imminent"), show(a));
  });

  it("categories are listed most serious first", () => {
    for (const text of corpus) {
      const a = analyse(text, profile);
      const ranks = a.categories.map((c) => categoryRank(a, c));
      for (let i = 1; i < ranks.length; i++) {
        assert.ok(ranks[i - 1]! >= ranks[i]!, `categories out of order: ${show(a)}`);
      }
    }
  });

  it("a threat rule sets a threat score above 0", () => {
    for (const text of ["I will kill you.", "I'm going to kill you at the count tonight."]) {
      const a = run(text);
      assert.ok(a.scores.threat > 0, show(a));
    }
  });

  it("every level is reachable", () => {
    const seen = new Set(corpus.map((text) => analyse(text, profile).level));
    for (const level of Object.keys(LEVEL_RANK))
      assert.ok(seen.has(level as Level), `no ${level} in the corpus`);
  });
});

describe("odd input does not throw", () => {
  const big = (unit: string) => unit.repeat(Math.ceil(100_000 / unit.length)).slice(0, 100_000);
  const weird = [
    "\u0000\u0001\u0002",
    "\uD800 lone high surrogate and lone low \uDC00",
    "Z̷̢̛̤͎̈́a̸̡͚̓l̶̰̈g̵̣̈́o̸͔͒ text",
    "\u202Eright-to-left override\u202C",
    "\uFEFFbyte order mark",
    "🏴󠁧󠁢󠁳󠁣󠁴󠁿🏴󠁧󠁢󠁷󠁬󠁳󠁿👩🏽‍⚕️",
    "ﬁ ligature, Ⅻ numeral, ß, İ, ǅ",
    "\u00A0\u2028\u2029\u3000",
    "a\u0301".repeat(1000),
    "\uFFFD\uFFFF",
  ];
  for (const text of weird) {
    it(JSON.stringify(text.slice(0, 40)), () => {
      const a = run(text);
      assertWellFormed(text, analyse(text, profile));
      assert.ok(a);
    });
  }

  it("words that are also names of JavaScript object properties are ordinary words", () => {
    // "constructor" once found Object.prototype.constructor in the contractions table and threw
    for (const text of [
      "the constructor of the new bridge",
      "what does valueOf mean",
      "hasOwnProperty __proto__ toString isPrototypeOf",
      "you constructor",
    ]) {
      const a = analyse(text, profile);
      assertWellFormed(text, a);
      assertLevel(a, "keep-record");
    }
  });

  it("the empty string is keep-record", () => {
    const a = run("");
    assertLevel(a, "keep-record");
    assert.deepEqual(a.reasons, []);
  });

  it("100 KB of benign text is keep-record", { timeout: 60_000 }, () => {
    const text = big("Thanks for fixing the potholes on Otley Road, the whole street is grateful. ");
    assert.equal(text.length, 100_000);
    assertLevel(run(text), "keep-record");
  });

  it(
    "a threat at the end of 100 KB is still found, with a span in the right place",
    { timeout: 60_000 },
    () => {
      const tail = "I'm going to kill you at the count tonight.";
      const text = big("Thanks for fixing the potholes on Otley Road. ") + " " + tail;
      const a = run(text);
      assertLevel(a, "call-999");
      assertCase(text, a, { text, category: "imminent", cover: "kill you at the count tonight" });
    },
  );

  for (const [name, unit] of [
    ["one letter", "a"],
    ["digits", "0"],
    ["digit groups", "07911 "],
    ["spaced letters", "k i l "],
    ["punctuation", ".*-_!"],
    ["repeated letters of a bad word", "kiiiii"],
    ["address-like", "27 Orchard "],
    ["emoji", "😀"],
  ] as const) {
    it(`100 KB of ${name} does not throw or hang`, { timeout: 60_000 }, () => {
      const text = big(unit);
      assertWellFormed(text, analyse(text));
      assertWellFormed(text, analyse(text, profile));
    });
  }

  it("arbitrary strings give well-formed, deterministic analyses", { timeout: 120_000 }, () => {
    const words = fc.constantFrom(
      "kill",
      "k1ll",
      "you",
      "tonight",
      "at the count",
      "idiot",
      "Muslim",
      "gay",
      "shotgun",
      "27 Orchard Close",
      "07911 123456",
      "LS6 2QT",
      '"',
      "not",
      "🔪",
      "\u0456",
      " ",
      ".",
    );
    const texts = fc.oneof(
      fc.string({ unit: "binary", maxLength: 200 }),
      fc.array(words, { maxLength: 30 }).map((w) => w.join(" ")),
    );
    fc.assert(
      fc.property(texts, (text) => {
        const a: Analysis = analyse(text, profile);
        assertWellFormed(text, a);
        assert.deepEqual(analyse(text, profile), a);
      }),
      { numRuns: 300 },
    );
  });
});

describe("a long message: rules run sentence by sentence", () => {
  const filler =
    "Thanks for the leaflet about the bus routes. The meeting at the library ran late again. " +
    "I still think the parking plan needs another look before the council votes on it. ";
  const threats = [
    "I'll be waiting for you outside your house tonight.",
    "Someone should shoot you.",
    "You're a useless idiot.",
    "Kill yourself, you pathetic moron.",
  ];
  for (const threat of threats)
    it(`finds "${threat}" among ${filler.length * 4} characters of other sentences, at the same place`, () => {
      const alone = analyse(threat);
      const padded = filler.repeat(2) + threat + " " + filler.repeat(2);
      const offset = filler.length * 2;
      const found = analyse(padded);
      assert.equal(found.level, alone.level);
      assert.deepEqual(found.categories, alone.categories);
      const spans = (a: Analysis, shift: number) =>
        a.reasons.map((r) => [r.rule, r.span.start + shift, r.span.end + shift, r.span.text]);
      assert.deepEqual(spans(found, 0), spans(alone, offset));
    });
});
