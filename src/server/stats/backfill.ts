// Filling in incident_facts for incidents recorded before the projection existed: from each incident's
// current verdict, in small batches, when the service starts. Incidents whose verdict is recomputed later
// (an amendment, new evidence, a rule-set update) get their row rewritten then.
import { and, asc, eq, gt, isNull } from "drizzle-orm";
import * as t from "../../store/schema.ts";
import type { Database } from "../../store/db.ts";
import type { Jurisdiction } from "../../core/incident/model.ts";
import { conclude } from "../../core/triage/index.ts";
import { decryptStoredVerdict } from "../commands/verdicts.ts";
import type { Deps } from "../deps.ts";
import { incidentFactsRow, withForce, type IncidentFactsRow } from "./facts.ts";

/** Writes the missing rows; returns how many. Bounded: each batch is one query (walking the primary key) and one insert. */
export async function backfillIncidentFacts(deps: Deps, batchSize = 500): Promise<number> {
  let written = 0;
  let after: string | undefined;
  for (;;) {
    const rows = await missingFacts(deps.db, batchSize, after);
    const facts: IncidentFactsRow[] = [];
    for (const r of rows) {
      try {
        const stored = decryptStoredVerdict(deps, r.verdictId, r.verdictEnc);
        const verdict = conclude(stored.assessment, stored.findings, {
          jurisdiction: r.jurisdiction as Jurisdiction,
        });
        facts.push(incidentFactsRow(r.incidentId, r.campaignId, verdict, deps.now()));
      } catch (error) {
        // A record that fails its integrity check is for `shield verify` to report; it is not counted.
        console.error(`shield: incident facts skipped an unreadable verdict (${(error as Error).name})`);
      }
    }
    if (facts.length > 0)
      await deps.db.insert(t.incidentFacts).values(facts.map(withForce)).onConflictDoNothing();
    written += facts.length;
    if (rows.length < batchSize) return written;
    after = rows.at(-1)!.incidentId;
    await new Promise((resolve) => setImmediate(resolve));
  }
}

/** Incidents with a verdict and no facts, in id order after `after`. */
function missingFacts(db: Database, limit: number, after: string | undefined) {
  return db
    .select({
      incidentId: t.incidents.id,
      campaignId: t.incidents.campaignId,
      verdictId: t.incidentVerdicts.id,
      verdictEnc: t.incidentVerdicts.verdictEnc,
      jurisdiction: t.campaigns.jurisdiction,
    })
    .from(t.incidents)
    .innerJoin(t.incidentVerdicts, eq(t.incidentVerdicts.id, t.incidents.currentVerdictId))
    .innerJoin(t.campaigns, eq(t.campaigns.id, t.incidents.campaignId))
    .leftJoin(t.incidentFacts, eq(t.incidentFacts.incidentId, t.incidents.id))
    .where(and(isNull(t.incidentFacts.incidentId), after ? gt(t.incidents.id, after) : undefined))
    .orderBy(asc(t.incidents.id))
    .limit(limit);
}
