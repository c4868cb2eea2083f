import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { healthCheckState, setHealthCheckItem } from "../commands/health-check.ts";
import type { Deps } from "../deps.ts";
import { IdParams, userForCampaign } from "./common.ts";

export function safetyRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    "/api/campaigns/:id/health-check",
    {
      schema: {
        tags: ["safety"],
        summary: "Progress through the online health check (where your personal details may be found)",
        params: IdParams,
      },
    },
    async (request) => {
      userForCampaign(request, request.params.id, "read-health-check");
      return healthCheckState(deps, request.params.id);
    },
  );

  r.put(
    "/api/campaigns/:id/health-check/:itemId",
    {
      schema: {
        tags: ["safety"],
        summary: "Mark one health-check item done or not done",
        params: IdParams.extend({ itemId: z.string().min(1).max(100) }),
        body: z.object({ done: z.boolean() }).strict(),
      },
    },
    async (request) => {
      const principal = userForCampaign(request, request.params.id, "update-health-check");
      return setHealthCheckItem(deps, principal, request.params.id, request.params.itemId, request.body.done);
    },
  );
}
