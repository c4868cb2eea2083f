// Opens the database: embedded PGlite in DATA_DIR by default, a PostgreSQL server when a URL is given.
// Both run the same drizzle schema, migrations and queries.
import { mkdirSync } from "node:fs";
import { join, dirname } from "node:path";
import { fileURLToPath } from "node:url";
import { sql, type SQL } from "drizzle-orm";
import type { PgDatabase, PgQueryResultHKT } from "drizzle-orm/pg-core";
import * as schema from "./schema.ts";
import { acquireDataDirLock } from "./lock.ts";

export type Database = PgDatabase<PgQueryResultHKT, typeof schema>;
export type DatabaseKind = "pglite" | "postgres";

export interface OpenDatabase {
  db: Database;
  kind: DatabaseKind;
  close(): Promise<void>;
}

export const MIGRATIONS_FOLDER = join(dirname(fileURLToPath(import.meta.url)), "..", "..", "drizzle");
/** Arbitrary constant naming Shield's migration lock among PostgreSQL advisory locks. */
const MIGRATION_LOCK_KEY = 5_150_0001;
const PGLITE_ANALYZE_INTERVAL_MS = 10 * 60_000;
/**
 * PGlite's start-up flags plus a smaller buffer cache. PGlite's 128 MB default is touched at start, so
 * the process held ~115 MiB more before doing anything; the data files stay in the operating system's
 * page cache, so a miss in this cache costs a read() rather than a disk seek.
 */
const PGLITE_START_PARAMS = [
  "--single",
  "-F",
  "-O",
  "-j",
  "-c",
  "search_path=public",
  "-c",
  "exit_on_error=false",
  "-c",
  "log_checkpoints=false",
  "-c",
  "max_worker_processes=0",
  "-c",
  "max_parallel_workers=0",
  "-c",
  "max_parallel_workers_per_gather=0",
  "-c",
  "io_method=sync",
  "-c",
  "max_parallel_maintenance_workers=0",
  "-c",
  "shared_buffers=32MB",
];

export interface DatabaseOptions {
  dataDir: string;
  databaseUrl?: string | undefined;
  poolSize?: number;
  /** Load this PGlite data-dir dump instead of running initdb (tests use a migrated template). */
  pgliteTemplate?: Blob | File;
}

export async function openDatabase(options: DatabaseOptions): Promise<OpenDatabase> {
  return options.databaseUrl
    ? openPostgres(options.databaseUrl, options.poolSize ?? 20)
    : openPglite(options);
}

async function openPostgres(url: string, poolSize: number): Promise<OpenDatabase> {
  const { default: pg } = await import("pg");
  const { drizzle } = await import("drizzle-orm/node-postgres");
  const { migrate } = await import("drizzle-orm/node-postgres/migrator");
  // Migrate on one dedicated connection that holds the advisory lock, so that several
  // servers starting together apply each migration exactly once.
  const migrationClient = new pg.Client({ connectionString: url });
  await migrationClient.connect();
  try {
    await migrationClient.query("select pg_advisory_lock($1)", [MIGRATION_LOCK_KEY]);
    await migrate(drizzle(migrationClient, { schema }), { migrationsFolder: MIGRATIONS_FOLDER });
    await migrationClient.query("select pg_advisory_unlock($1)", [MIGRATION_LOCK_KEY]);
  } finally {
    await migrationClient.end();
  }
  const pool = new pg.Pool({ connectionString: url, max: poolSize });
  pool.on("error", () => {
    /* an idle client lost its connection; the pool replaces it */
  });
  const db = drizzle(pool, { schema }) as unknown as Database;
  return { db, kind: "postgres", close: () => pool.end() };
}

async function openPglite(options: DatabaseOptions): Promise<OpenDatabase> {
  mkdirSync(options.dataDir, { recursive: true });
  const release = acquireDataDirLock(join(options.dataDir, "shield.lock"));
  try {
    const { PGlite } = await import("@electric-sql/pglite");
    const { drizzle } = await import("drizzle-orm/pglite");
    const { migrate } = await import("drizzle-orm/pglite/migrator");
    const client = await PGlite.create(join(options.dataDir, "pglite"), {
      ...(options.pgliteTemplate ? { loadDataDir: options.pgliteTemplate } : {}),
      startParams: PGLITE_START_PARAMS,
    });
    const db = drizzle(client, { schema });
    await db.execute(sql`select pg_advisory_lock(${MIGRATION_LOCK_KEY})`);
    await migrate(db, { migrationsFolder: MIGRATIONS_FOLDER });
    await db.execute(sql`select pg_advisory_unlock(${MIGRATION_LOCK_KEY})`);
    // PGlite has no autovacuum: without statistics its planner ignores the right indexes.
    await db.execute(sql`analyze`);
    const analyse = setInterval(
      () => void db.execute(sql`analyze`).catch(() => {}),
      PGLITE_ANALYZE_INTERVAL_MS,
    );
    analyse.unref();
    return {
      db: db as unknown as Database,
      kind: "pglite",
      close: async () => {
        clearInterval(analyse);
        try {
          await client.close();
        } finally {
          release();
        }
      },
    };
  } catch (error) {
    release();
    throw error;
  }
}

export async function pingDatabase(db: Database): Promise<void> {
  await db.execute(sql`select 1`);
}

/** Rows of a raw SQL query (both drivers return `{ rows }`). */
export async function queryRows<T>(db: Database, query: SQL): Promise<T[]> {
  const result = (await db.execute(query)) as unknown as { rows: T[] };
  return result.rows;
}
