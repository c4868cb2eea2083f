// 5. Triage: the verdict for a new incident in a campaign that already holds many. A throw-away
// database is filled with what the service itself would have written (actors through the real
// command, then incidents, their first revisions, actor links, stored verdicts and notices in bulk),
// and computeVerdict and recordIncident are timed in this process, without HTTP.
import { randomUUID } from "node:crypto";
import { compileProfile } from "../src/core/analysis/index.ts";
import {
  ActorBodySchema,
  type ActorBodyInput,
  type ActorIdentifier,
  type IncidentBody,
  type IncidentBodyInput,
  type Platform,
} from "../src/core/incident/model.ts";
import { recomputePatterns, type PatternIncident, type PersonMap } from "../src/core/patterns/index.ts";
import { assess, conclude, type Assessment } from "../src/core/triage/index.ts";
import { createActor } from "../src/server/commands/actors.ts";
import {
  campaignTriageSettings,
  writePoliceContact,
  writePrivateDetails,
} from "../src/server/commands/campaign-settings.ts";
import { recordIncident, revisionContext } from "../src/server/commands/incidents.ts";
import { loadPeople } from "../src/server/commands/people.ts";
import { computeVerdict, verdictRows, type IncidentToTriage } from "../src/server/commands/verdicts.ts";
import type { Deps } from "../src/server/deps.ts";
import type { Principal } from "../src/server/policies/index.ts";
import { openRuntime } from "../src/server/runtime.ts";
import { incidentInput, prng, storedBody } from "./bodies.ts";
import { setUpBenchCandidate } from "./candidate.ts";
import { removeTempDir, tempDir } from "./cleanup.ts";
import { createThrowAwayDatabase } from "./postgres.ts";
import { percentile } from "./report.ts";

export interface TriageOptions {
  kind: "pglite" | "postgres";
  /** Incidents already in the campaign (default 10,000). */
  earlier: number;
  /** Timed computeVerdict calls, after a warm-up of 30 (default 300). */
  samples: number;
  /** Timed recordIncident calls, after a warm-up of 10 (default 100). */
  records?: number;
  /** Actor records created through createActor (default 300). */
  actors?: number;
}

export interface TriageTiming {
  samples: number;
  p50Ms: number;
  p95Ms: number;
  p99Ms: number;
  maxMs: number;
}

/** Who a new incident names: the most prolific person, a person with a typical count, or nobody. */
export type TriageCase = "prolific" | "typical" | "none";
export const TRIAGE_CASES: readonly TriageCase[] = ["prolific", "typical", "none"];

export interface CaseTiming extends TriageTiming {
  /** Earlier incidents the verdict compared with, on average (the person's, or the last 35 days'). */
  compared: number;
  /** Findings per verdict, on average. */
  findings: number;
}

export interface TriageResult {
  kind: "pglite" | "postgres";
  earlier: number;
  actors: number;
  /** Distinct people the actors make (shared handles, phones, name plus description). */
  people: number;
  /** Actors that belong to a person of two or more actor records. */
  linkedActors: number;
  noActorIncidents: number;
  /** Earlier incidents of the prolific person, and the median of a typical person's. */
  prolificIncidents: number;
  typicalIncidents: number;
  /** Earlier incidents in the last 35 days (what an incident with no actor is compared with). */
  recentIncidents: number;
  /** Earlier incidents by the level of their own words and answers, and by their stored verdict's level. */
  ownLevels: Record<string, number>;
  levels: Record<string, number>;
  fillMs: number;
  actorsMs: number;
  analyzeMs: number;
  verdict: TriageTiming;
  byCase: Record<TriageCase, CaseTiming>;
  /** Time spent in each step of computeVerdict, measured separately (median ms per call, per case). */
  phases: Record<TriageCase, { settings: number; assess: number; loadPeople: number; rest: number }>;
  record: TriageTiming;
  recordByCase: Record<TriageCase, TriageTiming>;
}

/** What both drivers (pg.Pool and PGlite) offer for a plain parameterised query. */
interface RawClient {
  query(text: string, params?: unknown[]): Promise<unknown>;
}

const DAY_MS = 86_400_000;
const SPAN_MS = 182 * DAY_MS; // about six months of campaign
const RECENT_MS = 35 * DAY_MS;
const TEMPLATES = 300;
const PROLIFIC_SHARE = 0.05; // 500 of 10,000
const NO_ACTOR_SHARE = 0.3;
const SECOND_ACTOR_SHARE = 0.05;

function timing(values: readonly number[]): TriageTiming {
  return {
    samples: values.length,
    p50Ms: percentile(values, 50),
    p95Ms: percentile(values, 95),
    p99Ms: percentile(values, 99),
    maxMs: values.length === 0 ? Number.NaN : Math.max(...values),
  };
}

const pick = <T>(rand: () => number, list: readonly T[]): T => list[Math.floor(rand() * list.length)]!;

function shuffle<T>(rand: () => number, list: T[]): T[] {
  for (let i = list.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [list[i], list[j]] = [list[j]!, list[i]!];
  }
  return list;
}

// ---------- Actors ----------

const words = (...lines: string[]) => lines.join(" ").split(" ");

const FIRST = words(
  "John David Paul Mark James Steven Gary Ian Kevin Lee",
  "Sarah Karen Julie Lisa Claire Emma Helen Tracy Dawn Nicola",
  "Wayne Darren Craig Shaun Neil Carl Dean Ryan Adam Tom",
  "Gemma Kelly Joanne Donna Amanda Rachel Laura Kirsty Zoe Leanne",
);
const LAST = words(
  "Smith Jones Taylor Brown Wilson Evans Thomas Johnson Roberts Walker",
  "Wright Robinson Thompson White Hughes Edwards Green Hall Wood Harris",
  "Lewis Martin Jackson Clarke Clark Turner Hill Scott Cooper Morris",
  "Ward Moore King Watson Baker Harrison Morgan Patel Young Allen",
);
const LOOKS = [
  "tall man, grey beard, blue work jacket",
  "short woman, dark hair in a ponytail, red coat",
  "young man, shaved head, black tracksuit, rides a bike",
  "older man, glasses, flat cap, walks a small white dog",
  "man in his forties, stocky, drives a silver van",
  "woman in her fifties, blonde bob, green parka",
  "man with a neck tattoo, hi-vis vest, drives a white pickup",
];
const HANDLE_WORDS = ["truth", "patriot", "voter", "local", "resident", "watcher", "realist", "taxpayer"];
const SOCIAL: readonly Platform[] = ["x", "facebook", "instagram", "tiktok", "youtube"];

interface ActorPlan {
  body: ActorBodyInput;
}

/** `count` actors: online accounts, named locals, some of them the same person under two records. */
function planActors(rand: () => number, count: number): ActorPlan[] {
  const plans: ActorPlan[] = [];
  for (let i = 0; i < count; i++) {
    const identifiers: ActorIdentifier[] = [];
    const online = i === 0 || rand() < 0.7;
    let label = `Actor ${i + 1}`;
    let description: string | undefined;
    if (online) {
      const handle = `@${pick(rand, HANDLE_WORDS)}_${pick(rand, LAST).toLowerCase()}${i}`;
      identifiers.push({ kind: "handle", value: handle, platform: pick(rand, SOCIAL) });
      label = `Account ${handle}`;
      if (rand() < 0.2)
        identifiers.push({ kind: "profile-url", value: `https://example.com/u/${handle.slice(1)}` });
    }
    if (!online || rand() < 0.35) {
      const name = `${pick(rand, FIRST)} ${pick(rand, LAST)}`;
      identifiers.push({ kind: "name", value: name });
      if (!online) {
        label = name;
        description = pick(rand, LOOKS);
      }
    }
    if (rand() < 0.15) identifiers.push({ kind: "email", value: `sender${i}@example.net` });
    if (rand() < 0.1) identifiers.push({ kind: "phone", value: `07700 9${String(10000 + i).slice(-5)}` });
    plans.push({ body: { label, ...(description ? { description } : {}), identifiers } });
  }
  // The same person recorded twice: the prolific account under a second record, 20 pairs sharing a
  // handle (reported from two platforms), 5 trios sharing a phone number, 6 pairs with the same name
  // and description (the automatic name-plus-description link).
  const share = (a: number, b: number, id: ActorIdentifier) => {
    for (const i of [a, b]) if (i < count) plans[i]!.body.identifiers!.push(id);
  };
  share(0, 150, { kind: "handle", value: "@riverside_truth", platform: "x" });
  for (let g = 0; g < 20; g++) share(100 + g, 200 + g, { kind: "handle", value: `@same_person_${g}` });
  for (let g = 0; g < 5; g++) {
    const phone = { kind: "phone" as const, value: `+44 7700 800${String(100 + g)}` };
    share(30 + g, 230 + g, phone);
    share(30 + g, 280 + g, phone);
  }
  for (let g = 0; g < 6; g++) {
    const a = 60 + g;
    const b = 260 + g;
    if (b >= count) continue;
    const name = `${FIRST[g]} ${LAST[g]}`;
    for (const i of [a, b]) {
      plans[i]!.body.identifiers!.push({ kind: "name", value: name });
      plans[i]!.body.description = LOOKS[g % LOOKS.length]!;
    }
  }
  return plans;
}

// ---------- Incidents ----------

/**
 * What was said or done, and how often: mostly rude but lawful, some abuse for the platform, a few
 * threats (by their words alone: about 45% keep a record, 30% report to the platform, 18% police, 7% 999).
 */
const ACCOUNTS: readonly [summary: string, description: string, weight: number][] = [
  [
    "Long reply thread about the bypass",
    "Long replies disagreeing with my position on the bypass and calling the council useless. They kept tagging me in.",
    10,
  ],
  [
    "Same question posted again and again",
    "Someone kept asking the same question about hospital funding under every post I made, dozens of times.",
    8,
  ],
  [
    "Told me I would lose my deposit",
    "They said I was out of touch and would lose my deposit, and that nobody round here would vote for me.",
    8,
  ],
  [
    "Argument on the doorstep about parking",
    "A man argued loudly about parking outside the school gates, refused a leaflet and shut the door on us.",
    7,
  ],
  [
    "Leaflets thrown back over the wall",
    "Our leaflets were screwed up and thrown back over the garden wall while we were still in the street.",
    5,
  ],
  [
    "Heckled at the hustings",
    "Heckled all through my answer on housing; they shouted that I was a puppet of the party and laughed.",
    7,
  ],
  [
    "Called me a lying idiot",
    "They called me a lying idiot and a disgrace, and told their followers to pile on.",
    12,
  ],
  [
    "Insulting edited photo of me",
    "Posted an edited photo of me with insulting captions calling me a stupid cow and a parasite.",
    9,
  ],
  [
    "Foul-mouthed messages about my appearance",
    "Repeated foul-mouthed insults about my appearance and my weight, calling me ugly and pathetic.",
    9,
  ],
  [
    "Told to watch my back",
    "The message said I had better watch my back after what I said about the bypass.",
    7,
  ],
  [
    "People like me should not stand",
    "They said people like me should not be allowed to stand and should go back where we came from.",
    6,
  ],
  ["You will regret this", "They wrote that I would regret standing and that they would make sure of it.", 5],
  [
    "Followed to my car",
    "He followed me from the community centre to my car and waited outside until I drove off.",
    3,
  ],
  [
    "Shouted threats in the street",
    "He shouted that he would smash my face in if I came down his road again.",
    3,
  ],
  ["Said he had a knife", "He said he had a knife and would be waiting for me after the hustings.", 1],
];
/** ACCOUNTS from here on are threats. */
const FIRST_THREAT = 9;
const ACCOUNT_WEIGHT = ACCOUNTS.reduce((sum, [, , w]) => sum + w, 0);

/** A validated body (channel, platform, place and witnesses from bodies.ts) with a few quick answers. */
function templateBody(rand: () => number, at: Date): IncidentBody {
  const input: IncidentBodyInput = incidentInput(rand, at);
  let x = rand() * ACCOUNT_WEIGHT;
  const account = ACCOUNTS.findIndex(([, , w]) => (x -= w) < 0);
  const [summary, description] = ACCOUNTS[Math.max(0, account)]!;
  const threat = account >= FIRST_THREAT;
  input.summary = summary;
  input.description =
    `${description} It started at about ${at.toISOString().slice(11, 16)}. ` +
    "I have kept the messages and noted the time straight away.";
  const answers: NonNullable<IncidentBodyInput["answers"]> = {};
  // Any "yes" raises the level (frightened or contacted before: police), so mostly after threats.
  if (rand() < 0.3) answers.frightened = threat && rand() < 0.7 ? "yes" : "no";
  if (threat && rand() < 0.3) answers.contactedBefore = "yes";
  if (rand() < 0.01) answers.revealedPrivateDetails = "yes";
  if (threat && rand() < 0.05) answers.cameToHome = "yes";
  if (Object.keys(answers).length > 0) input.answers = answers;
  return storedBody(input);
}

/** `n` actor indexes: the prolific actor 0 exactly PROLIFIC_SHARE of the time, the rest skewed (1/(k+5)). */
function actorDraws(rand: () => number, n: number, actors: number, prolific: number): number[] {
  const weights = Array.from({ length: actors - 1 }, (_, k) => 1 / (k + 1 + 5));
  const total = weights.reduce((a, b) => a + b, 0);
  const cumulative: number[] = [];
  let sum = 0;
  for (const w of weights) cumulative.push((sum += w / total));
  const draw = () => {
    const x = rand();
    let lo = 0;
    let hi = cumulative.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (cumulative[mid]! < x) lo = mid + 1;
      else hi = mid;
    }
    return lo + 1;
  };
  return shuffle(rand, [
    ...Array.from({ length: prolific }, () => 0),
    ...Array.from({ length: Math.max(0, n - prolific) }, draw),
  ]);
}

export interface Filled {
  campaignId: string;
  principal: Principal;
  actorIds: string[];
  people: PersonMap;
  /** Person → earlier incidents naming it. */
  perPerson: Map<string, number>;
  prolificActor: string;
  typicalActors: string[];
  typicalIncidents: number;
  noActorIncidents: number;
  recentIncidents: number;
  ownLevels: Record<string, number>;
  levels: Record<string, number>;
  linkedActors: number;
  actorsMs: number;
  fillMs: number;
  analyzeMs: number;
}

/** Sets up the candidate, the actors and the earlier incidents in an empty database. */
export async function fillCampaign(deps: Deps, options: Required<TriageOptions>): Promise<Filled> {
  const { userId, campaignId } = await setUpBenchCandidate(deps);
  const principal: Principal = {
    id: userId,
    role: "candidate",
    forceId: null,
    memberships: new Map([[campaignId, "owner"]]),
  };
  // A campaign that has set itself up: its force's SPOC and a private-details register, both of
  // which every verdict reads (and the register makes the analyser look for those details).
  await writePoliceContact(deps, principal, campaignId, {
    forceId: "west-yorkshire-police",
    name: "PC Bench",
    phone: "0113 000 0000",
  });
  await writePrivateDetails(deps, principal, campaignId, {
    name: "Alex Bench",
    private: {
      homeAddress: "27 Orchard Close, Leeds LS6 2QT",
      family: ["Sam Bench", "Jo Bench"],
      schools: ["Cobden Primary School"],
      vehicles: ["YK21 XRT"],
    },
    public: { offices: ["Riverside ward office, Market Street"] },
  });

  const rand = prng(7);
  const actorsStarted = performance.now();
  const actorIds: string[] = [];
  for (const plan of planActors(rand, options.actors)) {
    const created = await createActor(deps, principal, campaignId, ActorBodySchema.parse(plan.body));
    actorIds.push(created.id);
  }
  const actorsMs = performance.now() - actorsStarted;
  const { people } = await loadPeople(deps.db, deps, campaignId);
  const personOf = (actorId: string) => people.get(actorId) ?? actorId;
  const peopleSize = new Map<string, number>();
  for (const id of actorIds) peopleSize.set(personOf(id), (peopleSize.get(personOf(id)) ?? 0) + 1);
  const linkedActors = actorIds.filter((id) => peopleSize.get(personOf(id))! > 1).length;

  const settings = await campaignTriageSettings(deps.db, deps, campaignId);
  const profile = settings.profile ? compileProfile(settings.profile) : undefined;
  const now = Date.now();
  // Earlier incidents happened in the six months up to an hour ago; the timed ones in the last hour.
  const end = now - 3_600_000;
  const templates: { body: IncidentBody; assessment: Assessment; timeOfDay: number }[] = [];
  for (let i = 0; i < TEMPLATES; i++) {
    const at = new Date(end - Math.floor(rand() * DAY_MS));
    const body = templateBody(rand, at);
    const assessment = assess({
      incident: { id: randomUUID(), recordedAt: at, body, evidenceTexts: [] },
      ...(profile ? { profile } : {}),
    });
    templates.push({ body, assessment, timeOfDay: at.getTime() % DAY_MS });
  }

  // Who each earlier incident names.
  const n = options.earlier;
  const noActor = Math.round(n * NO_ACTOR_SHARE);
  const named = actorDraws(rand, n - noActor, actorIds.length, Math.round(n * PROLIFIC_SHARE));
  const drawn = actorDraws(rand, Math.ceil(named.length * SECOND_ACTOR_SHARE) + 1, actorIds.length, 0);
  const naming: string[][] = shuffle(rand, [
    ...Array.from({ length: noActor }, () => []),
    ...named.map((a) => {
      const second = rand() < SECOND_ACTOR_SHARE ? drawn.pop() : undefined;
      return second !== undefined && second !== a ? [actorIds[a]!, actorIds[second]!] : [actorIds[a]!];
    }),
  ]);

  // The stored form of every earlier incident: its body, and the pattern record and verdict the
  // service would have stored (the template's assessment with this incident's id, time and actors;
  // the findings from all incidents before it, as recording them in time order would have found).
  interface Planned {
    id: string;
    body: IncidentBody;
    recordedAt: Date;
    assessment: Assessment;
  }
  const planned: Planned[] = naming.map((actors) => {
    const template = pick(rand, templates);
    const day = Math.floor((end - SPAN_MS + rand() * SPAN_MS) / DAY_MS) * DAY_MS;
    const occurredAt = Math.min(end, day + template.timeOfDay);
    const recordedAt = Math.min(end, occurredAt + Math.floor(rand() * 2 * DAY_MS));
    const id = randomUUID();
    const body: IncidentBody = {
      ...template.body,
      occurredAt: new Date(occurredAt).toISOString(),
      actorIds: actors,
    };
    const record: PatternIncident = {
      ...template.assessment.record,
      id,
      occurredAt,
      recordedAt,
      actorIds: actors,
    };
    return { id, body, recordedAt: new Date(recordedAt), assessment: { ...template.assessment, record } };
  });
  const findings = recomputePatterns(
    planned.map((p) => p.assessment.record),
    people,
  );

  const client = (deps.db as unknown as { $client: RawClient }).$client;
  const started = performance.now();
  const perPerson = new Map<string, number>();
  let recentIncidents = 0;
  const ownLevels: Record<string, number> = {};
  const levels: Record<string, number> = {};
  const batch = 1000;
  for (let done = 0; done < planned.length; done += batch) {
    const rows = planned.slice(done, done + batch);
    const cols = {
      ids: [] as string[],
      occurred: [] as string[],
      recorded: [] as string[],
      channels: [] as string[],
      platforms: [] as (string | null)[],
      levels: [] as string[],
      verdictIds: [] as string[],
      bodies: [] as string[],
      linkIncident: [] as string[],
      linkActor: [] as string[],
      rulesets: [] as string[],
      verdictEnc: [] as string[],
      recordEnc: [] as string[],
      noticeIds: [] as string[],
      noticeIncident: [] as string[],
      noticeLevel: [] as string[],
      noticeAt: [] as string[],
    };
    for (const p of rows) {
      const verdict = conclude(p.assessment, findings.get(p.id) ?? [], {
        jurisdiction: settings.jurisdiction,
        spoc: settings.spoc,
      });
      const stored = verdictRows(deps, {
        incidentId: p.id,
        campaignId,
        revision: 1,
        verdict,
        cause: "recorded",
        previousLevel: null,
        at: p.recordedAt,
      });
      cols.ids.push(p.id);
      cols.occurred.push(p.body.occurredAt);
      cols.recorded.push(p.recordedAt.toISOString());
      cols.channels.push(p.body.channel);
      cols.platforms.push(p.body.platform ?? null);
      cols.levels.push(verdict.level);
      cols.verdictIds.push(stored.verdict.id);
      cols.bodies.push(deps.secrets.encryptJson(p.body, revisionContext(p.id, 1)));
      for (const actorId of p.body.actorIds) {
        cols.linkIncident.push(p.id);
        cols.linkActor.push(actorId);
      }
      cols.rulesets.push(stored.verdict.rulesetVersion);
      cols.verdictEnc.push(stored.verdict.verdictEnc);
      cols.recordEnc.push(stored.verdict.recordEnc);
      if (stored.notice) {
        cols.noticeIds.push(stored.notice.id);
        cols.noticeIncident.push(p.id);
        cols.noticeLevel.push(stored.notice.level);
        cols.noticeAt.push(p.recordedAt.toISOString());
      }
      ownLevels[p.assessment.record.level] = (ownLevels[p.assessment.record.level] ?? 0) + 1;
      levels[verdict.level] = (levels[verdict.level] ?? 0) + 1;
      for (const person of new Set(p.body.actorIds.map(personOf)))
        perPerson.set(person, (perPerson.get(person) ?? 0) + 1);
      if (p.assessment.record.occurredAt > now - RECENT_MS) recentIncidents++;
    }
    // One statement per table per batch (columns as array parameters), each atomic.
    await client.query(
      `insert into incidents (id, campaign_id, recorded_by, recorded_at, current_revision, occurred_at, channel, platform, verdict_level, current_verdict_id, updated_at)
         select u.id, $1::uuid, $2::uuid, u.recorded_at, 1, u.occurred_at, u.channel, u.platform, u.level, u.verdict_id, u.recorded_at
         from unnest($3::uuid[], $4::timestamptz[], $5::timestamptz[], $6::text[], $7::text[], $8::text[], $9::uuid[])
           as u(id, occurred_at, recorded_at, channel, platform, level, verdict_id)`,
      [
        campaignId,
        userId,
        cols.ids,
        cols.occurred,
        cols.recorded,
        cols.channels,
        cols.platforms,
        cols.levels,
        cols.verdictIds,
      ],
    );
    await client.query(
      `insert into incident_revisions (incident_id, revision, occurred_at, channel, platform, body_enc, reason_enc, edited_by, edited_at)
         select u.id, 1, u.occurred_at, u.channel, u.platform, u.body_enc, null, $1::uuid, u.recorded_at
         from unnest($2::uuid[], $3::timestamptz[], $4::timestamptz[], $5::text[], $6::text[], $7::text[])
           as u(id, occurred_at, recorded_at, channel, platform, body_enc)`,
      [userId, cols.ids, cols.occurred, cols.recorded, cols.channels, cols.platforms, cols.bodies],
    );
    await client.query(
      `insert into incident_actors (incident_id, actor_id)
         select u.incident_id, u.actor_id from unnest($1::uuid[], $2::uuid[]) as u(incident_id, actor_id)`,
      [cols.linkIncident, cols.linkActor],
    );
    await client.query(
      `insert into incident_verdicts (id, incident_id, campaign_id, revision, ruleset_version, level, cause, verdict_enc, record_enc, computed_at)
         select u.id, u.incident_id, $1::uuid, 1, u.ruleset, u.level, 'recorded', u.verdict_enc, u.record_enc, u.computed_at
         from unnest($2::uuid[], $3::uuid[], $4::text[], $5::text[], $6::text[], $7::text[], $8::timestamptz[])
           as u(id, incident_id, ruleset, level, verdict_enc, record_enc, computed_at)`,
      [
        campaignId,
        cols.verdictIds,
        cols.ids,
        cols.rulesets,
        cols.levels,
        cols.verdictEnc,
        cols.recordEnc,
        cols.recorded,
      ],
    );
    if (cols.noticeIds.length > 0)
      await client.query(
        `insert into notices (id, campaign_id, incident_id, level, previous_level, cause, created_at)
           select u.id, $1::uuid, u.incident_id, u.level, null, 'recorded', u.created_at
           from unnest($2::uuid[], $3::uuid[], $4::text[], $5::timestamptz[]) as u(id, incident_id, level, created_at)`,
        [campaignId, cols.noticeIds, cols.noticeIncident, cols.noticeLevel, cols.noticeAt],
      );
  }
  const fillMs = performance.now() - started;
  // What the service does to data it has accumulated: on PGlite it analyzes when it opens the data
  // and every 10 minutes (src/store/db.ts), on PostgreSQL autovacuum does within a minute or so.
  const analyzing = performance.now();
  await client.query("analyze");
  const analyzeMs = performance.now() - analyzing;

  // Typical: the actors whose person has between the 25th and 75th percentile of incidents.
  const counts = [...perPerson.values()];
  const low = percentile(counts, 25);
  const high = percentile(counts, 75);
  const prolificActor = actorIds[0]!;
  const typicalActors = actorIds.filter((id) => {
    const c = perPerson.get(personOf(id)) ?? 0;
    return c >= low && c <= high && personOf(id) !== personOf(prolificActor);
  });
  return {
    campaignId,
    principal,
    actorIds,
    people,
    perPerson,
    prolificActor,
    typicalActors,
    typicalIncidents: percentile(
      typicalActors.map((id) => perPerson.get(personOf(id)) ?? 0),
      50,
    ),
    noActorIncidents: noActor,
    recentIncidents,
    ownLevels,
    levels,
    linkedActors,
    actorsMs,
    fillMs,
    analyzeMs,
  };
}

/** New incidents to time, cycling through the three cases; they happened in the last hour. */
function newIncidents(
  filled: Filled,
  count: number,
  seed: number,
): { kind: TriageCase; body: IncidentBody }[] {
  const rand = prng(seed);
  return Array.from({ length: count }, (_, i) => {
    const kind = TRIAGE_CASES[i % TRIAGE_CASES.length]!;
    const at = new Date(Date.now() - Math.floor(rand() * 3_000_000));
    const actorIds =
      kind === "prolific"
        ? [filled.prolificActor]
        : kind === "typical"
          ? [pick(rand, filled.typicalActors)]
          : [];
    return { kind, body: { ...templateBody(rand, at), actorIds } };
  });
}

const toTriage = (body: IncidentBody): IncidentToTriage => ({
  id: randomUUID(),
  recordedAt: new Date(),
  body,
  evidenceTexts: [],
});

export async function benchTriage(options: TriageOptions): Promise<TriageResult> {
  const o: Required<TriageOptions> = { records: 100, actors: 300, ...options };
  const dataDir = tempDir(`triage-${o.kind}`);
  const database = o.kind === "postgres" ? await createThrowAwayDatabase() : undefined;
  try {
    const runtime = await openRuntime({
      dataDir,
      databaseUrl: database?.url,
      publicUrl: "http://127.0.0.1",
      maxEvidenceBytes: 25 << 20,
    });
    try {
      const { deps } = runtime;
      const filled = await fillCampaign(deps, o);
      const { campaignId } = filled;
      const personOf = (id: string) => filled.people.get(id) ?? id;

      // computeVerdict: warm-up, then timed, the three cases interleaved.
      for (const { body } of newIncidents(filled, 30, 11))
        await computeVerdict(deps.db, deps, campaignId, toTriage(body));
      const all: number[] = [];
      const byCase = new Map<TriageCase, { ms: number[]; compared: number; findings: number }>(
        TRIAGE_CASES.map((c) => [c, { ms: [], compared: 0, findings: 0 }]),
      );
      for (const { kind, body } of newIncidents(filled, o.samples, 12)) {
        const started = performance.now();
        const verdict = await computeVerdict(deps.db, deps, campaignId, toTriage(body));
        const elapsed = performance.now() - started;
        all.push(elapsed);
        const entry = byCase.get(kind)!;
        entry.ms.push(elapsed);
        entry.findings += verdict.findings.length;
        entry.compared +=
          kind === "none" ? filled.recentIncidents : (filled.perPerson.get(personOf(body.actorIds[0]!)) ?? 0);
      }
      const caseTimings = Object.fromEntries(
        [...byCase].map(([kind, e]) => [
          kind,
          { ...timing(e.ms), compared: e.compared / e.ms.length, findings: e.findings / e.ms.length },
        ]),
      ) as Record<TriageCase, CaseTiming>;

      // Where the time goes: the exported steps of computeVerdict timed one by one (the rest is the
      // query and decryption of the earlier records, findingsAt and conclude).
      const phaseSamples = new Map<
        TriageCase,
        { settings: number[]; assess: number[]; loadPeople: number[] }
      >(TRIAGE_CASES.map((c) => [c, { settings: [], assess: [], loadPeople: [] }]));
      for (const { kind, body } of newIncidents(filled, 90, 13)) {
        const p = phaseSamples.get(kind)!;
        let started = performance.now();
        const s = await campaignTriageSettings(deps.db, deps, campaignId);
        p.settings.push(performance.now() - started);
        started = performance.now();
        assess({ incident: toTriage(body), ...(s.profile ? { profile: compileProfile(s.profile) } : {}) });
        p.assess.push(performance.now() - started);
        started = performance.now();
        await loadPeople(deps.db, deps, campaignId);
        p.loadPeople.push(performance.now() - started);
      }
      const phases = Object.fromEntries(
        [...phaseSamples].map(([kind, p]) => {
          const settings = percentile(p.settings, 50);
          const assessMs = percentile(p.assess, 50);
          const people = percentile(p.loadPeople, 50);
          const rest = caseTimings[kind].p50Ms - settings - assessMs - people;
          return [kind, { settings, assess: assessMs, loadPeople: people, rest }];
        }),
      ) as TriageResult["phases"];

      // recordIncident end to end: verdict, chain write and commit, reconsideration of the person.
      for (const { body } of newIncidents(filled, 10, 21))
        await recordIncident(deps, filled.principal, campaignId, body);
      const recorded: number[] = [];
      const recordCases = new Map<TriageCase, number[]>(TRIAGE_CASES.map((c) => [c, []]));
      for (const { kind, body } of newIncidents(filled, o.records, 22)) {
        const started = performance.now();
        await recordIncident(deps, filled.principal, campaignId, body);
        const elapsed = performance.now() - started;
        recorded.push(elapsed);
        recordCases.get(kind)!.push(elapsed);
      }

      return {
        kind: o.kind,
        earlier: o.earlier,
        actors: filled.actorIds.length,
        people: new Set(filled.actorIds.map(personOf)).size,
        linkedActors: filled.linkedActors,
        noActorIncidents: filled.noActorIncidents,
        prolificIncidents: filled.perPerson.get(personOf(filled.prolificActor)) ?? 0,
        typicalIncidents: filled.typicalIncidents,
        recentIncidents: filled.recentIncidents,
        ownLevels: filled.ownLevels,
        levels: filled.levels,
        fillMs: filled.fillMs,
        actorsMs: filled.actorsMs,
        analyzeMs: filled.analyzeMs,
        verdict: timing(all),
        byCase: caseTimings,
        phases,
        record: timing(recorded),
        recordByCase: Object.fromEntries([...recordCases].map(([k, v]) => [k, timing(v)])) as Record<
          TriageCase,
          TriageTiming
        >,
      };
    } finally {
      await runtime.close();
    }
  } finally {
    await database?.drop();
    removeTempDir(dataDir);
  }
}
