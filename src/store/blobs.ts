// Evidence files, content-addressed by the SHA-256 of their plaintext and encrypted at rest.
// The interface lets an object store replace the filesystem later.
import { mkdir, readFile, readdir, rename, writeFile } from "node:fs/promises";
import { join } from "node:path";
import { randomUUID } from "node:crypto";

export interface BlobStore {
  /** Stores bytes under a key (idempotent: an existing key is kept as it is). */
  put(key: string, bytes: Uint8Array): Promise<void>;
  /** The bytes, or undefined when there is no such blob. */
  get(key: string): Promise<Buffer | undefined>;
  keys(): AsyncIterable<string>;
  /** Where a key lives, for messages to an operator. */
  describe(key: string): string;
}

const KEY_PATTERN = /^[0-9a-f]{64}$/;

export class FileBlobStore implements BlobStore {
  constructor(private readonly root: string) {}

  private path(key: string): string {
    if (!KEY_PATTERN.test(key)) throw new Error("blob keys are SHA-256 hex digests");
    return join(this.root, key.slice(0, 2), key);
  }

  describe(key: string): string {
    return this.path(key);
  }

  async put(key: string, bytes: Uint8Array): Promise<void> {
    const target = this.path(key);
    if (await this.get(key)) return;
    await mkdir(join(this.root, key.slice(0, 2)), { recursive: true });
    // Write then rename: a crash never leaves a half-written file under the final name.
    const temp = `${target}.${randomUUID()}.tmp`;
    await writeFile(temp, bytes, { flush: true });
    await rename(temp, target);
  }

  async get(key: string): Promise<Buffer | undefined> {
    try {
      return await readFile(this.path(key));
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code === "ENOENT") return undefined;
      throw error;
    }
  }

  async *keys(): AsyncIterable<string> {
    let prefixes: string[];
    try {
      prefixes = await readdir(this.root);
    } catch {
      return;
    }
    for (const prefix of prefixes.sort()) {
      for (const name of (await readdir(join(this.root, prefix))).sort()) {
        if (KEY_PATTERN.test(name)) yield name;
      }
    }
  }
}
