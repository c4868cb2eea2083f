// The deployment's Ed25519 key for signing evidence packs, derived from the master key (HKDF-SHA256,
// info "shield/pack-signing/v1" → a 32-byte seed), so every process sharing one database signs with the
// same key without storing it. Changing the master key changes the key and its fingerprint: packs signed
// before still verify against the key inside them, but no longer match the fingerprint published now.
import { createPrivateKey, createPublicKey, hkdfSync, sign, type KeyObject } from "node:crypto";
import {
  ED25519_PKCS8_PREFIX,
  SIGNATURE_ALGORITHM,
  keyFingerprint,
  type PackSignature,
} from "../../core/evidence-pack/index.ts";

export interface PackSigner {
  /** The raw 32-byte public key. */
  publicKey: Buffer;
  fingerprint: string;
  /** signature.json for these manifest bytes. */
  signatureFor(manifest: Uint8Array): PackSignature;
}

const signers = new WeakMap<Buffer, PackSigner>();

export function packSignerFrom(masterKey: Buffer): PackSigner {
  const cached = signers.get(masterKey);
  if (cached) return cached;
  if (masterKey.length < 32) throw new Error("the master key must be at least 32 bytes");
  const seed = Buffer.from(hkdfSync("sha256", masterKey, "", "shield/pack-signing/v1", 32));
  const signer = signerFromSeed(seed);
  signers.set(masterKey, signer);
  return signer;
}

/** A signer from a 32-byte Ed25519 seed (tests use it to sign with a key that is not the deployment's). */
export function signerFromSeed(seed: Uint8Array): PackSigner {
  const privateKey: KeyObject = createPrivateKey({
    key: Buffer.concat([ED25519_PKCS8_PREFIX, seed]),
    format: "der",
    type: "pkcs8",
  });
  const spki = createPublicKey(privateKey).export({ format: "der", type: "spki" });
  const publicKey = Buffer.from(spki.subarray(spki.length - 32));
  const fingerprint = keyFingerprint(publicKey);
  return {
    publicKey,
    fingerprint,
    signatureFor: (manifest) => ({
      algorithm: SIGNATURE_ALGORITHM,
      publicKey: publicKey.toString("base64"),
      fingerprint,
      signature: sign(null, manifest, privateKey).toString("base64"),
    }),
  };
}
