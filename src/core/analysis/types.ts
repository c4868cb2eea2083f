// The analyser's public shapes. Pure data: used by the server, the CLI and the browser bundle.

export const LEVELS = ["call-999", "report-to-police", "report-to-platform", "keep-record"] as const;
export type Level = (typeof LEVELS)[number];

/** Rank for comparing levels: higher is more serious. */
export const LEVEL_RANK: Record<Level, number> = {
  "keep-record": 0,
  "report-to-platform": 1,
  "report-to-police": 2,
  "call-999": 3,
};

export const CATEGORIES = [
  "threat", // threatening or menacing language aimed at someone
  "imminent", // a threat with a time or place ("tonight", "at the count", "outside your house")
  "weapon", // access to weapons or weapons skills
  "plan", // a specific plan or preparation ("I've planned", "counting down")
  "fixation", // following, watching, set on a course of action
  "private-info", // reveals a private detail (registered, or looks like a home address or phone number)
  "violence-wish", // wishing or inciting violence ("someone should shoot you")
  "sexual", // sexual threats or sexual harassment
  "discriminatory", // abuse or threats because of a protected characteristic
  "self-harm", // incitement to self-harm or suicide
  "abuse", // insults and abuse aimed at the reader
  "profanity", // swearing not aimed at anyone: recorded, does not raise the level
] as const;
export type Category = (typeof CATEGORIES)[number];

export const CHARACTERISTICS = [
  "race",
  "religion",
  "sexual-orientation",
  "gender-identity",
  "disability",
  "sex",
] as const;
export type Characteristic = (typeof CHARACTERISTICS)[number];

/** Which kind of registered private detail was revealed. */
export const PRIVATE_DETAIL_KINDS = [
  "homeAddress",
  "phone",
  "email",
  "family",
  "school",
  "vehicle",
  "workplace",
  "other",
  "possible-address", // no profile, or not registered: looks like a home address aimed at the reader
  "possible-phone", // no profile, or not registered: looks like a personal phone number
] as const;
export type PrivateDetailKind = (typeof PRIVATE_DETAIL_KINDS)[number];

/** A stretch of the original text: UTF-16 offsets, end exclusive, so text.slice(start, end) === span.text. */
export interface Span {
  start: number;
  end: number;
  text: string;
}

export interface Reason {
  /** Stable id of the rule or model that fired, e.g. "threat.imminent.place" or "model.abuse". */
  rule: string;
  category: Category;
  /** The level this reason on its own leads to. */
  level: Level;
  /** Plain-English explanation for the person reading the verdict. */
  explanation: string;
  /** Where the text shows it. Model reasons point at the strongest contributing words. */
  span: Span;
  /** The guidance line or public source the rule implements. */
  source: string;
  characteristic?: Characteristic;
  detail?: PrivateDetailKind;
}

export interface Scores {
  /** Model probability that the text is abusive or offensive (0–1). */
  abuse: number;
  /** Strongest rule evidence of a threat (0–1): 0 when no threat rule fired. */
  threat: number;
}

export interface Analysis {
  level: Level;
  /** Distinct categories of all reasons, most serious first. */
  categories: Category[];
  /** Protected characteristics of discriminatory reasons, if any. */
  characteristics: Characteristic[];
  reasons: Reason[];
  scores: Scores;
  /** Version of the rules and model that produced this, for reproducibility. */
  version: string;
}

/**
 * The candidate's private-details register, in the exact shape the service stores and
 * `shield analyse --profile FILE` reads. Private details flag `call-999`; public ones never flag.
 */
export interface PrivateDetailsProfile {
  name?: string;
  private?: {
    homeAddress?: string;
    phones?: string[];
    emails?: string[];
    family?: string[];
    schools?: string[];
    vehicles?: string[];
    workplaces?: string[];
    other?: string[];
  };
  public?: {
    offices?: string[];
    phones?: string[];
    emails?: string[];
    events?: string[];
  };
}
