// The quick answers can only raise a verdict: answering "no" to everything gives the same level as
// skipping the questions, "not sure" never lowers anything, and a red-flag answer raises the level.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import type { QuickAnswers } from "../../../../src/core/incident/model.ts";
import { QUICK_QUESTIONS } from "../../../../src/core/triage/questions.ts";
import { GUIDANCE_SOURCES as S } from "../../../../src/core/triage/sources.ts";
import { assertLevel, assertReasonCites, atLeast, verdictOf, type Scenario } from "./support.ts";

const ALL_NO: QuickAnswers = {
  weapon: "no",
  saidWhenOrWhere: "no",
  revealedPrivateDetails: "no",
  contactedBefore: "no",
  cameToHome: "no",
  propertyDamaged: "no",
  someoneHurt: "no",
  referredTo: [],
  frightened: "no",
};
const ALL_UNSURE: QuickAnswers = {
  weapon: "unsure",
  saidWhenOrWhere: "unsure",
  revealedPrivateDetails: "unsure",
  contactedBefore: "unsure",
  cameToHome: "unsure",
  propertyDamaged: "unsure",
  someoneHurt: "unsure",
  frightened: "unsure",
};

const INCIDENTS: Record<string, Scenario> = {
  "a polite but unwelcome letter (keep a record)": {
    summary: "Letter complaining about our leaflets",
    channel: "letter",
    evidence: ["Dear Ms Okafor, Please stop putting leaflets through my door. I will not be voting for you."],
  },
  "abuse in a reply on X (report it on the platform)": {
    summary: "Abusive reply on X",
    channel: "social-media",
    platform: "x",
    evidence: ["@AmiraForBramley you're a thick useless cow"],
  },
  "a threatening email (report it to the police)": {
    summary: "Threatening email after the hustings",
    channel: "email",
    evidence: ["People like you deserve what's coming to you. Watch your back."],
  },
  "a threat of imminent violence on the doorstep (call 999)": {
    summary: "Man threatened to come back tonight",
    description:
      "Canvassing Elm Road. The man at number 22 followed me to the gate and shouted \"I'll be back tonight with my mates and you'll regret it\".",
    channel: "doorstep",
  },
};

describe("answering 'no' to every question gives the same level as skipping them", () => {
  for (const [name, s] of Object.entries(INCIDENTS)) {
    it(name, () => {
      const skipped = verdictOf(s);
      const no = verdictOf({ ...s, answers: ALL_NO });
      assert.equal(no.level, skipped.level);
      assert.equal(no.reasons.filter((r) => r.kind === "answer").length, 0, "a 'no' answer gave a reason");
    });
  }
});

describe("'not sure' never lowers the level", () => {
  for (const [name, s] of Object.entries(INCIDENTS)) {
    it(name, () => {
      const skipped = verdictOf(s);
      assert.ok(atLeast(verdictOf({ ...s, answers: ALL_UNSURE }).level, skipped.level));
    });
  }
});

describe("a red-flag answer raises the level", () => {
  const [letter, reply] = [
    INCIDENTS["a polite but unwelcome letter (keep a record)"]!,
    INCIDENTS["abuse in a reply on X (report it on the platform)"]!,
  ];

  it("the same X reply, when the candidate says the account has posted her home address: call 999", () => {
    const v = verdictOf({ ...reply, answers: { ...ALL_NO, revealedPrivateDetails: "yes" } });
    assertLevel(v, "call-999");
    assertReasonCites(v, S.redFlagPersonalInfo, "answer");
  });

  it("the same letter, when the candidate says it mentioned a weapon: call 999", () => {
    const v = verdictOf({ ...letter, answers: { ...ALL_NO, weapon: "yes" } });
    assertLevel(v, "call-999");
    assertReasonCites(v, S.redFlagWeapons, "answer");
  });

  it("the same letter, hand-delivered by a man the candidate says has approached her before: report to the police", () => {
    const v = verdictOf({ ...letter, answers: { ...ALL_NO, contactedBefore: "yes" } });
    assertLevel(v, "report-to-police");
    assertReasonCites(v, S.policeRepeatedContact, "answer");
  });

  it("each yes/no question, answered 'yes', never lowers the level of any incident", () => {
    for (const q of QUICK_QUESTIONS) {
      if (q.kind !== "yes-no") continue;
      for (const [name, s] of Object.entries(INCIDENTS)) {
        const base = verdictOf({ ...s, answers: ALL_NO }).level;
        const yes = verdictOf({ ...s, answers: { ...ALL_NO, [q.id]: "yes" } }).level;
        assert.ok(atLeast(yes, base), `${q.id} = yes lowered "${name}" from ${base} to ${yes}`);
        assert.ok(atLeast(yes, "report-to-police"), `${q.id} = yes left "${name}" at ${yes}`);
      }
    }
  });
});
