// Words for the codes the API uses, so people never see "phone-call" or "profile-url".
import type {
  ActorIdentifierKind,
  Channel,
  EVIDENCE_SOURCES,
  FollowUpKind,
  Platform,
  TargetedGroup,
} from "../../../../src/core/incident/model.ts";
import type { FindingKind, WarningBehaviour } from "../../../../src/core/patterns/types.ts";
import type { FollowUpRoute, VerdictCause } from "./types.ts";

export type EvidenceSource = (typeof EVIDENCE_SOURCES)[number];

export const CHANNEL_LABEL: Record<Channel, string> = {
  doorstep: "On the doorstep",
  hustings: "At a hustings",
  street: "In the street",
  office: "At the office",
  home: "At home",
  letter: "Letter",
  "phone-call": "Phone call",
  "text-message": "Text message",
  email: "Email",
  "social-media": "Social media",
  "other-online": "Other online",
  other: "Other",
};
export const CHANNELS = Object.keys(CHANNEL_LABEL) as Channel[];

export const PLATFORM_LABEL: Record<Platform, string> = {
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
export const PLATFORMS = Object.keys(PLATFORM_LABEL) as Platform[];

/** Channels where a platform may be named (the server refuses a platform for any other). */
export const ONLINE_CHANNELS: ReadonlySet<Channel> = new Set<Channel>(["social-media", "other-online"]);

/** "Social media (Threads)", "Email". */
export function channelText(channel: Channel, platform?: Platform | null): string {
  const base = CHANNEL_LABEL[channel] ?? channel;
  return platform ? `${base} (${PLATFORM_LABEL[platform] ?? platform})` : base;
}

export const TARGETED_LABEL: Record<TargetedGroup, string> = {
  candidate: "The candidate",
  family: "Family",
  staff: "Staff",
  volunteer: "Volunteers",
  other: "Someone else",
};

export const SOURCE_LABEL: Record<EvidenceSource, string> = {
  screenshot: "Screenshot",
  photo: "Photo",
  "message-copy": "Copy of the message",
  "email-export": "Exported email",
  recording: "Recording",
  "letter-scan": "Scan of a letter",
  document: "Document",
  other: "Other",
};
export const SOURCES = Object.keys(SOURCE_LABEL) as EvidenceSource[];

export const EVIDENCE_KIND_LABEL: Record<"text" | "url" | "file", string> = {
  text: "Message text",
  url: "Link",
  file: "File",
};

export const FOLLOW_UP_LABEL: Record<FollowUpKind, string> = {
  "police-reference": "Police reference number",
  action: "Action taken",
  outcome: "Outcome",
  note: "Note",
};
export const FOLLOW_UP_KINDS = Object.keys(FOLLOW_UP_LABEL) as FollowUpKind[];

export const CONTACT_ROUTE_LABEL: Record<FollowUpRoute, string> = {
  "999": "999",
  "101": "101",
  spoc: "The force's contact for candidates (SPOC)",
  online: "Online report",
  "in-person": "In person",
  other: "Another way",
};
export const CONTACT_ROUTES = Object.keys(CONTACT_ROUTE_LABEL) as FollowUpRoute[];

export const IDENTIFIER_LABEL: Record<ActorIdentifierKind, string> = {
  name: "Name",
  handle: "Handle or username",
  "profile-url": "Profile address",
  email: "Email address",
  phone: "Phone number",
  vehicle: "Vehicle registration",
  other: "Something else",
};
export const IDENTIFIER_KINDS = Object.keys(IDENTIFIER_LABEL) as ActorIdentifierKind[];

export const CAUSE_LABEL: Record<VerdictCause, string> = {
  recorded: "When it was recorded",
  amended: "After an amendment",
  evidence: "After evidence was added",
  patterns: "After other incidents showed a pattern",
  "rules-updated": "After Shield's rules were updated",
};

export const FINDING_LABEL: Record<FindingKind, string> = {
  "course-of-conduct": "Repeated contact (course of conduct)",
  "fear-of-violence-repeated": "Fear of violence more than once",
  "several-targets": "More than one person targeted",
  stalking: "Signs of stalking",
  "energy-burst": "A sudden burst of incidents",
  "rising-severity": "Getting more serious",
  "online-to-in-person": "From online to in person",
  "approach-home": "Came to the home",
  fixation: "Fixation on one theme",
  "warning-behaviour": "Warning behaviour",
};

export const WARNING_LABEL: Record<WarningBehaviour, string> = {
  pathway: "research or preparation",
  fixation: "fixation",
  identification: "identifying with attackers",
  "novel-aggression": "new aggression",
  "energy-burst": "burst of activity",
  leakage: "telling others of intent",
  "last-resort": "last-resort thinking",
  "directly-communicated-threat": "a direct threat",
};

export function findingTitle(f: { kind: FindingKind; warningBehaviour?: WarningBehaviour; theme?: string }) {
  const base = FINDING_LABEL[f.kind] ?? f.kind;
  if (f.kind === "warning-behaviour" && f.warningBehaviour)
    return `${base}: ${WARNING_LABEL[f.warningBehaviour] ?? f.warningBehaviour}`;
  if (f.kind === "fixation" && f.theme) return `${base}: “${f.theme}”`;
  return base;
}

export const plural = (n: number, one: string, many = `${one}s`) => `${n} ${n === 1 ? one : many}`;
