// The service's clock. Normally the real time; tests that run real server processes (restarts, two
// servers on one database, the browser) move time forward by writing a number of milliseconds into
// the file named by SHIELD_TEST_CLOCK_FILE, which every process sharing the file then adds.
import { readFileSync } from "node:fs";

const REREAD_MS = 50;

export function clockFrom(testClockFile: string | undefined): () => Date {
  if (!testClockFile) return () => new Date();
  let offset = 0;
  let readAt = -Infinity;
  return () => {
    const real = Date.now();
    if (real - readAt >= REREAD_MS) {
      readAt = real;
      try {
        const value = Number(readFileSync(testClockFile, "utf8").trim() || "0");
        if (Number.isFinite(value)) offset = value;
      } catch {
        offset = 0;
      }
    }
    return new Date(real + offset);
  };
}
