// A canvass session as the app shows it: the plan, where it stands, its history in plain English and
// every alert with each delivery's outcome.
import { asc, eq, inArray } from "drizzle-orm";
import * as t from "../../store/schema.ts";
import {
  acknowledgedLine,
  deadlineOf,
  nextWakeAt,
  ukTime,
  type AlertReason,
} from "../../core/canvass/index.ts";
import type { Deps } from "../deps.ts";
import { can, type Principal } from "../policies/index.ts";
import { recipientContext, type StoredRecipient } from "./escalation.ts";
import { aloneWarnings } from "./commands.ts";
import { eventContext, lastLocation, loaded, type LoadedSession, type SessionRow } from "./sessions.ts";

const REASONS: Record<AlertReason, string> = {
  "missed-check-in": "a missed check-in",
  overran: "the session running past its planned end",
  unsafe: '"I feel unsafe"',
  danger: `"I'm in danger"`,
};

const STAGE_WHO: Record<number, string> = {
  1: "the named contacts",
  2: "the campaign's agent or lead",
  3: "the police single point of contact",
};

/** What the history events' (encrypted) details hold; each type uses some of these. */
interface EventDetail {
  alone?: boolean;
  sharedLocation?: boolean;
  endsAt?: string;
  deadline?: string;
  reason?: string;
  stage?: number;
  episode?: number;
  by?: string;
  via?: string;
}

const at = (iso: string | undefined) => ukTime(new Date(iso ?? 0));

function historyLine(type: string, who: string, detail: EventDetail | null): string {
  switch (type) {
    case "planned":
      return detail?.alone ? `${who} planned the session, going alone` : `${who} planned the session`;
    case "started":
      return `${who} started the session`;
    case "checked-in":
      return detail?.sharedLocation ? `${who} checked in and shared their location` : `${who} checked in`;
    case "extended":
      return `${who} extended the session to ${at(detail?.endsAt)}`;
    case "ended":
      return `${who} ended the session`;
    case "expired":
      return "The session was never started and has closed";
    case "reminder":
      return detail?.reason === "session-end"
        ? `Reminder: the session is planned to end at ${at(detail.deadline)}`
        : `Reminder: check-in due at ${at(detail?.deadline)}`;
    case "overdue":
      return detail?.reason === "overran"
        ? `The session ran past its planned end (${at(detail.deadline)}) without being ended`
        : `The check-in due at ${at(detail?.deadline)} was missed`;
    case "alert":
      return `Alert (stage ${detail?.stage}) sent to ${STAGE_WHO[detail?.stage ?? 0] ?? "contacts"} about ${REASONS[detail?.reason as AlertReason] ?? "the session"}`;
    case "acknowledged":
      return `${detail?.by ?? who} acknowledged the alert and is dealing with it`;
    case "unsafe":
      return `${who} pressed "I feel unsafe"`;
    case "danger":
      return `${who} pressed "I'm in danger"`;
    default:
      return type;
  }
}

async function historyOf(deps: Deps, sessionId: string) {
  const rows = await deps.db
    .select({ e: t.canvassEvents, name: t.users.displayName })
    .from(t.canvassEvents)
    .leftJoin(t.users, eq(t.users.id, t.canvassEvents.byUserId))
    .where(eq(t.canvassEvents.sessionId, sessionId))
    .orderBy(asc(t.canvassEvents.seq));
  return rows.map(({ e, name }) => {
    const detail = e.detailEnc
      ? deps.secrets.decryptJson<EventDetail>(e.detailEnc, eventContext(e.id))
      : null;
    return {
      at: e.at.toISOString(),
      type: e.type,
      by: name ?? detail?.by ?? null,
      text: historyLine(e.type, name ?? "Someone", detail),
    };
  });
}

async function alertsOf(deps: Deps, sessionId: string) {
  const alerts = await deps.db
    .select()
    .from(t.canvassAlerts)
    .where(eq(t.canvassAlerts.sessionId, sessionId))
    .orderBy(asc(t.canvassAlerts.createdAt), asc(t.canvassAlerts.stage));
  if (alerts.length === 0) return [];
  const deliveries = await deps.db
    .select()
    .from(t.canvassDeliveries)
    .where(
      inArray(
        t.canvassDeliveries.alertId,
        alerts.map((a) => a.id),
      ),
    )
    .orderBy(asc(t.canvassDeliveries.createdAt));
  const attempts = deliveries.length
    ? await deps.db
        .select()
        .from(t.canvassDeliveryAttempts)
        .where(
          inArray(
            t.canvassDeliveryAttempts.deliveryId,
            deliveries.map((d) => d.id),
          ),
        )
        .orderBy(asc(t.canvassDeliveryAttempts.attempt))
    : [];
  return alerts.map((a) => ({
    id: a.id,
    episode: a.episode,
    stage: a.stage,
    reason: a.reason,
    createdAt: a.createdAt.toISOString(),
    deliveries: deliveries
      .filter((d) => d.alertId === a.id)
      .map((d) => {
        const r = deps.secrets.decryptJson<StoredRecipient>(d.recipientEnc, recipientContext(d.id));
        return {
          id: d.id,
          channel: d.channel,
          to: r.address && d.channel !== "in-app" ? `${r.name} (${r.address})` : r.name,
          status: d.status,
          attempts: d.attempts,
          lastAttemptAt: d.lastAttemptAt?.toISOString() ?? null,
          detail: d.lastDetail,
          attemptLog: attempts
            .filter((x) => x.deliveryId === d.id)
            .map((x) => ({ at: x.at.toISOString(), ok: x.ok, detail: x.detail })),
        };
      }),
  }));
}

function escalationView(s: LoadedSession) {
  const e = s.state.escalation;
  if (!e) return null;
  const wake = e.acknowledgedAt ? null : nextWakeAt(s.state, s.timings);
  return { ...e, nextStageAt: wake && s.state.status !== "closed" ? wake.toISOString() : null };
}

export async function presentSession(
  deps: Deps,
  user: Principal,
  row: SessionRow,
  options: { details?: boolean } = {},
) {
  const s = loaded(deps, row);
  const open = s.state.status !== "closed";
  const started = open && s.state.status !== "planned";
  const location = s.plan.shareLocation ? lastLocation(deps, row) : null;
  const [creator] = await deps.db
    .select({ id: t.users.id, displayName: t.users.displayName })
    .from(t.users)
    .where(eq(t.users.id, row.createdBy));
  const e = s.state.escalation;
  const details = options.details !== false;
  return {
    id: row.id,
    campaignId: row.campaignId,
    status: s.state.status,
    createdBy: creator ?? { id: row.createdBy, displayName: "Unknown" },
    createdAt: row.createdAt.toISOString(),
    plan: { ...s.plan, endsAt: undefined },
    alone: s.plan.people.length === 1,
    warnings: aloneWarnings(s.plan),
    endsAt: s.state.endsAt,
    startedAt: s.state.startedAt,
    closedAt: s.state.closedAt,
    lastCheckInAt: s.state.lastCheckInAt,
    nextCheckInAt: s.state.nextCheckInAt,
    deadline: started ? deadlineOf(s.state) : null,
    escalation: escalationView(s),
    acknowledgedLine:
      e?.acknowledgedAt && e.acknowledgedBy
        ? acknowledgedLine(e.acknowledgedBy, new Date(e.acknowledgedAt))
        : null,
    lastKnownLocation: location ? { lat: location.lat, lng: location.lng, at: location.at } : null,
    incidentId: row.incidentId,
    history: details ? await historyOf(deps, row.id) : [],
    alerts: details ? await alertsOf(deps, row.id) : [],
    can: {
      checkIn: started && can(user, "act", "canvass-session", row),
      extend: open && can(user, "act", "canvass-session", row),
      end: open && can(user, "act", "canvass-session", row),
      acknowledge:
        !!e && e.stage > 0 && !e.acknowledgedAt && open && can(user, "acknowledge", "canvass-session", row),
    },
    serverTime: deps.now().toISOString(),
  };
}
