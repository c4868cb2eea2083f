// Input fuzzing of the write endpoints and the incident list (fast-check, fixed seed). Whatever is
// sent, the server must never answer 5xx; every 4xx must be `{ error: { code, message } }` with a
// message (and, for a validation error, the field it names); and a 4xx must leave every table and
// the evidence-file store exactly as they were (DESIGN.md "Quality bars": bad input gets a clear
// error and changes nothing; no input crashes the server).
import { after, before, beforeEach, describe, it } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import fc from "fast-check";
import { z } from "zod";
import {
  ACTOR_IDENTIFIER_KINDS,
  ActorBodySchema,
  CHANNELS,
  EVIDENCE_SOURCES,
  FOLLOW_UP_KINDS,
  FollowUpBodySchema,
  IncidentBodySchema,
  InlineEvidenceSchema,
  PLATFORMS,
  TARGETED_GROUPS,
  VERDICT_LEVELS,
} from "../../src/core/incident/model.ts";
import { sampleIncident, setUpCandidate, startHarness, type Harness } from "../support/harness.ts";
import {
  multipart,
  send,
  sendRaw,
  tinyPng,
  type Caller,
  type MultipartPart,
  type Response,
} from "../support/requests.ts";
import { changedKeys, snapshot, StateTracker, type Snapshot } from "../support/snapshot.ts";

const SEED = 20261121;
const RUNS = 150;
const params = (runs = RUNS) => ({ seed: SEED, numRuns: runs });

// ------------------------------------------------------------------------------------------------
// The oracle applied to every response.

function assertWellFormed(res: Response, before: Snapshot, after: Snapshot, what: string): void {
  const detail = `${what} → ${res.status} ${JSON.stringify(res.body).slice(0, 400)}`;
  assert.ok(res.status < 500, `server error: ${detail}`);
  if (res.status < 400) return;
  const error = res.body?.error;
  assert.ok(error && typeof error === "object", `4xx without { error }: ${detail}`);
  assert.ok(typeof error.code === "string" && error.code.length > 0, `4xx without error.code: ${detail}`);
  assert.ok(
    typeof error.message === "string" && error.message.trim().length > 0,
    `4xx without a message: ${detail}`,
  );
  if (res.status === 400 && error.code === "invalid") {
    assert.ok(
      typeof error.field === "string" && error.field.length > 0,
      `validation error without a field: ${detail}`,
    );
    assert.ok(
      error.message.includes(error.field),
      `the message does not name the field '${error.field}': ${detail}`,
    );
  }
  assert.deepEqual(changedKeys(before, after), [], `a refused request changed stored data: ${detail}`);
}

const describeBody = (payload: unknown) => {
  const text = typeof payload === "string" ? payload : JSON.stringify(payload);
  return text === undefined
    ? "(nothing)"
    : text.length > 300
      ? `${text.slice(0, 300)}… (${text.length} chars)`
      : text;
};

const parseOrUndefined = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return undefined;
  }
};

// ------------------------------------------------------------------------------------------------
// Arbitraries: junk of every shape, and values that are nearly right.

const printable = fc.string({
  unit: fc.integer({ min: 0x20, max: 0x7e }).map((c) => String.fromCharCode(c)),
  maxLength: 40,
});

const nested = fc.tuple(fc.integer({ min: 1, max: 3000 }), fc.boolean()).map(([depth, arrays]) => {
  let v: unknown = "bottom";
  for (let i = 0; i < depth; i++) v = arrays ? [v] : { a: v };
  return v;
});

const junk: fc.Arbitrary<unknown> = fc.oneof(
  fc.jsonValue({ maxDepth: 3 }),
  fc.string({ unit: "binary", maxLength: 40 }),
  fc.string({ unit: "grapheme", maxLength: 40 }),
  fc.constantFrom(
    "",
    "   ",
    "\u0000",
    "\ud800",
    "\u202e\u0041",
    "e\u0301",
    "💣".repeat(300),
    "x".repeat(20_001),
    "<script>alert(1)</script>",
    "'; drop table incidents; --",
    "null",
    "[]",
    "{}",
  ),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.array(fc.jsonValue({ maxDepth: 2 }), { maxLength: 4 }),
  fc.dictionary(fc.string({ maxLength: 10 }), fc.jsonValue({ maxDepth: 2 }), { maxKeys: 4 }),
  nested,
);

const pad = (n: number, width: number) => String(n).padStart(width, "0");
/** ISO-like date-times, valid and not: impossible days, out-of-range instants, missing offsets, words. */
const dateish: fc.Arbitrary<string> = fc.oneof(
  {
    weight: 3,
    arbitrary: fc.constantFrom(
      "2026-11-20T18:30:00Z",
      "2026-11-20T18:30:00+01:00",
      "0000-01-01T00:00:00Z",
      "0001-01-01T00:00:00+01:00",
      "9999-12-31T23:59:59-12:00",
      "0001-01-01T00:30:00Z",
      "2026-02-29T10:00:00Z",
      "2024-02-29T10:00:00Z",
      "2026-02-30T10:00:00Z",
      "2026-13-01T00:00:00Z",
      "2026-11-20T24:00:00Z",
      "2026-11-20",
      "2026-11-20T18:30:00",
      "2026-11-20T18:30:00+25:00",
      "+275760-09-13T00:00:00.000Z",
      "-000001-01-01T00:00:00Z",
      "2026-11-20T18:30:00.123456789Z",
      "yesterday",
      "",
    ),
  },
  { weight: 1, arbitrary: fc.date({ noInvalidDate: true }).map((d) => d.toISOString()) },
  {
    weight: 2,
    arbitrary: fc
      .record({
        y: fc.oneof(fc.integer({ min: 0, max: 9999 }), fc.constantFrom(0, 1, 9999)),
        mo: fc.integer({ min: 0, max: 13 }),
        d: fc.integer({ min: 0, max: 32 }),
        hh: fc.integer({ min: 0, max: 24 }),
        mm: fc.integer({ min: 0, max: 60 }),
        off: fc.constantFrom("Z", "+01:00", "-12:00", "+14:00", "+99:99", ""),
      })
      .map((p) => `${pad(p.y, 4)}-${pad(p.mo, 2)}-${pad(p.d, 2)}T${pad(p.hh, 2)}:${pad(p.mm, 2)}:00${p.off}`),
  },
);

const uuidish = (known: string[]): fc.Arbitrary<string> =>
  fc.oneof(
    fc.constantFrom(...known),
    fc.uuid(),
    fc.uuid().map((u) => u.toUpperCase()),
    fc.stringMatching(/^[0-9a-f-]{36}$/),
    fc.constantFrom(
      "not-a-uuid",
      "",
      "00000000-0000-0000-0000-000000000000",
      "ffffffff-ffff-ffff-ffff-ffffffffffff",
    ),
  );

type Mutation =
  | { op: "delete"; key: string }
  | { op: "set"; key: string; value: unknown }
  | { op: "extra"; key: string; value: unknown };

/** A valid body with 0–4 mutations: fields deleted, replaced by near-misses or junk, extra keys added. */
function mutated(valid: () => Record<string, unknown>, fields: Record<string, fc.Arbitrary<unknown>>) {
  const keys = Object.keys(fields);
  const mutation: fc.Arbitrary<Mutation> = fc.oneof(
    fc.constantFrom(...keys).map((key) => ({ op: "delete" as const, key })),
    fc
      .constantFrom(...keys)
      .chain((key) =>
        fc
          .oneof({ weight: 3, arbitrary: fields[key]! }, { weight: 1, arbitrary: junk })
          .map((value) => ({ op: "set" as const, key, value })),
      ),
    fc.record({
      op: fc.constant("extra" as const),
      key: fc.oneof(
        fc.string({ maxLength: 12 }),
        fc.constantFrom("__proto__", "constructor", "id", "recordedBy", "campaignId"),
      ),
      value: junk,
    }),
  );
  return fc.array(mutation, { maxLength: 4 }).map((mutations) => {
    const body: Record<string, unknown> = valid();
    for (const m of mutations) {
      if (m.op === "delete") delete body[m.key];
      else
        Object.defineProperty(body, m.key, {
          value: m.value,
          enumerable: true,
          writable: true,
          configurable: true,
        });
    }
    return body;
  });
}

const optionalText = (max: number) =>
  fc.oneof(
    fc.string({ maxLength: 60 }),
    fc.constant("y".repeat(max + 1)),
    fc.string({ unit: "grapheme", maxLength: 30 }),
  );

// ------------------------------------------------------------------------------------------------

describe("fuzzing the API with malformed input", () => {
  let h: Harness;
  let me: Caller;
  let campaignId: string;
  let incidentId: string;
  let actorId: string;
  let tracker: StateTracker;

  before(async () => {
    h = await startHarness();
    tracker = new StateTracker(h);
    const candidate = await setUpCandidate(h);
    me = { name: "candidate", token: candidate.session.token, userId: candidate.session.userId };
    campaignId = candidate.campaignId;
    const actor = await send(h.app, me, "POST", `/api/campaigns/${campaignId}/actors`, {
      label: "Man in the red van",
    });
    actorId = actor.body.id;
    const incident = await send(
      h.app,
      me,
      "POST",
      `/api/campaigns/${campaignId}/incidents`,
      sampleIncident({ actorIds: [actorId] }),
    );
    incidentId = incident.body.id;
    assert.equal(incident.status, 201);
  });
  after(() => h?.close());
  beforeEach(() => tracker.forget());

  /** Sends JSON text and applies the oracle; returns the response and the parsed body it was given. */
  async function postJson(url: string, payload: string, what: string) {
    const {
      result: res,
      before,
      after,
    } = await tracker.around(() => sendRaw(h.app, me, "POST", url, payload, "application/json"));
    assertWellFormed(res, before, after, `${what} ${describeBody(payload)}`);
    return { res, parsed: parseOrUndefined(payload), before, after };
  }

  /** A 2xx only for bodies the schema accepts; a schema-valid body the caller may use is accepted. */
  function assertSchemaAgrees(
    res: Response,
    parsed: unknown,
    schema: z.ZodType,
    usable: (data: any) => boolean,
    what: string,
  ) {
    const verdict = schema.safeParse(parsed);
    const detail = `${what} ${describeBody(parsed)} → ${res.status} ${JSON.stringify(res.body).slice(0, 300)}`;
    if (res.status < 300) assert.ok(verdict.success, `accepted a body the schema refuses: ${detail}`);
    else if (verdict.success && usable(verdict.data)) assert.fail(`refused a valid body: ${detail}`);
  }

  /** Mostly mutated valid bodies, some arbitrary JSON: every answer must agree with the schema. */
  async function fuzzBodies(url: () => string, body: fc.Arbitrary<unknown>, schema: z.ZodType, what: string) {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          { weight: 4, arbitrary: body.map((b) => JSON.stringify(b)) },
          { weight: 1, arbitrary: fc.json() },
        ),
        async (payload) => {
          const { res, parsed } = await postJson(url(), payload, what);
          assertSchemaAgrees(res, parsed, schema, () => true, what);
        },
      ),
      params(),
    );
  }

  const knownActors = () => [actorId];
  const actorsUsable = (ids: string[]) => ids.every((id) => id === actorId);

  const incidentFields = () => ({
    summary: fc.oneof(fc.string({ maxLength: 60 }), fc.constantFrom("s".repeat(201), "  ", "\t\n")),
    description: optionalText(20_000),
    occurredAt: dateish,
    location: fc.oneof(
      fc.record(
        {
          text: optionalText(500),
          postcode: fc.oneof(
            fc.constantFrom("LS6 2QT", "SW1A 1AA", "NOT A POSTCODE X"),
            fc.string({ maxLength: 12 }),
          ),
          lat: fc.double(),
          lng: fc.double(),
        },
        { requiredKeys: [] },
      ),
      fc.record({
        lat: fc.double({ min: -90, max: 90, noNaN: true }),
        lng: fc.double({ min: -180, max: 180, noNaN: true }),
      }),
    ),
    channel: fc.constantFrom(...CHANNELS, "Doorstep", "twitter", "", "social_media"),
    platform: fc.constantFrom(...PLATFORMS, "X", "myspace", ""),
    url: fc.oneof(
      fc.webUrl(),
      fc.constantFrom(
        "javascript:alert(1)",
        "ftp://example.org/x",
        "http://",
        "not a url",
        `https://example.org/${"a".repeat(2000)}`,
      ),
    ),
    targeted: fc.array(fc.constantFrom(...TARGETED_GROUPS, "pets", "", "Candidate"), { maxLength: 7 }),
    actorIds: fc.array(uuidish(knownActors()), { maxLength: 22 }),
    unknownActorDescription: optionalText(2000),
    witnesses: fc.array(
      fc.record(
        {
          name: fc.oneof(fc.string({ maxLength: 20 }), junk),
          contact: fc.oneof(fc.string({ maxLength: 20 }), junk),
        },
        { requiredKeys: [] },
      ),
      {
        maxLength: 22,
      },
    ),
    impact: optionalText(5000),
    actionTaken: optionalText(5000),
  });
  const validIncident = () => ({
    summary: "Abusive replies under my post",
    description: "Twelve replies in an hour calling me a traitor.",
    occurredAt: "2026-11-20T18:30:00Z",
    location: { text: "Online", lat: 53.8, lng: -1.55 },
    channel: "social-media",
    platform: "x",
    url: "https://x.com/someone/status/1",
    targeted: ["candidate", "family"],
    actorIds: [actorId],
    witnesses: [{ name: "Alex", contact: "07700 900000" }],
    impact: "Shaken",
    actionTaken: "Blocked the account",
  });
  const anyJsonText = () =>
    fc.oneof(
      { weight: 4, arbitrary: mutated(validIncident, incidentFields()).map((b) => JSON.stringify(b)) },
      { weight: 1, arbitrary: fc.anything().map((v) => JSON.stringify(v) ?? "null") },
      { weight: 1, arbitrary: fc.json() },
    );

  it("POST /api/campaigns/:id/incidents: arbitrary and mutated bodies", async () => {
    await fc.assert(
      fc.asyncProperty(anyJsonText(), async (payload) => {
        const { res, parsed } = await postJson(
          `/api/campaigns/${campaignId}/incidents`,
          payload,
          "record incident",
        );
        assertSchemaAgrees(
          res,
          parsed,
          IncidentBodySchema,
          (b) => actorsUsable(b.actorIds),
          "record incident",
        );
      }),
      params(),
    );
  });

  it("POST /api/incidents/:id/revisions: arbitrary and mutated amendments", async () => {
    // Mirrors the route's body schema.
    const AmendSchema = z
      .object({
        body: IncidentBodySchema,
        reason: z.string().trim().min(1).max(2000),
        expectedRevision: z.number().int().positive().optional(),
      })
      .strict();
    const amendment = mutated(() => ({ body: validIncident(), reason: "Added the link" }), {
      body: mutated(validIncident, incidentFields()),
      reason: fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom("", "   ", "r".repeat(2001))),
      expectedRevision: fc.oneof(fc.integer({ min: -2, max: 5 }), fc.constantFrom(1.5, 1e20)),
    });
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          { weight: 4, arbitrary: amendment.map((b) => JSON.stringify(b)) },
          { weight: 1, arbitrary: fc.json() },
        ),
        async (payload) => {
          const { res, parsed } = await postJson(
            `/api/incidents/${incidentId}/revisions`,
            payload,
            "amend incident",
          );
          assertSchemaAgrees(
            res,
            parsed,
            AmendSchema,
            (b) => actorsUsable(b.body.actorIds) && b.expectedRevision === undefined,
            "amend incident",
          );
        },
      ),
      params(),
    );
  });

  it("POST /api/incidents/:id/evidence: arbitrary and mutated text and link evidence", async () => {
    const fields = {
      kind: fc.constantFrom("text", "url", "file", "TEXT", ""),
      text: fc.oneof(
        fc.string({ maxLength: 80 }),
        fc.string({ unit: "binary", maxLength: 80 }),
        fc.constantFrom("t".repeat(100_001), " "),
      ),
      url: fc.oneof(
        fc.webUrl(),
        fc.constantFrom("javascript:alert(1)", "mailto:x@example.org", "https://", "x"),
      ),
      source: fc.constantFrom(...EVIDENCE_SOURCES, "Screenshot", "camera", ""),
      capturedAt: dateish,
      note: optionalText(2000),
    };
    const body = fc.oneof(
      mutated(
        () => ({
          kind: "text",
          text: "You will regret standing",
          source: "message-copy",
          capturedAt: "2026-11-20T18:31:00Z",
        }),
        fields,
      ),
      mutated(
        () => ({
          kind: "url",
          url: "https://x.com/someone/status/1",
          source: "screenshot",
          note: "the first reply",
        }),
        fields,
      ),
    );
    await fuzzBodies(
      () => `/api/incidents/${incidentId}/evidence`,
      body,
      InlineEvidenceSchema,
      "add evidence",
    );
  });

  it("POST /api/incidents/:id/follow-ups: arbitrary and mutated follow-ups", async () => {
    const fields = {
      kind: fc.constantFrom(...FOLLOW_UP_KINDS, "crime-number", ""),
      text: fc.oneof(fc.string({ maxLength: 60 }), fc.constantFrom("f".repeat(5001), " ")),
      policeReference: fc.oneof(fc.string({ maxLength: 20 }), fc.constantFrom("r".repeat(101), "")),
      officer: optionalText(200),
      contactRoute: fc.constantFrom("999", "101", "spoc", "online", "in-person", "other", "112", 999),
    };
    const body = mutated(
      () => ({
        kind: "police-reference",
        text: "Reported on 101",
        policeReference: "WY-1234",
        contactRoute: "101",
      }),
      fields,
    );
    await fuzzBodies(
      () => `/api/incidents/${incidentId}/follow-ups`,
      body,
      FollowUpBodySchema,
      "add follow-up",
    );
  });

  it("POST /api/campaigns/:id/actors: arbitrary and mutated actors", async () => {
    const identifier = mutated(() => ({ kind: "handle", value: "@troll_99", platform: "x" }), {
      kind: fc.constantFrom(...ACTOR_IDENTIFIER_KINDS, "ip-address", ""),
      value: fc.oneof(
        fc.string({ maxLength: 40 }),
        fc.string({ unit: "binary", maxLength: 40 }),
        fc.constantFrom("v".repeat(501), "  ", "ＡＢＣ", "+44 (0)7700 900123"),
      ),
      platform: fc.constantFrom(...PLATFORMS, "X", ""),
    });
    const body = mutated(
      () => ({
        label: "Man in the red van",
        description: "Tall",
        identifiers: [{ kind: "vehicle", value: "YK21 XRT" }],
      }),
      {
        label: fc.oneof(fc.string({ maxLength: 40 }), fc.constantFrom("l".repeat(201), " ")),
        description: optionalText(5000),
        identifiers: fc.oneof(
          fc.array(identifier, { maxLength: 5 }),
          fc.array(identifier, { minLength: 51, maxLength: 52 }),
        ),
      },
    );
    await fuzzBodies(() => `/api/campaigns/${campaignId}/actors`, body, ActorBodySchema, "create actor");
  });

  it("POST /api/incidents/:id/evidence/file: well-formed multipart with arbitrary files and fields", async () => {
    const file = fc.record({
      name: fc.constantFrom("file", "file", "file", "File", "upload", ""),
      filename: fc.oneof(
        fc.constantFrom("screenshot.png", "a.txt", "", "../../etc/passwd", "x".repeat(400)),
        fc.string({ unit: "grapheme", maxLength: 30 }),
      ),
      contentType: fc.constantFrom("image/png", "text/plain", "application/x-msdownload", "image/jpeg"),
      data: fc.oneof(
        fc.uint8Array({ maxLength: 600 }),
        fc.constant(tinyPng()),
        fc.uint8Array({ maxLength: 100 }).map((junkBytes) => Buffer.concat([tinyPng(), junkBytes])),
        fc.string({ maxLength: 200 }).map((s) => Buffer.from(s, "utf8")),
        fc.constant(Buffer.from("MZ\x90\x00\x03\x00\x00\x00", "latin1")),
        fc.constant(new Uint8Array(0)),
      ),
    });
    const field = fc.oneof(
      fc.record({
        name: fc.constant("source"),
        value: fc.oneof(fc.constantFrom(...EVIDENCE_SOURCES, "camera", ""), fc.string({ maxLength: 20 })),
      }),
      fc.record({ name: fc.constant("capturedAt"), value: dateish }),
      fc.record({
        name: fc.constant("note"),
        value: fc.oneof(fc.string({ maxLength: 40 }), fc.constant("n".repeat(2001))),
      }),
      fc.record({
        name: fc.string({ maxLength: 10 }).filter((n) => !/["\r\n]/.test(n)),
        value: fc.string({ maxLength: 20 }),
      }),
    );
    const upload = fc
      .tuple(fc.array(field, { maxLength: 4 }), fc.option(file, { freq: 8 }), fc.nat())
      .map(([fields, f, at]) => {
        const parts: MultipartPart[] = [...fields];
        if (f) parts.splice(at % (parts.length + 1), 0, f);
        return parts;
      });
    await fc.assert(
      fc.asyncProperty(upload, async (parts) => {
        const body = multipart(parts);
        const {
          result: res,
          before,
          after,
        } = await tracker.around(() =>
          send(h.app, me, "POST", `/api/incidents/${incidentId}/evidence/file`, body),
        );
        const what = `upload ${JSON.stringify(parts.map((p) => ("data" in p ? { ...p, data: `${p.data.length} bytes` } : p))).slice(0, 400)}`;
        assertWellFormed(res, before, after, what);
        if (res.status < 300) {
          // An accepted file is stored exactly as sent, under its SHA-256, with a type read from its bytes.
          const sent = parts.find(
            (p): p is Extract<MultipartPart, { data: Uint8Array }> => "data" in p && p.name === "file",
          );
          assert.ok(sent, `accepted an upload without a 'file' part: ${what}`);
          assert.equal(res.body.sha256, createHash("sha256").update(sent.data).digest("hex"));
          assert.equal(res.body.size, sent.data.length);
          assert.ok(
            ["image/png", "text/plain"].includes(res.body.mediaType),
            `stored as ${res.body.mediaType}: ${what}`,
          );
          assert.equal(after.evidence, before.evidence + 1);
          const download = await sendRaw(
            h.app,
            me,
            "GET",
            `/api/evidence/${res.body.id}/file`,
            undefined,
            undefined,
          );
          tracker.forget(); // the download is recorded in the who-read-what log
          assert.equal(download.status, 200);
          assert.equal(createHash("sha256").update(download.bytes).digest("hex"), res.body.sha256);
        }
      }),
      params(),
    );
  });

  it("POST /api/incidents/:id/evidence/file: random bytes, broken boundaries and truncated multipart", async () => {
    const good = multipart([
      { name: "source", value: "screenshot" },
      { name: "file", filename: "screenshot.png", contentType: "image/png", data: tinyPng() },
    ]);
    const contentType = fc.oneof(
      fc.constantFrom(
        "multipart/form-data",
        "multipart/form-data; boundary=",
        "multipart/form-data; boundary=xyz",
        good.contentType,
        "multipart/mixed; boundary=xyz",
        "application/json",
        "application/octet-stream",
        "image/png",
        "text/plain",
      ),
      printable.map((s) => `multipart/form-data; boundary=${s}`),
      printable,
    );
    const payload = fc.oneof(
      fc.uint8Array({ maxLength: 400 }).map((b) => Buffer.from(b)),
      fc.nat({ max: good.payload.length }).map((n) => good.payload.subarray(0, n)),
      fc
        .tuple(fc.nat({ max: good.payload.length }), fc.uint8Array({ minLength: 1, maxLength: 20 }))
        .map(([n, b]) =>
          Buffer.concat([good.payload.subarray(0, n), Buffer.from(b), good.payload.subarray(n)]),
        ),
      fc.constant(Buffer.from("--xyz--\r\n")),
    );
    await fc.assert(
      fc.asyncProperty(contentType, payload, async (type, bytes) => {
        const {
          result: res,
          before,
          after,
        } = await tracker.around(() =>
          sendRaw(h.app, me, "POST", `/api/incidents/${incidentId}/evidence/file`, bytes, type),
        );
        assertWellFormed(
          res,
          before,
          after,
          `upload (${type}) ${bytes.length} bytes: ${JSON.stringify(bytes.toString("latin1").slice(0, 120))}`,
        );
      }),
      params(),
    );
  });

  it("malformed JSON text is refused with a 4xx and writes nothing", async () => {
    const urls = () => [
      `/api/campaigns/${campaignId}/incidents`,
      `/api/incidents/${incidentId}/revisions`,
      `/api/incidents/${incidentId}/evidence`,
      `/api/incidents/${incidentId}/follow-ups`,
      `/api/campaigns/${campaignId}/actors`,
    ];
    const broken = fc.oneof(
      fc.string({ unit: "binary", maxLength: 60 }),
      fc
        .tuple(fc.json(), fc.nat(), fc.constantFrom("", "{", "}", ",", '"', "\\", "\u0000"))
        .map(([json, at, insert]) => {
          const i = json.length === 0 ? 0 : at % json.length;
          return json.slice(0, i) + insert + json.slice(i + 1);
        }),
      fc.constantFrom(
        "{",
        '{"summary":',
        "{'summary': 'x'}",
        "\ufeff{}",
        "{}{}",
        "[1,]",
        '{"a":1,}',
        "NaN",
        "undefined",
        '{"__proto__":{"admin":true}}',
      ),
    );
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(0, 1, 2, 3, 4), broken, async (which, payload) => {
        await postJson(urls()[which]!, payload, `malformed JSON to ${urls()[which]}`);
      }),
      params(),
    );
  });

  it("a valid incident sent with the wrong content type, or none, is refused and writes nothing", async () => {
    const types = fc.oneof(
      fc.constantFrom(
        undefined,
        "",
        "text/plain",
        "text/json",
        "application/xml",
        "application/x-www-form-urlencoded",
        "multipart/form-data; boundary=x",
        "application/octet-stream",
        "application/json; charset=utf-16",
        "application/jsonx",
        "application/vnd.api+json",
        "image/png",
      ),
      printable,
    );
    await fc.assert(
      fc.asyncProperty(types, async (type) => {
        const {
          result: res,
          before,
          after,
        } = await tracker.around(() =>
          sendRaw(
            h.app,
            me,
            "POST",
            `/api/campaigns/${campaignId}/incidents`,
            JSON.stringify(sampleIncident()),
            type,
          ),
        );
        assertWellFormed(res, before, after, `incident as ${JSON.stringify(type)}`);
        if (res.status < 300)
          assert.match(type ?? "", /^\s*application\/json\s*(;|$)/i, `accepted as ${JSON.stringify(type)}`);
      }),
      params(60),
    );
  });

  it("an empty body is refused with a 4xx and writes nothing", async () => {
    const urls = [
      `/api/campaigns/${campaignId}/incidents`,
      `/api/incidents/${incidentId}/revisions`,
      `/api/incidents/${incidentId}/evidence`,
      `/api/incidents/${incidentId}/follow-ups`,
      `/api/campaigns/${campaignId}/actors`,
      `/api/incidents/${incidentId}/evidence/file`,
    ];
    for (const url of urls) {
      for (const [payload, type] of [
        [undefined, undefined],
        ["", "application/json"],
        ["   ", "application/json"],
        ["", "multipart/form-data; boundary=xyz"],
        ["", "text/plain"],
      ] as const) {
        const {
          result: res,
          before,
          after,
        } = await tracker.around(() => sendRaw(h.app, me, "POST", url, payload, type));
        assertWellFormed(res, before, after, `empty body (${type}) to ${url}`);
        assert.ok(res.status >= 400, `accepted an empty body: ${url} ${type} → ${res.status}`);
      }
    }
  });

  it("GET /api/campaigns/:id/incidents: fuzzed query strings give 200 or a 400 naming the parameter", async () => {
    // A real cursor, to mutate.
    for (let i = 0; i < 3; i++)
      await send(h.app, me, "POST", `/api/campaigns/${campaignId}/incidents`, sampleIncident());
    const page = await send(h.app, me, "GET", `/api/campaigns/${campaignId}/incidents?limit=1`);
    const realCursor: string = page.body.next;
    assert.ok(realCursor, "a page of one has a next cursor");
    const b64 = (s: string) => Buffer.from(s, "utf8").toString("base64url");
    const cursor = fc.oneof(
      fc.constant(realCursor),
      fc.string({ maxLength: 30 }),
      fc.base64String({ maxLength: 80 }),
      fc.tuple(dateish, uuidish([actorId])).map(([d, u]) => b64(`${d}|${u}`)),
      fc.tuple(fc.date({ noInvalidDate: true }), fc.uuid()).map(([d, u]) => b64(`${d.toISOString()}|${u}`)),
      fc.nat({ max: realCursor.length }).map((n) => realCursor.slice(0, n)),
      fc.constant("c".repeat(201)),
    );
    // Each parameter is absent, valid, or not: mostly valid, so that requests get past validation to the database.
    const param = <T>(valid: fc.Arbitrary<T>, invalid: fc.Arbitrary<T>) =>
      fc.option(fc.oneof({ weight: 3, arbitrary: valid }, { weight: 1, arbitrary: invalid }), {
        freq: 2,
        nil: undefined,
      });
    const query = fc
      .record({
        limit: param(
          fc.integer({ min: 1, max: 200 }).map(String),
          fc.oneof(
            fc.integer({ min: -5, max: 300 }).map(String),
            fc.constantFrom("1e1", "1.5", "NaN", "Infinity", "", " ", "0x10"),
            fc.string({ maxLength: 6 }),
          ),
        ),
        from: param(dateish, fc.string({ maxLength: 10 })),
        to: param(dateish, fc.string({ maxLength: 10 })),
        channel: param(fc.constantFrom(...CHANNELS), fc.string({ maxLength: 10 })),
        actorId: param(fc.constant(actorId), uuidish([actorId])),
        verdict: param(fc.constantFrom(...VERDICT_LEVELS, "none"), fc.constantFrom("red", "")),
        before: param(cursor, fc.string({ maxLength: 8 })),
        extra: fc.oneof(
          { weight: 5, arbitrary: fc.constant(undefined) },
          { weight: 1, arbitrary: fc.string({ maxLength: 8 }) },
        ),
      })
      .map(
        (q) =>
          Object.fromEntries(Object.entries(q).filter(([, v]) => v !== undefined)) as Record<string, string>,
      );
    const raw = fc.constantFrom(
      "",
      "%",
      "%zz",
      "&&&",
      "=",
      "limit",
      "limit=",
      "limit=1&limit=2",
      "a[b]=c",
      "limit[]=1",
      "before=%00",
      "from=%FF%FE",
    );
    const queryString = fc.oneof(
      { weight: 5, arbitrary: query.map((q) => new URLSearchParams(q).toString()) },
      { weight: 1, arbitrary: raw },
      {
        weight: 1,
        arbitrary: fc.tuple(query, raw).map(([q, r]) => `${new URLSearchParams(q).toString()}&${r}`),
      },
    );
    await fc.assert(
      fc.asyncProperty(queryString, async (qs) => {
        const {
          result: res,
          before,
          after,
        } = await tracker.around(() =>
          sendRaw(h.app, me, "GET", `/api/campaigns/${campaignId}/incidents?${qs}`, undefined, undefined),
        );
        assertWellFormed(res, before, after, `list ?${qs}`);
        assert.ok(
          res.status === 200 || res.status === 400,
          `list ?${qs} → ${res.status} ${JSON.stringify(res.body)}`,
        );
        assert.deepEqual(changedKeys(before, after), [], `listing changed stored data: ?${qs}`);
        if (res.status === 200) {
          assert.ok(Array.isArray(res.body.incidents));
          const limit = Number(new URLSearchParams(qs).get("limit") ?? 50);
          if (Number.isInteger(limit) && limit >= 1) assert.ok(res.body.incidents.length <= limit);
        }
      }),
      params(),
    );
  });

  it("malformed ids in the path give 400 or 404 and write nothing", async () => {
    const id = fc.oneof(
      fc.string({ maxLength: 40 }),
      fc.stringMatching(/^[0-9a-f-]{36}$/),
      fc.uuid(),
      fc.constantFrom("..", "%2e%2e", "00000000-0000-0000-0000-000000000000", "' or 1=1 --", "%00"),
    );
    const endpoints = [
      ["POST", (x: string) => `/api/campaigns/${x}/incidents`, sampleIncident()],
      ["POST", (x: string) => `/api/incidents/${x}/revisions`, { body: sampleIncident(), reason: "x" }],
      ["POST", (x: string) => `/api/incidents/${x}/evidence`, { kind: "text", text: "x" }],
      ["POST", (x: string) => `/api/incidents/${x}/follow-ups`, { kind: "note", text: "x" }],
      ["POST", (x: string) => `/api/campaigns/${x}/actors`, { label: "x" }],
      ["GET", (x: string) => `/api/incidents/${x}`, undefined],
      ["GET", (x: string) => `/api/evidence/${x}/file`, undefined],
    ] as const;
    await fc.assert(
      fc.asyncProperty(fc.constantFrom(...endpoints.keys()), id, async (which, raw) => {
        const [method, path, body] = endpoints[which]!;
        const url = path(/%/.test(raw) ? raw : encodeURIComponent(raw));
        const { result: res, before, after } = await tracker.around(() => send(h.app, me, method, url, body));
        assertWellFormed(res, before, after, `${method} ${url}`);
        assert.ok(res.status === 400 || res.status === 404, `${method} ${url} → ${res.status}`);
      }),
      params(),
    );
  });

  // --------------------------------------------------------------------------------------------
  // Regression cases for what the properties above found: each is a single named request.

  describe("date-times Postgres cannot store are refused as validation errors (not 500)", () => {
    for (const when of ["0000-01-01T00:00:00Z", "0001-01-01T00:00:00+01:00", "9999-12-31T23:59:59-12:00"]) {
      it(`occurredAt ${when} when recording an incident → 400 naming occurredAt`, async () => {
        const { res } = await postJson(
          `/api/campaigns/${campaignId}/incidents`,
          JSON.stringify(sampleIncident({ occurredAt: when })),
          "record",
        );
        assert.equal(res.status, 400);
        assert.equal(res.body.error.field, "occurredAt");
      });
      it(`occurredAt ${when} when amending an incident → 400 naming body.occurredAt`, async () => {
        const { res } = await postJson(
          `/api/incidents/${incidentId}/revisions`,
          JSON.stringify({ body: sampleIncident({ occurredAt: when }), reason: "date" }),
          "amend",
        );
        assert.equal(res.status, 400);
        assert.equal(res.body.error.field, "body.occurredAt");
      });
      it(`capturedAt ${when} on text evidence → 400 naming capturedAt`, async () => {
        const { res } = await postJson(
          `/api/incidents/${incidentId}/evidence`,
          JSON.stringify({ kind: "text", text: "x", capturedAt: when }),
          "evidence",
        );
        assert.equal(res.status, 400);
        assert.equal(res.body.error.field, "capturedAt");
      });
      it(`capturedAt ${when} on an uploaded file → 400 naming capturedAt`, async () => {
        const before = await snapshot(h);
        const upload = multipart([
          { name: "capturedAt", value: when },
          { name: "file", filename: "s.png", contentType: "image/png", data: tinyPng() },
        ]);
        const res = await send(h.app, me, "POST", `/api/incidents/${incidentId}/evidence/file`, upload);
        assertWellFormed(res, before, await snapshot(h), `upload capturedAt ${when}`);
        assert.equal(res.status, 400);
        assert.equal(res.body.error.field, "capturedAt");
      });
      for (const param of ["from", "to"]) {
        it(`list filter ${param}=${when} → 400 naming ${param}`, async () => {
          const res = await send(
            h.app,
            me,
            "GET",
            `/api/campaigns/${campaignId}/incidents?${param}=${encodeURIComponent(when)}`,
          );
          assert.equal(res.status, 400, JSON.stringify(res.body));
          assert.equal(res.body.error.field, param);
        });
      }
    }
  });

  describe("forged list cursors are refused as validation errors (not 500)", () => {
    const b64 = (s: string) => Buffer.from(s, "utf8").toString("base64url");
    for (const [label, cursor] of [
      ["an id of 36 dashes", b64("2026-01-01T00:00:00.000Z|------------------------------------")],
      [
        "an id that is hex but not a UUID",
        b64("2026-01-01T00:00:00.000Z|0123456789abcdef0123456789abcdef0123"),
      ],
      ["a time before year 1", b64("-200000-01-01T00:00:00.000Z|00000000-0000-0000-0000-000000000000")],
      ["a time after year 9999", b64("+275760-09-13T00:00:00.000Z|00000000-0000-0000-0000-000000000000")],
    ] as const) {
      it(`a cursor with ${label} → 400 naming before`, async () => {
        const res = await send(h.app, me, "GET", `/api/campaigns/${campaignId}/incidents?before=${cursor}`);
        assert.equal(res.status, 400, JSON.stringify(res.body));
        assert.equal(res.body.error.field, "before");
      });
    }
  });

  describe("malformed multipart uploads are refused as validation errors (not 500)", () => {
    for (const [label, type, payload] of [
      ["no boundary in the content type", "multipart/form-data", "garbage"],
      ["a body without the boundary", "multipart/form-data; boundary=xyz", "garbage"],
      [
        "a body cut off inside the file",
        "multipart/form-data; boundary=xyz",
        '--xyz\r\nContent-Disposition: form-data; name="file"; filename="a.txt"\r\n\r\nhello',
      ],
    ] as const) {
      it(`${label} → 400 naming file`, async () => {
        const before = await snapshot(h);
        const res = await sendRaw(
          h.app,
          me,
          "POST",
          `/api/incidents/${incidentId}/evidence/file`,
          payload,
          type,
        );
        assertWellFormed(res, before, await snapshot(h), label);
        assert.equal(res.status, 400, JSON.stringify(res.body));
        assert.equal(res.body.error.field, "file");
      });
    }
  });
});
