// An incident body in words: each field as a person would read it, and what changed between two
// revisions.
import type { Characteristic } from "../../../../src/core/analysis/types.ts";
import type { QuickAnswers } from "../../../../src/core/incident/model.ts";
import { CHANNEL_LABEL, PLATFORM_LABEL, TARGETED_LABEL } from "../labels.ts";
import { CHARACTERISTIC_WORDS } from "../../../../src/core/triage/answers.ts";
import { formatDateTime } from "./time.ts";
import type { IncidentBody } from "./types.ts";

export const FIELD_LABEL: Record<keyof IncidentBody, string> = {
  summary: "Title",
  description: "What happened",
  occurredAt: "When",
  location: "Where",
  channel: "How it happened",
  platform: "Platform",
  url: "Web address",
  targeted: "Aimed at",
  actorIds: "People involved",
  unknownActorDescription: "Who (not yet known)",
  witnesses: "Witnesses",
  impact: "How it affected people",
  actionTaken: "Action taken",
  answers: "Quick questions",
};
const FIELDS = Object.keys(FIELD_LABEL) as (keyof IncidentBody)[];

export const QUESTION_LABEL: Record<keyof QuickAnswers, string> = {
  weapon: "A weapon mentioned, shown or carried",
  saidWhenOrWhere: "Said when or where something would happen",
  revealedPrivateDetails: "Showed they know where you or your family live, work or study",
  contactedBefore: "Has contacted or approached you before",
  cameToHome: "Came to a home",
  propertyDamaged: "Property damaged",
  someoneHurt: "Someone physically hurt, pushed or grabbed",
  referredTo: "Referred to",
  frightened: "Someone is frightened",
};

const ANSWER_LABEL = { yes: "Yes", no: "No", unsure: "Not sure" } as const;

/** Each quick question that was answered, in words. */
export function answersInWords(answers: QuickAnswers | undefined): { question: string; answer: string }[] {
  if (!answers) return [];
  const out: { question: string; answer: string }[] = [];
  for (const key of Object.keys(QUESTION_LABEL) as (keyof QuickAnswers)[]) {
    const value = answers[key];
    if (value === undefined) continue;
    if (Array.isArray(value)) {
      if (value.length > 0)
        out.push({
          question: QUESTION_LABEL[key],
          answer: value.map((c) => CHARACTERISTIC_WORDS[c as Characteristic] ?? c).join(", "),
        });
    } else
      out.push({
        question: QUESTION_LABEL[key],
        answer: ANSWER_LABEL[value as keyof typeof ANSWER_LABEL] ?? value,
      });
  }
  return out;
}

/** A field's value as one line of text ("" when empty), for comparing and showing revisions. */
export function fieldText(
  body: IncidentBody,
  field: keyof IncidentBody,
  actorName: (id: string) => string = () => "a person",
): string {
  switch (field) {
    case "occurredAt":
      return body.occurredAt ? formatDateTime(body.occurredAt) : "";
    case "location":
      return [body.location?.text, body.location?.postcode].filter(Boolean).join(", ");
    case "channel":
      return CHANNEL_LABEL[body.channel] ?? body.channel;
    case "platform":
      return body.platform ? (PLATFORM_LABEL[body.platform] ?? body.platform) : "";
    case "targeted":
      return (body.targeted ?? []).map((t) => TARGETED_LABEL[t] ?? t).join(", ");
    case "actorIds":
      return (body.actorIds ?? []).map(actorName).join(", ");
    case "witnesses":
      return (body.witnesses ?? []).map((w) => (w.contact ? `${w.name} (${w.contact})` : w.name)).join("; ");
    case "answers":
      return answersInWords(body.answers)
        .map((a) => `${a.question}: ${a.answer}`)
        .join("; ");
    default: {
      const value = body[field];
      return typeof value === "string" ? value : "";
    }
  }
}

export interface Change {
  field: keyof IncidentBody;
  label: string;
  before: string;
  after: string;
}

/** The fields that differ between two revisions, in the form's order. */
export function changesBetween(
  before: IncidentBody,
  after: IncidentBody,
  actorName?: (id: string) => string,
): Change[] {
  const changes: Change[] = [];
  for (const field of FIELDS) {
    const a = fieldText(before, field, actorName);
    const b = fieldText(after, field, actorName);
    // Compare the stored values too: two different instants can read the same to the minute.
    const same = a === b && JSON.stringify(before[field] ?? null) === JSON.stringify(after[field] ?? null);
    if (!same) changes.push({ field, label: FIELD_LABEL[field], before: a, after: b });
  }
  return changes;
}
