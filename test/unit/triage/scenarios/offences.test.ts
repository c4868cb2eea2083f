// One realistic incident per row of OFFENCES, in each jurisdiction the row lists: the row is among the
// offences the verdict says the incident "may constitute"; the same incident in a jurisdiction the row
// does not cover does not list it. The scenarios are a map from offence id to a builder, and the map
// must cover every row (so a new row without a scenario fails).
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { JURISDICTIONS, type Jurisdiction } from "../../../../src/core/incident/model.ts";
import { OFFENCES } from "../../../../src/core/triage/offences.ts";
import { GUIDANCE_SOURCES as S } from "../../../../src/core/triage/sources.ts";
import { ACTORS, explain, historyOf, offenceIds, verdictOf, type Scenario } from "./support.ts";

// ---------- The incidents ----------

/** A threat on the doorstep while canvassing. */
const doorstepThreat = (): Scenario => ({
  summary: "Threatened on the doorstep, Mill Lane",
  description:
    'Canvassing Mill Lane with Sam. The man at number 34 came out to the gate and said "I\'ll knock your teeth out if you come down this street again".',
  channel: "doorstep",
  targeted: ["candidate", "volunteer"],
});

/** Abuse shouted at the candidate's stall, which frightened her. */
const streetAbuseFrightened = (): Scenario => ({
  summary: "Man shouted abuse at our stall",
  description:
    'Saturday stall outside the library. A man waiting at the bus stop shouted "you lying scumbag, you should be ashamed of yourself" at me, over and over, until his bus came.',
  channel: "street",
  answers: { frightened: "yes" },
});

/** A heckler at a hustings. */
const hustingsAbuse = (): Scenario => ({
  summary: "Heckled at the St Mary's hall hustings",
  description:
    'A man near the back stood up during my answer on housing and shouted "you\'re a lying disgrace and a useless waste of space". The chair asked him to leave.',
  channel: "hustings",
});

/** The campaign office window smashed overnight. */
const officeDamaged = (): Scenario => ({
  summary: "Campaign office window smashed",
  description:
    "Came in at 8am to find the front window of the campaign office smashed and our posters torn down. There was a brick on the floor inside.",
  channel: "office",
  targeted: ["candidate", "staff"],
  answers: { propertyDamaged: "yes" },
});

/** A threat on Facebook to set fire to the candidate's car. */
const carThreat = (): Scenario => ({
  summary: "Facebook comment threatening my car",
  channel: "social-media",
  platform: "facebook",
  evidence: ["Keep putting your posters up on our street and I'll torch your car"],
});

/** A volunteer pushed while leafleting. */
const volunteerPushed = (): Scenario => ({
  summary: "Volunteer pushed outside the station",
  description:
    "Ellie was handing out leaflets outside the station when a man grabbed her arm, pushed her against the railings and threw the leaflets on the ground.",
  channel: "street",
  targeted: ["volunteer"],
  answers: { someoneHurt: "yes", frightened: "yes" },
});

/** Texts to the candidate's personal mobile from a man asked to stop: the third this week. */
const repeatedTexts = (): Scenario => ({
  summary: "Third text from the same number this week",
  description: "I asked him on Monday to stop texting my personal number.",
  channel: "text-message",
  actorIds: [ACTORS.texter],
  evidence: ["You can't keep ignoring me forever. Answer me."],
  earlier: historyOf(
    ACTORS.texter,
    [
      {
        summary: "Text to my personal mobile",
        channel: "text-message",
        evidence: ["Why are you ignoring me? Answer your phone."],
      },
      {
        summary: "Another text",
        channel: "text-message",
        evidence: ["Pick up. I know you've read my messages."],
      },
    ],
    2,
  ),
});

/** First the candidate, now her husband: messages from the same man telling her to drop out. */
const candidateThenFamily = (): Scenario => ({
  summary: "Message to my husband about me",
  description: "Daniel got this on Facebook Messenger from the same man who emailed me last week.",
  channel: "social-media",
  platform: "facebook",
  targeted: ["family"],
  actorIds: [ACTORS.neighbour],
  evidence: ["Your wife is a liar and a disgrace. Tell her to drop out, she's a useless cow."],
  earlier: historyOf(ACTORS.neighbour, [
    {
      summary: "Email telling me to drop out",
      channel: "email",
      evidence: ["You should drop out of the election. Nobody wants you, you useless cow."],
    },
  ]),
});

/** Instagram messages, then the same man waiting across from the campaign office. */
const stalkingAtOffice = (frightened = false): Scenario => ({
  summary: "Same man waiting across from the campaign office",
  description:
    'When I left the campaign office at 6pm the man who has been sending me Instagram messages was standing across the road again, watching the door. He said "see you tomorrow, Amira" and walked off.',
  channel: "street",
  actorIds: [ACTORS.troll],
  ...(frightened ? { answers: { frightened: "yes" } } : {}),
  earlier: historyOf(ACTORS.troll, [
    {
      summary: "Instagram DM",
      channel: "social-media",
      platform: "instagram",
      evidence: ["You looked tired at the hustings. You should get more sleep, you useless cow."],
    },
    {
      summary: "Another Instagram DM",
      channel: "social-media",
      platform: "instagram",
      evidence: ["Why don't you answer me? You thick useless cow."],
    },
  ]),
});

/** A second threat from the same man: fear of violence on two occasions. */
const secondThreat = (): Scenario => ({
  summary: "Second threatening message from the same man",
  channel: "text-message",
  actorIds: [ACTORS.doorstepMan],
  evidence: ["Watch your back."],
  earlier: historyOf(ACTORS.doorstepMan, [
    { summary: "Threatening email", channel: "email", evidence: ["You'll get what's coming to you."] },
  ]),
});

/** A man outside the candidate's house telling her to stand down. */
const outsideHome = (): Scenario => ({
  summary: "Man outside my house",
  description:
    'At 8pm a man stood on the pavement outside my house and shouted "stand down or you\'ll get hurt" at the front window. My children were in.',
  channel: "home",
  targeted: ["candidate", "family"],
});

/** A man at the candidate's gate with a placard, telling her to withdraw. */
const gatePlacard = (): Scenario => ({
  summary: "Man with a placard at my gate",
  description:
    'A man stood at my gate for an hour on Sunday morning with a placard about the bypass, shouting "withdraw from the election, you traitor!" whenever anyone came past.',
  channel: "home",
});

/** A threatening email, not imminent. */
const threateningEmail = (): Scenario => ({
  summary: "Threatening email after the hustings",
  channel: "email",
  evidence: ["People like you deserve what's coming to you. Watch your back."],
});

/** Abuse shouted in the street (in public, not at home). */
const streetAbuse = (): Scenario => ({ ...streetAbuseFrightened(), answers: {} });

/** Racist abuse on Facebook. */
const racistComment = (): Scenario => ({
  summary: "Racist comment under my campaign video",
  channel: "social-media",
  platform: "facebook",
  evidence: ["Go back to where you came from. We don't want your sort round here."],
});

/** A homophobic threat by email. */
const homophobicEmail = (): Scenario => ({
  summary: "Homophobic email to my campaign address",
  channel: "email",
  evidence: ["You fucking faggot, I'll smash your face in."],
});

/** A grossly offensive letter. */
const offensiveLetter = (): Scenario => ({
  summary: "Anonymous letter to the campaign office",
  channel: "letter",
  evidence: ["Nobody wants a fat ugly slag like you on the council. Crawl back under your rock."],
});

/** A threatening text. */
const threateningText = (): Scenario => ({
  summary: "Text from an unknown number",
  channel: "text-message",
  evidence: ["Watch your back."],
});

/** A threat to kill, by email. */
const killThreat = (): Scenario => ({
  summary: "Email threatening to kill me",
  channel: "email",
  evidence: ["I'm going to kill you, you lying bitch."],
});

/** A post in a community group telling voters what happens if they vote for the candidate. */
const voterIntimidation = (): Scenario => ({
  summary: "Post in the Fernhill estate Facebook group about voting for me",
  channel: "social-media",
  platform: "facebook",
  targeted: ["other"],
  evidence: ["Word to the wise for anyone on the Fernhill estate. Vote for Patel and you'll get hurt."],
});

interface OffenceScenario {
  name: string;
  build: () => Scenario;
  todo?: string;
}

const SCENARIOS: Record<string, OffenceScenario> = {
  POA4: { name: "a threat to knock his teeth out on the doorstep", build: doorstepThreat },
  POA4A: { name: "abuse shouted at the stall, which frightened the candidate", build: streetAbuseFrightened },
  POA5: { name: "a heckler at the hustings", build: hustingsAbuse },
  CD1: { name: "the campaign office window smashed", build: officeDamaged },
  CD2: { name: "a Facebook threat to torch the candidate's car", build: carThreat },
  "NI-CD": { name: "the campaign office window smashed", build: officeDamaged },
  "SC-VANDALISM": { name: "the campaign office window smashed", build: officeDamaged },
  ASLT: { name: "a volunteer pushed against the railings", build: volunteerPushed },
  "NI-ASLT": { name: "a volunteer pushed against the railings", build: volunteerPushed },
  "SC-ASSAULT": { name: "a volunteer pushed against the railings", build: volunteerPushed },
  PHA2: { name: "a third text from the same man after being asked to stop", build: repeatedTexts },
  PHA1A: { name: "the same man messaging the candidate, then her husband", build: candidateThenFamily },
  PHA2A: { name: "Instagram messages, then waiting across from the office", build: () => stalkingAtOffice() },
  PHA4: { name: "a second threat from the same man", build: secondThreat },
  PHA4A: {
    name: "Instagram messages, then waiting across from the office, frightening her",
    build: () => stalkingAtOffice(true),
  },
  CJPA42A: { name: "a man outside the house shouting at her to stand down", build: outsideHome },
  TULR241: { name: "a man at her gate telling her to withdraw", build: gatePlacard },
  "NI-PHO4": { name: "a third text from the same man after being asked to stop", build: repeatedTexts },
  "NI-PSA1": {
    name: "Instagram messages, then waiting across from the office",
    build: () => stalkingAtOffice(),
  },
  "NI-PSA2": { name: "a threatening email", build: threateningEmail },
  "SC-CJL38": { name: "a threatening email", build: threateningEmail },
  "SC-CJL39": {
    name: "Instagram messages, then waiting across from the office",
    build: () => stalkingAtOffice(),
  },
  "SC-BOTP": { name: "abuse shouted at the stall in the street", build: streetAbuse },
  "CDA28-32": { name: "racist abuse on Facebook", build: racistComment },
  SA66: { name: "a homophobic threat by email", build: homophobicEmail },
  "SC-HCPO": { name: "racist abuse on Facebook", build: racistComment },
  "NI-HOSTILITY": { name: "a homophobic threat by email", build: homophobicEmail },
  MCA1: { name: "a grossly offensive anonymous letter", build: offensiveLetter },
  "NI-MCO3": { name: "a grossly offensive anonymous letter", build: offensiveLetter },
  CA127: { name: "a threatening text", build: threateningText },
  OSA181: { name: "an email threatening to kill", build: killThreat },
  OAPA16: { name: "an email threatening to kill", build: killThreat },
  "SC-THREATS": { name: "an email threatening to kill", build: killThreat },
  RPA114A: { name: "a community-group post telling voters they will get hurt", build: voterIntimidation },
};

const verdictIn = (s: Scenario, jurisdiction: Jurisdiction) => verdictOf({ ...s, jurisdiction });

describe("every offence row has a scenario", () => {
  it("the scenario map covers every id in OFFENCES, and nothing else", () => {
    const ids = OFFENCES.map((o) => o.id);
    assert.deepEqual(
      ids.filter((id) => !(id in SCENARIOS)),
      [],
      "offence rows without a scenario",
    );
    assert.deepEqual(
      Object.keys(SCENARIOS).filter((id) => !ids.includes(id)),
      [],
      "scenarios for rows that do not exist",
    );
  });
});

describe("each offence row, in each jurisdiction it lists", () => {
  for (const row of OFFENCES) {
    const s = SCENARIOS[row.id];
    if (!s) continue; // reported by the coverage test above
    for (const jurisdiction of row.jurisdictions) {
      it(
        `${row.id} (${row.statute} ${row.section}) in ${jurisdiction}: ${s.name}`,
        s.todo ? { todo: s.todo } : {},
        () => {
          const v = verdictIn(s.build(), jurisdiction);
          const match = v.offences.find((o) => o.id === row.id);
          assert.ok(match, `${row.id} not listed\n${explain(v)}`);
          assert.equal(match.jurisdiction, jurisdiction);
          assert.equal(match.statute, row.statute);
          assert.equal(match.source, S.offences);
          for (const o of v.offences) {
            const listed = OFFENCES.find((r) => r.id === o.id);
            assert.ok(
              listed?.jurisdictions.includes(jurisdiction),
              `${o.id} listed outside its jurisdictions`,
            );
          }
        },
      );
    }
    const elsewhere = JURISDICTIONS.filter((j) => !row.jurisdictions.includes(j));
    for (const jurisdiction of elsewhere) {
      it(`${row.id} is not listed for the same incident in ${jurisdiction}`, () => {
        const v = verdictIn(s.build(), jurisdiction);
        assert.equal(offenceIds(v).includes(row.id), false, explain(v));
      });
    }
  }
});

describe("the same incident in the three jurisdictions", () => {
  it("a threat to kill by email: s16 and s181 in England and Wales and Northern Ireland; uttering threats in Scotland", () => {
    const ew = offenceIds(verdictIn(killThreat(), "england-wales"));
    const ni = offenceIds(verdictIn(killThreat(), "northern-ireland"));
    const sc = offenceIds(verdictIn(killThreat(), "scotland"));
    for (const ids of [ew, ni]) assert.ok(ids.includes("OAPA16") && ids.includes("OSA181"), ids.join(", "));
    assert.ok(sc.includes("SC-THREATS"), sc.join(", "));
    assert.ok(!sc.includes("OSA181") && !sc.includes("OAPA16"), sc.join(", "));
  });

  it("the office window smashed: criminal damage, under each jurisdiction's own law", () => {
    assert.ok(offenceIds(verdictIn(officeDamaged(), "england-wales")).includes("CD1"));
    assert.ok(offenceIds(verdictIn(officeDamaged(), "northern-ireland")).includes("NI-CD"));
    assert.ok(offenceIds(verdictIn(officeDamaged(), "scotland")).includes("SC-VANDALISM"));
  });

  it("aimed at the candidate: the verdict notes the Elections Act 2022 disqualification", () => {
    const v = verdictIn(killThreat(), "england-wales");
    assert.match(v.disqualification?.statute ?? "", /Elections Act 2022/);
  });

  it("aimed only at voters: no disqualification note", () => {
    const v = verdictIn(voterIntimidation(), "england-wales");
    assert.ok(v.offences.length > 0);
    assert.equal(v.disqualification, undefined);
  });
});

describe("what the rows must not say", () => {
  it("a single threatening email is not harassment (no course of conduct)", () => {
    const ids = offenceIds(verdictIn(threateningEmail(), "england-wales"));
    for (const id of ["PHA2", "PHA2A", "PHA4", "PHA4A"]) assert.ok(!ids.includes(id), ids.join(", "));
  });

  it("every offence is phrased as what the incident may constitute, never as a finding of guilt", () => {
    for (const row of OFFENCES)
      assert.doesNotMatch(`${row.title} ${row.elements}`, /\b(guilty|committed|convicted)\b/i, row.id);
  });

  it(
    "a wish that the candidate would die is not a threat to kill, nor a threatening communication",
    {},
    () => {
      const v = verdictIn(
        {
          summary: "Reply on X wishing me dead",
          channel: "social-media",
          platform: "x",
          evidence: ["I hope you die, you traitor."],
        },
        "england-wales",
      );
      assert.ok(!offenceIds(v).includes("OAPA16"), explain(v));
      assert.ok(!offenceIds(v).includes("OSA181"), explain(v));
      assert.ok(offenceIds(v).includes("MCA1"), explain(v));
    },
  );

  it("pressure on the candidate to stand down is not undue influence over voters", {}, () => {
    const v = verdictIn(outsideHome(), "england-wales");
    assert.ok(!offenceIds(v).includes("RPA114A"), explain(v));
  });

  it(
    "in Scotland, a threat of imminent violence face to face may constitute assault (fear of immediate violence)",
    {},
    () => {
      const v = verdictIn(doorstepThreat(), "scotland");
      assert.ok(offenceIds(v).includes("SC-ASSAULT"), explain(v));
    },
  );

  it("sectarian abuse in Northern Ireland is hostility based on religion", {}, () => {
    const v = verdictIn(
      {
        summary: "Comment on my Facebook post in Belfast",
        channel: "social-media",
        platform: "facebook",
        evidence: ["Fenian scum, watch your back."],
      },
      "northern-ireland",
    );
    assert.ok(offenceIds(v).includes("NI-HOSTILITY"), explain(v));
  });
});
