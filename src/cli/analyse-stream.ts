// `shield analyse` on a stream: JSON Lines in, one result line per message out, in input order, in
// constant memory. Each input chunk's lines go as one batch to the analysers (analyse-batches.ts); results
// are written in order, a few batches ahead at most, waiting whenever the reader is slower than the analyser.
import type { Readable, Writable } from "node:stream";
import type { BatchAnalyser, BatchLine, BatchResult } from "./analyse-batches.ts";
import { BatchWriter, LineSplitter } from "./jsonl.ts";
import { NO_PROGRESS, type Progress } from "./progress.ts";

/** Longest line read, in characters: longer ones get an error line and are skipped without being buffered. */
export const MAX_LINE_LENGTH = 1024 * 1024;

export interface StreamOutcome {
  analysed: number;
  malformed: number;
}

export async function analyseStream(
  input: Readable,
  output: Writable,
  analyser: BatchAnalyser,
  progress: Progress = NO_PROGRESS,
  inFlight = 4,
): Promise<StreamOutcome> {
  const writer = new BatchWriter(output);
  const outcome: StreamOutcome = { analysed: 0, malformed: 0 };
  let lineNumber = 0;
  let batch: BatchLine[] = [];
  let batchStart = 1;
  const splitter = new LineSplitter(
    (line) => {
      lineNumber++;
      batch.push(line);
    },
    () => {
      lineNumber++;
      batch.push(null);
    },
    MAX_LINE_LENGTH,
  );
  // The reader submits batches; the writer, running alongside, writes each result as soon as it and all
  // before it are ready, so a slow trickle of input still gets its answers at once.
  const queue: Array<Promise<BatchResult>> = [];
  const moreToWrite = new Signal(); // the reader tells the writer
  const roomInQueue = new Signal(); // the writer tells the reader
  let inputDone = false;
  const submit = () => {
    if (batch.length === 0) return;
    queue.push(analyser.analyse(batch, batchStart));
    batch = [];
    batchStart = lineNumber + 1;
    moreToWrite.notify();
  };
  let failure: unknown;
  const writing = (async () => {
    while (!writer.stopped && failure === undefined) {
      if (queue.length === 0) {
        if (inputDone) return;
        await moreToWrite.wait();
        continue;
      }
      let result: BatchResult;
      try {
        result = await queue[0]!;
      } catch (error) {
        failure = error;
        break;
      }
      queue.shift();
      outcome.analysed += result.analysed;
      outcome.malformed += result.malformed;
      await writer.write(result.text);
      roomInQueue.notify();
    }
    roomInQueue.notify();
  })();

  let bytesRead = 0;
  try {
    for await (const chunk of input as AsyncIterable<Buffer>) {
      bytesRead += chunk.length;
      splitter.push(chunk);
      submit();
      while (queue.length >= inFlight && !writer.stopped && failure === undefined) await roomInQueue.wait();
      if (writer.stopped || failure !== undefined) break;
      progress.update(outcome.analysed + outcome.malformed, bytesRead);
    }
    if (!writer.stopped) {
      splitter.end();
      submit();
    }
    inputDone = true;
    moreToWrite.notify();
    await writing;
  } finally {
    await analyser.close();
  }
  if (failure !== undefined) throw failure;
  progress.finish();
  if (writer.error) throw new Error(`cannot write the results: ${writer.error.message}`);
  return outcome;
}

/** Wakes one waiting side when the other has done something. */
class Signal {
  private wake: (() => void) | undefined;
  wait(): Promise<void> {
    return new Promise((resolve) => (this.wake = resolve));
  }
  notify(): void {
    const wake = this.wake;
    this.wake = undefined;
    wake?.();
  }
}
