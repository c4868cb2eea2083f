// The words for a canvass session's states, alert reasons and deliveries. Each state has a mark as
// well as a colour, so that colour never carries the meaning alone.
import type { AlertReason, CanvassStatus, DeliveryChannel, DeliveryStatus } from "./types.ts";

export const STATUS_WORDS: Record<CanvassStatus, string> = {
  planned: "Planned, not started",
  active: "Out canvassing",
  due: "Check-in due soon",
  overdue: "Missed a check-in",
  escalated: "Contacts alerted",
  acknowledged: "Alert acknowledged",
  closed: "Ended",
};

export const STATUS_MARK: Record<CanvassStatus, string> = {
  planned: "○",
  active: "●",
  due: "⏰",
  overdue: "⚠",
  escalated: "⚠",
  acknowledged: "✓",
  closed: "■",
};

/** The status's colour family, for the badge's class. */
export const STATUS_TONE: Record<CanvassStatus, "calm" | "soon" | "alarm" | "handled" | "done"> = {
  planned: "done",
  active: "calm",
  due: "soon",
  overdue: "alarm",
  escalated: "alarm",
  acknowledged: "handled",
  closed: "done",
};

/** Why an alert went out, after "Why: ". */
export const REASON_WORDS: Record<AlertReason, string> = {
  "missed-check-in": "a check-in was missed",
  overran: "the session ran past its planned end",
  unsafe: '"I feel unsafe" was pressed',
  danger: `"I'm in danger" was pressed`,
};

/** The same said to the person out, with the time: "Because your check-in due at 15:12 was missed." */
export function becauseOf(reason: string, at: string): string {
  switch (reason) {
    case "missed-check-in":
      return `Because your check-in due at ${at} was missed.`;
    case "overran":
      return `Because the session ran past its planned end at ${at}.`;
    case "unsafe":
      return `Because "I feel unsafe" was pressed at ${at}.`;
    case "danger":
      return `Because "I'm in danger" was pressed at ${at}.`;
    default:
      return `Because of ${reason.replace(/-/g, " ")} at ${at}.`;
  }
}

export const reasonWords = (reason: string) =>
  (REASON_WORDS as Record<string, string | undefined>)[reason] ?? reason.replace(/-/g, " ");

export const CHANNEL_WORDS: Record<DeliveryChannel, string> = {
  email: "Email",
  sms: "Text message",
  webhook: "Webhook",
  push: "Phone notification",
  "in-app": "In the app",
};

export const channelWords = (channel: string) =>
  (CHANNEL_WORDS as Record<string, string | undefined>)[channel] ?? channel;

export const DELIVERY_WORDS: Record<DeliveryStatus, { mark: string; words: string }> = {
  pending: { mark: "…", words: "Waiting to send" },
  sending: { mark: "…", words: "Sending" },
  sent: { mark: "✓", words: "Sent" },
  failed: { mark: "✗", words: "Failed" },
};

export const deliveryWords = (status: string) =>
  (DELIVERY_WORDS as Record<string, { mark: string; words: string } | undefined>)[status] ?? {
    mark: "?",
    words: status,
  };

/** "Amira", "Amira and Tom", "Amira, Tom and Sam". */
export function listOfNames(names: readonly string[]): string {
  if (names.length === 0) return "nobody";
  if (names.length === 1) return names[0]!;
  return `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}
