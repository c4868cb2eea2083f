// Analysing batches of JSON Lines, in this thread or spread over worker threads (one per core), always
// giving results back in input order. A batch is the lines of one input chunk; `null` stands for a line
// that was too long to read, which becomes an error line in its place.
import { fileURLToPath } from "node:url";
import { Worker } from "node:worker_threads";
import type { Analysis, CompiledProfile, PrivateDetailsProfile } from "../core/analysis/index.ts";
import { compileProfile } from "../core/analysis/private-details.ts";
import { analyseRecord } from "./analyse-record.ts";

export type BatchLine = string | null;

export interface BatchResult {
  /** One output line per input line that was not blank, each ending in "\n". */
  text: string;
  analysed: number;
  malformed: number;
}

export interface BatchAnalyser {
  analyse(lines: BatchLine[], firstLineNumber: number): Promise<BatchResult>;
  close(): Promise<void>;
}

export function tooLongLine(lineNumber: number, maxLength: number): string {
  const error = `line ${lineNumber} is longer than ${maxLength.toLocaleString("en-GB")} characters`;
  return `{"id":null,"error":${JSON.stringify(error)}}\n`;
}

/** The work of one batch; the same code runs in this thread and in each worker. */
export function analyseBatch(
  analyse: (text: string, profile?: CompiledProfile) => Analysis,
  lines: BatchLine[],
  firstLineNumber: number,
  profile: CompiledProfile | undefined,
  maxLength: number,
): BatchResult {
  let text = "";
  let analysed = 0;
  let malformed = 0;
  for (let i = 0; i < lines.length; i++) {
    const line = lines[i]!;
    const lineNumber = firstLineNumber + i;
    if (line === null) {
      text += tooLongLine(lineNumber, maxLength);
      malformed++;
      continue;
    }
    const result = analyseRecord(line, lineNumber, (t) => analyse(t, profile));
    if (result.kind === "blank") continue;
    if (result.kind === "analysed") analysed++;
    else malformed++;
    text += `${result.json}\n`;
  }
  return { text, analysed, malformed };
}

export async function inThread(
  profile: PrivateDetailsProfile | undefined,
  maxLength: number,
): Promise<BatchAnalyser> {
  const { analyse } = await import("../core/analysis/index.ts");
  const compiled = profile ? compileProfile(profile) : undefined;
  return {
    analyse: async (lines, first) => analyseBatch(analyse, lines, first, compiled, maxLength),
    close: async () => {},
  };
}

interface Pending {
  resolve: (result: BatchResult) => void;
  reject: (error: Error) => void;
}

/**
 * The worker's code as one CommonJS bundle, built by esbuild from the sources when the pool starts (~0.1 s), so
 * it is never stale. Loading the TypeScript through tsx's module hooks in every worker instead cost about a
 * second of start-up per worker and slowed analysis by a tenth.
 */
async function workerCode(): Promise<string> {
  const { build, stop } = await import("esbuild");
  const result = await build({
    entryPoints: [fileURLToPath(new URL("./analyse-worker.ts", import.meta.url))],
    bundle: true,
    format: "cjs",
    platform: "node",
    target: "node20",
    write: false,
    logLevel: "silent",
  });
  await stop(); // esbuild's helper process is not needed again
  return result.outputFiles[0]!.text;
}

/** Worker threads, each with its own copy of the analyser; batches go to them in turn. */
export async function workerPool(
  threads: number,
  profile: PrivateDetailsProfile | undefined,
  maxLength: number,
): Promise<BatchAnalyser> {
  const code = await workerCode();
  const workers: Worker[] = [];
  const pending = new Map<number, Pending>();
  let next = 0;
  let failure: Error | undefined;
  let closing = false;
  const fail = (error: Error) => {
    if (closing) return;
    failure ??= error;
    for (const p of pending.values()) p.reject(error);
    pending.clear();
  };
  for (let i = 0; i < threads; i++) {
    const worker = new Worker(code, {
      eval: true,
      workerData: { profile, maxLength },
      // A worker holds ~25 MB of live heap. The old generation's ceiling makes V8 collect sooner and keeps the
      // process small; the young generation is where each message's short-lived strings and arrays go, and at
      // 4 MB it was collected so often that collection took ~8 % of a worker's time (16 MB: ~20 % faster overall).
      resourceLimits: { maxOldGenerationSizeMb: 128, maxYoungGenerationSizeMb: 16 },
    });
    worker.on("message", (message: { seq: number; result: BatchResult }) => {
      const waiting = pending.get(message.seq);
      pending.delete(message.seq);
      waiting?.resolve(message.result);
    });
    worker.on("error", fail);
    worker.on("exit", (code) => {
      if (code !== 0) fail(new Error(`an analysis worker stopped (exit ${code})`));
    });
    workers.push(worker);
  }
  return {
    analyse(lines, firstLineNumber) {
      if (failure) return Promise.reject(failure);
      const seq = next++;
      return new Promise<BatchResult>((resolve, reject) => {
        pending.set(seq, { resolve, reject });
        workers[seq % workers.length]!.postMessage({ seq, lines, firstLineNumber });
      });
    },
    async close() {
      closing = true;
      await Promise.all(workers.map((w) => w.terminate()));
    },
  };
}
