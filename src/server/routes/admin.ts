import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { inviteCandidate, inviteStaff, listStaff, loadUser, setSuspended } from "../commands/accounts.ts";
import type { Deps } from "../deps.ts";
import { requireUser } from "../auth.ts";
import { can } from "../policies/index.ts";
import { forbidden } from "../errors.ts";
import { pendingInvitations, revokeInvitation } from "../commands/pending-invitations.ts";
import { Email, IdParams } from "./common.ts";

export function adminRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    "/api/admin/staff",
    { schema: { tags: ["admin"], summary: "Police, analyst and administrator accounts" } },
    async (request) => {
      const { principal } = requireUser(request);
      if (!can(principal, "list", "staff", { role: "any" })) throw forbidden();
      return { staff: await listStaff(deps) };
    },
  );

  r.post(
    "/api/admin/staff",
    {
      schema: {
        tags: ["admin"],
        summary: "Invite a police SPOC, national analyst or administrator (returns a one-time link)",
        body: z
          .object({
            email: Email,
            role: z.enum(["spoc", "analyst", "admin"]),
            forceId: z.string().max(100).optional(),
          })
          .strict(),
      },
    },
    async (request, reply) => {
      const { principal } = requireUser(request);
      if (!can(principal, "create", "staff", { role: request.body.role })) throw forbidden();
      return reply.code(201).send(await inviteStaff(deps, principal, request.body));
    },
  );

  r.post(
    "/api/admin/candidates",
    {
      schema: {
        tags: ["admin"],
        summary: "Invite another candidate to their own private campaign space (returns a one-time link)",
        body: z.object({ email: Email }).strict(),
      },
    },
    async (request, reply) => {
      const { principal } = requireUser(request);
      if (!can(principal, "create", "staff", { role: "candidate" })) throw forbidden();
      return reply.code(201).send(await inviteCandidate(deps, principal, request.body));
    },
  );

  r.get(
    "/api/admin/invitations",
    {
      schema: {
        tags: ["admin"],
        summary: "Invitations to staff and candidates not yet used (who, as what, until when)",
      },
    },
    async (request) => {
      const { principal } = requireUser(request);
      if (!can(principal, "list", "staff", { role: "any" })) throw forbidden();
      return { invitations: await pendingInvitations(deps, { kind: "admin" }) };
    },
  );

  r.post(
    "/api/admin/invitations/:id/revoke",
    {
      schema: {
        tags: ["admin"],
        summary: "Withdraw an unused invitation: its link stops working at once",
        params: IdParams,
      },
    },
    async (request) => {
      const { principal } = requireUser(request);
      // Whoever may invite may withdraw an invitation.
      if (!can(principal, "create", "staff", { role: "any" })) throw forbidden();
      return revokeInvitation(deps, principal, { kind: "admin" }, request.params.id);
    },
  );

  r.post(
    "/api/admin/staff/:id/suspension",
    {
      schema: {
        tags: ["admin"],
        summary: "Suspend (or reinstate) a staff account; suspending signs it out everywhere",
        params: IdParams,
        body: z.object({ suspended: z.boolean() }).strict(),
      },
    },
    async (request) => {
      const { principal } = requireUser(request);
      const target = await loadUser(deps, request.params.id).catch(() => undefined);
      if (!can(principal, "suspend", "staff", { role: target?.role ?? "unknown" })) throw forbidden();
      await setSuspended(deps, principal, request.params.id, request.body.suspended);
      return { suspended: request.body.suspended };
    },
  );
}
