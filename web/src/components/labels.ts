// Words for the codes the API uses, so people never see "phone-call" or "profile-url". The record and
// check forms offer some choices in fuller words than the lists and facts name them with.
import type {
  ActorIdentifierKind,
  Channel,
  FollowUpKind,
  Platform,
  TargetedGroup,
} from "../../../src/core/incident/model.ts";
import { PLATFORM_NAMES } from "../../../src/core/incident/platform-names.ts";
import type { Characteristic } from "../../../src/core/analysis/types.ts";
import type { FindingKind, WarningBehaviour } from "../../../src/core/patterns/types.ts";
import type { EvidenceSource, FollowUpRoute, VerdictCause } from "./incidents/types.ts";

/** How an incident happened, in lists, facts and filters. */
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

/** The same, as the record and check forms offer it. */
export const CHANNEL_CHOICE_LABEL: Record<Channel, string> = {
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

export const PLATFORM_LABEL: Record<Platform, string> = PLATFORM_NAMES;

/** The same, as the record form offers it. */
export const PLATFORM_CHOICE_LABEL: Record<Platform, string> = { ...PLATFORM_LABEL, x: "X (Twitter)" };

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

/** The same, as the record form offers it to the person recording. */
export const TARGETED_CHOICE_LABEL: Record<TargetedGroup, string> = {
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
