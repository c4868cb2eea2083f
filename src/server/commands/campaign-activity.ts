// The campaign's recent activity before an incident that names no actor, for the campaign-wide burst
// (core/patterns noActorFindings): how many incidents in the window and how many of them serious,
// how many in the baseline weeks before, and the most recent ones of the window. One round trip, which
// also reads the version of the campaign's settings (so the verdict needs no other query when the
// settings read last are still current). Nothing is decrypted.
import { sql } from "drizzle-orm";
import type { Tx } from "../../store/chain.ts";
import { queryRows, type Database } from "../../store/db.ts";
import { triageSettingsVersionColumn } from "./campaign-settings.ts";

/** A campaign-wide burst names at most this many of its most recent incidents (and counts them all). */
export const BURST_INCIDENTS_NAMED = 50;

export interface NamedIncident {
  id: string;
  /** Epoch milliseconds. */
  occurredAt: number;
  recordedAt: number;
  channel: string;
  level: string | null;
}

export interface CampaignActivity {
  /** Other incidents in (windowStart, at]. */
  recent: number;
  /** Of those, at report-to-police or above (by their stored verdict). */
  serious: number;
  /** Other incidents in (baselineStart, windowStart]. */
  prior: number;
  /** The most recent of the window's incidents, newest first (at most BURST_INCIDENTS_NAMED). */
  named: NamedIncident[];
  /** See cachedTriageSettings. */
  settingsVersion: string;
}

interface ActivityRow {
  recent: number;
  serious: number;
  prior: number;
  settings_version: string;
  id: string | null;
  occurred_ms: number | null;
  recorded_ms: number | null;
  channel: string | null;
  level: string | null;
}

const iso = (ms: number) => new Date(ms).toISOString();
/** Epoch milliseconds, truncated as a JavaScript Date truncates microseconds (same on both drivers). */
const epochMs = (column: string) => sql.raw(`floor(extract(epoch from ${column}) * 1000)::float8`);

export async function campaignActivityBefore(
  db: Database | Tx,
  q: { campaignId: string; incidentId: string; at: number; windowStart: number; baselineStart: number },
): Promise<CampaignActivity> {
  const others = sql`campaign_id = ${q.campaignId} and id <> ${q.incidentId}`;
  const inWindow = sql`occurred_at > ${iso(q.windowStart)}::timestamptz and occurred_at <= ${iso(q.at)}::timestamptz`;
  const rows = await queryRows<ActivityRow>(
    db as Database,
    sql`
      with in_window as (
        select count(*)::int as recent,
               count(*) filter (where verdict_level in ('call-999', 'report-to-police'))::int as serious
        from incidents where ${others} and ${inWindow}
      ), in_baseline as (
        select count(*)::int as prior
        from incidents
        where ${others}
          and occurred_at > ${iso(q.baselineStart)}::timestamptz
          and occurred_at <= ${iso(q.windowStart)}::timestamptz
      )
      select recent, serious, prior, ${triageSettingsVersionColumn(q.campaignId)} as settings_version, named.*
      from in_window, in_baseline
      left join lateral (
        select id, ${epochMs("occurred_at")} as occurred_ms, ${epochMs("recorded_at")} as recorded_ms,
               channel, verdict_level as level
        from incidents where ${others} and ${inWindow}
        order by occurred_at desc
        limit ${BURST_INCIDENTS_NAMED}
      ) named on true`,
  );
  const first = rows[0];
  return {
    recent: first?.recent ?? 0,
    serious: first?.serious ?? 0,
    prior: first?.prior ?? 0,
    settingsVersion: first?.settings_version ?? "",
    named: rows
      .filter((r) => r.id !== null)
      .map((r) => ({
        id: r.id!,
        occurredAt: r.occurred_ms!,
        recordedAt: r.recorded_ms!,
        channel: r.channel!,
        level: r.level,
      })),
  };
}
