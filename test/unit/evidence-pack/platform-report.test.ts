// Platform report texts: ready to paste, calm ("may break"), with the link, the words exactly as
// posted, the platform's own rules in plain words, and what the candidate asks for.
import { test } from "node:test";
import assert from "node:assert/strict";
import {
  PLATFORM_RULES,
  concernsOf,
  hasPlatformReport,
  platformReport,
  type PlatformReportInput,
} from "../../../src/core/evidence-pack/index.ts";
import { PLATFORMS } from "../../../src/core/incident/model.ts";

const base = (overrides: Partial<PlatformReportInput> = {}): PlatformReportInput => ({
  platform: "x",
  occurredAt: new Date("2026-07-20T17:30:00Z"),
  summary: "Threatening reply under my campaign video",
  description: "He replied to my video saying he would come round tonight.",
  url: "https://x.com/RiversideTruth/status/1850000000000000000",
  links: [],
  messages: ["I know where you live. I'll be round tonight to sort you out, Dŵr Cymru ŵyr ŷd."],
  accounts: [
    { kind: "handle", value: "@RiversideTruth", platform: "x" },
    { kind: "handle", value: "@riverside_fb", platform: "facebook" },
    { kind: "name", value: "Gareth Wynne" },
  ],
  targeted: ["candidate"],
  level: "call-999",
  categories: ["threat", "imminent"],
  characteristics: [],
  earlierFromSameAccount: 0,
  ...overrides,
});

test("an X report says what happened, when (UK time), the link, the words and the rules it may break", () => {
  const { text, rules, platformName } = platformReport(base());
  assert.equal(platformName, "X");
  assert.match(text, /^Report to X: /);
  assert.match(text, /20 July 2026 at 18:30 \(UK time\)/, "summer time is shown as UK time");
  assert.match(text, /the account @RiversideTruth posted this on X, aimed at me\./);
  assert.doesNotMatch(text, /@riverside_fb/, "only the account on this platform is named");
  assert.doesNotMatch(text, /Gareth Wynne/, "a name the team recorded is not sent to the platform");
  assert.ok(text.includes("https://x.com/RiversideTruth/status/1850000000000000000"));
  assert.ok(
    text.includes('"I know where you live. I\'ll be round tonight to sort you out, Dŵr Cymru ŵyr ŷd."'),
  );
  assert.match(text, /Which of your rules it may break\n- Violent Speech: /);
  assert.deepEqual(
    rules.map((r) => r.policy),
    ["Violent Speech"],
  );
  assert.ok(rules.every((r) => r.source.includes("help.x.com")));
  assert.match(
    text,
    /Keep \(preserve\) the post and the account's details: I am reporting this to the police/,
  );
  assert.match(text, /I have kept a copy/);
  assert.doesNotMatch(
    text,
    /not a crime|guilty|criminal/i,
    "the text never judges: it says what the rules do not allow",
  );
});

test("what the words show picks the rules: private details, hate, harassment, self-harm", () => {
  assert.deepEqual(
    concernsOf({ categories: ["private-info"], characteristics: [], earlierFromSameAccount: 0 }),
    ["private-info"],
  );
  assert.deepEqual(
    concernsOf({
      categories: ["abuse", "discriminatory"],
      characteristics: ["religion"],
      earlierFromSameAccount: 2,
    }),
    ["hate", "harassment"],
  );
  assert.deepEqual(concernsOf({ categories: [], characteristics: [], earlierFromSameAccount: 0 }), [
    "harassment",
  ]);

  const doxx = platformReport(
    base({
      platform: "facebook",
      categories: ["private-info"],
      level: "call-999",
      accounts: [],
      url: undefined,
    }),
  );
  assert.match(
    doxx.text,
    /Privacy Violations: your rules do not allow sharing someone's private information/,
  );
  assert.match(doxx.text, /Remove my personal information from Facebook quickly/);
  assert.match(doxx.text, /an account posted this on Facebook, aimed at me\./);
  assert.match(doxx.text, /I do not have the link/);

  const hate = platformReport(
    base({
      platform: "tiktok",
      categories: ["abuse", "discriminatory"],
      characteristics: ["race"],
      level: "report-to-police",
    }),
  );
  assert.match(hate.text, /Hate Speech and Hateful Behaviors/);
  assert.match(hate.text, /Harassment and Bullying/);

  const selfHarm = platformReport(
    base({ platform: "youtube", categories: ["self-harm"], level: "report-to-police" }),
  );
  assert.match(selfHarm.text, /Suicide, self-harm, and eating disorders/);
});

test("a repeated account is said to be repeated, and a police reference is quoted", () => {
  const { text } = platformReport(
    base({
      earlierFromSameAccount: 3,
      firstFromSameAccount: new Date("2026-06-02T09:00:00Z"),
      policeReference: "WY-2026-118833",
    }),
  );
  assert.match(text, /I have recorded 3 earlier incidents from the same account since 2 June 2026/);
  assert.match(text, /Look at this together with the account's earlier behaviour/);
  assert.match(text, /reported this to the police \(reference WY-2026-118833\)/);
  assert.match(text, /Abuse and Harassment: /, "repeated contact is harassment on X");
});

test("a report-to-platform incident asks for removal without mentioning the police", () => {
  const { text } = platformReport(base({ level: "report-to-platform", categories: ["abuse"] }));
  assert.doesNotMatch(text, /police/i);
  assert.match(text, /Remove the post and take action against the account/);
});

test("messaging apps are about messages, and every platform has words for every concern", () => {
  const wa = platformReport(
    base({ platform: "whatsapp", accounts: [{ kind: "phone", value: "07700 900481" }] }),
  );
  assert.match(wa.text, /the account 07700 900481 sent a message on WhatsApp, aimed at me\./);
  assert.match(wa.text, /The words, exactly as sent/);
  assert.match(wa.text, /stop it contacting me/);
  for (const platform of PLATFORMS) {
    const r = PLATFORM_RULES[platform];
    assert.ok(r.name.length > 0 && r.source.length > 20, platform);
    for (const rule of Object.values(r.rules))
      assert.ok(rule.policy.length > 0 && rule.says.length > 10, platform);
    const { text } = platformReport(base({ platform, categories: ["threat", "private-info", "sexual"] }));
    assert.ok(text.length > 200, platform);
  }
});

test("only online incidents with a platform get a report", () => {
  assert.equal(hasPlatformReport("social-media", "x"), true);
  assert.equal(hasPlatformReport("other-online", "other"), true);
  assert.equal(hasPlatformReport("social-media", null), false);
  assert.equal(hasPlatformReport("doorstep", undefined), false);
  assert.equal(hasPlatformReport("email", "x" as never), false);
});

test("very long messages are kept whole up to a limit, and the rest is said to be kept", () => {
  const long = "word ".repeat(1000).trim();
  const { text } = platformReport(base({ messages: [long, long, "third"] }));
  assert.ok(text.includes(long));
  assert.match(text, /\(2 more kept in my records\)/);
});
