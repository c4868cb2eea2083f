// Plain English for the findings: numbers in words, UK dates, and shared wordings.
import type { Channel, TargetedGroup } from "../incident/model.ts";

const ORDINALS = [
  "",
  "first",
  "second",
  "third",
  "fourth",
  "fifth",
  "sixth",
  "seventh",
  "eighth",
  "ninth",
  "tenth",
];
export function ordinal(n: number): string {
  if (n < ORDINALS.length) return ORDINALS[n]!;
  const suffix = n % 100 >= 11 && n % 100 <= 13 ? "th" : (["th", "st", "nd", "rd"][n % 10] ?? "th");
  return `${n}${suffix}`;
}
const COUNTS = ["no", "one", "two", "three", "four", "five", "six", "seven", "eight", "nine", "ten"];
export const count = (n: number) => COUNTS[n] ?? String(n);
export const plural = (n: number, one: string, many = `${one}s`) => `${count(n)} ${n === 1 ? one : many}`;

export const capitalise = (text: string) => text.charAt(0).toUpperCase() + text.slice(1);
export const before = (n: number, days: number) =>
  `${n === 0 ? "none" : count(n)} in the ${days} days before that`;

export function list(items: readonly string[]): string {
  if (items.length <= 1) return items.join("");
  return `${items.slice(0, -1).join(", ")} and ${items.at(-1)}`;
}

const ukDate = new Intl.DateTimeFormat("en-GB", {
  day: "numeric",
  month: "long",
  year: "numeric",
  timeZone: "Europe/London",
});
const dateCache = new Map<number, string>();
/** "3 March 2026", in UK time. Cached per UTC hour: UK time changes offset only on the hour. */
export function dateOf(ms: number): string {
  const hour = Math.floor(ms / 3_600_000);
  let text = dateCache.get(hour);
  if (text === undefined) {
    if (dateCache.size > 10_000) dateCache.clear();
    dateCache.set(hour, (text = ukDate.format(new Date(ms))));
  }
  return text;
}

/**
 * Most findings repeat a wording ("This is the third time…"): building each once and sharing it keeps
 * a full recompute fast and its memory down. Bounded, so a long-running server does not grow it.
 */
export function wording<K extends string | number>() {
  const cache = new Map<K, string>();
  return (key: K, build: () => string): string => {
    let text = cache.get(key);
    if (text === undefined) {
      if (cache.size >= 5_000) cache.clear();
      cache.set(key, (text = build()));
    }
    return text;
  };
}

export const GROUP_WORDS: Record<TargetedGroup, string> = {
  candidate: "you",
  family: "your family",
  staff: "your staff",
  volunteer: "your volunteers",
  other: "other people",
};
export const GROUPS = Object.keys(GROUP_WORDS) as TargetedGroup[];
export const CHANNEL_WORDS: Record<Channel, string> = {
  doorstep: "on the doorstep",
  hustings: "at a hustings",
  street: "in the street",
  office: "at your office",
  home: "at your home",
  letter: "letters",
  "phone-call": "phone calls",
  "text-message": "text messages",
  email: "email",
  "social-media": "social media",
  "other-online": "online",
  other: "other ways",
};
export const CALL_999_IF_NEAR =
  "If they are still nearby or you feel in danger, call 999; otherwise tell the police straight away.";
