// Canonical JSON: object keys sorted, no whitespace, Dates as ISO strings, undefined dropped.
// The same value always gives the same bytes, so its hash can be recomputed by `shield verify`.
import { createHash } from "node:crypto";

export type Canonicalisable =
  | string
  | number
  | boolean
  | null
  | undefined
  | Date
  | readonly Canonicalisable[]
  | { readonly [key: string]: Canonicalisable };

export function canonicalJson(value: Canonicalisable): string {
  if (value === null || value === undefined) return "null";
  if (value instanceof Date) return JSON.stringify(value.toISOString());
  if (Array.isArray(value)) return `[${value.map((v) => canonicalJson(v)).join(",")}]`;
  if (typeof value === "object") {
    const record = value as { readonly [key: string]: Canonicalisable };
    const keys = Object.keys(record)
      .filter((k) => record[k] !== undefined)
      .sort();
    return `{${keys.map((k) => `${JSON.stringify(k)}:${canonicalJson(record[k])}`).join(",")}}`;
  }
  if (typeof value === "number" && !Number.isFinite(value))
    throw new Error("cannot hash a non-finite number");
  return JSON.stringify(value);
}

export function sha256Hex(data: string | Uint8Array): string {
  return createHash("sha256").update(data).digest("hex");
}

export function hashOf(value: Canonicalisable): string {
  return sha256Hex(canonicalJson(value));
}
