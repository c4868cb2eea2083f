// Canvass session rows: reading and locking them, their encrypted parts, and saving a transition of
// the state machine together with its history events, alerts and deliveries (all in one transaction).
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import * as t from "../../store/schema.ts";
import type { Database } from "../../store/db.ts";
import type { Tx } from "../../store/chain.ts";
import {
  nextWakeAt,
  type CanvassEffect,
  type CanvassState,
  type CanvassTimings,
  type Location,
  type SessionPlan,
  type Transition,
} from "../../core/canvass/index.ts";
import type { Deps } from "../deps.ts";
import { notFound } from "../errors.ts";
import { createAlertDeliveries, createReminderDeliveries } from "./escalation.ts";

export type SessionRow = typeof t.canvassSessions.$inferSelect;

export interface LoadedSession {
  row: SessionRow;
  plan: SessionPlan;
  state: CanvassState;
  timings: CanvassTimings;
}

export interface StoredLocation extends Location {
  at: string;
}

const planContext = (id: string) => `canvass_sessions:${id}/plan`;
const locationContext = (id: string) => `canvass_sessions:${id}/location`;
export const eventContext = (id: string) => `canvass_events:${id}`;

export function encryptPlan(deps: Deps, id: string, plan: SessionPlan): string {
  return deps.secrets.encryptJson(plan, planContext(id));
}

export function loaded(deps: Deps, row: SessionRow): LoadedSession {
  const plan = deps.secrets.decryptJson<SessionPlan & { endsAt: string }>(row.planEnc, planContext(row.id));
  return {
    row,
    plan: { ...plan, endsAt: new Date(plan.endsAt) },
    state: row.state as CanvassState,
    timings: row.timings as CanvassTimings,
  };
}

export function lastLocation(deps: Deps, row: SessionRow): StoredLocation | null {
  return row.lastLocationEnc
    ? deps.secrets.decryptJson<StoredLocation>(row.lastLocationEnc, locationContext(row.id))
    : null;
}

export const encryptLocation = (deps: Deps, id: string, location: StoredLocation) =>
  deps.secrets.encryptJson(location, locationContext(id));

export async function findSession(db: Database | Tx, id: string): Promise<SessionRow> {
  const [row] = await db.select().from(t.canvassSessions).where(eq(t.canvassSessions.id, id));
  if (!row) throw notFound("canvass session");
  return row;
}

export async function lockSession(tx: Tx, id: string): Promise<SessionRow> {
  const [row] = await tx.select().from(t.canvassSessions).where(eq(t.canvassSessions.id, id)).for("update");
  if (!row) throw notFound("canvass session");
  return row;
}

export interface HistoryEvent {
  type: string;
  byUserId?: string | null;
  /** Encrypted: may name people or quote a note. */
  detail?: Record<string, unknown>;
}

/** What each state-machine effect adds to the history. */
function effectEvent(effect: CanvassEffect): HistoryEvent {
  switch (effect.kind) {
    case "reminder":
      return { type: "reminder", detail: { deadline: effect.deadline, reason: effect.reason } };
    case "overdue":
      return { type: "overdue", detail: { deadline: effect.deadline, reason: effect.reason } };
    case "alert":
      return {
        type: "alert",
        detail: { episode: effect.episode, stage: effect.stage, reason: effect.reason },
      };
    case "closed":
      return { type: effect.reason === "never-started" ? "expired" : "closed" };
  }
}

/**
 * Saves a transition: the new state and due time, a history event for the action (if any) and for each
 * effect, and the alerts and reminders the effects ask for. Repeating a tick that was already saved is
 * impossible (the row is locked and its state moved on); alerts are unique per episode and stage anyway.
 */
export async function saveTransition(
  tx: Tx,
  deps: Deps,
  session: LoadedSession,
  next: Transition,
  action: HistoryEvent | null,
  extra: Partial<Pick<SessionRow, "lastLocationEnc" | "incidentId">> = {},
  /** What the caller already knows: which of the people out have push subscriptions. */
  known: { pushSubscribers?: ReadonlySet<string> } = {},
): Promise<SessionRow> {
  const now = deps.now();
  const updated: SessionRow = {
    ...session.row,
    ...extra,
    state: next.state,
    status: next.state.status,
    nextActionAt: nextWakeAt(next.state, session.timings),
    updatedAt: now,
  };
  await tx
    .update(t.canvassSessions)
    .set({
      state: updated.state,
      status: updated.status,
      nextActionAt: updated.nextActionAt,
      updatedAt: now,
      ...extra,
    })
    .where(eq(t.canvassSessions.id, session.row.id));
  const events = [...(action ? [action] : []), ...next.effects.map(effectEvent)];
  await insertEvents(tx, deps, session.row.id, events, now);
  const current: LoadedSession = { ...session, row: updated, state: next.state };
  for (const effect of next.effects) {
    if (effect.kind === "alert") await createAlertDeliveries(tx, deps, current, effect, action?.byUserId);
    if (effect.kind === "reminder")
      await createReminderDeliveries(tx, deps, current, effect, known.pushSubscribers);
  }
  return updated;
}

export async function insertEvents(
  tx: Tx,
  deps: Deps,
  sessionId: string,
  events: readonly HistoryEvent[],
  at: Date,
): Promise<void> {
  if (events.length === 0) return;
  await tx.insert(t.canvassEvents).values(
    events.map((e) => {
      const id = randomUUID();
      return {
        id,
        sessionId,
        type: e.type,
        at,
        byUserId: e.byUserId ?? null,
        detailEnc: e.detail ? deps.secrets.encryptJson(e.detail, eventContext(id)) : null,
      };
    }),
  );
}
