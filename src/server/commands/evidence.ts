// Evidence: message text, links and files. Files are stored once under their SHA-256, encrypted;
// their type is read from their content, never trusted from the upload.
import { randomUUID } from "node:crypto";
import { eq } from "drizzle-orm";
import { fileTypeFromBuffer } from "file-type";
import * as t from "../../store/schema.ts";
import { campaignStream, rowEvent } from "../../store/chain.ts";
import { sha256Hex } from "../../core/evidence/canonical.ts";
import type { InlineEvidence } from "../../core/incident/model.ts";
import type { Deps } from "../deps.ts";
import { claimInsert, type IdempotencyClaim } from "../idempotency.ts";
import { can, type Principal } from "../policies/index.ts";
import { AppError, forbidden, notFound } from "../errors.ts";
import {
  findIncidentForUser,
  presentEvidence,
  readIncident,
  recordRead,
  retriageIncident,
} from "./incidents.ts";
import { presentVerdict, visibilityFor } from "./present-verdict.ts";
import { forceViewOf } from "./sharing.ts";

export const ACCEPTED_MEDIA_TYPES = new Set([
  "image/jpeg",
  "image/png",
  "image/gif",
  "image/webp",
  "image/heic",
  "image/heif",
  "image/avif",
  "audio/mpeg",
  "audio/mp4",
  "audio/x-m4a",
  "audio/aac",
  "audio/wav",
  "audio/x-wav",
  "audio/ogg",
  "audio/opus",
  "audio/webm",
  "video/mp4",
  "video/quicktime",
  "video/webm",
  "application/pdf",
  "text/plain",
]);

export const blobContext = (sha256: string) => `blob:${sha256}`;

/** The media type read from the bytes; plain UTF-8 text is accepted as text/plain. */
export async function detectMediaType(bytes: Uint8Array): Promise<string | undefined> {
  const detected = await fileTypeFromBuffer(bytes);
  if (detected) return detected.mime;
  try {
    const text = new TextDecoder("utf-8", { fatal: true }).decode(bytes);
    // eslint-disable-next-line no-control-regex
    return /[\u0000-\u0008\u000e-\u001f]/.test(text) ? undefined : "text/plain";
  } catch {
    return undefined;
  }
}

type EvidenceRow = typeof t.evidence.$inferSelect;

async function insertEvidence(
  deps: Deps,
  by: Principal,
  campaignId: string,
  row: EvidenceRow,
  claim: IdempotencyClaim | undefined,
) {
  await deps.chain.write(
    { stream: campaignStream(campaignId), actorUserId: by.id, at: row.addedAt },
    async () => ({
      result: null,
      inserts: [
        { table: t.evidence, row },
        ...(claim ? [claimInsert(claim, { kind: "evidence", id: row.id }, row.addedAt)] : []),
      ],
      events: [rowEvent("evidence.added", "evidence", row)],
    }),
  );
  return presentEvidence(deps, row, (id) => ({ id, displayName: id === by.id ? "you" : "team member" }));
}

async function incidentForEvidence(deps: Deps, by: Principal, incidentId: string) {
  const incident = await findIncidentForUser(deps, by, incidentId);
  if (!can(by, "add-evidence", "incident", incident)) throw forbidden();
  return incident;
}

export async function addInlineEvidence(
  deps: Deps,
  by: Principal,
  incidentId: string,
  input: InlineEvidence,
  claim?: IdempotencyClaim,
) {
  const incident = await incidentForEvidence(deps, by, incidentId);
  const id = randomUUID();
  const content = input.kind === "text" ? input.text : input.url;
  const now = deps.now();
  const row: EvidenceRow = {
    id,
    incidentId,
    kind: input.kind,
    sha256: sha256Hex(Buffer.from(content, "utf8")),
    size: Buffer.byteLength(content, "utf8"),
    mediaType: input.kind === "text" ? "text/plain" : "text/uri-list",
    source: input.source,
    filenameEnc: null,
    contentEnc: deps.secrets.encrypt(content, `evidence:${id}:content`),
    noteEnc: input.note ? deps.secrets.encrypt(input.note, `evidence:${id}:note`) : null,
    capturedAt: input.capturedAt ? new Date(input.capturedAt) : now,
    addedBy: by.id,
    addedAt: now,
  };
  const added = await insertEvidence(deps, by, incident.campaignId, row, claim);
  // The message itself may show more than the account of it: the verdict is computed again.
  if (input.kind === "text") {
    const verdict = await retriageIncident(deps, incidentId, "evidence");
    const visible = await visibilityFor(deps, by, incident.campaignId, incidentId);
    return { ...added, verdict: presentVerdict(verdict, visible) };
  }
  return added;
}

export interface FileUpload {
  bytes: Buffer;
  filename: string;
  capturedAt?: string | undefined;
  source: string;
  note?: string | undefined;
}

export async function addFileEvidence(
  deps: Deps,
  by: Principal,
  incidentId: string,
  upload: FileUpload,
  claim?: IdempotencyClaim,
) {
  const incident = await incidentForEvidence(deps, by, incidentId);
  if (upload.bytes.length === 0) throw new AppError(400, "invalid", "file: the file is empty.", "file");
  if (upload.bytes.length > deps.config.maxEvidenceBytes) {
    throw new AppError(
      413,
      "too-large",
      `file: larger than the ${Math.round(deps.config.maxEvidenceBytes / 1048576)} MB limit.`,
      "file",
    );
  }
  const mediaType = await detectMediaType(upload.bytes);
  if (!mediaType || !ACCEPTED_MEDIA_TYPES.has(mediaType)) {
    throw new AppError(
      415,
      "unsupported-type",
      "file: Shield keeps photos, screenshots, audio, video, PDFs and plain text. This file is none of those.",
      "file",
    );
  }
  const sha256 = sha256Hex(upload.bytes);
  // The file is stored before its record: a crash in between leaves an unreferenced file, never a record without one.
  await deps.blobs.put(sha256, deps.secrets.encryptBytes(upload.bytes, blobContext(sha256)));
  const id = randomUUID();
  const now = deps.now();
  const row: EvidenceRow = {
    id,
    incidentId,
    kind: "file",
    sha256,
    size: upload.bytes.length,
    mediaType,
    source: upload.source,
    filenameEnc: deps.secrets.encrypt(upload.filename.slice(0, 255), `evidence:${id}:filename`),
    contentEnc: null,
    noteEnc: upload.note ? deps.secrets.encrypt(upload.note, `evidence:${id}:note`) : null,
    capturedAt: upload.capturedAt ? new Date(upload.capturedAt) : now,
    addedBy: by.id,
    addedAt: now,
  };
  return insertEvidence(deps, by, incident.campaignId, row, claim);
}

/** A file's original bytes, for download. Records that the user read it. */
/**
 * The campaign's members as for the incident; a force's SPOC only for an incident shared with their
 * force, and only evidence added before sharing stopped (what the force was given).
 */
async function mayReadEvidence(deps: Deps, user: Principal, row: typeof t.evidence.$inferSelect) {
  if (user.role !== "spoc") {
    await findIncidentForUser(deps, user, row.incidentId);
    return;
  }
  const view = await forceViewOf(deps.db, user, row.incidentId, "read").catch((error: unknown) => {
    throw error instanceof AppError && error.status === 404 ? notFound("evidence") : error;
  });
  if (view.until && row.addedAt > view.until) throw notFound("evidence");
}

export async function readEvidenceFile(deps: Deps, user: Principal, evidenceId: string) {
  const [row] = await deps.db.select().from(t.evidence).where(eq(t.evidence.id, evidenceId));
  if (!row) throw notFound("evidence");
  await mayReadEvidence(deps, user, row);
  if (row.kind !== "file") throw notFound("evidence file");
  const stored = await deps.blobs.get(row.sha256);
  if (!stored)
    throw new AppError(
      500,
      "evidence-missing",
      "This evidence file is missing from storage. Run `shield verify`.",
    );
  const bytes = deps.secrets.decryptBytes(stored, blobContext(row.sha256));
  await recordRead(deps, user, row.incidentId, row.id);
  const filename = row.filenameEnc
    ? deps.secrets.decrypt(row.filenameEnc, `evidence:${row.id}:filename`)
    : "evidence";
  return { bytes, mediaType: row.mediaType, filename, sha256: row.sha256 };
}

/** What a repeated request (same idempotency key) gets: the evidence the first one added, as it is now. */
export async function replayEvidence(deps: Deps, by: Principal, incidentId: string, evidenceId: string) {
  const incident = await readIncident(deps, by, incidentId);
  const evidence = incident.evidence.find((e) => e.id === evidenceId);
  if (!evidence) throw notFound("evidence");
  return evidence.kind === "text" ? { ...evidence, verdict: incident.verdict } : evidence;
}
