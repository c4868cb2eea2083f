// The deployment's master key and what is derived from it. The key is read from SHIELD_MASTER_KEY
// (base64, 32 bytes) or from DATA_DIR/shield.key, which is created on first start (mode 0600).
// Losing the key makes the encrypted records unreadable: back it up with the database.
import { createCipheriv, createDecipheriv, createHmac, hkdfSync, randomBytes } from "node:crypto";
import { mkdirSync, readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";

const KEY_BYTES = 32;
const IV_BYTES = 12;
const TAG_BYTES = 16;
const FORMAT = "v1";

export class DecryptionError extends Error {
  constructor(context: string) {
    super(`Encrypted value for ${context} cannot be decrypted: it was altered, moved or the key is wrong`);
    this.name = "DecryptionError";
  }
}

export function loadMasterKey(dataDir: string, fromEnv = process.env.SHIELD_MASTER_KEY): Buffer {
  if (fromEnv) {
    const key = Buffer.from(fromEnv, "base64");
    if (key.length !== KEY_BYTES) throw new Error("SHIELD_MASTER_KEY must be 32 bytes, base64-encoded");
    return key;
  }
  mkdirSync(dataDir, { recursive: true });
  const path = join(dataDir, "shield.key");
  try {
    writeFileSync(path, randomBytes(KEY_BYTES).toString("base64") + "\n", { flag: "wx", mode: 0o600 });
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  }
  const key = Buffer.from(readFileSync(path, "utf8").trim(), "base64");
  if (key.length !== KEY_BYTES) throw new Error(`${path} does not hold a 32-byte base64 key`);
  return key;
}

/** Encrypts and decrypts values bound to a context (table and row), so ciphertext cannot be moved between rows. */
export class Secrets {
  private readonly encryptionKey: Buffer;
  private readonly identifierKey: Buffer;
  private readonly linkKey: Buffer;
  /** The master key itself, for keys derived elsewhere (e.g. web push's VAPID pair). */
  readonly masterKey: Buffer;

  constructor(masterKey: Buffer) {
    this.encryptionKey = Buffer.from(hkdfSync("sha256", masterKey, "", "shield/encryption/v1", KEY_BYTES));
    this.identifierKey = Buffer.from(
      hkdfSync("sha256", masterKey, "", "shield/identifier-hmac/v1", KEY_BYTES),
    );
    this.linkKey = Buffer.from(hkdfSync("sha256", masterKey, "", "shield/link-mac/v1", KEY_BYTES));
    this.masterKey = masterKey;
  }

  encrypt(plain: string | Uint8Array, context: string): string {
    return this.encryptBytes(
      typeof plain === "string" ? Buffer.from(plain, "utf8") : plain,
      context,
    ).toString("base64");
  }

  decrypt(stored: string, context: string): string {
    return this.decryptBytes(Buffer.from(stored, "base64"), context).toString("utf8");
  }

  encryptJson(value: unknown, context: string): string {
    return `${FORMAT}:${this.encrypt(JSON.stringify(value), context)}`;
  }

  decryptJson<T>(stored: string, context: string): T {
    if (!stored.startsWith(`${FORMAT}:`)) throw new DecryptionError(context);
    return JSON.parse(this.decrypt(stored.slice(FORMAT.length + 1), context)) as T;
  }

  encryptBytes(plain: Uint8Array, context: string): Buffer {
    const iv = randomBytes(IV_BYTES);
    const cipher = createCipheriv("aes-256-gcm", this.encryptionKey, iv);
    cipher.setAAD(Buffer.from(context, "utf8"));
    const body = Buffer.concat([cipher.update(plain), cipher.final()]);
    return Buffer.concat([iv, cipher.getAuthTag(), body]);
  }

  decryptBytes(stored: Uint8Array, context: string): Buffer {
    try {
      const buf = Buffer.from(stored);
      const decipher = createDecipheriv("aes-256-gcm", this.encryptionKey, buf.subarray(0, IV_BYTES));
      decipher.setAAD(Buffer.from(context, "utf8"));
      decipher.setAuthTag(buf.subarray(IV_BYTES, IV_BYTES + TAG_BYTES));
      return Buffer.concat([decipher.update(buf.subarray(IV_BYTES + TAG_BYTES)), decipher.final()]);
    } catch {
      throw new DecryptionError(context);
    }
  }

  /** Keyed hash of an already-normalised identifier: links actors without storing the identifier in clear. */
  identifierHmac(normalised: string): string {
    return createHmac("sha256", this.identifierKey).update(normalised, "utf8").digest("hex");
  }

  /** MAC of a link's id (e.g. an alert's acknowledge link), so a link needs no stored token. */
  linkMac(id: string): string {
    return createHmac("sha256", this.linkKey).update(id, "utf8").digest("base64url");
  }
}
