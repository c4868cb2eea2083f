import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import * as t from "../../store/schema.ts";
import { pingDatabase } from "../../store/db.ts";
import type { Deps } from "../deps.ts";

export function referenceRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    "/healthz",
    { schema: { tags: ["reference"], summary: "Readiness, including the database" } },
    async (_req, reply) => {
      try {
        await pingDatabase(deps.db);
        return { status: "ok", database: deps.dbKind };
      } catch {
        return reply.code(503).send({ status: "unavailable", database: deps.dbKind });
      }
    },
  );

  r.get(
    "/api/reference/map",
    {
      schema: {
        tags: ["reference"],
        summary: "Map tiles for canvassing maps (null: no basemap, only the points are drawn)",
      },
    },
    async () => ({
      tileUrl: deps.config.mapTileUrl ?? null,
      attribution: deps.config.mapAttribution ?? null,
    }),
  );

  r.get(
    "/api/forces",
    { schema: { tags: ["reference"], summary: "The directory of UK police forces" } },
    async () => {
      const forces = await deps.db.select().from(t.forces).orderBy(t.forces.name);
      return { forces };
    },
  );
}
