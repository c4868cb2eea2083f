// Plain-English names for the incident model's codes, shared by the forms and lists.
import type { Channel, Platform, TargetedGroup } from "../types.ts";
import type { Characteristic } from "../../../src/core/analysis/types.ts";

export const CHANNEL_LABEL: Record<Channel, string> = {
  doorstep: "On the doorstep",
  hustings: "At a hustings or public meeting",
  street: "In the street or out canvassing",
  office: "At the campaign office",
  home: "At or near home",
  letter: "Letter or leaflet",
  "phone-call": "Phone call",
  "text-message": "Text message",
  email: "Email",
  "social-media": "Social media",
  "other-online": "Another website or app",
  other: "Somewhere else",
};

export const PLATFORM_LABEL: Record<Platform, string> = {
  x: "X (Twitter)",
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

export const TARGETED_LABEL: Record<TargetedGroup, string> = {
  candidate: "Me, the candidate",
  family: "Family",
  staff: "Campaign staff",
  volunteer: "Volunteers",
  other: "Someone else",
};

export const CHARACTERISTIC_LABEL: Record<Characteristic, string> = {
  race: "Race or ethnicity",
  religion: "Religion or belief",
  "sexual-orientation": "Sexuality",
  "gender-identity": "Gender identity",
  disability: "Disability",
  sex: "Sex",
};
