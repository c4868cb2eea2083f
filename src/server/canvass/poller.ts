// The canvass poller: every second (CANVASS_POLL_MS) it takes the sessions whose due time has come
// (SELECT … FOR UPDATE SKIP LOCKED on the due-time column), runs the state machine to the current time,
// and saves the reminders and alerts that fall due; then it sends due deliveries. Everything it needs
// is in the database, so a restart loses nothing, and several processes share the work.
import { and, asc, eq, inArray, isNull, lte } from "drizzle-orm";
import type { Tx } from "../../store/chain.ts";
import * as t from "../../store/schema.ts";
import { tick } from "../../core/canvass/index.ts";
import type { Deps } from "../deps.ts";
import { sendDueDeliveries } from "./deliveries.ts";
import { loaded, saveTransition } from "./sessions.ts";

const BATCH = 200;
const DELIVERY_BATCH = 50;
/** A session that failed to advance (e.g. a record that no longer decrypts) is retried this much later. */
const RETRY_FAILED_MS = 60_000;

/**
 * Advances up to `limit` due sessions in one transaction. Returns how many were taken. If one session's
 * step fails (it takes the transaction with it), the batch is run again with a savepoint per session, so
 * that one is set aside for a minute and the others advance.
 */
export async function advanceDueSessions(deps: Deps, limit = BATCH): Promise<number> {
  try {
    return await advanceBatch(deps, limit, false);
  } catch {
    return advanceBatch(deps, limit, true);
  }
}

async function advanceBatch(deps: Deps, limit: number, isolateEach: boolean): Promise<number> {
  const now = deps.now();
  return deps.db.transaction(async (tx) => {
    const due = await tx
      .select()
      .from(t.canvassSessions)
      .where(lte(t.canvassSessions.nextActionAt, now))
      .orderBy(asc(t.canvassSessions.nextActionAt))
      .limit(limit)
      .for("update", { skipLocked: true });
    if (due.length === 0) return 0;
    // Reminders go by push only to people out who turned notifications on: one lookup for the batch.
    const pushSubscribers = await subscribersAmong(
      tx,
      due.flatMap((row) => row.memberIds),
    );
    const advance = async (db: Tx, row: (typeof due)[number]) => {
      const session = loaded(deps, row);
      const next = tick(session.state, session.timings, now);
      await saveTransition(db, deps, session, next, null, {}, { pushSubscribers });
    };
    for (const row of due) {
      if (!isolateEach) {
        await advance(tx, row);
        continue;
      }
      try {
        await tx.transaction((savepoint) => advance(savepoint, row));
      } catch (error) {
        console.error(`shield: canvass session ${row.id} could not advance (${(error as Error).name})`);
        await tx
          .update(t.canvassSessions)
          .set({ nextActionAt: new Date(now.getTime() + RETRY_FAILED_MS) })
          .where(eq(t.canvassSessions.id, row.id));
      }
    }
    return due.length;
  });
}

async function subscribersAmong(tx: Tx, userIds: readonly string[]): Promise<ReadonlySet<string>> {
  const unique = [...new Set(userIds)];
  if (unique.length === 0) return new Set();
  const rows = await tx
    .selectDistinct({ userId: t.pushSubscriptions.userId })
    .from(t.pushSubscriptions)
    .where(and(inArray(t.pushSubscriptions.userId, unique), isNull(t.pushSubscriptions.goneAt)));
  return new Set(rows.map((r) => r.userId));
}

export interface Poller {
  /** One full pass: advance every due session, then send every due delivery. */
  runOnce(): Promise<void>;
  /** Look again now rather than at the next interval. */
  wake(): void;
  stop(): Promise<void>;
}

export function startPoller(deps: Deps, options: { intervalMs: number }): Poller {
  let timer: NodeJS.Timeout | undefined;
  let running: Promise<void> | undefined;
  let again = false;
  let stopped = false;

  const runOnce = async () => {
    while ((await advanceDueSessions(deps)) === BATCH);
    while ((await sendDueDeliveries(deps, DELIVERY_BATCH)) === DELIVERY_BATCH);
  };

  const cycle = () => {
    if (stopped) return;
    if (running) {
      again = true;
      return;
    }
    clearTimeout(timer);
    running = runOnce()
      .catch((error: Error) =>
        console.error(`shield: canvass poller pass failed (${error.name}: ${error.message})`),
      )
      .finally(() => {
        running = undefined;
        if (stopped) return;
        if (again) {
          again = false;
          setImmediate(cycle);
        } else timer = setTimeout(cycle, options.intervalMs);
      });
  };

  timer = setTimeout(cycle, 0);
  deps.wakePoller = cycle;
  return {
    runOnce,
    wake: cycle,
    stop: async () => {
      stopped = true;
      clearTimeout(timer);
      deps.wakePoller = () => {};
      await running;
    },
  };
}
