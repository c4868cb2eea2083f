// Turning an alert or reminder of the state machine into delivery records: who is told at each stage,
// over which channels, and with which words. Each delivery is composed once, with its own acknowledge
// link, and sent later by the delivery worker (deliveries.ts).
import { randomUUID, timingSafeEqual } from "node:crypto";
import { and, eq, inArray, isNull } from "drizzle-orm";
import * as t from "../../store/schema.ts";
import type { Tx } from "../../store/chain.ts";
import {
  composeAlert,
  composeReminder,
  type CanvassEffect,
  type ComposedMessage,
  type Stage,
} from "../../core/canvass/index.ts";
import type { Deps } from "../deps.ts";
import type { Addressee, ChannelName, OutgoingMessage } from "../notify/types.ts";
import { readPoliceContact } from "../commands/campaign-settings.ts";
import type { LoadedSession } from "./sessions.ts";
import { lastLocation } from "./sessions.ts";

type AlertEffect = Extract<CanvassEffect, { kind: "alert" }>;
type ReminderEffect = Extract<CanvassEffect, { kind: "reminder" }>;

export interface Recipient {
  /** Stable within a session: the account id, or the normalised address. */
  key: string;
  name: string;
  userId?: string;
  email?: string;
  phone?: string;
}

/** What the history and the delivery worker know about a delivery's recipient (encrypted). */
export interface StoredRecipient {
  name: string;
  /** Shown in the history, e.g. "tom@example.org", "07700 900123", "this browser". */
  address: string;
  addressee: Addressee | null;
}

export const recipientContext = (id: string) => `canvass_deliveries:${id}/recipient`;
export const messageContext = (id: string) => `canvass_deliveries:${id}/message`;

const digits = (phone: string) => phone.replace(/\D/g, "");

const STAGE_NAMES: Record<Stage, string> = {
  1: "the named contacts",
  2: "the campaign's agent or lead",
  3: "the police force's single point of contact",
};

/** Team members' names and account emails. */
async function accounts(tx: Tx, userIds: readonly string[]) {
  if (userIds.length === 0) return new Map<string, { name: string; email: string }>();
  const rows = await tx
    .select({ id: t.users.id, name: t.users.displayName, email: t.users.email })
    .from(t.users)
    .where(inArray(t.users.id, [...userIds]));
  return new Map(rows.map((r) => [r.id, { name: r.name, email: r.email }]));
}

async function stageOneRecipients(tx: Tx, session: LoadedSession): Promise<Recipient[]> {
  const ids = session.plan.contacts.flatMap((c) => (c.userId ? [c.userId] : []));
  const found = await accounts(tx, ids);
  return session.plan.contacts.flatMap((c): Recipient[] => {
    if (c.userId) {
      const account = found.get(c.userId);
      return account ? [{ key: c.userId, name: account.name, userId: c.userId, email: account.email }] : [];
    }
    return [
      {
        key: (c.email ?? "").toLowerCase() || digits(c.phone ?? ""),
        name: c.name,
        ...(c.email ? { email: c.email } : {}),
        ...(c.phone ? { phone: c.phone } : {}),
      },
    ];
  });
}

/** The candidate and full members who are not out on this session. */
export async function campaignLeads(tx: Tx, campaignId: string, exceptUserIds: readonly string[]) {
  const rows = await tx
    .select({ id: t.users.id, name: t.users.displayName, email: t.users.email })
    .from(t.campaignMembers)
    .innerJoin(t.users, eq(t.users.id, t.campaignMembers.userId))
    .where(
      and(
        eq(t.campaignMembers.campaignId, campaignId),
        isNull(t.campaignMembers.revokedAt),
        inArray(t.campaignMembers.permission, ["owner", "full"]),
      ),
    );
  return rows.filter((r) => !exceptUserIds.includes(r.id));
}

async function recipientsFor(tx: Tx, deps: Deps, session: LoadedSession, stage: Stage): Promise<Recipient[]> {
  if (stage === 1) return stageOneRecipients(tx, session);
  if (stage === 2) {
    const out = session.plan.people.flatMap((p) => (p.userId ? [p.userId] : []));
    const leads = await campaignLeads(tx, session.row.campaignId, out);
    // With nobody else to tell (the candidate out alone), the named contacts are told again.
    if (leads.length === 0) return stageOneRecipients(tx, session);
    return leads.map((l) => ({ key: l.id, name: l.name, userId: l.id, email: l.email }));
  }
  const spoc = (await readPoliceContact(tx, deps, session.row.campaignId))?.body;
  if (!spoc || (!spoc.email && !spoc.phone)) return [];
  return [
    {
      key: "spoc",
      name: spoc.name ? `${spoc.name} (police single point of contact)` : "Police single point of contact",
      ...(spoc.email ? { email: spoc.email } : {}),
      ...(spoc.phone ? { phone: spoc.phone } : {}),
    },
  ];
}

async function pushSubscriptionsOf(tx: Tx, deps: Deps, userIds: readonly string[]) {
  if (userIds.length === 0 || !deps.channels.push) return [];
  const rows = await tx
    .select()
    .from(t.pushSubscriptions)
    .where(and(inArray(t.pushSubscriptions.userId, [...userIds]), isNull(t.pushSubscriptions.goneAt)));
  return rows.map((r) => ({
    id: r.id,
    userId: r.userId,
    subscription: deps.secrets.decryptJson<{ endpoint: string; keys: { p256dh: string; auth: string } }>(
      r.subscriptionEnc,
      `push_subscriptions:${r.id}`,
    ),
  }));
}

interface PlannedDelivery {
  channel: ChannelName | "in-app";
  recipientKey: string;
  recipient: StoredRecipient;
  /** Why it cannot be sent (no channel configured): recorded as failed at once. */
  unsendable?: string;
}

async function deliveriesFor(
  tx: Tx,
  deps: Deps,
  recipients: readonly Recipient[],
): Promise<PlannedDelivery[]> {
  const { email, webhook } = deps.channels;
  const subscriptions = await pushSubscriptionsOf(
    tx,
    deps,
    recipients.flatMap((r) => (r.userId ? [r.userId] : [])),
  );
  const planned: PlannedDelivery[] = [];
  for (const r of recipients) {
    if (r.userId)
      planned.push({
        channel: "in-app",
        recipientKey: r.key,
        recipient: { name: r.name, address: "in the Shield app", addressee: null },
      });
    if (r.email)
      planned.push({
        channel: "email",
        recipientKey: `${r.key}:${r.email.toLowerCase()}`,
        recipient: {
          name: r.name,
          address: r.email,
          addressee: { channel: "email", address: r.email, name: r.name },
        },
        ...(email ? {} : { unsendable: "not sent: this Shield has no email server configured (SMTP_URL)" }),
      });
    if (r.phone)
      planned.push({
        channel: "webhook",
        recipientKey: `${r.key}:${digits(r.phone)}`,
        recipient: {
          name: r.name,
          address: r.phone,
          addressee: { channel: "webhook", phone: r.phone, name: r.name },
        },
        ...(webhook
          ? {}
          : { unsendable: "not sent: this Shield has no SMS gateway configured (ALERT_WEBHOOK_URL)" }),
      });
    for (const s of subscriptions.filter((s) => s.userId === r.userId))
      planned.push({
        channel: "push",
        recipientKey: `${r.key}:${s.id}`,
        recipient: {
          name: r.name,
          address: "a browser notification",
          addressee: { channel: "push", subscription: s.subscription },
        },
      });
  }
  return planned;
}

async function insertDeliveries(
  tx: Tx,
  deps: Deps,
  session: LoadedSession,
  alertId: string | null,
  dedupePrefix: string,
  planned: readonly PlannedDelivery[],
  compose: (ackUrl: string | undefined) => ComposedMessage,
  data: Record<string, unknown>,
  extra: Pick<OutgoingMessage, "openUrl" | "tag"> = {},
) {
  if (planned.length === 0) return;
  const now = deps.now();
  const rows = planned.map((p) => {
    const id = randomUUID();
    const acknowledgeUrl = alertId ? acknowledgeUrlFor(deps, id) : undefined;
    const composed = compose(acknowledgeUrl);
    const message: OutgoingMessage = {
      deliveryId: id,
      subject: composed.subject,
      text: p.channel === "webhook" ? composed.sms : composed.text,
      ...(acknowledgeUrl ? { acknowledgeUrl } : {}),
      ...extra,
      data: { ...data, sessionId: session.row.id },
    };
    const immediate = p.channel === "in-app";
    return {
      id,
      sessionId: session.row.id,
      alertId,
      dedupeKey: `${dedupePrefix}:${p.channel}:${p.recipientKey}`,
      channel: p.channel,
      recipientEnc: deps.secrets.encryptJson(p.recipient, recipientContext(id)),
      messageEnc: deps.secrets.encryptJson(message, messageContext(id)),
      status: immediate ? "sent" : p.unsendable ? "failed" : "pending",
      attempts: 0,
      nextAttemptAt: immediate || p.unsendable ? null : now,
      lastDetail: p.unsendable ?? null,
      sentAt: immediate ? now : null,
      createdAt: now,
    };
  });
  await tx.insert(t.canvassDeliveries).values(rows).onConflictDoNothing();
}

export function acknowledgeUrlFor(deps: Deps, deliveryId: string): string {
  return `${deps.config.publicUrl}/canvass/acknowledge#token=${deliveryId}.${deps.secrets.linkMac(deliveryId)}`;
}

/** The delivery id in an acknowledge link's token, if the token is genuine. */
export function deliveryIdFromToken(deps: Deps, token: string): string | null {
  const [id, mac] = token.split(".");
  if (!id || !mac || !/^[0-9a-f-]{36}$/.test(id)) return null;
  const expected = deps.secrets.linkMac(id);
  return expected.length === mac.length && timingSafeEqual(Buffer.from(expected), Buffer.from(mac))
    ? id
    : null;
}

async function campaignName(tx: Tx, campaignId: string) {
  const [row] = await tx
    .select({ name: t.campaigns.name })
    .from(t.campaigns)
    .where(eq(t.campaigns.id, campaignId));
  return row?.name ?? "your campaign";
}

function nextStageOf(session: LoadedSession, effect: AlertEffect): { at: Date; who: string } | null {
  const { timings } = session;
  const since = Date.parse(effect.since);
  const panicOffset = effect.reason === "unsafe" || effect.reason === "danger" ? timings.graceMs : 0;
  if (effect.reason === "danger") return null;
  if (effect.stage === 1)
    return { at: new Date(since + timings.stage2AfterMs - panicOffset), who: STAGE_NAMES[2] };
  if (effect.stage === 2 && timings.stage3AfterMs !== null)
    return { at: new Date(since + timings.stage3AfterMs - panicOffset), who: STAGE_NAMES[3] };
  return null;
}

export async function createAlertDeliveries(
  tx: Tx,
  deps: Deps,
  session: LoadedSession,
  effect: AlertEffect,
  /** Who pressed "I feel unsafe" or "I'm in danger", when that is the reason. */
  pressedByUserId?: string | null,
) {
  const alertId = randomUUID();
  const [inserted] = await tx
    .insert(t.canvassAlerts)
    .values({
      id: alertId,
      sessionId: session.row.id,
      episode: effect.episode,
      stage: effect.stage,
      reason: effect.reason,
      createdAt: deps.now(),
    })
    .onConflictDoNothing()
    .returning({ id: t.canvassAlerts.id });
  if (!inserted) return; // this stage of this episode was alerted already
  const recipients = await recipientsFor(tx, deps, session, effect.stage);
  const planned = await deliveriesFor(tx, deps, recipients);
  const location = session.plan.shareLocation ? lastLocation(deps, session.row) : null;
  const name = await campaignName(tx, session.row.campaignId);
  const nextStage = nextStageOf(session, effect);
  const pressedBy = pressedByUserId
    ? (await accounts(tx, [pressedByUserId])).get(pressedByUserId)?.name
    : undefined;
  await insertDeliveries(
    tx,
    deps,
    session,
    alertId,
    `alert:${alertId}`,
    planned,
    (ackUrl) =>
      composeAlert({
        people: session.plan.people,
        area: session.plan.area,
        reason: effect.reason,
        stage: effect.stage,
        since: new Date(effect.since),
        lastCheckInAt: session.state.lastCheckInAt ? new Date(session.state.lastCheckInAt) : null,
        endsAt: new Date(session.state.endsAt),
        lastKnownLocation: location
          ? { lat: location.lat, lng: location.lng, at: new Date(location.at) }
          : null,
        nextStage,
        acknowledgeUrl: ackUrl ?? `${deps.config.publicUrl}/canvass/${session.row.id}`,
        campaignName: name,
        pressedBy,
      }),
    {
      kind: "canvass-alert",
      stage: effect.stage,
      episode: effect.episode,
      reason: effect.reason,
      since: effect.since,
      people: session.plan.people.map((p) => p.name),
      area: session.plan.area,
      lastCheckInAt: session.state.lastCheckInAt,
      lastKnownLocation: location,
    },
  );
}

/** A reminder goes to the people out who enabled notifications; the app shows it on screen anyway. */
export async function createReminderDeliveries(
  tx: Tx,
  deps: Deps,
  session: LoadedSession,
  effect: ReminderEffect,
  /** Who among the people out has push subscriptions, when the caller looked already. */
  pushSubscribers?: ReadonlySet<string>,
) {
  const people = session.plan.people.flatMap((p) => (p.userId ? [p.userId] : []));
  if (pushSubscribers && !people.some((id) => pushSubscribers.has(id))) return;
  const subscriptions = await pushSubscriptionsOf(tx, deps, people);
  const planned: PlannedDelivery[] = subscriptions.map((s) => ({
    channel: "push",
    recipientKey: `${s.userId}:${s.id}`,
    recipient: {
      name: "",
      address: "a browser notification",
      addressee: { channel: "push", subscription: s.subscription },
    },
  }));
  await insertDeliveries(
    tx,
    deps,
    session,
    null,
    `reminder:${session.row.id}:${effect.deadline}`,
    planned,
    () =>
      composeReminder({
        deadline: new Date(effect.deadline),
        reason: effect.reason,
        sessionUrl: `${deps.config.publicUrl}/canvass/${session.row.id}`,
      }),
    { kind: "canvass-reminder", deadline: effect.deadline },
    // The app's own on-screen reminder uses the same tag, so the two do not both show.
    {
      openUrl: `${deps.config.publicUrl}/canvass/${session.row.id}`,
      tag: `canvass-${session.row.id}-reminder`,
    },
  );
}
