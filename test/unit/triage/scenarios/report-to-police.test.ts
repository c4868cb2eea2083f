// The guidance's "When Should I Contact the Police?" bullets, each in a realistic incident: the
// verdict is at least report-to-police, a reason cites that bullet, and the force's single point of
// contact and 101 are in the contacts.
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { GUIDANCE_SOURCES as S } from "../../../../src/core/triage/sources.ts";
import type { Verdict } from "../../../../src/core/triage/verdict.ts";
import {
  ACTORS,
  assertLevel,
  assertLevelAtLeast,
  assertReasonCites,
  assertStep,
  contactIds,
  historyOf,
  verdictOf,
} from "./support.ts";

const SPOC = { name: "PS Jane Hollis", phone: "0113 496 0142", forceName: "West Yorkshire Police" };

/** What every report-to-police verdict shows. */
function assertPoliceContacts(v: Verdict): void {
  assertLevelAtLeast(v, "report-to-police");
  const ids = contactIds(v);
  assert.ok(ids.includes("spoc"), `contacts: ${ids.join(", ")}`);
  assert.ok(ids.includes("101"), `contacts: ${ids.join(", ")}`);
  assertStep(v, "protect.spoc");
  if (v.level === "report-to-police") {
    assert.match(v.headline, /report this to the police/i);
    assert.equal(ids[0], "spoc");
    assert.equal(v.contacts.find((c) => c.id === "101")?.phone, "101");
  }
}

describe("communications, on or offline, which contain abusive or threatening language", () => {
  it("a threatening but not imminent email to the candidate's council address", () => {
    const v = verdictOf({
      summary: "Threatening email after the hustings",
      channel: "email",
      evidence: [
        "You are a disgrace and everyone in this town knows it. People like you deserve what's coming to you. Watch your back.",
      ],
      spoc: SPOC,
    });
    assertLevel(v, "report-to-police");
    assertPoliceContacts(v);
    const reason = assertReasonCites(v, S.policeAbusiveOrThreatening, "words");
    assert.equal(reason.category, "threat");
    const spoc = v.contacts.find((c) => c.id === "spoc");
    assert.equal(spoc?.phone, SPOC.phone);
    assert.match(spoc?.name ?? "", /PS Jane Hollis.*West Yorkshire Police/);
  });

  it("the same email with its subject line, which mentions the hustings 'tonight'", () => {
    const v = verdictOf({
      summary: "Threatening email after the hustings",
      channel: "email",
      evidence: [
        "Subject: your performance tonight\n\nYou are a disgrace and everyone in this town knows it. People like you deserve what's coming to you. Watch your back.",
      ],
    });
    assertLevel(v, "report-to-police");
    assertReasonCites(v, S.policeAbusiveOrThreatening, "words");
  });

  it("a threat shouted across the street, written down afterwards", () => {
    const v = verdictOf({
      summary: "Man outside the Co-op threatened me",
      description:
        'Leafleting outside the Co-op on Town Street. A man in a grey hoodie shouted "you\'d better watch your back" at me from across the road and went into the bookies.',
      channel: "street",
    });
    assertLevel(v, "report-to-police");
    assertPoliceContacts(v);
    assertReasonCites(v, S.policeAbusiveOrThreatening, "words");
  });
});

describe("repeated unwanted contact may constitute harassment or stalking", () => {
  const texts = [
    {
      summary: "Text to my personal mobile",
      channel: "text-message",
      evidence: ["Why are you ignoring me? Answer your phone."],
    },
    {
      summary: "Another text from the same number",
      channel: "text-message",
      evidence: ["Pick up. I know you've read my messages."],
    },
  ] as const;

  it("a third text from the same number makes a course of conduct", () => {
    const v = verdictOf({
      summary: "Third text from the same number this week",
      channel: "text-message",
      actorIds: [ACTORS.texter],
      evidence: ["You can't keep ignoring me forever. Answer me."],
      earlier: historyOf(ACTORS.texter, texts, 2),
    });
    assertPoliceContacts(v);
    const finding = v.findings.find((f) => f.kind === "course-of-conduct");
    assert.ok(finding, `findings: ${v.findings.map((f) => f.kind).join(", ")}`);
    assert.equal(finding.incidentIds.length, 3);
    const reason = assertReasonCites(
      v,
      "Repeated unwanted contact may constitute harassment or stalking",
      "pattern",
    );
    assert.equal(reason.rule, "pattern.course-of-conduct");
    assert.match(reason.explanation, /third time the same person/);
    assert.ok(v.offences.some((o) => o.id === "PHA2"));
  });

  it("the first text on its own is only a record", () => {
    const v = verdictOf({ ...texts[0], actorIds: [ACTORS.texter] });
    assert.equal(
      v.findings.some((f) => f.kind === "course-of-conduct"),
      false,
    );
    assert.equal(v.level, "keep-record");
  });

  it("a call from a man who has rung before, recorded through the 'contacted before' question", () => {
    const v = verdictOf({
      summary: "Same man rang the office again",
      description:
        "He rang the campaign office again at lunchtime asking why I had not replied to his emails. Priya took the call.",
      channel: "phone-call",
      targeted: ["candidate", "staff"],
      answers: { contactedBefore: "yes" },
    });
    assertLevel(v, "report-to-police");
    assertPoliceContacts(v);
    const reason = assertReasonCites(v, S.policeRepeatedContact, "answer");
    assert.equal(reason.rule, "answer.contactedBefore");
  });
});

describe("racial, homophobic or other discriminatory abuse or threats", () => {
  it("racist abuse in a reply on Facebook", () => {
    const v = verdictOf({
      summary: "Racist comment under my campaign video",
      channel: "social-media",
      platform: "facebook",
      evidence: ["Go back to where you came from. We don't want your sort round here."],
    });
    assertLevel(v, "report-to-police");
    assertPoliceContacts(v);
    const reason = assertReasonCites(v, S.policeDiscriminatory, "words");
    assert.equal(reason.characteristic, "race");
  });

  it("homophobic abuse in an email", () => {
    const v = verdictOf({
      summary: "Homophobic email to my campaign address",
      channel: "email",
      evidence: ["Gay people like you shouldn't be allowed near children, you disgusting nonce."],
    });
    assertLevelAtLeast(v, "report-to-police");
    assertPoliceContacts(v);
    const reason = assertReasonCites(v, S.policeDiscriminatory, "words");
    assert.equal(reason.characteristic, "sexual-orientation");
  });

  it("abuse about the candidate's religion, recorded through the 'referred to' question without the words", () => {
    const v = verdictOf({
      summary: "Man shouted abuse at our stall",
      description:
        "A man walking past our stall outside Morrisons shouted abuse about my religion. I would rather not write down exactly what he said. Two volunteers heard it.",
      channel: "street",
      targeted: ["candidate", "volunteer"],
      answers: { referredTo: ["religion"] },
    });
    assertLevelAtLeast(v, "report-to-police");
    assertPoliceContacts(v);
    const reason = assertReasonCites(v, S.policeDiscriminatory, "answer");
    assert.equal(reason.rule, "answer.referredTo");
    assert.match(reason.explanation, /religion/);
  });
});

describe("fixation on you or an issue associated with your campaign", () => {
  const bypassEmails = [
    {
      summary: "Email about the bypass",
      channel: "email",
      evidence: ["The Elm Road bypass will wreck this village. Why won't you oppose the bypass?"],
    },
    {
      summary: "Another bypass email",
      channel: "email",
      evidence: ["Still no answer about the bypass. I have written to your office and the council."],
    },
    {
      summary: "Bypass email again",
      channel: "email",
      evidence: ["You promised a public meeting on the bypass and nothing happened. I want an answer."],
    },
  ] as const;

  it("the same man writing about the bypass again and again", () => {
    const v = verdictOf({
      summary: "Fourth email from the same man about the bypass",
      channel: "email",
      actorIds: [ACTORS.bypassMan],
      evidence: ["The bypass again. You cannot keep ignoring me about the bypass. Answer the question."],
      earlier: historyOf(ACTORS.bypassMan, bypassEmails, 4),
    });
    assertPoliceContacts(v);
    const finding = v.findings.find((f) => f.kind === "fixation" && f.theme === "bypass");
    assert.ok(finding, `findings: ${v.findings.map((f) => `${f.kind}:${f.theme ?? ""}`).join(", ")}`);
    assert.equal(finding.incidentIds.length, 4);
    const reason = assertReasonCites(
      v,
      "Fixation on you or an issue associated with your campaign",
      "pattern",
    );
    assert.match(reason.explanation, /"bypass"/);
  });

  it("the same man's second email on the bypass is not yet a fixation", () => {
    const v = verdictOf({
      ...bypassEmails[1],
      actorIds: [ACTORS.bypassMan],
      earlier: historyOf(ACTORS.bypassMan, bypassEmails.slice(0, 1), 4),
    });
    assert.equal(
      v.findings.some((f) => f.kind === "fixation"),
      false,
    );
  });
});
