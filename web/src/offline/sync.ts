// Sends the outbox when Shield can be reached: each incident and each piece of its evidence with its
// own idempotency key, so a request repeated after a lost answer is applied exactly once.
import { api, ApiError, OfflineError, signedInUserId } from "../api.ts";
import { deviceDb, type OutboxItem } from "./db.ts";

export const OUTBOX_EVENT = "shield:outbox";
const RETRY_MS = 30_000;

function announce() {
  window.dispatchEvent(new Event(OUTBOX_EVENT));
}

export async function queueIncident(item: Omit<OutboxItem, "evidenceSent" | "attempts">): Promise<void> {
  const db = await deviceDb();
  await db.put("outbox", { ...item, evidenceSent: [], attempts: 0 });
  announce();
}

/** What this device holds for one person (another person signed in on the same device sees none of it). */
export async function outboxItems(userId: string): Promise<OutboxItem[]> {
  const db = await deviceDb();
  return (await db.getAll("outbox"))
    .filter((item) => item.userId === userId)
    .sort((a, b) => a.queuedAt.localeCompare(b.queuedAt));
}

export async function discardOutboxItem(key: string): Promise<void> {
  await (await deviceDb()).delete("outbox", key);
  announce();
}

async function save(item: OutboxItem) {
  await (await deviceDb()).put("outbox", item);
}

/** Sends one item as far as it will go. Returns the incident id once everything is on the server. */
export async function sendItem(item: OutboxItem): Promise<string | undefined> {
  if (item.rejected) return undefined;
  try {
    // Never send one person's record as another who has since signed in on this device.
    if ((await signedInUserId()) !== item.userId) return undefined;
    if (!item.incidentId) {
      const created = await api<{ id: string }>(`/api/campaigns/${item.campaignId}/incidents`, {
        body: item.body,
        idempotencyKey: item.key,
      });
      item.incidentId = created.id;
      await save(item);
    }
    for (const [index, evidence] of item.evidence.entries()) {
      if (item.evidenceSent.includes(index)) continue;
      const idempotencyKey = `${item.key}.e${index}`;
      if (evidence.kind === "text") {
        await api(`/api/incidents/${item.incidentId}/evidence`, {
          body: {
            kind: "text",
            text: evidence.text,
            source: evidence.source,
            ...(evidence.capturedAt ? { capturedAt: evidence.capturedAt } : {}),
          },
          idempotencyKey,
        });
      } else {
        const form = new FormData();
        form.set("source", evidence.source);
        if (evidence.capturedAt) form.set("capturedAt", evidence.capturedAt);
        form.set("file", evidence.blob, evidence.filename);
        await api(`/api/incidents/${item.incidentId}/evidence/file`, { body: form, idempotencyKey });
      }
      item.evidenceSent.push(index);
      await save(item);
    }
    await discardOutboxItem(item.key);
    return item.incidentId;
  } catch (error) {
    item.attempts += 1;
    if (error instanceof ApiError && isRefusal(error)) {
      item.rejected = true;
      item.lastError = error.message;
    } else if (!(error instanceof OfflineError)) {
      item.lastError = (error as Error).message;
    }
    await save(item);
    announce();
    throw error;
  }
}

/** Shield looked at the record and will not take it as it is: retrying the same request cannot help. */
function isRefusal(error: ApiError): boolean {
  if (error.status === 401 || error.status === 408 || error.status === 429) return false;
  if (error.status === 403 && error.code === "csrf") return false;
  return error.status >= 400 && error.status < 500;
}

let running: Promise<void> | undefined;

/** Sends everything queued, one at a time (never two sends of one item at once). */
export function flushOutbox(): Promise<void> {
  running ??= (async () => {
    try {
      let userId: string;
      try {
        userId = await signedInUserId();
      } catch {
        return; // offline, or signed out: the items wait on the device
      }
      for (const item of await outboxItems(userId)) {
        if (item.rejected) continue;
        try {
          await sendItem(item);
        } catch (error) {
          if (error instanceof OfflineError || (error instanceof ApiError && error.status === 401)) break;
        }
      }
    } finally {
      running = undefined;
      announce();
    }
  })();
  return running;
}

export function startOutboxSync(): void {
  window.addEventListener("online", () => void flushOutbox());
  setInterval(() => {
    if (navigator.onLine) void flushOutbox();
  }, RETRY_MS);
  void flushOutbox();
}
