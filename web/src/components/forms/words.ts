// Words shared by the account forms: where a candidate stands, and password rules as people read them.
import type { Campaign } from "../../types.ts";

export type Jurisdiction = Campaign["jurisdiction"];

export const JURISDICTION_LABEL: Record<Jurisdiction, string> = {
  "england-wales": "England or Wales",
  scotland: "Scotland",
  "northern-ireland": "Northern Ireland",
};

export const JURISDICTION_HINT =
  "The law differs between the nations of the UK, so Shield uses this to say what an incident may constitute.";

/** The server's rule (routes/common.ts Password): at least 12 characters, at most 256. */
export const PASSWORD_MIN = 12;
export const PASSWORD_MAX = 256;
export const NEW_PASSWORD_HINT =
  "At least 12 characters. A short sentence is easy to remember and hard to guess.";

/**
 * A form's values, leaving out empty ones (the API treats a missing field as "not given"). Values are
 * not trimmed: a password is exactly what was typed, and the server trims names itself.
 */
export function formValues(form: HTMLFormElement): Record<string, string> {
  const values: Record<string, string> = {};
  for (const [key, value] of new FormData(form)) {
    if (typeof value === "string" && value.trim() !== "") values[key] = value;
  }
  return values;
}
