import { test } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, writeFileSync } from "node:fs";
import { hostname, tmpdir } from "node:os";
import { join } from "node:path";
import { acquireDataDirLock, DataDirLockedError } from "../../src/store/lock.ts";

test("the data folder lock refuses a second holder and is released", () => {
  const path = join(mkdtempSync(join(tmpdir(), "shield-lock-")), "shield.lock");
  const release = acquireDataDirLock(path);
  assert.throws(() => acquireDataDirLock(path), DataDirLockedError);
  release();
  assert.equal(existsSync(path), false);
  acquireDataDirLock(path)();
});

test("a lock left by a process that died is broken; one held by a live process is not", () => {
  const path = join(mkdtempSync(join(tmpdir(), "shield-lock-")), "shield.lock");
  writeFileSync(path, `2147483646\n${hostname()}\n`); // no such process
  const release = acquireDataDirLock(path);
  release();
  writeFileSync(path, `1\n${hostname()}\n`); // pid 1 is always alive
  assert.throws(() => acquireDataDirLock(path), /pid 1/);
});
