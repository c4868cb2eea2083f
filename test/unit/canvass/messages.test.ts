// The words of canvassing alerts and reminders: who, where, when last heard from (in UK time), the last
// known location when shared, what to do now (999), how to acknowledge, and what happens next.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import {
  acknowledgedLine,
  composeAlert,
  composeReminder,
  namesOf,
  ukTime,
  type AlertContext,
  type ComposedMessage,
} from "../../../src/core/canvass/messages.ts";
import type { AlertReason, Stage } from "../../../src/core/canvass/machine.ts";

const REASONS: AlertReason[] = ["missed-check-in", "overran", "unsafe", "danger"];

// British Summer Time (UTC+1) and Greenwich Mean Time (UTC+0).
const BST = new Date("2024-07-01T14:02:00.000Z"); // 15:02 in London
const GMT = new Date("2024-11-21T15:02:00.000Z"); // 15:02 in London

/** The acknowledge link as the server makes it: public URL, delivery id and a SHA-256 HMAC in base64url (133 characters). */
const ACK_URL =
  "https://shield.example.org/canvass/acknowledge#token=0b7f6c2e-4d1a-4c3b-9a8e-2f5d6c7b8a91.2gXE57YX1gFDlWIDDm28NHQD5fzl0J77XmPDG_gC_FM";

function context(over: Partial<AlertContext> = {}): AlertContext {
  return {
    people: [
      { name: "Priya Shah", phone: "07700 900123" },
      { name: "Tom Evans", phone: undefined },
    ],
    area: "Elm Road and Oak Avenue, Northtown ward",
    reason: "missed-check-in",
    stage: 1,
    since: new Date("2024-07-01T14:30:00.000Z"), // 15:30 BST
    lastCheckInAt: new Date("2024-07-01T14:00:00.000Z"), // 15:00 BST
    endsAt: new Date("2024-07-01T17:00:00.000Z"), // 18:00 BST
    lastKnownLocation: null,
    nextStage: { at: new Date("2024-07-01T14:45:00.000Z"), who: "the campaign's agent" },
    acknowledgeUrl: ACK_URL,
    campaignName: "Northtown Greens",
    ...over,
  };
}

const all = (m: ComposedMessage) => `${m.subject}\n${m.text}\n${m.sms}`;

describe("namesOf and ukTime", () => {
  test("namesOf joins one, two and three names as a person would", () => {
    assert.equal(namesOf([{ name: "Priya" }]), "Priya");
    assert.equal(namesOf([{ name: "Priya" }, { name: "Tom" }]), "Priya and Tom");
    assert.equal(namesOf([{ name: "Priya" }, { name: "Tom" }, { name: "Ade" }]), "Priya, Tom and Ade");
    assert.equal(namesOf([]), "Someone");
  });

  test("UK time in summer (BST) and in winter (GMT)", () => {
    assert.equal(ukTime(BST), "15:02 on 1 Jul");
    assert.equal(ukTime(GMT), "15:02 on 21 Nov");
    // Either side of the clocks going forward (31 March 2024, 01:00 UTC).
    assert.equal(ukTime(new Date("2024-03-31T00:59:00.000Z")), "00:59 on 31 Mar");
    assert.equal(ukTime(new Date("2024-03-31T01:00:00.000Z")), "02:00 on 31 Mar");
    // The date is London's, not UTC's: 23:30 UTC on 30 June is 00:30 on 1 July in London.
    assert.equal(ukTime(new Date("2024-06-30T23:30:00.000Z")), "00:30 on 1 Jul");
  });
});

describe("composeAlert", () => {
  for (const reason of REASONS) {
    test(`${reason}: who, where, when last heard from, what to do and how to acknowledge`, () => {
      const m = composeAlert(context({ reason }));
      assert.match(m.subject, /Shield alert/);
      assert.ok(m.subject.includes("Priya Shah and Tom Evans"), m.subject);
      assert.ok(m.text.includes("Priya Shah"), "who");
      assert.ok(
        m.text.includes("Where they planned to be: Elm Road and Oak Avenue, Northtown ward"),
        "the area",
      );
      assert.ok(
        m.text.includes("Last heard from: 15:00 on 1 Jul (their last check-in)."),
        "last heard from, BST",
      );
      assert.ok(m.text.includes("Planned to finish: 18:00 on 1 Jul."));
      assert.ok(m.text.includes("15:30 on 1 Jul"), "when it happened, in UK time");
      assert.ok(m.text.includes(ACK_URL), "the acknowledge link");
      assert.match(m.text, /call 999/);
      assert.ok(m.text.includes("Priya Shah: 07700 900123"), "the phone numbers of those out");
      assert.ok(!m.text.includes("Tom Evans: "), "nobody is listed without a phone");
      assert.ok(
        m.text.includes(
          "If nobody acknowledges this, the campaign's agent will be alerted at 15:45 on 1 Jul.",
        ),
        "the next stage",
      );
      assert.ok(!m.text.includes("last stage"));
      assert.ok(m.text.includes("Northtown Greens"));
      assert.ok(m.text.includes("alert stage 1"));
      assert.ok(!m.text.includes("Last known location"), "no location unless given");
      assert.ok(m.sms.includes(ACK_URL), "the SMS has the whole acknowledge link");
      assert.match(m.sms, /999/);
      assert.ok(m.sms.includes("Priya Shah"));
      assert.ok(!/undefined|null|NaN|\[object/.test(all(m)), all(m));
    });
  }

  test("the headline says what happened, for each reason, in the right grammatical number", () => {
    const two = (reason: AlertReason) => composeAlert(context({ reason })).text.split("\n")[0];
    const one = (reason: AlertReason) =>
      composeAlert(context({ reason, people: [{ name: "Priya Shah" }] })).text.split("\n")[0];
    assert.equal(
      two("missed-check-in"),
      "Priya Shah and Tom Evans have not checked in while canvassing. The check-in was due at 15:30 on 1 Jul.",
    );
    assert.equal(
      one("missed-check-in"),
      "Priya Shah has not checked in while canvassing. The check-in was due at 15:30 on 1 Jul.",
    );
    assert.equal(
      one("overran"),
      "Priya Shah planned to finish canvassing at 15:30 on 1 Jul and has not ended the session or checked in.",
    );
    assert.match(two("overran")!, /and have not ended the session/);
    assert.equal(one("unsafe"), 'Priya Shah pressed "I feel unsafe" while canvassing at 15:30 on 1 Jul.');
    assert.equal(one("danger"), 'Priya Shah pressed "I\'m in danger" while canvassing at 15:30 on 1 Jul.');
  });

  test("subjects differ by reason; danger is marked URGENT", () => {
    const subject = (reason: AlertReason) =>
      composeAlert(context({ reason, people: [{ name: "Priya Shah" }] })).subject;
    assert.equal(subject("missed-check-in"), "Shield alert: Priya Shah missed a canvassing check-in");
    assert.equal(subject("overran"), "Shield alert: Priya Shah has not finished canvassing as planned");
    assert.equal(subject("unsafe"), "Shield alert: Priya Shah feels unsafe while canvassing");
    assert.equal(subject("danger"), "URGENT Shield alert: Priya Shah says they are in danger");
  });

  test("times are in UK time in winter too (GMT)", () => {
    const m = composeAlert(
      context({
        since: GMT,
        lastCheckInAt: new Date("2024-11-21T14:32:00.000Z"),
        endsAt: new Date("2024-11-21T18:00:00.000Z"),
        nextStage: { at: new Date("2024-11-21T15:17:00.000Z"), who: "the agent" },
      }),
    );
    assert.ok(m.text.includes("The check-in was due at 15:02 on 21 Nov."));
    assert.ok(m.text.includes("Last heard from: 14:32 on 21 Nov (their last check-in)."));
    assert.ok(m.text.includes("Planned to finish: 18:00 on 21 Nov."));
    assert.ok(m.text.includes("the agent will be alerted at 15:17 on 21 Nov."));
  });

  test("with no check-in yet, last heard from is the start of the session", () => {
    const m = composeAlert(context({ lastCheckInAt: null }));
    assert.ok(m.text.includes("Last heard from: when the session started."));
  });

  test("the last known location is given only when shared, with its time", () => {
    const m = composeAlert(
      context({
        lastKnownLocation: { lat: 51.5013512, lng: -0.1418787, at: new Date("2024-07-01T14:10:00.000Z") },
      }),
    );
    assert.ok(m.text.includes("Last known location: 51.50135, -0.14188 at 15:10 on 1 Jul."), m.text);
    assert.ok(!composeAlert(context({ lastKnownLocation: null })).text.includes("location"));
  });

  test("the last stage says so instead of naming a next stage", () => {
    const m = composeAlert(context({ stage: 2, nextStage: null }));
    assert.ok(m.text.includes("This is the last stage of alerts for this session."));
    assert.ok(!m.text.includes("If nobody acknowledges this"));
    assert.ok(m.text.includes("alert stage 2"));
  });

  test("danger puts 999 first; other reasons put reaching them first", () => {
    const steps = (reason: AlertReason) => {
      const text = composeAlert(context({ reason })).text;
      return { call: text.indexOf("999"), reach: text.indexOf("Try to reach them") };
    };
    const danger = steps("danger");
    assert.ok(danger.call >= 0 && danger.reach >= 0);
    assert.ok(danger.call < danger.reach, "danger: 999 before trying to reach them");
    assert.match(
      composeAlert(context({ reason: "danger" })).text,
      /1\. If you believe they are in immediate danger, call 999 now/,
    );
    assert.match(composeAlert(context({ reason: "danger" })).sms, /^URGENT/);
    for (const reason of ["missed-check-in", "overran", "unsafe"] as const) {
      const s = steps(reason);
      assert.ok(s.reach < s.call, `${reason}: reaching them first`);
      assert.match(composeAlert(context({ reason })).text, /1\. Try to reach them/);
    }
  });

  test("with nobody's phone known, 'try to reach them' lists no numbers", () => {
    const m = composeAlert(context({ people: [{ name: "Priya Shah" }] }));
    assert.ok(m.text.includes("1. Try to reach them.\n"), m.text);
  });

  test("the SMS fits in two messages (320 characters) for a realistic plan, with the whole acknowledge link", () => {
    // BUG (see report): with the acknowledge link the server makes (133 characters), most of these are over 320.
    const over: string[] = [];
    for (const reason of REASONS) {
      for (const people of [
        [{ name: "Priya Shah", phone: "07700 900123" }],
        [{ name: "Priya Shah" }, { name: "Tom Evans" }],
      ]) {
        const m = composeAlert(context({ reason, people }));
        assert.ok(m.sms.includes(ACK_URL), `${reason}: the link is whole`);
        if (m.sms.length > 320) over.push(`${reason}, ${people.length} out: ${m.sms.length} characters`);
      }
    }
    assert.deepEqual(over, [], `example:\n${composeAlert(context({ reason: "overran" })).sms}`);
  });

  test("the SMS fits in 320 characters with a short acknowledge link, even with a long area", () => {
    const shortUrl = "https://shield.example.org/a/3f0c2a8e";
    for (const reason of REASONS) {
      const m = composeAlert(
        context({
          reason,
          acknowledgeUrl: shortUrl,
          area: "Elm Road, Oak Avenue, ".repeat(20) + "Northtown",
        }),
      );
      assert.ok(m.sms.endsWith(shortUrl), reason);
      assert.ok(m.sms.length <= 320, `${reason}: ${m.sms.length}`);
    }
  });

  test("the SMS says what happened, when (UK time) and where; a long area is shortened, the link never", () => {
    const longArea =
      "Elm Road, Oak Avenue, Birch Close and the whole of the Brookside estate, Northtown ward";
    for (const reason of REASONS) {
      for (const people of [[{ name: "Priya Shah" }], [{ name: "Priya Shah" }, { name: "Tom Evans" }]]) {
        const m = composeAlert(context({ reason, people }));
        assert.ok(m.sms.includes("15:30"), `${reason}: the time, in UK time:\n${m.sms}`);
        assert.ok(m.sms.includes("Elm Road and Oak Avenue, Northtown ward"), `${reason}: the area`);
        assert.ok(m.sms.includes("Priya Shah"), `${reason}: who`);
        assert.match(m.sms, /999/);
        assert.ok(m.sms.endsWith(ACK_URL), `${reason}: the link, whole, at the end`);
      }
      const long = composeAlert(context({ reason, area: longArea }));
      assert.ok(!long.sms.includes(longArea), `${reason}: a long area is shortened in the SMS`);
      assert.ok(long.sms.includes("Elm Road, Oak Avenue"), `${reason}: but its start is there`);
      assert.ok(long.sms.endsWith(ACK_URL));
      assert.ok(long.text.includes(longArea), `${reason}: the email has all of it`);
    }
  });

  test("with two people out, the subject agrees in number", () => {
    // BUG (see report): "Priya Shah and Tom Evans has not finished canvassing as planned".
    const m = composeAlert(context({ reason: "overran" }));
    assert.equal(m.subject, "Shield alert: Priya Shah and Tom Evans have not finished canvassing as planned");
    assert.ok(!m.sms.includes("Tom Evans has"), m.sms);
  });

  test("when someone presses a panic button in a session of two, the alert names both people out", () => {
    // BUG (see report): the text's headline names people[0] as the one who pressed it (composeAlert is not
    // told who pressed), and the others out are not named anywhere in the text.
    for (const reason of ["unsafe", "danger"] as const) {
      const m = composeAlert(context({ reason, people: [{ name: "Priya Shah" }, { name: "Tom Evans" }] }));
      assert.ok(m.text.includes("Tom Evans"), `${reason}: the text names Tom Evans:\n${m.text}`);
      assert.ok(m.sms.includes("Tom Evans"), `${reason}: the SMS names Tom Evans:\n${m.sms}`);
    }
  });

  test('no alert, reminder or acknowledgement ever says "not a crime"', () => {
    const messages: ComposedMessage[] = [];
    for (const reason of REASONS)
      for (const stage of [1, 2, 3] as Stage[])
        for (const nextStage of [null, { at: BST, who: "the police SPOC" }])
          for (const lastKnownLocation of [null, { lat: 51.5, lng: -0.14, at: BST }])
            for (const people of [
              [{ name: "Priya" }],
              [{ name: "Priya" }, { name: "Tom", phone: "07700 900123" }],
            ])
              messages.push(composeAlert(context({ reason, stage, nextStage, lastKnownLocation, people })));
    for (const reason of ["check-in", "session-end"] as const)
      messages.push(
        composeReminder({ deadline: BST, reason, sessionUrl: "https://shield.example.org/canvass/1" }),
      );
    const texts = [...messages.map(all), acknowledgedLine("Sam Agent", BST)];
    assert.equal(texts.length, 4 * 3 * 2 * 2 * 2 + 3);
    for (const text of texts) assert.ok(!/not\s+a\s+crime/i.test(text), text);
  });
});

describe("composeReminder", () => {
  const sessionUrl = "https://shield.example.org/canvass/3f0c2a8e-5b7d-4c1e-9a2b-6d8e0f1a2b3c";

  test("a check-in reminder gives the time in UK time and says contacts will be alerted", () => {
    const m = composeReminder({ deadline: BST, reason: "check-in", sessionUrl });
    assert.equal(m.subject, "Shield: check in soon");
    assert.equal(
      m.sms,
      "Your next check-in is due at 15:02. Tap to check in; if you don't, your contacts will be alerted.",
    );
    assert.equal(m.text, `${m.sms}\n${sessionUrl}`);
  });

  test("a session-end reminder says to end or extend", () => {
    const m = composeReminder({ deadline: GMT, reason: "session-end", sessionUrl });
    assert.equal(m.subject, "Shield: your session is ending");
    assert.match(m.text, /planned to end at 15:02\. End it or extend it, or your contacts will be alerted\./);
    assert.ok(m.text.endsWith(`\n${sessionUrl}`));
    assert.ok(!m.sms.includes(sessionUrl));
    assert.ok(m.sms.length <= 160);
  });
});

describe("acknowledgedLine", () => {
  test("says who acknowledged and when, in UK time", () => {
    assert.equal(
      acknowledgedLine("Sam Agent", BST),
      "Sam Agent acknowledged the alert at 15:02 and is dealing with it.",
    );
    assert.equal(
      acknowledgedLine("Sam Agent", GMT),
      "Sam Agent acknowledged the alert at 15:02 and is dealing with it.",
    );
  });
});
