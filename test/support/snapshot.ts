// A fingerprint of everything a request could write: row counts of every table a command writes,
// revision numbers, team permissions, suspensions, and the evidence files on disk. Two equal
// snapshots mean a request changed nothing.
import { readdirSync } from "node:fs";
import { join } from "node:path";
import { sql } from "drizzle-orm";
import type { Harness } from "./harness.ts";

export interface Snapshot {
  users: number;
  suspended_users: number;
  campaigns: number;
  active_members: number;
  member_permissions: string;
  invitations: number;
  incidents: number;
  incident_revision_sum: number;
  incident_revisions: number;
  incident_actors: number;
  evidence: number;
  follow_ups: number;
  actors: number;
  actor_revision_sum: number;
  actor_revisions: number;
  actor_identifier_hashes: number;
  reads: number;
  events: number;
  incident_verdicts: number;
  notices: number;
  notice_reads: number;
  actor_links: string;
  campaign_settings: string;
  idempotency_keys: number;
  health_check_items: string;
  canvass_sessions: number;
  canvass_events: number;
  canvass_alerts: number;
  canvass_deliveries: number;
  push_subscriptions: number;
  shares: string;
  police_updates: number;
  security_briefings: number;
  blob_files: number;
}

function countFiles(dir: string): number {
  try {
    return readdirSync(dir, { recursive: true, withFileTypes: true }).filter((e) => e.isFile()).length;
  } catch {
    return 0;
  }
}

// One statement (a union of single-row selects): each query has a noticeable fixed cost on PGlite.
const FINGERPRINT = sql.raw(
  [
    ["users", "count(*)", "users"],
    ["suspended_users", "count(*)", "users where suspended_at is not null"],
    ["campaigns", "count(*)", "campaigns"],
    ["active_members", "count(*)", "campaign_members where revoked_at is null"],
    [
      "member_permissions",
      "coalesce(string_agg(campaign_id::text || '/' || user_id::text || '=' || permission, ',' order by campaign_id, user_id), '')",
      "campaign_members where revoked_at is null",
    ],
    ["invitations", "count(*)", "invitations"],
    ["incidents", "count(*)", "incidents"],
    ["incident_revision_sum", "coalesce(sum(current_revision), 0)", "incidents"],
    ["incident_revisions", "count(*)", "incident_revisions"],
    ["incident_actors", "count(*)", "incident_actors"],
    ["evidence", "count(*)", "evidence"],
    ["follow_ups", "count(*)", "follow_ups"],
    ["actors", "count(*)", "actors"],
    ["actor_revision_sum", "coalesce(sum(current_revision), 0)", "actors"],
    ["actor_revisions", "count(*)", "actor_revisions"],
    ["actor_identifier_hashes", "count(*)", "actor_identifier_hashes"],
    ["reads", "count(*)", "reads"],
    ["events", "count(*)", "events"],
    ["incident_verdicts", "count(*)", "incident_verdicts"],
    ["notices", "count(*)", "notices"],
    ["notice_reads", "count(*)", "notice_reads"],
    [
      "actor_links",
      "coalesce(string_agg(actor_a::text || '/' || actor_b::text || '=' || decision, ',' order by actor_a, actor_b), '')",
      "actor_links",
    ],
    [
      "campaign_settings",
      "coalesce(string_agg(campaign_id::text || '/' || kind || '=' || revision, ',' order by campaign_id, kind), '')",
      "campaign_settings",
    ],
    ["idempotency_keys", "count(*)", "idempotency_keys"],
    [
      "health_check_items",
      "coalesce(string_agg(campaign_id::text || '/' || item_id || '=' || done::text || '/' || updated_by::text, ',' order by campaign_id, item_id), '')",
      "health_check_items",
    ],
    ["canvass_sessions", "count(*)", "canvass_sessions"],
    ["canvass_events", "count(*)", "canvass_events"],
    ["canvass_alerts", "count(*)", "canvass_alerts"],
    ["canvass_deliveries", "count(*)", "canvass_deliveries"],
    ["push_subscriptions", "count(*)", "push_subscriptions"],
    [
      "shares",
      "coalesce(string_agg(id::text || '=' || coalesce(stopped_at::text, 'open'), ',' order by id), '')",
      "shares",
    ],
    ["police_updates", "count(*)", "police_updates"],
    ["security_briefings", "count(*)", "security_briefings"],
  ]
    .map(([key, value, from]) => `select '${key}' as key, (${value})::text as value from ${from}`)
    .join(" union all "),
);

const TEXT_KEYS = new Set([
  "member_permissions",
  "actor_links",
  "campaign_settings",
  "health_check_items",
  "shares",
]);

export async function snapshot(h: Harness): Promise<Snapshot> {
  const result = (await h.runtime.deps.db.execute(FINGERPRINT)) as unknown as {
    rows: { key: string; value: string }[];
  };
  const values = Object.fromEntries(
    result.rows.map(({ key, value }) => [key, TEXT_KEYS.has(key) ? value : Number(value)]),
  );
  return { ...(values as unknown as Snapshot), blob_files: countFiles(join(h.database.dataDir, "blobs")) };
}

/**
 * Snapshots around requests, re-using the last "after" as the next "before" (halving the cost in
 * long runs). Call forget() whenever something else may have written, e.g. in beforeEach.
 */
export class StateTracker {
  private last: Snapshot | undefined;
  constructor(private readonly h: Harness) {}

  forget(): void {
    this.last = undefined;
  }

  async around<T>(request: () => Promise<T>): Promise<{ result: T; before: Snapshot; after: Snapshot }> {
    const before = this.last ?? (await snapshot(this.h));
    this.last = undefined;
    const result = await request();
    const after = await snapshot(this.h);
    this.last = after;
    return { result, before, after };
  }
}

export function changedKeys(before: Snapshot, after: Snapshot): string[] {
  return (Object.keys(before) as (keyof Snapshot)[]).filter((k) => before[k] !== after[k]);
}
