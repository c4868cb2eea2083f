// SIGKILL crash test: the real server, on the embedded database (PGlite) and on PostgreSQL, is killed
// without warning while several clients write, then started again on the same data. Every write
// that got a 2xx answer must still be there, unchanged; `shield verify` must pass after every crash;
// and a server killed while holding the data folder's lock must not stop the next one from starting.
import { test, type TestContext } from "node:test";
import assert from "node:assert/strict";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createTestDatabase, pgServerUrl, type TestDatabase } from "../support/database.ts";
import {
  http,
  killAllServers,
  runShield,
  setUpCandidateOverHttp,
  startServer,
  type ServerProcess,
} from "../support/process.ts";

const CYCLES = Number(process.env.SHIELD_CRASH_CYCLES || 20);
const WRITERS = 4;
/** Every this many cycles, the server (not `shield verify`) is the first to open the data after a kill. */
const SERVER_BREAKS_LOCK_EVERY = 10;
const PASSWORD = "correct horse battery staple";
const CHANNELS = ["doorstep", "street", "email", "social-media", "phone-call", "letter"] as const;

/** A small seeded PRNG (mulberry32), so that a failing run can be repeated with SHIELD_CRASH_SEED. */
function prng(seed: number) {
  let a = seed >>> 0;
  const next = () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let x = a;
    x = Math.imul(x ^ (x >>> 15), x | 1);
    x ^= x + Math.imul(x ^ (x >>> 7), x | 61);
    return ((x ^ (x >>> 14)) >>> 0) / 4294967296;
  };
  return {
    next,
    int: (lo: number, hi: number) => lo + Math.floor(next() * (hi - lo + 1)),
    pick: <T>(xs: readonly T[]) => xs[Math.floor(next() * xs.length)]!,
  };
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

interface RevisionContent {
  revision: number;
  summary: string;
  channel: string;
}

interface KnownIncident {
  id: string;
  writer: number;
  occurredAt: string;
  /** The latest revision the server acknowledged. */
  acked: RevisionContent;
  /** An amendment sent but not answered when the server was killed: it may or may not have been kept. */
  pending?: RevisionContent | undefined;
  /** Acknowledged text evidence, by id. */
  evidence: Map<string, string>;
  /** Text evidence sent but not answered when the server was killed. */
  pendingEvidence: Set<string>;
  busy: boolean;
}

interface Figures {
  cycles: number;
  acked: { incidents: number; amendments: number; evidence: number };
  inFlightAtKill: number;
  inFlightKept: number;
  inFlightLost: number;
  killDelaysMs: number[];
  restartMs: number[];
  verifyMs: number[];
  serverBrokeStaleLock: number;
  verifyBrokeStaleLock: number;
}

function networkErrorCode(error: unknown): string {
  const cause = (error as { cause?: { code?: string } }).cause;
  return cause?.code ?? (error as { name?: string }).name ?? "unknown";
}

/** One database's crash run. */
async function crashRun(
  t: TestContext,
  label: string,
  env: { DATA_DIR: string; DATABASE_URL?: string | undefined },
  seed: number,
) {
  const rng = prng(seed);
  const log = (message: string) => console.log(`[crash ${label}] ${message}`);
  const isPglite = !env.DATABASE_URL;
  const lockPath = join(env.DATA_DIR, "shield.lock");
  const figures: Figures = {
    cycles: 0,
    acked: { incidents: 0, amendments: 0, evidence: 0 },
    inFlightAtKill: 0,
    inFlightKept: 0,
    inFlightLost: 0,
    killDelaysMs: [],
    restartMs: [],
    verifyMs: [],
    serverBrokeStaleLock: 0,
    verifyBrokeStaleLock: 0,
  };
  const started = performance.now();

  // ------------------------------------------------------------ first start and the first account
  let server: ServerProcess = await startServer(env);
  try {
    if (existsSync(`/proc/${server.pid}/cmdline`)) {
      // bin/shield execs node: the pid we kill is the server itself, not a shell in front of it.
      const cmdline = readFileSync(`/proc/${server.pid}/cmdline`, "utf8").split("\0");
      assert.match(cmdline[0] ?? "", /node$/, cmdline.join(" "));
      assert.ok(
        cmdline.some((a) => a.endsWith("src/cli/main.ts")) && cmdline.includes("serve"),
        cmdline.join(" "),
      );
    }
    const { token, campaignId } = await setUpCandidateOverHttp(server, { password: PASSWORD });

    const known = new Map<string, KnownIncident>();
    /** Incidents sent but not answered when the server was killed, by their (unique) summary. */
    const pendingCreates = new Map<string, { writer: number; occurredAt: string; channel: string }>();
    const unexpected: string[] = [];
    let counter = 0;

    const incidentBody = (summary: string, occurredAt: string, channel: string) => ({
      summary,
      description: `Written by the crash test (${summary}).`,
      occurredAt,
      channel,
      targeted: ["candidate"],
    });

    // ------------------------------------------------------------ writers
    async function writer(
      w: number,
      cycle: number,
      isKilling: () => boolean,
      onAck: () => void = () => {},
    ): Promise<number> {
      let inFlightHere = 0;
      while (!isKilling()) {
        const mine = [...known.values()].filter((k) => k.writer === w && !k.busy && !k.pending);
        const roll = rng.next();
        const n = ++counter;
        if (mine.length > 0 && roll < 0.15) {
          // Amend one of this writer's incidents.
          const target = rng.pick(mine);
          const next: RevisionContent = {
            revision: target.acked.revision + 1,
            summary: `amended c${cycle} w${w} #${n} (${target.id.slice(0, 8)} r${target.acked.revision + 1})`,
            channel: rng.pick(CHANNELS),
          };
          target.busy = true;
          target.pending = next;
          try {
            const res = await http(server.baseUrl, "POST", `/api/incidents/${target.id}/revisions`, {
              token,
              body: {
                body: incidentBody(next.summary, target.occurredAt, next.channel),
                reason: "Crash test amendment",
                expectedRevision: target.acked.revision,
              },
            });
            if (res.status === 201 && res.body.revision === next.revision) {
              target.acked = next;
              target.pending = undefined;
              figures.acked.amendments++;
              onAck();
            } else {
              target.pending = undefined;
              unexpected.push(`amendment of ${target.id}: ${res.status} ${JSON.stringify(res.body)}`);
            }
          } catch (error) {
            if (!isKilling())
              unexpected.push(`amendment of ${target.id} failed before the kill: ${String(error)}`);
            if (networkErrorCode(error) === "ECONNREFUSED")
              target.pending = undefined; // never reached the server
            else inFlightHere++;
            return inFlightHere;
          } finally {
            target.busy = false;
          }
        } else if (mine.length > 0 && roll < 0.3) {
          // Add text evidence to one of this writer's incidents.
          const target = rng.pick(mine);
          const text = `Evidence c${cycle} w${w} #${n}: "you will regret standing"`;
          target.busy = true;
          target.pendingEvidence.add(text);
          try {
            const res = await http(server.baseUrl, "POST", `/api/incidents/${target.id}/evidence`, {
              token,
              body: { kind: "text", text, source: "message-copy" },
            });
            target.pendingEvidence.delete(text);
            if (res.status === 201 && typeof res.body.id === "string" && res.body.text === text) {
              target.evidence.set(res.body.id, text);
              figures.acked.evidence++;
              onAck();
            } else {
              unexpected.push(`evidence for ${target.id}: ${res.status} ${JSON.stringify(res.body)}`);
            }
          } catch (error) {
            if (!isKilling())
              unexpected.push(`evidence for ${target.id} failed before the kill: ${String(error)}`);
            if (networkErrorCode(error) === "ECONNREFUSED") target.pendingEvidence.delete(text);
            else inFlightHere++;
            return inFlightHere;
          } finally {
            target.busy = false;
          }
        } else {
          // Record a new incident.
          const summary = `incident c${cycle} w${w} #${n}`;
          const occurredAt = new Date(
            Date.UTC(2026, 9, 1) + rng.int(0, 50 * 24 * 3600) * 1000 + rng.int(0, 999),
          ).toISOString();
          const channel = rng.pick(CHANNELS);
          pendingCreates.set(summary, { writer: w, occurredAt, channel });
          try {
            const res = await http(server.baseUrl, "POST", `/api/campaigns/${campaignId}/incidents`, {
              token,
              body: incidentBody(summary, occurredAt, channel),
            });
            pendingCreates.delete(summary);
            if (res.status === 201 && typeof res.body.id === "string") {
              known.set(res.body.id, {
                id: res.body.id,
                writer: w,
                occurredAt,
                acked: { revision: 1, summary, channel },
                evidence: new Map(),
                pendingEvidence: new Set(),
                busy: false,
              });
              figures.acked.incidents++;
              onAck();
            } else {
              unexpected.push(`new incident: ${res.status} ${JSON.stringify(res.body)}`);
            }
          } catch (error) {
            if (!isKilling()) unexpected.push(`new incident failed before the kill: ${String(error)}`);
            if (networkErrorCode(error) === "ECONNREFUSED") pendingCreates.delete(summary);
            else inFlightHere++;
            return inFlightHere;
          }
        }
      }
      return inFlightHere;
    }

    // ------------------------------------------------------------ checks after a restart
    async function listAll(): Promise<
      Map<string, { summary: string; revision: number; channel: string; occurredAt: string }>
    > {
      const listed = new Map<
        string,
        { summary: string; revision: number; channel: string; occurredAt: string }
      >();
      let before: string | null = null;
      for (;;) {
        const res = await http(
          server.baseUrl,
          "GET",
          `/api/campaigns/${campaignId}/incidents?limit=200${before ? `&before=${before}` : ""}`,
          { token },
        );
        assert.equal(res.status, 200, JSON.stringify(res.body));
        for (const i of res.body.incidents as {
          id: string;
          summary: string;
          revision: number;
          channel: string;
          occurredAt: string;
        }[]) {
          assert.ok(!listed.has(i.id), `incident ${i.id} listed twice`);
          listed.set(i.id, i);
        }
        before = res.body.next;
        if (!before) return listed;
      }
    }

    async function checkEverything(cycle: number) {
      const listed = await listAll();
      // Every acknowledged incident, with its latest acknowledged revision (or the amendment that was in flight).
      for (const k of known.values()) {
        const row = listed.get(k.id);
        assert.ok(
          row,
          `after crash ${cycle}: acknowledged incident ${k.id} ("${k.acked.summary}") is missing`,
        );
        let expected = k.acked;
        if (k.pending && row.revision === k.pending.revision) {
          expected = k.pending;
          figures.inFlightKept++;
          k.acked = k.pending;
        } else if (k.pending) {
          figures.inFlightLost++;
        }
        k.pending = undefined;
        assert.deepEqual(
          {
            revision: row.revision,
            summary: row.summary,
            channel: row.channel,
            occurredAt: new Date(row.occurredAt).toISOString(),
          },
          {
            revision: expected.revision,
            summary: expected.summary,
            channel: expected.channel,
            occurredAt: k.occurredAt,
          },
          `after crash ${cycle}: incident ${k.id} is not as acknowledged`,
        );
      }
      // Anything else must be an incident that was in flight when the server was killed, exactly as sent.
      for (const [id, row] of listed) {
        if (known.has(id)) continue;
        const sent = pendingCreates.get(row.summary);
        assert.ok(
          sent,
          `after crash ${cycle}: incident ${id} ("${row.summary}") was never sent by this test`,
        );
        assert.deepEqual(
          {
            revision: row.revision,
            channel: row.channel,
            occurredAt: new Date(row.occurredAt).toISOString(),
          },
          { revision: 1, channel: sent.channel, occurredAt: sent.occurredAt },
        );
        pendingCreates.delete(row.summary);
        known.set(id, {
          id,
          writer: sent.writer,
          occurredAt: sent.occurredAt,
          acked: { revision: 1, summary: row.summary, channel: sent.channel },
          evidence: new Map(),
          pendingEvidence: new Set(),
          busy: false,
        });
        figures.inFlightKept++;
      }
      figures.inFlightLost += pendingCreates.size;
      pendingCreates.clear();
      assert.equal(listed.size, known.size);

      // Evidence: read every incident that has (or may have) some.
      const withEvidence = [...known.values()].filter(
        (k) => k.evidence.size > 0 || k.pendingEvidence.size > 0,
      );
      for (let i = 0; i < withEvidence.length; i += 6) {
        await Promise.all(
          withEvidence.slice(i, i + 6).map(async (k) => {
            const res = await http(server.baseUrl, "GET", `/api/incidents/${k.id}`, { token });
            assert.equal(res.status, 200, JSON.stringify(res.body));
            assert.equal(res.body.revisions.length, k.acked.revision);
            assert.equal(res.body.body.summary, k.acked.summary);
            const stored = new Map(
              (res.body.evidence as { id: string; kind: string; text: string }[]).map((e) => [e.id, e]),
            );
            for (const [id, text] of k.evidence) {
              assert.equal(
                stored.get(id)?.text,
                text,
                `after crash ${cycle}: acknowledged evidence ${id} of incident ${k.id} is missing or changed`,
              );
            }
            for (const [id, e] of stored) {
              if (k.evidence.has(id)) continue;
              assert.ok(
                k.pendingEvidence.has(e.text),
                `after crash ${cycle}: evidence ${id} on ${k.id} was never sent by this test`,
              );
              k.pendingEvidence.delete(e.text);
              k.evidence.set(id, e.text);
              figures.inFlightKept++;
            }
            figures.inFlightLost += k.pendingEvidence.size;
            k.pendingEvidence.clear();
          }),
        );
      }
    }

    function assertStaleLockLeftBy(pid: number) {
      if (!isPglite) return;
      assert.ok(existsSync(lockPath), "a killed server leaves its lock file behind");
      assert.equal(
        readFileSync(lockPath, "utf8").split("\n")[0],
        String(pid),
        "the lock file names the killed server",
      );
    }

    async function verifyOffline(when: string) {
      const result = await runShield(["verify"], env);
      figures.verifyMs.push(result.ms);
      assert.equal(
        result.code,
        0,
        `shield verify ${when} failed (exit ${result.code}):\n${result.stdout}\n${result.stderr}`,
      );
      assert.match(result.stdout, /All intact/);
      if (isPglite) {
        figures.verifyBrokeStaleLock++;
        assert.ok(!existsSync(lockPath), "shield verify releases the lock when it is done");
      }
    }

    async function restart(): Promise<ServerProcess> {
      const t0 = performance.now();
      const next = await startServer(env); // throws if it exits or is not ready in time
      figures.restartMs.push(Math.round(performance.now() - t0));
      assert.doesNotMatch(
        next.stdout(),
        /No accounts yet/,
        "a restarted server must find the accounts it had",
      );
      return next;
    }

    // The set-up itself must survive a kill.
    let killedPid = server.pid;
    await server.kill();
    assertStaleLockLeftBy(killedPid);
    server = await restart();
    if (isPglite) figures.serverBrokeStaleLock++;

    // ------------------------------------------------------------ the cycles
    for (let cycle = 1; cycle <= CYCLES; cycle++) {
      let killing = false;
      let firstAck!: () => void;
      const writing = new Promise<void>((resolve) => (firstAck = resolve));
      const writers = Array.from({ length: WRITERS }, (_, w) => writer(w, cycle, () => killing, firstAck));
      // The random delay runs from the first acknowledged write, so that every cycle kills a server
      // that is busy writing (a server just started answers its first requests slowly).
      await Promise.race([writing, sleep(15_000)]);
      const delay = rng.int(100, 800);
      figures.killDelaysMs.push(delay);
      await sleep(delay);
      killing = true;
      killedPid = server.pid;
      await server.kill();
      const exit = await server.exited;
      assert.equal(exit.signal, "SIGKILL");
      const inFlight = (await Promise.all(writers)).reduce((a, b) => a + b, 0);
      figures.inFlightAtKill += inFlight;
      assert.deepEqual(unexpected, [], `cycle ${cycle}: unexpected answers`);
      assertStaleLockLeftBy(killedPid);

      if (isPglite && cycle % SERVER_BREAKS_LOCK_EVERY === 0) {
        // This time the server is the first to open the data after the kill: it must break the stale lock.
        server = await restart();
        figures.serverBrokeStaleLock++;
        await checkEverything(cycle);
        killedPid = server.pid;
        await server.kill();
        assertStaleLockLeftBy(killedPid);
      }
      if (isPglite) {
        // The embedded database is locked while the server runs: verify between the kill and the restart.
        await verifyOffline(`after crash ${cycle}`);
        server = await restart();
      } else {
        // PostgreSQL: verify while the new server starts (it writes nothing that the chain covers).
        [, server] = await Promise.all([verifyOffline(`after crash ${cycle}`), restart()]);
      }
      await checkEverything(cycle);
      figures.cycles++;
    }

    if (!isPglite) {
      // With PostgreSQL, `shield verify` can run beside a working service: it must not report
      // the writes it sees half-way through as tampering.
      await t.test("shield verify while the service keeps writing reports no false problems", async () => {
        let stop = false;
        const writers = Array.from({ length: WRITERS }, (_, w) => writer(w, CYCLES + 1, () => stop));
        await sleep(300);
        const runs = [];
        try {
          for (let i = 0; i < 2; i++) runs.push(await runShield(["verify"], env));
        } finally {
          stop = true;
          await Promise.all(writers);
        }
        assert.deepEqual(unexpected, []);
        for (const run of runs) {
          assert.equal(
            run.code,
            0,
            `shield verify during writes reported problems (exit ${run.code}):\n${run.stdout.split("\n").slice(0, 8).join("\n")}`,
          );
        }
      });
      await checkEverything(CYCLES + 1);
    }

    // ------------------------------------------------------------ a clean stop at the end
    server.child.kill("SIGTERM");
    const stopped = await server.exited;
    assert.equal(stopped.code, 0, `SIGTERM should stop the server cleanly: ${server.stderr()}`);
    if (isPglite) assert.ok(!existsSync(lockPath), "a clean stop removes the lock file");
    await verifyOffline("after the final clean stop");

    assert.equal(figures.cycles, CYCLES);
    assert.ok(figures.acked.incidents >= CYCLES, "the writers should have recorded incidents in most cycles");
    assert.equal(
      figures.inFlightKept + figures.inFlightLost,
      figures.inFlightAtKill,
      "every in-flight write was accounted for",
    );
  } finally {
    await server.kill();
    report();
  }

  /** The figures, printed whether the run passed or not. */
  function report() {
    const avg = (xs: number[]) => (xs.length ? Math.round(xs.reduce((a, b) => a + b, 0) / xs.length) : 0);
    log(
      [
        `seed ${seed}: ${figures.cycles} of ${CYCLES} SIGKILL cycles completed in ${Math.round((performance.now() - started) / 1000)} s`,
        `acknowledged (2xx) writes: ${figures.acked.incidents + figures.acked.amendments + figures.acked.evidence} ` +
          `(${figures.acked.incidents} incidents, ${figures.acked.amendments} amendments, ${figures.acked.evidence} text evidence)`,
        `writes in flight when killed: ${figures.inFlightAtKill} (found kept after the restart: ${figures.inFlightKept}, not kept: ${figures.inFlightLost})`,
        `killed ${Math.min(...figures.killDelaysMs)}–${Math.max(...figures.killDelaysMs)} ms after the cycle's first acknowledged write; ` +
          `restart avg ${avg(figures.restartMs)} ms (max ${Math.max(0, ...figures.restartMs)}); shield verify avg ${avg(figures.verifyMs)} ms`,
        isPglite
          ? `stale lock file broken by the restarted server ${figures.serverBrokeStaleLock} times, by shield verify ${figures.verifyBrokeStaleLock} times`
          : "",
      ]
        .filter(Boolean)
        .join("\n  "),
    );
  }
}

async function postgresReachable(): Promise<string | undefined> {
  const { default: pg } = await import("pg");
  const client = new pg.Client({ connectionString: pgServerUrl(), connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query("select 1");
    return undefined;
  } catch (error) {
    return (error as Error).message;
  } finally {
    await client.end().catch(() => {});
  }
}

test(
  "the server survives SIGKILL without losing or altering acknowledged writes",
  { timeout: 12 * 60_000, concurrency: true },
  async (t) => {
    t.after(() => killAllServers());
    const seed = Number(process.env.SHIELD_CRASH_SEED || Math.floor(Math.random() * 2 ** 31));
    console.log(
      `[crash] seed ${seed} (repeat with SHIELD_CRASH_SEED=${seed}), ${CYCLES} cycles per database, ${WRITERS} writers`,
    );

    const pglite = t.test("on the embedded database (PGlite)", async (t) => {
      const dataDir = mkdtempSync(join(tmpdir(), "shield-crash-pglite-"));
      await crashRun(t, "PGlite", { DATA_DIR: dataDir }, seed);
      rmSync(dataDir, { recursive: true, force: true });
    });

    const postgres = t.test("on PostgreSQL", async (t) => {
      const unreachable = await postgresReachable();
      if (unreachable) {
        if (process.env.SHIELD_TEST_PG_URL)
          assert.fail(`SHIELD_TEST_PG_URL is set but the server is unreachable: ${unreachable}`);
        t.skip(
          `PostgreSQL is not reachable at ${pgServerUrl()} (${unreachable}); set SHIELD_TEST_PG_URL to run this half`,
        );
        return;
      }
      const database: TestDatabase = await createTestDatabase("postgres");
      try {
        await crashRun(
          t,
          "PostgreSQL",
          { DATA_DIR: database.dataDir, DATABASE_URL: database.databaseUrl },
          seed + 1,
        );
      } finally {
        await database.drop();
      }
      rmSync(database.dataDir, { recursive: true, force: true });
    });

    await Promise.all([pglite, postgres]);
  },
);
