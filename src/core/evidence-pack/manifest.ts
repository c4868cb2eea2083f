// The manifest of an evidence pack (DESIGN.md capability 8): every file in the ZIP with its SHA-256 and
// size, what the pack covers, and the deployment key that signed it. manifest.json holds the canonical
// JSON of the manifest (sorted keys, no whitespace), and signature.json an Ed25519 signature over exactly
// those bytes, so a recipient can check the pack offline with `shield verify PACK.zip`.
import { z } from "zod";
import { canonicalJson } from "../evidence/canonical.ts";

export const PACK_FORMAT = "shield-evidence-pack/1";
export const MANIFEST_PATH = "manifest.json";
export const SIGNATURE_PATH = "signature.json";
/** The two files that describe the pack rather than being listed in it. */
export const PACK_CONTROL_FILES: ReadonlySet<string> = new Set([MANIFEST_PATH, SIGNATURE_PATH]);

/** What a pack covers: one incident, every incident of one actor (and the records linked as the same person), or a date range. */
export type PackScope =
  | { kind: "incident"; incidentId: string }
  | { kind: "actor"; actorId: string }
  | { kind: "dates"; from: string; to: string };

export type ManifestFile = { path: string; sha256: string; bytes: number };

export type Manifest = {
  format: typeof PACK_FORMAT;
  packId: string;
  /** ISO 8601, UTC. */
  generatedAt: string;
  deployment: { publicUrl: string; keyFingerprint: string };
  campaign: { id: string; name: string };
  scope: PackScope;
  /** Sorted by path. */
  files: ManifestFile[];
};

const SHA256 = /^[0-9a-f]{64}$/;

/** A path inside a pack: relative, forward slashes, no "..", no control characters. */
export function isSafePackPath(path: string): boolean {
  return (
    path.length > 0 &&
    path.length <= 255 &&
    !path.startsWith("/") &&
    !path.includes("\\") &&
    // eslint-disable-next-line no-control-regex
    !/[\u0000-\u001f\u007f]/.test(path) &&
    path.split("/").every((part) => part !== "" && part !== "." && part !== "..")
  );
}

const ManifestSchema = z
  .object({
    format: z.literal(PACK_FORMAT),
    packId: z.string().min(1).max(100),
    generatedAt: z.iso.datetime({ offset: true }),
    deployment: z.object({ publicUrl: z.string().max(2000), keyFingerprint: z.string().min(1).max(200) }),
    campaign: z.object({ id: z.string().max(100), name: z.string().max(500) }),
    scope: z.discriminatedUnion("kind", [
      z.object({ kind: z.literal("incident"), incidentId: z.string().max(100) }),
      z.object({ kind: z.literal("actor"), actorId: z.string().max(100) }),
      z.object({ kind: z.literal("dates"), from: z.string().max(40), to: z.string().max(40) }),
    ]),
    files: z.array(
      z.object({
        path: z.string().refine(isSafePackPath, { message: "is not a safe relative path" }),
        sha256: z.string().regex(SHA256, "must be 64 lower-case hex digits"),
        bytes: z.number().int().min(0),
      }),
    ),
  })
  .strict();

/** The manifest with its files in path order, as it is written and signed. */
export function normaliseManifest(manifest: Manifest): Manifest {
  return {
    ...manifest,
    files: [...manifest.files].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0)),
  };
}

/** The bytes of manifest.json: canonical JSON, UTF-8. The signature covers exactly these bytes. */
export function manifestBytes(manifest: Manifest): Uint8Array {
  return new TextEncoder().encode(canonicalJson(normaliseManifest(manifest)));
}

export type ParsedManifest = { ok: true; manifest: Manifest } | { ok: false; error: string };

/** Reads manifest.json, naming what is wrong with it. */
export function parseManifest(bytes: Uint8Array): ParsedManifest {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch {
    return { ok: false, error: "is not valid UTF-8 JSON" };
  }
  const parsed = ManifestSchema.safeParse(json);
  if (!parsed.success) {
    const issue = parsed.error.issues[0]!;
    const where = issue.path.length > 0 ? `${issue.path.join(".")}: ` : "";
    if (issue.path[0] === "format")
      return { ok: false, error: `is not a Shield evidence pack manifest (format must be '${PACK_FORMAT}')` };
    return { ok: false, error: `is not a valid manifest (${where}${issue.message})` };
  }
  const manifest = parsed.data as Manifest;
  const seen = new Set<string>();
  for (const f of manifest.files) {
    if (seen.has(f.path)) return { ok: false, error: `lists ${f.path} twice` };
    if (PACK_CONTROL_FILES.has(f.path))
      return { ok: false, error: `lists ${f.path}, which it cannot vouch for` };
    seen.add(f.path);
  }
  return { ok: true, manifest };
}
