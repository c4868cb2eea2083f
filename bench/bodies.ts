// Realistic, deterministic incident bodies (the JSON a candidate's team would send).
import {
  IncidentBodySchema,
  type Channel,
  type IncidentBody,
  type IncidentBodyInput,
} from "../src/core/incident/model.ts";
import { mulberry32 } from "../src/core/demo/prng.ts";

/** Small seeded PRNG (the demo's mulberry32) so every run fills the same shape of data. */
export const prng = mulberry32;

/** Mostly online abuse, some in person: a rough shape of what candidates report. */
export const CHANNEL_WEIGHTS: readonly [Channel, number][] = [
  ["social-media", 45],
  ["email", 12],
  ["doorstep", 8],
  ["street", 7],
  ["other-online", 5],
  ["text-message", 5],
  ["hustings", 4],
  ["phone-call", 4],
  ["letter", 3],
  ["office", 3],
  ["home", 2],
  ["other", 2],
];

const SUMMARIES: Record<string, string[]> = {
  online: [
    "Abusive replies under my campaign video",
    "Threatening direct message after the hustings",
    "Account posting my home address",
    "Pile-on of abusive comments on the leaflet photo",
    "Message saying I should watch my back",
  ],
  inPerson: [
    "Man shouted at me on the doorstep",
    "Group followed canvassers down the street",
    "Heckler blocked the exit after the hustings",
    "Campaign office window damaged overnight",
    "Car parked outside my house for hours",
  ],
  other: [
    "Anonymous letter with a threat",
    "Silent phone calls late at night",
    "Text messages from an unknown number",
  ],
};

const PLACES = [
  { text: "Cobden Terrace, near the bus stop", postcode: "LS6 2QT" },
  { text: "Outside the community centre", postcode: "LS4 2AA" },
  { text: "Market Street", postcode: "LS1 6DT" },
  { text: "Riverside ward office", postcode: "LS11 5HD" },
];

const PLATFORMS = ["x", "facebook", "instagram", "tiktok", "youtube", "whatsapp"] as const;

function pickWeighted<T>(rand: () => number, weighted: readonly [T, number][]): T {
  const total = weighted.reduce((sum, [, w]) => sum + w, 0);
  let x = rand() * total;
  for (const [value, w] of weighted) {
    x -= w;
    if (x < 0) return value;
  }
  return weighted[weighted.length - 1]![0];
}

const pick = <T>(rand: () => number, list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;

/** One incident as a candidate's team would submit it (the API input). */
export function incidentInput(rand: () => number, occurredAt: Date): IncidentBodyInput {
  const channel = pickWeighted(rand, CHANNEL_WEIGHTS);
  const online = channel === "social-media" || channel === "other-online" || channel === "email";
  const inPerson = ["doorstep", "street", "hustings", "office", "home"].includes(channel);
  const summary = pick(rand, SUMMARIES[online ? "online" : inPerson ? "inPerson" : "other"]!);
  const body: IncidentBodyInput = {
    summary,
    description:
      `${summary}. It started at about ${occurredAt.toISOString().slice(11, 16)} and went on for several minutes. ` +
      "The language was abusive and personal; they mentioned my children and said people like me should not stand. " +
      "I have kept the messages and noted the time straight away.",
    occurredAt: occurredAt.toISOString(),
    channel,
    targeted: rand() < 0.25 ? ["candidate", "family"] : ["candidate"],
    impact: "Felt unsafe going out canvassing alone the next day.",
  };
  if (channel === "social-media") {
    const platform = pick(rand, PLATFORMS);
    body.platform = platform;
    body.url = `https://example.com/${platform}/status/${Math.floor(rand() * 1e12)}`;
  }
  if (inPerson) {
    body.location = pick(rand, PLACES);
    if (rand() < 0.3) body.witnesses = [{ name: "Priya (volunteer)", contact: "07700 900123" }];
  }
  if (rand() < 0.2) body.actionTaken = "Reported it to the platform and told the agent.";
  return body;
}

/** The stored form of an incident body: validated, with the schema's defaults filled in. */
export function storedBody(input: IncidentBodyInput): IncidentBody {
  return IncidentBodySchema.parse(input);
}
