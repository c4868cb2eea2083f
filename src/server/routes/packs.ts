// Evidence packs (a ZIP with the original files, records, a signed manifest and the PDF; or the PDF
// alone), platform report texts, and the deployment's pack-signing key for recipients to compare.
import type { FastifyInstance, FastifyReply } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { z } from "zod";
import { PackScopeSchema, packScopeOf, SIGNATURE_ALGORITHM } from "../../core/evidence-pack/index.ts";
import type { Deps } from "../deps.ts";
import { requireUser } from "../auth.ts";
import { exportEvidencePack, type PackDownload } from "../packs/export.ts";
import { incidentPlatformReport } from "../packs/platform.ts";
import { exportSharedIncidentPack } from "../packs/shared-pack.ts";
import { packSignerFrom } from "../packs/signing-key.ts";
import { IdParams, userForCampaign } from "./common.ts";

const PackRequestSchema = z
  .object({
    scope: PackScopeSchema,
    format: z
      .enum(["zip", "pdf"])
      .default("zip")
      .describe(
        "zip (default): the PDF with the original files, records and signed manifest; pdf: the report alone",
      ),
  })
  .strict();

const sendPack = (reply: FastifyReply, pack: PackDownload) =>
  reply
    .header("content-type", pack.contentType)
    .header("content-disposition", `attachment; filename="${pack.filename}"`)
    .header("x-shield-pack-id", pack.packId)
    .header("cache-control", "private, no-store")
    .send(pack.stream);

export function packRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    "/api/campaigns/:id/evidence-packs",
    {
      schema: {
        tags: ["evidence packs"],
        summary:
          "Make an evidence pack for one incident, an actor or a date range (candidate and full members): a ZIP (application/zip) or a PDF (application/pdf), as a download",
        params: IdParams,
        body: PackRequestSchema,
      },
    },
    async (request, reply) => {
      const principal = userForCampaign(request, request.params.id, "export-evidence");
      const pack = await exportEvidencePack(
        deps,
        principal,
        request.params.id,
        packScopeOf(request.body.scope),
        request.body.format,
      );
      return sendPack(reply, pack);
    },
  );

  r.post(
    "/api/police/incidents/:id/evidence-pack",
    {
      schema: {
        tags: ["evidence packs"],
        summary:
          "For the force's SPOC: a signed evidence pack of an incident shared with your force, holding what was shared (ZIP or PDF, as a download)",
        params: IdParams,
        body: PackRequestSchema.pick({ format: true }),
      },
    },
    async (request, reply) => {
      const { principal } = requireUser(request);
      const pack = await exportSharedIncidentPack(deps, principal, request.params.id, request.body.format);
      return sendPack(reply, pack);
    },
  );

  r.get(
    "/api/incidents/:id/platform-report",
    {
      schema: {
        tags: ["evidence packs"],
        summary:
          "The text to paste into the platform's report form, for an incident on social media or another online platform",
        params: IdParams,
      },
    },
    async (request) => {
      const { principal } = requireUser(request);
      return incidentPlatformReport(deps, principal, request.params.id);
    },
  );

  r.get(
    "/api/reference/signing-key",
    {
      schema: {
        tags: ["reference"],
        summary:
          "The public key this deployment signs evidence packs with, and its fingerprint (printed on every pack's cover)",
      },
    },
    async () => {
      const signer = packSignerFrom(deps.secrets.masterKey);
      return {
        algorithm: SIGNATURE_ALGORITHM,
        publicKey: signer.publicKey.toString("base64"),
        fingerprint: signer.fingerprint,
      };
    },
  );
}
