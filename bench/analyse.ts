// 4. `shield analyse` throughput and memory: generated messages streamed as JSON Lines, with backpressure,
// into one `bin/shield analyse --profile …` process; its results counted and checked as they arrive.
import { spawn } from "node:child_process";
import { readFileSync, writeFileSync } from "node:fs";
import { join } from "node:path";
import type { Writable } from "node:stream";
import { fileURLToPath } from "node:url";
import { BENCH_PROFILE, messageGenerator } from "./analyse-messages.ts";
import { removeTempDir, tempDir, trackChild } from "./cleanup.ts";
import { processTicks, TICKS_PER_SECOND } from "./cpu.ts";

const SHIELD = join(fileURLToPath(import.meta.url), "..", "..", "bin", "shield");
const WRITE_BATCH_CHARS = 64 * 1024;
/**
 * Distinct messages generated up front and then cycled: generating and escaping every message while
 * feeding cost about as much CPU as the CLI's own overhead, so the feeder, not shield, would be measured.
 */
const DISTINCT_MESSAGES = 50_000;
const MEMORY_POLL_MS = 50;

export interface AnalyseRun {
  messages: number;
  inputBytes: number;
  /** Spawn → exit. */
  wallMs: number;
  /** Spawn → first result line: start-up plus the first batch. */
  firstResultMs: number;
  messagesPerSecond: number;
  /** Results after the first batch, over the time from that batch to exit: start-up excluded. */
  steadyMessagesPerSecond: number;
  /** Peak resident memory of the analysing process (VmHWM), MiB. */
  peakMiB: number | undefined;
  cpuSeconds: number | undefined;
  results: ResultTally;
  exitCode: number | null;
  stderr: string;
}

export interface ResultTally {
  lines: number;
  errors: number;
  /** Lines whose id is not the next one expected: lost, repeated or reordered results. */
  outOfOrder: number;
  levels: Record<string, number>;
  /** The analyser's version, from the first result. */
  version?: string;
}

export async function benchAnalyse(options: { messages: number; seed: number }): Promise<AnalyseRun> {
  const dir = tempDir("analyse");
  try {
    const profilePath = join(dir, "profile.json");
    writeFileSync(profilePath, JSON.stringify(BENCH_PROFILE));
    return await runOnce(options.messages, options.seed, profilePath);
  } finally {
    removeTempDir(dir);
  }
}

async function runOnce(messages: number, seed: number, profilePath: string): Promise<AnalyseRun> {
  const env = { ...process.env };
  delete env.NODE_OPTIONS; // bin/shield loads tsx itself
  const spawnedAt = performance.now();
  const child = spawn(SHIELD, ["analyse", "--profile", profilePath], {
    env,
    stdio: ["pipe", "pipe", "pipe"],
  });
  trackChild(child);
  const pid = child.pid!;
  let exitedAt = Number.NaN;
  const exited = new Promise<number | null>((resolve) =>
    child.once("exit", (code) => {
      exitedAt = performance.now();
      resolve(code);
    }),
  );
  const closed = new Promise<void>((resolve) => child.once("close", () => resolve()));

  // bin/shield execs node, so this pid is the analysing process itself.
  let peakKiB: number | undefined;
  let cpuTicks: number | undefined;
  const sample = () => {
    peakKiB = peakMemoryKiB(pid) ?? peakKiB;
    cpuTicks = processTicks(pid) ?? cpuTicks;
  };
  const poller = setInterval(sample, MEMORY_POLL_MS);

  let stderr = "";
  child.stderr.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  const tally = new ResultCounter();
  let firstResultAt = Number.NaN;
  let linesInFirstBatch = 0;
  child.stdout.setEncoding("utf8").on("data", (chunk: string) => {
    tally.push(chunk);
    if (Number.isNaN(firstResultAt) && tally.lines > 0) {
      firstResultAt = performance.now();
      linesInFirstBatch = tally.lines;
    }
  });
  child.stdout.once("end", sample); // the process is about to exit: its last figures

  child.stdin.on("error", () => {}); // it exited early; the checks below say so
  let running = true;
  void exited.then(() => (running = false));
  const inputBytes = await feed(child.stdin, messages, seed, exited, () => running);
  const exitCode = await exited;
  await closed;
  clearInterval(poller);
  tally.end();

  const wallMs = exitedAt - spawnedAt;
  return {
    messages,
    inputBytes,
    wallMs,
    firstResultMs: firstResultAt - spawnedAt,
    messagesPerSecond: tally.lines / (wallMs / 1000),
    steadyMessagesPerSecond: (tally.lines - linesInFirstBatch) / ((exitedAt - firstResultAt) / 1000),
    peakMiB: peakKiB === undefined ? undefined : peakKiB / 1024,
    cpuSeconds: cpuTicks === undefined ? undefined : cpuTicks / TICKS_PER_SECOND,
    results: tally.summary(),
    exitCode,
    stderr,
  };
}

/** Writes the messages in batches, waiting whenever the pipe is full; stops if the process exits. */
async function feed(
  stdin: Writable,
  count: number,
  seed: number,
  exited: Promise<unknown>,
  running: () => boolean,
): Promise<number> {
  const nextText = messageGenerator(seed);
  const texts = Array.from({ length: Math.min(count, DISTINCT_MESSAGES) }, () => JSON.stringify(nextText()));
  let bytes = 0;
  let batch = "";
  for (let id = 0; id < count && running(); id++) {
    batch += `{"id":${id},"text":${texts[id % texts.length]}}\n`;
    if (batch.length < WRITE_BATCH_CHARS && id < count - 1) continue;
    bytes += Buffer.byteLength(batch);
    if (!stdin.write(batch)) await Promise.race([new Promise((r) => stdin.once("drain", r)), exited]);
    batch = "";
  }
  stdin.end();
  return bytes;
}

function peakMemoryKiB(pid: number): number | undefined {
  try {
    const match = /^VmHWM:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Number(match[1]) : undefined;
  } catch {
    return undefined;
  }
}

/** Checks each result line as it arrives: ids must be 0, 1, 2… in order, with a level and no error. */
class ResultCounter {
  private partial = "";
  private tally: ResultTally = { lines: 0, errors: 0, outOfOrder: 0, levels: {} };

  get lines(): number {
    return this.tally.lines;
  }

  push(chunk: string): void {
    const text = this.partial + chunk;
    let start = 0;
    let newline: number;
    while ((newline = text.indexOf("\n", start)) !== -1) {
      this.check(text.slice(start, newline));
      start = newline + 1;
    }
    this.partial = text.slice(start);
  }

  end(): void {
    if (this.partial !== "") this.check(this.partial);
    this.partial = "";
  }

  summary(): ResultTally {
    return this.tally;
  }

  // The CLI writes the id first, then "level" or "error": checked without parsing each line.
  private check(line: string): void {
    const prefix = `{"id":${this.tally.lines},`;
    if (this.tally.lines === 0) this.tally.version = versionIn(line);
    this.tally.lines++;
    if (!line.startsWith(prefix)) this.tally.outOfOrder++;
    else if (line.startsWith('"error":', prefix.length)) this.tally.errors++;
    else if (line.startsWith('"level":"', prefix.length)) {
      const from = prefix.length + '"level":"'.length;
      const level = line.slice(from, line.indexOf('"', from));
      this.tally.levels[level] = (this.tally.levels[level] ?? 0) + 1;
    } else this.tally.errors++;
  }
}

function versionIn(line: string): string | undefined {
  try {
    const { version } = JSON.parse(line) as { version?: unknown };
    return typeof version === "string" ? version : undefined;
  } catch {
    return undefined;
  }
}
