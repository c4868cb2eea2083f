// The shape of alert delivery: what an alert says, who it goes to, and what one attempt to deliver it
// on one channel (email, webhook, web push) came to. Retrying and escalation live elsewhere.

export type ChannelName = "email" | "webhook" | "push";

/** What an alert says, composed elsewhere (pure core code). No secrets; may contain names and places. */
export interface OutgoingMessage {
  /**
   * Stable id of this delivery: goes in Message-ID / X-Shield-Delivery / push tag so a repeat can be recognised.
   * Letters, digits and `_ = + -`, optionally in dot-separated parts (a UUID or ULID fits), at most 128
   * characters: anything else is refused as not retryable, as it cannot go safely into a Message-ID or header.
   */
  deliveryId: string;
  subject: string; // email subject / push title
  text: string; // plain-text body (email text part, SMS text, push body)
  acknowledgeUrl?: string; // link the recipient opens to acknowledge
  /** Where a notification opens when there is nothing to acknowledge (e.g. a reminder: the session page). */
  openUrl?: string;
  /** Notifications with the same tag replace each other (e.g. one reminder per session on screen). */
  tag?: string;
  /** Structured alert for webhook receivers (SMS gateways, chat tools): sent as the JSON body's `alert` member. */
  data: Record<string, unknown>;
}

export interface EmailAddressee {
  channel: "email";
  address: string;
  name?: string;
}
export interface WebhookAddressee {
  channel: "webhook";
  phone?: string;
  name?: string;
}
export interface PushAddressee {
  channel: "push";
  subscription: { endpoint: string; keys: { p256dh: string; auth: string } };
}
export type Addressee = EmailAddressee | WebhookAddressee | PushAddressee;

/** Result of one attempt. `retryable: false` means give up (e.g. 4xx other than 408/429, push subscription gone 404/410). */
export type AttemptOutcome =
  | { ok: true; detail?: string } // e.g. SMTP response "250 OK", "HTTP 200"
  | { ok: false; retryable: boolean; detail: string }; // short, NEVER contains message text

export interface Channel {
  readonly name: ChannelName;
  /** Where it delivers, for the startup log: no credentials, no URL paths (they can hold tokens). */
  readonly description?: string;
  send(to: Addressee, message: OutgoingMessage): Promise<AttemptOutcome>;
}

export interface Channels {
  email?: Channel;
  webhook?: Channel;
  push?: Channel;
}
