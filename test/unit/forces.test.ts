import { test } from "node:test";
import assert from "node:assert/strict";
import { findForce, POLICE_FORCES } from "../../src/core/forces.ts";

test("the directory holds the 43 territorial forces of England and Wales, Scotland's, Northern Ireland's and BTP", () => {
  assert.equal(POLICE_FORCES.length, 46);
  assert.equal(new Set(POLICE_FORCES.map((f) => f.id)).size, 46, "ids are unique");
  const territorialEnglandWales = POLICE_FORCES.filter(
    (f) => f.kind === "territorial" && f.jurisdiction === "england-wales",
  );
  assert.equal(territorialEnglandWales.length, 43);
  assert.equal(POLICE_FORCES.filter((f) => f.nation === "wales").length, 4);
  assert.equal(findForce("police-scotland")?.jurisdiction, "scotland");
  assert.equal(findForce("psni")?.jurisdiction, "northern-ireland");
  assert.equal(findForce("british-transport-police")?.kind, "special");
  for (const name of [
    "Metropolitan Police Service",
    "City of London Police",
    "Dyfed-Powys Police",
    "Devon and Cornwall Police",
  ]) {
    assert.ok(
      POLICE_FORCES.some((f) => f.name === name),
      name,
    );
  }
  assert.ok(POLICE_FORCES.every((f) => f.website.startsWith("https://")));
});
