import { test } from "node:test";
import assert from "node:assert/strict";
import fc from "fast-check";
import { canonicalJson, hashOf } from "../../src/core/evidence/canonical.ts";
import { GENESIS_HASH, nextEvent, verifyStream, type ChainEvent } from "../../src/core/evidence/chain.ts";

const build = (n: number): ChainEvent[] => {
  const events: ChainEvent[] = [];
  for (let i = 0; i < n; i++) {
    events.push(
      nextEvent(events.at(-1), {
        stream: "campaign:x",
        type: i % 2 ? "incident.revised" : "incident.recorded",
        actorUserId: "u1",
        at: new Date(Date.UTC(2026, 10, 1, 0, i)),
        entity: "incident",
        entityId: `i${i}`,
        payloadHash: hashOf({ i }),
      }),
    );
  }
  return events;
};
const headOf = (events: ChainEvent[]) => ({ seq: events.at(-1)!.seq, hash: events.at(-1)!.hash });

test("canonical JSON is independent of key order and drops undefined", () => {
  assert.equal(canonicalJson({ b: 1, a: [true, null, "x"], c: undefined }), '{"a":[true,null,"x"],"b":1}');
  assert.equal(
    canonicalJson({ when: new Date("2026-11-21T10:00:00Z") }),
    '{"when":"2026-11-21T10:00:00.000Z"}',
  );
  fc.assert(
    fc.property(fc.dictionary(fc.string(), fc.oneof(fc.string(), fc.integer(), fc.boolean())), (record) => {
      const reversed = Object.fromEntries(Object.entries(record).reverse());
      return canonicalJson(record) === canonicalJson(reversed);
    }),
  );
});

test("an intact chain verifies; the first event links to the genesis hash", () => {
  const events = build(5);
  assert.equal(events[0]!.prevHash, GENESIS_HASH);
  assert.deepEqual(verifyStream("campaign:x", events, headOf(events)), []);
});

test("altering, removing or reordering any event is detected and named", () => {
  fc.assert(
    fc.property(
      fc.integer({ min: 2, max: 12 }),
      fc.nat(),
      fc.constantFrom("alter", "remove", "swap", "truncate"),
      (n, pick, kind) => {
        const events = build(n);
        const head = headOf(events);
        const i = pick % n;
        let tampered = [...events];
        if (kind === "alter") tampered[i] = { ...events[i]!, entityId: "something else" };
        if (kind === "remove") tampered.splice(i, 1);
        if (kind === "swap") {
          const j = (i + 1) % n;
          [tampered[i], tampered[j]] = [
            { ...events[j]!, seq: events[i]!.seq },
            { ...events[i]!, seq: events[j]!.seq },
          ];
        }
        if (kind === "truncate") tampered = events.slice(0, i);
        const problems = verifyStream("campaign:x", tampered, head);
        assert.ok(problems.length > 0, `${kind} at ${i} of ${n} went unnoticed`);
        assert.ok(
          problems.every(
            (p) => p.where.startsWith("events campaign:x #") || p.where === "chain_heads campaign:x",
          ),
        );
      },
    ),
    { seed: 42, numRuns: 300 },
  );
});

test("a missing event names the gap", () => {
  const events = build(5);
  const problems = verifyStream(
    "campaign:x",
    [events[0]!, events[1]!, events[3]!, events[4]!],
    headOf(events),
  );
  assert.ok(
    problems.some((p) => p.where === "events campaign:x #4" && /event #3 is missing/.test(p.message)),
  );
});
