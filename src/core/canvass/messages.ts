// The words of canvassing alerts and reminders: who, where they planned to be, when they were last
// heard from, their last known location if they shared it, what to do now, and how to acknowledge.
// Read by someone who may be frightened for a colleague: short, calm, the next step and the number.
import type { AlertReason, Stage } from "./machine.ts";

export interface AlertContext {
  /** Everyone out in this session, the first being the one who planned it. */
  people: readonly { name: string; phone?: string | undefined }[];
  area: string;
  reason: AlertReason;
  stage: Stage;
  /** The missed deadline, or when the button was pressed. */
  since: Date;
  lastCheckInAt: Date | null;
  endsAt: Date;
  lastKnownLocation: { lat: number; lng: number; at: Date } | null;
  /** When the next stage is alerted if nobody acknowledges, and who that is. */
  nextStage: { at: Date; who: string } | null;
  acknowledgeUrl: string;
  campaignName: string;
  /** Who pressed "I feel unsafe" / "I'm in danger" (defaults to the first person out). */
  pressedBy?: string | undefined;
}

export interface ComposedMessage {
  subject: string;
  text: string;
  /** Short enough for one or two SMS. */
  sms: string;
}

const TIME = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/London",
  hour: "2-digit",
  minute: "2-digit",
});
const DAY = new Intl.DateTimeFormat("en-GB", {
  timeZone: "Europe/London",
  day: "numeric",
  month: "short",
});
/** UK time, e.g. "15:02 on 21 Nov". */
export const ukTime = (d: Date) => `${TIME.format(d)} on ${DAY.format(d)}`;

export function namesOf(people: readonly { name: string }[]): string {
  const names = people.map((p) => p.name);
  if (names.length <= 1) return names[0] ?? "Someone";
  return `${names.slice(0, -1).join(", ")} and ${names[names.length - 1]}`;
}

function headline(c: AlertContext): string {
  const who = namesOf(c.people);
  const plural = c.people.length > 1;
  switch (c.reason) {
    case "missed-check-in":
      return `${who} ${plural ? "have" : "has"} not checked in while canvassing. The check-in was due at ${ukTime(c.since)}.`;
    case "overran":
      return `${who} planned to finish canvassing at ${ukTime(c.since)} and ${plural ? "have" : "has"} not ended the session or checked in.`;
    case "unsafe":
      return `${c.pressedBy ?? c.people[0]?.name ?? who} pressed "I feel unsafe" while canvassing at ${ukTime(c.since)}.`;
    case "danger":
      return `${c.pressedBy ?? c.people[0]?.name ?? who} pressed "I'm in danger" while canvassing at ${ukTime(c.since)}.`;
  }
}

const SUBJECTS: Record<AlertReason, (who: string, plural: boolean) => string> = {
  "missed-check-in": (who) => `Shield alert: ${who} missed a canvassing check-in`,
  overran: (who, plural) =>
    `Shield alert: ${who} ${plural ? "have" : "has"} not finished canvassing as planned`,
  unsafe: (who, plural) => `Shield alert: ${who} ${plural ? "feel" : "feels"} unsafe while canvassing`,
  danger: (who, plural) => `URGENT Shield alert: ${who} ${plural ? "say" : "says"} they are in danger`,
};

/** The SMS stays within two messages: the link is whole, the area is shortened to fit. */
const SMS_LIMIT = 320;

function smsHead(c: AlertContext, who: string, lead: string, withOthers: string, at: string): string {
  switch (c.reason) {
    case "danger":
      return `URGENT Shield: ${lead} pressed "I'm in danger" at ${at}${withOthers}.`;
    case "unsafe":
      return `Shield: ${lead} pressed "I feel unsafe" at ${at}${withOthers}.`;
    case "overran":
      return `Shield: ${who} did not end canvassing at ${at}.`;
    case "missed-check-in":
      return `Shield: ${who} missed a check-in due ${at}.`;
  }
}

function composeSms(c: AlertContext): string {
  const lead = c.pressedBy ?? c.people[0]?.name ?? "Someone";
  const others = c.people.filter((p) => p.name !== lead);
  const at = TIME.format(c.since);
  const advice =
    c.reason === "danger"
      ? "If in immediate danger call 999."
      : "Try to reach them. If they may be in danger, call 999.";
  const tail = ` ${advice} Acknowledge: ${c.acknowledgeUrl}`;
  // Names in full when they fit with a useful part of the area; otherwise "and 2 others".
  const counted = `${others.length} other${others.length > 1 ? "s" : ""}`;
  const variants: [string, string][] = [
    [namesOf(c.people), others.length ? ` (with ${namesOf(others)})` : ""],
    [others.length ? `${lead} and ${counted}` : lead, others.length ? ` (with ${counted})` : ""],
  ];
  let sms = "";
  for (const [who, withOthers] of variants) {
    const head = smsHead(c, who, lead, withOthers, at);
    const room = SMS_LIMIT - head.length - tail.length - " Area: .".length;
    const area = c.area.length <= room ? c.area : `${c.area.slice(0, Math.max(0, room - 3)).trimEnd()}...`;
    sms = room > 3 ? `${head} Area: ${area}.${tail}` : `${head}${tail}`;
    if (room >= Math.min(c.area.length, 25)) break;
  }
  return sms;
}

export function composeAlert(c: AlertContext): ComposedMessage {
  const who = namesOf(c.people);
  const phones = c.people.filter((p) => p.phone).map((p) => `${p.name}: ${p.phone}`);
  const lines: string[] = [headline(c), ""];
  if (c.people.length > 1) lines.push(`Out canvassing: ${who}.`);
  lines.push(`Where they planned to be: ${c.area}`);
  lines.push(
    c.lastCheckInAt
      ? `Last heard from: ${ukTime(c.lastCheckInAt)} (their last check-in).`
      : "Last heard from: when the session started.",
  );
  lines.push(`Planned to finish: ${ukTime(c.endsAt)}.`);
  if (c.lastKnownLocation) {
    const { lat, lng, at } = c.lastKnownLocation;
    lines.push(`Last known location: ${lat.toFixed(5)}, ${lng.toFixed(5)} at ${ukTime(at)}.`);
  }
  lines.push("", "What to do now:");
  if (c.reason === "danger") {
    lines.push(
      "1. If you believe they are in immediate danger, call 999 now. Tell the police where they planned to be.",
    );
    lines.push(`2. Try to reach them${phones.length ? ` (${phones.join("; ")})` : ""}.`);
  } else {
    lines.push(`1. Try to reach them${phones.length ? ` (${phones.join("; ")})` : ""}.`);
    lines.push(
      "2. If you cannot reach them and you think they may be in danger, call 999. Tell the police where they planned to be.",
    );
  }
  lines.push(
    `3. Open this link to say you are dealing with it. The first person to do so stops further alerts and lets them know you have it in hand:`,
    `   ${c.acknowledgeUrl}`,
  );
  lines.push("");
  lines.push(
    c.nextStage
      ? `If nobody acknowledges this, ${c.nextStage.who} will be alerted at ${ukTime(c.nextStage.at)}.`
      : "This is the last stage of alerts for this session.",
  );
  lines.push(
    `Sent by Shield for ${c.campaignName} (alert stage ${c.stage}). In an emergency, always call 999.`,
  );

  return {
    subject: SUBJECTS[c.reason](who, c.people.length > 1),
    text: lines.join("\n"),
    sms: composeSms(c),
  };
}

export interface ReminderContext {
  deadline: Date;
  reason: "check-in" | "session-end";
  sessionUrl: string;
}

export function composeReminder(c: ReminderContext): ComposedMessage {
  const text =
    c.reason === "check-in"
      ? `Your next check-in is due at ${TIME.format(c.deadline)}. Tap to check in; if you don't, your contacts will be alerted.`
      : `Your canvassing session is planned to end at ${TIME.format(c.deadline)}. End it or extend it, or your contacts will be alerted.`;
  return {
    subject: c.reason === "check-in" ? "Shield: check in soon" : "Shield: your session is ending",
    text: `${text}\n${c.sessionUrl}`,
    sms: text,
  };
}

/** What the person out canvassing sees when someone acknowledged their alert. */
export const acknowledgedLine = (by: string, at: Date) =>
  `${by} acknowledged the alert at ${TIME.format(at)} and is dealing with it.`;
