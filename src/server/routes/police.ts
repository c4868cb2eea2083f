// Sharing with the police (the candidate's side), a SPOC's queue, updates and briefings, and the
// cross-force repeat-actor alerts for SPOCs and the national analyst.
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import type { Deps } from "../deps.ts";
import { requireUser } from "../auth.ts";
import { forbidden } from "../errors.ts";
import { can } from "../policies/index.ts";
import { findIncidentForUser } from "../commands/incidents.ts";
import { listShares, shareWithPolice, stopSharing } from "../commands/sharing.ts";
import {
  addPoliceUpdate,
  BriefingSchema,
  briefingsOfCampaign,
  briefingsOfForce,
  policeStatusOf,
  PoliceUpdateSchema,
  readSharedIncident,
  recordBriefing,
  repeatActors,
  repeatActorsForSpoc,
  spocQueue,
} from "../commands/police.ts";
import { IdParams, userForCampaign } from "./common.ts";

export function policeRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  // ------------------------------------------------------------------ the candidate's side
  r.get(
    "/api/campaigns/:id/shares",
    {
      schema: {
        tags: ["police"],
        summary: "What this campaign shared with its police force",
        params: IdParams,
      },
    },
    async (request) => {
      userForCampaign(request, request.params.id, "read-shares");
      return { shares: await listShares(deps, request.params.id) };
    },
  );

  r.get(
    "/api/campaigns/:id/briefings",
    {
      schema: {
        tags: ["police"],
        summary: "Security briefings your police force recorded as offered or delivered to your campaign",
        params: IdParams,
      },
    },
    async (request) => {
      userForCampaign(request, request.params.id, "read-shares");
      return briefingsOfCampaign(deps, request.params.id);
    },
  );

  r.post(
    "/api/campaigns/:id/shares",
    {
      schema: {
        tags: ["police"],
        summary:
          "Share incidents, or one person with all their incidents, with your force's single point of contact",
        params: IdParams,
        body: z
          .object({
            incidentIds: z.array(z.uuid()).min(1).max(500).optional(),
            actorId: z.uuid().optional(),
          })
          .strict(),
      },
    },
    async (request, reply) => {
      const principal = userForCampaign(request, request.params.id, "share-with-police");
      return reply.code(201).send(await shareWithPolice(deps, principal, request.params.id, request.body));
    },
  );

  r.post(
    "/api/campaigns/:id/shares/:shareId/stop",
    {
      schema: {
        tags: ["police"],
        summary: "Stop sharing future updates (what was shared stays with the police, and this is recorded)",
        params: IdParams.extend({ shareId: z.uuid() }),
      },
    },
    async (request) => {
      const principal = userForCampaign(request, request.params.id, "share-with-police");
      return stopSharing(deps, principal, request.params.id, request.params.shareId);
    },
  );

  r.get(
    "/api/incidents/:id/police",
    {
      schema: {
        tags: ["police"],
        summary:
          "Where an incident is shared and what the police did: received, acknowledged, crime reference…",
        params: IdParams,
      },
    },
    async (request) => {
      const { principal } = requireUser(request);
      await findIncidentForUser(deps, principal, request.params.id);
      return policeStatusOf(deps, request.params.id);
    },
  );

  // ------------------------------------------------------------------ the SPOC's side
  r.get(
    "/api/police/queue",
    {
      schema: {
        tags: ["police"],
        summary: "Incidents shared with your force, highest level and most recent first",
      },
    },
    async (request) => spocQueue(deps, requireUser(request).principal),
  );

  r.get(
    "/api/police/incidents/:id",
    {
      schema: {
        tags: ["police"],
        summary: "A shared incident as it was shared with your force",
        params: IdParams,
      },
    },
    async (request) => readSharedIncident(deps, requireUser(request).principal, request.params.id),
  );

  r.post(
    "/api/police/incidents/:id/updates",
    {
      schema: {
        tags: ["police"],
        summary:
          "Acknowledge, or record a crime reference, an action, the outcome or a note (the candidate sees it)",
        params: IdParams,
        body: PoliceUpdateSchema,
      },
    },
    async (request, reply) =>
      reply
        .code(201)
        .send(await addPoliceUpdate(deps, requireUser(request).principal, request.params.id, request.body)),
  );

  r.get(
    "/api/police/briefings",
    {
      schema: {
        tags: ["police"],
        summary: "Candidates in your force and the security briefings offered and delivered",
      },
    },
    async (request) => briefingsOfForce(deps, requireUser(request).principal),
  );

  r.post(
    "/api/police/briefings",
    {
      schema: {
        tags: ["police"],
        summary: "Record a security briefing offered or delivered",
        body: BriefingSchema,
      },
    },
    async (request, reply) =>
      reply.code(201).send(await recordBriefing(deps, requireUser(request).principal, request.body)),
  );

  r.get(
    "/api/police/repeat-actors",
    {
      schema: {
        tags: ["police"],
        summary:
          "The same person behind incidents shared with your force and another: which forces, when, whom to contact",
      },
    },
    async (request) => repeatActorsForSpoc(deps, requireUser(request).principal),
  );

  // ------------------------------------------------------------------ the national analyst
  r.get(
    "/api/analyst/repeat-actors",
    {
      schema: {
        tags: ["analyst"],
        summary:
          "Identifiers behind incidents shared in two or more forces (keyed hashes only: no identifier, no text)",
      },
    },
    async (request) => {
      const { principal } = requireUser(request);
      if (!can(principal, "read-repeat-actors", "national", {}))
        throw forbidden("Only the national analyst sees repeat-actor alerts across forces.");
      return { repeatActors: await repeatActors(deps) };
    },
  );
}
