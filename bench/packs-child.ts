// The child process of the evidence-pack benchmark (bench/packs.ts): opens the filled data folder as
// `shield serve` would, makes the actor's ZIP pack, writes it to a file, and prints its time and peak
// memory as one JSON line. Usage: packs-child.ts DATA_DIR DATABASE_URL|- CAMPAIGN_ID USER_ID ACTOR_ID OUT.zip
import { createWriteStream, readFileSync } from "node:fs";
import { pipeline } from "node:stream/promises";
import type { Principal } from "../src/server/policies/index.ts";
import { exportEvidencePack } from "../src/server/packs/export.ts";
import { openRuntime } from "../src/server/runtime.ts";

const [dataDir, url, campaignId, userId, actorId, out] = process.argv.slice(2);
if (!dataDir || !url || !campaignId || !userId || !actorId || !out)
  throw new Error("usage: DATA_DIR DATABASE_URL|- CAMPAIGN USER ACTOR OUT");

/** Resident memory of this process now (VmRSS) or at its peak so far (VmHWM), in MiB. */
function rssMiB(which: "VmRSS" | "VmHWM"): number {
  const match = new RegExp(`${which}:\\s+(\\d+) kB`).exec(readFileSync("/proc/self/status", "utf8"));
  return match ? Number(match[1]) / 1024 : process.memoryUsage().rss / 1048576;
}

const runtime = await openRuntime({
  dataDir,
  databaseUrl: url === "-" ? undefined : url,
  publicUrl: "http://127.0.0.1",
  maxEvidenceBytes: 25 << 20,
});
try {
  const user: Principal = {
    id: userId,
    role: "candidate",
    forceId: null,
    memberships: new Map([[campaignId, "owner"]]),
  };
  const baselineRssMiB = rssMiB("VmRSS");
  const start = performance.now();
  const pack = await exportEvidencePack(runtime.deps, user, campaignId, { kind: "actor", actorId }, "zip");
  const firstByteMs = performance.now() - start;
  await pipeline(pack.stream, createWriteStream(out));
  const generateMs = performance.now() - start;
  console.log(JSON.stringify({ generateMs, firstByteMs, peakRssMiB: rssMiB("VmHWM"), baselineRssMiB }));
} finally {
  await runtime.close();
}
