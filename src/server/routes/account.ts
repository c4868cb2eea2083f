import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { inArray } from "drizzle-orm";
import * as t from "../../store/schema.ts";
import { JURISDICTIONS } from "../../core/incident/model.ts";
import {
  acceptInvitation,
  beginTotp,
  changePassword,
  checkCredentials,
  completeSetup,
  confirmTotp,
  describeInvitation,
  disableTotp,
  listSessions,
  normaliseEmail,
  publicUser,
  revokeAllSessions,
  revokeSession,
  startSession,
} from "../commands/accounts.ts";
import type { Deps } from "../deps.ts";
import { clearSessionCookie, requireUser, setSessionCookie } from "../auth.ts";
import { AppError, notFound } from "../errors.ts";
import { AttemptLimiter } from "../rate-limit.ts";
import { DisplayName, Email, IdParams, Password } from "./common.ts";

const Token = z.string().min(20).max(200);

export function accountRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();
  const secureCookies = deps.config.publicUrl.startsWith("https:");
  // 10 wrong attempts per account and 50 per address in 15 minutes, then a wait.
  const perAccount = new AttemptLimiter(10, 15 * 60_000);
  const perAddress = new AttemptLimiter(50, 15 * 60_000);

  async function signIn(
    request: FastifyRequest,
    reply: FastifyReply,
    user: typeof t.users.$inferSelect,
    tokenInBody: boolean,
  ) {
    const session = await startSession(deps, user, request.headers["user-agent"]);
    setSessionCookie(reply, session, secureCookies);
    return {
      user: publicUser(user),
      csrfToken: session.csrfToken,
      expiresAt: session.expiresAt,
      ...(tokenInBody ? { token: session.token } : {}),
    };
  }

  r.get(
    "/api/setup",
    { schema: { tags: ["account"], summary: "Whether Shield still needs its first account" } },
    async () => {
      const [anyUser] = await deps.db.select({ id: t.users.id }).from(t.users).limit(1);
      return { needed: !anyUser };
    },
  );

  r.post(
    "/api/setup",
    {
      schema: {
        tags: ["account"],
        summary: "Create the first account with the one-time set-up link printed at first start",
        body: z
          .object({
            token: Token,
            role: z.enum(["candidate", "admin"]),
            email: Email,
            displayName: DisplayName,
            password: Password,
            campaignName: z.string().trim().min(1).max(200).optional(),
            jurisdiction: z.enum(JURISDICTIONS).optional(),
          })
          .strict(),
      },
    },
    async (request, reply) => {
      const user = await completeSetup(deps, request.body);
      return reply.code(201).send(await signIn(request, reply, user, false));
    },
  );

  r.post(
    "/api/invitations/describe",
    {
      schema: {
        tags: ["account"],
        summary: "What an invitation link is for",
        body: z.object({ token: Token }).strict(),
      },
    },
    async (request) => describeInvitation(deps, request.body.token),
  );

  r.post(
    "/api/invitations/accept",
    {
      schema: {
        tags: ["account"],
        summary: "Accept an invitation (team member, police or analyst account) and sign in",
        body: z
          .object({
            token: Token,
            displayName: DisplayName.optional(),
            password: Password,
            campaignName: z
              .string()
              .trim()
              .min(1)
              .max(200)
              .optional()
              .describe("For a candidate's invitation"),
            jurisdiction: z.enum(JURISDICTIONS).optional(),
          })
          .strict(),
      },
    },
    async (request, reply) => {
      const user = await acceptInvitation(deps, request.body);
      return reply.code(201).send(await signIn(request, reply, user, false));
    },
  );

  r.post(
    "/api/auth/login",
    {
      schema: {
        tags: ["account"],
        summary: "Sign in. Sets the session cookie; tokenInBody also returns a bearer token for scripts",
        body: z
          .object({
            email: Email,
            password: z.string().min(1).max(256),
            code: z
              .string()
              .regex(/^\s*\d{3}\s?\d{3}\s*$/, "must be the 6-digit code")
              .optional(),
            tokenInBody: z.boolean().default(false),
          })
          .strict(),
      },
    },
    async (request, reply) => {
      const now = deps.now().getTime();
      const accountKey = normaliseEmail(request.body.email);
      const wait = Math.max(perAccount.retryAfter(accountKey, now), perAddress.retryAfter(request.ip, now));
      if (wait > 0) {
        reply.header("retry-after", String(wait));
        throw new AppError(
          429,
          "too-many-attempts",
          `Too many sign-in attempts. Try again in ${Math.ceil(wait / 60)} minutes.`,
        );
      }
      try {
        const user = await checkCredentials(deps, request.body);
        perAccount.reset(accountKey);
        return await signIn(request, reply, user, request.body.tokenInBody);
      } catch (error) {
        if (error instanceof AppError && error.code !== "second-factor-required") {
          perAccount.recordFailure(accountKey, now);
          perAddress.recordFailure(request.ip, now);
        }
        throw error;
      }
    },
  );

  r.get(
    "/api/auth/session",
    { schema: { tags: ["account"], summary: "Who is signed in, and the CSRF token" } },
    async (request) => {
      const auth = requireUser(request);
      const ids = [...auth.principal.memberships.keys()];
      const campaigns = ids.length
        ? await deps.db
            .select({ id: t.campaigns.id, name: t.campaigns.name })
            .from(t.campaigns)
            .where(inArray(t.campaigns.id, ids))
        : [];
      return {
        user: publicUser(auth.user),
        csrfToken: auth.csrfToken,
        campaigns: campaigns.map((c) => ({ ...c, permission: auth.principal.memberships.get(c.id) })),
      };
    },
  );

  r.post(
    "/api/auth/logout",
    { schema: { tags: ["account"], summary: "Sign out of this device" } },
    async (request, reply) => {
      const auth = requireUser(request);
      await revokeSession(deps, auth.user.id, auth.sessionId);
      clearSessionCookie(reply, secureCookies);
      return { signedOut: 1 };
    },
  );

  r.post(
    "/api/auth/logout-everywhere",
    { schema: { tags: ["account"], summary: "Sign out on every device, e.g. after losing a phone" } },
    async (request, reply) => {
      const auth = requireUser(request);
      const count = await revokeAllSessions(deps, auth.user.id);
      clearSessionCookie(reply, secureCookies);
      return { signedOut: count };
    },
  );

  r.get(
    "/api/account/sessions",
    { schema: { tags: ["account"], summary: "Devices signed in to this account" } },
    async (request) => {
      const auth = requireUser(request);
      const sessions = await listSessions(deps, auth.user.id);
      return { sessions: sessions.map((s) => ({ ...s, current: s.id === auth.sessionId })) };
    },
  );

  r.delete(
    "/api/account/sessions/:id",
    { schema: { tags: ["account"], summary: "Sign out one device", params: IdParams } },
    async (request) => {
      const auth = requireUser(request);
      if (!(await revokeSession(deps, auth.user.id, request.params.id))) throw notFound("session");
      return { signedOut: 1 };
    },
  );

  r.post(
    "/api/account/password",
    {
      schema: {
        tags: ["account"],
        summary: "Change password (signs out every other device)",
        body: z.object({ currentPassword: z.string().min(1).max(256), newPassword: Password }).strict(),
      },
    },
    async (request) => {
      const auth = requireUser(request);
      await changePassword(deps, auth.user, auth.sessionId, request.body);
      return { changed: true };
    },
  );

  r.post(
    "/api/account/totp",
    { schema: { tags: ["account"], summary: "Start turning on two-factor sign-in" } },
    async (request) => {
      const auth = requireUser(request);
      return beginTotp(deps, auth.user);
    },
  );

  r.post(
    "/api/account/totp/confirm",
    {
      schema: {
        tags: ["account"],
        summary: "Finish turning on two-factor sign-in with a code from the app",
        body: z
          .object({ code: z.string().regex(/^\s*\d{3}\s?\d{3}\s*$/, "must be the 6-digit code") })
          .strict(),
      },
    },
    async (request) => {
      const auth = requireUser(request);
      await confirmTotp(deps, auth.user, request.body.code);
      return { totpEnabled: true };
    },
  );

  r.post(
    "/api/account/totp/disable",
    {
      schema: {
        tags: ["account"],
        summary: "Turn off two-factor sign-in",
        body: z.object({ password: z.string().min(1).max(256) }).strict(),
      },
    },
    async (request) => {
      const auth = requireUser(request);
      await disableTotp(deps, auth.user, request.body.password);
      return { totpEnabled: false };
    },
  );
}
