// 2. Listing the newest incidents of a campaign holding many: a fast synthetic fill in this process,
// then the list requests through HTTP against `shield serve` (a child process) on the same data.
import { randomUUID } from "node:crypto";
import { revisionContext } from "../src/server/commands/incidents.ts";
import { openRuntime } from "../src/server/runtime.ts";
import type { IncidentBody } from "../src/core/incident/model.ts";
import { incidentInput, prng, storedBody } from "./bodies.ts";
import { setUpBenchCandidate } from "./candidate.ts";
import { removeTempDir, tempDir } from "./cleanup.ts";
import { signIn } from "./client.ts";
import { measureCpu } from "./cpu.ts";
import { createThrowAwayDatabase } from "./postgres.ts";
import { percentile } from "./report.ts";
import { startServer } from "./server.ts";

export interface ListOptions {
  kind: "pglite" | "postgres";
  rows: number;
  batch: number;
  /** Warm-up requests (fewer if they take more than warmupBudgetMs). */
  warmup: number;
  warmupBudgetMs: number;
  /** Timed requests (fewer, but at least minSamples, if they take more than sampleBudgetMs). */
  samples: number;
  minSamples: number;
  sampleBudgetMs: number;
  /** Run ANALYZE after the fill (what autovacuum does on a PostgreSQL server; PGlite has no autovacuum). */
  analyze: boolean;
}

export interface Timing {
  path: string;
  samples: number;
  medianMs: number;
  p95Ms: number;
  maxMs: number;
  returned: number;
  /** Server CPU time per request, while timing. */
  serverCpuMs: number | undefined;
}

export interface ListResult {
  rows: number;
  fillMs: number;
  analyzeMs: number | undefined;
  /** Reopening the filled data: spawn → /healthz 200. */
  reopenMs: number;
  serverRssMiB: number | undefined;
  newest: Timing;
  channelCommon: Timing;
  channelRare: Timing;
  secondPage: Timing;
  deepPage: Timing;
}

export interface Filled {
  campaignId: string;
  fillMs: number;
  analyzeMs: number | undefined;
  /** Cursor that starts a page halfway down the list. */
  deepCursor: string;
}

/** What both drivers (pg.Pool and PGlite) offer for a plain parameterised query. */
interface RawClient {
  query(text: string, params?: unknown[]): Promise<unknown>;
}

const cursorOf = (occurredAt: Date, id: string) =>
  Buffer.from(`${occurredAt.toISOString()}|${id}`).toString("base64url");

/** Sets up the candidate and inserts `rows` incidents (+ their first revision) in batches. No hash chain. */
export async function fill(
  options: Pick<ListOptions, "rows" | "batch" | "analyze">,
  dataDir: string,
  databaseUrl: string | undefined,
): Promise<Filled> {
  const runtime = await openRuntime({
    dataDir,
    databaseUrl,
    publicUrl: "http://127.0.0.1",
    maxEvidenceBytes: 25 << 20,
  });
  try {
    const { deps } = runtime;
    const { userId, campaignId } = await setUpBenchCandidate(deps);

    // A few hundred validated bodies, reused with different times: the shape of real data without
    // paying for 100,000 schema validations.
    const rand = prng(42);
    const templates: IncidentBody[] = Array.from({ length: 512 }, () =>
      storedBody(incidentInput(rand, new Date())),
    );
    const now = Date.now();
    const span = 56 * 86_400_000; // eight weeks of campaign
    const keys: { at: number; id: string }[] = [];

    // One statement per table per batch, with the columns as array parameters (unnest): the driver
    // sees 5–7 parameters instead of thousands, and drizzle's per-value query building is bypassed.
    const client = (deps.db as unknown as { $client: RawClient }).$client;
    const started = performance.now();
    for (let done = 0; done < options.rows; done += options.batch) {
      const n = Math.min(options.batch, options.rows - done);
      const ids: string[] = [];
      const occurred: string[] = [];
      const recorded: string[] = [];
      const channels: string[] = [];
      const platforms: (string | null)[] = [];
      const bodies: string[] = [];
      for (let i = 0; i < n; i++) {
        const id = randomUUID();
        const at = now - Math.floor(rand() * span);
        const template = templates[Math.floor(rand() * templates.length)]!;
        const body: IncidentBody = { ...template, occurredAt: new Date(at).toISOString() };
        keys.push({ at, id });
        ids.push(id);
        occurred.push(body.occurredAt);
        recorded.push(new Date(Math.min(now, at + 3_600_000)).toISOString());
        channels.push(body.channel);
        platforms.push(body.platform ?? null);
        bodies.push(deps.secrets.encryptJson(body, revisionContext(id, 1)));
      }
      // Two statements, each atomic (a pool has no single connection to hold a transaction on).
      await client.query(
        `insert into incidents (id, campaign_id, recorded_by, recorded_at, current_revision, occurred_at, channel, platform, verdict_level, updated_at)
           select u.id, $1::uuid, $2::uuid, u.recorded_at, 1, u.occurred_at, u.channel, u.platform, null, u.recorded_at
           from unnest($3::uuid[], $4::timestamptz[], $5::timestamptz[], $6::text[], $7::text[])
             as u(id, occurred_at, recorded_at, channel, platform)`,
        [campaignId, userId, ids, occurred, recorded, channels, platforms],
      );
      await client.query(
        `insert into incident_revisions (incident_id, revision, occurred_at, channel, platform, body_enc, reason_enc, edited_by, edited_at)
           select u.id, 1, u.occurred_at, u.channel, u.platform, u.body_enc, null, $1::uuid, u.recorded_at
           from unnest($2::uuid[], $3::timestamptz[], $4::timestamptz[], $5::text[], $6::text[], $7::text[])
             as u(id, occurred_at, recorded_at, channel, platform, body_enc)`,
        [userId, ids, occurred, recorded, channels, platforms, bodies],
      );
    }
    const fillMs = performance.now() - started;
    let analyzeMs: number | undefined;
    if (options.analyze) {
      const analyzing = performance.now();
      await client.query("analyze");
      analyzeMs = performance.now() - analyzing;
    }

    // Same order as the list: newest first, ties by id (uuid order = lowercase hex order).
    keys.sort((a, b) => b.at - a.at || (a.id < b.id ? 1 : a.id > b.id ? -1 : 0));
    const middle = keys[Math.floor(keys.length / 2)]!;
    return { campaignId, fillMs, analyzeMs, deepCursor: cursorOf(new Date(middle.at), middle.id) };
  } finally {
    await runtime.close();
  }
}

async function time(
  server: { baseUrl: string; pid: number },
  token: string,
  path: string,
  options: ListOptions,
): Promise<Timing & { next: string | null }> {
  const get = async () => {
    const res = await fetch(`${server.baseUrl}${path}`, { headers: { authorization: `Bearer ${token}` } });
    const text = await res.text();
    if (res.status !== 200) throw new Error(`GET ${path}: ${res.status} ${text.slice(0, 300)}`);
    return text;
  };
  const first = JSON.parse(await get()) as { incidents: unknown[]; next: string | null };
  const warmupStart = performance.now();
  for (let i = 1; i < options.warmup && performance.now() - warmupStart < options.warmupBudgetMs; i++)
    await get();
  const samples: number[] = [];
  const stopCpu = measureCpu(server.pid);
  const timingStart = performance.now();
  while (
    samples.length < options.samples &&
    (samples.length < options.minSamples || performance.now() - timingStart < options.sampleBudgetMs)
  ) {
    const started = performance.now();
    await get();
    samples.push(performance.now() - started);
  }
  const cpu = stopCpu();
  return {
    path: path.replace(/before=[^&]+/, "before=…"),
    samples: samples.length,
    medianMs: percentile(samples, 50),
    p95Ms: percentile(samples, 95),
    maxMs: Math.max(...samples),
    returned: first.incidents.length,
    serverCpuMs: cpu ? (cpu.serverCpuS * 1000) / samples.length : undefined,
    next: first.next,
  };
}

export async function benchList(options: ListOptions): Promise<ListResult> {
  const dataDir = tempDir(`list-${options.kind}`);
  const database = options.kind === "postgres" ? await createThrowAwayDatabase() : undefined;
  try {
    const filled = await fill(options, dataDir, database?.url);
    const server = await startServer({ dataDir, databaseUrl: database?.url });
    try {
      const token = await signIn(server.baseUrl);
      const base = `/api/campaigns/${filled.campaignId}/incidents?limit=50`;
      const newest = await time(server, token, base, options);
      if (!newest.next) throw new Error("the first page has no `next` cursor");
      const secondPage = await time(server, token, `${base}&before=${newest.next}`, options);
      const channelCommon = await time(server, token, `${base}&channel=social-media`, options);
      const channelRare = await time(server, token, `${base}&channel=letter`, options);
      const deepPage = await time(server, token, `${base}&before=${filled.deepCursor}`, options);
      const strip = ({ next: _next, ...timing }: Timing & { next: string | null }): Timing => timing;
      return {
        rows: options.rows,
        fillMs: filled.fillMs,
        analyzeMs: filled.analyzeMs,
        reopenMs: server.startMs,
        serverRssMiB: server.rssMiB(),
        newest: strip(newest),
        secondPage: strip(secondPage),
        channelCommon: strip(channelCommon),
        channelRare: strip(channelRare),
        deepPage: strip(deepPage),
      };
    } finally {
      await server.stop();
    }
  } finally {
    await database?.drop();
    removeTempDir(dataDir);
  }
}
