// The dimensions national statistics are broken down by, each with its fixed list of keys. Every key is
// always listed in an answer, with its figure ("<5" when it has none), so that which keys appear never
// depends on the data. suppression.ts explains why no list has a multiple of 5 keys.
import { CHARACTERISTICS, LEVELS } from "../analysis/types.ts";
import { POLICE_FORCES } from "../forces.ts";
import { CHANNELS, type TargetedGroup } from "../incident/model.ts";
import { OFFENCE_CATEGORIES } from "./offence-categories.ts";
import { isoWeekOf, weekLabel } from "./weeks.ts";

export const DIMENSION_NAMES = [
  "force",
  "week",
  "channel",
  "level",
  "offence",
  "targeted",
  "characteristic",
] as const;
export type DimensionName = (typeof DIMENSION_NAMES)[number];

export interface Key {
  key: string;
  label: string;
}

/** How one incident_facts value reads as keys of a dimension (several for sets, e.g. offence categories). */
export type RawValue = string | null | readonly string[];

export interface Dimension {
  name: DimensionName;
  label: string;
  /** An incident can have several keys (offence categories, targeted groups, characteristics). */
  multiValued: boolean;
  /** The keys of the dimension, in order; weeks come from the range asked for. */
  keys: readonly Key[] | "weeks";
  /** The keys an incident's stored value counts under. */
  keysOf(raw: RawValue): string[];
}

export const NOT_SET = "not-set";
export const NONE = "none";

const one = (raw: RawValue): string[] => (typeof raw === "string" ? [raw] : []);
const each = (raw: RawValue): readonly string[] => (Array.isArray(raw) ? raw : []);

const CHANNEL_LABELS: Record<(typeof CHANNELS)[number], string> = {
  doorstep: "On the doorstep",
  hustings: "At a hustings or public meeting",
  street: "In the street",
  office: "At the campaign office",
  home: "At or near home",
  letter: "Letter",
  "phone-call": "Phone call",
  "text-message": "Text message",
  email: "Email",
  "social-media": "Social media",
  "other-online": "Other online",
  other: "Other",
};

const LEVEL_LABELS: Record<(typeof LEVELS)[number], string> = {
  "call-999": "Call 999",
  "report-to-police": "Report to the police",
  "report-to-platform": "Report to the platform",
  "keep-record": "Keep a record",
};

/**
 * The targeted groups counted: the "candidate, family, staff", with volunteers counted with
 * staff (the campaign team), and anyone else.
 */
const TARGETED_KEYS: readonly Key[] = [
  { key: "candidate", label: "The candidate" },
  { key: "family", label: "Family" },
  { key: "staff", label: "Campaign staff and volunteers" },
  { key: "other", label: "Someone else" },
];
const TARGETED_KEY_OF: Record<TargetedGroup, string> = {
  candidate: "candidate",
  family: "family",
  staff: "staff",
  volunteer: "staff",
  other: "other",
};

const CHARACTERISTIC_LABELS: Record<(typeof CHARACTERISTICS)[number], string> = {
  race: "Race",
  religion: "Religion or belief",
  "sexual-orientation": "Sexual orientation",
  "gender-identity": "Gender identity",
  disability: "Disability",
  sex: "Sex",
};

const distinct = (keys: Iterable<string>) => [...new Set(keys)];

export const DIMENSIONS: Record<DimensionName, Dimension> = {
  force: {
    name: "force",
    label: "Police force",
    multiValued: false,
    keys: [
      ...POLICE_FORCES.map((f) => ({ key: f.id, label: f.name })),
      { key: NOT_SET, label: "Force not chosen" },
    ],
    keysOf: (raw) => (raw === null ? [NOT_SET] : one(raw)),
  },
  week: {
    name: "week",
    label: "Week",
    multiValued: false,
    keys: "weeks",
    keysOf: (raw) => one(raw).map(isoWeekOf),
  },
  channel: {
    name: "channel",
    label: "How it happened",
    multiValued: false,
    keys: CHANNELS.map((c) => ({ key: c, label: CHANNEL_LABELS[c] })),
    keysOf: one,
  },
  level: {
    name: "level",
    label: "Verdict",
    multiValued: false,
    keys: LEVELS.map((l) => ({ key: l, label: LEVEL_LABELS[l] })),
    keysOf: one,
  },
  offence: {
    name: "offence",
    label: "Possible offence",
    multiValued: true,
    keys: [
      ...OFFENCE_CATEGORIES.map((c) => ({ key: c.id, label: c.label })),
      { key: NONE, label: "No possible offence" },
    ],
    keysOf: (raw) => (each(raw).length > 0 ? distinct(each(raw)) : [NONE]),
  },
  targeted: {
    name: "targeted",
    label: "Aimed at",
    multiValued: true,
    keys: TARGETED_KEYS,
    keysOf: (raw) => distinct(each(raw).map((g) => TARGETED_KEY_OF[g as TargetedGroup] ?? "other")),
  },
  characteristic: {
    name: "characteristic",
    label: "Protected characteristic (discriminatory abuse)",
    multiValued: true,
    keys: [
      ...CHARACTERISTICS.map((c) => ({ key: c, label: CHARACTERISTIC_LABELS[c] })),
      { key: NONE, label: "Not discriminatory" },
    ],
    keysOf: (raw) => (each(raw).length > 0 ? distinct(each(raw)) : [NONE]),
  },
};

/** The keys of a dimension for an answer over these weeks, or for one force. */
export function keysFor(
  name: DimensionName,
  scope: { weeks: readonly string[]; force?: string | undefined },
): Key[] {
  if (name === "week") return scope.weeks.map((w) => ({ key: isoWeekOf(w), label: weekLabel(w) }));
  const keys = DIMENSIONS[name].keys as readonly Key[];
  if (name === "force" && scope.force !== undefined) return keys.filter((k) => k.key === scope.force);
  return [...keys];
}

export const FORCE_KEYS: ReadonlySet<string> = new Set(
  (DIMENSIONS.force.keys as readonly Key[]).map((k) => k.key),
);
