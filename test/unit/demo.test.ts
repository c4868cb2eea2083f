import { test } from "node:test";
import assert from "node:assert/strict";
import { randomUUID } from "node:crypto";
import { inflateSync } from "node:zlib";
import { buildDemoCampaign, type DemoCampaign } from "../../src/core/demo/index.ts";
import { findForce } from "../../src/core/forces.ts";
import {
  ActorBodySchema,
  CHANNELS,
  FollowUpBodySchema,
  IncidentBodySchema,
  TextEvidenceSchema,
  UrlEvidenceSchema,
} from "../../src/core/incident/model.ts";

const NOW = new Date("2026-05-05T12:00:00.000Z");
const DAY = 86_400_000;
const demo = buildDemoCampaign({ now: NOW, seed: 7 });

function toBody(body: DemoCampaign["incidents"][number]["body"], ids: Map<string, string>) {
  const { actorKeys, ...rest } = body;
  return { ...rest, actorIds: actorKeys.map((k) => ids.get(k) ?? randomUUID()) };
}

// Independent CRC-32 so the test does not trust the generator's own.
function crc32(bytes: Uint8Array): number {
  let c = ~0;
  for (const b of bytes) {
    c ^= b;
    for (let k = 0; k < 8; k++) c = c & 1 ? (c >>> 1) ^ 0xedb88320 : c >>> 1;
  }
  return ~c >>> 0;
}

function checkPng(bytes: Uint8Array, name: string) {
  assert.deepEqual([...bytes.subarray(0, 8)], [0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a], name);
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const types: string[] = [];
  const idat: Uint8Array[] = [];
  let width = 0;
  let height = 0;
  let off = 8;
  while (off < bytes.length) {
    const len = view.getUint32(off);
    const type = String.fromCharCode(...bytes.subarray(off + 4, off + 8));
    const data = bytes.subarray(off + 8, off + 8 + len);
    assert.equal(
      view.getUint32(off + 8 + len),
      crc32(bytes.subarray(off + 4, off + 8 + len)),
      `${name} ${type} CRC`,
    );
    if (type === "IHDR") {
      width = view.getUint32(off + 8);
      height = view.getUint32(off + 12);
    }
    if (type === "IDAT") idat.push(data);
    types.push(type);
    off += 12 + len;
  }
  assert.equal(off, bytes.length);
  assert.equal(types[0], "IHDR");
  assert.equal(types.at(-1), "IEND");
  assert.ok(width > 0 && height > 0);
  const raw = inflateSync(Buffer.concat(idat));
  assert.equal(raw.length, height * (width + 1), `${name} pixel data size`);
}

function checkWav(bytes: Uint8Array, name: string) {
  const ascii = (a: number, b: number) => String.fromCharCode(...bytes.subarray(a, b));
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  assert.equal(ascii(0, 4), "RIFF", name);
  assert.equal(ascii(8, 12), "WAVE");
  assert.equal(ascii(12, 16), "fmt ");
  assert.equal(view.getUint16(20, true), 1, "PCM");
  assert.equal(view.getUint32(4, true), bytes.length - 8);
  assert.equal(ascii(36, 40), "data");
  const dataLen = view.getUint32(40, true);
  assert.ok(dataLen > 8000, "at least a second of audio");
  assert.ok(44 + dataLen <= bytes.length);
}

test("people, campaign and force", () => {
  const people = [demo.candidate, ...demo.members];
  assert.equal(new Set(people.map((p) => p.key)).size, 3);
  assert.equal(new Set(people.map((p) => p.email)).size, 3);
  for (const p of people) {
    assert.ok(p.password.length >= 12);
    assert.match(p.email, /@example\.(org|com)$/);
  }
  assert.deepEqual(demo.members.map((m) => m.permission).sort(), ["full", "log-only"]);
  assert.equal(demo.campaign.jurisdiction, "england-wales");
  assert.equal(findForce(demo.campaign.forceId)?.jurisdiction, "england-wales");
});

test("actors validate and include several identifier kinds", () => {
  assert.ok(demo.actors.length >= 4);
  assert.equal(new Set(demo.actors.map((a) => a.key)).size, demo.actors.length);
  const kinds = new Set<string>();
  for (const a of demo.actors) {
    const body = ActorBodySchema.parse(a.body);
    for (const i of body.identifiers) kinds.add(i.kind);
  }
  for (const k of ["handle", "profile-url", "email", "phone", "vehicle"]) assert.ok(kinds.has(k), k);
  const handles = demo.actors.flatMap((a) => a.body.identifiers ?? []).filter((i) => i.kind === "handle");
  assert.ok(handles.every((h) => h.platform));
  const phones = demo.actors.flatMap((a) => a.body.identifiers ?? []).filter((i) => i.kind === "phone");
  for (const p of phones) assert.match(p.value, /^07700 900\d{3}$/);
});

test("every incident, follow-up and amendment validates", () => {
  const ids = new Map(demo.actors.map((a) => [a.key, randomUUID()]));
  const recorders = new Set([demo.candidate.key, ...demo.members.map((m) => m.key)]);
  assert.ok(demo.incidents.length >= 40 && demo.incidents.length <= 60, `${demo.incidents.length} incidents`);
  let amendments = 0;
  for (const inc of demo.incidents) {
    const label = inc.body.summary;
    assert.ok(recorders.has(inc.recordedBy), label);
    for (const k of inc.body.actorKeys) assert.ok(ids.has(k), `${label}: actor ${k}`);
    const body = IncidentBodySchema.parse(toBody(inc.body, ids));
    assert.ok(inc.body.occurredAt.endsWith("Z"));
    assert.ok(inc.recordedAt.endsWith("Z"));
    assert.ok(inc.recordedAt >= body.occurredAt, label);
    assert.ok(Date.parse(inc.recordedAt) <= NOW.getTime(), label);
    if (body.actorIds.length === 0)
      assert.ok(body.unknownActorDescription, `${label}: unknown actor described`);
    for (const f of inc.followUps) FollowUpBodySchema.parse(f);
    if (inc.amendment) {
      amendments++;
      assert.ok(inc.amendment.reason.length > 0);
      const amended = IncidentBodySchema.parse(toBody({ ...inc.body, ...inc.amendment.changes }, ids));
      assert.ok(Date.parse(amended.occurredAt) >= NOW.getTime() - 42 * DAY);
    }
    for (const e of inc.evidence) {
      assert.ok(
        e.capturedAt >= body.occurredAt && Date.parse(e.capturedAt) <= NOW.getTime(),
        `${label}: capturedAt`,
      );
      if (e.kind === "text") TextEvidenceSchema.parse(e);
      else if (e.kind === "url") UrlEvidenceSchema.parse(e);
    }
  }
  assert.ok(amendments >= 2);
  assert.ok(
    demo.incidents.some((i) =>
      i.followUps.some(
        (f) => f.kind === "police-reference" && /^CAD \d{4} \d\d\/\d\d$/.test(f.policeReference ?? ""),
      ),
    ),
  );
  assert.ok(demo.incidents.some((i) => i.followUps.some((f) => f.kind === "outcome")));
});

test("six weeks ending at now, sorted, every channel, several platforms, mostly online", () => {
  const times = demo.incidents.map((i) => Date.parse(i.body.occurredAt));
  for (const t of times) assert.ok(t >= NOW.getTime() - 42 * DAY && t <= NOW.getTime());
  assert.deepEqual(
    times,
    [...times].sort((a, b) => a - b),
  );
  assert.ok(times[0]! < NOW.getTime() - 38 * DAY, "starts near the beginning of the window");
  assert.ok(times.at(-1)! > NOW.getTime() - 4 * DAY, "runs up to now");
  const channels = new Set(demo.incidents.map((i) => i.body.channel));
  for (const c of CHANNELS) assert.ok(channels.has(c), c);
  const platforms = new Set(
    demo.incidents.filter((i) => i.body.channel === "social-media").map((i) => i.body.platform),
  );
  assert.ok(platforms.size >= 5, [...platforms].join());
  const online = demo.incidents.filter((i) =>
    ["social-media", "other-online", "email"].includes(i.body.channel),
  ).length;
  assert.ok(online / demo.incidents.length > 0.5 && online / demo.incidents.length < 0.8);
  const targeted = new Set(demo.incidents.flatMap((i) => i.body.targeted ?? []));
  for (const g of ["candidate", "family", "staff", "volunteer"]) assert.ok(targeted.has(g as never), g);
});

test("the troll escalates from online insults to turning up at the house", () => {
  const troll = demo.incidents.filter((i) => i.body.actorKeys.includes("troll"));
  assert.ok(troll.length >= 5);
  assert.equal(troll[0]!.body.channel, "social-media");
  assert.equal(troll.at(-1)!.body.channel, "home");
  assert.ok(troll.some((i) => i.evidence.some((e) => e.kind === "text" && /Larkspur Road/.test(e.text))));
  const count = demo.incidents.find((i) =>
    i.evidence.some((e) => e.kind === "text" && /at the count on \w+day/.test(e.text)),
  );
  assert.ok(count, "time-and-place threat");
  assert.ok(
    demo.incidents.some((i) => /\bbat\b/.test(i.body.description ?? "")),
    "weapon mention",
  );
  for (const key of ["doorstep-man", "letter-writer", "red-van"])
    assert.ok(demo.incidents.filter((i) => i.body.actorKeys.includes(key)).length >= 3, key);
});

test("evidence files are valid, small PNG and WAV", () => {
  const files = demo.incidents.flatMap((i) => i.evidence).filter((e) => e.kind === "file");
  const pngs = files.filter((f) => f.mediaType === "image/png");
  const wavs = files.filter((f) => f.mediaType === "audio/wav");
  assert.ok(pngs.length >= 5);
  assert.ok(wavs.length >= 1);
  assert.ok(files.some((f) => f.source === "letter-scan") && files.some((f) => f.source === "photo"));
  for (const f of files) assert.ok(f.bytes.length < 50_000, `${f.filename} ${f.bytes.length} bytes`);
  for (const f of pngs) checkPng(f.bytes, f.filename);
  for (const f of wavs) checkWav(f.bytes, f.filename);
  const online = demo.incidents.filter((i) =>
    ["social-media", "other-online", "email", "text-message"].includes(i.body.channel),
  );
  const withText = online.filter((i) => i.evidence.some((e) => e.kind === "text"));
  assert.ok(withText.length / online.length > 0.8);
});

test("deterministic for a seed, different across seeds", () => {
  assert.deepEqual(buildDemoCampaign({ now: NOW, seed: 7 }), demo);
  assert.deepEqual(buildDemoCampaign({ now: NOW }), buildDemoCampaign({ now: NOW }));
  assert.notDeepEqual(buildDemoCampaign({ now: NOW, seed: 8 }), demo);
  const other = buildDemoCampaign({ now: new Date("2030-01-15T08:30:00Z"), seed: 7 });
  for (const i of other.incidents)
    IncidentBodySchema.parse(toBody(i.body, new Map(other.actors.map((a) => [a.key, randomUUID()]))));
});

test("content is fictional: example domains only", () => {
  const json = JSON.stringify(demo, (_k, v) => (v instanceof Uint8Array ? undefined : v));
  const hosts = [...json.matchAll(/https?:\/\/([a-z0-9.-]+)/gi)].map((m) => m[1]!.toLowerCase());
  for (const h of hosts) assert.match(h, /(^|\.)example\.(org|com|co\.uk)$/, h);
  for (const m of json.matchAll(/[\w.+-]+@([\w-]+(\.[\w-]+)+)/g))
    assert.match(m[1]!, /^(\w+\.)*example\.(org|com)$/, m[0]);
});
