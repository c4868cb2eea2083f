// Evidence packs over HTTP against a real database: a ZIP (records, original files, platform reports,
// the PDF, a signed manifest) or the PDF alone, for one incident, an actor or a date range. The PDF is
// rendered to images with Debian's pdftoppm and read back with pdftotext: the incident text, Welsh
// letters (ŵ, ŷ) and every file's SHA-256 must be there. Also: who may make a pack, bad input that
// changes nothing, one audit event per pack, and the platform report text for an online incident.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { execFileSync } from "node:child_process";
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import { unzipSync } from "fflate";
import { createCandidate } from "../../src/server/commands/accounts.ts";
import { parseManifest, verifyPack } from "../../src/core/evidence-pack/index.ts";
import { decodePng } from "../../src/server/packs/png.ts";
import { verifyIntegrity } from "../../src/store/verify.ts";
import {
  addTeamMember,
  call,
  login,
  PASSWORD,
  sampleIncident,
  setUpCandidate,
  startHarness,
  type Harness,
  type Session,
} from "../support/harness.ts";
import { encodeIndexedPng } from "../../src/core/demo/png.ts";
import { multipartBody } from "../support/multipart.ts";
import { changedKeys, snapshot } from "../support/snapshot.ts";

const WELSH = "Dŵr Cymru ŵyr ŷd";
const MESSAGE = `Rwyt ti'n gelwyddgi. ${WELSH}: I know where you live and I will be outside tonight.`;
const MINUTE = 60_000;

/** A 160×100 "screenshot": red on the left, blue on the right, easy to find on a rendered page. */
const SCREENSHOT = (() => {
  const pixels = new Uint8Array(160 * 100);
  for (let y = 0; y < 100; y++) for (let x = 0; x < 160; x++) pixels[y * 160 + x] = x < 80 ? 0 : 1;
  return encodeIndexedPng(160, 100, pixels, [
    [200, 20, 20],
    [20, 20, 200],
  ]);
})();

interface World {
  h: Harness;
  candidate: Session;
  full: Session;
  logOnly: Session;
  other: Session;
  campaignId: string;
  otherCampaignId: string;
  actorId: string;
  otherActorId: string;
  /** online1 and online2 name the actor; doorstep has a police reference; october is outside the range. */
  incidents: {
    online1: string;
    online2: string;
    doorstep: string;
    october: string;
    logOnly: string;
    other: string;
  };
  pngSha: string;
  fingerprint: string;
  publicKey: string;
  dir: string;
}

let w: World;

async function ok(res: Promise<{ status: number; body: any }>, status = 201) {
  const r = await res;
  assert.equal(r.status, status, JSON.stringify(r.body));
  return r.body;
}

async function record(h: Harness, s: Session, campaignId: string, overrides: Record<string, unknown>) {
  h.clock.advance(MINUTE);
  return (await ok(s.request("POST", `/api/campaigns/${campaignId}/incidents`, sampleIncident(overrides))))
    .id as string;
}

before(async () => {
  const h = await startHarness();
  const { session: candidate, campaignId } = await setUpCandidate(h);
  const full = await addTeamMember(h, candidate, campaignId, "full@example.org", "full");
  const logOnly = await addTeamMember(h, candidate, campaignId, "volunteer@example.org", "log-only");
  const b = await createCandidate(h.runtime.deps, {
    email: "other@example.org",
    displayName: "Other Candidate",
    password: PASSWORD,
    campaignName: "Elsewhere",
    jurisdiction: "england-wales",
  });
  const other = await login(h.app, "other@example.org", PASSWORD);
  await ok(
    candidate.request("PUT", `/api/campaigns/${campaignId}/police-contact`, {
      forceId: "west-yorkshire-police",
      name: "PC Ffion Llŷr",
      phone: "0113 555 0100",
    }),
    200,
  );
  const actorId = (
    await ok(
      candidate.request("POST", `/api/campaigns/${campaignId}/actors`, {
        label: `${WELSH} troll`,
        description: "Posts late at night",
        identifiers: [{ kind: "handle", value: "@dwr_troll", platform: "x" }],
      }),
    )
  ).id as string;
  const otherActorId = (
    await ok(
      other.request("POST", `/api/campaigns/${b.campaignId}/actors`, { label: "Theirs", identifiers: [] }),
    )
  ).id as string;

  const online1 = await record(h, candidate, campaignId, {
    summary: `Threat on X: ${WELSH}`,
    description: `He replied to my campaign video: ${MESSAGE}`,
    occurredAt: "2026-11-10T21:15:00Z",
    channel: "social-media",
    platform: "x",
    url: "https://x.com/dwr_troll/status/1856000000000000001",
    location: undefined,
    actorIds: [actorId],
  });
  h.clock.advance(MINUTE);
  await ok(
    candidate.request("POST", `/api/incidents/${online1}/evidence`, {
      kind: "text",
      text: MESSAGE,
      source: "message-copy",
    }),
  );
  h.clock.advance(MINUTE);
  const upload = multipartBody(
    { source: "screenshot" },
    { filename: "sgrinlun-ŵ.png", contentType: "image/png", bytes: SCREENSHOT },
  );
  const uploaded = await h.app.inject({
    method: "POST",
    url: `/api/incidents/${online1}/evidence/file`,
    headers: { authorization: `Bearer ${candidate.token}`, "content-type": upload.contentType },
    payload: upload.body,
  });
  assert.equal(uploaded.statusCode, 201, uploaded.body);
  const pngSha = JSON.parse(uploaded.body).sha256 as string;

  const online2 = await record(h, candidate, campaignId, {
    summary: "Second reply from the same account",
    description: "Another reply under the leaflet photo, calling me a liar again.",
    occurredAt: "2026-11-12T20:00:00Z",
    channel: "social-media",
    platform: "x",
    location: undefined,
    actorIds: [actorId],
  });
  h.clock.advance(MINUTE);
  await ok(
    candidate.request("POST", `/api/incidents/${online2}/revisions`, {
      body: sampleIncident({
        summary: "Second reply from the same account (ŷ)",
        description:
          "Another reply under the leaflet photo, calling me a liar again. Added: he tagged my husband.",
        occurredAt: "2026-11-12T20:00:00Z",
        channel: "social-media",
        platform: "x",
        location: undefined,
        actorIds: [actorId],
        targeted: ["candidate", "family"],
      }),
      reason: "Added that he tagged my husband",
    }),
  );
  const doorstep = await record(h, full, campaignId, {
    summary: "Man shouted at canvassers on Heol y Frenhines",
    description: "He followed two volunteers down the street shouting.",
    occurredAt: "2026-11-15T11:00:00Z",
  });
  h.clock.advance(MINUTE);
  await ok(
    full.request("POST", `/api/incidents/${doorstep}/follow-ups`, {
      kind: "police-reference",
      text: "Reported on 101",
      policeReference: "WY-2026-0042",
    }),
  );
  const october = await record(h, candidate, campaignId, {
    summary: "Leaflets torn down in October",
    occurredAt: "2026-10-01T09:00:00Z",
  });
  const logOnlyIncident = await record(h, logOnly, campaignId, {
    summary: "Abusive reply on Facebook, recorded by a volunteer",
    description: "Called the candidate a disgrace and told her to go home.",
    channel: "social-media",
    platform: "facebook",
    location: undefined,
    occurredAt: "2026-09-01T10:00:00Z",
  });
  const otherIncident = await record(h, other, b.campaignId, { summary: "Theirs" });
  const key = await ok(call(h.app, "GET", "/api/reference/signing-key"), 200);
  w = {
    h,
    candidate,
    full,
    logOnly,
    other,
    campaignId,
    otherCampaignId: b.campaignId,
    actorId,
    otherActorId,
    incidents: { online1, online2, doorstep, october, logOnly: logOnlyIncident, other: otherIncident },
    pngSha,
    fingerprint: key.fingerprint,
    publicKey: key.publicKey,
    dir: mkdtempSync(join(tmpdir(), "shield-packs-")),
  };
});

after(async () => {
  rmSync(w.dir, { recursive: true, force: true });
  await w.h.close();
});

async function makePack(as: Session, campaignId: string, body: unknown) {
  const res = await w.h.app.inject({
    method: "POST",
    url: `/api/campaigns/${campaignId}/evidence-packs`,
    headers: { authorization: `Bearer ${as.token}`, "content-type": "application/json" },
    payload: JSON.stringify(body),
  });
  let json: any;
  try {
    json = JSON.parse(res.body);
  } catch {
    json = undefined;
  }
  return { status: res.statusCode, headers: res.headers, bytes: res.rawPayload, body: json };
}

async function zipPack(scope: unknown, as: Session = w.candidate) {
  const res = await makePack(as, w.campaignId, { scope });
  assert.equal(res.status, 200, JSON.stringify(res.body));
  assert.equal(res.headers["content-type"], "application/zip");
  assert.match(
    String(res.headers["content-disposition"]),
    /^attachment; filename="shield-evidence-pack-\d{8}-[0-9a-f]{8}\.zip"$/,
  );
  assert.equal(res.headers["cache-control"], "private, no-store");
  const files = new Map(Object.entries(unzipSync(new Uint8Array(res.bytes))));
  return { files, records: JSON.parse(Buffer.from(files.get("records.json")!).toString("utf8")), res };
}

const tool = (name: string, args: string[]) =>
  execFileSync(name, args, { encoding: "utf8", timeout: 60_000 });

/** Renders the PDF's pages with pdftoppm and reads its text with pdftotext; checks every page has ink. */
function readPdf(pdf: Uint8Array, label: string) {
  const dir = join(w.dir, label);
  rmSync(dir, { recursive: true, force: true });
  execFileSync("mkdir", ["-p", dir]);
  const path = join(dir, "report.pdf");
  writeFileSync(path, pdf);
  const pages = Number(/Pages:\s+(\d+)/.exec(tool("pdfinfo", [path]))![1]);
  tool("pdftoppm", ["-r", "100", "-png", path, join(dir, "page")]);
  const images = readdirSync(dir)
    .filter((f) => /^page-\d+\.png$/.test(f))
    .sort();
  assert.equal(images.length, pages, "one image per page");
  for (const image of images) {
    const decoded = decodePng(readFileSync(join(dir, image)));
    assert.ok(decoded, `${image} is a PNG`);
    assert.ok(decoded.width >= 800 && decoded.height >= 1100, `${image} is an A4 page at 100 dpi`);
    let dark = 0;
    for (let i = 0; i < decoded.rgb.length; i += 3)
      if (decoded.rgb[i]! + decoded.rgb[i + 1]! + decoded.rgb[i + 2]! < 300) dark++;
    assert.ok(dark > 500, `${image} is not blank (${dark} dark pixels)`);
  }
  const text = tool("pdftotext", ["-enc", "UTF-8", path, "-"]);
  const fonts = tool("pdffonts", [path]);
  return { text, fonts, pages, dir, path };
}

/** pdftotext breaks lines where the PDF does: compare text with all whitespace squeezed. */
const squeeze = (s: string) => s.replace(/\s+/g, " ");

test("an actor's pack holds their incidents, the original files, a platform report and a signed manifest", async () => {
  const before = await snapshot(w.h);
  const events = await countEvents("evidence-pack.exported");
  const { files, records } = await zipPack({ actorId: w.actorId });

  // Exactly the actor's incidents, oldest first, each with every revision.
  assert.deepEqual(
    records.incidents.map((i: any) => i.id),
    [w.incidents.online1, w.incidents.online2],
  );
  assert.equal(records.incidents[1].revisions.length, 2);
  assert.equal(records.incidents[1].revisions[1].reason, "Added that he tagged my husband");
  assert.equal(records.campaign.forceName, "West Yorkshire Police");
  // Findings name the incidents that make them by their number in the pack.
  const repeated = records.incidents[1].verdict.findings.find((f: any) => f.kind === "course-of-conduct");
  assert.ok(repeated, JSON.stringify(records.incidents[1].verdict.findings));
  assert.deepEqual(repeated.incidentRefs, [1, 2]);
  assert.deepEqual(repeated.otherIncidentIds, []);

  const names = [...files.keys()].sort();
  const textSha = records.incidents[0].evidence.find((e: any) => e.kind === "text").sha256;
  for (const expected of [
    "README.txt",
    "records.json",
    "report.pdf",
    "manifest.json",
    "signature.json",
    "platform-reports/x.txt",
    `evidence/${w.pngSha}.png`,
    `evidence/${textSha}.txt`,
  ])
    assert.ok(names.includes(expected), `${expected} in ${names.join(", ")}`);
  assert.deepEqual(files.get(`evidence/${w.pngSha}.png`), SCREENSHOT, "the original file, byte for byte");
  assert.equal(Buffer.from(files.get(`evidence/${textSha}.txt`)!).toString("utf8"), MESSAGE);

  // The manifest lists every other file; the pack verifies against the published key.
  const manifest = parseManifest(files.get("manifest.json")!);
  assert.ok(manifest.ok);
  assert.deepEqual(
    manifest.manifest.files.map((f) => f.path),
    names.filter((n) => n !== "manifest.json" && n !== "signature.json"),
  );
  const report = verifyPack(files, { expectKey: w.fingerprint });
  assert.deepEqual(report.problems, []);
  assert.equal(report.keyExpected, true);
  assert.equal(report.signer?.publicKey, w.publicKey);

  // The platform report for X: ready to paste, for both incidents, the second said to be a repeat.
  const x = Buffer.from(files.get("platform-reports/x.txt")!).toString("utf8");
  assert.match(x, /Incident #1/);
  assert.match(x, /Incident #2/);
  assert.ok(x.includes(`"${MESSAGE}"`), "the words exactly as posted");
  assert.ok(x.includes("https://x.com/dwr_troll/status/1856000000000000001"));
  assert.match(x, /the account @dwr_troll/);
  assert.match(x, /I have recorded 1 earlier incident from the same account/);

  // One audit event on the campaign's chain, no read per incident, and the chain still verifies.
  assert.equal(await countEvents("evidence-pack.exported"), events + 1);
  assert.deepEqual(changedKeys(before, await snapshot(w.h)), ["events"]);
  const integrity = await verifyIntegrity(
    w.h.runtime.deps.db,
    w.h.runtime.deps.blobs,
    w.h.runtime.deps.secrets,
  );
  assert.deepEqual(integrity.problems, []);
});

test("the PDF renders every page, with the incident text, Welsh letters, the key and every file's SHA-256", async () => {
  const { files } = await zipPack({ actorId: w.actorId });
  const pdf = readPdf(files.get("report.pdf")!, "actor");
  assert.ok(pdf.pages >= 5, `${pdf.pages} pages`);
  const text = squeeze(pdf.text);
  assert.ok(text.includes("Evidence pack"));
  assert.ok(text.includes(`Threat on X: ${WELSH}`), "the summary, with ŵ and ŷ as written");
  assert.ok(text.includes(squeeze(MESSAGE)), "the message as received");
  assert.ok(text.includes("Second reply from the same account (ŷ)"), "the amended summary");
  assert.ok(text.includes("Added that he tagged my husband"), "the reason for the change");
  assert.ok(text.includes("calling me a liar again. Added: he tagged my husband."), "the new words");
  assert.ok(text.includes("sgrinlun-ŵ.png"));
  assert.ok(text.includes(w.fingerprint), "the key's fingerprint on the cover");
  assert.match(text, /may constitute/);
  assert.doesNotMatch(text, /not a crime/i);
  assert.ok(text.includes("West Yorkshire Police"));
  // Every file in the ZIP but the PDF itself (which cannot hold its own hash) is listed with its SHA-256.
  const manifest = parseManifest(files.get("manifest.json")!);
  assert.ok(manifest.ok);
  for (const f of manifest.manifest.files.filter((f) => f.path !== "report.pdf"))
    assert.ok(pdf.text.includes(f.sha256), `${f.path}'s SHA-256 ${f.sha256} is printed`);
  // Welsh letters are drawn with an embedded font (the built-in Helvetica has no ŵ or ŷ).
  assert.match(pdf.fonts, /DejaVuSans\S*\s+CID TrueType\s+Identity-H\s+yes\s+yes\s+yes/);
  assert.doesNotMatch(pdf.fonts, /Helvetica/);
  for (const ch of ["ŵ", "ŷ", "Ŵ".toLowerCase()]) assert.ok(pdf.text.includes(ch), ch);

  // The evidence image is drawn: the page that shows it has the screenshot's red and blue halves.
  const evidencePage = pageWith(pdf, w.pngSha);
  const page = decodePng(readFileSync(join(pdf.dir, evidencePage)))!;
  let red = 0;
  let blue = 0;
  for (let i = 0; i < page.rgb.length; i += 3) {
    const [r, g, b] = [page.rgb[i]!, page.rgb[i + 1]!, page.rgb[i + 2]!];
    if (r > 170 && g < 60 && b < 60) red++;
    if (b > 170 && r < 60 && g < 60) blue++;
  }
  // 160×100 pixels drawn at 160×100 points is about 222×139 pixels at 100 dpi: half each.
  assert.ok(
    red > 10_000 && blue > 10_000,
    `the screenshot is drawn on ${evidencePage} (${red} red, ${blue} blue)`,
  );
});

/** The rendered page image whose text holds `needle`. */
function pageWith(pdf: { path: string; pages: number }, needle: string): string {
  for (let p = 1; p <= pdf.pages; p++) {
    const text = tool("pdftotext", ["-f", String(p), "-l", String(p), "-enc", "UTF-8", pdf.path, "-"]);
    if (text.includes(needle)) return `page-${String(p).padStart(String(pdf.pages).length, "0")}.png`;
  }
  throw new Error(`no page holds ${needle}`);
}

test("a date range takes the incidents in it (whole days, UK time); an incident pack holds one", async () => {
  const range = await zipPack({ from: "2026-11-01", to: "2026-11-15" });
  assert.deepEqual(
    range.records.incidents.map((i: any) => i.id),
    [w.incidents.online1, w.incidents.online2, w.incidents.doorstep],
  );
  assert.equal(verifyPack(range.files).ok, true);
  const text = squeeze(readPdf(range.files.get("report.pdf")!, "range").text);
  assert.ok(text.includes("WY-2026-0042"), "the police reference");
  assert.ok(text.includes("Heol y Frenhines"));
  assert.ok(!text.includes("Leaflets torn down in October"));

  const one = await zipPack({ incidentId: w.incidents.doorstep }, w.full);
  assert.deepEqual(
    one.records.incidents.map((i: any) => i.id),
    [w.incidents.doorstep],
  );
  assert.equal(one.files.has("platform-reports/x.txt"), false, "no platform report for a doorstep incident");
  assert.equal(verifyPack(one.files, { expectKey: w.fingerprint }).ok, true);
});

test("format pdf gives the report alone, as application/pdf", async () => {
  const res = await makePack(w.candidate, w.campaignId, {
    scope: { incidentId: w.incidents.online1 },
    format: "pdf",
  });
  assert.equal(res.status, 200, JSON.stringify(res.body));
  assert.equal(res.headers["content-type"], "application/pdf");
  assert.match(
    String(res.headers["content-disposition"]),
    /filename="shield-evidence-pack-\d{8}-[0-9a-f]{8}\.pdf"/,
  );
  assert.equal(res.bytes.subarray(0, 5).toString("latin1"), "%PDF-");
  const pdf = readPdf(res.bytes, "pdf-only");
  assert.ok(pdf.text.includes(w.pngSha));
  assert.match(squeeze(pdf.text), /made on its own, without the ZIP bundle/);
});

test("only the candidate and full members make packs; another campaign's records are not found", async () => {
  const before = await snapshot(w.h);
  const refuse = async (as: Session | undefined, campaignId: string, scope: unknown, status: number) => {
    const res = as
      ? await makePack(as, campaignId, { scope })
      : await call(w.h.app, "POST", `/api/campaigns/${campaignId}/evidence-packs`, { scope }).then((r) => ({
          ...r,
          bytes: Buffer.alloc(0),
        }));
    assert.equal(res.status, status, JSON.stringify(res.body));
    assert.ok(res.body.error.message.length > 5);
  };
  await refuse(w.logOnly, w.campaignId, { incidentId: w.incidents.logOnly }, 403);
  await refuse(w.logOnly, w.campaignId, { from: "2026-01-01", to: "2026-12-31" }, 403);
  await refuse(undefined, w.campaignId, { actorId: w.actorId }, 401);
  await refuse(w.other, w.campaignId, { actorId: w.actorId }, 404);
  await refuse(w.other, w.otherCampaignId, { incidentId: w.incidents.online1 }, 404);
  await refuse(w.other, w.otherCampaignId, { actorId: w.actorId }, 404);
  await refuse(w.candidate, w.campaignId, { incidentId: w.incidents.other }, 404);
  await refuse(w.candidate, w.campaignId, { actorId: w.otherActorId }, 404);
  assert.deepEqual(changedKeys(before, await snapshot(w.h)), [], "a refused pack changes nothing");
});

test("bad scopes get a clear 400 naming the field, and change nothing", async () => {
  const before = await snapshot(w.h);
  const bad = async (body: unknown, field: string, message: RegExp) => {
    const res = await makePack(w.candidate, w.campaignId, body);
    assert.equal(res.status, 400, JSON.stringify(res.body));
    assert.equal(res.body.error.field, field, JSON.stringify(res.body));
    assert.match(res.body.error.message, message);
  };
  await bad({}, "scope", /scope/);
  await bad({ scope: {} }, "scope", /exactly one of/);
  await bad({ scope: { incidentId: w.incidents.online1, actorId: w.actorId } }, "scope", /exactly one of/);
  await bad({ scope: { from: "2026-11-30", to: "2026-11-01" } }, "scope.to", /must not be before from/);
  await bad({ scope: { from: "30/11/2026", to: "2026-12-01" } }, "scope.from", /YYYY-MM-DD/);
  await bad({ scope: { actorId: "not-an-id" } }, "scope.actorId", /UUID/i);
  await bad({ scope: { incidentId: w.incidents.online1 }, format: "docx" }, "format", /zip|pdf/);
  await bad({ scope: { from: "2030-01-01", to: "2030-01-31" } }, "scope", /no incidents between these dates/);
  const lonely = (
    await ok(
      w.candidate.request("POST", `/api/campaigns/${w.campaignId}/actors`, {
        label: "Nobody yet",
        identifiers: [],
      }),
    )
  ).id;
  const afterActor = await snapshot(w.h);
  await bad({ scope: { actorId: lonely } }, "scope.actorId", /no incident names this actor/);
  assert.deepEqual(changedKeys(afterActor, await snapshot(w.h)), []);
  assert.deepEqual(
    changedKeys(before, afterActor).sort(),
    ["actor_revision_sum", "actor_revisions", "actors", "events"],
    "only the actor made for this test",
  );
});

test("the platform report: ready to paste for an online incident, a clear 400 otherwise", async () => {
  const reads = await countReads(w.incidents.online2);
  const res = await ok(
    w.candidate.request("GET", `/api/incidents/${w.incidents.online2}/platform-report`),
    200,
  );
  assert.equal(res.platform, "x");
  assert.match(res.text, /^Report to X: /);
  assert.match(res.text, /aimed at me and my family/);
  assert.match(res.text, /I have recorded 1 earlier incident from the same account since 10 November 2026/);
  assert.ok(res.rules.length > 0 && res.rules.every((r: any) => r.source.length > 10));
  assert.equal(
    await countReads(w.incidents.online2),
    reads + 1,
    "reading the report is recorded like any read",
  );

  const doorstep = await w.candidate.request("GET", `/api/incidents/${w.incidents.doorstep}/platform-report`);
  assert.equal(doorstep.status, 400);
  assert.match(
    doorstep.body.error.message,
    /did not happen on an online platform \(it was recorded as 'doorstep'\)/,
  );

  // A "log only" volunteer gets the report for what they recorded, without the team's other incidents.
  const own = await ok(
    w.logOnly.request("GET", `/api/incidents/${w.incidents.logOnly}/platform-report`),
    200,
  );
  assert.equal(own.platform, "facebook");
  assert.match(own.text, /Bullying and Harassment/);
  const notTheirs = await w.logOnly.request("GET", `/api/incidents/${w.incidents.online1}/platform-report`);
  assert.equal(notTheirs.status, 404);
  const otherCampaign = await w.other.request("GET", `/api/incidents/${w.incidents.online1}/platform-report`);
  assert.equal(otherCampaign.status, 404);
});

test("the signing key is published, and is the same key the packs carry", async () => {
  const key = await ok(call(w.h.app, "GET", "/api/reference/signing-key"), 200);
  assert.equal(key.algorithm, "Ed25519");
  assert.equal(Buffer.from(key.publicKey, "base64").length, 32);
  assert.match(key.fingerprint, /^([0-9a-f]{4} ){7}[0-9a-f]{4}$/);
  const { files } = await zipPack({ incidentId: w.incidents.october });
  const signature = JSON.parse(Buffer.from(files.get("signature.json")!).toString("utf8"));
  assert.equal(signature.publicKey, key.publicKey);
  assert.equal(signature.fingerprint, key.fingerprint);
});

async function countEvents(type: string): Promise<number> {
  const result = (await w.h.runtime.deps.db.execute(
    sql`select count(*)::int as n from events where type = ${type}`,
  )) as unknown as { rows: { n: number }[] };
  return result.rows[0]!.n;
}

async function countReads(incidentId: string): Promise<number> {
  const result = (await w.h.runtime.deps.db.execute(
    sql`select count(*)::int as n from reads where incident_id = ${incidentId}`,
  )) as unknown as { rows: { n: number }[] };
  return result.rows[0]!.n;
}
