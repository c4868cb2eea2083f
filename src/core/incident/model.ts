// The incident record: what a candidate or their team writes down about one event.
// Fields follow the evidence-log research (shared/research/domain-rules.md §4) and
// DESIGN.md capability 1. These zod schemas are the single definition used by the
// server (validation + OpenAPI), the CLI and, later, the browser forms.
import { z } from "zod";
import { CHARACTERISTICS } from "../analysis/types.ts";

export const CHANNELS = [
  "doorstep",
  "hustings",
  "street",
  "office",
  "home",
  "letter",
  "phone-call",
  "text-message",
  "email",
  "social-media",
  "other-online",
  "other",
] as const;
export type Channel = (typeof CHANNELS)[number];

/** Face to face: someone was there. */
export const IN_PERSON_CHANNELS: ReadonlySet<Channel> = new Set([
  "doorstep",
  "hustings",
  "street",
  "office",
  "home",
]);
/** Sent over a public electronic communications network (Communications Act 2003 s127). */
export const ELECTRONIC_CHANNELS: ReadonlySet<Channel> = new Set([
  "phone-call",
  "text-message",
  "email",
  "social-media",
  "other-online",
]);
/** Written or electronic: at a distance (Malicious Communications Act, Online Safety Act s181). */
export const REMOTE_CHANNELS: ReadonlySet<Channel> = new Set(["letter", ...ELECTRONIC_CHANNELS]);

export const PLATFORMS = [
  "x",
  "facebook",
  "instagram",
  "tiktok",
  "youtube",
  "whatsapp",
  "telegram",
  "linkedin",
  "bluesky",
  "threads",
  "reddit",
  "nextdoor",
  "other",
] as const;
export type Platform = (typeof PLATFORMS)[number];

/** Who the behaviour was aimed at (guidance: abuse also targets family, friends and co-workers). */
export const TARGETED_GROUPS = ["candidate", "family", "staff", "volunteer", "other"] as const;
export type TargetedGroup = (typeof TARGETED_GROUPS)[number];

/** The verdict levels of DESIGN.md capability 3, most urgent first. */
export const VERDICT_LEVELS = ["call-999", "report-to-police", "report-to-platform", "keep-record"] as const;
export type VerdictLevel = (typeof VERDICT_LEVELS)[number];

export const JURISDICTIONS = ["england-wales", "scotland", "northern-ireland"] as const;
export type Jurisdiction = (typeof JURISDICTIONS)[number];

/** Earliest and latest years a record may mention: rules out dates a database cannot store. */
export const EARLIEST_YEAR = 1900;
export const LATEST_YEAR = 2100;
export const isWithinRecordableYears = (date: Date) =>
  !Number.isNaN(date.getTime()) &&
  date.getUTCFullYear() >= EARLIEST_YEAR &&
  date.getUTCFullYear() <= LATEST_YEAR;

/** An ISO 8601 date and time with an offset (e.g. 2026-11-20T18:30:00Z), between 1900 and 2100. */
export const isoDateTime = z.iso
  .datetime({ offset: true })
  .refine((s) => isWithinRecordableYears(new Date(s)), {
    message: `must be between ${EARLIEST_YEAR} and ${LATEST_YEAR}`,
  });
const shortText = (max: number) => z.string().trim().min(1).max(max);

export const LocationSchema = z
  .object({
    text: z.string().trim().max(500).optional(),
    postcode: z.string().trim().max(10).optional(),
    lat: z.number().min(-90).max(90).optional(),
    lng: z.number().min(-180).max(180).optional(),
  })
  .strict()
  .refine((l) => (l.lat === undefined) === (l.lng === undefined), {
    message: "lat and lng must be given together",
    path: ["lat"],
  });

export const WitnessSchema = z
  .object({ name: shortText(200), contact: z.string().trim().max(300).optional() })
  .strict();

/** An answer to a quick question: "unsure" is a real answer and never lowers anything. */
export const ANSWERS = ["yes", "no", "unsure"] as const;
export type Answer = (typeof ANSWERS)[number];

/** Protected characteristics a person can say the incident referred to (quick question 8). */
export const REFERRED_CHARACTERISTICS = CHARACTERISTICS;

/**
 * The quick questions asked at recording (wording in src/core/triage/questions.ts). Every one is
 * optional: a person in a hurry can skip them all. They map onto the guidance's red flags and the
 * offences; an answer can raise the verdict, never lower what the text shows.
 */
export const QuickAnswersSchema = z
  .object({
    weapon: z.enum(ANSWERS).optional(),
    saidWhenOrWhere: z.enum(ANSWERS).optional(),
    revealedPrivateDetails: z.enum(ANSWERS).optional(),
    contactedBefore: z.enum(ANSWERS).optional(),
    cameToHome: z.enum(ANSWERS).optional(),
    propertyDamaged: z.enum(ANSWERS).optional(),
    someoneHurt: z.enum(ANSWERS).optional(),
    referredTo: z.array(z.enum(REFERRED_CHARACTERISTICS)).max(6).optional(),
    frightened: z.enum(ANSWERS).optional(),
  })
  .strict();
export type QuickAnswers = z.infer<typeof QuickAnswersSchema>;

/** The content of one revision of an incident. An amendment is a whole new body. */
export const IncidentBodySchema = z
  .object({
    summary: shortText(200).describe("A one-line title, e.g. 'Man shouted at me on the doorstep'"),
    description: z.string().trim().max(20_000).default("").describe("What happened, in your own words"),
    occurredAt: isoDateTime.describe("When it happened (ISO 8601 with offset)"),
    location: LocationSchema.optional(),
    channel: z.enum(CHANNELS),
    platform: z.enum(PLATFORMS).optional(),
    url: z
      .url({ protocol: /^https?$/ })
      .max(2000)
      .optional()
      .describe("Full address of the post or message"),
    targeted: z.array(z.enum(TARGETED_GROUPS)).min(1).max(5).default(["candidate"]),
    actorIds: z
      .array(z.uuid().transform((id) => id.toLowerCase()))
      .max(20)
      .default([])
      .describe("Known actors (people) behind it"),
    unknownActorDescription: z.string().trim().max(2000).optional(),
    witnesses: z.array(WitnessSchema).max(20).default([]),
    impact: z.string().trim().max(5000).optional().describe("How it affected you or others"),
    actionTaken: z.string().trim().max(5000).optional(),
    answers: QuickAnswersSchema.optional().describe("The quick questions (all optional)"),
  })
  .strict()
  .refine((b) => b.channel === "social-media" || b.channel === "other-online" || b.platform === undefined, {
    message: "platform is only for social media or other online incidents",
    path: ["platform"],
  });
export type IncidentBody = z.infer<typeof IncidentBodySchema>;
export type IncidentBodyInput = z.input<typeof IncidentBodySchema>;

export const FOLLOW_UP_KINDS = ["police-reference", "action", "outcome", "note"] as const;
export type FollowUpKind = (typeof FOLLOW_UP_KINDS)[number];

export const FollowUpBodySchema = z
  .object({
    kind: z.enum(FOLLOW_UP_KINDS),
    text: shortText(5000),
    policeReference: z.string().trim().max(100).optional().describe("Crime reference or incident number"),
    officer: z.string().trim().max(200).optional(),
    contactRoute: z.enum(["999", "101", "spoc", "online", "in-person", "other"]).optional(),
  })
  .strict()
  .refine((f) => f.kind !== "police-reference" || !!f.policeReference, {
    message: "policeReference is required for a police-reference follow-up",
    path: ["policeReference"],
  });
export type FollowUpBody = z.infer<typeof FollowUpBodySchema>;

export const ACTOR_IDENTIFIER_KINDS = [
  "name",
  "handle",
  "profile-url",
  "email",
  "phone",
  "vehicle",
  "other",
] as const;
export type ActorIdentifierKind = (typeof ACTOR_IDENTIFIER_KINDS)[number];

export const ActorIdentifierSchema = z
  .object({
    kind: z.enum(ACTOR_IDENTIFIER_KINDS),
    value: shortText(500),
    platform: z.enum(PLATFORMS).optional(),
  })
  .strict();
export type ActorIdentifier = z.infer<typeof ActorIdentifierSchema>;

/** A person (or account) behind one or more incidents. */
export const ActorBodySchema = z
  .object({
    label: shortText(200).describe("How you refer to them, e.g. 'Man in the red van'"),
    description: z.string().trim().max(5000).optional().describe("Appearance, clothing, manner"),
    identifiers: z.array(ActorIdentifierSchema).max(50).default([]),
  })
  .strict();
export type ActorBody = z.infer<typeof ActorBodySchema>;
export type ActorBodyInput = z.input<typeof ActorBodySchema>;

export const EVIDENCE_KINDS = ["text", "url", "file"] as const;
export type EvidenceKind = (typeof EVIDENCE_KINDS)[number];

export const EVIDENCE_SOURCES = [
  "screenshot",
  "photo",
  "message-copy",
  "email-export",
  "recording",
  "letter-scan",
  "document",
  "other",
] as const;

export const EvidenceMetaSchema = z
  .object({
    capturedAt: isoDateTime.optional().describe("When the evidence was captured (defaults to now)"),
    source: z.enum(EVIDENCE_SOURCES).default("other"),
    note: z.string().trim().max(2000).optional(),
  })
  .strict();

export const TextEvidenceSchema = EvidenceMetaSchema.extend({
  kind: z.literal("text"),
  text: shortText(100_000).describe("The message exactly as received"),
}).strict();
export const UrlEvidenceSchema = EvidenceMetaSchema.extend({
  kind: z.literal("url"),
  url: z.url({ protocol: /^https?$/ }).max(2000),
}).strict();
export const InlineEvidenceSchema = z.discriminatedUnion("kind", [TextEvidenceSchema, UrlEvidenceSchema]);
export type InlineEvidence = z.infer<typeof InlineEvidenceSchema>;
