// The record form's fields, and how they become the API's incident body and evidence.
import {
  IncidentBodySchema,
  type Channel,
  type IncidentBody,
  type Platform,
  type QuickAnswers,
  type TargetedGroup,
} from "../../../../src/core/incident/model.ts";
import type { QueuedEvidence } from "../../offline/db.ts";
import { ONLINE_CHANNELS } from "../labels.ts";

export interface RecordFields {
  summary: string;
  message: string;
  /** datetime-local value in the device's time zone. */
  occurredAt: string;
  channel: Channel | "";
  platform: Platform | "";
  actor: string;
  /** An actor already recorded in the campaign ("" for none). */
  actorId: string;
  answers: QuickAnswers;
  description: string;
  locationText: string;
  postcode: string;
  url: string;
  targeted: TargetedGroup[];
  witnessName: string;
  witnessContact: string;
  impact: string;
  actionTaken: string;
}

export interface AttachedFile {
  blob: Blob;
  filename: string;
  source: "photo" | "screenshot" | "document" | "recording" | "other";
}

const pad = (n: number) => String(n).padStart(2, "0");
export function localNow(date = new Date()): string {
  return `${date.getFullYear()}-${pad(date.getMonth() + 1)}-${pad(date.getDate())}T${pad(date.getHours())}:${pad(date.getMinutes())}`;
}

export function emptyFields(): RecordFields {
  return {
    summary: "",
    message: "",
    occurredAt: localNow(),
    channel: "",
    platform: "",
    actor: "",
    actorId: "",
    answers: {},
    description: "",
    locationText: "",
    postcode: "",
    url: "",
    targeted: ["candidate"],
    witnessName: "",
    witnessContact: "",
    impact: "",
    actionTaken: "",
  };
}

/** Form field ids, so that an error from the schema lands next to the right input. */
const FIELD_OF_PATH: Record<string, keyof RecordFields> = {
  summary: "summary",
  description: "description",
  occurredAt: "occurredAt",
  channel: "channel",
  platform: "platform",
  url: "url",
  targeted: "targeted",
  unknownActorDescription: "actor",
  actorIds: "actorId",
  "location.text": "locationText",
  "location.postcode": "postcode",
  witnesses: "witnessName",
  impact: "impact",
  actionTaken: "actionTaken",
};

const MESSAGES: Partial<Record<keyof RecordFields, string>> = {
  summary: "Write a line about what happened, for example 'Man shouted at me on the doorstep'.",
  channel: "Choose where or how it happened.",
  occurredAt: "Give the date and time it happened (roughly is fine).",
  url: "The link must start with https:// or http://",
};

export type FieldErrors = Partial<Record<keyof RecordFields, string>>;

export function toBody(fields: RecordFields): { body?: IncidentBody; errors: FieldErrors } {
  const when = fields.occurredAt ? new Date(fields.occurredAt) : undefined;
  const online = fields.channel !== "" && ONLINE_CHANNELS.has(fields.channel);
  const trimmed = (s: string) => (s.trim() === "" ? undefined : s.trim());
  const answers = Object.fromEntries(
    Object.entries(fields.answers).filter(
      ([, v]) => v !== undefined && !(Array.isArray(v) && v.length === 0),
    ),
  );
  const location = { text: trimmed(fields.locationText), postcode: trimmed(fields.postcode) };
  const candidate = {
    summary: fields.summary,
    description: fields.description,
    occurredAt: when && !Number.isNaN(when.getTime()) ? when.toISOString() : "",
    channel: fields.channel || undefined,
    ...(online && fields.platform ? { platform: fields.platform } : {}),
    ...(trimmed(fields.url) ? { url: trimmed(fields.url) } : {}),
    targeted: fields.targeted.length > 0 ? fields.targeted : ["candidate"],
    ...(trimmed(fields.actor) ? { unknownActorDescription: trimmed(fields.actor) } : {}),
    actorIds: fields.actorId ? [fields.actorId] : [],
    ...(location.text || location.postcode
      ? { location: Object.fromEntries(Object.entries(location).filter(([, v]) => v)) }
      : {}),
    witnesses: trimmed(fields.witnessName)
      ? [
          {
            name: fields.witnessName.trim(),
            ...(trimmed(fields.witnessContact) ? { contact: fields.witnessContact.trim() } : {}),
          },
        ]
      : [],
    ...(trimmed(fields.impact) ? { impact: trimmed(fields.impact) } : {}),
    ...(trimmed(fields.actionTaken) ? { actionTaken: trimmed(fields.actionTaken) } : {}),
    ...(Object.keys(answers).length > 0 ? { answers } : {}),
  };
  const parsed = IncidentBodySchema.safeParse(candidate);
  if (parsed.success) return { body: parsed.data, errors: {} };
  const errors: FieldErrors = {};
  for (const issue of parsed.error.issues) {
    const field = FIELD_OF_PATH[issue.path.join(".")] ?? FIELD_OF_PATH[String(issue.path[0])] ?? "summary";
    errors[field] ??= MESSAGES[field] ?? issue.message;
  }
  return { errors };
}

export function evidenceOf(fields: RecordFields, files: readonly AttachedFile[]): QueuedEvidence[] {
  const evidence: QueuedEvidence[] = [];
  if (fields.message.trim() !== "")
    evidence.push({ kind: "text", text: fields.message, source: "message-copy" });
  for (const file of files)
    evidence.push({ kind: "file", blob: file.blob, filename: file.filename, source: file.source });
  return evidence;
}
