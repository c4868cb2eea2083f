// Who is making the request: a session cookie (the browser app) or a bearer token (scripts, the CLI).
// Cookie-authenticated writes must carry the session's CSRF token in the x-csrf-token header.
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import { resolveSession, type NewSession, type ResolvedSession } from "./commands/accounts.ts";
import type { Deps } from "./deps.ts";
import { AppError, unauthenticated } from "./errors.ts";
import type { Principal } from "./policies/index.ts";

export const SESSION_COOKIE = "shield_session";
const SAFE_METHODS = new Set(["GET", "HEAD", "OPTIONS"]);

declare module "fastify" {
  interface FastifyRequest {
    auth: ResolvedSession | undefined;
  }
}

export function registerAuth(app: FastifyInstance, deps: Deps): void {
  app.decorateRequest("auth", undefined);
  app.addHook("preHandler", async (request) => {
    const bearer = /^Bearer\s+(\S+)$/i.exec(request.headers.authorization ?? "")?.[1];
    const cookie = request.cookies[SESSION_COOKIE];
    const token = bearer ?? cookie;
    if (!token) return;
    request.auth = await resolveSession(deps, token);
    if (request.auth && !bearer && !SAFE_METHODS.has(request.method)) {
      if (request.headers["x-csrf-token"] !== request.auth.csrfToken) {
        throw new AppError(
          403,
          "csrf",
          "This request is missing its security token. Reload the page and try again.",
        );
      }
    }
  });
}

export function requireUser(request: FastifyRequest): ResolvedSession & { principal: Principal } {
  if (!request.auth) throw unauthenticated();
  return request.auth;
}

export function setSessionCookie(reply: FastifyReply, session: NewSession, secure: boolean): void {
  reply.setCookie(SESSION_COOKIE, session.token, {
    httpOnly: true,
    sameSite: "strict",
    secure,
    path: "/",
    expires: session.expiresAt,
  });
}

export function clearSessionCookie(reply: FastifyReply, secure: boolean): void {
  reply.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: "strict", secure, path: "/" });
}
