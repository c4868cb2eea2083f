// What people do with a canvass session: plan it, start, check in, extend, end, "I feel unsafe",
// "I'm in danger", and acknowledge an alert (signed in, or through the link in the alert).
import { randomUUID } from "node:crypto";
import { and, eq, inArray, isNull } from "drizzle-orm";
import * as t from "../../store/schema.ts";
import type { Tx } from "../../store/chain.ts";
import * as machine from "../../core/canvass/machine.ts";
import {
  ALONE_WARNING,
  CANVASS_LIMITS,
  isAlone,
  planProblems,
  tick,
  timingsFrom,
  type CanvassPlan,
  type Location,
  type ResolvedContact,
  type ResolvedPerson,
  type SessionPlan,
  type Transition,
} from "../../core/canvass/index.ts";
import type { Deps } from "../deps.ts";
import { AppError, badRequest, forbidden } from "../errors.ts";
import { can, type Principal } from "../policies/index.ts";
import { readPoliceContact } from "../commands/campaign-settings.ts";
import { recordIncident } from "../commands/incidents.ts";
import { IncidentBodySchema } from "../../core/incident/model.ts";
import { campaignLeads, deliveryIdFromToken } from "./escalation.ts";
import {
  encryptLocation,
  encryptPlan,
  findSession,
  insertEvents,
  loaded,
  lockSession,
  saveTransition,
  type HistoryEvent,
  type LoadedSession,
  type SessionRow,
} from "./sessions.ts";

const asConflict = (error: unknown): never => {
  if (error instanceof machine.CanvassStateError) throw new AppError(409, error.code, error.message);
  throw error;
};

async function activeMembers(deps: Deps, campaignId: string, userIds: readonly string[]) {
  if (userIds.length === 0) return new Map<string, string>();
  const rows = await deps.db
    .select({ id: t.users.id, name: t.users.displayName })
    .from(t.campaignMembers)
    .innerJoin(t.users, eq(t.users.id, t.campaignMembers.userId))
    .where(
      and(
        eq(t.campaignMembers.campaignId, campaignId),
        isNull(t.campaignMembers.revokedAt),
        inArray(t.campaignMembers.userId, [...userIds]),
      ),
    );
  return new Map(rows.map((r) => [r.id, r.name]));
}

async function resolvePeopleAndContacts(
  deps: Deps,
  campaignId: string,
  plan: CanvassPlan,
): Promise<{ people: ResolvedPerson[]; contacts: ResolvedContact[] }> {
  const ids = [...plan.people, ...(plan.contacts ?? [])].flatMap((p) => ("userId" in p ? [p.userId] : []));
  const members = await activeMembers(deps, campaignId, ids);
  const people = plan.people.map((p, i): ResolvedPerson => {
    if ("userId" in p) {
      const name = members.get(p.userId);
      if (!name) throw badRequest(`people.${i}: is not a member of this campaign's team`, `people.${i}`);
      return { userId: p.userId, name, ...(p.phone ? { phone: p.phone } : {}) };
    }
    return { name: p.name, ...(p.phone ? { phone: p.phone } : {}) };
  });
  const outIds = people.flatMap((p) => (p.userId ? [p.userId] : []));
  let contacts: ResolvedContact[];
  if (plan.contacts) {
    contacts = plan.contacts.map((c, i): ResolvedContact => {
      if ("userId" in c) {
        const name = members.get(c.userId);
        if (!name)
          throw badRequest(`contacts.${i}: is not a member of this campaign's team`, `contacts.${i}`);
        return { userId: c.userId, name };
      }
      return { name: c.name, ...(c.email ? { email: c.email } : {}), ...(c.phone ? { phone: c.phone } : {}) };
    });
  } else {
    const leads = await deps.db.transaction((tx) => campaignLeads(tx, campaignId, outIds));
    contacts = leads.map((l) => ({ userId: l.id, name: l.name }));
  }
  if (contacts.length === 0)
    throw badRequest(
      "contacts: name at least one person who will know where you are and be alerted if you miss a check-in",
      "contacts",
    );
  contacts.forEach((c, i) => assertReachable(deps, c, i));
  return { people, contacts };
}

/** A contact outside the team must be reachable over a channel this deployment has. */
function assertReachable(deps: Deps, c: ResolvedContact, i: number) {
  if (c.userId) return;
  const byEmail = !!c.email && !!deps.channels.email;
  const byPhone = !!c.phone && !!deps.channels.webhook;
  if (byEmail || byPhone) return;
  const missing = [
    c.email && !deps.channels.email ? "send email (no SMTP_URL is set)" : null,
    c.phone && !deps.channels.webhook ? "send text messages (no ALERT_WEBHOOK_URL is set)" : null,
  ]
    .filter(Boolean)
    .join(" or ");
  throw badRequest(
    `contacts.${i}: an alert could not reach ${c.name}: this Shield cannot ${missing}. Choose a team member, add another way to reach them, or ask your administrator to set it up.`,
    `contacts.${i}`,
  );
}

export async function planSession(
  deps: Deps,
  by: Principal,
  campaignId: string,
  plan: CanvassPlan,
  startNow: boolean,
): Promise<SessionRow> {
  const now = deps.now();
  const problem = planProblems(plan, now)[0];
  if (problem) throw badRequest(`${problem.field}: ${problem.message}`, problem.field);
  const { people, contacts } = await resolvePeopleAndContacts(deps, campaignId, plan);
  if (plan.alertSpoc) {
    const spoc = (await readPoliceContact(deps.db, deps, campaignId))?.body;
    if (!spoc?.email && !spoc?.phone)
      throw badRequest(
        "alertSpoc: your police single point of contact has no email or phone stored. Add them under Police contact first, or leave this option off.",
        "alertSpoc",
      );
  }
  const sessionPlan: SessionPlan = { ...plan, people, contacts, endsAt: plan.endsAt };
  const timings = timingsFrom(plan);
  let transition: Transition = { state: machine.planned(plan.endsAt), effects: [] };
  const events: HistoryEvent[] = [{ type: "planned", byUserId: by.id, detail: { alone: isAlone(plan) } }];
  if (startNow) {
    transition = machine.start(transition.state, timings, now);
    events.push({ type: "started", byUserId: by.id });
  }
  const id = randomUUID();
  const row: SessionRow = {
    id,
    campaignId,
    createdBy: by.id,
    createdAt: now,
    updatedAt: now,
    status: transition.state.status,
    memberIds: [...new Set([by.id, ...people.flatMap((p) => (p.userId ? [p.userId] : []))])],
    planEnc: encryptPlan(deps, id, sessionPlan),
    timings,
    state: transition.state,
    nextActionAt: machine.nextWakeAt(transition.state, timings),
    lastLocationEnc: null,
    incidentId: null,
  };
  await deps.db.transaction(async (tx) => {
    await tx.insert(t.canvassSessions).values(row);
    await insertEvents(tx, deps, id, events, now);
  });
  deps.wakePoller();
  return row;
}

export const aloneWarnings = (plan: SessionPlan) => (isAlone(plan) ? [ALONE_WARNING] : []);

type Action = "act" | "acknowledge";

/** Locks the session, checks the user may do this, applies a state-machine step and saves it. */
async function act(
  deps: Deps,
  by: Principal,
  sessionId: string,
  action: Action,
  step: (
    s: LoadedSession,
    now: Date,
    tx: Tx,
  ) => Promise<{
    next: Transition;
    event: HistoryEvent | null;
    extra?: Partial<Pick<SessionRow, "lastLocationEnc" | "incidentId">>;
  }>,
): Promise<SessionRow> {
  const row = await deps.db.transaction(async (tx) => {
    const locked = await lockSession(tx, sessionId);
    if (!can(by, action, "canvass-session", locked)) {
      if (!can(by, "read", "canvass-session", locked))
        throw new AppError(404, "not-found", "No such canvass session.");
      throw forbidden("Only the people out on this session and the campaign's leads can do that.");
    }
    const now = deps.now();
    // Whatever fell due before this action (e.g. a deadline missed a moment ago, not yet seen by the
    // poller) is recorded and sent first, so the history and alerts do not depend on the poller's timing.
    let session = loaded(deps, locked);
    const due = tick(session.state, session.timings, now);
    if (due.effects.length > 0) {
      const row = await saveTransition(tx, deps, session, due, null);
      session = { ...session, row, state: due.state };
    }
    const { next, event, extra } = await step(session, now, tx).catch(asConflict);
    return saveTransition(tx, deps, session, next, event, extra);
  });
  deps.wakePoller();
  return row;
}

function locationUpdate(deps: Deps, s: LoadedSession, location: Location | undefined, now: Date) {
  return s.plan.shareLocation && location
    ? { lastLocationEnc: encryptLocation(deps, s.row.id, { ...location, at: now.toISOString() }) }
    : {};
}

export const startSession = (deps: Deps, by: Principal, id: string) =>
  act(deps, by, id, "act", async (s, now) => ({
    next: machine.start(s.state, s.timings, now),
    event: { type: "started", byUserId: by.id },
  }));

export const checkIn = (deps: Deps, by: Principal, id: string, location?: Location) =>
  act(deps, by, id, "act", async (s, now) => ({
    next: machine.checkIn(s.state, s.timings, now),
    event: {
      type: "checked-in",
      byUserId: by.id,
      detail: { sharedLocation: !!(location && s.plan.shareLocation) },
    },
    extra: locationUpdate(deps, s, location, now),
  }));

export const extendSession = (deps: Deps, by: Principal, id: string, endsAt: Date) =>
  act(deps, by, id, "act", async (s, now) => {
    if (endsAt.getTime() - now.getTime() > CANVASS_LIMITS.maxHours * 3_600_000)
      throw badRequest(
        `endsAt: is more than ${CANVASS_LIMITS.maxHours} hours away: plan one session per outing`,
        "endsAt",
      );
    return {
      next: machine.extend(s.state, s.timings, endsAt, now),
      event: { type: "extended", byUserId: by.id, detail: { endsAt: endsAt.toISOString() } },
    };
  });

export const endSession = (deps: Deps, by: Principal, id: string) =>
  act(deps, by, id, "act", async (s, now) => ({
    next: machine.end(s.state, now),
    event: { type: "ended", byUserId: by.id },
  }));

export const dangerPressed = (deps: Deps, by: Principal, id: string, location?: Location) =>
  act(deps, by, id, "act", async (s, now) => ({
    next: machine.panic(s.state, s.timings, "danger", now),
    event: { type: "danger", byUserId: by.id },
    extra: locationUpdate(deps, s, location, now),
  }));

/** "I feel unsafe": contacts are alerted first, then an incident is recorded for the record. */
export async function unsafePressed(
  deps: Deps,
  by: Principal,
  id: string,
  input: { location?: Location; note?: string },
): Promise<SessionRow> {
  const alerted = await act(deps, by, id, "act", async (s, now) => ({
    next: machine.panic(s.state, s.timings, "unsafe", now),
    event: { type: "unsafe", byUserId: by.id },
    extra: locationUpdate(deps, s, input.location, now),
  }));
  const session = loaded(deps, alerted);
  if (!can(by, "record-incident", "campaign", { id: alerted.campaignId })) return alerted;
  const shared = session.plan.shareLocation && input.location;
  const body = IncidentBodySchema.parse({
    summary: "Felt unsafe while canvassing",
    description: [
      `Pressed "I feel unsafe" during a canvass session in ${session.plan.area}.`,
      input.note ? `Note: ${input.note}` : "",
    ]
      .filter(Boolean)
      .join("\n"),
    occurredAt: deps.now().toISOString(),
    channel: "doorstep",
    location: {
      text: session.plan.area.slice(0, 500),
      ...(shared ? { lat: input.location!.lat, lng: input.location!.lng } : {}),
    },
    answers: { frightened: "yes" },
  });
  const incident = await recordIncident(deps, by, alerted.campaignId, body);
  await deps.db
    .update(t.canvassSessions)
    .set({ incidentId: incident.id })
    .where(eq(t.canvassSessions.id, id));
  return { ...alerted, incidentId: incident.id };
}

export const acknowledgeAsMember = (deps: Deps, by: Principal, id: string, episode: number, name: string) =>
  act(deps, by, id, "acknowledge", async (s, now) => {
    const result = machine.acknowledge(s.state, episode, name, now);
    return {
      next: result,
      event: result.first
        ? { type: "acknowledged", byUserId: by.id, detail: { by: name, via: "app" } }
        : null,
    };
  });

// ---------------------------------------------------------------------------------------------------
// The acknowledge link in an alert (no sign-in: contacts may have no account)

export interface AlertByToken {
  delivery: typeof t.canvassDeliveries.$inferSelect;
  alert: typeof t.canvassAlerts.$inferSelect;
}

async function alertByToken(deps: Deps, token: string): Promise<AlertByToken> {
  const deliveryId = deliveryIdFromToken(deps, token);
  const invalid = () =>
    new AppError(
      404,
      "not-found",
      "This acknowledge link is not valid. Check that the whole link was copied.",
    );
  if (!deliveryId) throw invalid();
  const [found] = await deps.db
    .select({ delivery: t.canvassDeliveries, alert: t.canvassAlerts })
    .from(t.canvassDeliveries)
    .innerJoin(t.canvassAlerts, eq(t.canvassAlerts.id, t.canvassDeliveries.alertId))
    .where(eq(t.canvassDeliveries.id, deliveryId));
  if (!found) throw invalid();
  return found;
}

export async function lookupAlert(deps: Deps, token: string) {
  const { delivery, alert } = await alertByToken(deps, token);
  return { delivery, alert, session: loaded(deps, await findSession(deps.db, alert.sessionId)) };
}

export async function acknowledgeByToken(deps: Deps, token: string, name: string | undefined) {
  const { delivery, alert } = await alertByToken(deps, token);
  const recipient = deps.secrets.decryptJson<{ name: string }>(
    delivery.recipientEnc,
    `canvass_deliveries:${delivery.id}/recipient`,
  );
  const by = name?.trim() || recipient.name || "A contact";
  let first = false;
  await deps.db.transaction(async (tx) => {
    const session = loaded(deps, await lockSession(tx, alert.sessionId));
    const result = machine.acknowledge(session.state, alert.episode, by, deps.now());
    first = result.first;
    if (!first) return;
    await saveTransition(tx, deps, session, result, {
      type: "acknowledged",
      detail: { by, via: delivery.channel },
    });
  });
  return { first, ...(await lookupAlert(deps, token)) };
}
