// The HTTP application: plugins, error handling and routes. Routes are thin: validate (zod),
// authorize (policies), call a command, present the result.
import Fastify, { type FastifyInstance, type FastifyReply } from "fastify";
import cookie from "@fastify/cookie";
import helmet from "@fastify/helmet";
import multipart from "@fastify/multipart";
import swagger from "@fastify/swagger";
import swaggerUi from "@fastify/swagger-ui";
import {
  hasZodFastifySchemaValidationErrors,
  jsonSchemaTransform,
  serializerCompiler,
  validatorCompiler,
  type ZodTypeProvider,
} from "fastify-type-provider-zod";
import type { Deps } from "./deps.ts";
import { AppError } from "./errors.ts";
import { registerAuth } from "./auth.ts";
import { DecryptionError } from "../store/secrets.ts";
import { accountRoutes } from "./routes/account.ts";
import { adminRoutes } from "./routes/admin.ts";
import { campaignRoutes } from "./routes/campaigns.ts";
import { incidentRoutes } from "./routes/incidents.ts";
import { actorRoutes } from "./routes/actors.ts";
import { triageRoutes } from "./routes/triage.ts";
import { evidenceRoutes } from "./routes/evidence.ts";
import { referenceRoutes } from "./routes/reference.ts";
import { safetyRoutes } from "./routes/safety.ts";
import { canvassRoutes } from "./routes/canvass.ts";
import { analystRoutes } from "./routes/analyst.ts";
import { packRoutes } from "./routes/packs.ts";
import { policeRoutes } from "./routes/police.ts";
import { webRoutes, wantsAppPage } from "./routes/web.ts";

export type App = FastifyInstance;

export interface AppOptions {
  /** pino options, or false for no logging (tests). */
  logger?: boolean | object;
}

/** Log lines carry the method, the path without its query string, and the status: never bodies or text. */
const requestSerializers = {
  req: (req: { method: string; url: string; id: string }) => ({
    id: req.id,
    method: req.method,
    path: req.url.split("?")[0],
  }),
};

export async function buildApp(deps: Deps, options: AppOptions = {}): Promise<App> {
  const app = Fastify({
    logger:
      options.logger === false || options.logger === undefined
        ? false
        : {
            ...(typeof options.logger === "object" ? options.logger : {}),
            serializers: requestSerializers,
            redact: ["req.headers.authorization", "req.headers.cookie", 'req.headers["x-csrf-token"]'],
          },
    bodyLimit: 1_048_576,
    // Malformed URLs and the like are answered in the same error shape as everything else.
    frameworkErrors: (error, _request, reply: FastifyReply) => {
      void reply.code(400).send({
        error: {
          code: "invalid",
          message: `(url): the request could not be read: ${error.message}`,
          field: "(url)",
        },
      });
    },
    trustProxy: process.env.TRUST_PROXY === "1",
  }).withTypeProvider<ZodTypeProvider>();
  app.setValidatorCompiler(validatorCompiler);
  app.setSerializerCompiler(serializerCompiler);

  app.setErrorHandler((error, request, reply) => {
    if (hasZodFastifySchemaValidationErrors(error)) {
      const issues = error.validation.map((v) => {
        const path = v.instancePath.replace(/^\//, "").replace(/\//g, ".");
        return {
          field: path || v.params?.["missingProperty"] || "(body)",
          message: v.message ?? "is not valid",
        };
      });
      const first = issues[0]!;
      const where =
        error.validationContext === "querystring"
          ? "query "
          : error.validationContext === "params"
            ? "path "
            : "";
      return reply.code(400).send({
        error: {
          code: "invalid",
          message: `${where}${first.field}: ${first.message}`,
          field: first.field,
          issues,
        },
      });
    }
    if (error instanceof AppError) {
      return reply
        .code(error.status)
        .send({ error: { code: error.code, message: error.message, field: error.field } });
    }
    if (error instanceof DecryptionError) {
      request.log.error({ err: { name: error.name } }, "stored record failed its integrity check");
      return reply.code(500).send({
        error: {
          code: "integrity",
          message:
            "A stored record failed its integrity check. Ask your administrator to run `shield verify`.",
        },
      });
    }
    const status = (error as { statusCode?: number }).statusCode;
    if (status && status >= 400 && status < 500) {
      const code =
        status === 413
          ? "too-large"
          : status === 415
            ? "unsupported-type"
            : status === 429
              ? "too-many-attempts"
              : "invalid";
      return reply
        .code(status)
        .send(
          code === "invalid"
            ? { error: { code, message: `(body): ${(error as Error).message}`, field: "(body)" } }
            : { error: { code, message: (error as Error).message } },
        );
    }
    request.log.error(
      {
        err: {
          name: (error as Error).name,
          message: (error as Error).message,
          stack: (error as Error).stack,
        },
      },
      "request failed",
    );
    return reply.code(500).send({
      error: { code: "internal", message: "Something went wrong on the server. Nothing was changed." },
    });
  });
  // Page addresses of the browser app (e.g. /incidents/…) get its index.html; the rest is a JSON 404.
  const appPage: { send?: (reply: FastifyReply) => unknown } = {};
  app.setNotFoundHandler((request, reply) =>
    appPage.send && wantsAppPage(request)
      ? appPage.send(reply)
      : reply.code(404).send({
          error: {
            code: "not-found",
            message: `No such page: ${request.method} ${request.url.split("?")[0]}`,
          },
        }),
  );

  await app.register(cookie);
  await app.register(helmet, {
    contentSecurityPolicy: {
      directives: {
        "default-src": ["'self'"],
        "script-src": ["'self'", "'unsafe-inline'"],
        "style-src": ["'self'", "'unsafe-inline'"],
        // Map tiles come only from the server a deployment chose (MAP_TILE_URL); none by default.
        "img-src": [
          "'self'",
          "data:",
          "blob:",
          ...(deps.config.mapTileUrl ? [new URL(deps.config.mapTileUrl.replace(/[{}]/g, "")).origin] : []),
        ],
        // Upgrading the app's own files to https breaks a deployment served over plain http (a trial on a
        // home network); behind https the browser already loads them over https.
        "upgrade-insecure-requests": deps.config.publicUrl.startsWith("https:") ? [] : null,
      },
    },
  });
  await app.register(multipart, { limits: { fileSize: deps.config.maxEvidenceBytes, files: 1, fields: 10 } });
  await app.register(swagger, {
    openapi: {
      info: {
        title: "Shield API",
        version: "0.1.0",
        description:
          "Record and share incidents of intimidation of election candidates. Sign in with POST /api/auth/login; send the session cookie and the x-csrf-token header, or an Authorization: Bearer token.",
      },
      components: {
        securitySchemes: {
          bearer: { type: "http", scheme: "bearer" },
          cookie: { type: "apiKey", in: "cookie", name: "shield_session" },
        },
      },
      security: [{ bearer: [] }, { cookie: [] }],
    },
    transform: jsonSchemaTransform,
  });
  await app.register(swaggerUi, { routePrefix: "/docs" });

  registerAuth(app, deps);
  await app.register(async (api) => {
    referenceRoutes(api, deps);
    accountRoutes(api, deps);
    adminRoutes(api, deps);
    campaignRoutes(api, deps);
    incidentRoutes(api, deps);
    actorRoutes(api, deps);
    triageRoutes(api, deps);
    evidenceRoutes(api, deps);
    safetyRoutes(api, deps);
    canvassRoutes(api, deps);
    analystRoutes(api, deps);
    packRoutes(api, deps);
    policeRoutes(api, deps);
  });
  appPage.send = await webRoutes(app);
  return app;
}
