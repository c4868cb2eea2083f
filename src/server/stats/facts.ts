// Writing incident_facts, the projection national statistics read: one row per incident, replaced with
// every verdict stored for it (in the same transaction), and filled in for incidents recorded before the
// projection existed. The force is the campaign's force at the time of writing (null: not chosen yet);
// choosing a force later moves the campaign's rows with it (refreshCampaignForce).
import { eq, sql } from "drizzle-orm";
import * as t from "../../store/schema.ts";
import type { DeferredInsert, Tx } from "../../store/chain.ts";
import { incidentFactsOf } from "../../core/stats/index.ts";
import type { Verdict } from "../../core/triage/index.ts";

/** An incident_facts row without its force, which is read from the campaign when the row is written. */
export type IncidentFactsRow = Omit<typeof t.incidentFacts.$inferInsert, "forceId">;

export function incidentFactsRow(
  incidentId: string,
  campaignId: string,
  verdict: Verdict,
  at: Date,
): IncidentFactsRow {
  return { incidentId, campaignId, ...incidentFactsOf(verdict), updatedAt: at };
}

const forceOfCampaign = (campaignId: string) =>
  sql`(select ${t.campaigns.forceId} from ${t.campaigns} where ${t.campaigns.id} = ${campaignId})`;

export const withForce = (row: IncidentFactsRow) => ({ ...row, forceId: forceOfCampaign(row.campaignId) });

/** The row as one of a chain write's inserts (a new incident: there is no row to replace yet). */
export const incidentFactsInsert = (row: IncidentFactsRow): DeferredInsert => ({
  table: t.incidentFacts,
  row: withForce(row),
});

/** Writes or replaces the incident's row, inside the caller's transaction. */
export async function upsertIncidentFacts(tx: Tx, row: IncidentFactsRow): Promise<void> {
  await tx
    .insert(t.incidentFacts)
    .values(withForce(row))
    .onConflictDoUpdate({
      target: t.incidentFacts.incidentId,
      set: {
        forceId: sql`excluded.force_id`,
        weekStart: sql`excluded.week_start`,
        channel: sql`excluded.channel`,
        level: sql`excluded.level`,
        offenceCategories: sql`excluded.offence_categories`,
        targeted: sql`excluded.targeted`,
        characteristics: sql`excluded.characteristics`,
        updatedAt: sql`excluded.updated_at`,
      },
    });
}

/** After a campaign chooses its force: its incidents count under that force. */
export async function refreshCampaignForce(tx: Tx, campaignId: string, forceId: string | null) {
  await tx.update(t.incidentFacts).set({ forceId }).where(eq(t.incidentFacts.campaignId, campaignId));
}
