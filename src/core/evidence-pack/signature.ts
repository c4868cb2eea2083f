// signature.json: the deployment's Ed25519 signature over manifest.json, with the public key that made
// it. The key's fingerprint (the first 128 bits of the SHA-256 of the raw 32-byte key, in groups of four
// hex digits) is printed on the PDF's cover and published by the deployment at
// GET /api/reference/signing-key, so a recipient can tell whose key signed a pack.
import { createPublicKey, verify } from "node:crypto";
import { z } from "zod";
import { sha256Hex } from "../evidence/canonical.ts";

export const SIGNATURE_ALGORITHM = "Ed25519";

export type PackSignature = {
  algorithm: typeof SIGNATURE_ALGORITHM;
  /** The raw 32-byte public key, base64. */
  publicKey: string;
  fingerprint: string;
  /** 64 bytes, base64, over the bytes of manifest.json. */
  signature: string;
};

/** DER prefix of an Ed25519 SubjectPublicKeyInfo (RFC 8410): followed by the 32-byte key. */
export const ED25519_SPKI_PREFIX = Buffer.from("302a300506032b6570032100", "hex");
/** DER prefix of an Ed25519 PKCS#8 private key (RFC 8410): followed by the 32-byte seed. */
export const ED25519_PKCS8_PREFIX = Buffer.from("302e020100300506032b657004220420", "hex");

const FINGERPRINT_HEX_DIGITS = 32;

/** "3f2a 91c0 …": the first 128 bits of the SHA-256 of the raw public key, in groups of four. */
export function keyFingerprint(rawPublicKey: Uint8Array): string {
  const hex = sha256Hex(rawPublicKey).slice(0, FINGERPRINT_HEX_DIGITS);
  return hex.match(/.{4}/g)!.join(" ");
}

/** A fingerprint as people type it (any case, spaces, colons or dashes) reduced to its hex digits. */
export function normaliseFingerprint(text: string): string {
  return text.toLowerCase().replace(/[\s:-]/g, "");
}

/**
 * Whether `expected` (a fingerprint as the deployment publishes it, or the base64 public key itself)
 * names this key.
 */
export function keyMatches(expected: string, rawPublicKey: Uint8Array): boolean {
  const trimmed = expected.trim();
  if (normaliseFingerprint(trimmed) === normaliseFingerprint(keyFingerprint(rawPublicKey))) return true;
  const asKey = Buffer.from(trimmed, "base64");
  return asKey.length === 32 && asKey.equals(Buffer.from(rawPublicKey));
}

export type VerifySignature = (
  rawPublicKey: Uint8Array,
  message: Uint8Array,
  signature: Uint8Array,
) => boolean;

/** Ed25519 verification with node's crypto; false (never a throw) for a malformed key or signature. */
export const ed25519Verify: VerifySignature = (rawPublicKey, message, signature) => {
  if (rawPublicKey.length !== 32 || signature.length !== 64) return false;
  try {
    const key = createPublicKey({
      key: Buffer.concat([ED25519_SPKI_PREFIX, rawPublicKey]),
      format: "der",
      type: "spki",
    });
    return verify(null, message, key, signature);
  } catch {
    return false;
  }
};

const SignatureSchema = z.object({
  algorithm: z.string(),
  publicKey: z.string().max(200),
  fingerprint: z.string().max(200),
  signature: z.string().max(400),
});

export type ParsedSignature =
  { ok: true; signature: PackSignature; publicKey: Buffer; bytes: Buffer } | { ok: false; error: string };

/** Reads signature.json: the algorithm must be Ed25519, the key 32 bytes and the signature 64. */
export function parseSignature(bytes: Uint8Array): ParsedSignature {
  let json: unknown;
  try {
    json = JSON.parse(new TextDecoder("utf-8", { fatal: true }).decode(bytes));
  } catch {
    return { ok: false, error: "is not valid UTF-8 JSON" };
  }
  const parsed = SignatureSchema.safeParse(json);
  if (!parsed.success)
    return { ok: false, error: "does not hold algorithm, publicKey, fingerprint and signature" };
  const s = parsed.data;
  if (s.algorithm !== SIGNATURE_ALGORITHM)
    return { ok: false, error: `uses '${s.algorithm}', not ${SIGNATURE_ALGORITHM}` };
  const publicKey = Buffer.from(s.publicKey, "base64");
  if (publicKey.length !== 32) return { ok: false, error: "holds a public key that is not 32 bytes" };
  const signature = Buffer.from(s.signature, "base64");
  if (signature.length !== 64) return { ok: false, error: "holds a signature that is not 64 bytes" };
  return { ok: true, signature: s as PackSignature, publicKey, bytes: signature };
}
