// Test databases: a fresh PGlite folder loaded from a migrated template, or a throw-away database
// on the PostgreSQL server named by SHIELD_TEST_PG_URL. SHIELD_TEST_DB chooses (pglite by default).
import { createHash, randomUUID } from "node:crypto";
import {
  existsSync,
  mkdirSync,
  mkdtempSync,
  readFileSync,
  readdirSync,
  renameSync,
  writeFileSync,
} from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { MIGRATIONS_FOLDER } from "../../src/store/db.ts";

export type TestDbKind = "pglite" | "postgres";

export const testDbKind = (): TestDbKind =>
  process.env.SHIELD_TEST_DB === "postgres" ? "postgres" : "pglite";

export function pgServerUrl(): string {
  return process.env.SHIELD_TEST_PG_URL || "postgres://postgres@127.0.0.1:5432/postgres";
}

function migrationsFingerprint(): string {
  const hash = createHash("sha256");
  for (const file of readdirSync(MIGRATIONS_FOLDER, { recursive: true }).map(String).sort()) {
    if (file.endsWith(".sql") || file.endsWith(".json"))
      hash.update(file).update(readFileSync(join(MIGRATIONS_FOLDER, file)));
  }
  return hash.digest("hex").slice(0, 16);
}

/** A migrated PGlite data folder as a tarball, built once and shared by test processes. */
export async function pgliteTemplate(): Promise<Blob> {
  const path = join(tmpdir(), `shield-pglite-template-${migrationsFingerprint()}.tar`);
  if (!existsSync(path)) {
    const { PGlite } = await import("@electric-sql/pglite");
    const { drizzle } = await import("drizzle-orm/pglite");
    const { migrate } = await import("drizzle-orm/pglite/migrator");
    const dir = mkdtempSync(join(tmpdir(), "shield-template-"));
    const client = await PGlite.create(join(dir, "pglite"));
    await migrate(drizzle(client), { migrationsFolder: MIGRATIONS_FOLDER });
    const dump = await client.dumpDataDir("none");
    await client.close();
    const temp = `${path}.${randomUUID()}`;
    writeFileSync(temp, Buffer.from(await dump.arrayBuffer()));
    renameSync(temp, path);
  }
  return new Blob([readFileSync(path)]);
}

export interface TestDatabase {
  dataDir: string;
  databaseUrl: string | undefined;
  pgliteTemplate: Blob | undefined;
  /** Drops the throw-away PostgreSQL database (PGlite folders live in the OS temp folder). */
  drop(): Promise<void>;
}

/** A new, empty, migrated-on-open database of the kind under test. */
export async function createTestDatabase(kind: TestDbKind = testDbKind()): Promise<TestDatabase> {
  const dataDir = mkdtempSync(join(tmpdir(), "shield-test-"));
  mkdirSync(dataDir, { recursive: true });
  if (kind === "pglite") {
    return { dataDir, databaseUrl: undefined, pgliteTemplate: await pgliteTemplate(), drop: async () => {} };
  }
  const { default: pg } = await import("pg");
  const name = `shield_test_${randomUUID().replace(/-/g, "").slice(0, 16)}`;
  const admin = new pg.Client({ connectionString: pgServerUrl() });
  await admin.connect();
  await admin.query(`create database ${name}`);
  await admin.end();
  const url = new URL(pgServerUrl());
  url.pathname = `/${name}`;
  return {
    dataDir,
    databaseUrl: url.toString(),
    pgliteTemplate: undefined,
    drop: async () => {
      const client = new pg.Client({ connectionString: pgServerUrl() });
      await client.connect();
      await client.query(`drop database if exists ${name} with (force)`);
      await client.end();
    },
  };
}
