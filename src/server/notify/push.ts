// The web push channel: an alert shown as a notification by the browser of a phone that subscribed.
// web-push builds the request (VAPID JWT, aes128gcm encryption); we send it with fetch so the whole
// attempt, not just an idle socket, is bounded by the timeout.
import { createHash } from "node:crypto";
import webpush, { type RequestDetails } from "web-push";
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
import type { Channel, OutgoingMessage } from "./types.ts";
import type { VapidKeys } from "./vapid.ts";

export interface PushChannelOptions {
  vapid: VapidKeys;
  /** A mailto: or https: URL where the push service can reach the operator. */
  subject: string;
  timeoutMs?: number;
  /**
   * Accept http: endpoints (a local push service in tests). Browsers only hand out https: endpoints, and
   * an endpoint comes from the client, so outside tests this would let anyone aim POSTs at internal hosts.
   */
  allowInsecureEndpoints?: boolean;
}

const TTL_SECONDS = 3600;
// Push services refuse messages over 4096 bytes; aes128gcm adds 103 of its own. A notification shows
// only a few lines anyway.
const MAX_PAYLOAD_BYTES = 3800;
const MAX_TITLE = 200;
const MAX_BODY = 1000;

export function createPushChannel(options: PushChannelOptions): Channel {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const vapidDetails = { subject: options.subject, ...options.vapid };
  // Fails now, at start-up, on a bad subject or key rather than at the first alert.
  webpush.getVapidHeaders(
    "https://push.example",
    vapidDetails.subject,
    vapidDetails.publicKey,
    vapidDetails.privateKey,
    "aes128gcm",
  );
  return {
    name: "push",
    description: `web push (VAPID ${options.vapid.publicKey.slice(0, 12)}…)`,
    async send(to, message) {
      if (to.channel !== "push") return wrongAddressee("push", to);
      if (!isValidDeliveryId(message.deliveryId)) return invalidDeliveryId();
      let endpoint: URL;
      try {
        endpoint = new URL(to.subscription.endpoint);
      } catch {
        return failure(false, "invalid-subscription (endpoint)");
      }
      if (
        endpoint.protocol !== "https:" &&
        !(options.allowInsecureEndpoints && endpoint.protocol === "http:")
      ) {
        return failure(false, "invalid-subscription (endpoint is not https)");
      }
      const payload = payloadFor(message);
      if (!payload) return failure(false, "payload-too-large");
      let request: RequestDetails;
      try {
        request = webpush.generateRequestDetails(to.subscription, payload, {
          vapidDetails,
          TTL: TTL_SECONDS,
          urgency: "high",
          contentEncoding: "aes128gcm",
          // A retry of the same delivery replaces a copy still queued at the push service.
          topic: createHash("sha256").update(message.deliveryId).digest("base64url").slice(0, 32),
        });
      } catch {
        return failure(false, "invalid-subscription (keys)");
      }
      const headers: Record<string, string> = {};
      for (const [name, value] of Object.entries(request.headers)) {
        if (name.toLowerCase() !== "content-length") headers[name] = String(value);
      }
      try {
        const response = await fetch(endpoint, {
          method: "POST",
          headers,
          body: request.body,
          redirect: "manual",
          signal: AbortSignal.timeout(timeoutMs),
        });
        await response.body?.cancel().catch(() => undefined);
        return httpOutcome(response.status, true);
      } catch (error) {
        if (isTimeout(error)) return failure(true, `timeout after ${timeoutMs} ms`);
        return failure(true, errorCode(error));
      }
    },
  };
}

/** The notification JSON, the body cut short to fit; null if even an empty body would not fit. */
function payloadFor(message: OutgoingMessage): string | null {
  const fields = {
    title: truncate(message.subject, MAX_TITLE, MAX_PAYLOAD_BYTES),
    body: "",
    url: message.acknowledgeUrl ?? message.openUrl ?? "/canvass",
    tag: message.tag ?? message.deliveryId,
  };
  const room = MAX_PAYLOAD_BYTES - Buffer.byteLength(JSON.stringify(fields));
  if (room < 0) return null;
  return JSON.stringify({ ...fields, body: truncate(message.text, MAX_BODY, room) });
}

/** At most `maxChars` characters and `maxBytes` bytes once JSON-encoded, ending "…" when cut. */
function truncate(value: string, maxChars: number, maxBytes: number): string {
  const chars = Array.from(value);
  const size = (s: string) => Buffer.byteLength(JSON.stringify(s)) - 2;
  if (chars.length <= maxChars && size(value) <= maxBytes) return value;
  let bytes = size("…");
  let kept = 0;
  for (const char of chars) {
    bytes += size(char);
    if (kept === maxChars - 1 || bytes > maxBytes) break;
    kept++;
  }
  return bytes > maxBytes && kept === 0 ? "" : `${chars.slice(0, kept).join("")}…`;
}
