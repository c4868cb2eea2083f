// 8. Canvass alerts at scale: many active sessions with 1-minute check-ins on PostgreSQL, a real
// `shield serve` whose poller watches them, and a crowd of simulated canvassers in this process that
// check in on time (through the real commands, straight to the database) or now and then miss one.
// The server alerts each miss by webhook to a receiver in this process. The figures: how long after
// the deadline (plus grace) each alert arrived, and how much CPU the server process used meanwhile.
//
// Timeline: the sessions are planned (not started) through planSession; then started through
// startSession over one minute, in order, so that their deadlines spread evenly over a minute (and stay
// spread: each check-in sets the next deadline a minute on). The measurement window opens when the
// first reminder falls due (30 s after the first start) and lasts `windowS`. Nothing but the poller
// works in the server meanwhile (no HTTP reaches it), so its CPU is the poller's.
import { randomBytes } from "node:crypto";
import { sql } from "drizzle-orm";
import { createServer } from "node:http";
import { readFileSync } from "node:fs";
import { CanvassPlanSchema } from "../src/core/canvass/index.ts";
import { checkIn, planSession, startSession } from "../src/server/canvass/commands.ts";
import type { Principal } from "../src/server/policies/index.ts";
import { openRuntime } from "../src/server/runtime.ts";
import { setUpBenchCandidate } from "./candidate.ts";
import { onCleanup, removeTempDir, tempDir } from "./cleanup.ts";
import { measureCpu, type CpuShare } from "./cpu.ts";
import { createThrowAwayDatabase, sampleWaits, type WaitSample } from "./postgres.ts";
import { percentile } from "./report.ts";
import { startServer } from "./server.ts";

export interface CanvassOptions {
  sessions: number;
  /** Length of the measurement window, in seconds. */
  windowS: number;
  /** Share of deadlines the canvassers miss (0.05). */
  missRate: number;
  pollMs: number;
}

export interface Spread {
  count: number;
  p50Ms: number;
  p99Ms: number;
  maxMs: number;
}

export interface CanvassRun {
  sessions: number;
  windowS: number;
  pollMs: number;
  missRate: number;
  /** Planning the sessions through planSession (before the window). */
  planMs: number;
  /** Stage-1 alerts for the misses whose deadline fell in the window: receipt − (deadline + grace). */
  latency: Spread;
  /** Deadlines missed on purpose in the window, and how many of them no alert arrived for. */
  misses: number;
  missesNotAlerted: number;
  /** Alerts for deadlines that were not meant to be missed (a late check-in that lost the race). */
  unintendedAlerts: number;
  /** Webhook requests that repeated a delivery id already received. */
  repeatedDeliveries: number;
  /** Check-ins done by the crowd (the whole run), and those that failed (with the first few reasons). */
  checkIns: number;
  checkInFailures: number;
  checkInFailureReasons: string[];
  /** Bench side: how long one check-in command took (it waits while the poller holds the row). */
  checkIn: Spread;
  /** How far behind its schedule the start ramp ran at worst (the crowd is this process). */
  rampLateMs: number;
  /** Sampled every second in the window: how far behind the oldest due session was, and how many were due. */
  backlog: { maxLagMs: number; meanLagMs: number; maxDue: number; meanDue: number };
  /** Alert webhooks received in all (any stage, in the window or not). */
  webhooksReceived: number;
  waits: WaitSample | undefined;
  /** Lines the server wrote to stderr during the run (e.g. "could not advance"), and the first few. */
  serverErrors: number;
  serverErrorSample: string[];
  cpu: CpuShare | undefined;
  serverCpuShare: number | undefined;
  serverPeakRssMiB: number | undefined;
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A small seeded PRNG (mulberry32): the same misses on every run. */
function prng(seed: number) {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = a;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
}

function peakRssMiB(pid: number): number | undefined {
  try {
    const match = /^VmHWM:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Math.round(Number(match[1]) / 1024) : undefined;
  } catch {
    return undefined;
  }
}

const spread = (values: readonly number[]): Spread => ({
  count: values.length,
  p50Ms: percentile(values, 50),
  p99Ms: percentile(values, 99),
  maxMs: values.length ? Math.max(...values) : Number.NaN,
});

/** Runs `fn` over `items` with at most `limit` at a time. */
async function pool<T>(items: readonly T[], limit: number, fn: (item: T, i: number) => Promise<void>) {
  let next = 0;
  await Promise.all(
    Array.from({ length: limit }, async () => {
      while (next < items.length) {
        const i = next++;
        await fn(items[i]!, i);
      }
    }),
  );
}

interface Alert {
  deliveryId: string;
  sessionId: string;
  stage: number;
  since: number;
  receivedAt: number;
}

/** The SMS gateway: records every alert webhook and answers 200. */
async function startReceiver() {
  const alerts: Alert[] = [];
  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const receivedAt = Date.now();
      try {
        const body = JSON.parse(Buffer.concat(chunks).toString("utf8"));
        alerts.push({
          deliveryId: String(req.headers["x-shield-delivery"]),
          sessionId: body.alert.sessionId,
          stage: body.alert.stage,
          since: Date.parse(body.alert.since),
          receivedAt,
        });
      } catch {
        /* not an alert: counted nowhere */
      }
      res.writeHead(200, { "content-type": "application/json" });
      res.end('{"ok":true}');
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", () => resolve()));
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;
  const close = onCleanup("canvass webhook receiver", () => {
    server.closeAllConnections();
    return new Promise<void>((resolve) => server.close(() => resolve()));
  });
  return { url: `http://127.0.0.1:${port}/sms`, alerts, close };
}

/** The database URL with an application name, so pg_stat_activity tells the server from the crowd. */
const named = (url: string, name: string) => {
  const u = new URL(url);
  u.searchParams.set("application_name", name);
  return u.toString();
};

export async function benchCanvass(options: CanvassOptions): Promise<CanvassRun> {
  const { sessions, windowS, missRate, pollMs } = options;
  const database = await createThrowAwayDatabase();
  const dataDir = tempDir("canvass");
  const receiver = await startReceiver();
  const secret = randomBytes(24).toString("base64url");
  // This process and the server must share the master key: the server reads the plans it encrypts.
  const runtime = await openRuntime({
    dataDir,
    databaseUrl: named(database.url, "crowd"),
    publicUrl: "http://127.0.0.1",
    maxEvidenceBytes: 25 << 20,
    webhookUrl: receiver.url,
    webhookSecret: secret,
  });
  const closeRuntime = onCleanup("canvass runtime", () => runtime.close());
  try {
    const { deps } = runtime;
    const { userId, campaignId } = await setUpBenchCandidate(deps);
    const principal: Principal = {
      id: userId,
      role: "candidate",
      forceId: null,
      memberships: new Map([[campaignId, "owner"]]),
    };

    const server = await startServer({
      dataDir,
      databaseUrl: named(database.url, "server"),
      env: {
        ALERT_WEBHOOK_URL: receiver.url,
        ALERT_WEBHOOK_SECRET: secret,
        CANVASS_POLL_MS: String(pollMs),
        SHIELD_MASTER_KEY: process.env.SHIELD_MASTER_KEY,
      },
    });
    try {
      // ---------------------------------------------------------------- plan (not started)
      const planStart = performance.now();
      const endsAt = new Date(Date.now() + 4 * 3_600_000);
      const ids: string[] = new Array(sessions);
      await pool(
        Array.from({ length: sessions }, (_, i) => i),
        8,
        async (i) => {
          const plan = CanvassPlanSchema.parse({
            area: `Ward ${i % 40}, streets ${i}`,
            people: [{ name: `Canvasser ${i}`, phone: `07700 ${String(100_000 + i)}` }],
            endsAt,
            checkInEveryMinutes: 1,
            graceMinutes: 0,
            stage2AfterMinutes: 1,
            contacts: [{ name: `Contact ${i}`, phone: `07800 ${String(100_000 + i)}` }],
          });
          const row = await planSession(deps, principal, campaignId, plan, false);
          ids[i] = row.id;
        },
      );
      const planMs = performance.now() - planStart;

      // ---------------------------------------------------------------- the crowd
      const random = prng(2024);
      const checkInMs: number[] = [];
      const checkInFailureReasons: string[] = [];
      let checkInFailures = 0;
      /** Deadlines missed on purpose: session id → deadline times (ms). */
      const missed = new Map<string, number[]>();
      let stopping = false;
      let checkIns = 0;
      const timers = new Set<NodeJS.Timeout>();
      const at = (when: number, fn: () => Promise<void>) => {
        const timer = setTimeout(
          () => {
            timers.delete(timer);
            if (!stopping) void fn();
          },
          Math.max(0, when - Date.now()),
        );
        timers.add(timer);
      };
      /** Plans the next check-in for a session whose deadline is `deadline`. */
      const schedule = (id: string, deadline: number) => {
        if (random() < missRate) {
          // Missed: they answer their phone half a minute after the alert, and check in then.
          const list = missed.get(id) ?? [];
          list.push(deadline);
          missed.set(id, list);
          at(deadline + 20_000 + random() * 20_000, () => doCheckIn(id));
        } else {
          // On time: after the reminder (30 s before), 3–25 s before the deadline.
          at(deadline - 3_000 - random() * 22_000, () => doCheckIn(id));
        }
      };
      const doCheckIn = async (id: string) => {
        const t0 = performance.now();
        try {
          const row = await checkIn(deps, principal, id);
          checkInMs.push(performance.now() - t0);
          checkIns++;
          schedule(id, Date.parse((row.state as { nextCheckInAt: string }).nextCheckInAt));
        } catch (error) {
          if (checkInFailures++ < 5) checkInFailureReasons.push((error as Error).message);
        }
      };

      // Started over one minute, in order; the window opens at the first reminder.
      const rampStart = Date.now() + 2000;
      const windowStart = rampStart + 30_000;
      const windowEnd = windowStart + windowS * 1000;
      let rampLateMs = 0;
      const starting = pool(ids, 8, async (id, i) => {
        const due = rampStart + (i * 60_000) / sessions;
        const wait = due - Date.now();
        if (wait > 0) await sleep(wait);
        else rampLateMs = Math.max(rampLateMs, -wait);
        const row = await startSession(deps, principal, id);
        schedule(id, Date.parse((row.state as { nextCheckInAt: string }).nextCheckInAt));
      });

      await sleep(windowStart - Date.now());
      const stopCpu = measureCpu(server.pid);
      const stopWaits = await sampleWaits(database.name, 200, { url: database.url, byApplication: true });
      // The poller's backlog: sessions whose due time has passed, and how long ago the oldest fell due.
      const lags: number[] = [];
      const dues: number[] = [];
      let sampling = true;
      const sampler = (async () => {
        while (sampling) {
          const rows = await deps.db.execute<{ due: number; lag_ms: number | null }>(
            sql`select count(*)::int as due, (extract(epoch from (now() - min(next_action_at))) * 1000)::float8 as lag_ms
                from canvass_sessions where next_action_at <= now()`,
          );
          const row = (rows as unknown as { rows: { due: number; lag_ms: number | null }[] }).rows[0]!;
          dues.push(row.due);
          lags.push(Math.max(0, row.lag_ms ?? 0));
          await sleep(1000);
        }
      })();
      await starting;
      await sleep(windowEnd - Date.now());
      const cpu = stopCpu();
      sampling = false;
      await sampler;
      const waits = await stopWaits();
      const mean = (xs: number[]) => (xs.length ? xs.reduce((a, b) => a + b, 0) / xs.length : Number.NaN);
      const backlog = {
        maxLagMs: Math.max(0, ...lags),
        meanLagMs: mean(lags),
        maxDue: Math.max(0, ...dues),
        meanDue: mean(dues),
      };
      const serverPeakRssMiB = peakRssMiB(server.pid);
      // The crowd keeps checking in while the last alerts of the window arrive, then stops.
      await sleep(Math.max(5000, 3 * pollMs));
      stopping = true;
      for (const timer of timers) clearTimeout(timer);

      // ---------------------------------------------------------------- what arrived
      const errorLines = server
        .stderr()
        .split("\n")
        .filter((line) => line.trim() !== "");
      const inWindow = (t: number) => t >= windowStart && t <= windowEnd;
      const firstOfEach = new Map<string, Alert>();
      let repeatedDeliveries = 0;
      for (const a of receiver.alerts) {
        if (firstOfEach.has(a.deliveryId)) repeatedDeliveries++;
        else firstOfEach.set(a.deliveryId, a);
      }
      const stage1 = [...firstOfEach.values()].filter((a) => a.stage === 1 && inWindow(a.since));
      const alerted = new Set(stage1.map((a) => `${a.sessionId}@${a.since}`));
      let misses = 0;
      let missesNotAlerted = 0;
      for (const [id, deadlines] of missed)
        for (const d of deadlines.filter(inWindow)) {
          misses++;
          if (!alerted.has(`${id}@${d}`)) missesNotAlerted++;
        }
      const meant = new Set([...missed].flatMap(([id, ds]) => ds.map((d) => `${id}@${d}`)));
      const unintendedAlerts = stage1.filter((a) => !meant.has(`${a.sessionId}@${a.since}`)).length;
      // Grace is 0: the alert is due at the deadline itself.
      const latency = spread(stage1.map((a) => a.receivedAt - a.since));

      return {
        sessions,
        windowS,
        pollMs,
        missRate,
        planMs,
        latency,
        misses,
        missesNotAlerted,
        unintendedAlerts,
        repeatedDeliveries,
        checkIns,
        checkInFailures,
        checkInFailureReasons,
        checkIn: spread(checkInMs),
        rampLateMs,
        backlog,
        webhooksReceived: receiver.alerts.length,
        waits,
        serverErrors: errorLines.length,
        serverErrorSample: errorLines.slice(0, 3),
        cpu,
        serverCpuShare: cpu?.server,
        serverPeakRssMiB,
      };
    } finally {
      await server.stop();
    }
  } finally {
    await closeRuntime();
    await receiver.close();
    await database.drop();
    removeTempDir(dataDir);
  }
}
