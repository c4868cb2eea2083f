// Checking an evidence pack offline: given the files in the ZIP (path → bytes), it recomputes every
// file's SHA-256 against manifest.json, checks the Ed25519 signature over manifest.json, and names each
// file that was changed, added or removed, a manifest that is missing or malformed, and a signature that
// does not match (or was made by a key other than the one the manifest or the recipient expects).
import { sha256Hex } from "../evidence/canonical.ts";
import {
  MANIFEST_PATH,
  PACK_CONTROL_FILES,
  SIGNATURE_PATH,
  parseManifest,
  type Manifest,
} from "./manifest.ts";
import {
  ed25519Verify,
  keyFingerprint,
  keyMatches,
  normaliseFingerprint,
  parseSignature,
  type VerifySignature,
} from "./signature.ts";

export type PackProblemKind = "changed" | "added" | "removed" | "manifest" | "signature" | "key";

export interface PackProblem {
  /** The file inside the pack the problem is about. */
  file: string;
  kind: PackProblemKind;
  /** What is wrong, in words a recipient can act on. */
  message: string;
}

export interface PackReport {
  ok: boolean;
  problems: PackProblem[];
  /** The key that signed the pack (from signature.json), when it could be read. */
  signer?: { fingerprint: string; publicKey: string };
  /** Whether the signature over manifest.json is valid for that key. */
  signatureValid: boolean;
  /** True when the recipient named the key to expect and it matched; false when it did not; absent otherwise. */
  keyExpected?: boolean;
  /** What the manifest says the pack is, when it could be read. */
  pack?: Pick<Manifest, "packId" | "generatedAt" | "scope" | "campaign" | "deployment">;
  counts: { listed: number; checked: number; inPack: number };
}

export interface VerifyOptions {
  /** The deployment key the recipient expects: its fingerprint, or the base64 public key. */
  expectKey?: string | undefined;
  /** Signature check (Ed25519 with node's crypto by default). */
  verifySignature?: VerifySignature;
}

const short = (hex: string) => `${hex.slice(0, 12)}…`;

export function verifyPack(files: ReadonlyMap<string, Uint8Array>, options: VerifyOptions = {}): PackReport {
  const problems: PackProblem[] = [];
  const verifySignature = options.verifySignature ?? ed25519Verify;
  const report: PackReport = {
    ok: false,
    problems,
    signatureValid: false,
    counts: {
      listed: 0,
      checked: 0,
      inPack: [...files.keys()].filter((p) => !PACK_CONTROL_FILES.has(p)).length,
    },
  };

  const manifestRaw = files.get(MANIFEST_PATH);
  const parsed = manifestRaw ? parseManifest(manifestRaw) : undefined;
  if (!manifestRaw) {
    problems.push({
      file: MANIFEST_PATH,
      kind: "manifest",
      message: "removed: the pack has no manifest.json, so none of its files can be checked",
    });
  } else if (!parsed!.ok) {
    problems.push({
      file: MANIFEST_PATH,
      kind: "manifest",
      message: `${parsed!.error}: none of the pack's files can be checked against it`,
    });
  }
  const manifest = parsed?.ok ? parsed.manifest : undefined;

  // The signature, over the exact bytes of manifest.json.
  const signatureRaw = files.get(SIGNATURE_PATH);
  if (!signatureRaw) {
    problems.push({
      file: SIGNATURE_PATH,
      kind: "signature",
      message: "removed: the pack has no signature.json, so nothing shows who made it",
    });
  } else {
    const sig = parseSignature(signatureRaw);
    if (!sig.ok) {
      problems.push({ file: SIGNATURE_PATH, kind: "signature", message: sig.error });
    } else {
      const fingerprint = keyFingerprint(sig.publicKey);
      report.signer = { fingerprint, publicKey: sig.publicKey.toString("base64") };
      if (normaliseFingerprint(sig.signature.fingerprint) !== normaliseFingerprint(fingerprint)) {
        problems.push({
          file: SIGNATURE_PATH,
          kind: "signature",
          message: `names the key ${sig.signature.fingerprint}, but the key it holds is ${fingerprint}`,
        });
      }
      if (manifestRaw) {
        report.signatureValid = verifySignature(sig.publicKey, manifestRaw, sig.bytes);
        if (!report.signatureValid) {
          problems.push({
            file: MANIFEST_PATH,
            kind: "signature",
            message:
              "changed after it was signed: the signature in signature.json does not match it (or the signature itself was changed)",
          });
        }
      }
      if (
        manifest &&
        normaliseFingerprint(manifest.deployment.keyFingerprint) !== normaliseFingerprint(fingerprint)
      ) {
        problems.push({
          file: SIGNATURE_PATH,
          kind: "signature",
          message: `signed with the key ${fingerprint}, but the manifest says the deployment's key is ${manifest.deployment.keyFingerprint}`,
        });
      }
      if (options.expectKey !== undefined) {
        report.keyExpected = keyMatches(options.expectKey, sig.publicKey);
        if (!report.keyExpected) {
          problems.push({
            file: SIGNATURE_PATH,
            kind: "key",
            message: `signed with the key ${fingerprint}, not the expected key ${options.expectKey.trim()}`,
          });
        }
      }
    }
  }

  if (manifest) {
    report.pack = {
      packId: manifest.packId,
      generatedAt: manifest.generatedAt,
      scope: manifest.scope,
      campaign: manifest.campaign,
      deployment: manifest.deployment,
    };
    report.counts.listed = manifest.files.length;
    const listed = new Set<string>();
    for (const entry of manifest.files) {
      listed.add(entry.path);
      const bytes = files.get(entry.path);
      if (!bytes) {
        problems.push({
          file: entry.path,
          kind: "removed",
          message: "removed: listed in the manifest but not in the pack",
        });
        continue;
      }
      report.counts.checked++;
      const actual = sha256Hex(bytes);
      if (actual !== entry.sha256) {
        problems.push({
          file: entry.path,
          kind: "changed",
          message: `changed: its SHA-256 is ${short(actual)} but the manifest says ${short(entry.sha256)}`,
        });
      } else if (bytes.length !== entry.bytes) {
        problems.push({
          file: entry.path,
          kind: "changed",
          message: `changed: it is ${bytes.length} bytes but the manifest says ${entry.bytes}`,
        });
      }
    }
    for (const path of [...files.keys()].sort()) {
      if (!listed.has(path) && !PACK_CONTROL_FILES.has(path)) {
        problems.push({
          file: path,
          kind: "added",
          message: "added: in the pack but not listed in the manifest",
        });
      }
    }
  }

  report.ok = problems.length === 0;
  return report;
}
