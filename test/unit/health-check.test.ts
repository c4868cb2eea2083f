import { test } from "node:test";
import assert from "node:assert/strict";
import {
  HEALTH_CHECK,
  HEALTH_CHECK_GUIDANCE,
  HEALTH_CHECK_ITEMS,
  healthCheckProgress,
} from "../../src/core/safety/health-check.ts";

const KEBAB = /^[a-z0-9]+(-[a-z0-9]+)*$/;

test("item and section ids are unique, kebab-case and not too long", () => {
  const ids = HEALTH_CHECK_ITEMS.map((i) => i.id);
  assert.equal(new Set(ids).size, ids.length, "duplicate item id");
  for (const id of ids) {
    assert.match(id, KEBAB);
    assert.ok(id.length <= 40, id);
  }
  const sectionIds = HEALTH_CHECK.map((s) => s.id);
  assert.equal(new Set(sectionIds).size, sectionIds.length, "duplicate section id");
  for (const id of sectionIds) assert.match(id, KEBAB);
  // Progress is stored against item ids: a section id that is also an item id would be confusing.
  for (const id of sectionIds) assert.ok(!ids.includes(id), id);
});

test("ids that progress is stored against stay put", () => {
  // Renaming one of these loses people's progress; add new items instead.
  for (const id of [
    "open-register-opt-out",
    "anonymous-registration",
    "ballot-paper-address",
    "companies-house",
    "people-search-removal",
    "personal-privacy-settings",
    "family-privacy",
    "photo-location",
    "domain-registration",
    "leaflet-contact-details",
  ])
    assert.ok(
      HEALTH_CHECK_ITEMS.some((i) => i.id === id),
      id,
    );
});

test("the check covers where candidates' details leak", () => {
  assert.deepEqual(
    HEALTH_CHECK.map((s) => s.id),
    [
      "electoral-register",
      "election-paperwork",
      "public-records",
      "people-search",
      "your-social-media",
      "family-accounts",
      "photos-and-location",
      "websites",
      "printed-material",
      "keep-it-up",
    ],
  );
  assert.equal(HEALTH_CHECK_ITEMS.length, 30);
  for (const section of HEALTH_CHECK) assert.ok(section.items.length > 0, section.id);
});

test("every item says what, why and how, and cites the guidance first", () => {
  assert.match(HEALTH_CHECK_GUIDANCE, /Conduct an online health check/);
  for (const item of HEALTH_CHECK_ITEMS) {
    assert.ok(item.title.trim().length > 0 && item.title.length <= 80, `${item.id}: title`);
    assert.ok(!item.title.endsWith("."), `${item.id}: a title is an instruction, not a sentence`);
    assert.ok(item.why.trim().length > 0, `${item.id}: why`);
    assert.ok(item.why.split(/(?<=\.) /).length <= 2, `${item.id}: why is one or two sentences`);
    assert.ok(item.how.length > 0, `${item.id}: how`);
    for (const step of item.how) assert.ok(step.trim().length > 0, `${item.id}: empty step`);
    assert.ok(item.source.length > 0, `${item.id}: source`);
    assert.equal(item.source[0], HEALTH_CHECK_GUIDANCE, `${item.id}: guidance first`);
    assert.equal(new Set(item.source).size, item.source.length, `${item.id}: repeated source`);
  }
});

test("progress: nothing done", () => {
  const p = healthCheckProgress({});
  assert.equal(p.done, 0);
  assert.equal(p.total, HEALTH_CHECK_ITEMS.length);
  assert.equal(p.sections.length, HEALTH_CHECK.length);
  for (const [i, s] of p.sections.entries()) {
    assert.equal(s.id, HEALTH_CHECK[i]!.id);
    assert.equal(s.title, HEALTH_CHECK[i]!.title);
    assert.equal(s.done, 0);
    assert.equal(s.total, HEALTH_CHECK[i]!.items.length);
  }
});

test("progress: counts true only, per section and overall, ignoring unknown ids", () => {
  const p = healthCheckProgress({
    "open-register-opt-out": true,
    "anonymous-registration": false,
    "companies-house": true,
    "council-records": true,
    "photo-location": true,
    "no-longer-in-the-checklist": true,
    toString: true,
  });
  assert.equal(p.done, 4);
  assert.equal(p.total, HEALTH_CHECK_ITEMS.length);
  const byId = new Map(p.sections.map((s) => [s.id, s]));
  assert.deepEqual(byId.get("electoral-register"), {
    id: "electoral-register",
    title: "The electoral register",
    done: 1,
    total: 2,
  });
  assert.equal(byId.get("public-records")?.done, 2);
  assert.equal(byId.get("photos-and-location")?.done, 1);
  assert.equal(byId.get("people-search")?.done, 0);
  assert.equal(
    p.sections.reduce((sum, s) => sum + s.done, 0),
    p.done,
  );
});

test("progress: everything done", () => {
  const all = Object.fromEntries(HEALTH_CHECK_ITEMS.map((i) => [i.id, true]));
  const p = healthCheckProgress(all);
  assert.equal(p.done, p.total);
  for (const s of p.sections) assert.equal(s.done, s.total);
});

test("progress over a given list of sections", () => {
  const sections = [
    {
      id: "a",
      title: "A",
      intro: "",
      items: [
        { id: "a-1", title: "One", why: "", how: [], source: [] },
        { id: "a-2", title: "Two", why: "", how: [], source: [] },
      ],
    },
  ];
  assert.deepEqual(healthCheckProgress({ "a-2": true }, sections), {
    done: 1,
    total: 2,
    sections: [{ id: "a", title: "A", done: 1, total: 2 }],
  });
});
