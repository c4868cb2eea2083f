import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  CHANNELS,
  FollowUpBodySchema,
  IncidentBodySchema,
  isoDateTime,
  VERDICT_LEVELS,
} from "../../core/incident/model.ts";
import {
  addFollowUp,
  amendIncident,
  listIncidents,
  listReads,
  readIncident,
  recordIncident,
} from "../commands/incidents.ts";
import type { Deps } from "../deps.ts";
import { claimFor, once, sendCreated } from "../idempotency.ts";
import type { Canonicalisable } from "../../core/evidence/canonical.ts";
import { requireUser } from "../auth.ts";
import { IdParams, inLondon, userForCampaign } from "./common.ts";

const ListQuery = z
  .object({
    from: isoDateTime.optional(),
    to: isoDateTime.optional(),
    channel: z.enum(CHANNELS).optional(),
    actorId: z.uuid().optional(),
    verdict: z.enum([...VERDICT_LEVELS, "none"]).optional(),
    limit: z.coerce.number().int().min(1).max(200).default(50),
    before: z.string().max(200).optional(),
  })
  .strict();

export function incidentRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    "/api/campaigns/:id/incidents",
    {
      schema: {
        tags: ["incidents"],
        summary: "Record an incident",
        params: IdParams,
        body: IncidentBodySchema,
      },
    },
    async (request, reply) => {
      const principal = userForCampaign(request, request.params.id, "record-incident");
      const claim = claimFor(request, principal.id, "POST /api/campaigns/:id/incidents", {
        campaignId: request.params.id,
        body: request.body as Canonicalisable,
      });
      const outcome = await once(
        deps,
        claim,
        (c) => recordIncident(deps, principal, request.params.id, request.body, c),
        async ({ id }) => {
          const { campaignId, revision, recordedAt, verdict } = await readIncident(deps, principal, id);
          return { id, campaignId, revision, recordedAt, verdict };
        },
      );
      return sendCreated(reply, outcome);
    },
  );

  r.get(
    "/api/campaigns/:id/incidents",
    {
      schema: {
        tags: ["incidents"],
        summary: "Incidents, newest first, filtered by time, channel, actor or verdict",
        params: IdParams,
        querystring: ListQuery,
      },
    },
    async (request) => {
      const principal = userForCampaign(request, request.params.id, "list-incidents");
      const page = await listIncidents(deps, principal, request.params.id, request.query);
      return {
        ...page,
        incidents: page.incidents.map((i) => ({ ...i, occurredAtLondon: inLondon(i.occurredAt) })),
      };
    },
  );

  r.get(
    "/api/incidents/:id",
    {
      schema: {
        tags: ["incidents"],
        summary: "An incident with all its revisions, evidence and follow-ups",
        params: IdParams,
      },
    },
    async (request) => {
      const { principal } = requireUser(request);
      const incident = await readIncident(deps, principal, request.params.id);
      return {
        ...incident,
        occurredAtLondon: inLondon(new Date(incident.body.occurredAt)),
        recordedAtLondon: inLondon(incident.recordedAt),
      };
    },
  );

  r.post(
    "/api/incidents/:id/revisions",
    {
      schema: {
        tags: ["incidents"],
        summary: "Amend an incident: a new revision; every earlier one stays readable",
        params: IdParams,
        body: z
          .object({
            body: IncidentBodySchema,
            reason: z.string().trim().min(1).max(2000).describe("Why it was changed"),
            expectedRevision: z.number().int().positive().optional(),
          })
          .strict(),
      },
    },
    async (request, reply) => {
      const { principal } = requireUser(request);
      return reply.code(201).send(await amendIncident(deps, principal, request.params.id, request.body));
    },
  );

  r.post(
    "/api/incidents/:id/follow-ups",
    {
      schema: {
        tags: ["incidents"],
        summary: "Add a police reference number, an action taken, an outcome or a note",
        params: IdParams,
        body: FollowUpBodySchema,
      },
    },
    async (request, reply) => {
      const { principal } = requireUser(request);
      return reply.code(201).send(await addFollowUp(deps, principal, request.params.id, request.body));
    },
  );

  r.get(
    "/api/incidents/:id/reads",
    {
      schema: {
        tags: ["incidents"],
        summary: "Who read this incident or its evidence, and when",
        params: IdParams,
      },
    },
    async (request) => {
      const { principal } = requireUser(request);
      return { reads: await listReads(deps, principal, request.params.id) };
    },
  );
}
