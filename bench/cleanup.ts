// Everything the benchmark starts (child servers, temp folders, throw-away databases) is registered
// here and undone at the end, on failure, and on Ctrl-C.
import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { ChildProcess } from "node:child_process";

type Undo = () => Promise<void> | void;

const undoStack: { name: string; undo: Undo }[] = [];
const children = new Set<ChildProcess>();
const tempDirs = new Set<string>();

export function onCleanup(name: string, undo: Undo): () => Promise<void> {
  const entry = { name, undo };
  undoStack.push(entry);
  // Run once, early, and forget it.
  return async () => {
    const at = undoStack.indexOf(entry);
    if (at >= 0) undoStack.splice(at, 1);
    await undo();
  };
}

export function trackChild(child: ChildProcess): void {
  children.add(child);
  child.once("exit", () => children.delete(child));
}

export function tempDir(label: string): string {
  const dir = mkdtempSync(join(tmpdir(), `shield-bench-${label}-`));
  tempDirs.add(dir);
  return dir;
}

export function removeTempDir(dir: string): void {
  rmSync(dir, { recursive: true, force: true });
  tempDirs.delete(dir);
}

/** Undoes everything still registered, newest first. Never throws. */
export async function cleanupAll(): Promise<void> {
  while (undoStack.length > 0) {
    const { name, undo } = undoStack.pop()!;
    try {
      await undo();
    } catch (error) {
      console.error(`  (cleanup of ${name} failed: ${(error as Error).message})`);
    }
  }
  killChildrenNow();
  for (const dir of [...tempDirs]) removeTempDir(dir);
}

/** Last resort, synchronous: kill whatever child is still running (by its own pid). */
function killChildrenNow(): void {
  for (const child of children) {
    if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
  }
  children.clear();
}

let installed = false;
export function installSignalHandlers(): void {
  if (installed) return;
  installed = true;
  const onSignal = (signal: NodeJS.Signals) => {
    console.error(`\n${signal}: cleaning up…`);
    void cleanupAll().finally(() => process.exit(130));
  };
  process.once("SIGINT", onSignal);
  process.once("SIGTERM", onSignal);
  process.once("exit", () => {
    killChildrenNow();
    for (const dir of tempDirs) rmSync(dir, { recursive: true, force: true });
  });
}
