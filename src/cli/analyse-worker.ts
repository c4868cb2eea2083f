// One analysis worker thread for `shield analyse`: batches of lines in, result text out (analyse-batches.ts).
import { parentPort, workerData } from "node:worker_threads";
import { analyse, compileProfile, type PrivateDetailsProfile } from "../core/analysis/index.ts";
import { analyseBatch, type BatchLine } from "./analyse-batches.ts";

const { profile, maxLength } = workerData as {
  profile: PrivateDetailsProfile | undefined;
  maxLength: number;
};
const compiled = profile ? compileProfile(profile) : undefined;

parentPort!.on("message", (message: { seq: number; lines: BatchLine[]; firstLineNumber: number }) => {
  const result = analyseBatch(analyse, message.lines, message.firstLineNumber, compiled, maxLength);
  parentPort!.postMessage({ seq: message.seq, result });
});
