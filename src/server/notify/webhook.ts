// The webhook channel: an alert POSTed as signed JSON to one URL, for an SMS gateway, a chat tool or
// a campaign's own system, which delivers it on to the person named in `to`.
import { createHmac, timingSafeEqual } from "node:crypto";
import {
  DEFAULT_TIMEOUT_MS,
  errorCode,
  failure,
  httpOutcome,
  invalidDeliveryId,
  isTimeout,
  isValidDeliveryId,
  wrongAddressee,
} from "./outcome.ts";
import type { Channel } from "./types.ts";

/*
 * For integrators: what a Shield alert webhook looks like and how to check it came from Shield.
 *
 *   POST <your URL>
 *   content-type: application/json
 *   x-shield-delivery: <delivery id>      the same id on every retry of this delivery
 *   idempotency-key: <delivery id>        so deliver at most once per id
 *   x-shield-timestamp: <unix seconds>    when this attempt was signed
 *   x-shield-signature: sha256=<hex>      HMAC-SHA256 with the shared secret (ALERT_WEBHOOK_SECRET)
 *                                         over `${timestamp}.${raw request body}`
 *
 *   { "id": "<delivery id>", "type": "canvass.alert", "sentAt": "2025-05-01T18:04:05.000Z",
 *     "to": { "phone": "+447700900123", "name": "Sam" }, "subject": "…", "text": "…",
 *     "acknowledgeUrl": "https://…", "alert": { …structured alert… } }
 *
 * Check the signature on the raw bytes before parsing the JSON, compare in constant time, and refuse
 * timestamps more than five minutes from your clock (a replayed request); verifyWebhookSignature below
 * does all three. Answer 2xx once you have accepted the alert. Shield retries on 408, 429, 5xx, timeouts
 * (10 s) and network errors; any other 4xx is final. Send `text` as the SMS: it is written to be read as is.
 */

export interface WebhookChannelOptions {
  url: string;
  secret: string;
  timeoutMs?: number;
  fetchImpl?: typeof fetch;
}

export function createWebhookChannel(options: WebhookChannelOptions): Channel {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const fetchImpl = options.fetchImpl ?? fetch;
  const target = new URL(options.url);
  return {
    name: "webhook",
    description: `${target.origin}${target.protocol === "http:" ? " (unencrypted)" : ""}`,
    async send(to, message) {
      if (to.channel !== "webhook") return wrongAddressee("webhook", to);
      if (!isValidDeliveryId(message.deliveryId)) return invalidDeliveryId();
      const now = new Date();
      let rawBody: string;
      try {
        rawBody = JSON.stringify({
          id: message.deliveryId,
          type: "canvass.alert",
          sentAt: now.toISOString(),
          to: { phone: to.phone, name: to.name },
          subject: message.subject,
          text: message.text,
          acknowledgeUrl: message.acknowledgeUrl,
          alert: message.data,
        });
      } catch {
        return failure(false, "alert data is not serialisable as JSON");
      }
      const timestamp = String(Math.floor(now.getTime() / 1000));
      try {
        const response = await fetchImpl(target, {
          method: "POST",
          headers: {
            "content-type": "application/json",
            "user-agent": "Shield-Alerts/1",
            "x-shield-delivery": message.deliveryId,
            "x-shield-timestamp": timestamp,
            "x-shield-signature": signWebhookBody(options.secret, timestamp, rawBody),
            "idempotency-key": message.deliveryId,
          },
          body: rawBody,
          redirect: "manual",
          signal: AbortSignal.timeout(timeoutMs),
        });
        await response.body?.cancel().catch(() => undefined);
        return httpOutcome(response.status);
      } catch (error) {
        if (isTimeout(error)) return failure(true, `timeout after ${timeoutMs} ms`);
        return failure(true, errorCode(error));
      }
    },
  };
}

/** The x-shield-signature value for a body signed at `timestamp` (unix seconds). */
export function signWebhookBody(
  secret: string | Buffer,
  timestamp: string | number,
  rawBody: string | Buffer,
): string {
  const hmac = createHmac("sha256", secret).update(`${timestamp}.`).update(rawBody);
  return `sha256=${hmac.digest("hex")}`;
}

export interface WebhookSignatureCheck {
  secret: string | Buffer;
  /** The x-shield-timestamp header. */
  timestamp: string | number | undefined;
  /** The request body exactly as received, before any JSON parsing. */
  rawBody: string | Buffer;
  /** The x-shield-signature header. */
  signature: string | undefined;
  toleranceSeconds?: number;
  /** The receiver's clock, in milliseconds (defaults to Date.now()). */
  now?: number;
}

/** True when the request was signed with `secret` within `toleranceSeconds` (default 300) of `now`. */
export function verifyWebhookSignature(check: WebhookSignatureCheck): boolean {
  const { timestamp, signature, toleranceSeconds = 300, now = Date.now() } = check;
  if (signature === undefined || timestamp === undefined || !/^\d{1,12}$/.test(String(timestamp)))
    return false;
  if (Math.abs(now / 1000 - Number(timestamp)) > toleranceSeconds) return false;
  const expected = Buffer.from(signWebhookBody(check.secret, String(timestamp), check.rawBody));
  const given = Buffer.from(signature);
  return given.length === expected.length && timingSafeEqual(given, expected);
}
