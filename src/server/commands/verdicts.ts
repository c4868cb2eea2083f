// Computing, storing and presenting incident verdicts. A verdict is computed when an incident is
// recorded, amended or given text evidence, stored with the rule-set version, and reconsidered when
// the patterns of its people change. When a verdict rises, the campaign gets an in-app notice.
import { randomUUID } from "node:crypto";
import { and, asc, desc, eq, inArray, ne } from "drizzle-orm";
import * as t from "../../store/schema.ts";
import type { Tx } from "../../store/chain.ts";
import type { Database } from "../../store/db.ts";
import type { VerdictCause } from "../../store/schema.ts";
import {
  compileProfile,
  type CompiledProfile,
  type PrivateDetailsProfile,
} from "../../core/analysis/index.ts";
import { LEVEL_RANK, type Level } from "../../core/analysis/types.ts";
import type { IncidentBody } from "../../core/incident/model.ts";
import {
  compareIncidents,
  DAY_MS,
  findingsAt,
  NO_FACTS,
  noActorFindings,
  resolveOptions,
} from "../../core/patterns/index.ts";
import type { Finding, PatternIncident } from "../../core/patterns/types.ts";
import { assess, conclude, RULESET_VERSION, type Assessment, type Verdict } from "../../core/triage/index.ts";
import type { Deps } from "../deps.ts";
import { cachedTriageSettings, campaignTriageSettings, type TriageSettings } from "./campaign-settings.ts";
import { campaignActivityBefore, type CampaignActivity, type NamedIncident } from "./campaign-activity.ts";
import { actorsOfSamePeople, loadPeople } from "./people.ts";
import { incidentFactsRow, upsertIncidentFacts, type IncidentFactsRow } from "../stats/facts.ts";

/** What is stored for a verdict: enough to rebuild it for display with the current contacts. */
interface StoredVerdict {
  assessment: Assessment;
  findings: Finding[];
}

const verdictContext = (id: string) => `incident_verdicts:${id}`;
const recordContext = (id: string) => `incident_verdicts.record:${id}`;

/** A stored verdict, decrypted (national statistics rebuild their projection from it). */
export const decryptStoredVerdict = (deps: Deps, verdictId: string, verdictEnc: string): StoredVerdict =>
  deps.secrets.decryptJson<StoredVerdict>(verdictEnc, verdictContext(verdictId));

export type { TriageSettings };

export interface IncidentToTriage {
  id: string;
  recordedAt: Date;
  body: IncidentBody;
  evidenceTexts: readonly { id: string; text: string }[];
}

// Stored records never change (a new verdict is a new row), so decrypted ones are kept by verdict id.
const RECORD_CACHE_LIMIT = 200_000;
const recordCache = new Map<string, PatternIncident>();

function cachedRecord(deps: Deps, verdictId: string, recordEnc: string): PatternIncident {
  let record = recordCache.get(verdictId);
  if (!record) {
    record = deps.secrets.decryptJson<PatternIncident>(recordEnc, recordContext(verdictId));
    if (recordCache.size >= RECORD_CACHE_LIMIT) recordCache.delete(recordCache.keys().next().value!);
    recordCache.set(verdictId, record);
  }
  return record;
}

/** The current records of the incidents of these actors: ids first, then only the records not yet decrypted. */
async function recordsOfActors(
  db: Database | Tx,
  deps: Deps,
  campaignId: string,
  actorIds: readonly string[],
  except?: string,
): Promise<PatternIncident[]> {
  if (actorIds.length === 0) return [];
  const current = await db
    .selectDistinct({ verdictId: t.incidents.currentVerdictId })
    .from(t.incidentActors)
    .innerJoin(t.incidents, eq(t.incidents.id, t.incidentActors.incidentId))
    .where(
      and(
        inArray(t.incidentActors.actorId, [...actorIds]),
        eq(t.incidents.campaignId, campaignId),
        except ? ne(t.incidents.id, except) : undefined,
      ),
    );
  const ids = current.map((r) => r.verdictId).filter((id): id is string => id !== null);
  const missing = ids.filter((id) => !recordCache.has(id));
  const fetched = new Map<string, PatternIncident>();
  for (let i = 0; i < missing.length; i += 1000) {
    const rows = await db
      .select({ id: t.incidentVerdicts.id, recordEnc: t.incidentVerdicts.recordEnc })
      .from(t.incidentVerdicts)
      .where(inArray(t.incidentVerdicts.id, missing.slice(i, i + 1000)));
    for (const r of rows) fetched.set(r.id, cachedRecord(deps, r.id, r.recordEnc));
  }
  return ids.map((id) => recordCache.get(id) ?? fetched.get(id)).filter((r): r is PatternIncident => !!r);
}

/**
 * The campaign's activity before an incident that names no actor (the only thing that bears on its
 * patterns): the plain columns of the last week (when, how, how serious) and counts of the weeks before.
 */
function activityBefore(db: Database | Tx, campaignId: string, incident: IncidentToTriage) {
  const options = resolveOptions();
  const at = new Date(incident.body.occurredAt).getTime();
  const windowStart = at - options.windowDays * DAY_MS;
  return campaignActivityBefore(db, {
    campaignId,
    incidentId: incident.id,
    at,
    windowStart,
    baselineStart: windowStart - options.baselineDays * DAY_MS,
  });
}

/** Findings for an incident that names no known actor: a campaign-wide burst, and its own markers. */
function findingsWithoutActor(record: PatternIncident, activity: CampaignActivity) {
  const recent = activity.named
    .map(plainRecord)
    .filter((r) => compareIncidents(r, record) < 0)
    .sort(compareIncidents);
  return noActorFindings(
    record,
    activity.recent,
    activity.prior,
    () => recent,
    resolveOptions(),
    activity.serious,
  );
}

function plainRecord(r: NamedIncident): PatternIncident {
  return {
    id: r.id,
    occurredAt: r.occurredAt,
    recordedAt: r.recordedAt,
    channel: r.channel as PatternIncident["channel"],
    actorIds: [],
    targeted: [],
    level: (r.level ?? "keep-record") as Level,
    categories: [],
    characteristics: [],
    facts: NO_FACTS,
    themes: [],
    markers: [],
  };
}

/** The findings at an incident that names actors, from the incidents of the same people as stored now. */
async function findingsWithActors(
  db: Database | Tx,
  deps: Deps,
  campaignId: string,
  record: PatternIncident,
) {
  const { people } = await loadPeople(db, deps, campaignId);
  const earlier = await recordsOfActors(
    db,
    deps,
    campaignId,
    actorsOfSamePeople(people, record.actorIds),
    record.id,
  );
  return findingsAt(record, earlier, people);
}

// Settings objects are cached (see campaign-settings.ts), so the compiled form can hang off them.
const compiledProfiles = new WeakMap<PrivateDetailsProfile, CompiledProfile>();
function compiledProfileOf(profile: PrivateDetailsProfile): CompiledProfile {
  let compiled = compiledProfiles.get(profile);
  if (!compiled) compiledProfiles.set(profile, (compiled = compileProfile(profile)));
  return compiled;
}

/** The full verdict for an incident (recorded or not): its words and answers, then its patterns. */
export async function computeVerdict(
  db: Database | Tx,
  deps: Deps,
  campaignId: string,
  incident: IncidentToTriage,
  settings?: TriageSettings,
): Promise<Verdict> {
  // With no actor, one query reads the campaign's activity and tells whether its settings changed.
  const activity =
    incident.body.actorIds.length === 0 ? await activityBefore(db, campaignId, incident) : undefined;
  const s =
    settings ??
    (activity && cachedTriageSettings(deps, campaignId, activity.settingsVersion)) ??
    (await campaignTriageSettings(db, deps, campaignId));
  const assessment = assess({
    incident,
    campaignWords: s.campaignWords,
    ...(s.profile ? { profile: compiledProfileOf(s.profile) } : {}),
  });
  const findings = activity
    ? findingsWithoutActor(assessment.record, activity)
    : await findingsWithActors(db, deps, campaignId, assessment.record);
  return conclude(assessment, findings, { jurisdiction: s.jurisdiction, spoc: s.spoc });
}

export interface VerdictRows {
  verdict: typeof t.incidentVerdicts.$inferInsert & { id: string; level: string; incidentId: string };
  notice: typeof t.notices.$inferSelect | undefined;
  /** The incident's row for national statistics, as this verdict describes it. */
  facts: IncidentFactsRow;
}

/** The rows that store a verdict, and a notice if it rose (a new incident "rises" from nothing to a police level). */
export function verdictRows(
  deps: Deps,
  input: {
    incidentId: string;
    campaignId: string;
    revision: number;
    verdict: Verdict;
    cause: VerdictCause;
    previousLevel: Level | null;
    at: Date;
  },
): VerdictRows {
  const id = randomUUID();
  const stored: StoredVerdict = { assessment: input.verdict.assessment, findings: input.verdict.findings };
  const verdict = {
    id,
    incidentId: input.incidentId,
    campaignId: input.campaignId,
    revision: input.revision,
    rulesetVersion: input.verdict.rulesetVersion,
    level: input.verdict.level,
    cause: input.cause,
    verdictEnc: deps.secrets.encryptJson(stored, verdictContext(id)),
    recordEnc: deps.secrets.encryptJson(input.verdict.assessment.record, recordContext(id)),
    computedAt: input.at,
  };
  const rose =
    input.previousLevel === null
      ? LEVEL_RANK[input.verdict.level] >= LEVEL_RANK["report-to-police"]
      : LEVEL_RANK[input.verdict.level] > LEVEL_RANK[input.previousLevel];
  const notice = rose
    ? {
        id: randomUUID(),
        campaignId: input.campaignId,
        incidentId: input.incidentId,
        level: input.verdict.level,
        previousLevel: input.previousLevel,
        cause: input.cause,
        createdAt: input.at,
      }
    : undefined;
  return {
    verdict,
    notice,
    facts: incidentFactsRow(input.incidentId, input.campaignId, input.verdict, input.at),
  };
}

/** Stores a verdict as the incident's current one, inside the caller's transaction. */
export async function storeVerdict(tx: Tx, rows: VerdictRows): Promise<void> {
  await tx.insert(t.incidentVerdicts).values(rows.verdict);
  await tx
    .update(t.incidents)
    .set({ verdictLevel: rows.verdict.level, currentVerdictId: rows.verdict.id })
    .where(eq(t.incidents.id, rows.verdict.incidentId));
  if (rows.notice) await tx.insert(t.notices).values(rows.notice);
  await upsertIncidentFacts(tx, rows.facts);
}

/**
 * Stores a recomputed verdict only if the incident's current verdict is still the one it was computed
 * from: an amendment or another process that got there first has computed its own. True if stored.
 */
async function storeVerdictIfStill(
  deps: Deps,
  incidentId: string,
  basedOn: string | null,
  rows: VerdictRows,
): Promise<boolean> {
  return deps.db.transaction(async (tx) => {
    const [current] = await tx
      .select({ id: t.incidents.currentVerdictId })
      .from(t.incidents)
      .where(eq(t.incidents.id, incidentId))
      .for("update");
    if (!current || current.id !== basedOn) return false;
    await storeVerdict(tx, rows);
    return true;
  });
}

const findingsKey = (findings: readonly Finding[]) =>
  findings
    .map((f) => `${f.kind}/${f.warningBehaviour ?? ""}/${f.level}/${f.incidentIds.join(",")}`)
    .join("|");

/**
 * Reconsiders the verdicts of every incident of the people behind these actors whose patterns may
 * have changed (after a new or backdated incident, an amendment, or a merge or split), and stores a
 * new verdict for each incident whose findings changed. Returns how many changed.
 */
export async function reconsiderPeople(
  deps: Deps,
  campaignId: string,
  actorIds: readonly string[],
  options: { after?: number; except?: string } = {},
): Promise<number> {
  if (actorIds.length === 0) return 0;
  const { people } = await loadPeople(deps.db, deps, campaignId);
  const actors = actorsOfSamePeople(people, actorIds);
  if (actors.length === 0) return 0;
  const records = await recordsOfActors(deps.db, deps, campaignId, actors);
  const candidates = records.filter(
    (r) => r.id !== options.except && (options.after === undefined || r.occurredAt > options.after),
  );
  if (candidates.length === 0) return 0;
  let settings: TriageSettings | undefined;
  let changed = 0;
  for (const record of candidates.sort(compareIncidents)) {
    const findings = findingsAt(record, records, people);
    const [row] = await deps.db
      .select({ verdict: t.incidentVerdicts })
      .from(t.incidents)
      .innerJoin(t.incidentVerdicts, eq(t.incidentVerdicts.id, t.incidents.currentVerdictId))
      .where(eq(t.incidents.id, record.id));
    if (!row) continue;
    const stored = deps.secrets.decryptJson<StoredVerdict>(
      row.verdict.verdictEnc,
      verdictContext(row.verdict.id),
    );
    if (findingsKey(findings) === findingsKey(stored.findings)) continue;
    settings ??= await campaignTriageSettings(deps.db, deps, campaignId);
    const verdict = conclude(stored.assessment, findings, {
      jurisdiction: settings.jurisdiction,
      spoc: settings.spoc,
    });
    const rows = verdictRows(deps, {
      incidentId: record.id,
      campaignId,
      revision: row.verdict.revision,
      verdict,
      cause: "patterns",
      previousLevel: row.verdict.level as Level,
      at: deps.now(),
    });
    if (await storeVerdictIfStill(deps, record.id, row.verdict.id, rows)) changed++;
  }
  return changed;
}

/** Text evidence of an incident, decrypted, for the analyser. */
export async function evidenceTextsOf(db: Database | Tx, deps: Deps, incidentId: string) {
  const rows = await db
    .select({ id: t.evidence.id, contentEnc: t.evidence.contentEnc })
    .from(t.evidence)
    .where(and(eq(t.evidence.incidentId, incidentId), eq(t.evidence.kind, "text")))
    .orderBy(asc(t.evidence.addedAt));
  return rows
    .filter((r) => r.contentEnc !== null)
    .map((r) => ({ id: r.id, text: deps.secrets.decrypt(r.contentEnc!, `evidence:${r.id}:content`) }));
}

/**
 * The incident's verdict to show now: rebuilt from what was stored, with the current SPOC details.
 * A verdict made by an older rule set (or missing, for incidents recorded before triage existed) is
 * computed afresh and stored first.
 */
export async function currentVerdict(
  deps: Deps,
  incident: typeof t.incidents.$inferSelect,
  body: IncidentBody,
): Promise<Verdict> {
  const settings = await campaignTriageSettings(deps.db, deps, incident.campaignId);
  const [row] = incident.currentVerdictId
    ? await deps.db
        .select()
        .from(t.incidentVerdicts)
        .where(eq(t.incidentVerdicts.id, incident.currentVerdictId))
    : [];
  if (row && row.rulesetVersion === RULESET_VERSION && row.revision === incident.currentRevision) {
    const stored = deps.secrets.decryptJson<StoredVerdict>(row.verdictEnc, verdictContext(row.id));
    return conclude(stored.assessment, stored.findings, {
      jurisdiction: settings.jurisdiction,
      spoc: settings.spoc,
    });
  }
  const verdict = await computeVerdict(
    deps.db,
    deps,
    incident.campaignId,
    {
      id: incident.id,
      recordedAt: incident.recordedAt,
      body,
      evidenceTexts: await evidenceTextsOf(deps.db, deps, incident.id),
    },
    settings,
  );
  const rows = verdictRows(deps, {
    incidentId: incident.id,
    campaignId: incident.campaignId,
    revision: incident.currentRevision,
    verdict,
    cause: "rules-updated",
    previousLevel: (row?.level ?? null) as Level | null,
    at: deps.now(),
  });
  await storeVerdictIfStill(deps, incident.id, incident.currentVerdictId, rows);
  return verdict;
}

/** Every verdict the incident has had, oldest first: level, rule set, when and why. */
export async function verdictHistory(deps: Deps, incidentId: string) {
  const rows = await deps.db
    .select({
      id: t.incidentVerdicts.id,
      revision: t.incidentVerdicts.revision,
      rulesetVersion: t.incidentVerdicts.rulesetVersion,
      level: t.incidentVerdicts.level,
      cause: t.incidentVerdicts.cause,
      computedAt: t.incidentVerdicts.computedAt,
    })
    .from(t.incidentVerdicts)
    .where(eq(t.incidentVerdicts.incidentId, incidentId))
    .orderBy(asc(t.incidentVerdicts.seq));
  return rows;
}

/** Current findings of the campaign's people, recomputed from the stored records. */
export async function campaignRecords(deps: Deps, campaignId: string) {
  const rows = await deps.db
    .select({ id: t.incidentVerdicts.id, recordEnc: t.incidentVerdicts.recordEnc })
    .from(t.incidents)
    .innerJoin(t.incidentVerdicts, eq(t.incidentVerdicts.id, t.incidents.currentVerdictId))
    .where(eq(t.incidents.campaignId, campaignId))
    .orderBy(desc(t.incidents.occurredAt));
  return rows.map((r) => cachedRecord(deps, r.id, r.recordEnc));
}
