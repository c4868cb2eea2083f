// The LGA's S.H.I.E.L.D principles (Safeguard, Help, Inform, Evidence, Let people know, Decide), each
// shown in realistic incidents, with the wording that fits the situation. Every shield.* step id in
// STEP_IDS must have a scenario here (the last test).
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { STEP_IDS } from "../../../../src/core/triage/advice.ts";
import { GUIDANCE_SOURCES as S } from "../../../../src/core/triage/sources.ts";
import {
  ACTORS,
  assertLevel,
  assertNoStep,
  assertStep,
  historyOf,
  verdictOf,
  coverageTracker,
  type Scenario,
} from "./support.ts";

const { covered, scenario } = coverageTracker();

// ---------- The incidents ----------

/** One-off abuse on X, no threat: report it to the platform. */
const xReply: Scenario = {
  summary: "Abusive reply to my post about the library",
  channel: "social-media",
  platform: "x",
  evidence: ["@AmiraForBramley you useless lying bitch, nobody wants you"],
};

/** Abuse on the doorstep while canvassing. */
const doorstepAbuse: Scenario = {
  summary: "Abuse on the doorstep, Mill Lane",
  description: 'Door 34, Mill Lane. The man who answered called me "a thick useless cow" and shut the door.',
  channel: "doorstep",
};

/** A threatening email: report it to the police. */
const threateningEmail: Scenario = {
  summary: "Threatening email after the hustings",
  channel: "email",
  evidence: ["People like you deserve what's coming to you. Watch your back."],
};

/** A threat of imminent violence on the doorstep: call 999. */
const imminentDoorstep: Scenario = {
  summary: "Man threatened to come back tonight",
  description:
    "Canvassing Elm Road. The man at number 22 followed me to the gate and shouted \"I'll be back tonight with my mates and you'll regret it\".",
  channel: "doorstep",
};

/** A polite but unwelcome letter: only keep a record. */
const grumpyLetter: Scenario = {
  summary: "Letter complaining about our leaflets",
  channel: "letter",
  evidence: [
    "Dear Ms Okafor, Please stop putting leaflets through my door. I will not be voting for you. Yours, R. Hughes",
  ],
};

/** The same account's second abusive reply: a course of conduct. */
const trollAgain: Scenario = {
  ...xReply,
  summary: "Same account again, under my post about the bus station",
  actorIds: [ACTORS.troll],
  evidence: ["@AmiraForBramley still here? You thick useless cow"],
  earlier: historyOf(ACTORS.troll, [xReply]),
};

describe("Safeguard: protect yourself online and in person", () => {
  scenario("shield.safeguard", "in person on the doorstep: move away, do not go out alone", () => {
    const step = assertStep(verdictOf(doorstepAbuse), "shield.safeguard", /Protect yourself in person/);
    assert.match(step.text, /move away/);
    assert.equal(step.source, S.shieldSafeguard);
  });

  scenario("shield.safeguard", "online on X: check who can see your posts and contact you", () => {
    const step = assertStep(verdictOf(xReply), "shield.safeguard", /Protect yourself online/);
    assert.match(step.text, /personal details off public profiles/);
  });

  scenario(
    "shield.safeguard",
    "a note pushed through the candidate's front door at night: protect yourself at home, not online",
    () => {
      const v = verdictOf({
        summary: "Note through my letterbox overnight",
        description: "Found this on the mat at 6am. Nobody saw who put it through the door.",
        channel: "letter",
        targeted: ["candidate", "family"],
        answers: { cameToHome: "yes" },
        evidence: ["WE KNOW WHERE YOU LIVE NOW. STAND DOWN."],
      });
      const step = assertStep(v, "shield.safeguard");
      assert.doesNotMatch(step.text, /Protect yourself online/);
    },
    {},
  );
});

describe("Help: make sure you are safe first, get help if needed", () => {
  scenario("shield.help", "a threat of imminent violence: make sure everyone is safe, call 999", () => {
    const v = verdictOf(imminentDoorstep);
    assertLevel(v, "call-999");
    const step = assertStep(v, "shield.help", /call 999 now/);
    assert.equal(step.source, S.shieldHelp);
  });

  scenario("shield.help", "one-off abuse online: Victim Support is there if you need it", () => {
    const step = assertStep(verdictOf(xReply), "shield.help", "Victim Support");
    assert.match(step.text, /08 08 16 89 111/);
    assert.doesNotMatch(step.text, /999/);
  });
});

describe("Inform: tell them once that you consider it abusive", () => {
  scenario("shield.inform", "shown for one-off abuse at platform level", () => {
    const v = verdictOf(xReply);
    assertLevel(v, "report-to-platform");
    const step = assertStep(v, "shield.inform", /If you feel safe doing so/);
    assert.match(step.text, /You do not have to reply at all/);
    assert.equal(step.source, S.shieldInform);
  });

  scenario("shield.inform", "not shown when the same account keeps at it (harassment: do not engage)", () => {
    const v = verdictOf(trollAgain);
    assert.ok(v.findings.some((f) => f.kind === "course-of-conduct"));
    assertNoStep(v, "shield.inform");
    assertStep(v, "protect.do-not-engage");
  });

  scenario("shield.inform", "not shown for a threat the police should hear about", () => {
    const v = verdictOf(threateningEmail);
    assertLevel(v, "report-to-police");
    assertNoStep(v, "shield.inform");
  });

  scenario("shield.inform", "not shown for a threat of imminent violence", () => {
    assertNoStep(verdictOf(imminentDoorstep), "shield.inform");
  });
});

describe("Evidence: gather evidence", () => {
  scenario("shield.evidence", "online: capture screenshots before blocking or reporting", () => {
    const step = assertStep(verdictOf(xReply), "shield.evidence", /screenshots/);
    assert.match(step.text, /Before you block or report anything/);
    assert.match(step.text, /full web address/);
    assert.equal(step.source, S.shieldEvidence);
  });

  scenario("shield.evidence", "email: capture it too", () => {
    assertStep(
      verdictOf(threateningEmail),
      "shield.evidence",
      /screenshots that show the sender, the date and time/,
    );
  });

  scenario("shield.evidence", "in person: write it down while it is fresh", () => {
    const step = assertStep(verdictOf(doorstepAbuse), "shield.evidence", /Write down what happened/);
    assert.match(step.text, /what the person looked like/);
    assert.doesNotMatch(step.text, /screenshot/);
  });

  scenario(
    "shield.evidence",
    "a letter: keep the letter itself, not screenshots and web addresses",
    () => {
      const step = assertStep(verdictOf(grumpyLetter), "shield.evidence");
      assert.doesNotMatch(step.text, /screenshot|web address/);
      assert.match(step.text, /letter/i);
    },
    {},
  );

  scenario(
    "shield.evidence",
    "a phone call: note the number and time, keep any voicemail; there is no web address",
    () => {
      const step = assertStep(
        verdictOf({
          summary: "Abusive call to the office",
          description: 'A man rang the office and called me "a useless waste of space" before hanging up.',
          channel: "phone-call",
        }),
        "shield.evidence",
      );
      assert.doesNotMatch(step.text, /web address/);
    },
    {},
  );
});

describe("Let people know: report it, depending on how serious it is", () => {
  scenario("shield.let-people-know", "call-999: tell the police now (999), then your agent", () => {
    const step = assertStep(
      verdictOf(imminentDoorstep),
      "shield.let-people-know",
      /Tell the police now \(999\)/,
    );
    assert.equal(step.source, S.shieldLetPeopleKnow);
  });

  scenario("shield.let-people-know", "report-to-police: 101 or the single point of contact", () => {
    assertStep(
      verdictOf(threateningEmail),
      "shield.let-people-know",
      /101 or to your force's single point of contact/,
    );
  });

  scenario(
    "shield.let-people-know",
    "report-to-platform: report it on the platform and tell your agent",
    () => {
      const step = assertStep(verdictOf(xReply), "shield.let-people-know", /Report it on the platform/);
      assert.doesNotMatch(step.text, /101|999/);
    },
  );

  scenario("shield.let-people-know", "keep-record: tell your agent or party contact", () => {
    const v = verdictOf(grumpyLetter);
    assertLevel(v, "keep-record");
    assertStep(v, "shield.let-people-know", /Tell your agent or party contact/);
  });
});

describe("Decide: whether you want to keep receiving communications or approaches", () => {
  scenario("shield.decide", "messages: block, mute or filter once captured", () => {
    const step = assertStep(verdictOf(xReply), "shield.decide", /block, mute or filter/);
    assert.match(step.text, /once you have captured the evidence/);
    assert.equal(step.source, S.shieldDecide);
  });

  scenario("shield.decide", "in person: you do not have to engage", () => {
    assertStep(verdictOf(doorstepAbuse), "shield.decide", /you do not have to engage/);
  });
});

describe("every S.H.I.E.L.D step has a scenario", () => {
  it("all six principles, in order, with the LGA as source", () => {
    const v = verdictOf(xReply);
    assert.deepEqual(
      v.nextSteps.filter((s) => s.group === "shield").map((s) => s.title),
      ["Safeguard", "Help", "Inform", "Evidence", "Let people know", "Decide"],
    );
    for (const s of v.nextSteps.filter((s) => s.group === "shield"))
      assert.match(s.source, /S\.H\.I\.E\.L\.D/);
  });

  it("each shield.* id in STEP_IDS is covered by a scenario in this file", () => {
    const missing = STEP_IDS.filter((id) => id.startsWith("shield.") && !covered.has(id));
    assert.deepEqual(missing, [], `no scenario for ${missing.join(", ")}`);
  });
});
