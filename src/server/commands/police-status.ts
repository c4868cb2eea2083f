// What the police did with a shared incident: their updates (acknowledged, crime reference, actions,
// outcome, notes the candidate sees), and the status the candidate's team sees, worked out from them.
import { and, asc, eq, inArray } from "drizzle-orm";
import { z } from "zod";
import * as t from "../../store/schema.ts";
import type { IncidentBody } from "../../core/incident/model.ts";
import { findForce } from "../../core/forces.ts";
import type { Deps } from "../deps.ts";
import { revisionContext } from "./incidents.ts";

export const PoliceUpdateSchema = z
  .object({
    kind: z.enum(t.POLICE_UPDATE_KINDS),
    text: z.string().trim().max(5000).default(""),
    crimeReference: z
      .string()
      .trim()
      .min(1)
      .max(100)
      .optional()
      .describe("Crime reference or incident number"),
    officer: z.string().trim().max(200).optional(),
  })
  .strict()
  .refine((u) => u.kind !== "crime-reference" || !!u.crimeReference, {
    message: "crimeReference is required to record a crime reference number",
    path: ["crimeReference"],
  })
  .refine((u) => u.kind === "acknowledged" || u.kind === "crime-reference" || u.text.length > 0, {
    message: "say what was done or found",
    path: ["text"],
  });
export type PoliceUpdate = z.infer<typeof PoliceUpdateSchema>;

export const updateContext = (id: string) => `police_updates:${id}`;

/** The police's updates on an incident, oldest first, with who made them and for which force. */
export async function policeUpdatesOf(deps: Deps, incidentIds: readonly string[]) {
  if (incidentIds.length === 0) return [];
  const rows = await deps.db
    .select({ u: t.policeUpdates, by: t.users.displayName })
    .from(t.policeUpdates)
    .innerJoin(t.users, eq(t.users.id, t.policeUpdates.createdBy))
    .where(inArray(t.policeUpdates.incidentId, [...incidentIds]))
    .orderBy(asc(t.policeUpdates.createdAt));
  return rows.map(({ u, by }) => ({
    id: u.id,
    incidentId: u.incidentId,
    forceId: u.forceId,
    forceName: findForce(u.forceId)?.name ?? u.forceId,
    by,
    at: u.createdAt,
    ...deps.secrets.decryptJson<PoliceUpdate>(u.bodyEnc, updateContext(u.id)),
  }));
}

type Update = Awaited<ReturnType<typeof policeUpdatesOf>>[number];

/** Received → acknowledged, with the crime reference and the latest outcome, from the updates. */
export function policeStatus(updates: readonly Update[]) {
  const ack = updates.find((u) => u.kind === "acknowledged");
  const reference = [...updates].reverse().find((u) => u.kind === "crime-reference");
  const outcome = [...updates].reverse().find((u) => u.kind === "outcome");
  return {
    status: outcome ? "outcome recorded" : ack || reference ? "acknowledged" : "received",
    acknowledgedBy: ack ? { name: ack.by, force: ack.forceName, at: ack.at } : null,
    crimeReference: reference?.crimeReference ?? null,
    actions: updates.filter((u) => u.kind === "action").map((u) => ({ text: u.text, by: u.by, at: u.at })),
    outcome: outcome ? { text: outcome.text, by: outcome.by, at: outcome.at } : null,
    updates,
  };
}

/** Shared incidents as the candidate's team lists them: what it was, its level, and the police's status. */
export async function incidentSummaries(deps: Deps, incidentIds: readonly string[]) {
  const out = new Map<
    string,
    {
      id: string;
      summary: string;
      channel: string;
      occurredAt: Date;
      level: string | null;
      status: string;
      crimeReference: string | null;
      acknowledgedBy: ReturnType<typeof policeStatus>["acknowledgedBy"];
      outcome: ReturnType<typeof policeStatus>["outcome"];
    }
  >();
  if (incidentIds.length === 0) return out;
  const [rows, updates] = await Promise.all([
    deps.db
      .select({ incident: t.incidents, bodyEnc: t.incidentRevisions.bodyEnc })
      .from(t.incidents)
      .innerJoin(
        t.incidentRevisions,
        and(
          eq(t.incidentRevisions.incidentId, t.incidents.id),
          eq(t.incidentRevisions.revision, t.incidents.currentRevision),
        ),
      )
      .where(inArray(t.incidents.id, [...incidentIds])),
    policeUpdatesOf(deps, incidentIds),
  ]);
  for (const { incident, bodyEnc } of rows) {
    const body = deps.secrets.decryptJson<IncidentBody>(
      bodyEnc,
      revisionContext(incident.id, incident.currentRevision),
    );
    const status = policeStatus(updates.filter((u) => u.incidentId === incident.id));
    out.set(incident.id, {
      id: incident.id,
      summary: body.summary,
      channel: incident.channel,
      occurredAt: incident.occurredAt,
      level: incident.verdictLevel,
      status: status.status,
      crimeReference: status.crimeReference,
      acknowledgedBy: status.acknowledgedBy,
      outcome: status.outcome,
    });
  }
  return out;
}
