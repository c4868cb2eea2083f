// Invitations not yet used: who was invited, as what, and until when; and withdrawing one so its link
// stops working. The administrator sees staff and candidate invitations; a campaign's team, its own.
import { and, asc, eq, gt, inArray, isNull } from "drizzle-orm";
import * as t from "../../store/schema.ts";
import { appendEvents, campaignStream, factEvent, SYSTEM_STREAM } from "../../store/chain.ts";
import { findForce } from "../../core/forces.ts";
import type { Deps } from "../deps.ts";
import type { Principal } from "../policies/principal.ts";
import { notFound } from "../errors.ts";

/** Whose invitations: the administrator's (staff and other candidates) or one campaign's team. */
export type InvitationScope = { kind: "admin" } | { kind: "team"; campaignId: string };

const scopeCondition = (scope: InvitationScope) =>
  scope.kind === "admin"
    ? inArray(t.invitations.kind, ["staff", "candidate"])
    : and(eq(t.invitations.kind, "team"), eq(t.invitations.campaignId, scope.campaignId));

export async function pendingInvitations(deps: Deps, scope: InvitationScope) {
  const rows = await deps.db
    .select({ inv: t.invitations, by: t.users.displayName })
    .from(t.invitations)
    .leftJoin(t.users, eq(t.users.id, t.invitations.createdBy))
    .where(
      and(
        scopeCondition(scope),
        isNull(t.invitations.acceptedAt),
        isNull(t.invitations.revokedAt),
        gt(t.invitations.expiresAt, deps.now()),
      ),
    )
    .orderBy(asc(t.invitations.createdAt));
  return rows.map(({ inv, by }) => ({
    id: inv.id,
    email: inv.email,
    role: inv.role,
    permission: inv.permission,
    forceId: inv.forceId,
    forceName: inv.forceId ? (findForce(inv.forceId)?.name ?? inv.forceId) : null,
    invitedBy: by,
    createdAt: inv.createdAt,
    expiresAt: inv.expiresAt,
  }));
}

/** Withdraws an unused invitation: its link stops working at once. Withdrawing twice changes nothing. */
export async function revokeInvitation(deps: Deps, by: Principal, scope: InvitationScope, id: string) {
  const now = deps.now();
  return deps.db.transaction(async (tx) => {
    const [inv] = await tx
      .select()
      .from(t.invitations)
      .where(and(eq(t.invitations.id, id), scopeCondition(scope)))
      .for("update");
    if (!inv || inv.acceptedAt) throw notFound("unused invitation");
    if (inv.revokedAt) return { revoked: true, revokedAt: inv.revokedAt };
    await tx.update(t.invitations).set({ revokedAt: now }).where(eq(t.invitations.id, id));
    const stream = scope.kind === "team" ? campaignStream(scope.campaignId) : SYSTEM_STREAM;
    await appendEvents(tx, { stream, actorUserId: by.id, at: now }, [
      factEvent("invitation.revoked", "invitation", id, { kind: inv.kind }),
    ]);
    return { revoked: true, revokedAt: now };
  });
}
