// In-app notices: the campaign is told when an incident's verdict rises. A notice carries no incident
// text, and each member only sees notices about incidents they can read.
import { and, desc, eq, sql } from "drizzle-orm";
import * as t from "../../store/schema.ts";
import type { Level } from "../../core/analysis/types.ts";
import { HEADLINES } from "../../core/triage/index.ts";
import type { Deps } from "../deps.ts";
import { can, incidentListScope, type Principal } from "../policies/index.ts";
import { notFound } from "../errors.ts";

const CAUSE_WORDS: Record<string, string> = {
  recorded: "was just recorded",
  amended: "was amended",
  evidence: "has new evidence",
  patterns: "is now part of a pattern with other incidents",
  "rules-updated": "was checked again with updated rules",
};

export function noticeMessage(level: Level, previousLevel: Level | null, cause: string): string {
  const what = CAUSE_WORDS[cause] ?? "changed";
  const now = HEADLINES[level].headline;
  return previousLevel
    ? `An incident ${what}. Its advice has gone up from "${HEADLINES[previousLevel].headline}" to "${now}".`
    : `An incident ${what}. The advice is: "${now}".`;
}

export async function listNotices(
  deps: Deps,
  user: Principal,
  campaignId: string,
  options: { unreadOnly: boolean; limit: number },
) {
  const scope = incidentListScope(user, campaignId);
  if (scope === "none") return [];
  const rows = await deps.db
    .select({ n: t.notices, readAt: t.noticeReads.readAt })
    .from(t.notices)
    .innerJoin(t.incidents, eq(t.incidents.id, t.notices.incidentId))
    .leftJoin(t.noticeReads, and(eq(t.noticeReads.noticeId, t.notices.id), eq(t.noticeReads.userId, user.id)))
    .where(
      and(
        eq(t.notices.campaignId, campaignId),
        scope === "own" ? eq(t.incidents.recordedBy, user.id) : undefined,
        options.unreadOnly ? sql`${t.noticeReads.readAt} is null` : undefined,
      ),
    )
    .orderBy(desc(t.notices.createdAt), desc(t.notices.id))
    .limit(options.limit);
  return rows.map(({ n, readAt }) => ({
    id: n.id,
    incidentId: n.incidentId,
    level: n.level as Level,
    previousLevel: n.previousLevel as Level | null,
    cause: n.cause,
    message: noticeMessage(n.level as Level, n.previousLevel as Level | null, n.cause),
    createdAt: n.createdAt,
    readAt: readAt ?? null,
  }));
}

export async function markNoticeRead(deps: Deps, user: Principal, noticeId: string) {
  const [row] = await deps.db
    .select({ n: t.notices, i: t.incidents })
    .from(t.notices)
    .innerJoin(t.incidents, eq(t.incidents.id, t.notices.incidentId))
    .where(eq(t.notices.id, noticeId));
  if (!row || !can(user, "read", "incident", row.i)) throw notFound("notice");
  await deps.db
    .insert(t.noticeReads)
    .values({ noticeId, userId: user.id, readAt: deps.now() })
    .onConflictDoNothing();
  // A second read keeps the first time it was read.
  const [stored] = await deps.db
    .select({ readAt: t.noticeReads.readAt })
    .from(t.noticeReads)
    .where(and(eq(t.noticeReads.noticeId, noticeId), eq(t.noticeReads.userId, user.id)));
  return { id: noticeId, readAt: stored!.readAt };
}
