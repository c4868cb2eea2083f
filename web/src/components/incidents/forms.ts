// Small helpers shared by the incident forms.
import { ApiError, errorMessage, OfflineError } from "../../api.ts";

/** Errors keyed by field name, from the form's own checks or the server's `field`. */
export type FieldErrors = Partial<Record<string, string>>;

/** The server names fields by their path ("body.summary", "text"): the last part is the form's name. */
function fieldOf(path: string | undefined): string | undefined {
  if (!path) return undefined;
  const parts = path.split(".");
  return parts[parts.length - 1];
}

/** A fresh key for one attempt at a write: a retry of the same attempt is applied once. */
export const newKey = () =>
  typeof crypto !== "undefined" && "randomUUID" in crypto
    ? crypto.randomUUID()
    : `${Date.now()}-${Math.random().toString(36).slice(2)}`;

/**
 * The key for the next attempt after a failure: the same one only if the answer may have been lost
 * (offline), so a retry cannot make a second copy; a new one if the server answered.
 */
export const keyAfter = (error: unknown, key: string) => (error instanceof OfflineError ? key : newKey());

/** Splits a failed write into an error at a known field, or one for the whole form. */
export function errorsFrom(error: unknown, known: readonly string[]): { fields: FieldErrors; form?: string } {
  const message = errorMessage(error);
  if (error instanceof ApiError) {
    const field = fieldOf(error.field);
    if (field && known.includes(field)) {
      // The server says "body.summary: Too small…"; the field's own label already says which one.
      const text = message.replace(/^[\w.[\]]+:\s*/, "");
      return { fields: { [field]: text.charAt(0).toUpperCase() + text.slice(1) } };
    }
  }
  return { fields: {}, form: message };
}

/** "72 bytes", "3.4 KB", "1.2 MB" */
export function formatSize(bytes: number): string {
  if (bytes < 1024) return `${bytes} byte${bytes === 1 ? "" : "s"}`;
  if (bytes < 1024 * 1024) return `${(bytes / 1024).toFixed(1)} KB`;
  return `${(bytes / (1024 * 1024)).toFixed(1)} MB`;
}
