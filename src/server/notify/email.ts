// The email channel: one alert, one SMTP submission through nodemailer, to the server in the
// deployment's SMTP URL (smtp://user:pass@host:587, smtps://…:465, with nodemailer's ?options).
import { createTransport } from "nodemailer";
import type { NodemailerError } from "nodemailer";
import {
  DEFAULT_TIMEOUT_MS,
  clip,
  errorCode,
  failure,
  invalidDeliveryId,
  isValidDeliveryId,
  wrongAddressee,
} from "./outcome.ts";
import type { AttemptOutcome, Channel, OutgoingMessage } from "./types.ts";

export interface EmailChannelOptions {
  smtpUrl: string;
  /** The From header, e.g. `Shield alerts <alerts@example.org>`. */
  from: string;
  timeoutMs?: number;
}

export function createEmailChannel(options: EmailChannelOptions): Channel {
  const timeoutMs = options.timeoutMs ?? DEFAULT_TIMEOUT_MS;
  const transport = createTransport({
    url: options.smtpUrl,
    connectionTimeout: timeoutMs,
    greetingTimeout: timeoutMs,
    socketTimeout: timeoutMs,
    dnsTimeout: timeoutMs,
    logger: false,
    debug: false,
  });
  return {
    name: "email",
    description: describeSmtpUrl(options.smtpUrl),
    async send(to, message) {
      if (to.channel !== "email") return wrongAddressee("email", to);
      if (!isValidDeliveryId(message.deliveryId)) return invalidDeliveryId();
      try {
        const info = await transport.sendMail({
          from: options.from,
          to: to.name ? { name: to.name, address: to.address } : to.address,
          subject: message.subject,
          text: plainText(message),
          html: html(message),
          textEncoding: "quoted-printable",
          messageId: `<${message.deliveryId}@shield>`,
          headers: { "X-Shield-Delivery": message.deliveryId, "Auto-Submitted": "auto-generated" },
          disableFileAccess: true,
          disableUrlAccess: true,
          signal: AbortSignal.timeout(timeoutMs),
        });
        return { ok: true, detail: clip(String(info.response ?? "accepted")) };
      } catch (error) {
        return smtpFailure(error as NodemailerError, timeoutMs);
      }
    },
  };
}

/** smtp://host:port without the credentials, for the startup log. */
export function describeSmtpUrl(smtpUrl: string): string {
  try {
    const url = new URL(smtpUrl);
    return `${url.protocol}//${url.host}`;
  } catch {
    return "(unparseable SMTP URL)";
  }
}

function plainText(message: OutgoingMessage): string {
  const link = message.acknowledgeUrl;
  if (!link || message.text.includes(link)) return message.text;
  return `${message.text}\n\nTo acknowledge this alert, open: ${link}\n`;
}

function html(message: OutgoingMessage): string {
  const paragraphs = message.text
    .split(/\n{2,}/)
    .map((p) => `<p>${escapeHtml(p).replace(/\n/g, "<br>")}</p>`)
    .join("\n");
  const link = message.acknowledgeUrl;
  // Only http(s) links become anchors: a javascript: URL must not be clickable.
  const ack =
    link && /^https?:\/\//i.test(link)
      ? `\n<p><a href="${escapeHtml(link)}">Acknowledge this alert</a></p>`
      : "";
  return `<!doctype html>\n<html><body>\n${paragraphs}${ack}\n</body></html>\n`;
}

function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => `&#${c.charCodeAt(0)};`);
}

function smtpFailure(error: NodemailerError, timeoutMs: number): AttemptOutcome {
  if (error?.code === "EABORT" || error?.name === "AbortError" || error?.name === "TimeoutError") {
    return failure(true, `timeout after ${timeoutMs} ms`);
  }
  const code = error?.responseCode;
  if (typeof code === "number" && code >= 400) {
    const said = `SMTP ${clip(error.response ?? String(code))}${error.command ? ` (${error.command})` : ""}`;
    // 4xx is transient by definition; 503 means "bad sequence" in this session, not a refusal.
    return failure(code < 500 || code === 503, clip(said, 160));
  }
  switch (error?.code) {
    case "ENOAUTH":
    case "ECONFIG":
    case "EENVELOPE": // a malformed address: sending it again gives the same answer
    case "EREQUIRETLS":
      return failure(false, error.code);
    default: {
      const original =
        error?.originalCode && error.originalCode !== error.code ? ` ${error.originalCode}` : "";
      return failure(true, `${errorCode(error)}${original}`);
    }
  }
}
