// The guidance's protective steps ("Protecting Yourself, Family, Friends and Colleagues") and each
// platform's own safety controls, each in a realistic incident where the advice shows it. Every
// protect.* id in STEP_IDS and every platform in PLATFORM_CONTROLS must have a scenario here.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { PLATFORM_CONTROLS, STEP_IDS } from "../../../../src/core/triage/advice.ts";
import { GUIDANCE_SOURCES as S } from "../../../../src/core/triage/sources.ts";
import type { Platform } from "../../../../src/core/incident/model.ts";
import {
  ACTORS,
  assertLevelAtLeast,
  assertNoStep,
  assertStep,
  historyOf,
  stepOf,
  verdictOf,
  coverageTracker,
  type Scenario,
} from "./support.ts";

const { covered, scenario } = coverageTracker();

// ---------- Incidents used by several steps ----------

const hustingsHeckler: Scenario = {
  summary: "Heckled at the St Mary's hall hustings",
  description:
    'About halfway through the hustings a man near the back stood up and shouted that I was "a liar and a disgrace". The chair asked him to sit down and he did.',
  channel: "hustings",
};

const doorstepAbuse: Scenario = {
  summary: "Abuse on the doorstep, Mill Lane",
  description: 'Door 34, Mill Lane. The man who answered called me "a thick useless cow" and shut the door.',
  channel: "doorstep",
};

const streetThreat: Scenario = {
  summary: "Man outside the Co-op threatened me",
  description:
    'Leafleting outside the Co-op on Town Street. A man in a grey hoodie shouted "you\'d better watch your back" at me from across the road.',
  channel: "street",
};

const facebookAbuse: Scenario = {
  summary: "Abusive comment on my Facebook page",
  channel: "social-media",
  platform: "facebook",
  evidence: ["What a useless waste of space you are. Thick as mince."],
};

const xAbuse: Scenario = {
  summary: "Abusive reply on X",
  channel: "social-media",
  platform: "x",
  evidence: ["@AmiraForBramley you're a thick useless cow"],
};

const threateningEmail: Scenario = {
  summary: "Threatening email after the hustings",
  channel: "email",
  evidence: ["People like you deserve what's coming to you. Watch your back."],
};

describe("At hustings and public meetings", () => {
  scenario("protect.hustings", "a heckler at the hustings: know your exits, 999 or 101", () => {
    const step = assertStep(verdictOf(hustingsHeckler), "protect.hustings", /near an exit/);
    assert.match(step.text, /call 999 if the danger is immediate, or 101/);
    assert.equal(step.source, S.hustings);
  });

  scenario("protect.hustings", "not shown for a doorstep incident", () => {
    assertNoStep(verdictOf(doorstepAbuse), "protect.hustings");
  });
});

describe("Canvassing and visiting voters at the door", () => {
  scenario("protect.canvassing", "abuse on the doorstep: disengage, canvass in pairs", () => {
    const step = assertStep(verdictOf(doorstepAbuse), "protect.canvassing", /disengage and walk away/);
    assert.match(step.text, /tell someone where you are canvassing/);
    assert.equal(step.source, S.canvassing);
  });

  scenario("protect.canvassing", "a threat while leafleting in the street", () => {
    assertStep(verdictOf(streetThreat), "protect.canvassing", /Canvass in pairs/);
  });

  scenario("protect.canvassing", "not shown for an email", () => {
    assertNoStep(verdictOf(threateningEmail), "protect.canvassing");
  });
});

describe("Keep records", () => {
  scenario("protect.keep-records", "even a polite but unwelcome letter is kept (what, where, when)", () => {
    const v = verdictOf({
      summary: "Letter complaining about our leaflets",
      channel: "letter",
      evidence: [
        "Dear Ms Okafor, Please stop putting leaflets through my door. I will not be voting for you.",
      ],
    });
    const step = assertStep(v, "protect.keep-records", /what, where, when/);
    assert.equal(step.source, S.keepRecords);
  });

  scenario("protect.keep-records", "and a threat of imminent violence", () => {
    assertStep(
      verdictOf({
        summary: "Man threatened to come back tonight",
        description:
          "The man at number 22 shouted \"I'll be back tonight with my mates and you'll regret it\".",
        channel: "doorstep",
      }),
      "protect.keep-records",
    );
  });
});

describe("Do not engage with people stalking or harassing you", () => {
  scenario("protect.do-not-engage", "the same account's third abusive reply: do not reply", () => {
    const v = verdictOf({
      ...xAbuse,
      summary: "Same account again",
      actorIds: [ACTORS.troll],
      evidence: ["@AmiraForBramley still pretending you care about Bramley? Useless."],
      earlier: historyOf(ACTORS.troll, [xAbuse, { ...xAbuse, evidence: ["@AmiraForBramley liar liar"] }]),
    });
    const step = assertStep(v, "protect.do-not-engage", /Do not reply to or approach this person/);
    assert.equal(step.source, S.doNotEngage);
  });

  scenario("protect.do-not-engage", "a threatening email: let the police deal with them", () => {
    assertStep(verdictOf(threateningEmail), "protect.do-not-engage", /Let the police deal with them/);
  });

  scenario("protect.do-not-engage", "not shown for one-off abuse that is for the platform", () => {
    assertNoStep(verdictOf(xAbuse), "protect.do-not-engage");
  });
});

describe("Report intimidation to your internet service provider or mobile phone company", () => {
  scenario("protect.report-to-provider", "texts to a personal mobile: the mobile phone company", () => {
    const step = assertStep(
      verdictOf({
        summary: "Abusive texts to my personal mobile",
        channel: "text-message",
        evidence: ["You are a joke. Thick useless cow. Nobody wants you."],
      }),
      "protect.report-to-provider",
      /mobile phone company/,
    );
    assert.equal(step.source, S.reportToProvider);
  });

  scenario("protect.report-to-provider", "calls to the office: the phone company", () => {
    assertStep(
      verdictOf({
        summary: "Silent and abusive calls to the office",
        description:
          'Third call this afternoon from the same number. This time he said "you\'re a useless waste of space" and rang off.',
        channel: "phone-call",
      }),
      "protect.report-to-provider",
      /calls or texts to your mobile phone company/,
    );
  });

  scenario("protect.report-to-provider", "emails: the email or internet service provider", () => {
    assertStep(
      verdictOf(threateningEmail),
      "protect.report-to-provider",
      /email or internet service provider/,
    );
  });

  scenario("protect.report-to-provider", "not shown for a social media post (the platform instead)", () => {
    assertNoStep(verdictOf(xAbuse), "protect.report-to-provider");
  });
});

describe("Use 'Report Abuse' tools on social media platforms", () => {
  scenario("protect.report-abuse-tools", "abuse on X: report the post, after capturing it", () => {
    const step = assertStep(verdictOf(xAbuse), "protect.report-abuse-tools", /'Report' tools/);
    assert.match(step.text, /after you have captured the evidence/);
    assert.equal(step.source, S.reportAbuseTools);
  });

  scenario("protect.report-abuse-tools", "abuse in the comments of a local news site", () => {
    assertStep(
      verdictOf({
        summary: "Comment under the Bramley Gazette article about the hustings",
        channel: "other-online",
        url: "https://www.bramleygazette.co.uk/news/hustings-report#comments",
        evidence: ["She's a useless waste of space and a liar. Thick as mince."],
      }),
      "protect.report-abuse-tools",
    );
  });

  scenario("protect.report-abuse-tools", "not shown for a doorstep incident", () => {
    assertNoStep(verdictOf(doorstepAbuse), "protect.report-abuse-tools");
  });
});

describe("Block or report trolls; turn off comments on Meta platforms", () => {
  scenario("protect.block-trolls", "Facebook: block, report, and turn off comments post by post", () => {
    const step = assertStep(verdictOf(facebookAbuse), "protect.block-trolls", /turn off comments on a post/);
    assert.equal(step.source, S.blockTrolls);
  });

  scenario("protect.block-trolls", "Instagram: the same Meta option", () => {
    assertStep(
      verdictOf({
        summary: "Comments on my Instagram post",
        channel: "social-media",
        platform: "instagram",
        evidence: ["ugly cow, no one will vote for a thick useless woman like you"],
      }),
      "protect.block-trolls",
      /Facebook and Instagram/,
    );
  });

  scenario("protect.block-trolls", "X: block and report, without the Meta comment option", () => {
    const step = assertStep(verdictOf(xAbuse), "protect.block-trolls", /Block and report the account/);
    assert.doesNotMatch(step.text, /turn off comments/);
  });
});

describe("Online health check: minimise the personal information available", () => {
  scenario(
    "protect.online-health-check",
    "a post revealing the candidate's home address: get it removed",
    () => {
      const v = verdictOf({
        summary: "Post with my home address",
        channel: "social-media",
        platform: "x",
        evidence: ["Everyone should know where this traitor lives: 14 Orchard Close, Bramley, LS13 2AB."],
      });
      const step = assertStep(v, "protect.online-health-check", /Someone knows details you keep private/);
      assert.match(step.text, /people-search sites/);
      assert.equal(step.source, S.onlineHealthCheck);
    },
  );

  scenario("protect.online-health-check", "on the doorstep, recorded through the question", () => {
    assertStep(
      verdictOf({
        ...doorstepAbuse,
        answers: { revealedPrivateDetails: "yes" },
      }),
      "protect.online-health-check",
      /Someone knows details you keep private/,
    );
  });

  scenario("protect.online-health-check", "an abusive email: review what is online about you", () => {
    assertStep(
      verdictOf(threateningEmail),
      "protect.online-health-check",
      /Review what personal information/,
    );
  });

  scenario("protect.online-health-check", "not shown for a heckler at the hustings", () => {
    assertNoStep(verdictOf(hustingsHeckler), "protect.online-health-check");
  });
});

describe("Ask the police for personal safety advice and a security survey", () => {
  scenario("protect.security-survey", "a man who came to the candidate's home", () => {
    const v = verdictOf({
      summary: "Man shouting outside my house",
      description:
        'A man stood at my gate for twenty minutes shouting "traitor" at the windows until my husband went out.',
      channel: "home",
      targeted: ["candidate", "family"],
    });
    const step = assertStep(v, "protect.security-survey", /home or workplace security survey/);
    assert.equal(step.source, S.securitySurvey);
  });

  scenario("protect.security-survey", "the campaign office window smashed overnight", () => {
    assertStep(
      verdictOf({
        summary: "Campaign office window smashed",
        description:
          "Came in at 8am to find the front window of the campaign office smashed and a brick on the floor.",
        channel: "office",
        targeted: ["candidate", "staff"],
        answers: { propertyDamaged: "yes" },
      }),
      "protect.security-survey",
    );
  });

  scenario("protect.security-survey", "not shown for one-off abuse on X", () => {
    assertNoStep(verdictOf(xAbuse), "protect.security-survey");
  });
});

describe("Your force's single point of contact", () => {
  scenario("protect.spoc", "a threatening email: use the SPOC, ask for a briefing", () => {
    const v = verdictOf(threateningEmail);
    assertLevelAtLeast(v, "report-to-police");
    const step = assertStep(v, "protect.spoc", /single point of contact/);
    assert.match(step.text, /Always call 999 in an emergency/);
    assert.equal(step.source, S.spoc);
  });

  scenario("protect.spoc", "not shown for one-off abuse that is for the platform", () => {
    assertNoStep(verdictOf(xAbuse), "protect.spoc");
  });
});

// ---------- Each platform's own controls ----------

const PLATFORM_SCENARIOS: Record<string, Scenario> = {
  x: xAbuse,
  facebook: facebookAbuse,
  instagram: {
    summary: "Instagram comment on my canvassing photo",
    channel: "social-media",
    platform: "instagram",
    evidence: ["ugly cow, no one will vote for a thick useless woman like you"],
  },
  tiktok: {
    summary: "Comments under my TikTok about the bus station",
    channel: "social-media",
    platform: "tiktok",
    evidence: ["this woman is a joke 😂 thick as mince, useless waste of space"],
  },
  youtube: {
    summary: "Comment under the hustings video on YouTube",
    channel: "social-media",
    platform: "youtube",
    url: "https://www.youtube.com/watch?v=Zq3bramley01",
    evidence: ["What a useless waste of space. Thick as two short planks."],
  },
  whatsapp: {
    summary: "WhatsApp message from an unknown number",
    channel: "other-online",
    platform: "whatsapp",
    evidence: ["You're a thick useless cow and everyone on the estate knows it"],
  },
};

describe("each platform's safety controls", () => {
  for (const [platform, s] of Object.entries(PLATFORM_SCENARIOS)) {
    scenario(`platform.${platform}`, `${s.summary}: the platform's own controls`, () => {
      const v = verdictOf(s);
      const step = assertStep(v, `platform.${platform}`);
      assert.equal(step.text, PLATFORM_CONTROLS[platform as Platform]);
      assert.equal(step.group, "platform");
      assert.equal(step.source, S.platformControls);
      assertStep(v, "protect.report-abuse-tools");
      assertStep(v, "protect.block-trolls");
    });
  }

  scenario(
    "platform.none",
    "a platform without listed controls (Telegram) gets the general steps only",
    () => {
      const v = verdictOf({
        summary: "Telegram message from a stranger",
        channel: "other-online",
        platform: "telegram",
        evidence: ["You're a thick useless cow and everyone on the estate knows it"],
      });
      assert.equal(
        v.nextSteps.some((s) => s.group === "platform"),
        false,
      );
      assertStep(v, "protect.block-trolls");
    },
  );

  it("WhatsApp's controls say what to do about groups", () => {
    assert.ok(
      stepOf(verdictOf(PLATFORM_SCENARIOS.whatsapp!), "platform.whatsapp")?.text.includes("leave the group"),
    );
  });
});

describe("every protective step and platform has a scenario", () => {
  it("each protect.* id in STEP_IDS is covered by a scenario in this file", () => {
    const missing = STEP_IDS.filter((id) => id.startsWith("protect.") && !covered.has(id));
    assert.deepEqual(missing, [], `no scenario for ${missing.join(", ")}`);
  });

  it("each platform in PLATFORM_CONTROLS is covered by a scenario in this file", () => {
    const missing = Object.keys(PLATFORM_CONTROLS).filter((p) => !covered.has(`platform.${p}`));
    assert.deepEqual(missing, [], `no scenario for ${missing.join(", ")}`);
  });

  it("every step id is either a S.H.I.E.L.D step (shield.test.ts) or a protective step (this file)", () => {
    const other = STEP_IDS.filter((id) => !id.startsWith("shield.") && !id.startsWith("protect."));
    assert.deepEqual(other, [], `step ids with no scenario file: ${other.join(", ")}`);
  });
});
