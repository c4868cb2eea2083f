// 3. Cold start: spawning `shield serve` until /healthz answers 200, on an empty DATA_DIR (PGlite initdb +
// migrations) and on reopening it; resident memory right after start.
import { removeTempDir, tempDir } from "./cleanup.ts";
import { createThrowAwayDatabase } from "./postgres.ts";
import { startServer } from "./server.ts";

export interface StartSample {
  ms: number;
  /** The server's own "ready in" figure: from entering serve() to listening (database open + app built). */
  reportedReadyMs: number | undefined;
  rssMiB: number | undefined;
}

export interface ColdStartResult {
  fresh: StartSample;
  reopened: StartSample[];
}

export async function benchColdStart(
  kind: "pglite" | "postgres",
  reopenCount: number,
): Promise<ColdStartResult> {
  const dataDir = tempDir(`cold-${kind}`);
  const database = kind === "postgres" ? await createThrowAwayDatabase() : undefined;
  try {
    const once = async (): Promise<StartSample> => {
      const server = await startServer({ dataDir, databaseUrl: database?.url });
      try {
        // No account is ever created here, so every start prints a set-up link: wait for it, so that
        // start-up has finished before memory is read and the server is stopped.
        await server.setupToken();
        return { ms: server.startMs, reportedReadyMs: server.reportedReadyMs, rssMiB: server.rssMiB() };
      } finally {
        await server.stop();
      }
    };
    const fresh = await once();
    const reopened: StartSample[] = [];
    for (let i = 0; i < reopenCount; i++) reopened.push(await once());
    return { fresh, reopened };
  } finally {
    await database?.drop();
    removeTempDir(dataDir);
  }
}
