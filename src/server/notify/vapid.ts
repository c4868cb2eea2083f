// VAPID keys (the server's identity towards browser push services), derived from the deployment's
// master key so that every process sharing one database signs with the same key without storing it.
// Changing the master key changes the key pair, and browsers must then subscribe again.
import { createECDH, hkdfSync } from "node:crypto";

export interface VapidKeys {
  /** Uncompressed P-256 point (65 bytes), base64url: the browser's applicationServerKey. */
  publicKey: string;
  /** The 32-byte private scalar, base64url. */
  privateKey: string;
}

// The order of the P-256 group: a private scalar must lie in [1, n - 1].
const P256_ORDER = BigInt("0xffffffff00000000ffffffffffffffffbce6faada7179e84f3b9cac2fc632551");

export function vapidKeysFrom(masterKey: Buffer): VapidKeys {
  if (masterKey.length < 32) throw new Error("the master key must be at least 32 bytes");
  for (let counter = 0; ; counter++) {
    const info = counter === 0 ? "shield/vapid/v1" : `shield/vapid/v1/${counter}`;
    const scalar = Buffer.from(hkdfSync("sha256", masterKey, "", info, 32));
    const value = BigInt(`0x${scalar.toString("hex")}`);
    if (value === 0n || value >= P256_ORDER) continue; // probability about 2^-32
    const ecdh = createECDH("prime256v1");
    ecdh.setPrivateKey(scalar);
    return { publicKey: ecdh.getPublicKey().toString("base64url"), privateKey: scalar.toString("base64url") };
  }
}
