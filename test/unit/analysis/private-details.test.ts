// Private details: a message revealing a registered private detail is call-999 (private-info, detail
// names the kind) in any spelling or format; public details never flag; without a profile, address-like
// or phone-like details aimed at the reader are possible personal information (report-to-police).
import { describe, it } from "node:test";
import assert from "node:assert/strict";
import {
  compileProfile,
  parseProfile,
  ProfileError,
  type PrivateDetailsProfile,
} from "../../../src/core/analysis/index.ts";
import { assertLevel, check, locate, overlaps, run, show, type Case } from "./support.ts";

const registered: PrivateDetailsProfile = {
  name: "Jane Doe",
  private: {
    homeAddress: "27 Orchard Close, Headingley, Leeds LS6 2QT",
    phones: ["07911 123456"],
    emails: ["jane.home@example.org"],
    family: ["Amelia"],
    schools: ["St Chad's Primary"],
    vehicles: ["YK21 XRT"],
    workplaces: ["Brackenbury & Lowe Solicitors"],
    other: ["Kirkstall Leisure Centre"],
  },
  public: {
    offices: ["12 Market Street, Leeds LS1 6DT"],
    phones: ["0113 496 0000"],
    emails: ["jane@janeforleeds.example"],
    events: ["Headingley hustings at St Michael's Church"],
  },
};
const profile = compileProfile(parseProfile(registered));

describe("call-999: a registered private detail, in any spelling or format", () => {
  const cases: Case[] = [
    // Home address: the street address, abbreviated and in any case, and the postcode with or without the space.
    {
      text: "Nice house at 27 Orchard Close.",
      cover: "27 Orchard Close",
      detail: "homeAddress",
      category: "private-info",
    },
    {
      text: "27 orchard cl. we know.",
      cover: "27 orchard cl",
      detail: "homeAddress",
      category: "private-info",
    },
    { text: "27 ORCHARD CLOSE", cover: "27 ORCHARD CLOSE", detail: "homeAddress", category: "private-info" },
    {
      text: "Everyone, her address is 27 Orchard Close, Headingley, Leeds LS6 2QT",
      cover: "27 Orchard Close",
      detail: "homeAddress",
      category: "private-info",
    },
    {
      text: "Your postcode is LS6 2QT isn't it.",
      cover: "LS6 2QT",
      detail: "homeAddress",
      category: "private-info",
    },
    { text: "lads meet at ls62qt", cover: "ls62qt", detail: "homeAddress", category: "private-info" },
    {
      text: "Lovely part of town, ls6 2qt.",
      cover: "ls6 2qt",
      detail: "homeAddress",
      category: "private-info",
    },
    // Phone: national, international, no spaces, other groupings and punctuation.
    {
      text: "Ring her on 07911 123456 and tell her what you think.",
      cover: "07911 123456",
      detail: "phone",
      category: "private-info",
    },
    {
      text: "Her mobile: +44 7911 123456",
      cover: "+44 7911 123456",
      detail: "phone",
      category: "private-info",
    },
    { text: "07911123456 give it a ring", cover: "07911123456", detail: "phone", category: "private-info" },
    {
      text: "Call 07911 123 456 any time, she loves a chat.",
      cover: "07911 123 456",
      detail: "phone",
      category: "private-info",
    },
    {
      text: "Number's (07911) 123-456.",
      cover: "(07911) 123-456",
      detail: "phone",
      category: "private-info",
    },
    { text: "text her +447911123456", cover: "+447911123456", detail: "phone", category: "private-info" },
    {
      text: "Her number is 0044 7911 123456.",
      cover: "0044 7911 123456",
      detail: "phone",
      category: "private-info",
    },
    // Email, in any case.
    {
      text: "Email her at jane.home@example.org and let her know.",
      cover: "jane.home@example.org",
      detail: "email",
      category: "private-info",
    },
    {
      text: "JANE.HOME@EXAMPLE.ORG",
      cover: "JANE.HOME@EXAMPLE.ORG",
      detail: "email",
      category: "private-info",
    },
    // Vehicle registration, with or without the space, in any case.
    { text: "Your car is YK21 XRT.", cover: "YK21 XRT", detail: "vehicle", category: "private-info" },
    {
      text: "Spotted YK21XRT in the Tesco car park.",
      cover: "YK21XRT",
      detail: "vehicle",
      category: "private-info",
    },
    { text: "nice motor yk21 xrt", cover: "yk21 xrt", detail: "vehicle", category: "private-info" },
    { text: "Reg YK21-XRT, silver Golf.", cover: "YK21-XRT", detail: "vehicle", category: "private-info" },
    // Children's school.
    {
      text: "I know your kids go to St Chad's Primary.",
      cover: "St Chad's Primary",
      detail: "school",
      category: "private-info",
    },
    // A school or workplace named alone is not flagged (polling stations are in schools); with a person it is.
    {
      text: "your kids are at st chads primary school, right?",
      cover: "st chads primary",
      detail: "school",
      category: "private-info",
    },
    // Workplace and other registered details.
    {
      text: "I know you still work at Brackenbury & Lowe Solicitors.",
      cover: "Brackenbury & Lowe Solicitors",
      detail: "workplace",
      category: "private-info",
    },
    {
      text: "you work at brackenbury & lowe solicitors, 2nd floor",
      cover: "brackenbury & lowe solicitors",
      detail: "workplace",
      category: "private-info",
    },
    {
      text: "I see you at Kirkstall Leisure Centre every week.",
      cover: "Kirkstall Leisure Centre",
      detail: "other",
      category: "private-info",
    },
  ];
  for (const c of cases) it(c.text, check(c, "call-999", profile));
});

describe("a registered school or workplace named without a person stays keep-record", () => {
  for (const text of [
    "Is the polling station still at St Chad's Primary this year?",
    "Brackenbury & Lowe Solicitors sponsored the fun run.",
  ]) {
    it(text, () => assertLevel(run(text, profile), "keep-record"));
  }
});

describe("call-999: a child's first name with the school", () => {
  for (const [text, cover] of [
    ["Amelia at St Chad's Primary.", "Amelia at St Chad's Primary"],
    ["I know Amelia goes to St Chad's Primary.", "Amelia goes to St Chad's Primary"],
    ["amelia, st chads primary school, year 3", "amelia, st chads primary"],
    ["Say hi to Amelia at St. Chad's for me.", "Amelia at St. Chad's"],
  ] as const) {
    it(text, () => {
      const a = run(text, profile);
      assertLevel(a, "call-999");
      const where = locate(text, cover);
      // Either kind names what was revealed: the child (family) or where she is (school).
      const found = a.reasons.filter(
        (r) =>
          r.category === "private-info" &&
          (r.detail === "family" || r.detail === "school") &&
          overlaps(r, where),
      );
      assert.ok(
        found.length > 0,
        `expected a private-info reason (family or school) over ${cover}: ${show(a)}`,
      );
    });
  }
});

describe("a registered private detail in a threat is still reported as private-info", () => {
  for (const [text, detail] of [
    ["I'll be at 27 Orchard Close tonight. You've been warned.", "homeAddress"],
    ["I'm going to hurt you. Your car is YK21 XRT, I'll find it.", "vehicle"],
    ["You useless idiot, everyone can ring you on 07911 123456 now.", "phone"],
  ] as const) {
    it(text, () => {
      const a = run(text, profile);
      assertLevel(a, "call-999");
      assert.ok(
        a.reasons.some((r) => r.category === "private-info" && r.detail === detail && r.level === "call-999"),
        `expected a call-999 private-info reason with detail ${detail}: ${show(a)}`,
      );
    });
  }
});

describe("keep-record: public details never flag", () => {
  for (const text of [
    "Is your office still at 12 Market Street, Leeds LS1 6DT?",
    "I'll pop into 12 Market Street on Friday with my petition.",
    "Your office postcode is LS1 6DT, isn't it?",
    "is it ls16dt for the sat nav?",
    "I rang 0113 496 0000 and nobody answered.",
    "Your office number 01134960000 goes straight to voicemail.",
    "Tried +44 113 496 0000 twice today.",
    "I emailed jane@janeforleeds.example last week and haven't heard back.",
    "See you at the Headingley hustings at St Michael's Church!",
  ]) {
    it(text, () => {
      const a = run(text, profile);
      assertLevel(a, "keep-record");
      assert.ok(!a.categories.includes("private-info"), `a public detail must not flag: ${show(a)}`);
    });
  }

  for (const text of [
    "Your office at 12 Market Street is a disgrace, you useless idiot.",
    "Answer your phone, 0113 496 0000, you lazy coward.",
  ]) {
    it(`${text} (abuse, but the public detail itself does not flag)`, () => {
      const a = run(text, profile);
      assert.ok(!a.categories.includes("private-info"), `a public detail must not flag: ${show(a)}`);
    });
  }
});

describe("a registered private detail in a different context", () => {
  // The specification lists "a child's first name with the school"; the first name alone may be anyone's,
  // so no level is asserted here, only that, if it is reported, it is reported as the family detail.
  for (const text of [
    "Amelia Earhart was the first woman to fly solo across the Atlantic.",
    "Amelia says hello!",
  ]) {
    it(text, () => {
      const a = run(text, profile);
      for (const r of a.reasons.filter((r) => r.category === "private-info")) {
        assert.equal(r.detail, "family", show(a));
        assert.ok(overlaps(r, locate(text, "Amelia")), show(a));
      }
    });
  }
});

describe("with a profile, an unregistered home-address-like detail aimed at the reader is a possible address", () => {
  for (const [text, cover] of [
    ["Your home address is 14 Elm Road, Leeds LS6 1AB.", "14 Elm Road"],
    ["You live at 3 Mill Lane, Otley LS21 1AA, don't you.", "3 Mill Lane"],
  ] as const) {
    it(
      text,
      check(
        { text, category: "private-info", detail: "possible-address", cover },
        "report-to-police",
        profile,
      ),
    );
  }
});

describe("without a profile: address-like or phone-like details aimed at the reader", () => {
  const cases: Case[] = [
    {
      text: "Your home address is 27 Orchard Close, Leeds LS6 2QT.",
      category: "private-info",
      detail: "possible-address",
      cover: "27 Orchard Close",
    },
    {
      text: "You live at 14 Elm Road, Leeds LS6 1AB, don't you.",
      category: "private-info",
      detail: "possible-address",
      cover: "14 Elm Road",
    },
    {
      text: "Everyone should know your address: 3 Mill Lane, Otley LS21 1AA.",
      category: "private-info",
      detail: "possible-address",
      cover: "3 Mill Lane",
    },
    {
      text: "Your personal mobile is 07700 900123.",
      category: "private-info",
      detail: "possible-phone",
      cover: "07700 900123",
    },
    {
      text: "I've got your number: +44 7700 900456.",
      category: "private-info",
      detail: "possible-phone",
      cover: "+44 7700 900456",
    },
    {
      text: "your mobile is 07911123456 lol",
      category: "private-info",
      detail: "possible-phone",
      cover: "07911123456",
    },
  ];
  for (const c of cases) {
    it(c.text, check(c, "report-to-police"));
    it(`${c.text} (empty profile)`, check(c, "report-to-police", compileProfile({})));
  }
});

describe("parseProfile validates untrusted profiles and names the bad field", () => {
  it("accepts the full profile unchanged", () => {
    assert.deepEqual(parseProfile(registered), registered);
  });
  it("accepts an empty profile", () => {
    assert.deepEqual(parseProfile({}), {});
  });
  for (const [raw, field] of [
    [{ private: { phones: "07911 123456" } }, "private.phones"],
    [{ private: { homeAddress: "   " } }, "private.homeAddress"],
    [{ public: { offices: ["12 Market Street", ""] } }, "public.offices.1"],
    [{ private: { vehicles: [42] } }, "private.vehicles.0"],
  ] as const) {
    it(`rejects ${JSON.stringify(raw)} naming ${field}`, () => {
      assert.throws(
        () => parseProfile(raw),
        (e: unknown) => e instanceof ProfileError && e.field === field && e.message.includes(field),
      );
    });
  }
  it("rejects an unknown private field", () => {
    assert.throws(
      () => parseProfile({ private: { pets: ["Rex"] } }),
      (e: unknown) => e instanceof ProfileError && e.field.startsWith("private"),
    );
  });
  it("rejects something that is not a profile", () => {
    for (const raw of ["27 Orchard Close", null, 42, []]) {
      assert.throws(() => parseProfile(raw), ProfileError, JSON.stringify(raw));
    }
  });
});

describe("compiled profiles", () => {
  it("compiling the same profile twice gives the same analyses", () => {
    const again = compileProfile(parseProfile(structuredClone(registered)));
    for (const text of ["Ring her on 07911 123456.", "27 orchard cl", "Great speech!"]) {
      assert.deepEqual(run(text, again), run(text, profile));
    }
  });
  it("a profile with only public details flags nothing private", () => {
    const publicOnly = compileProfile({ public: registered.public! });
    const a = run("Is your office at 12 Market Street, Leeds LS1 6DT?", publicOnly);
    assertLevel(a, "keep-record");
  });
});
