import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { randomUUID } from "node:crypto";
import { and, desc, eq, ne, sql } from "drizzle-orm";
import * as t from "../../store/schema.ts";
import { CanvassPlanSchema, LocationSchema, namesOf } from "../../core/canvass/index.ts";
import type { Deps } from "../deps.ts";
import { requireUser } from "../auth.ts";
import { AppError, notFound } from "../errors.ts";
import { can, canvassListScope } from "../policies/index.ts";
import {
  acknowledgeAsMember,
  acknowledgeByToken,
  checkIn,
  dangerPressed,
  endSession,
  extendSession,
  lookupAlert,
  planSession,
  startSession,
  unsafePressed,
} from "../canvass/commands.ts";
import { findSession, lastLocation } from "../canvass/sessions.ts";
import { presentSession } from "../canvass/view.ts";
import { endpointHash } from "../canvass/deliveries.ts";
import { vapidKeysFrom } from "../notify/vapid.ts";
import { IdParams, userForCampaign } from "./common.ts";

const SessionParams = z.object({ sid: z.uuid() });
const Token = z.object({ token: z.string().min(10).max(300) }).strict();

export function canvassRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  /** The session, if the signed-in user may see it (otherwise "not found"). */
  async function visibleSession(request: Parameters<typeof requireUser>[0], sid: string) {
    const { principal } = requireUser(request);
    const row = await findSession(deps.db, sid);
    if (!can(principal, "read", "canvass-session", row)) throw notFound("canvass session");
    return { principal, row };
  }

  r.post(
    "/api/campaigns/:id/canvass-sessions",
    {
      schema: {
        tags: ["canvass"],
        summary:
          "Plan a canvass session (and start it, unless start is false): where, who is out, until when, how often to check in, and who is told",
        params: IdParams,
        body: CanvassPlanSchema.extend({ start: z.boolean().default(true) }),
      },
    },
    async (request, reply) => {
      const principal = userForCampaign(request, request.params.id, "plan-canvass");
      const { start, ...plan } = request.body;
      const row = await planSession(deps, principal, request.params.id, plan, start);
      return reply.code(201).send(await presentSession(deps, principal, row));
    },
  );

  r.get(
    "/api/campaigns/:id/canvass-sessions",
    {
      schema: {
        tags: ["canvass"],
        summary: "Canvass sessions, newest first (open ones by default)",
        params: IdParams,
        querystring: z
          .object({
            open: z
              .enum(["true", "false"])
              .default("true")
              .transform((v) => v === "true"),
          })
          .strict(),
      },
    },
    async (request) => {
      const principal = userForCampaign(request, request.params.id, "list-canvass");
      const scope = canvassListScope(principal, request.params.id);
      const rows = await deps.db
        .select()
        .from(t.canvassSessions)
        .where(
          and(
            eq(t.canvassSessions.campaignId, request.params.id),
            request.query.open ? ne(t.canvassSessions.status, "closed") : undefined,
            scope === "own"
              ? sql`(${t.canvassSessions.createdBy} = ${principal.id} or ${t.canvassSessions.memberIds} @> ${JSON.stringify([principal.id])}::jsonb)`
              : undefined,
          ),
        )
        .orderBy(desc(t.canvassSessions.createdAt))
        .limit(100);
      return {
        sessions: await Promise.all(
          rows.map((row) => presentSession(deps, principal, row, { details: false })),
        ),
      };
    },
  );

  r.get(
    "/api/canvass-sessions/:sid",
    {
      schema: {
        tags: ["canvass"],
        summary: "A canvass session with its history and alerts",
        params: SessionParams,
      },
    },
    async (request) => {
      const { principal, row } = await visibleSession(request, request.params.sid);
      return presentSession(deps, principal, row);
    },
  );

  const action = <B extends z.ZodType>(
    path: string,
    summary: string,
    body: B,
    run: (
      principal: ReturnType<typeof requireUser>["principal"],
      sid: string,
      body: z.output<B>,
    ) => Promise<typeof t.canvassSessions.$inferSelect>,
  ) =>
    r.post(
      `/api/canvass-sessions/:sid/${path}`,
      { schema: { tags: ["canvass"], summary, params: SessionParams, body } },
      async (request) => {
        const { principal } = requireUser(request);
        const row = await run(principal, request.params.sid, request.body as z.output<B>);
        return presentSession(deps, principal, row);
      },
    );

  const Empty = z.object({}).strict().optional();
  const WithLocation = z.object({ location: LocationSchema.optional() }).strict().optional();

  action("start", "Start a planned session: check-ins begin now", Empty, (p, sid) =>
    startSession(deps, p, sid),
  );
  action("check-in", "I'm OK: check in (stops any alert in progress)", WithLocation, (p, sid, b) =>
    checkIn(deps, p, sid, b?.location),
  );
  action(
    "extend",
    "Extend the session to a later end (counts as a check-in)",
    z.object({ endsAt: z.coerce.date({ message: "must be a date and time" }) }).strict(),
    (p, sid, b) => extendSession(deps, p, sid, b.endsAt),
  );
  action("end", "End the session: I'm finished and safe", Empty, (p, sid) => endSession(deps, p, sid));
  action(
    "unsafe",
    "I feel unsafe: alerts the contacts at once and records an incident",
    z
      .object({ location: LocationSchema.optional(), note: z.string().trim().max(2000).optional() })
      .strict()
      .optional(),
    (p, sid, b) => unsafePressed(deps, p, sid, b ?? {}),
  );
  action(
    "danger",
    "I'm in danger: alerts everyone in every stage at once (call 999 first)",
    WithLocation,
    (p, sid, b) => dangerPressed(deps, p, sid, b?.location),
  );
  action(
    "acknowledge",
    "Say you are dealing with an alert: stops further stages",
    z.object({ episode: z.number().int().min(1) }).strict(),
    async (p, sid, b) => {
      const [user] = await deps.db
        .select({ name: t.users.displayName })
        .from(t.users)
        .where(eq(t.users.id, p.id));
      return acknowledgeAsMember(deps, p, sid, b.episode, user?.name ?? "A team member");
    },
  );

  // The acknowledge link in an alert: no sign-in (a contact may have no account). The token is the
  // capability; it names one delivery of one alert.
  const alertLookup = async (token: string, acknowledgedByYou?: boolean) => {
    const { session, alert } = await lookupAlert(deps, token);
    const [campaign] = await deps.db
      .select({ name: t.campaigns.name })
      .from(t.campaigns)
      .where(eq(t.campaigns.id, session.row.campaignId));
    const e = session.state.escalation;
    const sameEpisode = e?.episode === alert.episode && session.state.status !== "closed";
    // Once the alert is over (they checked in, or ended), its link no longer shows where they are or their phones.
    const location = sameEpisode && session.plan.shareLocation ? lastLocation(deps, session.row) : null;
    return {
      personNames: namesOf(session.plan.people),
      campaignName: campaign?.name ?? null,
      area: session.plan.area,
      endsAt: session.state.endsAt,
      reason: alert.reason,
      since: sameEpisode ? e!.since : alert.createdAt.toISOString(),
      stage: alert.stage,
      lastCheckInAt: session.state.lastCheckInAt,
      lastKnownLocation: location ? { lat: location.lat, lng: location.lng, at: location.at } : null,
      status: !sameEpisode ? "resolved" : e?.acknowledgedAt ? "acknowledged" : "needs-acknowledging",
      acknowledgedBy: sameEpisode ? (e?.acknowledgedBy ?? null) : null,
      acknowledgedAt: sameEpisode ? (e?.acknowledgedAt ?? null) : null,
      ...(acknowledgedByYou === undefined ? {} : { acknowledgedByYou }),
      phones: sameEpisode
        ? session.plan.people.flatMap((p) => (p.phone ? [{ name: p.name, phone: p.phone }] : []))
        : [],
    };
  };

  r.post(
    "/api/canvass/alerts/lookup",
    { schema: { tags: ["canvass"], summary: "What an alert's acknowledge link is about", body: Token } },
    async (request) => alertLookup(request.body.token),
  );

  r.post(
    "/api/canvass/alerts/acknowledge",
    {
      schema: {
        tags: ["canvass"],
        summary: "Acknowledge an alert from its link: the first acknowledgement stops further stages",
        body: Token.extend({ name: z.string().trim().max(120).optional() }),
      },
    },
    async (request) => {
      const { first } = await acknowledgeByToken(deps, request.body.token, request.body.name);
      return alertLookup(request.body.token, first);
    },
  );

  r.get(
    "/api/canvass/channels",
    { schema: { tags: ["canvass"], summary: "Which ways of alerting people this Shield has" } },
    async (request) => {
      requireUser(request);
      return { email: !!deps.channels.email, sms: !!deps.channels.webhook, push: !!deps.channels.push };
    },
  );

  // Web push
  r.get(
    "/api/push/key",
    { schema: { tags: ["push"], summary: "The VAPID public key for web push" } },
    async () => ({
      publicKey: deps.channels.push ? vapidKeysFrom(deps.secrets.masterKey).publicKey : null,
    }),
  );

  const Subscription = z
    .object({
      endpoint: z.url({ protocol: /^https?$/ }).max(2000),
      expirationTime: z.number().nullable().optional(),
      keys: z.object({ p256dh: z.string().min(20).max(200), auth: z.string().min(8).max(100) }).strict(),
    })
    .strict();

  r.post(
    "/api/push/subscriptions",
    {
      schema: {
        tags: ["push"],
        summary: "Receive alerts and reminders as notifications in this browser",
        body: Subscription,
      },
    },
    async (request, reply) => {
      const { principal } = requireUser(request);
      if (!deps.channels.push)
        throw new AppError(409, "push-unavailable", "This Shield cannot send notifications.");
      const id = randomUUID();
      const { endpoint, keys } = request.body;
      const hash = endpointHash(endpoint);
      await deps.db.transaction(async (tx) => {
        await tx.delete(t.pushSubscriptions).where(eq(t.pushSubscriptions.endpointHash, hash));
        await tx.insert(t.pushSubscriptions).values({
          id,
          userId: principal.id,
          endpointHash: hash,
          subscriptionEnc: deps.secrets.encryptJson({ endpoint, keys }, `push_subscriptions:${id}`),
          createdAt: deps.now(),
        });
      });
      return reply.code(201).send({ subscribed: true });
    },
  );

  r.delete(
    "/api/push/subscriptions",
    {
      schema: {
        tags: ["push"],
        summary: "Stop notifications in this browser",
        body: z.object({ endpoint: z.string().min(1).max(2000) }).strict(),
      },
    },
    async (request) => {
      const { principal } = requireUser(request);
      const removed = await deps.db
        .delete(t.pushSubscriptions)
        .where(
          and(
            eq(t.pushSubscriptions.endpointHash, endpointHash(request.body.endpoint)),
            eq(t.pushSubscriptions.userId, principal.id),
          ),
        )
        .returning({ id: t.pushSubscriptions.id });
      return { removed: removed.length > 0 };
    },
  );
}
