import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { eq, inArray } from "drizzle-orm";
import * as t from "../../store/schema.ts";
import { inviteTeamMember, listMembers, setMemberPermission } from "../commands/accounts.ts";
import type { Deps } from "../deps.ts";
import { pendingInvitations, revokeInvitation } from "../commands/pending-invitations.ts";
import { requireUser } from "../auth.ts";
import { notFound } from "../errors.ts";
import { Email, IdParams, userForCampaign } from "./common.ts";

const MemberParams = z.object({ id: z.uuid(), userId: z.uuid() });

export function campaignRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    "/api/campaigns",
    { schema: { tags: ["campaigns"], summary: "Campaign spaces you belong to" } },
    async (request) => {
      const { principal } = requireUser(request);
      const ids = [...principal.memberships.keys()];
      const rows = ids.length
        ? await deps.db.select().from(t.campaigns).where(inArray(t.campaigns.id, ids))
        : [];
      return { campaigns: rows.map((c) => ({ ...c, permission: principal.memberships.get(c.id) })) };
    },
  );

  r.get("/api/campaigns/:id", { schema: { tags: ["campaigns"], params: IdParams } }, async (request) => {
    const principal = userForCampaign(request, request.params.id, "read");
    const [campaign] = await deps.db.select().from(t.campaigns).where(eq(t.campaigns.id, request.params.id));
    if (!campaign) throw notFound("campaign");
    return { ...campaign, permission: principal.memberships.get(campaign.id) };
  });

  r.get(
    "/api/campaigns/:id/members",
    { schema: { tags: ["team"], summary: "The team", params: IdParams } },
    async (request) => {
      userForCampaign(request, request.params.id, "read-team");
      return { members: await listMembers(deps, request.params.id) };
    },
  );

  r.post(
    "/api/campaigns/:id/invitations",
    {
      schema: {
        tags: ["team"],
        summary:
          "Invite a team member: 'log-only' (sees only what they log) or 'full'. Returns a one-time link to send them",
        params: IdParams,
        body: z.object({ email: Email, permission: z.enum(["full", "log-only"]) }).strict(),
      },
    },
    async (request, reply) => {
      const principal = userForCampaign(request, request.params.id, "manage-team");
      return reply.code(201).send(await inviteTeamMember(deps, principal, request.params.id, request.body));
    },
  );

  r.get(
    "/api/campaigns/:id/invitations",
    {
      schema: {
        tags: ["team"],
        summary: "Team invitations not yet used (who, with what access, until when)",
        params: IdParams,
      },
    },
    async (request) => {
      userForCampaign(request, request.params.id, "manage-team");
      return {
        invitations: await pendingInvitations(deps, { kind: "team", campaignId: request.params.id }),
      };
    },
  );

  r.post(
    "/api/campaigns/:id/invitations/:invitationId/revoke",
    {
      schema: {
        tags: ["team"],
        summary: "Withdraw an unused team invitation: its link stops working at once",
        params: IdParams.extend({ invitationId: z.uuid() }),
      },
    },
    async (request) => {
      const principal = userForCampaign(request, request.params.id, "manage-team");
      return revokeInvitation(
        deps,
        principal,
        { kind: "team", campaignId: request.params.id },
        request.params.invitationId,
      );
    },
  );

  r.patch(
    "/api/campaigns/:id/members/:userId",
    {
      schema: {
        tags: ["team"],
        summary: "Change a team member's permission",
        params: MemberParams,
        body: z.object({ permission: z.enum(["full", "log-only"]) }).strict(),
      },
    },
    async (request) => {
      const principal = userForCampaign(request, request.params.id, "manage-team");
      await setMemberPermission(
        deps,
        principal,
        request.params.id,
        request.params.userId,
        request.body.permission,
      );
      return { permission: request.body.permission };
    },
  );

  r.delete(
    "/api/campaigns/:id/members/:userId",
    { schema: { tags: ["team"], summary: "Remove a team member's access", params: MemberParams } },
    async (request) => {
      const principal = userForCampaign(request, request.params.id, "manage-team");
      await setMemberPermission(deps, principal, request.params.id, request.params.userId, "revoked");
      return { revoked: true };
    },
  );
}
