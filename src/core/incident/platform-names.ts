// Each platform's name as people write it (a module of its own: the app's first page uses it without the schemas).
import type { Platform } from "./model.ts";

export const PLATFORM_NAMES: Record<Platform, string> = {
  x: "X",
  facebook: "Facebook",
  instagram: "Instagram",
  tiktok: "TikTok",
  youtube: "YouTube",
  whatsapp: "WhatsApp",
  telegram: "Telegram",
  linkedin: "LinkedIn",
  bluesky: "Bluesky",
  threads: "Threads",
  reddit: "Reddit",
  nextdoor: "Nextdoor",
  other: "Another platform",
};
