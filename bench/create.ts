// 1. Incident-create throughput: autocannon (in this process) against `shield serve` (a child process).
import autocannon, { type Result } from "autocannon";
import { incidentInput, prng } from "./bodies.ts";
import { removeTempDir, tempDir } from "./cleanup.ts";
import { setUpCandidate } from "./client.ts";
import { measureCpu, type CpuShare } from "./cpu.ts";
import { createThrowAwayDatabase, sampleWaits, type WaitSample } from "./postgres.ts";
import { startServer } from "./server.ts";

export interface CreateRun {
  durationS: number;
  successes: number;
  createsPerSecond: number;
  p50Ms: number;
  p90Ms: number;
  p99Ms: number;
  maxMs: number;
  non2xx: number;
  errors: number;
  timeouts: number;
  statusCodes: Record<string, number>;
  serverRssMiB: number | undefined;
  cpu?: CpuShare | undefined;
  /** Server CPU time per successful create. */
  serverCpuMsPerCreate?: number | undefined;
  /** PostgreSQL only: what the server's connections were doing (pg_stat_activity samples). */
  waits?: WaitSample | undefined;
}

export interface CreateOptions {
  kind: "pglite" | "postgres";
  connections: number;
  durationS: number;
  warmupS: number;
}

/** Distinct bodies, cycled by autocannon, so requests are not all identical. */
function requestsFor(campaignId: string, token: string, count = 64) {
  const rand = prng(20261121);
  const now = Date.now();
  return Array.from({ length: count }, () => ({
    method: "POST",
    path: `/api/campaigns/${campaignId}/incidents`,
    headers: { "content-type": "application/json", authorization: `Bearer ${token}` },
    body: JSON.stringify(incidentInput(rand, new Date(now - Math.floor(rand() * 14 * 86_400_000)))),
  }));
}

function summarise(result: Result, rss: number | undefined): CreateRun {
  const statusCodes = Object.fromEntries(
    Object.entries(result.statusCodeStats).map(([code, s]) => [code, s.count]),
  );
  return {
    durationS: result.duration,
    successes: result["2xx"],
    createsPerSecond: result["2xx"] / result.duration,
    p50Ms: result.latency.p50,
    p90Ms: result.latency.p90,
    p99Ms: result.latency.p99,
    maxMs: result.latency.max,
    non2xx: result.non2xx,
    errors: result.errors,
    timeouts: result.timeouts,
    statusCodes,
    serverRssMiB: rss,
  };
}

export async function benchCreate(
  options: CreateOptions,
): Promise<{ warmup: CreateRun; run: CreateRun; avgBodyBytes: number }> {
  const dataDir = tempDir(`create-${options.kind}`);
  const database = options.kind === "postgres" ? await createThrowAwayDatabase() : undefined;
  try {
    const server = await startServer({ dataDir, databaseUrl: database?.url });
    try {
      const { token, campaignId } = await setUpCandidate(server.baseUrl, await server.setupToken());
      const requests = requestsFor(campaignId, token);
      const avgBodyBytes = requests.reduce((sum, r) => sum + Buffer.byteLength(r.body), 0) / requests.length;
      const shoot = (duration: number) =>
        autocannon({
          url: server.baseUrl,
          connections: options.connections,
          duration,
          requests,
          timeout: 10,
        });
      const warmup = summarise(await shoot(options.warmupS), server.rssMiB());
      const stopWaits = database ? await sampleWaits(database.name) : undefined;
      const stopCpu = measureCpu(server.pid);
      const run = summarise(await shoot(options.durationS), server.rssMiB());
      run.cpu = stopCpu();
      run.waits = await stopWaits?.();
      if (run.cpu && run.successes > 0)
        run.serverCpuMsPerCreate = (run.cpu.serverCpuS * 1000) / run.successes;
      return { warmup, run, avgBodyBytes };
    } finally {
      await server.stop();
    }
  } finally {
    await database?.drop();
    removeTempDir(dataDir);
  }
}
