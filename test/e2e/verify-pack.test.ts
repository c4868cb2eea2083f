// `shield verify PACK.zip` as a recipient runs it: a real process, offline (no database, no
// configuration), on a pack made by the service. Intact → exit 0; each kind of tampering → exit 1
// naming the file; usage errors → exit 2.
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { mkdtempSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { unzipSync, zipSync } from "fflate";
import { manifestBytes, parseManifest } from "../../src/core/evidence-pack/index.ts";
import { signerFromSeed } from "../../src/server/packs/signing-key.ts";
import { sampleIncident, setUpCandidate, startHarness } from "../support/harness.ts";
import { multipartBody, tinyPng } from "../support/multipart.ts";
import { runShield, type Finished } from "../support/process.ts";

let dir: string;
let pack: Map<string, Uint8Array>;
let fingerprint: string;
let pngPath: string;

before(async () => {
  dir = mkdtempSync(join(tmpdir(), "shield-verify-pack-"));
  const h = await startHarness();
  try {
    const { session, campaignId } = await setUpCandidate(h);
    const created = await session.request(
      "POST",
      `/api/campaigns/${campaignId}/incidents`,
      sampleIncident({
        summary: "Dŵr Cymru ŵyr ŷd: threat under my video",
        channel: "social-media",
        platform: "x",
        location: undefined,
      }),
    );
    assert.equal(created.status, 201, JSON.stringify(created.body));
    const incidentId = created.body.id as string;
    await session.request("POST", `/api/incidents/${incidentId}/evidence`, {
      kind: "text",
      text: "I know where you live.",
      source: "message-copy",
    });
    const upload = multipartBody(
      { source: "screenshot" },
      { filename: "shot.png", contentType: "image/png", bytes: tinyPng(7, 16) },
    );
    const uploaded = await h.app.inject({
      method: "POST",
      url: `/api/incidents/${incidentId}/evidence/file`,
      headers: { authorization: `Bearer ${session.token}`, "content-type": upload.contentType },
      payload: upload.body,
    });
    assert.equal(uploaded.statusCode, 201, uploaded.body);
    const res = await h.app.inject({
      method: "POST",
      url: `/api/campaigns/${campaignId}/evidence-packs`,
      headers: { authorization: `Bearer ${session.token}`, "content-type": "application/json" },
      payload: JSON.stringify({ scope: { incidentId } }),
    });
    assert.equal(res.statusCode, 200, res.body);
    pack = new Map(Object.entries(unzipSync(new Uint8Array(res.rawPayload))));
    writeFileSync(join(dir, "intact.zip"), res.rawPayload);
    const key = await session.request("GET", "/api/reference/signing-key");
    fingerprint = key.body.fingerprint;
    pngPath = [...pack.keys()].find((p) => p.endsWith(".png"))!;
    assert.ok(pngPath);
  } finally {
    await h.close();
  }
});

after(() => rmSync(dir, { recursive: true, force: true }));

/** The CLI with an environment that would break anything needing configuration or a database. */
const verify = (args: string[]): Promise<Finished> =>
  runShield(["verify", ...args], {
    DATA_DIR: join(dir, "no-such-data-dir"),
    DATABASE_URL: "postgres://nobody@127.0.0.1:1/nothing",
    PORT: "not-a-port",
  });

/** Writes a pack made of these files (as a recipient's tampering would leave it) and returns its path. */
function write(name: string, files: Map<string, Uint8Array>): string {
  const path = join(dir, `${name}.zip`);
  writeFileSync(path, zipSync(Object.fromEntries(files)));
  return path;
}

function assertNames(run: Finished, file: string, what: RegExp) {
  assert.equal(run.code, 1, `${run.stdout}\n${run.stderr}`);
  const line = run.stdout.split("\n").find((l) => l.includes(`✗ ${file}:`));
  assert.ok(line, `a line names ${file}:\n${run.stdout}`);
  assert.match(line, what);
  assert.doesNotMatch(run.stdout, /All intact/);
}

test("an intact pack: exit 0, whose key signed it, and how to compare the fingerprint (no database, no config)", async () => {
  const run = await verify([join(dir, "intact.zip")]);
  assert.equal(run.code, 0, `${run.stdout}\n${run.stderr}`);
  assert.match(run.stdout, /All intact: no file was changed, added or removed\./);
  assert.ok(run.stdout.includes(`Signed with the Ed25519 key ${fingerprint}.`));
  assert.match(
    run.stdout,
    /Compare that fingerprint with the one the deployment publishes \(GET \/api\/reference\/signing-key/,
  );
  assert.match(run.stdout, /Checked \d+ of the \d+ files its manifest lists/);

  const pinned = await verify([join(dir, "intact.zip"), "--expect-key", fingerprint]);
  assert.equal(pinned.code, 0, pinned.stdout);
  assert.match(pinned.stdout, /That is the key you expected/);

  const json = await verify(["--json", join(dir, "intact.zip")]);
  assert.equal(json.code, 0);
  const report = JSON.parse(json.stdout);
  assert.equal(report.ok, true);
  assert.deepEqual(report.problems, []);
  assert.equal(report.signer.fingerprint, fingerprint);
});

test("one changed byte in an evidence file is named", async () => {
  const files = new Map(pack);
  const bytes = Uint8Array.from(files.get(pngPath)!);
  bytes[bytes.length - 20]! ^= 0x01;
  files.set(pngPath, bytes);
  assertNames(
    await verify([write("changed", files)]),
    pngPath,
    /changed: its SHA-256 is [0-9a-f]+… but the manifest says/,
  );
});

test("a dropped file and an added file are each named", async () => {
  const dropped = new Map(pack);
  dropped.delete("records.json");
  assertNames(
    await verify([write("dropped", dropped)]),
    "records.json",
    /removed: listed in the manifest but not in the pack/,
  );

  const added = new Map(pack);
  added.set("evidence/extra-photo.jpg", Uint8Array.of(0xff, 0xd8, 0xff, 0xe0));
  assertNames(
    await verify([write("added", added)]),
    "evidence/extra-photo.jpg",
    /added: in the pack but not listed/,
  );
});

test("an edited manifest is named: it no longer matches its signature", async () => {
  const files = new Map(pack);
  const parsed = parseManifest(files.get("manifest.json")!);
  assert.ok(parsed.ok);
  // Swap the screenshot and write its new hash into the manifest, without the deployment's key.
  const forged = tinyPng(200, 16);
  files.set(pngPath, forged);
  const { createHash } = await import("node:crypto");
  const edited = {
    ...parsed.manifest,
    files: parsed.manifest.files.map((f) =>
      f.path === pngPath
        ? { ...f, sha256: createHash("sha256").update(forged).digest("hex"), bytes: forged.length }
        : f,
    ),
  };
  files.set("manifest.json", manifestBytes(edited));
  const run = await verify([write("manifest", files)]);
  assertNames(run, "manifest.json", /changed after it was signed/);
});

test("a pack re-signed with another key is named; --expect-key refuses a key that is not the deployment's", async () => {
  const other = signerFromSeed(Buffer.alloc(32, 3));
  const files = new Map(pack);
  files.set("signature.json", Buffer.from(JSON.stringify(other.signatureFor(files.get("manifest.json")!))));
  const run = await verify([write("resigned", files)]);
  assertNames(
    run,
    "signature.json",
    new RegExp(`signed with the key ${other.fingerprint}, but the manifest says`),
  );

  const wrongKey = await verify([join(dir, "intact.zip"), "--expect-key", other.fingerprint]);
  assertNames(wrongKey, "signature.json", /not the expected key/);
  const json = JSON.parse(
    (await verify([join(dir, "intact.zip"), "--expect-key", other.fingerprint, "--json"])).stdout,
  );
  assert.equal(json.ok, false);
  assert.equal(json.keyExpected, false);
});

test("not a ZIP → exit 1; no such file, two packs or an empty key → exit 2 with a message", async () => {
  const notZip = join(dir, "letter.zip");
  writeFileSync(notZip, "Dear candidate, this is not a zip file.");
  const damaged = await verify([notZip]);
  assert.equal(damaged.code, 1, damaged.stdout);
  assert.match(damaged.stdout, /is not a ZIP file, or it is damaged/);

  const missing = await verify([join(dir, "nowhere.zip")]);
  assert.equal(missing.code, 2);
  assert.match(missing.stderr, /cannot read .*nowhere\.zip: no such file/);

  const two = await verify([join(dir, "intact.zip"), join(dir, "intact.zip")]);
  assert.equal(two.code, 2);
  assert.match(two.stderr, /exactly one pack/);

  const emptyKey = await verify([join(dir, "intact.zip"), "--expect-key", " "]);
  assert.equal(emptyKey.code, 2);
  assert.match(emptyKey.stderr, /--expect-key needs/);

  const unknown = await verify([join(dir, "intact.zip"), "--frobnicate"]);
  assert.equal(unknown.code, 2);

  const help = await verify(["x.zip", "--help"]);
  assert.equal(help.code, 0);
  assert.match(help.stdout, /--expect-key FINGERPRINT/);
});
