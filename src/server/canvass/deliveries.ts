// The delivery worker: claims due deliveries (SELECT … FOR UPDATE SKIP LOCKED, so several server
// processes never take the same one), sends them outside any transaction, and records each attempt.
//
// A claim is a lease: the row's next_attempt_at moves a minute ahead. If the process dies while
// sending, the row becomes due again when the lease runs out and is retried with the same delivery id
// (email Message-ID, webhook x-shield-delivery), so a receiver can tell a repeat from a new alert.
import { createHash } from "node:crypto";
import { and, asc, eq, inArray, lte, sql } from "drizzle-orm";
import * as t from "../../store/schema.ts";
import type { Deps } from "../deps.ts";
import { nextAttemptDelayMs } from "../notify/backoff.ts";
import type { AttemptOutcome, OutgoingMessage } from "../notify/types.ts";
import { messageContext, recipientContext, type StoredRecipient } from "./escalation.ts";

export const LEASE_MS = 60_000;

export const endpointHash = (endpoint: string) => createHash("sha256").update(endpoint).digest("hex");

interface Claimed {
  id: string;
  channel: string;
  attempt: number;
  recipient: StoredRecipient;
  message: OutgoingMessage;
}

async function claim(deps: Deps, limit: number): Promise<Claimed[]> {
  const now = deps.now();
  return deps.db.transaction(async (tx) => {
    const due = await tx
      .select()
      .from(t.canvassDeliveries)
      .where(
        and(
          lte(t.canvassDeliveries.nextAttemptAt, now),
          inArray(t.canvassDeliveries.status, ["pending", "sending"]),
        ),
      )
      .orderBy(asc(t.canvassDeliveries.nextAttemptAt))
      .limit(limit)
      .for("update", { skipLocked: true });
    if (due.length === 0) return [];
    await tx
      .update(t.canvassDeliveries)
      .set({
        status: "sending",
        attempts: sql`${t.canvassDeliveries.attempts} + 1`,
        nextAttemptAt: new Date(now.getTime() + LEASE_MS),
        lastAttemptAt: now,
      })
      .where(
        inArray(
          t.canvassDeliveries.id,
          due.map((d) => d.id),
        ),
      );
    return due.map((d) => ({
      id: d.id,
      channel: d.channel,
      attempt: d.attempts + 1,
      recipient: deps.secrets.decryptJson<StoredRecipient>(d.recipientEnc, recipientContext(d.id)),
      message: deps.secrets.decryptJson<OutgoingMessage>(d.messageEnc, messageContext(d.id)),
    }));
  });
}

async function send(deps: Deps, c: Claimed): Promise<AttemptOutcome> {
  const channel = deps.channels[c.channel as "email" | "webhook" | "push"];
  if (!channel || !c.recipient.addressee)
    return { ok: false, retryable: false, detail: `no ${c.channel} channel is configured` };
  try {
    return await channel.send(c.recipient.addressee, c.message);
  } catch (error) {
    return { ok: false, retryable: true, detail: `failed: ${(error as Error).name}` };
  }
}

async function record(deps: Deps, c: Claimed, outcome: AttemptOutcome) {
  const now = deps.now();
  const delay = outcome.ok || !outcome.retryable ? null : nextAttemptDelayMs(c.attempt);
  const status = outcome.ok ? "sent" : delay === null ? "failed" : "pending";
  await deps.db.transaction(async (tx) => {
    await tx
      .insert(t.canvassDeliveryAttempts)
      .values({
        deliveryId: c.id,
        attempt: c.attempt,
        at: now,
        ok: outcome.ok,
        detail: outcome.detail ?? null,
      })
      .onConflictDoNothing();
    await tx
      .update(t.canvassDeliveries)
      .set({
        status,
        nextAttemptAt: delay === null ? null : new Date(now.getTime() + delay),
        lastDetail: outcome.detail ?? null,
        ...(outcome.ok ? { sentAt: now } : {}),
      })
      // Only if no other process took the row over after this one's lease ran out.
      .where(and(eq(t.canvassDeliveries.id, c.id), eq(t.canvassDeliveries.attempts, c.attempt)));
    const addressee = c.recipient.addressee;
    if (!outcome.ok && !outcome.retryable && addressee?.channel === "push" && /gone/.test(outcome.detail))
      await tx
        .update(t.pushSubscriptions)
        .set({ goneAt: now })
        .where(eq(t.pushSubscriptions.endpointHash, endpointHash(addressee.subscription.endpoint)));
  });
}

/** Sends what is due, up to `limit` at once. Returns how many were attempted. */
export async function sendDueDeliveries(deps: Deps, limit = 50): Promise<number> {
  const claimed = await claim(deps, limit);
  await Promise.all(claimed.map(async (c) => record(deps, c, await send(deps, c))));
  return claimed.length;
}
