// The campaign's private-details register (what the analyser protects) and its force's single point
// of contact (SPOC). Both are encrypted; each change bumps the revision and goes on the hash chain.
import { and, eq, sql } from "drizzle-orm";
import { z } from "zod";
import * as t from "../../store/schema.ts";
import { campaignStream, factEvent } from "../../store/chain.ts";
import type { Database } from "../../store/db.ts";
import type { Tx } from "../../store/chain.ts";
import type { CampaignSettingKind } from "../../store/schema.ts";
import { privateDetailsProfileSchema, type PrivateDetailsProfile } from "../../core/analysis/index.ts";
import type { Jurisdiction } from "../../core/incident/model.ts";
import { findForce } from "../../core/forces.ts";
import type { SpocDetails } from "../../core/triage/index.ts";
import type { Deps } from "../deps.ts";
import type { Principal } from "../policies/index.ts";
import { badRequest, notFound } from "../errors.ts";
import { refreshCampaignForce } from "../stats/facts.ts";

export const PoliceContactSchema = z
  .object({
    forceId: z
      .string()
      .refine((id) => findForce(id) !== undefined, { message: "is not a police force in the directory" })
      .optional()
      .describe("Your election force (from /api/reference/forces)"),
    name: z.string().trim().max(200).optional().describe("The SPOC's name"),
    phone: z
      .string()
      .trim()
      .max(40)
      .regex(/^[+\d][\d\s()-]{2,}$/, "must be a phone number")
      .optional(),
    email: z.email().max(320).optional(),
    notes: z.string().trim().max(2000).optional(),
  })
  .strict();
export type PoliceContact = z.infer<typeof PoliceContactSchema>;

export const PrivateDetailsSchema = privateDetailsProfileSchema;

const contextOf = (campaignId: string, kind: CampaignSettingKind) =>
  `campaign_settings:${campaignId}/${kind}`;

async function readSetting<T>(db: Database | Tx, deps: Deps, campaignId: string, kind: CampaignSettingKind) {
  const [row] = await db
    .select()
    .from(t.campaignSettings)
    .where(and(eq(t.campaignSettings.campaignId, campaignId), eq(t.campaignSettings.kind, kind)));
  if (!row) return undefined;
  return {
    revision: row.revision,
    updatedAt: row.updatedAt,
    body: deps.secrets.decryptJson<T>(row.bodyEnc, contextOf(campaignId, kind)),
  };
}

async function writeSetting(
  deps: Deps,
  by: Principal,
  campaignId: string,
  kind: CampaignSettingKind,
  body: unknown,
  extra?: (tx: Tx) => Promise<void>,
) {
  const now = deps.now();
  return deps.chain.write({ stream: campaignStream(campaignId), actorUserId: by.id, at: now }, async (tx) => {
    const [current] = await tx
      .select({ revision: t.campaignSettings.revision })
      .from(t.campaignSettings)
      .where(and(eq(t.campaignSettings.campaignId, campaignId), eq(t.campaignSettings.kind, kind)))
      .for("update");
    const revision = (current?.revision ?? 0) + 1;
    const row = {
      campaignId,
      kind,
      revision,
      bodyEnc: deps.secrets.encryptJson(body, contextOf(campaignId, kind)),
      updatedBy: by.id,
      updatedAt: now,
    };
    await tx
      .insert(t.campaignSettings)
      .values(row)
      .onConflictDoUpdate({
        target: [t.campaignSettings.campaignId, t.campaignSettings.kind],
        set: { revision, bodyEnc: row.bodyEnc, updatedBy: by.id, updatedAt: now },
      });
    await extra?.(tx);
    return {
      result: { revision, updatedAt: now },
      // The content stays encrypted in the row; the chain records who changed it and when.
      events: [
        factEvent(`${kind}.updated`, "campaign_setting", `${campaignId}/${kind}`, {
          revision: String(revision),
        }),
      ],
    };
  });
}

export const readPrivateDetails = (db: Database | Tx, deps: Deps, campaignId: string) =>
  readSetting<PrivateDetailsProfile>(db, deps, campaignId, "private-details");

export const writePrivateDetails = (
  deps: Deps,
  by: Principal,
  campaignId: string,
  body: PrivateDetailsProfile,
) => writeSetting(deps, by, campaignId, "private-details", body);

export const readPoliceContact = (db: Database | Tx, deps: Deps, campaignId: string) =>
  readSetting<PoliceContact>(db, deps, campaignId, "police-contact");

/** Stores the SPOC's details; choosing a force also sets the campaign's force and its jurisdiction. */
export async function writePoliceContact(deps: Deps, by: Principal, campaignId: string, body: PoliceContact) {
  const force = body.forceId ? findForce(body.forceId) : undefined;
  if (body.forceId && !force) throw badRequest("forceId: is not a police force in the directory", "forceId");
  return writeSetting(deps, by, campaignId, "police-contact", body, async (tx) => {
    if (!force) return;
    await tx
      .update(t.campaigns)
      .set({ forceId: force.id, jurisdiction: force.jurisdiction })
      .where(eq(t.campaigns.id, campaignId));
    await refreshCampaignForce(tx, campaignId, force.id);
  });
}

// Decrypted settings by (campaign, kind, revision): a new revision is a new key, so nothing goes stale.
const decryptedSettings = new Map<string, unknown>();

/**
 * The campaign and its settings in one round trip (prepared once per database: every verdict reads
 * them). One row per setting, or one row with no setting.
 */
const triageSettingsQueries = new WeakMap<Database | Tx, ReturnType<typeof prepareTriageSettingsQuery>>();
function prepareTriageSettingsQuery(db: Database | Tx) {
  return db
    .select({
      name: t.campaigns.name,
      jurisdiction: t.campaigns.jurisdiction,
      forceId: t.campaigns.forceId,
      setting: {
        kind: t.campaignSettings.kind,
        revision: t.campaignSettings.revision,
        bodyEnc: t.campaignSettings.bodyEnc,
      },
    })
    .from(t.campaigns)
    .leftJoin(t.campaignSettings, eq(t.campaignSettings.campaignId, t.campaigns.id))
    .where(eq(t.campaigns.id, sql.placeholder("campaignId")))
    .prepare("campaign_triage_settings");
}

function triageSettingsRows(db: Database | Tx, campaignId: string) {
  let query = triageSettingsQueries.get(db);
  if (!query) triageSettingsQueries.set(db, (query = prepareTriageSettingsQuery(db)));
  return query.execute({ campaignId });
}

/**
 * Names the stored state of a campaign's triage settings: each setting's kind and revision. Every
 * write bumps a revision under a row lock, a change of force (and so of jurisdiction) comes with a new
 * police-contact revision, and a campaign's name never changes, so equal versions mean equal settings.
 */
const settingsVersion = (entries: readonly string[]) => [...entries].sort().join(",");

/** The version of the campaign's settings, as a column other queries can read in the same round trip. */
export const triageSettingsVersionColumn = (campaignId: string) =>
  sql<string>`(select coalesce(string_agg(kind || ':' || revision, ','), '') from campaign_settings where campaign_id = ${campaignId})`;

// The settings last read for each campaign of each database, with their version.
const settingsByCampaign = new WeakMap<
  Database,
  Map<string, { version: string; settings: TriageSettings }>
>();

/** The campaign's settings, if the ones last read are still at the version a query has just read. */
export function cachedTriageSettings(
  deps: Deps,
  campaignId: string,
  versionColumn: string,
): TriageSettings | undefined {
  const cached = settingsByCampaign.get(deps.db)?.get(campaignId);
  const version = settingsVersion(versionColumn.split(",").filter(Boolean));
  return cached?.version === version ? cached.settings : undefined;
}

function remember(deps: Deps, campaignId: string, version: string, settings: TriageSettings) {
  let byCampaign = settingsByCampaign.get(deps.db);
  if (!byCampaign) settingsByCampaign.set(deps.db, (byCampaign = new Map()));
  if (byCampaign.size >= 2000) byCampaign.delete(byCampaign.keys().next().value!);
  byCampaign.delete(campaignId);
  byCampaign.set(campaignId, { version, settings });
}

/** The campaign's jurisdiction (from its police force when it has one) and the SPOC details to show. */
export async function campaignTriageSettings(db: Database | Tx, deps: Deps, campaignId: string) {
  const rows = await triageSettingsRows(db, campaignId);
  const campaign = rows[0];
  if (!campaign) throw notFound("campaign");
  const settings = triageSettingsOf(deps, campaignId, campaign, rows);
  // Only what is committed: what a transaction reads could still be rolled back.
  if (db === deps.db) {
    const version = settingsVersion(
      rows.flatMap((r) => (r.setting ? [`${r.setting.kind}:${r.setting.revision}`] : [])),
    );
    remember(deps, campaignId, version, settings);
  }
  return settings;
}

export type TriageSettings = ReturnType<typeof triageSettingsOf>;
type TriageSettingsRow = Awaited<ReturnType<typeof triageSettingsRows>>[number];

function triageSettingsOf(
  deps: Deps,
  campaignId: string,
  campaign: TriageSettingsRow,
  rows: readonly TriageSettingsRow[],
) {
  const bodyOf = <T>(kind: CampaignSettingKind): T | undefined => {
    const row = rows.find((r) => r.setting?.kind === kind)?.setting;
    if (!row) return undefined;
    const key = `${campaignId}/${kind}/${row.revision}`;
    if (!decryptedSettings.has(key)) {
      if (decryptedSettings.size >= 2000) decryptedSettings.delete(decryptedSettings.keys().next().value!);
      decryptedSettings.set(key, deps.secrets.decryptJson<T>(row.bodyEnc, contextOf(campaignId, kind)));
    }
    return decryptedSettings.get(key) as T;
  };
  const force = campaign.forceId ? findForce(campaign.forceId) : undefined;
  const jurisdiction = (force?.jurisdiction ?? campaign.jurisdiction) as Jurisdiction;
  const contact = bodyOf<PoliceContact>("police-contact");
  const profile = bodyOf<PrivateDetailsProfile>("private-details");
  const spoc: SpocDetails = {};
  if (contact?.name) spoc.name = contact.name;
  if (contact?.phone) spoc.phone = contact.phone;
  if (contact?.email) spoc.email = contact.email;
  if (force) spoc.forceName = force.name;
  const campaignWords = [campaign.name, profile?.name ?? ""];
  return { jurisdiction, spoc, profile, campaignWords };
}
