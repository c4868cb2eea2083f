// Deterministic train/dev split for the labelled data sets.
// A row's split depends only on its source name and a stable key (datasets.ts uses the normalised text for
// the public sets, so duplicates stay together), hashed with SHA-256: the same answer on every machine,
// every run and every Node version.
import { createHash } from "node:crypto";

export type Split = "train" | "dev";

/** Share of rows that go to the dev split. */
export const DEV_FRACTION = 0.2;

/** Bumping this reshuffles every split; only do so on purpose, and say so in the model card. */
const SALT = "shield-split-v1";

/** A number in [0, 1) from the first 32 bits of SHA-256 over salt, source and key. */
export function splitHash(source: string, key: string): number {
  const digest = createHash("sha256").update(`${SALT}\u0000${source}\u0000${key}`, "utf8").digest();
  return digest.readUInt32BE(0) / 2 ** 32;
}

/** Which split a row belongs to: "dev" for 20% of keys, "train" for the rest. */
export function splitOf(source: string, key: string): Split {
  return splitHash(source, key) < DEV_FRACTION ? "dev" : "train";
}
