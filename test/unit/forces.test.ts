import { test } from "node:test";
import assert from "node:assert/strict";
import { FORCES_SOURCE, findForce, POLICE_FORCES } from "../../src/core/forces.ts";

test("46 forces with unique kebab-case ids", () => {
  assert.equal(POLICE_FORCES.length, 46);
  const ids = new Set(POLICE_FORCES.map((f) => f.id));
  assert.equal(ids.size, 46);
  for (const id of ids) assert.match(id, /^[a-z0-9]+(-[a-z0-9]+)*$/);
  assert.equal(new Set(POLICE_FORCES.map((f) => f.name)).size, 46);
});

test("43 territorial forces in England and Wales, four of them Welsh", () => {
  const ew = POLICE_FORCES.filter((f) => f.kind === "territorial" && f.jurisdiction === "england-wales");
  assert.equal(ew.length, 43);
  assert.equal(POLICE_FORCES.filter((f) => f.nation === "england").length, 39);
  assert.deepEqual(
    POLICE_FORCES.filter((f) => f.nation === "wales").map((f) => f.name),
    ["Dyfed-Powys Police", "Gwent Police", "North Wales Police", "South Wales Police"],
  );
  for (const f of ew) assert.ok(f.nation === "england" || f.nation === "wales");
});

test("Scotland, Northern Ireland and British Transport Police", () => {
  assert.deepEqual(findForce("police-scotland"), {
    id: "police-scotland",
    name: "Police Scotland",
    nation: "scotland",
    jurisdiction: "scotland",
    kind: "territorial",
    website: "https://www.scotland.police.uk",
  });
  const psni = findForce("psni");
  assert.equal(psni?.name, "Police Service of Northern Ireland");
  assert.equal(psni?.jurisdiction, "northern-ireland");
  const btp = findForce("british-transport-police");
  assert.equal(btp?.nation, "great-britain");
  assert.equal(btp?.jurisdiction, "england-wales");
  assert.equal(btp?.kind, "special");
  assert.equal(POLICE_FORCES.filter((f) => f.kind === "special").length, 1);
});

test("named forces are present", () => {
  const names = new Set(POLICE_FORCES.map((f) => f.name));
  for (const name of [
    "Metropolitan Police Service",
    "City of London Police",
    "Dyfed-Powys Police",
    "Devon and Cornwall Police",
    "Avon and Somerset Police",
    "Thames Valley Police",
    "West Yorkshire Police",
    "Greater Manchester Police",
    "Hampshire and Isle of Wight Constabulary",
    "Police Service of Northern Ireland",
    "British Transport Police",
  ])
    assert.ok(names.has(name), name);
  assert.equal(findForce("metropolitan-police")?.name, "Metropolitan Police Service");
  assert.equal(findForce("west-yorkshire-police")?.name, "West Yorkshire Police");
  assert.equal(findForce("nope"), undefined);
});

test("sorted by name, https websites, source cited, frozen", () => {
  const names = POLICE_FORCES.map((f) => f.name);
  assert.deepEqual(names, [...names].sort());
  for (const f of POLICE_FORCES) {
    const url = new URL(f.website);
    assert.equal(url.protocol, "https:");
    assert.ok(url.hostname.endsWith(".police.uk"), f.website);
  }
  assert.match(FORCES_SOURCE, /Home Office/);
  assert.ok(Object.isFrozen(POLICE_FORCES));
  assert.ok(Object.isFrozen(POLICE_FORCES[0]));
});
