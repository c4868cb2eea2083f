// Words for the police's codes: where a shared incident has got to, and the kinds of update an officer adds.
import { findForce } from "../../../../src/core/forces.ts";
import type { PoliceUpdateKind } from "./types.ts";

export const STATUS_LABEL: Record<string, string> = {
  received: "Received",
  acknowledged: "Acknowledged",
  "outcome recorded": "Outcome recorded",
};

/** What each status means, said to the candidate's team. */
export const STATUS_MEANS: Record<string, string> = {
  received: "The force has it. No one has acknowledged it yet.",
  acknowledged: "An officer has acknowledged it.",
  "outcome recorded": "The police have recorded an outcome.",
};

export const statusText = (status: string) => STATUS_LABEL[status] ?? status;

export const UPDATE_LABEL: Record<PoliceUpdateKind, string> = {
  acknowledged: "Acknowledged",
  "crime-reference": "Crime reference",
  action: "Action",
  outcome: "Outcome",
  note: "Note",
};

export const updateText = (kind: string) => UPDATE_LABEL[kind as PoliceUpdateKind] ?? kind;

/** A force's name from the directory, or its id when it is not there. */
export const forceName = (id: string | null | undefined) => (id ? (findForce(id)?.name ?? id) : "");

export const ROLE_LABEL: Record<string, string> = {
  spoc: "Police single point of contact",
  analyst: "National analyst",
  admin: "Administrator",
  candidate: "Candidate",
  "team-member": "Team member",
};

export const roleText = (role: string) => ROLE_LABEL[role] ?? role;

/** The kinds of identifier behind a repeat-actor alert, in words. */
export const IDENTIFIER_KIND_LABEL: Record<string, string> = {
  name: "A name",
  handle: "A social media handle",
  "profile-url": "A profile address",
  email: "An email address",
  phone: "A phone number",
  vehicle: "A vehicle",
  other: "Another identifier",
};

export const identifierKindText = (kind: string) => IDENTIFIER_KIND_LABEL[kind] ?? kind;
