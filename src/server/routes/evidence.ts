import type { FastifyInstance } from "fastify";
import type { ZodTypeProvider } from "fastify-type-provider-zod";
import { EVIDENCE_SOURCES, EvidenceMetaSchema, InlineEvidenceSchema } from "../../core/incident/model.ts";
import {
  addFileEvidence,
  addInlineEvidence,
  readEvidenceFile,
  replayEvidence,
} from "../commands/evidence.ts";
import { claimFor, once, sendCreated } from "../idempotency.ts";
import { sha256Hex, type Canonicalisable } from "../../core/evidence/canonical.ts";
import type { Deps } from "../deps.ts";
import { requireUser } from "../auth.ts";
import { AppError, badRequest } from "../errors.ts";
import { IdParams } from "./common.ts";

export function evidenceRoutes(app: FastifyInstance, deps: Deps): void {
  const r = app.withTypeProvider<ZodTypeProvider>();

  r.post(
    "/api/incidents/:id/evidence",
    {
      schema: {
        tags: ["evidence"],
        summary: "Add message text or a link as evidence",
        params: IdParams,
        body: InlineEvidenceSchema,
      },
    },
    async (request, reply) => {
      const { principal } = requireUser(request);
      const claim = claimFor(request, principal.id, "POST /api/incidents/:id/evidence", {
        incidentId: request.params.id,
        body: request.body as Canonicalisable,
      });
      const outcome = await once(
        deps,
        claim,
        (c) => addInlineEvidence(deps, principal, request.params.id, request.body, c),
        (resource) => replayEvidence(deps, principal, request.params.id, resource.id),
      );
      return sendCreated(reply, outcome);
    },
  );

  r.post(
    "/api/incidents/:id/evidence/file",
    {
      schema: {
        tags: ["evidence"],
        summary: `Upload a file (multipart/form-data: 'file', and optional 'capturedAt', 'source' (${EVIDENCE_SOURCES.join(", ")}), 'note')`,
        params: IdParams,
      },
    },
    async (request, reply) => {
      const { principal } = requireUser(request);
      if (!request.isMultipart())
        throw badRequest("file: send the file as multipart/form-data in a field named 'file'.", "file");
      const uploadError = (error: { code?: string; statusCode?: number }): never => {
        if (error.code === "FST_REQ_FILE_TOO_LARGE") {
          throw new AppError(
            413,
            "too-large",
            `file: larger than the ${Math.round(deps.config.maxEvidenceBytes / 1048576)} MB limit.`,
            "file",
          );
        }
        if (error.statusCode && error.statusCode < 500) throw error;
        throw badRequest("file: the upload is not valid multipart/form-data.", "file");
      };
      const file = await request.file().catch(uploadError);
      if (!file || file.fieldname !== "file")
        throw badRequest("file: no file in a field named 'file'.", "file");
      const bytes = await file.toBuffer().catch(uploadError);
      const field = (name: string) => {
        const f = file.fields[name];
        const value = f && !Array.isArray(f) && f.type === "field" ? f.value : undefined;
        return typeof value === "string" && value !== "" ? value : undefined;
      };
      const meta = EvidenceMetaSchema.safeParse({
        capturedAt: field("capturedAt"),
        source: field("source"),
        note: field("note"),
      });
      if (!meta.success) {
        const issue = meta.error.issues[0]!;
        throw badRequest(`${issue.path.join(".")}: ${issue.message}`, issue.path.join("."));
      }
      const upload = { bytes, filename: file.filename || "evidence", ...meta.data };
      const claim = claimFor(request, principal.id, "POST /api/incidents/:id/evidence/file", {
        incidentId: request.params.id,
        sha256: sha256Hex(bytes),
        filename: upload.filename,
        meta: meta.data as Canonicalisable,
      });
      const outcome = await once(
        deps,
        claim,
        (c) => addFileEvidence(deps, principal, request.params.id, upload, c),
        (resource) => replayEvidence(deps, principal, request.params.id, resource.id),
      );
      return sendCreated(reply, outcome);
    },
  );

  r.get(
    "/api/evidence/:id/file",
    {
      schema: {
        tags: ["evidence"],
        summary: "Download an evidence file exactly as it was uploaded",
        params: IdParams,
      },
    },
    async (request, reply) => {
      const { principal } = requireUser(request);
      const file = await readEvidenceFile(deps, principal, request.params.id);
      return reply
        .header("content-type", file.mediaType)
        .header("content-disposition", `attachment; filename*=UTF-8''${encodeURIComponent(file.filename)}`)
        .header("x-content-sha256", file.sha256)
        .header("cache-control", "private, no-store")
        .send(file.bytes);
    },
  );
}
