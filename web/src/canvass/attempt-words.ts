// What a channel answered to an attempt at sending an alert, in plain words. Apart from words.ts, which
// the first page loads, because only the session page's alert list needs it.
import { channelWords } from "./words.ts";

/**
 * What a channel answered to one attempt, in plain words where it is a known answer ("250 2.0.0 OK" →
 * "accepted by the mail server"), otherwise the channel's own short words (never message text).
 */
export function attemptWords(channel: string, ok: boolean, detail: string | null): string {
  const said = detail?.trim() ?? "";
  if (!said) return ok ? "accepted" : "no reason was given";
  if (said.startsWith("not sent:")) return said;
  const http = /^HTTP (\d{3})/.exec(said);
  if (ok) {
    if (channel === "email" && /^2\d\d\b/.test(said)) return "accepted by the mail server";
    if (http && channel === "push") return "accepted by the browser's notification service";
    if (http) return "accepted by the SMS/chat service";
    return said;
  }
  if (/^subscription-gone\b/.test(said)) return "this browser no longer accepts notifications";
  if (/^invalid-subscription\b/.test(said)) return "this browser's notification details are not valid";
  const timeout = /^timeout after (\d+) ms/.exec(said);
  if (timeout) return `no answer within ${Math.round(Number(timeout[1]) / 1000)} seconds`;
  const none = /^no (\S+) channel is configured/.exec(said);
  if (none) return `not sent: this Shield cannot send ${(channelWords(none[1]!) || none[1]!).toLowerCase()}s`;
  if (channel === "email" && /^[45]\d\d\b/.test(said)) return `refused by the mail server (${said})`;
  if (http) {
    const status = Number(http[1]);
    if (status === 429) return `the service asked Shield to slow down (${said})`;
    if (status >= 500) return `the service had a problem (${said})`;
    return `refused by the service (${said})`;
  }
  if (/^(ECONNREFUSED|ECONNRESET|EHOSTUNREACH|ENETUNREACH)\b/.test(said))
    return `could not connect to the server (${said})`;
  if (/^(ENOTFOUND|EAI_AGAIN)\b/.test(said)) return `the server's name could not be found (${said})`;
  return said;
}
