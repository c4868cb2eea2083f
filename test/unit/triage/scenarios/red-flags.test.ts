// The guidance's four red flags ("should be brought to the immediate attention of your local police
// (dial 999)"), each in a realistic incident: the verdict is call-999, a reason cites that red flag,
// the headline says call 999 and 999 is the first contact.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { compileProfile } from "../../../../src/core/analysis/index.ts";
import { GUIDANCE_SOURCES as S } from "../../../../src/core/triage/sources.ts";
import type { Verdict } from "../../../../src/core/triage/verdict.ts";
import { assertLevel, assertReasonCites, assertStep, verdictOf } from "./support.ts";

/** What every red-flag verdict shows, whichever flag it is. */
function assertCall999(v: Verdict): void {
  assertLevel(v, "call-999");
  assert.match(v.headline, /call 999/i);
  assert.match(v.advice, /999/);
  assert.equal(v.contacts[0]?.id, "999");
  assert.equal(v.contacts[0]?.phone, "999");
  assertStep(v, "shield.help", /call 999 now/);
  assertStep(v, "shield.let-people-know", /999/);
}

const PROFILE = compileProfile({
  name: "Amira Okafor",
  private: {
    homeAddress: "14 Orchard Close, Bramley, Leeds LS13 2AB",
    phones: ["07700 900461"],
    family: ["Daniel Okafor"],
  },
  public: { offices: ["Unit 3, Town Street, Bramley, Leeds LS13 1HP"], phones: ["0113 496 0000"] },
});

describe("red flag 1: threat of imminent violence", () => {
  it("a man at the candidate's front door: \"I'll be back tonight with my mates and you'll regret it\"", () => {
    const v = verdictOf({
      summary: "Man at my front door threatened me",
      description:
        "About 7pm a man I did not recognise knocked at my front door and asked if I was the one standing for the council. When I said I would not talk about it at home he got angry about the bypass and shouted \"I'll be back tonight with my mates and you'll regret it\" before walking off towards the park.",
      channel: "home",
    });
    assertCall999(v);
    const reason = assertReasonCites(v, S.redFlagImminent, "words");
    assert.equal(reason.level, "call-999");
    assert.match(reason.where?.text ?? "", /tonight/);
  });

  it("a phone threat where the candidate answers that he said when and where", () => {
    const v = verdictOf({
      summary: "Threatening call to my mobile from a withheld number",
      description:
        "Withheld number rang my mobile at 9.40pm. A man said \"you'll get what's coming to you\" and hung up.",
      channel: "phone-call",
      answers: { saidWhenOrWhere: "yes", frightened: "yes" },
    });
    assertCall999(v);
    const reason = assertReasonCites(v, S.redFlagImminent, "answer");
    assert.equal(reason.rule, "answer.saidWhenOrWhere");
  });
});

describe("red flag 2: fixated ideas, a specific threat or a reference to a plan", () => {
  it("a letter saying he has planned what he will do at the count on Thursday", () => {
    const v = verdictOf({
      summary: "Handwritten letter to the campaign office about the count",
      description: "Hand-delivered to the campaign office, no stamp, signed only 'a Bramley resident'.",
      channel: "letter",
      evidence: [
        "Mrs Okafor,\nYou've ignored every letter I sent about the bypass. I've planned exactly what I'm going to do to you at the count on Thursday. You won't see it coming.",
      ],
    });
    assertCall999(v);
    const reason = assertReasonCites(v, S.redFlagFixated, "words");
    assert.equal(reason.category, "plan");
  });

  it("a letter that only says it is all planned for the count", () => {
    const v = verdictOf({
      summary: "Second letter from the same writer",
      channel: "letter",
      evidence: [
        "I have it all planned for the count on Thursday. I know what I'm going to do. See you there.",
      ],
    });
    assertCall999(v);
    assertReasonCites(v, S.redFlagFixated, "words");
  });

  it("an Instagram DM from someone who has been watching the candidate's house", () => {
    const v = verdictOf({
      summary: "DM from an account I don't know",
      channel: "social-media",
      platform: "instagram",
      evidence: [
        "I've been watching your house. I know what time you leave in the morning and when you get home.",
      ],
    });
    assertCall999(v);
    const reason = assertReasonCites(v, S.redFlagFixated, "words");
    assert.equal(reason.category, "fixation");
  });
});

describe("red flag 3: access to weapons or weapons skills", () => {
  it("a Facebook message boasting about his crossbow and that he was in the army", () => {
    const v = verdictOf({
      summary: "Facebook message about a crossbow",
      channel: "social-media",
      platform: "facebook",
      evidence: [
        "I've got a crossbow and I was in the army so I know how to use it. Keep pushing that bypass and see what happens.",
      ],
    });
    assertCall999(v);
    const reason = assertReasonCites(v, S.redFlagWeapons, "words");
    assert.equal(reason.category, "weapon");
  });

  it("a Facebook message about his crossbow and his two tours in Afghanistan", () => {
    const v = verdictOf({
      summary: "Facebook message about a crossbow",
      channel: "social-media",
      platform: "facebook",
      evidence: [
        "Nice crossbow I've got here. Did two tours in Afghanistan, I know exactly how to use it. Think on.",
      ],
    });
    assertCall999(v);
    assertReasonCites(v, S.redFlagWeapons, "words");
  });

  it("a man at the market stall who showed a knife, recorded through the weapon question", () => {
    const v = verdictOf({
      summary: "Man at the Saturday market stall",
      description:
        "A man came up to our stall on Town Street, opened his jacket so I could see what was inside and told me to think on. Then he walked off towards the bus station.",
      channel: "street",
      answers: { weapon: "yes", frightened: "yes" },
    });
    assertCall999(v);
    const reason = assertReasonCites(v, S.redFlagWeapons, "answer");
    assert.equal(reason.rule, "answer.weapon");
  });
});

describe("red flag 4: releasing personal information not already in the public domain", () => {
  it("an X post sharing the candidate's registered home address", () => {
    const v = verdictOf({
      summary: "X post with my home address",
      channel: "social-media",
      platform: "x",
      url: "https://x.com/bramleytruth/status/1916543210987654321",
      evidence: [
        "Everyone should know where this traitor lives: 14 Orchard Close, Bramley, LS13 2AB. Pay her a visit.",
      ],
      profile: PROFILE,
    });
    assertCall999(v);
    const reason = assertReasonCites(v, S.redFlagPersonalInfo, "words");
    assert.equal(reason.detail, "homeAddress");
    assert.equal(reason.level, "call-999");
  });

  it("the candidate's public office address in a post is not the red flag", () => {
    const v = verdictOf({
      summary: "Post about our office opening hours",
      channel: "social-media",
      platform: "x",
      evidence: ["Drop in to see Amira at Unit 3, Town Street, Bramley, LS13 1HP on Saturday morning."],
      profile: PROFILE,
    });
    assert.notEqual(v.level, "call-999");
    assert.equal(
      v.reasons.some((r) => r.source === S.redFlagPersonalInfo),
      false,
    );
  });

  it("a man on the doorstep who named the candidate's son's school, recorded through the question", () => {
    const v = verdictOf({
      summary: "Man on Oak Avenue knew about my son's school",
      description:
        "Canvassing Oak Avenue with Sam. The man at number 9 did not want a leaflet and then mentioned my son's school by name. We left.",
      channel: "doorstep",
      answers: { revealedPrivateDetails: "yes" },
    });
    assertCall999(v);
    const reason = assertReasonCites(v, S.redFlagPersonalInfo, "answer");
    assert.equal(reason.rule, "answer.revealedPrivateDetails");
  });
});
