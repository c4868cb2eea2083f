// Which alert channels this deployment has, from its configuration. Push needs nothing configured (its
// keys come from the master key); email needs an SMTP server, the webhook a URL and a shared secret.
import { createEmailChannel } from "./email.ts";
import { createPushChannel } from "./push.ts";
import type { Channels } from "./types.ts";
import { vapidKeysFrom } from "./vapid.ts";
import { createWebhookChannel } from "./webhook.ts";

export interface ChannelsConfig {
  smtpUrl?: string;
  mailFrom?: string;
  webhookUrl?: string;
  webhookSecret?: string;
  publicUrl: string;
  masterKey: Buffer;
  /** Per-attempt timeout for every channel (default 10 s). */
  timeoutMs?: number;
  /** Let push go to http: endpoints: only for tests with a local push service. */
  allowInsecurePushEndpoints?: boolean;
}

const MIN_SECRET_LENGTH = 16;

export function channelsFromConfig(config: ChannelsConfig): Channels {
  const channels: Channels = {};
  const timeoutMs = config.timeoutMs;
  if (config.smtpUrl) {
    if (!/^smtps?:\/\//i.test(config.smtpUrl)) {
      throw new Error(
        "SMTP_URL must be an smtp:// or smtps:// URL, e.g. smtp://user:password@mail.example.org:587",
      );
    }
    if (!config.mailFrom) {
      throw new Error("MAIL_FROM must be set when SMTP_URL is: the From address of alert emails");
    }
    channels.email = createEmailChannel({ smtpUrl: config.smtpUrl, from: config.mailFrom, timeoutMs });
  }
  if (config.webhookUrl) {
    if (!/^https?:\/\//i.test(config.webhookUrl) || !URL.canParse(config.webhookUrl)) {
      throw new Error("ALERT_WEBHOOK_URL must be an http:// or https:// URL");
    }
    if (!config.webhookSecret) {
      throw new Error(
        "ALERT_WEBHOOK_SECRET must be set when ALERT_WEBHOOK_URL is: alerts are signed with it so the receiver can check they come from Shield",
      );
    }
    if (config.webhookSecret.length < MIN_SECRET_LENGTH) {
      throw new Error(
        `ALERT_WEBHOOK_SECRET must be at least ${MIN_SECRET_LENGTH} characters (use a random value)`,
      );
    }
    channels.webhook = createWebhookChannel({
      url: config.webhookUrl,
      secret: config.webhookSecret,
      timeoutMs,
    });
  }
  channels.push = createPushChannel({
    vapid: vapidKeysFrom(config.masterKey),
    subject: vapidSubject(config),
    timeoutMs,
    allowInsecureEndpoints: config.allowInsecurePushEndpoints,
  });
  return channels;
}

/** One line for the startup log: which channels are on and where they deliver, without secrets. */
export function describeChannels(channels: Channels): string {
  const parts = (["email", "webhook", "push"] as const).flatMap((name) => {
    const channel = channels[name];
    return channel ? [channel.description ? `${name}: ${channel.description}` : name] : [];
  });
  return parts.length ? `alert channels: ${parts.join("; ")}` : "alert channels: none";
}

// Push services want a way to contact the sender: the site if it is public over https, otherwise the
// alert mail's From address. (Apple rejects localhost subjects.)
function vapidSubject(config: ChannelsConfig): string {
  const site = new URL(config.publicUrl);
  if (site.protocol === "https:" && site.hostname !== "localhost") return site.origin;
  const address = config.mailFrom?.match(/<([^<>\s]+@[^<>\s]+)>/)?.[1] ?? config.mailFrom?.trim();
  if (address && /^[^\s@<>]+@[^\s@<>]+$/.test(address)) return `mailto:${address}`;
  return `mailto:shield@${site.hostname || "localhost"}`;
}
