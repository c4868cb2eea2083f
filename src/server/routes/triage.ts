// Triage and patterns over HTTP: checking a message without saving it, verdict history, notices,
// the private-details register, the police contact, and who is the same person.
import { randomUUID } from "node:crypto";
import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import {
  CHANNELS,
  IncidentBodySchema,
  PLATFORMS,
  QuickAnswersSchema,
  TARGETED_GROUPS,
} from "../../core/incident/model.ts";
import { QUICK_QUESTIONS } from "../../core/triage/index.ts";
import { assertActorsUsable } from "../commands/actors.ts";
import {
  PoliceContactSchema,
  PrivateDetailsSchema,
  readPoliceContact,
  readPrivateDetails,
  writePoliceContact,
  writePrivateDetails,
} from "../commands/campaign-settings.ts";
import { findIncidentForUser } from "../commands/incidents.ts";
import { listNotices, markNoticeRead } from "../commands/notices.ts";
import { campaignPatterns, linkActors } from "../commands/patterns.ts";
import { presentVerdict, visibilityFor } from "../commands/present-verdict.ts";
import { computeVerdict, verdictHistory } from "../commands/verdicts.ts";
import type { Deps } from "../deps.ts";
import { requireUser } from "../auth.ts";
import { IdParams, userForCampaign } from "./common.ts";

const PreviewBody = z
  .object({
    text: z.string().trim().min(1).max(100_000).describe("The message or account to check"),
    channel: z.enum(CHANNELS).default("social-media"),
    platform: z.enum(PLATFORMS).optional(),
    targeted: z.array(z.enum(TARGETED_GROUPS)).min(1).max(5).default(["candidate"]),
    actorIds: z
      .array(z.uuid().transform((id) => id.toLowerCase()))
      .max(20)
      .default([]),
    answers: QuickAnswersSchema.optional(),
    as: z
      .enum(["message", "account"])
      .default("message")
      .describe("'message': the words exactly as received; 'account': your own description of what happened"),
  })
  .strict();

export function triageRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    "/api/reference/quick-questions",
    { schema: { tags: ["triage"], summary: "The quick questions asked when an incident is recorded" } },
    async () => ({ questions: QUICK_QUESTIONS }),
  );

  r.post(
    "/api/campaigns/:id/triage/preview",
    {
      schema: {
        tags: ["triage"],
        summary:
          "Check a message (or an account of an incident) and get the verdict, without storing anything",
        params: IdParams,
        body: PreviewBody,
      },
    },
    async (request) => {
      const principal = userForCampaign(request, request.params.id, "preview-triage");
      const input = request.body;
      if (input.actorIds.length > 0)
        await assertActorsUsable(deps.db, principal, request.params.id, input.actorIds);
      const now = deps.now();
      const body = IncidentBodySchema.parse({
        summary: "Message check",
        description: input.as === "account" ? input.text : "",
        occurredAt: now.toISOString(),
        channel: input.channel,
        ...(input.platform && (input.channel === "social-media" || input.channel === "other-online")
          ? { platform: input.platform }
          : {}),
        targeted: input.targeted,
        actorIds: input.actorIds,
        ...(input.answers ? { answers: input.answers } : {}),
      });
      const verdict = await computeVerdict(deps.db, deps, request.params.id, {
        id: randomUUID(),
        recordedAt: now,
        body,
        evidenceTexts: input.as === "message" ? [{ id: "preview", text: input.text }] : [],
      });
      const visible = await visibilityFor(deps, principal, request.params.id);
      return { stored: false, verdict: presentVerdict(verdict, visible) };
    },
  );

  r.get(
    "/api/incidents/:id/verdicts",
    {
      schema: {
        tags: ["triage"],
        summary: "Every verdict the incident has had: level, rule-set version, when and why",
        params: IdParams,
      },
    },
    async (request) => {
      const { principal } = requireUser(request);
      await findIncidentForUser(deps, principal, request.params.id);
      return { verdicts: await verdictHistory(deps, request.params.id) };
    },
  );

  r.get(
    "/api/campaigns/:id/notices",
    {
      schema: {
        tags: ["triage"],
        summary: "Notices to the team: incidents whose advice went up",
        params: IdParams,
        querystring: z
          .object({
            unread: z.enum(["true", "false"]).default("false"),
            limit: z.coerce.number().int().min(1).max(200).default(50),
          })
          .strict(),
      },
    },
    async (request) => {
      const principal = userForCampaign(request, request.params.id, "read-notices");
      return {
        notices: await listNotices(deps, principal, request.params.id, {
          unreadOnly: request.query.unread === "true",
          limit: request.query.limit,
        }),
      };
    },
  );

  r.post(
    "/api/notices/:id/read",
    { schema: { tags: ["triage"], summary: "Mark a notice as read", params: IdParams } },
    async (request) => {
      const { principal } = requireUser(request);
      return markNoticeRead(deps, principal, request.params.id);
    },
  );

  r.get(
    "/api/campaigns/:id/private-details",
    {
      schema: {
        tags: ["triage"],
        summary: "The private-details register: what the analyser protects (private) and what is public",
        params: IdParams,
      },
    },
    async (request) => {
      userForCampaign(request, request.params.id, "read-private-details");
      const setting = await readPrivateDetails(deps.db, deps, request.params.id);
      return setting ?? { revision: 0, updatedAt: null, body: {} };
    },
  );

  r.put(
    "/api/campaigns/:id/private-details",
    {
      schema: {
        tags: ["triage"],
        summary: "Replace the private-details register (only the candidate)",
        params: IdParams,
        body: PrivateDetailsSchema,
      },
    },
    async (request) => {
      const principal = userForCampaign(request, request.params.id, "manage-private-details");
      return writePrivateDetails(deps, principal, request.params.id, request.body);
    },
  );

  r.get(
    "/api/campaigns/:id/police-contact",
    {
      schema: {
        tags: ["triage"],
        summary: "Your force and its single point of contact (SPOC) for candidates",
        params: IdParams,
      },
    },
    async (request) => {
      userForCampaign(request, request.params.id, "read-police-contact");
      const setting = await readPoliceContact(deps.db, deps, request.params.id);
      return setting ?? { revision: 0, updatedAt: null, body: {} };
    },
  );

  r.put(
    "/api/campaigns/:id/police-contact",
    {
      schema: {
        tags: ["triage"],
        summary: "Set your force and its SPOC's details (choosing a force sets the campaign's jurisdiction)",
        params: IdParams,
        body: PoliceContactSchema,
      },
    },
    async (request) => {
      const principal = userForCampaign(request, request.params.id, "manage-police-contact");
      return writePoliceContact(deps, principal, request.params.id, request.body);
    },
  );

  r.get(
    "/api/campaigns/:id/patterns",
    {
      schema: {
        tags: ["patterns"],
        summary:
          "Each person behind incidents (linked actor records), their incidents, and what their behaviour shows",
        params: IdParams,
      },
    },
    async (request) => {
      userForCampaign(request, request.params.id, "read-patterns");
      return campaignPatterns(deps, request.params.id);
    },
  );

  r.post(
    "/api/campaigns/:id/actor-links",
    {
      schema: {
        tags: ["patterns"],
        summary: "Say that two actor records are the same person (merge) or not (split)",
        params: IdParams,
        body: z
          .object({
            actorIds: z
              .tuple([z.uuid(), z.uuid()])
              .transform(([a, b]) => [a.toLowerCase(), b.toLowerCase()] as [string, string]),
            decision: z.enum(["same", "different"]),
          })
          .strict(),
      },
    },
    async (request, reply) => {
      const principal = userForCampaign(request, request.params.id, "link-actors");
      const decided = await linkActors(deps, principal, request.params.id, request.body);
      return reply.code(201).send(decided);
    },
  );
}
