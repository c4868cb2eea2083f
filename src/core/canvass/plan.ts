// What a canvass session plan holds, and the checks a plan must pass before anyone relies on it.
// Guidance: "If possible, do visits accompanied, as a minimum tell someone where you are canvassing."
// The plan names who is out, where, until when, how often they check in, and who is told if they don't.
import { z } from "zod";

export const CANVASS_LIMITS = {
  minCheckInMinutes: 1,
  maxCheckInMinutes: 240,
  /** Longest a session may be planned for: a long day on the doorstep. */
  maxHours: 16,
  maxGraceMinutes: 60,
  maxStageMinutes: 240,
  maxPeople: 20,
  maxContacts: 20,
  maxPoints: 50,
} as const;

export const CANVASS_DEFAULTS = {
  checkInEveryMinutes: 30,
  /** Stage 1 (the named contacts) this long after a missed check-in. */
  graceMinutes: 5,
  /** Stage 2 (the agent or campaign lead) this long after a missed check-in. */
  stage2AfterMinutes: 15,
  /** Stage 3 (the force's SPOC, only if chosen) this long after a missed check-in. */
  stage3AfterMinutes: 30,
} as const;

const Name = z.string().trim().min(1, "must not be empty").max(120);
const Phone = z
  .string()
  .trim()
  .max(40)
  .regex(/^\+?[\d\s()-]{6,}$/, "must be a phone number, e.g. 07700 900123");
const Email = z.email("must be an email address").max(320);

export const PointSchema = z
  .object({
    lat: z.number().min(-90).max(90),
    lng: z.number().min(-180).max(180),
    label: z.string().trim().max(200).optional(),
  })
  .strict();
export type Point = z.infer<typeof PointSchema>;

export const LocationSchema = z
  .object({
    lat: z.number().min(-90).max(90),
    lng: z.number().min(-180).max(180),
    accuracyMetres: z.number().min(0).max(100_000).optional(),
  })
  .strict();
export type Location = z.infer<typeof LocationSchema>;

/** Someone out canvassing: a team member (by account) or a named person with an optional phone. */
export const PersonOutSchema = z.union([
  z.object({ userId: z.uuid(), phone: Phone.optional() }).strict(),
  z.object({ name: Name, phone: Phone.optional() }).strict(),
]);
export type PersonOut = z.infer<typeof PersonOutSchema>;

/** Someone who is told: a team member (by account) or a named person with an email and/or a phone. */
export const ContactSchema = z.union([
  z.object({ userId: z.uuid() }).strict(),
  z
    .object({ name: Name, email: Email.optional(), phone: Phone.optional() })
    .strict()
    .refine((c) => c.email !== undefined || c.phone !== undefined, {
      message: "needs an email address or a phone number, so an alert can reach them",
    }),
]);
export type ContactInput = z.infer<typeof ContactSchema>;

export const CanvassPlanSchema = z
  .object({
    area: z.string().trim().min(1, "say where you will be, e.g. the streets or the ward").max(2000),
    points: z.array(PointSchema).max(CANVASS_LIMITS.maxPoints).default([]),
    people: z.array(PersonOutSchema).min(1, "say who is going out").max(CANVASS_LIMITS.maxPeople),
    endsAt: z.coerce.date({ message: "must be a date and time" }),
    checkInEveryMinutes: z
      .number()
      .int("must be a whole number of minutes")
      .min(CANVASS_LIMITS.minCheckInMinutes, "must be at least 1 minute")
      .max(CANVASS_LIMITS.maxCheckInMinutes),
    graceMinutes: z
      .number()
      .int()
      .min(0)
      .max(CANVASS_LIMITS.maxGraceMinutes)
      .default(CANVASS_DEFAULTS.graceMinutes),
    stage2AfterMinutes: z
      .number()
      .int()
      .min(1)
      .max(CANVASS_LIMITS.maxStageMinutes)
      .default(CANVASS_DEFAULTS.stage2AfterMinutes),
    /** Stage 3 goes to the force's single point of contact, only when the candidate chose that. */
    alertSpoc: z.boolean().default(false),
    stage3AfterMinutes: z
      .number()
      .int()
      .min(1)
      .max(CANVASS_LIMITS.maxStageMinutes)
      .default(CANVASS_DEFAULTS.stage3AfterMinutes),
    /** Omitted: the campaign's candidate and full team members who are not going out. */
    contacts: z.array(ContactSchema).max(CANVASS_LIMITS.maxContacts).optional(),
    /** Consent to keep and share the last known location (from check-ins) with those alerted. */
    shareLocation: z.boolean().default(false),
    notes: z.string().trim().max(2000).optional(),
  })
  .strict();
export type CanvassPlanInput = z.input<typeof CanvassPlanSchema>;
export type CanvassPlan = z.output<typeof CanvassPlanSchema>;

/** A plan whose people and contacts are resolved to names and addresses (team members looked up). */
export interface ResolvedPerson {
  userId?: string;
  name: string;
  phone?: string;
}
export interface ResolvedContact {
  userId?: string;
  name: string;
  email?: string;
  phone?: string;
}
export interface SessionPlan extends Omit<CanvassPlan, "people" | "contacts" | "endsAt"> {
  people: ResolvedPerson[];
  contacts: ResolvedContact[];
  endsAt: Date;
}

export interface PlanProblem {
  field: string;
  message: string;
}

/**
 * Checks that need the clock: a session that ends in the past, or further ahead than a day's canvassing,
 * and stages that come in order. (Shape and ranges are checked by the schema.)
 */
export function planProblems(plan: CanvassPlan, now: Date): PlanProblem[] {
  const problems: PlanProblem[] = [];
  if (plan.endsAt.getTime() <= now.getTime())
    problems.push({ field: "endsAt", message: "is in the past: say when you expect to finish" });
  else if (plan.endsAt.getTime() - now.getTime() > CANVASS_LIMITS.maxHours * 3_600_000)
    problems.push({
      field: "endsAt",
      message: `is more than ${CANVASS_LIMITS.maxHours} hours away: plan one session per outing`,
    });
  if (plan.stage2AfterMinutes <= plan.graceMinutes)
    problems.push({
      field: "stage2AfterMinutes",
      message: "must be later than the first alert (graceMinutes)",
    });
  if (plan.alertSpoc && plan.stage3AfterMinutes <= plan.stage2AfterMinutes)
    problems.push({
      field: "stage3AfterMinutes",
      message: "must be later than the second alert (stage2AfterMinutes)",
    });
  return problems;
}

/** Going out alone is allowed but warned about, and recorded. */
export const isAlone = (plan: { people: readonly unknown[] }) => plan.people.length === 1;

export const ALONE_WARNING =
  "You are planning to canvass alone. The guidance says to go with someone if you can. If you do go alone, make sure the people below know where you are, and check in on time.";
