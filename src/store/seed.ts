// Reference data kept in code (reviewable, with its source) and written to the database at start.
import { sql } from "drizzle-orm";
import { POLICE_FORCES } from "../core/forces.ts";
import * as t from "./schema.ts";
import type { Database } from "./db.ts";

export async function seedForces(db: Database): Promise<void> {
  await db
    .insert(t.forces)
    .values(
      POLICE_FORCES.map((f) => ({
        id: f.id,
        name: f.name,
        nation: f.nation,
        jurisdiction: f.jurisdiction,
        kind: f.kind,
        website: f.website,
      })),
    )
    .onConflictDoUpdate({
      target: t.forces.id,
      set: {
        name: sql`excluded.name`,
        nation: sql`excluded.nation`,
        jurisdiction: sql`excluded.jurisdiction`,
        kind: sql`excluded.kind`,
        website: sql`excluded.website`,
      },
    });
}
