// Validation of a private-details profile (the JSON the service stores and `shield analyse --profile` reads).
import { z } from "zod";
import type { PrivateDetailsProfile } from "./types.ts";

const detail = z.string().trim().min(1, "must not be empty").max(500);
const list = z.array(detail).max(200);

export const privateDetailsProfileSchema = z
  .object({
    name: z.string().trim().max(200).optional(),
    private: z
      .object({
        homeAddress: detail.optional(),
        phones: list.optional(),
        emails: list.optional(),
        family: list.optional(),
        schools: list.optional(),
        vehicles: list.optional(),
        workplaces: list.optional(),
        other: list.optional(),
      })
      .strict()
      .optional(),
    public: z
      .object({
        offices: list.optional(),
        phones: list.optional(),
        emails: list.optional(),
        events: list.optional(),
      })
      .strict()
      .optional(),
  })
  .strict() satisfies z.ZodType<PrivateDetailsProfile>;

export class ProfileError extends Error {
  constructor(
    message: string,
    readonly field: string,
  ) {
    super(message);
    this.name = "ProfileError";
  }
}

/** Validates untrusted JSON as a profile; throws ProfileError naming the first bad field. */
export function parseProfile(raw: unknown): PrivateDetailsProfile {
  const result = privateDetailsProfileSchema.safeParse(raw);
  if (result.success) return result.data;
  const issue = result.error.issues[0]!;
  const field = issue.path.join(".") || "(profile)";
  throw new ProfileError(`Profile field ${field}: ${issue.message}`, field);
}
