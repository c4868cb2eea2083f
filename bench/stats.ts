// 10. National statistics: 1,000,000 incidents (incident_facts rows, with their incidents) on PostgreSQL,
// spread over 45 forces and 52 weeks with realistic shares of channels, levels, offences, targets and
// characteristics; then every dashboard view through HTTP (in process, Fastify inject) as an analyst.
import { randomUUID } from "node:crypto";
import pg from "pg";
import { buildApp } from "../src/server/app.ts";
import { inviteStaff } from "../src/server/commands/accounts.ts";
import { openRuntime } from "../src/server/runtime.ts";
import { POLICE_FORCES } from "../src/core/forces.ts";
import { VIEWS, isoWeekOf, weekCalendar, weekStartOf } from "../src/core/stats/index.ts";
import { setUpBenchCandidate } from "./candidate.ts";
import { removeTempDir, tempDir } from "./cleanup.ts";
import { prng } from "./bodies.ts";
import { createThrowAwayDatabase } from "./postgres.ts";
import { percentile } from "./report.ts";

export interface StatsOptions {
  incidents: number;
  campaigns: number;
  /** Timed runs of each view (after one untimed). */
  runs: number;
}

export interface ViewTiming {
  view: string;
  query: string;
  p50Ms: number;
  maxMs: number;
  rows: number;
  bytes: number;
}

export interface StatsRun {
  incidents: number;
  campaigns: number;
  forces: number;
  fillMs: number;
  analyzeMs: number;
  tableMiB: number;
  views: ViewTiming[];
}

/** Picks from weighted choices with a uniform number in [0, 1) (binary search over the running sums). */
function weighted<T>(choices: readonly (readonly [T, number])[]): (u: number) => T {
  const sums: number[] = [];
  let total = 0;
  for (const [, w] of choices) sums.push((total += w));
  return (u) => {
    const x = u * total;
    let lo = 0;
    let hi = sums.length - 1;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sums[mid]! > x) hi = mid;
      else lo = mid + 1;
    }
    return choices[lo]![0];
  };
}

// Shares from shared/research/domain-rules.md §3: online about two thirds, door-knocking next, then events.
const CHANNEL = weighted([
  ["social-media", 45],
  ["email", 8],
  ["other-online", 5],
  ["text-message", 4],
  ["phone-call", 3],
  ["doorstep", 13],
  ["hustings", 6],
  ["street", 6],
  ["office", 3],
  ["home", 3],
  ["letter", 3],
  ["other", 1],
] as const);
const LEVEL = weighted([
  ["keep-record", 48],
  ["report-to-platform", 30],
  ["report-to-police", 19],
  ["call-999", 3],
] as const);
const CHARACTERISTIC = weighted([
  ["race", 35],
  ["sex", 30],
  ["religion", 20],
  ["sexual-orientation", 8],
  ["gender-identity", 4],
  ["disability", 3],
] as const);
const POLICE_OFFENCES = weighted([
  ["communications", 40],
  ["harassment-stalking", 25],
  ["public-order", 15],
  ["threats", 12],
  ["criminal-damage", 5],
  ["assault", 3],
] as const);

function factsFor(rand: () => number, level: string, channel: string) {
  const characteristics = rand() < 0.07 ? [CHARACTERISTIC(rand())] : [];
  const offences = new Set<string>();
  if (level === "report-to-platform" && rand() < 0.3) offences.add("communications");
  if (level === "report-to-police" || level === "call-999") {
    offences.add(level === "call-999" && rand() < 0.7 ? "threats" : POLICE_OFFENCES(rand()));
    if (rand() < 0.3) offences.add(POLICE_OFFENCES(rand()));
  }
  if (characteristics.length > 0 && level !== "keep-record") offences.add("hate");
  if (channel === "home" && rand() < 0.2) offences.add("harassment-stalking");
  const targeted = ["candidate"];
  if (rand() < 0.1) targeted.push("family");
  if (rand() < 0.08) targeted.push("staff");
  if (rand() < 0.05) targeted.push("volunteer");
  if (rand() < 0.03) targeted.splice(0, 1, "other");
  return { offences: [...offences].sort(), targeted: targeted.sort(), characteristics };
}

async function fill(db: pg.Client, userId: string, o: StatsOptions) {
  const rand = prng(20260507);
  const now = new Date();
  const weeks = weekCalendar(now, 52);
  // Forces by size (a few large, many small), 45 of the 46; about 3% of campaigns have not chosen one.
  const forces = POLICE_FORCES.filter((f) => f.id !== "british-transport-police");
  const forceOf = weighted(
    forces.map((f, i) => [f.id, f.id === "metropolitan-police" ? 12 : 1 + (i % 7)] as const),
  );
  const campaigns = Array.from({ length: o.campaigns }, () => ({
    id: randomUUID(),
    force: rand() < 0.03 ? null : forceOf(rand()),
  }));
  for (let i = 0; i < campaigns.length; i += 1000) {
    const chunk = campaigns.slice(i, i + 1000);
    await db.query(
      `insert into campaigns (id, name, jurisdiction, force_id, created_by, created_at)
       select id, 'Bench campaign', 'england-wales', force, $1::uuid, now()
       from unnest($2::uuid[], $3::text[]) as t(id, force)`,
      [userId, chunk.map((c) => c.id), chunk.map((c) => c.force)],
    );
  }
  // Busier towards polling day (week 44 of the 52) and on a few spiky weeks.
  const weekOf = weighted(
    weeks.map((w, i) => [w, 1 + (i > 30 ? (i - 30) / 3 : 0) + (i % 11 === 3 ? 2 : 0)] as const),
  );
  const campaignOf = weighted(campaigns.map((c, i) => [c, 1 + ((i * 7919) % 13)] as const));
  const batch = 50_000;
  for (let start = 0; start < o.incidents; start += batch) {
    const cols = {
      id: [] as string[],
      campaign: [] as string[],
      force: [] as (string | null)[],
      occurred: [] as string[],
      week: [] as string[],
      channel: [] as string[],
      level: [] as string[],
      offences: [] as string[],
      targeted: [] as string[],
      characteristics: [] as string[],
    };
    for (let i = start; i < Math.min(o.incidents, start + batch); i++) {
      const campaign = campaignOf(rand());
      const week = weekOf(rand());
      const occurred = new Date(Date.parse(`${week}T00:00:00Z`) + Math.floor(rand() * 7 * 86_400_000));
      const channel = CHANNEL(rand());
      const level = LEVEL(rand());
      const f = factsFor(rand, level, channel);
      cols.id.push(randomUUID());
      cols.campaign.push(campaign.id);
      cols.force.push(campaign.force);
      cols.occurred.push(occurred.toISOString());
      cols.week.push(weekStartOf(occurred));
      cols.channel.push(channel);
      cols.level.push(level);
      cols.offences.push(JSON.stringify(f.offences));
      cols.targeted.push(JSON.stringify(f.targeted));
      cols.characteristics.push(JSON.stringify(f.characteristics));
    }
    await db.query(
      `insert into incidents (id, campaign_id, recorded_by, recorded_at, current_revision, occurred_at, channel,
                              verdict_level, updated_at)
       select id, campaign, $1::uuid, occurred, 1, occurred, channel, level, occurred
       from unnest($2::uuid[], $3::uuid[], $4::timestamptz[], $5::text[], $6::text[])
         as t(id, campaign, occurred, channel, level)`,
      [userId, cols.id, cols.campaign, cols.occurred, cols.channel, cols.level],
    );
    await db.query(
      `insert into incident_facts (incident_id, campaign_id, force_id, week_start, channel, level,
                                   offence_categories, targeted, characteristics, updated_at)
       select id, campaign, force, week, channel, level, offences::jsonb, targeted::jsonb, characteristics::jsonb, now()
       from unnest($1::uuid[], $2::uuid[], $3::text[], $4::text[], $5::text[], $6::text[], $7::text[], $8::text[],
                   $9::text[])
         as t(id, campaign, force, week, channel, level, offences, targeted, characteristics)`,
      [
        cols.id,
        cols.campaign,
        cols.force,
        cols.week,
        cols.channel,
        cols.level,
        cols.offences,
        cols.targeted,
        cols.characteristics,
      ],
    );
  }
  return new Set(campaigns.map((c) => c.force)).size;
}

export async function benchStats(o: StatsOptions): Promise<StatsRun> {
  const dataDir = tempDir("stats");
  const database = await createThrowAwayDatabase();
  try {
    const runtime = await openRuntime({
      dataDir,
      databaseUrl: database.url,
      publicUrl: "http://localhost:8080",
      maxEvidenceBytes: 1_000_000,
    });
    try {
      const { deps } = runtime;
      const { userId } = await setUpBenchCandidate(deps);
      const client = new pg.Client({ connectionString: database.url });
      await client.connect();
      let forces: number;
      let fillMs: number;
      let analyzeMs: number;
      let tableBytes: number;
      try {
        const fillStart = performance.now();
        forces = await fill(client, userId, o);
        fillMs = performance.now() - fillStart;
        // What autovacuum does after a bulk load (PostgreSQL 13+ vacuums tables after many inserts).
        const analyzeStart = performance.now();
        await client.query("vacuum analyze incident_facts");
        await client.query("analyze");
        analyzeMs = performance.now() - analyzeStart;
        const size = await client.query<{ bytes: string }>(
          "select pg_total_relation_size('incident_facts')::text as bytes",
        );
        tableBytes = Number(size.rows[0]!.bytes);
      } finally {
        await client.end();
      }
      const app = await buildApp(deps, { logger: false });
      try {
        const token = await analystToken(app, deps);
        const queries = [
          ...VIEWS.map((v) => `view=${v.name}`),
          "view=channel&force=metropolitan-police",
          "view=force-by-week&weeks=" + lastWeeks(13),
          "view=offence-by-characteristic&force=west-yorkshire-police",
        ];
        const views: ViewTiming[] = [];
        for (const query of queries) {
          const times: number[] = [];
          let rows = 0;
          let bytes = 0;
          for (let run = 0; run <= o.runs; run++) {
            const started = performance.now();
            const res = await app.inject({
              method: "GET",
              url: `/api/analyst/stats?${query}`,
              headers: { authorization: `Bearer ${token}` },
            });
            const elapsed = performance.now() - started;
            if (res.statusCode !== 200)
              throw new Error(`${query}: ${res.statusCode} ${res.body.slice(0, 300)}`);
            if (run > 0) times.push(elapsed);
            rows = (JSON.parse(res.body) as { rows: unknown[] }).rows.length;
            bytes = res.body.length;
          }
          views.push({
            view: query.replace(/^view=/, ""),
            query,
            p50Ms: percentile(times, 50),
            maxMs: Math.max(...times),
            rows,
            bytes,
          });
        }
        return {
          incidents: o.incidents,
          campaigns: o.campaigns,
          forces,
          fillMs,
          analyzeMs,
          tableMiB: tableBytes / 2 ** 20,
          views,
        };
      } finally {
        await app.close();
      }
    } finally {
      await runtime.close();
    }
  } finally {
    await database.drop();
    removeTempDir(dataDir);
  }
}

function lastWeeks(n: number) {
  const weeks = weekCalendar(new Date(), n);
  return `${isoWeekOf(weeks[0]!)}..${isoWeekOf(weeks.at(-1)!)}`;
}

async function analystToken(
  app: Awaited<ReturnType<typeof buildApp>>,
  deps: Parameters<typeof inviteStaff>[0],
) {
  const email = "bench.analyst@example.org";
  const password = "bench analyst password";
  const invitation = await inviteStaff(deps, null, {
    email,
    role: "analyst",
    forceId: "metropolitan-police",
  });
  const token = new URL(invitation.link).hash.replace("#token=", "");
  const accepted = await app.inject({
    method: "POST",
    url: "/api/invitations/accept",
    payload: { token, displayName: "Bench Analyst", password },
  });
  if (accepted.statusCode !== 201) throw new Error(`accept failed: ${accepted.statusCode} ${accepted.body}`);
  const login = await app.inject({
    method: "POST",
    url: "/api/auth/login",
    payload: { email, password, tokenInBody: true },
  });
  if (login.statusCode !== 200) throw new Error(`login failed: ${login.statusCode} ${login.body}`);
  return (JSON.parse(login.body) as { token: string }).token;
}
