// `shield analyse`: JSON Lines of messages → one verdict line each, or one message explained with --text.
import { open, readFile } from "node:fs/promises";
import type { Readable } from "node:stream";
import { parseArgs } from "node:util";
// The rules and model load only where messages are analysed (the worker threads, or --text), not here.
import { parseProfile, ProfileError } from "../core/analysis/profile-schema.ts";
import { compileProfile } from "../core/analysis/private-details.ts";
import type { PrivateDetailsProfile } from "../core/analysis/types.ts";
import { availableParallelism } from "node:os";
import { inThread, workerPool } from "./analyse-batches.ts";
import { analyseStream, MAX_LINE_LENGTH } from "./analyse-stream.ts";
import { UsageError } from "./errors.ts";
import { NO_PROGRESS, terminalProgress } from "./progress.ts";
import { verdictText } from "./verdict-text.ts";

export const ANALYSE_HELP = `shield analyse [--profile FILE] [FILE]
shield analyse --text "MESSAGE" [--profile FILE] [--json]

Analyses messages for threats, abuse and revealed private details.

Reads JSON Lines from FILE (or standard input, also as -), one message per line:
  {"id": "m1", "text": "the message"}
and writes one JSON line per message, in the same order, with the id as given:
  {"id": "m1", "level": "keep-record", "categories": [], "characteristics": [],
   "reasons": [], "scores": {"abuse": 0, "threat": 0}, "version": "…"}
Levels, most serious first: call-999, report-to-police, report-to-platform, keep-record.
A line that cannot be read gets {"id": …, "error": "…"} and the others are still analysed.
Blank lines are skipped.

Options:
  --text MESSAGE   analyse one message and explain the verdict in plain words
  --json           with --text: print the analysis as JSON instead
  --threads N      analysis threads (default: one per core, up to 4)
  --profile FILE   the candidate's details (JSON): messages revealing a private one are flagged call-999,
                   public ones (office, campaign phone…) are never flagged:
                     {"private": {"homeAddress": "…", "phones": ["…"], "emails": [], "family": [],
                      "schools": [], "vehicles": [], "workplaces": [], "other": []},
                      "public": {"offices": [], "phones": [], "emails": [], "events": []}}
  --help           this help

Exit status: 0 when every line was analysed, 1 when some line could not be, 2 for a usage error.`;

export async function runAnalyse(args: string[]): Promise<number> {
  const { values, positionals } = parseArgs({
    args,
    allowPositionals: true,
    options: {
      help: { type: "boolean" },
      json: { type: "boolean" },
      profile: { type: "string" },
      text: { type: "string" },
      threads: { type: "string" },
    },
  });
  if (values.help) {
    console.log(ANALYSE_HELP);
    return 0;
  }
  if (positionals.length > 1)
    throw new UsageError(
      `analyse reads one FILE at most (got ${positionals.length}). Run 'shield analyse --help'.`,
    );
  const file = positionals[0];
  if (values.text !== undefined && file !== undefined)
    throw new UsageError("--text analyses the message given; it cannot be combined with a FILE");

  const threads = values.threads === undefined ? defaultThreads() : parseThreads(values.threads);
  const rawProfile = values.profile === undefined ? undefined : await loadProfile(values.profile);
  const profile = rawProfile ? compileProfile(rawProfile) : undefined;

  if (values.text !== undefined) {
    const { analyse } = await import("../core/analysis/index.ts");
    const analysis = analyse(values.text, profile);
    console.log(values.json ? JSON.stringify(analysis, null, 2) : verdictText(analysis));
    return 0;
  }

  const input = await openInput(file);
  const showProgress = process.stderr.isTTY && !process.stdout.isTTY; // not over results on the same screen
  if (process.stdin.isTTY && input.stream === process.stdin && process.stderr.isTTY)
    console.error('Reading messages as JSON Lines, e.g. {"id": 1, "text": "…"}; press Ctrl-D to finish.');
  const analyser =
    threads > 1
      ? await workerPool(threads, rawProfile, MAX_LINE_LENGTH)
      : await inThread(rawProfile, MAX_LINE_LENGTH);
  const { malformed } = await analyseStream(
    input.stream,
    process.stdout,
    analyser,
    showProgress ? terminalProgress(process.stderr, input.size) : NO_PROGRESS,
  );
  return malformed > 0 ? 1 : 0;
}

/** One analysis thread per core, up to four; the main thread reads and writes. */
function defaultThreads(): number {
  return Math.min(4, Math.max(1, availableParallelism()));
}

function parseThreads(raw: string): number {
  const threads = Number(raw);
  if (!Number.isInteger(threads) || threads < 1 || threads > 64)
    throw new UsageError(`--threads must be a whole number from 1 to 64 (got '${raw}')`);
  return threads;
}

async function loadProfile(path: string): Promise<PrivateDetailsProfile> {
  let raw: string;
  try {
    raw = await readFile(path, "utf8");
  } catch (error) {
    throw new UsageError(`cannot read the profile ${path}: ${describeFileError(error)}`);
  }
  let json: unknown;
  try {
    json = JSON.parse(raw);
  } catch (error) {
    throw new UsageError(`the profile ${path} is not valid JSON: ${(error as Error).message}`);
  }
  try {
    const profile = parseProfile(json);
    compileProfile(profile); // fails here, as a usage error, rather than in a worker
    return profile;
  } catch (error) {
    if (error instanceof ProfileError)
      throw new UsageError(`the profile ${path} is not valid. ${error.message}`);
    throw error;
  }
}

async function openInput(file: string | undefined): Promise<{ stream: Readable; size?: number }> {
  if (file === undefined || file === "-") return { stream: process.stdin };
  let handle;
  try {
    handle = await open(file, "r");
  } catch (error) {
    throw new UsageError(`cannot read ${file}: ${describeFileError(error)}`);
  }
  const stat = await handle.stat();
  if (stat.isDirectory()) {
    await handle.close();
    throw new UsageError(`cannot read ${file}: it is a folder, not a file`);
  }
  return {
    stream: handle.createReadStream({ highWaterMark: 64 * 1024 }),
    ...(stat.isFile() ? { size: stat.size } : {}),
  };
}

function describeFileError(error: unknown): string {
  const { code, message } = error as NodeJS.ErrnoException;
  if (code === "ENOENT") return "no such file";
  if (code === "EACCES" || code === "EPERM") return "permission denied";
  if (code === "EISDIR") return "it is a folder, not a file";
  return message;
}
