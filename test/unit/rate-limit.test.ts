import { test } from "node:test";
import assert from "node:assert/strict";
import { AttemptLimiter } from "../../src/server/rate-limit.ts";

test("attempts are limited within the window and allowed again after it", () => {
  const limiter = new AttemptLimiter(3, 60_000);
  for (let i = 0; i < 3; i++) {
    assert.equal(limiter.retryAfter("sam", 1000 * i), 0);
    limiter.recordFailure("sam", 1000 * i);
  }
  assert.equal(limiter.retryAfter("sam", 3000), 57);
  assert.equal(limiter.retryAfter("other", 3000), 0, "per key");
  assert.equal(limiter.retryAfter("sam", 60_001), 0, "the oldest attempt left the window");
  limiter.reset("sam");
  assert.equal(limiter.retryAfter("sam", 3000), 0);
});
