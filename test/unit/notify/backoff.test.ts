import { test } from "node:test";
import assert from "node:assert/strict";
import { MAX_ATTEMPTS, RETRY_SCHEDULE_MS, nextAttemptDelayMs } from "../../../src/server/notify/backoff.ts";

const middle = () => 0.5; // no jitter

test("the schedule: at once, then 10 s, 30 s, 1, 2, 5, 10 and 10 minutes", () => {
  const delays = Array.from({ length: MAX_ATTEMPTS }, (_, n) => nextAttemptDelayMs(n, middle));
  assert.deepEqual(delays, [0, 10_000, 30_000, 60_000, 120_000, 300_000, 600_000, 600_000]);
  assert.deepEqual(delays, RETRY_SCHEDULE_MS);
  assert.equal(MAX_ATTEMPTS, 8);
});

test("gives up after the last attempt", () => {
  assert.equal(nextAttemptDelayMs(MAX_ATTEMPTS, middle), null);
  assert.equal(nextAttemptDelayMs(MAX_ATTEMPTS + 5), null);
});

test("jitter stays within ±10 % and uses the given random source", () => {
  assert.equal(
    nextAttemptDelayMs(1, () => 0),
    9_000,
  );
  assert.equal(
    nextAttemptDelayMs(1, () => 0.999999),
    11_000,
  );
  assert.equal(
    nextAttemptDelayMs(6, () => 0.25),
    570_000,
  );
  assert.equal(
    nextAttemptDelayMs(0, () => 0),
    0,
    "the first attempt is never delayed",
  );
  for (let n = 0; n < MAX_ATTEMPTS; n++) {
    const base = RETRY_SCHEDULE_MS[n] ?? 0;
    for (let i = 0; i < 200; i++) {
      const delay = nextAttemptDelayMs(n) ?? -1;
      assert.ok(delay >= base * 0.9 && delay <= base * 1.1, `attempt ${n}: ${delay} vs ${base}`);
    }
  }
});

test("refuses a nonsensical attempt count", () => {
  assert.throws(() => nextAttemptDelayMs(-1), RangeError);
  assert.throws(() => nextAttemptDelayMs(1.5), RangeError);
});
