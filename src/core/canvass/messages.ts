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
      return `${c.people[0]?.name ?? who} pressed "I feel unsafe" while canvassing at ${ukTime(c.since)}.`;
    case "danger":
      return `${c.people[0]?.name ?? who} pressed "I'm in danger" while canvassing at ${ukTime(c.since)}.`;
  }
}

const SUBJECTS: Record<AlertReason, (who: string) => string> = {
  "missed-check-in": (who) => `Shield alert: ${who} missed a canvassing check-in`,
  overran: (who) => `Shield alert: ${who} has not finished canvassing as planned`,
  unsafe: (who) => `Shield alert: ${who} feels unsafe while canvassing`,
  danger: (who) => `URGENT Shield alert: ${who} says they are in danger`,
};

export function composeAlert(c: AlertContext): ComposedMessage {
  const who = namesOf(c.people);
  const phones = c.people.filter((p) => p.phone).map((p) => `${p.name}: ${p.phone}`);
  const lines: string[] = [headline(c), ""];
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

  const area = c.area.length > 60 ? `${c.area.slice(0, 57)}...` : c.area;
  const sms =
    c.reason === "danger"
      ? `URGENT Shield alert: ${who} pressed "I'm in danger" canvassing at ${TIME.format(c.since)}, area: ${area}. If in immediate danger call 999. Acknowledge: ${c.acknowledgeUrl}`
      : `${SUBJECTS[c.reason](who)} (${TIME.format(c.since)}), area: ${area}. Try to reach them; if you think they are in danger, call 999. Acknowledge: ${c.acknowledgeUrl}`;
  return { subject: SUBJECTS[c.reason](who), text: lines.join("\n"), sms };
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
