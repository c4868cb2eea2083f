// Serves the browser app (web/dist, built by `npm run build:web`) at `/`. Any other page address
// that is not the API gets the app's index.html, which routes in the browser. Tokens in set-up and
// invitation links travel in the URL fragment (#token=…), which browsers never send to the server.
import { existsSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import type { FastifyInstance, FastifyReply, FastifyRequest } from "fastify";
import fastifyStatic from "@fastify/static";

export const WEB_DIST = join(fileURLToPath(import.meta.url), "..", "..", "..", "..", "web", "dist");

const NOT_BUILT = `<!doctype html>
<html lang="en-GB"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1">
<title>Shield</title></head><body style="font:18px/1.5 system-ui,sans-serif;max-width:34rem;margin:0 auto;padding:1rem">
<p><a href="tel:999" style="display:block;background:#a4001d;color:#fff;padding:1rem;border-radius:.5rem;text-align:center;font-weight:700;text-decoration:none">In danger now? Call 999</a></p>
<h1>Shield</h1><p>The browser app has not been built on this server yet. Start Shield with <code>npm start</code>, which builds it, or run <code>npm run build:web</code>.</p>
<p>If you are not in immediate danger but want to report something, call 101 or contact your force's single point of contact for candidates.</p>
</body></html>`;

/** Paths that belong to the service, never to the browser app. */
const SERVICE_PATH = /^\/(api|docs|healthz)(\/|$)/;

export function wantsAppPage(request: FastifyRequest): boolean {
  return (
    (request.method === "GET" || request.method === "HEAD") &&
    !SERVICE_PATH.test(request.url) &&
    (request.headers.accept ?? "").includes("text/html")
  );
}

export async function webRoutes(
  app: FastifyInstance,
  webDist = WEB_DIST,
): Promise<(reply: FastifyReply) => unknown> {
  if (!existsSync(join(webDist, "index.html"))) {
    app.get("/", { schema: { hide: true } }, async (_request, reply) =>
      reply.type("text/html; charset=utf-8").send(NOT_BUILT),
    );
    return (reply) => reply.code(200).type("text/html; charset=utf-8").send(NOT_BUILT);
  }
  await app.register(fastifyStatic, {
    root: webDist,
    prefix: "/",
    wildcard: true,
    index: ["index.html"],
    setHeaders(reply, path) {
      // Hashed file names never change; everything else (index.html, sw.js, manifest) is revalidated.
      reply.header(
        "cache-control",
        path.startsWith(join(webDist, "assets")) ? "public, max-age=31536000, immutable" : "no-cache",
      );
    },
  });
  return (reply) => reply.code(200).header("cache-control", "no-cache").sendFile("index.html", webDist);
}
