import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { ActorBodySchema } from "../../core/incident/model.ts";
import { amendActor, createActor, findActorForUser, getActor, listActors } from "../commands/actors.ts";
import { peopleAround } from "../commands/patterns.ts";
import { reconsiderPeople } from "../commands/verdicts.ts";
import type { Deps } from "../deps.ts";
import { requireUser } from "../auth.ts";
import { IdParams, userForCampaign } from "./common.ts";

export function actorRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    "/api/campaigns/:id/actors",
    {
      schema: {
        tags: ["actors"],
        summary: "Record a person or account behind incidents",
        params: IdParams,
        body: ActorBodySchema,
      },
    },
    async (request, reply) => {
      const principal = userForCampaign(request, request.params.id, "create-actor");
      return reply.code(201).send(await createActor(deps, principal, request.params.id, request.body));
    },
  );

  r.get("/api/campaigns/:id/actors", { schema: { tags: ["actors"], params: IdParams } }, async (request) => {
    const principal = userForCampaign(request, request.params.id, "list-actors");
    return { actors: await listActors(deps, principal, request.params.id) };
  });

  r.get("/api/actors/:id", { schema: { tags: ["actors"], params: IdParams } }, async (request) => {
    const { principal } = requireUser(request);
    return getActor(deps, principal, request.params.id);
  });

  r.post(
    "/api/actors/:id/revisions",
    {
      schema: {
        tags: ["actors"],
        summary: "Amend an actor (a new revision)",
        params: IdParams,
        body: z
          .object({ body: ActorBodySchema, expectedRevision: z.number().int().positive().optional() })
          .strict(),
      },
    },
    async (request, reply) => {
      const { principal } = requireUser(request);
      const actor = await findActorForUser(deps, principal, request.params.id);
      const before = await peopleAround(deps, actor.campaignId, actor.id);
      const amended = await amendActor(
        deps,
        principal,
        request.params.id,
        request.body.body,
        request.body.expectedRevision,
      );
      // New or removed identifiers can join or separate people: their incidents' patterns change.
      await reconsiderPeople(deps, actor.campaignId, [...before, actor.id]);
      return reply.code(201).send(amended);
    },
  );
}
