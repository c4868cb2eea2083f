// Deterministic campaign histories for the pattern engine's tests and benchmark (seeded, no Math.random).
import type { Category, Level } from "../../../src/core/analysis/types.ts";
import { createRng, type Rng } from "../../../src/core/demo/prng.ts";
import type { Channel, TargetedGroup } from "../../../src/core/incident/model.ts";
import { NO_FACTS } from "../../../src/core/patterns/index.ts";
import type {
  PatternActor,
  PatternFacts,
  PatternIncident,
  WarningMarker,
} from "../../../src/core/patterns/types.ts";

export const DAY = 86_400_000;
export const HOUR = 3_600_000;
export const CAMPAIGN_START = Date.UTC(2026, 0, 5, 9);

/** A PatternIncident with quiet defaults: a keep-record social-media post aimed at the candidate. */
export function incident(
  fields: Partial<Omit<PatternIncident, "facts">> & {
    id: string;
    occurredAt: number;
    facts?: Partial<PatternFacts>;
  },
): PatternIncident {
  // Always the same key order, so every incident has one shape (as rows read from a database would).
  return {
    id: fields.id,
    occurredAt: fields.occurredAt,
    recordedAt: fields.recordedAt ?? fields.occurredAt,
    channel: fields.channel ?? "social-media",
    actorIds: fields.actorIds ?? [],
    targeted: fields.targeted ?? ["candidate"],
    level: fields.level ?? "keep-record",
    categories: fields.categories ?? [],
    characteristics: fields.characteristics ?? [],
    facts: { ...NO_FACTS, ...fields.facts },
    themes: fields.themes ?? [],
    markers: fields.markers ?? [],
  };
}

export function actor(id: string, fields: Partial<Omit<PatternActor, "id">> = {}): PatternActor {
  return { id, identifierKeys: [], nameKeys: [], descriptionWords: [], ...fields };
}

const TOPICS = [
  "bypass",
  "asylum",
  "hotel",
  "parking",
  "school",
  "housing",
  "council",
  "speed",
  "bin",
  "tax",
];
const FILLER = [
  "disgrace",
  "liar",
  "useless",
  "shame",
  "money",
  "traitor",
  "local",
  "road",
  "promise",
  "answer",
];
const REMOTE: Channel[] = [
  "social-media",
  "social-media",
  "social-media",
  "email",
  "other-online",
  "text-message",
];

const CATEGORIES_BY_LEVEL: Record<Level, Category[][]> = {
  "keep-record": [[], [], ["profanity"]],
  "report-to-platform": [["abuse"], ["abuse", "profanity"], ["discriminatory", "abuse"]],
  "report-to-police": [["threat"], ["violence-wish"], ["threat", "abuse"], ["discriminatory", "threat"]],
  "call-999": [
    ["imminent", "threat"],
    ["weapon", "threat"],
  ],
};

function randomLevel(rng: Rng, weights: readonly [number, number, number, number]): Level {
  const levels: Level[] = ["keep-record", "report-to-platform", "report-to-police", "call-999"];
  let r = rng.next() * weights.reduce((a, b) => a + b, 0);
  for (let i = 0; i < levels.length; i++) {
    r -= weights[i]!;
    if (r < 0) return levels[i]!;
  }
  return "keep-record";
}

function themes(rng: Rng, topic?: string): string[] {
  const words = new Set<string>();
  if (topic) words.add(topic);
  for (let n = rng.int(0, 2); n > 0; n--) words.add(rng.pick(rng.chance(0.5) ? TOPICS : FILLER));
  return [...words].sort();
}

interface NoiseOptions {
  id: string;
  at: number;
  actorIds: string[];
  channel: Channel;
  topic?: string;
  weights?: readonly [number, number, number, number];
  markers?: WarningMarker[];
  targeted?: TargetedGroup[];
}

function noise(rng: Rng, o: NoiseOptions): PatternIncident {
  const level = randomLevel(rng, o.weights ?? [5, 4, 1, 0]);
  return incident({
    id: o.id,
    occurredAt: o.at,
    recordedAt: o.at + rng.int(0, 72) * HOUR,
    channel: o.channel,
    actorIds: o.actorIds,
    targeted: o.targeted ?? ["candidate"],
    level,
    categories: rng.pick(CATEGORIES_BY_LEVEL[level]),
    themes: themes(rng, o.topic),
    markers: o.markers ?? [],
    facts: { frightened: level === "report-to-police" && rng.chance(0.5) },
  });
}

export interface CampaignHistory {
  actors: PatternActor[];
  incidents: PatternIncident[];
  escalator: {
    person: string;
    actorIds: string[];
    /** The first time the escalating person turns up in person (on the doorstep). */
    firstInPersonId: string;
    /** The first time they come to the candidate's home. */
    firstHomeId: string;
  };
  /** Groups of actor records that are one person. */
  samePerson: string[][];
  /** Records that share only a name: not one person. */
  nameOnly: [string, string];
}

/**
 * About four months of a campaign: 15 actor records (some linked by a shared handle, a shared phone,
 * or a name plus description), background noise with and without an actor, and one person who moves
 * from social media and email to the doorstep and then the candidate's home.
 */
export function generateCampaignHistory(seed = 2026): CampaignHistory {
  const rng = createRng(seed);
  const actors: PatternActor[] = [
    actor("actor-01", { identifierKeys: ["phone:k-07700900123"], nameKeys: ["name:k-dave"] }),
    actor("actor-02", { identifierKeys: ["phone:k-07700900123", "email:k-dave-mail"] }),
    actor("actor-03", {
      identifierKeys: ["handle:k-bypassbob"],
      nameKeys: ["name:k-robert-hale"],
      descriptionWords: ["grey", "beard", "glasses"],
    }),
    actor("actor-04", { identifierKeys: ["handle:k-troll88"] }),
    actor("actor-05", { nameKeys: ["name:k-j-smith"], descriptionWords: ["short", "red", "coat"] }),
    actor("actor-06", { nameKeys: ["name:k-j-smith"], descriptionWords: ["tall", "blue", "cap"] }),
    actor("actor-07", { identifierKeys: ["email:k-rhale", "handle:k-bypassbob"] }),
    actor("actor-08", { nameKeys: ["name:k-heckler"], descriptionWords: ["loud", "hat"] }),
    actor("actor-09", { identifierKeys: ["handle:k-ratepayer"] }),
    actor("actor-10", { identifierKeys: ["handle:k-ratepayer", "profile-url:k-ratepayer-fb"] }),
    actor("actor-11", { identifierKeys: ["other:k-po-box"] }),
    actor("actor-12", {
      nameKeys: ["name:k-robert-hale"],
      descriptionWords: ["tall", "grey", "beard", "green", "jacket"],
    }),
    actor("actor-13", { identifierKeys: ["handle:k-anon1"] }),
    actor("actor-14", { identifierKeys: ["handle:k-anon2"] }),
    actor("actor-15", { identifierKeys: ["handle:k-anon3"] }),
  ];

  const incidents: PatternIncident[] = [];
  let n = 0;
  const nextId = () => `inc-${String(++n).padStart(4, "0")}`;
  // Whole hours, so that some incidents share an occurredAt and the tie-break is exercised.
  const at = (day: number) => CAMPAIGN_START + Math.floor(day * 24) * HOUR;

  // The escalating person: online, then the doorstep (day 82), then home (day 95).
  const esc = rng.fork("escalator");
  for (let i = 0; i < 18; i++) {
    const day = 6 + i * 4 + esc.next() * 3;
    const threat = i === 9 || i === 13 || i === 16;
    incidents.push(
      incident({
        id: nextId(),
        occurredAt: at(day),
        recordedAt: at(day) + esc.int(0, 24) * HOUR,
        channel: i % 3 === 2 ? "email" : "social-media",
        actorIds: [i % 3 === 2 ? "actor-07" : "actor-03"],
        level: threat ? "report-to-police" : "report-to-platform",
        categories: threat ? ["threat", "abuse"] : ["abuse"],
        themes: themes(esc, "bypass"),
      }),
    );
  }
  const firstInPersonId = nextId();
  incidents.push(
    incident({
      id: firstInPersonId,
      occurredAt: at(82.5),
      channel: "doorstep",
      actorIds: ["actor-12"],
      level: "report-to-platform",
      categories: ["abuse"],
      themes: ["bypass", "road"],
    }),
  );
  const firstHomeId = nextId();
  incidents.push(
    incident({
      id: firstHomeId,
      occurredAt: at(95.25),
      channel: "home",
      actorIds: ["actor-12"],
      targeted: ["candidate", "family"],
      level: "report-to-police",
      categories: ["threat"],
      themes: ["bypass", "house"],
      facts: { cameToHome: true, frightened: true },
    }),
  );
  incidents.push(
    incident({
      id: nextId(),
      occurredAt: at(101),
      channel: "email",
      actorIds: ["actor-07"],
      level: "report-to-platform",
      categories: ["abuse"],
      themes: ["bypass"],
    }),
  );

  // Background: people who only ever write, and one heckler who is only ever there in person.
  const bg = rng.fork("background");
  const writers: { ids: string[]; count: number; channels: Channel[]; topic?: string }[] = [
    { ids: ["actor-01", "actor-02"], count: 14, channels: ["phone-call", "text-message"] },
    { ids: ["actor-04"], count: 60, channels: ["social-media"], topic: "asylum" },
    { ids: ["actor-05"], count: 6, channels: ["letter"] },
    { ids: ["actor-06"], count: 5, channels: ["email"] },
    {
      ids: ["actor-09", "actor-10"],
      count: 25,
      channels: ["social-media", "other-online"],
      topic: "council",
    },
    { ids: ["actor-11"], count: 8, channels: ["letter"], topic: "parking" },
    { ids: ["actor-13"], count: 12, channels: ["social-media"] },
    { ids: ["actor-14"], count: 10, channels: ["social-media"] },
    { ids: ["actor-15"], count: 9, channels: ["social-media"] },
  ];
  for (const w of writers) {
    for (let i = 0; i < w.count; i++) {
      incidents.push(
        noise(bg, {
          id: nextId(),
          at: at(bg.next() * 120),
          actorIds: [bg.pick(w.ids)],
          channel: bg.pick(w.channels),
          ...(w.topic && bg.chance(0.7) ? { topic: w.topic } : {}),
        }),
      );
    }
  }
  for (let i = 0; i < 12; i++) {
    incidents.push(
      noise(bg, {
        id: nextId(),
        at: at(bg.next() * 120),
        actorIds: ["actor-08"],
        channel: bg.pick(["hustings", "street"] as const),
      }),
    );
  }
  // Posts naming two records: two people together, or one person's two accounts.
  for (let i = 0; i < 8; i++) {
    incidents.push(
      noise(bg, {
        id: nextId(),
        at: at(bg.next() * 120),
        actorIds: i % 2 ? ["actor-14", "actor-13"] : ["actor-10", "actor-09"],
        channel: "social-media",
      }),
    );
  }
  // Posts and messages with no known sender, with a pile-on around day 40.
  for (let i = 0; i < 200; i++) {
    const day = i < 30 ? 40 + bg.next() * 4 : bg.next() * 120;
    incidents.push(
      noise(bg, {
        id: nextId(),
        at: at(day),
        actorIds: [],
        channel: bg.chance(0.95) ? bg.pick(REMOTE) : "street",
        weights: [6, 5, 1, 0],
        markers: bg.chance(0.03) ? [bg.pick(["leakage", "identification", "last-resort"] as const)] : [],
      }),
    );
  }
  return {
    actors,
    incidents,
    escalator: {
      person: "actor-03",
      actorIds: ["actor-03", "actor-07", "actor-12"],
      firstInPersonId,
      firstHomeId,
    },
    samePerson: [
      ["actor-01", "actor-02"],
      ["actor-03", "actor-07", "actor-12"],
      ["actor-09", "actor-10"],
    ],
    nameOnly: ["actor-05", "actor-06"],
  };
}

/**
 * A large history for the benchmark: `count` incidents over a year, about `people` people (a few with
 * two linked records), activity skewed so some people are far busier than others, 30% with no actor.
 */
export function generateLargeHistory(options: { incidents: number; people: number; seed?: number }): {
  actors: PatternActor[];
  incidents: PatternIncident[];
} {
  const rng = createRng(options.seed ?? 7);
  const actors: PatternActor[] = [];
  const recordsOf: string[][] = [];
  for (let p = 0; p < options.people; p++) {
    const id = `p${String(p).padStart(5, "0")}`;
    const records = [`${id}-a`];
    actors.push(actor(`${id}-a`, { identifierKeys: [`handle:${id}`] }));
    if (rng.chance(0.2)) {
      records.push(`${id}-b`);
      actors.push(actor(`${id}-b`, { identifierKeys: [`handle:${id}`, `email:${id}`] }));
    }
    recordsOf.push(records);
  }
  // Person p is picked with weight 1/sqrt(p + 1): the busiest person has about 1% of incidents.
  const cumulative: number[] = [];
  let total = 0;
  for (let p = 0; p < options.people; p++) cumulative.push((total += 1 / Math.sqrt(p + 1)));
  const pickPerson = () => {
    const r = rng.next() * total;
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      if (cumulative[mid]! > r) hi = mid;
      else lo = mid + 1;
    }
    return lo;
  };
  const channels: Channel[] = [
    ...REMOTE,
    "letter",
    "phone-call",
    "doorstep",
    "street",
    "hustings",
    "office",
    "home",
  ];
  const incidents: PatternIncident[] = [];
  for (let i = 0; i < options.incidents; i++) {
    const anonymous = rng.chance(0.3);
    const person = anonymous ? -1 : pickPerson();
    const channel = rng.chance(0.85) ? rng.pick(REMOTE) : rng.pick(channels);
    incidents.push(
      noise(rng, {
        id: `i${String(i).padStart(6, "0")}`,
        at: CAMPAIGN_START + Math.floor(rng.next() * 365 * 24) * HOUR,
        actorIds: anonymous ? [] : [rng.pick(recordsOf[person]!)],
        channel,
        weights: [5, 4, 1, 0.05],
        ...(rng.chance(0.5) ? { topic: TOPICS[person % TOPICS.length]! } : {}),
        ...(rng.chance(0.01)
          ? { markers: [rng.pick(["pathway", "leakage", "identification", "last-resort"] as const)] }
          : {}),
        ...(rng.chance(0.05)
          ? { targeted: ["candidate", rng.pick(["family", "staff", "volunteer"] as const)] }
          : {}),
      }),
    );
  }
  return { actors, incidents };
}
