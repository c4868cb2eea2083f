// A one-line progress display on a terminal: a bar when the input size is known, a counter otherwise.

export interface Progress {
  /** Called often; redraws at most every REDRAW_MS. */
  update(messages: number, bytesRead: number): void;
  /** Removes the line. */
  finish(): void;
}

const REDRAW_MS = 250;
const BAR_WIDTH = 24;

export const NO_PROGRESS: Progress = { update() {}, finish() {} };

export function terminalProgress(terminal: NodeJS.WriteStream, totalBytes: number | undefined): Progress {
  const started = performance.now();
  let lastDrawn = started;
  let drawn = false;
  return {
    update(messages, bytesRead) {
      const now = performance.now();
      if (now - lastDrawn < REDRAW_MS) return;
      lastDrawn = now;
      drawn = true;
      const rate = Math.round(messages / ((now - started) / 1000));
      const counts = `${messages.toLocaleString("en-GB")} messages, ${rate.toLocaleString("en-GB")}/s`;
      const line = totalBytes ? `${bar(bytesRead / totalBytes)} ${counts}` : `Analysing… ${counts}`;
      terminal.write(`\r${line.slice(0, Math.max(10, (terminal.columns || 80) - 1))}\x1b[K`);
    },
    finish() {
      if (drawn) terminal.write("\r\x1b[K");
    },
  };
}

function bar(fraction: number): string {
  const done = Math.min(1, Math.max(0, fraction));
  const filled = Math.round(done * BAR_WIDTH);
  return `[${"#".repeat(filled)}${"-".repeat(BAR_WIDTH - filled)}] ${Math.floor(done * 100)}%`.padEnd(
    BAR_WIDTH + 7,
  );
}
