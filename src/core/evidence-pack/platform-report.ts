// The text a candidate pastes into a platform's report form for one online incident: what happened and
// when, the link, the words exactly as posted, which of the platform's rules it may break (in plain
// words), and what the candidate asks the platform to do. Calm and factual: "may break", never a verdict
// on the person. Pure: the server gathers the incident, its evidence and verdict, and calls this.
import type { Category, Characteristic, Level } from "../analysis/types.ts";
import { LEVEL_RANK } from "../analysis/types.ts";
import type { ActorIdentifierKind, Channel, Platform, TargetedGroup } from "../incident/model.ts";
import { PLATFORM_RULES, type Concern, type PlatformRule } from "./platform-rules.ts";

export interface PlatformReportInput {
  platform: Platform;
  occurredAt: Date;
  summary: string;
  description: string;
  /** The address of the post or message, if recorded. */
  url?: string | undefined;
  /** Links kept as evidence. */
  links: readonly string[];
  /** Message copies kept as evidence, exactly as received. */
  messages: readonly string[];
  /** The account's identifiers as the team recorded them (only handles, profile addresses and the like are used). */
  accounts: readonly { kind: ActorIdentifierKind; value: string; platform?: Platform | undefined }[];
  targeted: readonly TargetedGroup[];
  level: Level;
  categories: readonly Category[];
  characteristics: readonly Characteristic[];
  /** Earlier incidents recorded from the same account(s), and when the first was. */
  earlierFromSameAccount: number;
  firstFromSameAccount?: Date | undefined;
  /** A police reference number, when one is recorded. */
  policeReference?: string | undefined;
}

export interface PlatformReport {
  platform: Platform;
  platformName: string;
  text: string;
  /** The rules named in the text, with their source. */
  rules: (PlatformRule & { source: string })[];
}

/** Only incidents that happened on an online platform get a platform report. */
export const hasPlatformReport = (channel: Channel, platform: Platform | null | undefined): boolean =>
  (channel === "social-media" || channel === "other-online") && !!platform;

const THREAT: readonly Category[] = ["threat", "imminent", "weapon", "plan", "violence-wish"];

/** Which of the platform's rules the incident's words and pattern point to, most serious first. */
export function concernsOf(
  input: Pick<PlatformReportInput, "categories" | "characteristics" | "earlierFromSameAccount">,
): Concern[] {
  const has = (c: Category) => input.categories.includes(c);
  const concerns: Concern[] = [];
  if (THREAT.some(has)) concerns.push("threat");
  if (has("private-info")) concerns.push("private-info");
  if (has("discriminatory") || input.characteristics.length > 0) concerns.push("hate");
  if (has("sexual")) concerns.push("sexual");
  if (has("self-harm")) concerns.push("self-harm");
  if (has("abuse") || has("fixation") || input.earlierFromSameAccount > 0) concerns.push("harassment");
  return concerns.length > 0 ? concerns : ["harassment"];
}

const UK_TIME = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/London",
  day: "numeric",
  month: "long",
  year: "numeric",
  hour: "2-digit",
  minute: "2-digit",
});
const UK_DATE = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/London",
  day: "numeric",
  month: "long",
  year: "numeric",
});

/** "20 November 2026 at 18:30 (UK time)". */
export function ukDateTime(date: Date): string {
  const parts = Object.fromEntries(UK_TIME.formatToParts(date).map((p) => [p.type, p.value]));
  return `${parts.day} ${parts.month} ${parts.year} at ${parts.hour}:${parts.minute} (UK time)`;
}

const TARGET_WORDS: Record<TargetedGroup, string> = {
  candidate: "me",
  family: "my family",
  staff: "my campaign staff",
  volunteer: "my campaign volunteers",
  other: "people connected to my campaign",
};

function whom(targeted: readonly TargetedGroup[]): string {
  const words = targeted.map((g) => TARGET_WORDS[g]);
  if (words.length <= 1) return words[0] ?? "me";
  return `${words.slice(0, -1).join(", ")} and ${words.at(-1)}`;
}

const DID: Record<"post" | "message" | "comment" | "video", string> = {
  post: "posted this",
  message: "sent a message",
  comment: "posted a comment",
  video: "posted a video",
};

const ACCOUNT_KINDS: ReadonlySet<ActorIdentifierKind> = new Set(["handle", "profile-url", "email", "phone"]);

function accountsOf(input: PlatformReportInput): string[] {
  const usable = input.accounts.filter(
    (a) => ACCOUNT_KINDS.has(a.kind) && (a.platform === undefined || a.platform === input.platform),
  );
  return [...new Set(usable.map((a) => a.value.trim()))].slice(0, 5);
}

/** Quoted text is kept whole up to this length in all; the rest is said to be in the candidate's records. */
const QUOTE_BUDGET = 6000;

function quoted(messages: readonly string[]): string[] {
  const out: string[] = [];
  let used = 0;
  for (const message of messages) {
    const text = message.trim();
    if (text === "") continue;
    if (used + text.length > QUOTE_BUDGET) {
      out.push(`(${messages.length - out.length} more kept in my records)`);
      break;
    }
    used += text.length;
    out.push(`"${text}"`);
  }
  return out;
}

export function platformReport(input: PlatformReportInput): PlatformReport {
  const platform = PLATFORM_RULES[input.platform];
  const item = platform.item;
  const where = input.platform === "other" ? "online" : `on ${platform.name}`;
  const accounts = accountsOf(input);
  const links = [...new Set([input.url, ...input.links].filter((l): l is string => !!l))];
  const police = LEVEL_RANK[input.level] >= LEVEL_RANK["report-to-police"] || !!input.policeReference;
  const concerns = concernsOf(input);
  const seen = new Map<string, string[]>();
  for (const concern of concerns) {
    const rule = platform.rules[concern];
    const says = seen.get(rule.policy) ?? [];
    if (!says.includes(rule.says)) says.push(rule.says);
    seen.set(rule.policy, says);
  }
  const rules = [...seen].map(([policy, says]) => ({
    policy,
    says: says.join("; "),
    source: platform.source,
  }));

  const lines: string[] = [];
  lines.push(`Report to ${platform.name}: abuse aimed at a candidate in a UK election`, "");
  lines.push("What happened");
  const by = accounts.length > 0 ? `the account ${accounts.join(" / ")}` : "an account";
  lines.push(
    `On ${ukDateTime(input.occurredAt)}, ${by} ${DID[item]} ${where}, aimed at ${whom(input.targeted)}. ` +
      `I am standing as a candidate in an election in the UK.`,
  );
  lines.push(`In short: ${input.summary.trim()}`);
  if (input.earlierFromSameAccount > 0) {
    const since = input.firstFromSameAccount ? ` since ${UK_DATE.format(input.firstFromSameAccount)}` : "";
    lines.push(
      `This is not the first time: I have recorded ${input.earlierFromSameAccount} earlier incident${input.earlierFromSameAccount === 1 ? "" : "s"} from the same account${since}.`,
    );
  }
  lines.push("");
  lines.push(links.length > 1 ? "Links" : "Link");
  lines.push(...(links.length > 0 ? links : [`(I do not have the link; the ${item} is described above.)`]));
  lines.push("");
  const messages = quoted(input.messages);
  if (messages.length > 0) {
    lines.push(`The words, exactly as ${item === "message" ? "sent" : "posted"}`);
    for (const m of messages) lines.push(m, "");
  } else if (input.description.trim() !== "") {
    lines.push("What it said, in my words");
    lines.push(input.description.trim().slice(0, QUOTE_BUDGET), "");
  }
  lines.push("Which of your rules it may break");
  for (const r of rules) lines.push(`- ${r.policy}: your rules do not allow ${r.says}.`);
  lines.push("");
  lines.push("What I am asking you to do");
  if (concerns.includes("private-info"))
    lines.push(
      `- Remove my personal information from ${platform.name} quickly: it puts me and the people I live with at risk.`,
    );
  lines.push(
    item === "message"
      ? "- Take action against the account under your rules, and stop it contacting me."
      : `- Remove the ${item} and take action against the account under your rules.`,
  );
  if (input.earlierFromSameAccount > 0)
    lines.push("- Look at this together with the account's earlier behaviour towards me, not on its own.");
  if (police) {
    lines.push(
      input.policeReference
        ? `- Keep (preserve) the ${item} and the account's details: I have reported this to the police (reference ${input.policeReference.trim()}), who may ask you for them.`
        : `- Keep (preserve) the ${item} and the account's details: I am reporting this to the police, who may ask you for them.`,
    );
  }
  lines.push("- Let me know what you decide.");
  lines.push("");
  lines.push(
    `I have kept a copy of the ${item} (a screenshot showing the account, the date and time, and the address) in case it is removed.`,
  );
  return { platform: input.platform, platformName: platform.name, text: lines.join("\n"), rules };
}
