// Progress through the online health check: which of its items the team has done, and who ticked them.
import { eq } from "drizzle-orm";
import * as t from "../../store/schema.ts";
import { campaignStream, factEvent } from "../../store/chain.ts";
import { HEALTH_CHECK_ITEMS } from "../../core/safety/health-check.ts";
import type { Deps } from "../deps.ts";
import { badRequest } from "../errors.ts";
import type { Principal } from "../policies/index.ts";

const ITEM_IDS: ReadonlySet<string> = new Set(HEALTH_CHECK_ITEMS.map((i) => i.id));

export async function healthCheckState(deps: Deps, campaignId: string) {
  const rows = await deps.db
    .select({
      itemId: t.healthCheckItems.itemId,
      done: t.healthCheckItems.done,
      updatedAt: t.healthCheckItems.updatedAt,
      updatedById: t.users.id,
      updatedByName: t.users.displayName,
    })
    .from(t.healthCheckItems)
    .innerJoin(t.users, eq(t.users.id, t.healthCheckItems.updatedBy))
    .where(eq(t.healthCheckItems.campaignId, campaignId));
  const items = Object.fromEntries(
    rows
      .filter((r) => ITEM_IDS.has(r.itemId))
      .map((r) => [
        r.itemId,
        {
          done: r.done,
          updatedAt: r.updatedAt,
          updatedBy: { id: r.updatedById, displayName: r.updatedByName },
        },
      ]),
  );
  return { items };
}

export async function setHealthCheckItem(
  deps: Deps,
  by: Principal,
  campaignId: string,
  itemId: string,
  done: boolean,
) {
  if (!ITEM_IDS.has(itemId)) throw badRequest(`itemId: there is no health-check item '${itemId}'.`, "itemId");
  const now = deps.now();
  const row = { campaignId, itemId, done, updatedBy: by.id, updatedAt: now };
  await deps.chain.write({ stream: campaignStream(campaignId), actorUserId: by.id, at: now }, async (tx) => {
    await tx
      .insert(t.healthCheckItems)
      .values(row)
      .onConflictDoUpdate({
        target: [t.healthCheckItems.campaignId, t.healthCheckItems.itemId],
        set: { done, updatedBy: by.id, updatedAt: now },
      });
    return {
      result: null,
      events: [
        factEvent("health-check.updated", "health_check_item", `${campaignId}/${itemId}`, {
          done: String(done),
        }),
      ],
    };
  });
  return healthCheckState(deps, campaignId);
}
