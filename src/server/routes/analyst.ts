// The national analyst's statistics: aggregate figures across forces, never a record, a name or an id.
import type { FastifyInstance, FastifyRequest } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { requireUser } from "../auth.ts";
import type { Deps } from "../deps.ts";
import { badRequest, forbidden } from "../errors.ts";
import { can } from "../policies/index.ts";
import { nationalStats, statsCatalogue, statsCsv } from "../stats/national.ts";

function requireAnalyst(request: FastifyRequest) {
  const { principal } = requireUser(request);
  if (!can(principal, "read-stats", "national", {}))
    throw forbidden(
      "National statistics are for national analyst accounts. Your administrator can tell you who has one.",
    );
  return principal;
}

const StatsQuerySchema = z
  .object({
    view: z.string().min(1).max(64).describe("A view from GET /api/analyst/views, e.g. force-by-week"),
    weeks: z
      .string()
      .max(32)
      .optional()
      .describe("One ISO week (2026-W07) or a range (2026-W01..2026-W13); default the last 52 weeks"),
    force: z.string().max(100).optional().describe("Only this force (an id from /api/forces, or not-set)"),
    format: z.enum(["json", "csv"]).default("json"),
  })
  .loose();
const PARAMETERS = new Set(Object.keys(StatsQuerySchema.shape));

export function analystRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.get(
    "/api/analyst/views",
    {
      schema: {
        tags: ["analyst"],
        summary: "The views of national statistics, their dimensions and keys, and the week calendar",
      },
    },
    async (request) => {
      requireAnalyst(request);
      return statsCatalogue(deps.now());
    },
  );

  r.get(
    "/api/analyst/stats",
    {
      schema: {
        tags: ["analyst"],
        summary:
          'National statistics for one view: figures rounded to the nearest 10, counts under 5 shown as "<5" (JSON or CSV)',
        querystring: StatsQuerySchema,
      },
    },
    async (request, reply) => {
      requireAnalyst(request);
      // Only these parameters: there are no free filters.
      const unknown = Object.keys(request.query).find((key) => !PARAMETERS.has(key));
      if (unknown !== undefined)
        throw badRequest(`${unknown}: not a parameter; ask with view, weeks, force and format`, unknown);
      const { view, weeks, force, format } = request.query;
      const query = { view, weeks, force };
      const stats = await nationalStats(deps, query);
      if (format === "json") return stats;
      const name = `shield-${stats.view}-${stats.weeks.range.replace("..", "-to-")}${stats.force ? `-${stats.force.key}` : ""}.csv`;
      return reply
        .header("content-type", "text/csv; charset=utf-8")
        .header("content-disposition", `attachment; filename="${name}"`)
        .send(statsCsv(stats));
    },
  );
}
