// The one database schema (PostgreSQL 15 dialect; runs on PGlite and on a PostgreSQL server).
// Enumerations are text + CHECK, not PostgreSQL enums (drizzle migrates in one transaction).
// Columns ending in _enc hold AES-256-GCM ciphertext (see store/cipher.ts): incident text,
// evidence, actors' identifiers and follow-ups are private and are encrypted at rest.
import { sql } from "drizzle-orm";
import {
  bigint,
  bigserial,
  boolean,
  check,
  index,
  integer,
  jsonb,
  pgTable,
  primaryKey,
  text,
  timestamp,
  uniqueIndex,
  uuid,
} from "drizzle-orm/pg-core";

const at = (name: string) => timestamp(name, { withTimezone: true, mode: "date" });
const inList = (column: string, values: readonly string[]) =>
  sql.raw(`${column} in (${values.map((v) => `'${v}'`).join(", ")})`);

export const ROLES = ["candidate", "team-member", "spoc", "analyst", "admin"] as const;
export type Role = (typeof ROLES)[number];
export const PERMISSIONS = ["owner", "full", "log-only"] as const;
export type Permission = (typeof PERMISSIONS)[number];

export const forces = pgTable("forces", {
  id: text("id").primaryKey(),
  name: text("name").notNull(),
  nation: text("nation").notNull(),
  jurisdiction: text("jurisdiction").notNull(),
  kind: text("kind").notNull(),
  website: text("website").notNull(),
});

export const users = pgTable(
  "users",
  {
    id: uuid("id").primaryKey(),
    email: text("email").notNull(),
    displayName: text("display_name").notNull(),
    passwordHash: text("password_hash").notNull(),
    role: text("role").notNull(),
    forceId: text("force_id").references(() => forces.id),
    totpSecretEnc: text("totp_secret_enc"),
    totpEnabled: boolean("totp_enabled").notNull().default(false),
    suspendedAt: at("suspended_at"),
    createdAt: at("created_at").notNull(),
  },
  (t) => [uniqueIndex("users_email_key").on(t.email), check("users_role_check", inList("role", ROLES))],
);

export const campaigns = pgTable(
  "campaigns",
  {
    id: uuid("id").primaryKey(),
    name: text("name").notNull(),
    jurisdiction: text("jurisdiction").notNull(),
    forceId: text("force_id").references(() => forces.id),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: at("created_at").notNull(),
  },
  () => [
    check(
      "campaigns_jurisdiction_check",
      inList("jurisdiction", ["england-wales", "scotland", "northern-ireland"]),
    ),
  ],
);

export const campaignMembers = pgTable(
  "campaign_members",
  {
    campaignId: uuid("campaign_id")
      .notNull()
      .references(() => campaigns.id),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    permission: text("permission").notNull(),
    addedBy: uuid("added_by").references(() => users.id),
    addedAt: at("added_at").notNull(),
    revokedAt: at("revoked_at"),
  },
  (t) => [
    primaryKey({ columns: [t.campaignId, t.userId] }),
    index("campaign_members_user_idx").on(t.userId),
    check("campaign_members_permission_check", inList("permission", PERMISSIONS)),
  ],
);

/** One-time links: the first-run set-up link, team invitations, candidates' and staff (SPOC/analyst/admin) accounts. */
export const invitations = pgTable(
  "invitations",
  {
    id: uuid("id").primaryKey(),
    tokenHash: text("token_hash").notNull(),
    kind: text("kind").notNull(),
    email: text("email"),
    role: text("role"),
    permission: text("permission"),
    campaignId: uuid("campaign_id").references(() => campaigns.id),
    forceId: text("force_id").references(() => forces.id),
    createdBy: uuid("created_by").references(() => users.id),
    createdAt: at("created_at").notNull(),
    expiresAt: at("expires_at").notNull(),
    acceptedAt: at("accepted_at"),
    acceptedBy: uuid("accepted_by").references(() => users.id),
    revokedAt: at("revoked_at"),
  },
  (t) => [
    uniqueIndex("invitations_token_key").on(t.tokenHash),
    check("invitations_kind_check", inList("kind", ["setup", "team", "staff", "candidate"])),
  ],
);

export const sessions = pgTable(
  "sessions",
  {
    id: uuid("id").primaryKey(),
    tokenHash: text("token_hash").notNull(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    csrfToken: text("csrf_token").notNull(),
    userAgent: text("user_agent"),
    createdAt: at("created_at").notNull(),
    lastSeenAt: at("last_seen_at").notNull(),
    expiresAt: at("expires_at").notNull(),
    revokedAt: at("revoked_at"),
  },
  (t) => [uniqueIndex("sessions_token_key").on(t.tokenHash), index("sessions_user_idx").on(t.userId)],
);

/** Current state of each incident (a projection of its latest revision, for listing and filtering). */
export const incidents = pgTable(
  "incidents",
  {
    id: uuid("id").primaryKey(),
    campaignId: uuid("campaign_id")
      .notNull()
      .references(() => campaigns.id),
    recordedBy: uuid("recorded_by")
      .notNull()
      .references(() => users.id),
    recordedAt: at("recorded_at").notNull(),
    currentRevision: integer("current_revision").notNull(),
    occurredAt: at("occurred_at").notNull(),
    channel: text("channel").notNull(),
    platform: text("platform"),
    verdictLevel: text("verdict_level"),
    /** The latest row of incident_verdicts for this incident. */
    currentVerdictId: uuid("current_verdict_id"),
    updatedAt: at("updated_at").notNull(),
  },
  (t) => [
    // Both match the list's order (newest first, then id) so a page is read straight from the index.
    index("incidents_campaign_occurred_idx").on(
      t.campaignId,
      t.occurredAt.desc().nullsFirst(),
      t.id.desc().nullsFirst(),
    ),
    index("incidents_campaign_recorder_idx").on(
      t.campaignId,
      t.recordedBy,
      t.occurredAt.desc().nullsFirst(),
      t.id.desc().nullsFirst(),
    ),
  ],
);

/** Append-only: every version of every incident. Never updated, never deleted. */
export const incidentRevisions = pgTable(
  "incident_revisions",
  {
    incidentId: uuid("incident_id")
      .notNull()
      .references(() => incidents.id),
    revision: integer("revision").notNull(),
    occurredAt: at("occurred_at").notNull(),
    channel: text("channel").notNull(),
    platform: text("platform"),
    bodyEnc: text("body_enc").notNull(),
    reasonEnc: text("reason_enc"),
    editedBy: uuid("edited_by")
      .notNull()
      .references(() => users.id),
    editedAt: at("edited_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.incidentId, t.revision] })],
);

export const actors = pgTable(
  "actors",
  {
    id: uuid("id").primaryKey(),
    campaignId: uuid("campaign_id")
      .notNull()
      .references(() => campaigns.id),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: at("created_at").notNull(),
    currentRevision: integer("current_revision").notNull(),
  },
  (t) => [index("actors_campaign_idx").on(t.campaignId)],
);

export const actorRevisions = pgTable(
  "actor_revisions",
  {
    actorId: uuid("actor_id")
      .notNull()
      .references(() => actors.id),
    revision: integer("revision").notNull(),
    bodyEnc: text("body_enc").notNull(),
    editedBy: uuid("edited_by")
      .notNull()
      .references(() => users.id),
    editedAt: at("edited_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.actorId, t.revision] })],
);

/** Keyed hashes (HMAC) of actors' normalised identifiers, for linking without exposing them. */
export const actorIdentifierHashes = pgTable(
  "actor_identifier_hashes",
  {
    actorId: uuid("actor_id")
      .notNull()
      .references(() => actors.id),
    kind: text("kind").notNull(),
    valueHmac: text("value_hmac").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.actorId, t.kind, t.valueHmac] }),
    index("actor_identifier_hashes_value_idx").on(t.valueHmac),
  ],
);

/** Which actors the current revision of each incident names (a projection, for filtering). */
export const incidentActors = pgTable(
  "incident_actors",
  {
    incidentId: uuid("incident_id")
      .notNull()
      .references(() => incidents.id),
    actorId: uuid("actor_id")
      .notNull()
      .references(() => actors.id),
  },
  (t) => [
    primaryKey({ columns: [t.incidentId, t.actorId] }),
    index("incident_actors_actor_idx").on(t.actorId),
  ],
);

/** Append-only. Files live in the blob store under their SHA-256; text is hashed as UTF-8. */
export const evidence = pgTable(
  "evidence",
  {
    id: uuid("id").primaryKey(),
    incidentId: uuid("incident_id")
      .notNull()
      .references(() => incidents.id),
    kind: text("kind").notNull(),
    sha256: text("sha256").notNull(),
    size: integer("size").notNull(),
    mediaType: text("media_type").notNull(),
    source: text("source").notNull(),
    filenameEnc: text("filename_enc"),
    contentEnc: text("content_enc"),
    noteEnc: text("note_enc"),
    capturedAt: at("captured_at").notNull(),
    addedBy: uuid("added_by")
      .notNull()
      .references(() => users.id),
    addedAt: at("added_at").notNull(),
  },
  (t) => [
    index("evidence_incident_idx").on(t.incidentId),
    check("evidence_kind_check", inList("kind", ["text", "url", "file"])),
  ],
);

/** Append-only: police reference numbers, actions taken, outcomes, notes. */
export const followUps = pgTable(
  "follow_ups",
  {
    id: uuid("id").primaryKey(),
    incidentId: uuid("incident_id")
      .notNull()
      .references(() => incidents.id),
    kind: text("kind").notNull(),
    bodyEnc: text("body_enc").notNull(),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: at("created_at").notNull(),
  },
  (t) => [index("follow_ups_incident_idx").on(t.incidentId)],
);

/** Who read an incident's detail or its evidence, and when (shown to the candidate). */
export const reads = pgTable(
  "reads",
  {
    id: uuid("id").primaryKey(),
    incidentId: uuid("incident_id")
      .notNull()
      .references(() => incidents.id),
    evidenceId: uuid("evidence_id").references(() => evidence.id),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    readAt: at("read_at").notNull(),
  },
  (t) => [index("reads_incident_idx").on(t.incidentId, t.readAt)],
);

/** The hash chain: one stream per campaign plus "system" for accounts. Append-only. */
export const events = pgTable(
  "events",
  {
    stream: text("stream").notNull(),
    seq: bigint("seq", { mode: "number" }).notNull(),
    prevHash: text("prev_hash").notNull(),
    type: text("type").notNull(),
    actorUserId: uuid("actor_user_id"),
    at: at("at").notNull(),
    entity: text("entity").notNull(),
    entityId: text("entity_id").notNull(),
    payloadHash: text("payload_hash").notNull(),
    payload: jsonb("payload"),
    hash: text("hash").notNull(),
  },
  (t) => [primaryKey({ columns: [t.stream, t.seq] }), index("events_entity_idx").on(t.entity, t.entityId)],
);

export const chainHeads = pgTable("chain_heads", {
  stream: text("stream").primaryKey(),
  seq: bigint("seq", { mode: "number" }).notNull(),
  hash: text("hash").notNull(),
});

export const VERDICT_CAUSES = ["recorded", "amended", "evidence", "patterns", "rules-updated"] as const;
export type VerdictCause = (typeof VERDICT_CAUSES)[number];

/**
 * Every verdict an incident has had, newest last: derived data (recomputable from the incident and
 * the rules), so not on the hash chain. The explained verdict is encrypted: it quotes the incident.
 */
export const incidentVerdicts = pgTable(
  "incident_verdicts",
  {
    id: uuid("id").primaryKey(),
    incidentId: uuid("incident_id")
      .notNull()
      .references(() => incidents.id),
    campaignId: uuid("campaign_id")
      .notNull()
      .references(() => campaigns.id),
    revision: integer("revision").notNull(),
    rulesetVersion: text("ruleset_version").notNull(),
    level: text("level").notNull(),
    cause: text("cause").notNull(),
    /** The assessment and findings (see core/triage): enough to rebuild the verdict for display. */
    verdictEnc: text("verdict_enc").notNull(),
    /** The incident as the pattern engine sees it (core/patterns PatternIncident), read for later verdicts. */
    recordEnc: text("record_enc").notNull(),
    computedAt: at("computed_at").notNull(),
    /** Insertion order: several verdicts can be made within one millisecond. */
    seq: bigserial("seq", { mode: "number" }).notNull(),
  },
  (t) => [
    index("incident_verdicts_incident_idx").on(t.incidentId, t.computedAt),
    check("incident_verdicts_cause_check", inList("cause", VERDICT_CAUSES)),
  ],
);

/** A person's decision that two actor records are the same person (merge) or not (split). */
export const actorLinks = pgTable(
  "actor_links",
  {
    campaignId: uuid("campaign_id")
      .notNull()
      .references(() => campaigns.id),
    /** The two actor ids, smaller first. */
    actorA: uuid("actor_a")
      .notNull()
      .references(() => actors.id),
    actorB: uuid("actor_b")
      .notNull()
      .references(() => actors.id),
    decision: text("decision").notNull(),
    decidedBy: uuid("decided_by")
      .notNull()
      .references(() => users.id),
    decidedAt: at("decided_at").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.actorA, t.actorB] }),
    index("actor_links_campaign_idx").on(t.campaignId),
    check("actor_links_decision_check", inList("decision", ["same", "different"])),
  ],
);

export const CAMPAIGN_SETTING_KINDS = ["private-details", "police-contact"] as const;
export type CampaignSettingKind = (typeof CAMPAIGN_SETTING_KINDS)[number];

/** The private-details register and the force's SPOC details, encrypted; revision counts changes. */
export const campaignSettings = pgTable(
  "campaign_settings",
  {
    campaignId: uuid("campaign_id")
      .notNull()
      .references(() => campaigns.id),
    kind: text("kind").notNull(),
    revision: integer("revision").notNull(),
    bodyEnc: text("body_enc").notNull(),
    updatedBy: uuid("updated_by")
      .notNull()
      .references(() => users.id),
    updatedAt: at("updated_at").notNull(),
  },
  (t) => [
    primaryKey({ columns: [t.campaignId, t.kind] }),
    check("campaign_settings_kind_check", inList("kind", CAMPAIGN_SETTING_KINDS)),
  ],
);

/** In-app notices to the campaign: a verdict that rose. No incident text; shown to who can read the incident. */
export const notices = pgTable(
  "notices",
  {
    id: uuid("id").primaryKey(),
    campaignId: uuid("campaign_id")
      .notNull()
      .references(() => campaigns.id),
    incidentId: uuid("incident_id")
      .notNull()
      .references(() => incidents.id),
    level: text("level").notNull(),
    previousLevel: text("previous_level"),
    cause: text("cause").notNull(),
    createdAt: at("created_at").notNull(),
  },
  (t) => [index("notices_campaign_idx").on(t.campaignId, t.createdAt)],
);

export const noticeReads = pgTable(
  "notice_reads",
  {
    noticeId: uuid("notice_id")
      .notNull()
      .references(() => notices.id),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    readAt: at("read_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.noticeId, t.userId] })],
);

/**
 * Idempotency keys of writes sent from the browser app's offline outbox (and any client): a repeated
 * request with the same key gets the resource the first one made instead of a second copy. The key row
 * is inserted in the same transaction as the resource, so both exist or neither does.
 */
export const idempotencyKeys = pgTable(
  "idempotency_keys",
  {
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    key: text("key").notNull(),
    /** What the key was used for (method and route), e.g. "POST /api/campaigns/:id/incidents". */
    scope: text("scope").notNull(),
    /** SHA-256 of the request (path and body): the same key with another request is refused. */
    requestHash: text("request_hash").notNull(),
    resourceKind: text("resource_kind").notNull(),
    resourceId: uuid("resource_id").notNull(),
    createdAt: at("created_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.userId, t.key] })],
);

/** Progress through the online health check (core/safety/health-check.ts): which items are done. */
export const healthCheckItems = pgTable(
  "health_check_items",
  {
    campaignId: uuid("campaign_id")
      .notNull()
      .references(() => campaigns.id),
    itemId: text("item_id").notNull(),
    done: boolean("done").notNull(),
    updatedBy: uuid("updated_by")
      .notNull()
      .references(() => users.id),
    updatedAt: at("updated_at").notNull(),
  },
  (t) => [primaryKey({ columns: [t.campaignId, t.itemId] })],
);

export const CANVASS_STATUSES = [
  "planned",
  "active",
  "due",
  "overdue",
  "escalated",
  "acknowledged",
  "closed",
] as const;

/**
 * Canvass sessions (core/canvass). The plan (area, people, contacts) is encrypted; the state machine's
 * state holds only times and counters. `next_action_at` is the due-time column the poller scans.
 */
export const canvassSessions = pgTable(
  "canvass_sessions",
  {
    id: uuid("id").primaryKey(),
    campaignId: uuid("campaign_id")
      .notNull()
      .references(() => campaigns.id),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: at("created_at").notNull(),
    updatedAt: at("updated_at").notNull(),
    status: text("status").notNull(),
    /** Accounts of the people out (they may act on the session), not private. */
    memberIds: jsonb("member_ids").$type<string[]>().notNull(),
    planEnc: text("plan_enc").notNull(),
    /** core/canvass CanvassTimings. */
    timings: jsonb("timings").notNull(),
    /** core/canvass CanvassState. */
    state: jsonb("state").notNull(),
    nextActionAt: at("next_action_at"),
    lastLocationEnc: text("last_location_enc"),
    incidentId: uuid("incident_id").references(() => incidents.id),
  },
  (t) => [
    index("canvass_sessions_campaign_idx").on(t.campaignId, t.createdAt),
    index("canvass_sessions_next_action_idx")
      .on(t.nextActionAt)
      .where(sql`next_action_at is not null`),
    check("canvass_sessions_status_check", inList("status", CANVASS_STATUSES)),
  ],
);

/** What happened in a session, for its history: who did what when. Details are encrypted (names, notes). */
export const canvassEvents = pgTable(
  "canvass_events",
  {
    id: uuid("id").primaryKey(),
    sessionId: uuid("session_id")
      .notNull()
      .references(() => canvassSessions.id),
    type: text("type").notNull(),
    at: at("at").notNull(),
    byUserId: uuid("by_user_id").references(() => users.id),
    detailEnc: text("detail_enc"),
    seq: bigserial("seq", { mode: "number" }).notNull(),
  },
  (t) => [index("canvass_events_session_idx").on(t.sessionId, t.seq)],
);

/** One row per alert stage of an episode: the unique key makes a repeated tick create nothing twice. */
export const canvassAlerts = pgTable(
  "canvass_alerts",
  {
    id: uuid("id").primaryKey(),
    sessionId: uuid("session_id")
      .notNull()
      .references(() => canvassSessions.id),
    episode: integer("episode").notNull(),
    stage: integer("stage").notNull(),
    reason: text("reason").notNull(),
    createdAt: at("created_at").notNull(),
  },
  (t) => [uniqueIndex("canvass_alerts_episode_stage_key").on(t.sessionId, t.episode, t.stage)],
);

export const DELIVERY_STATUSES = ["pending", "sending", "sent", "failed"] as const;

/**
 * One message to one recipient over one channel (an alert, or a reminder to the person out). The
 * message is composed once and kept (encrypted), so a retry sends the same words with the same id.
 * `next_attempt_at` is when the delivery worker may (re)try it; a claimed row's lease is the same column.
 */
export const canvassDeliveries = pgTable(
  "canvass_deliveries",
  {
    id: uuid("id").primaryKey(),
    sessionId: uuid("session_id")
      .notNull()
      .references(() => canvassSessions.id),
    alertId: uuid("alert_id").references(() => canvassAlerts.id),
    /** Unique per (alert or reminder, channel, recipient). */
    dedupeKey: text("dedupe_key").notNull(),
    channel: text("channel").notNull(),
    /** Who, for the history ("Tom Hollis (email)"): encrypted with the addressee and the message. */
    recipientEnc: text("recipient_enc").notNull(),
    messageEnc: text("message_enc").notNull(),
    status: text("status").notNull(),
    attempts: integer("attempts").notNull().default(0),
    nextAttemptAt: at("next_attempt_at"),
    lastAttemptAt: at("last_attempt_at"),
    lastDetail: text("last_detail"),
    sentAt: at("sent_at"),
    createdAt: at("created_at").notNull(),
  },
  (t) => [
    uniqueIndex("canvass_deliveries_dedupe_key").on(t.dedupeKey),
    index("canvass_deliveries_session_idx").on(t.sessionId),
    index("canvass_deliveries_next_attempt_idx")
      .on(t.nextAttemptAt)
      .where(sql`next_attempt_at is not null`),
    check("canvass_deliveries_status_check", inList("status", DELIVERY_STATUSES)),
    check("canvass_deliveries_channel_check", inList("channel", ["email", "webhook", "push", "in-app"])),
  ],
);

/** Every delivery attempt and its outcome (never the message text). */
export const canvassDeliveryAttempts = pgTable(
  "canvass_delivery_attempts",
  {
    deliveryId: uuid("delivery_id")
      .notNull()
      .references(() => canvassDeliveries.id),
    attempt: integer("attempt").notNull(),
    at: at("at").notNull(),
    ok: boolean("ok").notNull(),
    detail: text("detail"),
  },
  (t) => [primaryKey({ columns: [t.deliveryId, t.attempt] })],
);

/** Browsers that asked for web push (the subscription is encrypted; the endpoint is a capability URL). */
export const pushSubscriptions = pgTable(
  "push_subscriptions",
  {
    id: uuid("id").primaryKey(),
    userId: uuid("user_id")
      .notNull()
      .references(() => users.id),
    endpointHash: text("endpoint_hash").notNull(),
    subscriptionEnc: text("subscription_enc").notNull(),
    createdAt: at("created_at").notNull(),
    goneAt: at("gone_at"),
  },
  (t) => [
    uniqueIndex("push_subscriptions_endpoint_key").on(t.endpointHash),
    index("push_subscriptions_user_idx").on(t.userId),
  ],
);

/**
 * A candidate's decision to share an incident, or an actor with all their incidents, with their force's
 * SPOC. Stopping keeps what was shared up to then (stopped_at); the row itself is never deleted.
 */
export const shares = pgTable(
  "shares",
  {
    id: uuid("id").primaryKey(),
    campaignId: uuid("campaign_id")
      .notNull()
      .references(() => campaigns.id),
    forceId: text("force_id")
      .notNull()
      .references(() => forces.id),
    incidentId: uuid("incident_id").references(() => incidents.id),
    actorId: uuid("actor_id").references(() => actors.id),
    /** The rows shared together as one share (a person's actor records): the first row's id. */
    groupId: uuid("group_id").notNull(),
    sharedBy: uuid("shared_by")
      .notNull()
      .references(() => users.id),
    sharedAt: at("shared_at").notNull(),
    stoppedAt: at("stopped_at"),
    stoppedBy: uuid("stopped_by").references(() => users.id),
  },
  (t) => [
    index("shares_force_idx").on(t.forceId, t.sharedAt),
    index("shares_campaign_idx").on(t.campaignId),
    index("shares_incident_idx").on(t.incidentId),
    index("shares_group_idx").on(t.groupId),
    index("shares_actor_idx").on(t.actorId),
    check("shares_one_subject_check", sql`(incident_id is null) <> (actor_id is null)`),
  ],
);

export const POLICE_UPDATE_KINDS = ["acknowledged", "crime-reference", "action", "outcome", "note"] as const;

/** What the police did with a shared incident: append-only, visible to the candidate and their team. */
export const policeUpdates = pgTable(
  "police_updates",
  {
    id: uuid("id").primaryKey(),
    incidentId: uuid("incident_id")
      .notNull()
      .references(() => incidents.id),
    forceId: text("force_id")
      .notNull()
      .references(() => forces.id),
    kind: text("kind").notNull(),
    bodyEnc: text("body_enc").notNull(),
    createdBy: uuid("created_by")
      .notNull()
      .references(() => users.id),
    createdAt: at("created_at").notNull(),
  },
  (t) => [
    index("police_updates_incident_idx").on(t.incidentId, t.createdAt),
    check("police_updates_kind_check", inList("kind", POLICE_UPDATE_KINDS)),
  ],
);

/** Security briefings a force offered and delivered to a candidate (the guidance: forces offer them). */
export const securityBriefings = pgTable(
  "security_briefings",
  {
    id: uuid("id").primaryKey(),
    campaignId: uuid("campaign_id")
      .notNull()
      .references(() => campaigns.id),
    forceId: text("force_id")
      .notNull()
      .references(() => forces.id),
    kind: text("kind").notNull(),
    /** When it was offered or delivered. */
    happenedAt: at("happened_at").notNull(),
    notesEnc: text("notes_enc"),
    recordedBy: uuid("recorded_by")
      .notNull()
      .references(() => users.id),
    recordedAt: at("recorded_at").notNull(),
  },
  (t) => [
    index("security_briefings_force_idx").on(t.forceId, t.campaignId),
    check("security_briefings_kind_check", inList("kind", ["offered", "delivered"])),
  ],
);

/**
 * What national statistics count about each incident, and nothing else: no text, no names. Written with
 * each verdict (a projection, recomputable from the incident and its verdict).
 */
export const incidentFacts = pgTable(
  "incident_facts",
  {
    incidentId: uuid("incident_id")
      .primaryKey()
      .references(() => incidents.id),
    campaignId: uuid("campaign_id")
      .notNull()
      .references(() => campaigns.id),
    forceId: text("force_id").references(() => forces.id),
    /** Monday (UTC) of the week the incident happened in. */
    weekStart: text("week_start").notNull(),
    channel: text("channel").notNull(),
    level: text("level").notNull(),
    /** Offence categories the verdict says it may constitute. */
    offenceCategories: jsonb("offence_categories").$type<string[]>().notNull(),
    /** Who it was aimed at: candidate, family, staff, … */
    targeted: jsonb("targeted").$type<string[]>().notNull(),
    /** Protected characteristics, where the abuse was discriminatory. */
    characteristics: jsonb("characteristics").$type<string[]>().notNull(),
    updatedAt: at("updated_at").notNull(),
  },
  (t) => [
    index("incident_facts_week_idx").on(t.weekStart, t.forceId),
    index("incident_facts_force_idx").on(t.forceId, t.weekStart),
  ],
);
