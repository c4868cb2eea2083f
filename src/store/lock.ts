// PGlite does not lock its data directory: a second process writing to it silently loses data.
// We take an exclusive lock file beside it and refuse to start when another live process holds it.
import { closeSync, openSync, readFileSync, renameSync, rmSync, writeSync } from "node:fs";
import { hostname } from "node:os";

export class DataDirLockedError extends Error {
  constructor(
    readonly lockPath: string,
    readonly holderPid: number,
  ) {
    super(
      `Another Shield process (pid ${holderPid}) is already using this data folder (lock file ${lockPath}). ` +
        `Stop it first, or set DATA_DIR to a different folder.`,
    );
    this.name = "DataDirLockedError";
  }
}

/** Lock files this process holds: its own pid in a lock file is only stale if it is not here. */
const heldByThisProcess = new Set<string>();

function isAlive(pid: number, lockPath: string): boolean {
  if (pid === process.pid) return heldByThisProcess.has(lockPath);
  try {
    process.kill(pid, 0);
    return true;
  } catch (error) {
    return (error as NodeJS.ErrnoException).code === "EPERM";
  }
}

function readHolder(path: string): { pid: number; host: string } | undefined {
  try {
    const [pid, host] = readFileSync(path, "utf8").split("\n");
    return { pid: Number(pid), host: host ?? "" };
  } catch {
    return undefined;
  }
}

/** Takes the lock or throws DataDirLockedError. Returns the function that releases it. */
export function acquireDataDirLock(lockPath: string): () => void {
  for (let attempt = 0; attempt < 3; attempt++) {
    try {
      const fd = openSync(lockPath, "wx", 0o600);
      writeSync(fd, `${process.pid}\n${hostname()}\n`);
      closeSync(fd);
      heldByThisProcess.add(lockPath);
      let released = false;
      return () => {
        if (released) return;
        released = true;
        heldByThisProcess.delete(lockPath);
        if (readHolder(lockPath)?.pid === process.pid) rmSync(lockPath, { force: true });
      };
    } catch (error) {
      if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
      const holder = readHolder(lockPath);
      if (holder && holder.host === hostname() && isAlive(holder.pid, lockPath)) {
        throw new DataDirLockedError(lockPath, holder.pid);
      }
      if (holder && holder.host !== hostname() && holder.host !== "") {
        throw new DataDirLockedError(lockPath, holder.pid);
      }
      // Stale lock left by a process that died (e.g. killed): move it aside atomically, then retry.
      try {
        const aside = `${lockPath}.stale-${process.pid}`;
        renameSync(lockPath, aside);
        rmSync(aside, { force: true });
      } catch {
        /* another process broke it first; retry */
      }
    }
  }
  throw new Error(`Could not take the data folder lock ${lockPath}`);
}
