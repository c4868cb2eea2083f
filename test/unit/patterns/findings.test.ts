import { describe, it } from "node:test";
import assert from "node:assert/strict";
import { findingsAt, type Finding, type PatternIncident } from "../../../src/core/patterns/index.ts";
import { CAMPAIGN_START, DAY, HOUR, incident } from "./generate-history.ts";

// One person with two records ("bob-x" on social media, "bob-mail" by email); "other" is someone else.
const people = new Map([
  ["bob-mail", "bob-mail"],
  ["bob-x", "bob-mail"],
  ["other", "other"],
]);

type Spec = Partial<Parameters<typeof incident>[0]> & { day: number };
let counter = 0;
const at = (spec: Spec): PatternIncident =>
  incident({
    id: `i${String(++counter).padStart(3, "0")}`,
    actorIds: ["bob-x"],
    ...spec,
    occurredAt: CAMPAIGN_START + spec.day * DAY,
  });

/** The findings at the last incident, judged from the ones before it. */
function judge(...specs: Spec[]): { findings: Finding[]; incidents: PatternIncident[] } {
  const incidents = specs.map(at);
  const last = incidents.at(-1)!;
  return { findings: findingsAt(last, incidents.slice(0, -1), people), incidents };
}
const kinds = (findings: Finding[]) => findings.map((f) => f.warningBehaviour ?? f.kind);
const find = (findings: Finding[], kind: string) =>
  findings.find((f) => (f.warningBehaviour ?? f.kind) === kind);

describe("findingsAt: course of conduct", () => {
  it("fires at the second incident by the same person, across their linked records", () => {
    const { findings, incidents } = judge(
      { day: 1, channel: "social-media" },
      { day: 20, actorIds: ["bob-mail"], channel: "email" },
    );
    const f = find(findings, "course-of-conduct")!;
    assert.equal(f.level, "report-to-police");
    assert.equal(f.person, "bob-mail");
    assert.deepEqual(f.actorIds, ["bob-mail", "bob-x"]);
    assert.deepEqual(
      f.incidentIds,
      incidents.map((i) => i.id),
    );
    assert.match(f.explanation, /second time the same person/);
    assert.match(f.source, /Repeated unwanted contact may constitute harassment or stalking/);
  });

  it("does not fire at a first incident, or for someone else's earlier incident", () => {
    assert.deepEqual(judge({ day: 1 }).findings, []);
    assert.deepEqual(judge({ day: 1, actorIds: ["other"] }, { day: 2 }).findings, []);
  });

  it("judges only from incidents before this one", () => {
    const first = at({ day: 5 });
    const later = at({ day: 9 });
    assert.deepEqual(findingsAt(first, [later], people), []);
    // Same time: recordedAt breaks the tie, then the id.
    const a = incident({
      id: "a",
      occurredAt: CAMPAIGN_START,
      recordedAt: CAMPAIGN_START + HOUR,
      actorIds: ["bob-x"],
    });
    const b = incident({
      id: "b",
      occurredAt: CAMPAIGN_START,
      recordedAt: CAMPAIGN_START,
      actorIds: ["bob-x"],
    });
    const c = incident({
      id: "c",
      occurredAt: CAMPAIGN_START,
      recordedAt: CAMPAIGN_START,
      actorIds: ["bob-x"],
    });
    assert.deepEqual(findingsAt(b, [a, c], people), []);
    assert.deepEqual(find(findingsAt(c, [a, b], people), "course-of-conduct")!.incidentIds, ["b", "c"]);
    assert.deepEqual(find(findingsAt(a, [c, b], people), "course-of-conduct")!.incidentIds, ["b", "c", "a"]);
  });

  it("ignores another version of the incident itself", () => {
    const old = incident({ id: "same", occurredAt: CAMPAIGN_START, actorIds: ["bob-x"] });
    const revised = incident({ id: "same", occurredAt: CAMPAIGN_START + DAY, actorIds: ["bob-x"] });
    assert.deepEqual(findingsAt(revised, [old], people), []);
  });
});

describe("findingsAt: fear of violence on two occasions", () => {
  it("fires when this and an earlier incident threatened violence", () => {
    const { findings } = judge(
      { day: 1, categories: ["threat"], level: "report-to-police" },
      { day: 30, categories: ["violence-wish"] },
    );
    assert.equal(find(findings, "fear-of-violence-repeated")?.level, "report-to-police");
  });

  it("counts fear together with abuse, a weapon or someone hurt", () => {
    const { findings } = judge(
      { day: 1, categories: ["abuse"], facts: { frightened: true } },
      { day: 30, facts: { weapon: true } },
    );
    assert.equal(find(findings, "fear-of-violence-repeated")?.incidentIds.length, 2);
  });

  it("does not fire for abuse without fear, or when this incident held no threat", () => {
    assert.equal(
      find(
        judge({ day: 1, categories: ["threat"] }, { day: 2, categories: ["abuse"] }).findings,
        "fear-of-violence-repeated",
      ),
      undefined,
    );
    assert.equal(
      find(
        judge({ day: 1, categories: ["abuse"] }, { day: 2, categories: ["threat"] }).findings,
        "fear-of-violence-repeated",
      ),
      undefined,
    );
  });
});

describe("findingsAt: several targets", () => {
  it("fires when the person's incidents target the candidate and the family", () => {
    const { findings } = judge({ day: 1 }, { day: 3, targeted: ["family"] });
    const f = find(findings, "several-targets")!;
    assert.equal(f.level, "report-to-police");
    assert.match(f.explanation, /you and your family/);
  });

  it("does not fire for the candidate alone, or for one incident", () => {
    assert.equal(find(judge({ day: 1 }, { day: 3 }).findings, "several-targets"), undefined);
    assert.equal(
      find(judge({ day: 1, targeted: ["candidate", "staff"] }).findings, "several-targets"),
      undefined,
    );
  });
});

describe("findingsAt: stalking", () => {
  it("does not fire for two messages by one channel weeks apart", () => {
    assert.deepEqual(kinds(judge({ day: 1 }, { day: 30 }).findings), ["course-of-conduct"]);
  });

  it("fires for contact through two channels", () => {
    const { findings } = judge({ day: 1 }, { day: 30, actorIds: ["bob-mail"], channel: "email" });
    assert.match(find(findings, "stalking")!.explanation, /two different ways/);
  });

  it("fires for fixation, a visit home, or three incidents within 14 days", () => {
    assert.ok(find(judge({ day: 1, categories: ["fixation"] }, { day: 30 }).findings, "stalking"));
    assert.ok(
      find(
        judge({ day: 1 }, { day: 30, channel: "letter", facts: { cameToHome: true } }).findings,
        "stalking",
      ),
    );
    assert.ok(find(judge({ day: 1 }, { day: 8 }, { day: 14.5 }).findings, "stalking"));
    assert.equal(find(judge({ day: 1 }, { day: 8 }, { day: 15.5 }).findings, "stalking"), undefined);
  });
});

describe("findingsAt: energy burst", () => {
  it("fires for three incidents in a week after a quiet month", () => {
    const { findings } = judge({ day: 10 }, { day: 40 }, { day: 42 }, { day: 44 });
    const f = find(findings, "energy-burst")!;
    assert.equal(f.kind, "energy-burst");
    assert.equal(f.level, "report-to-police");
    assert.equal(f.incidentIds.length, 3);
  });

  it("does not fire when the week is no busier than twice the usual rate", () => {
    // Eight in the 28 days before: two a week, so three is not more than twice that.
    const before = [4, 7, 10, 13, 16, 19, 22, 25].map((day) => ({ day }));
    assert.equal(
      find(judge(...before, { day: 33 }, { day: 34 }, { day: 35 }).findings, "energy-burst"),
      undefined,
    );
    assert.equal(find(judge({ day: 40 }, { day: 44 }).findings, "energy-burst"), undefined);
  });
});

describe("findingsAt: rising severity", () => {
  it("fires when each incident is more serious and this is the most serious yet", () => {
    const { findings, incidents } = judge(
      { day: 1, level: "keep-record" },
      { day: 20, level: "report-to-platform" },
      { day: 40, level: "report-to-police" },
    );
    assert.deepEqual(
      find(findings, "rising-severity")!.incidentIds,
      incidents.map((i) => i.id),
    );
  });

  it("does not fire after a dip, with one earlier incident, or when not the most serious", () => {
    assert.equal(
      find(
        judge(
          { day: 1, level: "report-to-police" },
          { day: 20, level: "report-to-platform" },
          { day: 40, level: "call-999" },
        ).findings,
        "rising-severity",
      ),
      undefined,
    );
    assert.equal(
      find(judge({ day: 1 }, { day: 20, level: "call-999" }).findings, "rising-severity"),
      undefined,
    );
    assert.equal(
      find(
        judge(
          { day: 1, level: "report-to-police" },
          { day: 20, level: "report-to-police" },
          { day: 40, level: "report-to-police" },
        ).findings,
        "rising-severity",
      ),
      undefined,
    );
  });
});

describe("findingsAt: from messages to turning up in person", () => {
  it("fires when someone who only wrote turns up on the doorstep", () => {
    const { findings } = judge(
      { day: 1 },
      { day: 10, actorIds: ["bob-mail"], channel: "email" },
      { day: 20, channel: "doorstep" },
    );
    const f = find(findings, "online-to-in-person")!;
    assert.equal(f.level, "report-to-police");
    assert.match(f.explanation, /email and social media/);
  });

  it("calls for 999 when the earlier messages were already a police matter", () => {
    const { findings } = judge(
      { day: 1, level: "report-to-police", categories: ["threat"] },
      { day: 20, channel: "street" },
    );
    assert.equal(find(findings, "online-to-in-person")!.level, "call-999");
  });

  it("does not fire for a first incident in person, or after an earlier one in person", () => {
    assert.equal(find(judge({ day: 1, channel: "doorstep" }).findings, "online-to-in-person"), undefined);
    assert.equal(
      find(
        judge({ day: 1 }, { day: 5, channel: "hustings" }, { day: 20, channel: "doorstep" }).findings,
        "online-to-in-person",
      ),
      undefined,
    );
  });
});

describe("findingsAt: approach to the home", () => {
  it("calls for 999 when a known person comes to the home", () => {
    const { findings } = judge({ day: 1 }, { day: 20, channel: "home" });
    assert.equal(find(findings, "approach-home")!.level, "call-999");
    const letter = judge({ day: 1 }, { day: 20, channel: "letter", facts: { cameToHome: true } }).findings;
    assert.ok(find(letter, "approach-home"));
    assert.ok(find(letter, "online-to-in-person"), "coming to the home is being there in person");
  });

  it("calls for 999 when a known person approaches the family in person", () => {
    const { findings } = judge({ day: 1 }, { day: 20, channel: "street", targeted: ["family"] });
    assert.match(find(findings, "approach-home")!.explanation, /approached your family in person/);
  });

  it("leaves a first visit to triage, and a message to the family is not an approach", () => {
    assert.equal(find(judge({ day: 1, channel: "home" }).findings, "approach-home"), undefined);
    assert.equal(
      find(judge({ day: 1 }, { day: 20, channel: "email", targeted: ["family"] }).findings, "approach-home"),
      undefined,
    );
  });
});

describe("findingsAt: fixation", () => {
  it("fires when one subject comes up in three incidents and 60% of them", () => {
    const { findings } = judge(
      { day: 1, themes: ["bypass", "traffic"] },
      { day: 20, themes: ["school"] },
      { day: 40, themes: ["bypass"] },
      { day: 60, themes: ["bypass", "liar"] },
    );
    const f = find(findings, "fixation")!;
    assert.equal(f.theme, "bypass");
    assert.equal(f.incidentIds.length, 3);
    assert.match(f.explanation, /"bypass", comes up in three of this person's four incidents/);
  });

  it("does not fire below 60%, or when this incident is about something else", () => {
    const rest = [
      { day: 20, themes: ["school"] },
      { day: 30, themes: ["hotel"] },
      { day: 40, themes: ["parking"] },
    ];
    assert.equal(
      find(
        judge({ day: 1, themes: ["bypass"] }, { day: 2, themes: ["bypass"] }, ...rest, {
          day: 60,
          themes: ["bypass"],
        }).findings,
        "fixation",
      ),
      undefined,
    );
    assert.equal(
      find(
        judge(
          { day: 1, themes: ["bypass"] },
          { day: 2, themes: ["bypass"] },
          { day: 3, themes: ["bypass"] },
          { day: 60, themes: ["hotel"] },
        ).findings,
        "fixation",
      ),
      undefined,
    );
  });

  it("fires when fixation or a plan shows in two incidents", () => {
    const f = find(
      judge({ day: 1, categories: ["fixation"] }, { day: 60, categories: ["plan"] }).findings,
      "fixation",
    )!;
    assert.equal(f.theme, undefined);
    assert.equal(f.incidentIds.length, 2);
  });
});

describe("findingsAt: warning behaviours", () => {
  it("pathway calls for 999, naming only this incident", () => {
    const { findings, incidents } = judge({ day: 1, markers: ["pathway"] });
    const f = find(findings, "pathway")!;
    assert.equal(f.kind, "warning-behaviour");
    assert.equal(f.level, "call-999");
    assert.deepEqual(f.incidentIds, [incidents[0]!.id]);
  });

  it("identification and leakage are for the police", () => {
    const { findings } = judge({ day: 1, markers: ["identification", "leakage"] });
    assert.deepEqual(
      findings.map((f) => [f.warningBehaviour, f.level]),
      [
        ["identification", "report-to-police"],
        ["leakage", "report-to-police"],
      ],
    );
  });

  it("last resort is for the police, and for 999 together with a threat", () => {
    assert.equal(
      find(judge({ day: 1, markers: ["last-resort"] }).findings, "last-resort")!.level,
      "report-to-police",
    );
    assert.equal(
      find(judge({ day: 1, markers: ["last-resort"], categories: ["threat"] }).findings, "last-resort")!
        .level,
      "call-999",
    );
  });

  it("someone hurt is novel aggression: 999", () => {
    assert.equal(
      find(judge({ day: 1, facts: { someoneHurt: true } }).findings, "novel-aggression")!.level,
      "call-999",
    );
  });

  it("a direct threat counts as a warning behaviour only from someone already in contact", () => {
    assert.equal(
      find(judge({ day: 1, categories: ["threat"] }).findings, "directly-communicated-threat"),
      undefined,
    );
    assert.ok(
      find(judge({ day: 1 }, { day: 2, categories: ["threat"] }).findings, "directly-communicated-threat"),
    );
  });
});

describe("findingsAt: incidents with no actor", () => {
  const anonymous = (day: number, spec: Partial<Spec> = {}) => ({ day, actorIds: [], ...spec });

  it("gives only the warning behaviours in the incident's own words, for no person", () => {
    const { findings } = judge(
      anonymous(1, { categories: ["threat"] }),
      anonymous(2, { markers: ["pathway"], categories: ["threat"], facts: { someoneHurt: true } }),
    );
    assert.deepEqual(kinds(findings), ["pathway"]);
    assert.equal(findings[0]!.person, null);
    assert.deepEqual(findings[0]!.actorIds, []);
  });

  it("finds a burst across the campaign: a record to keep, or for the police when several are serious", () => {
    const five = [40, 41, 42, 43, 44].map((d) => anonymous(d));
    const burst = find(judge(anonymous(1), ...five).findings, "energy-burst")!;
    assert.equal(burst.person, null);
    assert.equal(burst.level, "keep-record");
    assert.equal(burst.incidentIds.length, 5);
    const serious = find(
      judge(
        anonymous(40, { level: "report-to-police" }),
        anonymous(41, { actorIds: ["other"], level: "call-999" }),
        ...five.slice(2),
      ).findings,
      "energy-burst",
    )!;
    assert.equal(serious.level, "report-to-police");
    assert.equal(find(judge(...five.slice(1)).findings, "energy-burst"), undefined);
  });
});

describe("findingsAt: wording", () => {
  it("never says something is not a crime", () => {
    const { findings } = judge(
      { day: 1, categories: ["threat", "fixation"], level: "report-to-police", themes: ["bypass"] },
      {
        day: 2,
        actorIds: ["bob-mail"],
        channel: "email",
        themes: ["bypass"],
        markers: ["last-resort", "leakage"],
      },
      {
        day: 3,
        channel: "home",
        targeted: ["family"],
        categories: ["plan", "threat"],
        themes: ["bypass"],
        markers: ["pathway", "identification"],
        facts: { someoneHurt: true },
      },
    );
    assert.ok(findings.length >= 10);
    for (const f of findings) {
      assert.doesNotMatch(f.explanation, /not a crime|not illegal/i);
      assert.ok(f.source.length > 10);
    }
  });
});
