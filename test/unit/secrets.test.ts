import { test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, statSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { DecryptionError, loadMasterKey, Secrets } from "../../src/store/secrets.ts";

test("the master key is created once, private to its owner, and reused", () => {
  const dir = mkdtempSync(join(tmpdir(), "shield-key-"));
  const first = loadMasterKey(dir, undefined);
  const second = loadMasterKey(dir, undefined);
  assert.deepEqual(first, second);
  assert.equal(statSync(join(dir, "shield.key")).mode & 0o777, 0o600);
  assert.throws(() => loadMasterKey(dir, "dG9vIHNob3J0"), /32 bytes/);
});

test("encrypted values decrypt only in their own context and detect any change", () => {
  const secrets = new Secrets(loadMasterKey(mkdtempSync(join(tmpdir(), "shield-key-")), undefined));
  const stored = secrets.encryptJson({ text: "27 Orchard Close" }, "incident_revisions:a/1");
  assert.ok(!stored.includes("Orchard"));
  assert.deepEqual(secrets.decryptJson(stored, "incident_revisions:a/1"), { text: "27 Orchard Close" });
  assert.throws(
    () => secrets.decryptJson(stored, "incident_revisions:b/1"),
    DecryptionError,
    "moved to another row",
  );
  const flipped = stored.slice(0, -4) + (stored.at(-4) === "A" ? "B" : "A") + stored.slice(-3);
  assert.throws(() => secrets.decryptJson(flipped, "incident_revisions:a/1"), DecryptionError);
  assert.notEqual(secrets.encrypt("same", "c"), secrets.encrypt("same", "c"), "a fresh IV every time");
  assert.equal(secrets.identifierHmac("phone:447700900123"), secrets.identifierHmac("phone:447700900123"));
  const other = new Secrets(loadMasterKey(mkdtempSync(join(tmpdir(), "shield-key-")), undefined));
  assert.notEqual(
    other.identifierHmac("phone:447700900123"),
    secrets.identifierHmac("phone:447700900123"),
    "keyed per deployment",
  );
});
