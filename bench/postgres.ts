// Throw-away databases on the PostgreSQL server (127.0.0.1:5432, user postgres, trust auth).
import { randomBytes } from "node:crypto";
import pg from "pg";
import { onCleanup } from "./cleanup.ts";

export const PG_SERVER_URL = process.env.BENCH_PG_URL || "postgres://postgres@127.0.0.1:5432/postgres";

async function withAdmin<T>(fn: (client: pg.Client) => Promise<T>): Promise<T> {
  const client = new pg.Client({ connectionString: PG_SERVER_URL, connectionTimeoutMillis: 3000 });
  await client.connect();
  try {
    return await fn(client);
  } finally {
    await client.end();
  }
}

/** The server's version, or why it cannot be used. */
export async function probePostgres(): Promise<
  { ok: true; version: string } | { ok: false; reason: string }
> {
  try {
    const version = await withAdmin(
      async (c) => (await c.query<{ server_version: string }>("show server_version")).rows[0]!.server_version,
    );
    return { ok: true, version };
  } catch (error) {
    return { ok: false, reason: (error as Error).message || String(error) };
  }
}

export interface ThrowAwayDatabase {
  name: string;
  url: string;
  drop(): Promise<void>;
}

export async function createThrowAwayDatabase(): Promise<ThrowAwayDatabase> {
  const name = `shield_bench_${randomBytes(6).toString("hex")}`;
  await withAdmin((c) => c.query(`create database ${name}`));
  const drop = onCleanup(`database ${name}`, async () => {
    await withAdmin((c) => c.query(`drop database if exists ${name} with (force)`));
  });
  const url = new URL(PG_SERVER_URL);
  url.pathname = `/${name}`;
  return { name, url: url.toString(), drop };
}

export interface WaitSample {
  samples: number;
  /** Average number of the database's backends in each state ("active Lock:tuple", "idle in transaction …"). */
  average: Record<string, number>;
}

/**
 * Samples pg_stat_activity for one database until the returned function is called: where connections wait,
 * keyed by state, or (byApplication) by each connection's application name as well.
 */
export async function sampleWaits(
  database: string,
  everyMs = 50,
  options: { url?: string; byApplication?: boolean } = {},
): Promise<() => Promise<WaitSample>> {
  const client = new pg.Client({
    connectionString: options.url ?? PG_SERVER_URL,
    connectionTimeoutMillis: 3000,
  });
  await client.connect();
  const tally = new Map<string, number>();
  let samples = 0;
  let running = true;
  const loop = (async () => {
    while (running) {
      const { rows } = await client.query<{ app: string; state: string; wait: string }>(
        `select application_name as app, coalesce(state, '') as state,
                coalesce(wait_event_type || ':' || wait_event, 'running') as wait
         from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()`,
        [database],
      );
      samples++;
      for (const row of rows) {
        const key = options.byApplication
          ? `${row.app}: ${row.state} ${row.wait}`
          : `${row.state} ${row.wait}`;
        tally.set(key, (tally.get(key) ?? 0) + 1);
      }
      await new Promise((r) => setTimeout(r, everyMs));
    }
  })();
  return async () => {
    running = false;
    await loop.catch(() => undefined);
    await client.end();
    const average = Object.fromEntries(
      [...tally]
        .sort((a, b) => b[1] - a[1])
        .map(([k, v]) => [k, Math.round((v / Math.max(1, samples)) * 100) / 100]),
    );
    return { samples, average };
  };
}
