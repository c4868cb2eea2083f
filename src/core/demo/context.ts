// Per-incident helpers for the demo scenario: timestamps inside the six-week window, display
// formats, reference numbers and evidence builders. Pure: time comes from the `now` passed in.
import type { Platform } from "../incident/model.ts";
import {
  renderDefacedBoard,
  renderDoorbellStill,
  renderLetterScan,
  renderScreenshot,
  type Rgb,
} from "./png.ts";
import type { Rng } from "./prng.ts";
import type { DemoEvidence } from "./types.ts";
import { renderVoicemail } from "./wav.ts";

export const MINUTE = 60_000;
export const HOUR = 60 * MINUTE;
export const DAY = 24 * HOUR;
/** Length of the demo campaign window. */
export const WINDOW_DAYS = 42;

const WEEKDAYS = ["Sunday", "Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday"] as const;
const MONTHS = ["Jan", "Feb", "Mar", "Apr", "May", "Jun", "Jul", "Aug", "Sep", "Oct", "Nov", "Dec"] as const;

const pad = (n: number, w = 2) => String(n).padStart(w, "0");

/** The time frame of the campaign: day 0 is the first whole day after now - 42 days. */
export class Timeline {
  readonly start: number;
  readonly end: number;
  readonly day0: number;
  constructor(now: Date) {
    const end = now.getTime();
    if (!Number.isFinite(end)) throw new Error("buildDemoCampaign: invalid `now`");
    this.end = end;
    this.start = end - WINDOW_DAYS * DAY;
    const s = new Date(this.start);
    this.day0 = Date.UTC(s.getUTCFullYear(), s.getUTCMonth(), s.getUTCDate()) + DAY;
  }
  clamp(ms: number): number {
    return Math.min(this.end, Math.max(this.start, ms));
  }
  /** Day d (0..40) at hh:mm (times are treated as UK clock time written in UTC). */
  at(day: number, hour: number, minute: number): number {
    return this.clamp(this.day0 + day * DAY + hour * HOUR + minute * MINUTE);
  }
}

export const iso = (ms: number) => new Date(ms).toISOString();
export const dm = (ms: number) => {
  const d = new Date(ms);
  return `${pad(d.getUTCDate())}/${pad(d.getUTCMonth() + 1)}`;
};
export const hm = (ms: number) => {
  const d = new Date(ms);
  return `${pad(d.getUTCHours())}:${pad(d.getUTCMinutes())}`;
};
export const weekday = (ms: number) => WEEKDAYS[new Date(ms).getUTCDay()] as string;
/** "Tue 14 Apr" */
export const shortDate = (ms: number) => {
  const d = new Date(ms);
  return `${weekday(ms).slice(0, 3)} ${d.getUTCDate()} ${MONTHS[d.getUTCMonth()]}`;
};
/** RFC 2822 style date, as an email header would show it. */
export const mailDate = (ms: number) => new Date(ms).toUTCString().replace("GMT", "+0000");

export const ACCENTS: Record<string, Rgb> = {
  X: [15, 20, 25],
  Instagram: [193, 53, 132],
  Facebook: [24, 119, 242],
  TikTok: [37, 37, 42],
  YouTube: [220, 0, 0],
  WhatsApp: [18, 140, 126],
  Messages: [52, 170, 89],
  Nextdoor: [0, 160, 80],
};

export const APP_NAME: Partial<Record<Platform, string>> = {
  x: "X",
  instagram: "Instagram",
  facebook: "Facebook",
  tiktok: "TikTok",
  youtube: "YouTube",
  whatsapp: "WhatsApp",
  nextdoor: "Nextdoor",
};

/** Fictional host for a platform's URLs (example domains only). */
export const PLATFORM_HOST: Partial<Record<Platform, string>> = {
  x: "x.example.com",
  facebook: "facebook.example.com",
  instagram: "instagram.example.com",
  tiktok: "tiktok.example.com",
  youtube: "youtube.example.com",
  nextdoor: "nextdoor.example.com",
  threads: "threads.example.com",
  bluesky: "bsky.example.com",
  reddit: "reddit.example.com",
  linkedin: "linkedin.example.com",
};

/** Helpers for one incident, bound to its occurrence time and its own random stream. */
export class SceneContext {
  constructor(
    readonly timeline: Timeline,
    readonly t: number,
    readonly rng: Rng,
  ) {}

  get occurredAt(): string {
    return iso(this.t);
  }
  /** A moment `minutes` after the incident, never after `now`. */
  after(minutes: number): string {
    return iso(this.timeline.clamp(this.t + minutes * MINUTE));
  }
  /** Display date of campaign day d, e.g. "Tue 14 Apr". */
  dateOfDay(day: number): string {
    return shortDate(this.timeline.day0 + day * DAY);
  }
  weekdayIn(days: number): string {
    return weekday(this.t + days * DAY);
  }
  get dm(): string {
    return dm(this.t);
  }
  get hm(): string {
    return hm(this.t);
  }
  get shortDate(): string {
    return shortDate(this.t);
  }
  get mailDate(): string {
    return mailDate(this.t);
  }
  get year(): number {
    return new Date(this.t).getUTCFullYear();
  }
  digits(n: number): string {
    let s = String(this.rng.int(1, 9));
    while (s.length < n) s += String(this.rng.int(0, 9));
    return s;
  }
  /** A police command-and-control log number as officers quote it, e.g. "CAD 1234 21/10". */
  cad(): string {
    return `CAD ${this.digits(4)} ${this.dm}`;
  }
  /** A crime reference number in a plausible (fictional) force format. */
  crimeRef(): string {
    return `13${String(this.year).slice(2)}${this.digits(7)}`;
  }
  /** A post URL on the fictional host of a platform. */
  postUrl(platform: Platform, account: string): string {
    const host = PLATFORM_HOST[platform] ?? "social.example.com";
    const handle = account.replace(/^@/, "");
    switch (platform) {
      case "x":
        return `https://${host}/${handle}/status/${this.digits(19)}`;
      case "instagram":
        return `https://${host}/p/${this.digits(11)}`;
      case "facebook":
        return `https://${host}/${handle}/posts/${this.digits(16)}`;
      case "tiktok":
        return `https://${host}/@${handle}/video/${this.digits(19)}`;
      case "youtube":
        return `https://${host}/watch?v=${this.digits(11)}&lc=${this.digits(12)}`;
      case "reddit":
        return `https://${host}/r/Wrenfield/comments/${this.digits(8)}`;
      case "bluesky":
        return `https://${host}/profile/${handle}/post/${this.digits(13)}`;
      default:
        return `https://${host}/${handle}/${this.digits(12)}`;
    }
  }

  text(
    text: string,
    source: "message-copy" | "email-export" | "other" = "message-copy",
    minutes = 5,
  ): DemoEvidence {
    return { kind: "text", text, source, capturedAt: this.after(minutes) };
  }
  url(url: string, minutes = 6): DemoEvidence {
    return { kind: "url", url, source: "other", capturedAt: this.after(minutes) };
  }
  screenshot(app: string, author: string, message: string, minutes = 4): DemoEvidence {
    const capturedAtMs = this.timeline.clamp(this.t + minutes * MINUTE);
    const bytes = renderScreenshot(this.rng, {
      app,
      accent: ACCENTS[app] ?? [60, 60, 70],
      author,
      timestamp: `${hm(this.t)} - ${shortDate(this.t)}`,
      message,
      clock: hm(capturedAtMs),
    });
    return {
      kind: "file",
      filename: `screenshot-${app.toLowerCase()}-${dm(this.t).replace("/", "-")}-${hm(this.t).replace(":", "")}.png`,
      mediaType: "image/png",
      bytes,
      source: "screenshot",
      capturedAt: iso(capturedAtMs),
    };
  }
  letterScan(text: string, name: string, minutes = 90): DemoEvidence {
    return {
      kind: "file",
      filename: `${name}.png`,
      mediaType: "image/png",
      bytes: renderLetterScan(this.rng, text),
      source: "letter-scan",
      capturedAt: this.after(minutes),
    };
  }
  boardPhoto(poster: string, graffiti: string, minutes = 10): DemoEvidence {
    return {
      kind: "file",
      filename: `photo-campaign-board-${dm(this.t).replace("/", "-")}.png`,
      mediaType: "image/png",
      bytes: renderDefacedBoard(this.rng, poster, graffiti),
      source: "photo",
      capturedAt: this.after(minutes),
    };
  }
  doorbellStill(plate: string, minutes = 30): DemoEvidence {
    const stamp = `CAM1 ${dm(this.t)} ${hm(this.t)}`;
    return {
      kind: "file",
      filename: `doorbell-camera-${dm(this.t).replace("/", "-")}-${hm(this.t).replace(":", "")}.png`,
      mediaType: "image/png",
      bytes: renderDoorbellStill(this.rng, plate, stamp),
      source: "photo",
      capturedAt: this.after(minutes),
    };
  }
  voicemail(minutes = 20): DemoEvidence {
    return {
      kind: "file",
      filename: `voicemail-${dm(this.t).replace("/", "-")}-${hm(this.t).replace(":", "")}.wav`,
      mediaType: "audio/wav",
      bytes: renderVoicemail(this.rng),
      source: "recording",
      capturedAt: this.after(minutes),
    };
  }
}
