// Helpers shared by the channels: the delivery-id check, failure outcomes and short, text-free
// descriptions of errors (a detail may be logged, so it never carries message text).
import type { AttemptOutcome, ChannelName } from "./types.ts";

export const DEFAULT_TIMEOUT_MS = 10_000;

// Safe as the left part of a Message-ID (dot-atom), in an HTTP header and as a push tag.
const DELIVERY_ID = /^[A-Za-z0-9_=+-]+(?:\.[A-Za-z0-9_=+-]+)*$/;

export function isValidDeliveryId(id: string): boolean {
  return id.length <= 128 && DELIVERY_ID.test(id);
}

export function failure(retryable: boolean, detail: string): AttemptOutcome {
  return { ok: false, retryable, detail };
}

export const invalidDeliveryId = (): AttemptOutcome => failure(false, "invalid-delivery-id");

export function wrongAddressee(channel: ChannelName, to: { channel: string }): AttemptOutcome {
  return failure(false, `addressee is for ${to.channel}, not ${channel}`);
}

/** A server's own words (an SMTP reply), cut short and stripped of control characters. */
export function clip(value: string, max = 120): string {
  const flat = value.replace(/\p{Cc}+/gu, " ").trim();
  return flat.length > max ? `${flat.slice(0, max - 1)}…` : flat;
}

/** The error's code (ECONNREFUSED, ENOTFOUND, …) rather than its message, which can quote input. */
export function errorCode(error: unknown): string {
  let current: unknown = error;
  for (let depth = 0; depth < 4 && current && typeof current === "object"; depth++) {
    const code = (current as { code?: unknown }).code;
    if (typeof code === "string" && /^[A-Z0-9_]{2,40}$/.test(code)) return code;
    current = (current as { cause?: unknown }).cause;
  }
  const name = error instanceof Error ? error.name : "";
  return /^[A-Za-z]{1,40}$/.test(name) ? name : "unknown-error";
}

export function isTimeout(error: unknown): boolean {
  return error instanceof Error && (error.name === "TimeoutError" || error.name === "AbortError");
}

/** Outcome of an HTTP answer, shared by webhook and push: 2xx ok; 408, 429 and 5xx worth retrying. */
export function httpOutcome(status: number, goneMeansUnsubscribed = false): AttemptOutcome {
  if (status >= 200 && status < 300) return { ok: true, detail: `HTTP ${status}` };
  if (goneMeansUnsubscribed && (status === 404 || status === 410)) {
    return failure(false, `subscription-gone (HTTP ${status})`);
  }
  if (status >= 300 && status < 400) return failure(false, `HTTP ${status} (redirects are not followed)`);
  return failure(status === 408 || status === 429 || status >= 500, `HTTP ${status}`);
}
