import { test } from "node:test";
import assert from "node:assert/strict";
import { normaliseIdentifier } from "../../src/core/incident/identifiers.ts";

test("the same identifier typed differently normalises to one value", () => {
  const same = (kind: Parameters<typeof normaliseIdentifier>[0], values: string[]) => {
    const normalised = new Set(values.map((v) => normaliseIdentifier(kind, v)));
    assert.equal(normalised.size, 1, `${kind}: ${[...normalised].join(" | ")}`);
  };
  same("phone", [
    "07700 900123",
    "+44 7700 900123",
    "07700900123",
    "0044 7700 900 123",
    "+44 (0)7700 900123",
  ]);
  same("email", ["Troll@Example.org ", "troll@example.org"]);
  same("handle", ["@Troll_99", "troll_99", "@@troll_99"]);
  same("profile-url", ["https://www.x.com/Troll_99/", "http://x.com/troll_99?ref=share", "x.com/troll_99"]);
  same("vehicle", ["YK21 XRT", "yk21xrt", "YK21-XRT"]);
  same("name", ["John  Smith", "john smith"]);
  assert.notEqual(normaliseIdentifier("phone", "07700 900123"), normaliseIdentifier("phone", "07700 900124"));
});
