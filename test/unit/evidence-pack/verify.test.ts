// The evidence pack's manifest and its offline check: canonical bytes, a valid signature, and each kind
// of tampering named by the file it touched.
import { test } from "node:test";
import assert from "node:assert/strict";
import { createHash, randomBytes } from "node:crypto";
import fc from "fast-check";
import {
  PACK_FORMAT,
  keyFingerprint,
  keyMatches,
  manifestBytes,
  parseManifest,
  verifyPack,
  type Manifest,
} from "../../../src/core/evidence-pack/index.ts";
import { signerFromSeed, type PackSigner } from "../../../src/server/packs/signing-key.ts";
import { packSignerFrom } from "../../../src/server/packs/signing-key.ts";

const sha = (b: Uint8Array) => createHash("sha256").update(b).digest("hex");
const text = (s: string) => new TextEncoder().encode(s);

function pack(signer: PackSigner, contents: Record<string, Uint8Array>) {
  const manifest: Manifest = {
    format: PACK_FORMAT,
    packId: "7f1c0c1e-5a4e-4f43-9d2f-0d5a3b0b9a11",
    generatedAt: "2026-11-21T10:00:00.000Z",
    deployment: { publicUrl: "https://shield.example.org", keyFingerprint: signer.fingerprint },
    campaign: { id: "c1", name: "Dŵr Cymru for Riverside" },
    scope: { kind: "actor", actorId: "a1" },
    files: Object.entries(contents).map(([path, bytes]) => ({
      path,
      sha256: sha(bytes),
      bytes: bytes.length,
    })),
  };
  const bytes = manifestBytes(manifest);
  const files = new Map<string, Uint8Array>(Object.entries(contents));
  files.set("manifest.json", bytes);
  files.set("signature.json", text(JSON.stringify(signer.signatureFor(bytes))));
  return { files, manifest };
}

const deployment = signerFromSeed(Buffer.alloc(32, 7));
const contents = () => ({
  "records.json": text('{"incidents":[]}'),
  "report.pdf": text("%PDF-1.3 …"),
  "evidence/aa.png": Uint8Array.of(0x89, 0x50, 0x4e, 0x47, 1, 2, 3),
  "platform-reports/x.txt": text("Report to X: ŵ ŷ"),
});

const kinds = (report: ReturnType<typeof verifyPack>) =>
  report.problems.map((p) => `${p.kind} ${p.file}`).sort();

test("an intact pack verifies, and says whose key signed it", () => {
  const { files } = pack(deployment, contents());
  const report = verifyPack(files);
  assert.equal(report.ok, true, JSON.stringify(report.problems));
  assert.equal(report.signatureValid, true);
  assert.equal(report.signer?.fingerprint, deployment.fingerprint);
  assert.equal(report.counts.checked, 4);
  assert.equal(report.keyExpected, undefined, "nothing was expected, so nothing is claimed");
  assert.equal(
    verifyPack(files, { expectKey: deployment.fingerprint.toUpperCase().replace(/ /g, ":") }).ok,
    true,
  );
  assert.equal(verifyPack(files, { expectKey: deployment.publicKey.toString("base64") }).keyExpected, true);
});

test("the manifest's bytes are canonical: the same pack in any file order gives the same bytes", () => {
  const { manifest } = pack(deployment, contents());
  const reordered = { ...manifest, files: [...manifest.files].reverse() };
  assert.deepEqual(manifestBytes(reordered), manifestBytes(manifest));
  const parsed = parseManifest(manifestBytes(manifest));
  assert.ok(parsed.ok);
  assert.deepEqual(
    parsed.manifest.files.map((f) => f.path),
    [...manifest.files.map((f) => f.path)].sort(),
  );
});

test("one changed byte in any file is named, and only that file", () => {
  fc.assert(
    fc.property(
      fc.constantFrom(...Object.keys(contents())),
      fc.nat(),
      fc.integer({ min: 1, max: 255 }),
      (path, at, xor) => {
        const { files } = pack(deployment, contents());
        const bytes = Uint8Array.from(files.get(path)!);
        bytes[at % bytes.length]! ^= xor;
        files.set(path, bytes);
        const report = verifyPack(files);
        return (
          !report.ok &&
          kinds(report).join() === `changed ${path}` &&
          report.problems[0]!.message.startsWith("changed")
        );
      },
    ),
    { numRuns: 60 },
  );
});

test("a dropped file is named as removed; an extra file as added", () => {
  const { files } = pack(deployment, contents());
  files.delete("evidence/aa.png");
  files.set("evidence/extra.jpg", Uint8Array.of(0xff, 0xd8, 0xff));
  const report = verifyPack(files);
  assert.deepEqual(kinds(report), ["added evidence/extra.jpg", "removed evidence/aa.png"]);
  assert.match(
    report.problems.find((p) => p.kind === "removed")!.message,
    /listed in the manifest but not in the pack/,
  );
});

test("an edited manifest breaks the signature, and names the file whose hash it lies about", () => {
  const { files, manifest } = pack(deployment, contents());
  // Someone swaps the evidence and writes its new hash into the manifest, without the key to re-sign.
  const forged = Uint8Array.of(9, 9, 9);
  files.set("evidence/aa.png", forged);
  const edited = {
    ...manifest,
    files: manifest.files.map((f) =>
      f.path === "evidence/aa.png" ? { ...f, sha256: sha(forged), bytes: 3 } : f,
    ),
  };
  files.set("manifest.json", manifestBytes(edited));
  const report = verifyPack(files);
  assert.equal(report.ok, false);
  assert.equal(report.signatureValid, false);
  assert.deepEqual(kinds(report), ["signature manifest.json"]);
  assert.match(report.problems[0]!.message, /changed after it was signed/);
});

test("a pack re-signed with another key is named, and --expect-key catches a complete forgery", () => {
  const other = signerFromSeed(Buffer.alloc(32, 9));
  // Re-signed as it stands: the manifest still names the deployment's key.
  const { files, manifest } = pack(deployment, contents());
  const bytes = files.get("manifest.json")!;
  files.set("signature.json", text(JSON.stringify(other.signatureFor(bytes))));
  const report = verifyPack(files);
  assert.equal(report.signatureValid, true, "the other key's signature is valid for that key");
  assert.deepEqual(kinds(report), ["signature signature.json"]);
  assert.match(report.problems[0]!.message, new RegExp(`signed with the key ${other.fingerprint}`));

  // A forger who rewrites the manifest to name their own key: only the expected key gives it away.
  const forged = pack(other, contents()).files;
  assert.equal(verifyPack(forged).ok, true);
  const pinned = verifyPack(forged, { expectKey: deployment.fingerprint });
  assert.equal(pinned.ok, false);
  assert.equal(pinned.keyExpected, false);
  assert.deepEqual(kinds(pinned), ["key signature.json"]);
  void manifest;
});

test("a signature by the right key over other bytes is refused; so is a garbled signature.json", () => {
  const { files } = pack(deployment, contents());
  const sig = JSON.parse(new TextDecoder().decode(files.get("signature.json")!));
  files.set(
    "signature.json",
    text(JSON.stringify({ ...sig, signature: deployment.signatureFor(text("other")).signature })),
  );
  assert.deepEqual(kinds(verifyPack(files)), ["signature manifest.json"]);
  files.set("signature.json", text(JSON.stringify({ ...sig, algorithm: "RSA" })));
  assert.match(verifyPack(files).problems[0]!.message, /not Ed25519/);
  files.set("signature.json", text("{"));
  assert.match(verifyPack(files).problems[0]!.message, /not valid UTF-8 JSON/);
  files.delete("signature.json");
  assert.match(verifyPack(files).problems[0]!.message, /no signature\.json/);
});

test("a missing or malformed manifest says that nothing can be checked", () => {
  const { files } = pack(deployment, contents());
  const noManifest = new Map(files);
  noManifest.delete("manifest.json");
  const report = verifyPack(noManifest);
  assert.equal(report.ok, false);
  assert.equal(report.problems[0]!.file, "manifest.json");
  assert.match(report.problems[0]!.message, /none of its files can be checked/);

  for (const [bad, why] of [
    [{ format: "something-else/1" }, /not a Shield evidence pack manifest/],
    [{ files: [{ path: "../etc/passwd", sha256: "0".repeat(64), bytes: 1 }] }, /safe relative path/],
    [{ files: [{ path: "a", sha256: "XYZ", bytes: 1 }] }, /hex/],
  ] as const) {
    const { manifest } = pack(deployment, contents());
    const edited = new Map(files);
    edited.set("manifest.json", text(JSON.stringify({ ...manifest, ...bad })));
    const r = verifyPack(edited);
    assert.equal(r.ok, false);
    assert.ok(
      r.problems.some((p) => p.kind === "manifest" && why.test(p.message)),
      JSON.stringify(r.problems),
    );
  }
  const twice = parseManifest(
    text(
      JSON.stringify({
        ...pack(deployment, contents()).manifest,
        files: [
          { path: "a", sha256: "0".repeat(64), bytes: 0 },
          { path: "a", sha256: "0".repeat(64), bytes: 0 },
        ],
      }),
    ),
  );
  assert.ok(!twice.ok && /twice/.test(twice.error));
});

test("the deployment's key is derived from its master key: the same key gives the same signer", () => {
  const master = randomBytes(32);
  const a = packSignerFrom(master);
  const b = packSignerFrom(Buffer.from(master));
  assert.equal(a.fingerprint, b.fingerprint);
  assert.deepEqual(a.publicKey, b.publicKey);
  assert.notEqual(packSignerFrom(randomBytes(32)).fingerprint, a.fingerprint);
  assert.match(a.fingerprint, /^([0-9a-f]{4} ){7}[0-9a-f]{4}$/);
  assert.equal(keyFingerprint(a.publicKey), a.fingerprint);
  assert.ok(keyMatches(a.fingerprint.replace(/ /g, ""), a.publicKey));
  assert.ok(!keyMatches("0000 0000", a.publicKey));
});
