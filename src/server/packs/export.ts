// Making an evidence pack: load the scope's records, check every evidence file against its SHA-256,
// record the export on the campaign's hash chain (one event, not a read per incident), then stream the
// ZIP (README, records.json, evidence files, platform reports, report.pdf, manifest.json,
// signature.json) or the PDF alone. Files go out one at a time and the writer waits for a slow reader,
// so memory stays bounded whatever the pack's size.
import { PassThrough, type Readable } from "node:stream";
import { sha256Hex } from "../../core/evidence/canonical.ts";
import {
  MANIFEST_PATH,
  PACK_FORMAT,
  SIGNATURE_PATH,
  hasPlatformReport,
  manifestBytes,
  ukDateTime,
  type Manifest,
  type ManifestFile,
  type PackScope,
} from "../../core/evidence-pack/index.ts";
import type { Platform } from "../../core/incident/model.ts";
import { campaignStream, factEvent } from "../../store/chain.ts";
import type { Deps } from "../deps.ts";
import { AppError } from "../errors.ts";
import type { Principal } from "../policies/index.ts";
import { blobContext } from "../commands/evidence.ts";
import { loadPackRecords, type PackRecords } from "./load.ts";
import { createPackPdf, writePackPdf } from "./pdf.ts";
import { incidentsOfActors, reportFor } from "./platform.ts";
import { readmeText, recordsJson } from "./records.ts";
import { packSignerFrom } from "./signing-key.ts";
import { ZipWriter } from "./zip.ts";

export type PackFormat = "zip" | "pdf";

export interface PackDownload {
  packId: string;
  filename: string;
  contentType: string;
  stream: Readable;
}

class Aborted extends Error {}

/** The output stream, and a wait for its reader to catch up (or a stop if the reader went away). */
function output() {
  const out = new PassThrough({ highWaterMark: 1 << 20 });
  const breathe = async () => {
    if (out.destroyed) throw new Aborted("the download was abandoned");
    if (!out.writableNeedDrain) return;
    await new Promise<void>((resolve) => {
      const done = () => {
        out.off("drain", done);
        out.off("close", done);
        resolve();
      };
      out.on("drain", done);
      out.on("close", done);
    });
    if (out.destroyed) throw new Aborted("the download was abandoned");
  };
  return { out, breathe };
}

/** Reads an evidence file from the blob store and checks it is still what its record says. */
async function evidenceBytes(deps: Deps, sha256: string): Promise<Buffer> {
  const stored = await deps.blobs.get(sha256);
  if (!stored)
    throw new AppError(
      500,
      "evidence-missing",
      "An evidence file in this pack is missing from storage, so the pack was not made. Ask your administrator to run `shield verify`.",
    );
  const bytes = deps.secrets.decryptBytes(stored, blobContext(sha256));
  if (sha256Hex(bytes) !== sha256)
    throw new AppError(
      500,
      "integrity",
      "An evidence file in this pack no longer matches its SHA-256, so the pack was not made. Ask your administrator to run `shield verify`.",
    );
  return bytes;
}

/** The bytes of a file in the pack: evidence files from the blob store, message copies from the records. */
function fileLoader(deps: Deps, records: PackRecords) {
  const texts = new Map<string, string>();
  for (const i of records.incidents)
    for (const e of i.evidence) if (e.kind === "text" && e.text !== null) texts.set(e.sha256, e.text);
  return async (file: PackRecords["files"][number]): Promise<Buffer> =>
    file.kind === "text"
      ? Buffer.from(texts.get(file.sha256) ?? "", "utf8")
      : evidenceBytes(deps, file.sha256);
}

/** platform-reports/<platform>.txt: one ready-to-paste text per online incident, oldest first. */
async function platformReports(deps: Deps, records: PackRecords): Promise<Map<Platform, string>> {
  const online = records.incidents.filter((i) => hasPlatformReport(i.body.channel, i.body.platform));
  const byPlatform = new Map<Platform, string[]>();
  if (online.length === 0) return new Map();
  const history = await incidentsOfActors(
    deps,
    records.campaign.id,
    records.actors.map((a) => a.id),
  );
  const personOf = new Map(records.actors.map((a) => [a.id, a.person]));
  for (const i of online) {
    // Earlier incidents from the same people (every actor record linked to them), campaign-wide.
    const persons = new Set(i.actorIds.map((id) => personOf.get(id) ?? id));
    const same = new Set(records.actors.filter((a) => persons.has(a.person)).map((a) => a.id));
    const report = reportFor(
      i,
      records.actors.filter((a) => i.actorIds.includes(a.id)).map((a) => a.body),
      history.filter((h) => same.has(h.actorId)),
    );
    const texts = byPlatform.get(report.platform) ?? [];
    texts.push(
      `==== Incident #${i.ref}, ${ukDateTime(new Date(i.body.occurredAt))} ====\n\n${report.text}\n`,
    );
    byPlatform.set(report.platform, texts);
  }
  return new Map([...byPlatform].map(([platform, texts]) => [platform, texts.join("\n")]));
}

export async function exportEvidencePack(
  deps: Deps,
  user: Principal,
  campaignId: string,
  scope: PackScope,
  format: PackFormat,
): Promise<PackDownload> {
  const records = await loadPackRecords(deps, user, campaignId, scope);
  return writeEvidencePack(deps, user, records, format);
}

/**
 * Checks the files, records the export on the campaign's chain and streams the pack. Platform report
 * texts (which name the person's other incidents) go only in the team's own packs.
 */
export async function writeEvidencePack(
  deps: Deps,
  user: Principal,
  records: PackRecords,
  format: PackFormat,
  options: { platformReports: boolean } = { platformReports: true },
): Promise<PackDownload> {
  const { scope } = records;
  const campaignId = records.campaign.id;
  const signer = packSignerFrom(deps.secrets.masterKey);
  const load = fileLoader(deps, records);
  // Every evidence file is read and checked before anything is sent, so a pack is never cut short by
  // a missing or altered file (each is read again, one at a time, while the pack is written).
  for (const file of records.files) if (file.kind === "file") await load(file);

  await deps.chain.write(
    { stream: campaignStream(campaignId), actorUserId: user.id, at: records.generatedAt },
    async () => ({
      result: null,
      events: [
        factEvent("evidence-pack.exported", "evidence_pack", records.packId, {
          format,
          scope: scope.kind,
          subject:
            scope.kind === "incident"
              ? scope.incidentId
              : scope.kind === "actor"
                ? scope.actorId
                : `${scope.from}/${scope.to}`,
          incidents: String(records.incidents.length),
          files: String(records.files.length),
          keyFingerprint: signer.fingerprint,
        }),
      ],
    }),
  );

  const { out, breathe } = output();
  const stamp = records.generatedAt.toISOString().slice(0, 10).replace(/-/g, "");
  const name = `shield-evidence-pack-${stamp}-${records.packId.slice(0, 8)}`;
  const pdfInput = {
    records,
    fingerprint: signer.fingerprint,
    publicUrl: deps.config.publicUrl,
    loadFile: (sha256: string) => evidenceBytes(deps, sha256),
    breathe,
  };
  const fail = (error: unknown) => {
    if (!(error instanceof Aborted)) console.error(`shield: evidence pack failed (${(error as Error).name})`);
    out.destroy(error instanceof Error ? error : new Error("evidence pack failed"));
  };

  if (format === "pdf") {
    const doc = createPackPdf(records);
    doc.on("data", (chunk: Buffer) => {
      if (!out.destroyed) out.write(chunk);
    });
    doc.on("end", () => out.end());
    writePackPdf(doc, { ...pdfInput, files: [] }).catch(fail);
    return { packId: records.packId, filename: `${name}.pdf`, contentType: "application/pdf", stream: out };
  }

  void writeZip(deps, records, out, breathe, pdfInput, load, options.platformReports).catch(fail);
  return { packId: records.packId, filename: `${name}.zip`, contentType: "application/zip", stream: out };
}

async function writeZip(
  deps: Deps,
  records: PackRecords,
  out: PassThrough,
  breathe: () => Promise<void>,
  pdfInput: Omit<Parameters<typeof writePackPdf>[1], "files">,
  load: ReturnType<typeof fileLoader>,
  withPlatformReports: boolean,
) {
  const signer = packSignerFrom(deps.secrets.masterKey);
  const zip = new ZipWriter(
    (chunk) => {
      if (!out.destroyed) out.write(chunk);
    },
    () => out.end(),
    (error) => out.destroy(error),
    records.generatedAt,
  );
  /** The files the manifest lists. */
  const files: ManifestFile[] = [];
  const add = async (path: string, data: Uint8Array, compress: boolean) => {
    files.push(zip.file(path, data, compress));
    await breathe();
  };

  await add("README.txt", readmeText(records, signer.fingerprint, deps.config.publicUrl), true);
  files.push(await zip.deflated("records.json", recordsJson(records, signer.fingerprint)));
  await breathe();
  for (const file of records.files) {
    // Compressed media gains nothing from deflate; text does.
    await add(file.path, await load(file), file.mediaType === "text/plain" || file.kind === "text");
  }
  for (const [platform, text] of withPlatformReports ? await platformReports(deps, records) : [])
    await add(`platform-reports/${platform}.txt`, Buffer.from(text, "utf8"), true);

  // The PDF streams into the ZIP as it is drawn, hashed on the way.
  const pdf = zip.stream("report.pdf");
  const doc = createPackPdf(records);
  const ended = new Promise<void>((resolve, reject) => {
    doc.on("data", (chunk: Buffer) => pdf.push(chunk));
    doc.on("end", resolve);
    doc.on("error", reject);
  });
  await writePackPdf(doc, { ...pdfInput, files: [...files] });
  await ended;
  files.push(pdf.end());

  const manifest: Manifest = {
    format: PACK_FORMAT,
    packId: records.packId,
    generatedAt: records.generatedAt.toISOString(),
    deployment: { publicUrl: deps.config.publicUrl, keyFingerprint: signer.fingerprint },
    campaign: { id: records.campaign.id, name: records.campaign.name },
    scope: records.scope,
    files,
  };
  // The manifest and its signature describe the pack rather than being listed in it.
  const bytes = manifestBytes(manifest);
  zip.file(MANIFEST_PATH, bytes, true);
  zip.file(
    SIGNATURE_PATH,
    Buffer.from(JSON.stringify(signer.signatureFor(bytes), null, 2) + "\n", "utf8"),
    true,
  );
  zip.end();
}
