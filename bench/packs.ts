// 9. Evidence packs: one actor with 500 incidents and 200 image files (phone screenshots of 100–300 kB,
// a quarter of them with an alpha channel as Android screenshots have). The campaign is recorded through
// the real commands (recordIncident, addFileEvidence, addInlineEvidence) into PGlite or PostgreSQL; then
// a fresh child process opens that database, makes the ZIP pack (records, original files, PDF with every
// image embedded, signed manifest) for the actor, writes it to a file, and reports its time and peak
// memory (VmHWM). The pack is then checked with verifyPack, as `shield verify` would.
import { spawn } from "node:child_process";
import { cpSync, readFileSync, statSync } from "node:fs";
import { join } from "node:path";
import { deflateSync } from "node:zlib";
import { unzipSync } from "fflate";
import { crc32 } from "../src/core/demo/png.ts";
import { verifyPack } from "../src/core/evidence-pack/index.ts";
import { IncidentBodySchema, type IncidentBodyInput } from "../src/core/incident/model.ts";
import { createActor } from "../src/server/commands/actors.ts";
import { addFileEvidence, addInlineEvidence } from "../src/server/commands/evidence.ts";
import { recordIncident } from "../src/server/commands/incidents.ts";
import type { Principal } from "../src/server/policies/index.ts";
import { openRuntime } from "../src/server/runtime.ts";
import { incidentInput, prng } from "./bodies.ts";
import { setUpBenchCandidate } from "./candidate.ts";
import { removeTempDir, tempDir, trackChild } from "./cleanup.ts";
import { createThrowAwayDatabase } from "./postgres.ts";

export interface PacksOptions {
  kind: "pglite" | "postgres";
  incidents: number;
  images: number;
}

export interface PacksRun {
  kind: "pglite" | "postgres";
  incidents: number;
  images: number;
  imageBytes: number;
  rgbaImages: number;
  fillS: number;
  /** Child process: from the call to the last byte of the ZIP written. */
  generateMs: number;
  /** Time to first byte (records loaded, files checked, export recorded). */
  firstByteMs: number;
  peakRssMiB: number;
  baselineRssMiB: number;
  zipBytes: number;
  pdfBytes: number;
  pdfPages: number | undefined;
  files: number;
  verifyMs: number;
  verifyProblems: number;
  childStderr: string;
}

// ---------------------------------------------------------------- deterministic screenshots

function pngChunk(type: string, body: Uint8Array): Buffer {
  const out = Buffer.alloc(12 + body.length);
  out.writeUInt32BE(body.length, 0);
  out.write(type, 4, "latin1");
  out.set(body, 8);
  out.writeUInt32BE(crc32(out, 4, 8 + body.length), 8 + body.length);
  return out;
}

/** A phone screenshot of a post: header, text lines, and an attached photo (noise) sized for `targetBytes`. */
export function screenshotPng(rand: () => number, targetBytes: number, alpha: boolean): Buffer {
  const width = 720;
  const height = 1280 + Math.floor(rand() * 320);
  const channels = alpha ? 4 : 3;
  const stride = width * channels;
  const raw = Buffer.alloc(height * (stride + 1));
  const set = (x: number, y: number, r: number, g: number, b: number) => {
    const o = y * (stride + 1) + 1 + x * channels;
    raw[o] = r;
    raw[o + 1] = g;
    raw[o + 2] = b;
    if (alpha) raw[o + 3] = 255;
  };
  const fill = (x0: number, y0: number, w: number, h: number, r: number, g: number, b: number) => {
    for (let y = y0; y < Math.min(height, y0 + h); y++)
      for (let x = x0; x < Math.min(width, x0 + w); x++) set(x, y, r, g, b);
  };
  fill(0, 0, width, height, 246, 246, 249);
  fill(0, 0, width, 60, 20, 20, 24);
  fill(0, 60, width, 110, 29, 155, 240);
  fill(30, 200, 80, 80, 120 + Math.floor(rand() * 100), 90, 160);
  // Text: lines of word-shaped blocks.
  let y = 310;
  for (let line = 0; line < 10 + Math.floor(rand() * 8); line++) {
    let x = 30;
    while (x < width - 80) {
      const w = 20 + Math.floor(rand() * 90);
      fill(x, y, w, 18, 30, 30, 36);
      x += w + 12;
    }
    y += 34;
  }
  // The attached photo: noise, sized so the file is about targetBytes.
  const side = Math.min(width - 60, Math.floor(Math.sqrt(targetBytes / channels)));
  const top = Math.min(height - side - 10, y + 20);
  for (let yy = 0; yy < side; yy++)
    for (let xx = 0; xx < side; xx++)
      set(30 + xx, top + yy, Math.floor(rand() * 256), Math.floor(rand() * 256), Math.floor(rand() * 256));
  const ihdr = Buffer.alloc(13);
  ihdr.writeUInt32BE(width, 0);
  ihdr.writeUInt32BE(height, 4);
  ihdr[8] = 8;
  ihdr[9] = alpha ? 6 : 2;
  return Buffer.concat([
    Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a]),
    pngChunk("IHDR", ihdr),
    pngChunk("IDAT", deflateSync(raw, { level: 6 })),
    pngChunk("IEND", Buffer.alloc(0)),
  ]);
}

// ---------------------------------------------------------------- the campaign

const MESSAGES = [
  "You should be ashamed of yourself, you will not win here, everyone knows what you are.",
  "Dŵr Cymru ŵyr ŷd: keep your lies out of our town or you will regret it.",
  "I know where you canvass on Saturdays. Watch yourself.",
  "Nobody wants you. Stand down before it gets worse for you.",
];

async function fill(dataDir: string, databaseUrl: string | undefined, o: Omit<PacksOptions, "kind">) {
  const runtime = await openRuntime({
    dataDir,
    databaseUrl,
    publicUrl: "http://127.0.0.1",
    maxEvidenceBytes: 25 << 20,
  });
  try {
    const { deps } = runtime;
    const { userId, campaignId } = await setUpBenchCandidate(deps);
    const me: Principal = {
      id: userId,
      role: "candidate",
      forceId: null,
      memberships: new Map([[campaignId, "owner"]]),
    };
    const actor = await createActor(deps, me, campaignId, {
      label: "@RiversideTruth (the same person across accounts)",
      description: "Posts most evenings; also seen at two hustings",
      identifiers: [
        { kind: "handle", value: "@RiversideTruth", platform: "x" },
        { kind: "name", value: "Gareth Llŷr Wynne" },
      ],
    });
    const rand = prng(2026);
    const start = Date.parse("2026-05-01T08:00:00Z");
    const step = Math.floor((180 * 86_400_000) / o.incidents);
    const withImage = new Set<number>();
    while (withImage.size < Math.min(o.images, o.incidents)) withImage.add(Math.floor(rand() * o.incidents));
    let imageBytes = 0;
    let rgba = 0;
    let imageIndex = 0;
    for (let n = 0; n < o.incidents; n++) {
      const occurredAt = new Date(start + n * step + Math.floor(rand() * step * 0.8));
      const input: IncidentBodyInput = { ...incidentInput(rand, occurredAt), actorIds: [actor.id] };
      const recorded = await recordIncident(deps, me, campaignId, IncidentBodySchema.parse(input));
      if (n % 5 === 0)
        await addInlineEvidence(deps, me, recorded.id, {
          kind: "text",
          text: MESSAGES[n % MESSAGES.length]!,
          source: "message-copy",
        });
      if (withImage.has(n)) {
        const alpha = imageIndex % 4 === 3;
        const png = screenshotPng(rand, 100_000 + Math.floor(rand() * 200_000), alpha);
        imageIndex++;
        imageBytes += png.length;
        if (alpha) rgba++;
        await addFileEvidence(deps, me, recorded.id, {
          bytes: png,
          filename: `Screenshot_${n}.png`,
          source: "screenshot",
        });
      }
    }
    return { userId, campaignId, actorId: actor.id, imageBytes, rgba };
  } finally {
    await runtime.close();
  }
}

// ---------------------------------------------------------------- generation in a child

function runChild(args: string[]): Promise<{ stdout: string; stderr: string; code: number | null }> {
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ["--import", "tsx", join(import.meta.dirname, "packs-child.ts"), ...args],
      {
        stdio: ["ignore", "pipe", "pipe"],
        // The allocator settings bin/shield gives the product.
        env: { MALLOC_MMAP_THRESHOLD_: "131072", MALLOC_ARENA_MAX: "2", ...process.env },
      },
    );
    trackChild(child);
    let stdout = "";
    let stderr = "";
    child.stdout.on("data", (d: Buffer) => (stdout += d.toString()));
    child.stderr.on("data", (d: Buffer) => (stderr += d.toString()));
    child.on("error", reject);
    child.on("exit", (code) => resolve({ stdout, stderr, code }));
  });
}

function pdfPageCount(pdf: Uint8Array): number | undefined {
  const match = /\/Type \/Pages\s*\n?\/Count (\d+)/.exec(Buffer.from(pdf).toString("latin1"));
  return match ? Number(match[1]) : undefined;
}

export async function benchPacks(o: PacksOptions): Promise<PacksRun> {
  const dataDir = tempDir(`packs-${o.kind}`);
  const database = o.kind === "postgres" ? await createThrowAwayDatabase() : undefined;
  try {
    const fillStart = performance.now();
    const filled = await fill(dataDir, database?.url, o);
    const fillS = (performance.now() - fillStart) / 1000;
    const out = join(dataDir, "pack.zip");
    if (process.env.BENCH_PACKS_KEEP)
      console.error(`child: ${[filled.campaignId, filled.userId, filled.actorId].join(" ")}`);
    const child = await runChild([
      dataDir,
      database?.url ?? "-",
      filled.campaignId,
      filled.userId,
      filled.actorId,
      out,
    ]);
    if (child.code !== 0)
      throw new Error(`the pack child failed (${child.code}): ${child.stderr.slice(0, 2000)}`);
    const result = JSON.parse(child.stdout.trim().split("\n").at(-1)!) as {
      generateMs: number;
      firstByteMs: number;
      peakRssMiB: number;
      baselineRssMiB: number;
    };
    const zip = readFileSync(out);
    const verifyStart = performance.now();
    const files = new Map(Object.entries(unzipSync(zip)));
    const report = verifyPack(files);
    const verifyMs = performance.now() - verifyStart;
    const pdf = files.get("report.pdf");
    return {
      kind: o.kind,
      incidents: o.incidents,
      images: Math.min(o.images, o.incidents),
      imageBytes: filled.imageBytes,
      rgbaImages: filled.rgba,
      fillS,
      ...result,
      zipBytes: statSync(out).size,
      pdfBytes: pdf?.length ?? 0,
      pdfPages: pdf ? pdfPageCount(pdf) : undefined,
      files: files.size,
      verifyMs,
      verifyProblems: report.problems.length,
      childStderr: child.stderr,
    };
  } finally {
    // BENCH_PACKS_KEEP=DIR copies the filled data folder (PGlite) there, so packs-child.ts can be re-run on it.
    const keep = process.env.BENCH_PACKS_KEEP;
    if (keep && !database) cpSync(dataDir, keep, { recursive: true });
    removeTempDir(dataDir);
    await database?.drop();
  }
}
