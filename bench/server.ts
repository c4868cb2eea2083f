// Starts `bin/shield serve` as a child process on a free port and stops it again.
import { spawn, type ChildProcess } from "node:child_process";
import { readFileSync } from "node:fs";
import { createServer } from "node:net";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { onCleanup, trackChild } from "./cleanup.ts";

const ROOT = join(fileURLToPath(import.meta.url), "..", "..");
const SHIELD = join(ROOT, "bin", "shield");

export interface ServerOptions {
  dataDir: string;
  databaseUrl?: string | undefined;
  /** Give up waiting for /healthz after this long. */
  timeoutMs?: number;
  /** More environment for the server (undefined values are left out). */
  env?: Record<string, string | undefined>;
}

export interface RunningServer {
  pid: number;
  baseUrl: string;
  /** Milliseconds from spawn() to the first 200 from /healthz. */
  startMs: number;
  /** What the server itself reported ("ready in N ms": opening the database and building the app). */
  reportedReadyMs: number | undefined;
  /** The one-time set-up token, if the database was empty (may arrive just after /healthz answers). */
  setupToken(): Promise<string>;
  /** Resident memory of the server process, in MiB (Linux). */
  rssMiB(): number | undefined;
  /** What the server wrote to stderr (the last 20,000 characters). */
  stderr(): string;
  stop(): Promise<void>;
}

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const probe = createServer();
    probe.once("error", reject);
    probe.listen(0, "127.0.0.1", () => {
      const address = probe.address();
      const port = typeof address === "object" && address ? address.port : 0;
      probe.close(() => resolve(port));
    });
  });
}

export function rssMiBOf(pid: number): number | undefined {
  try {
    const match = /^VmRSS:\s+(\d+)\s+kB/m.exec(readFileSync(`/proc/${pid}/status`, "utf8"));
    return match ? Math.round(Number(match[1]) / 1024) : undefined;
  } catch {
    return undefined;
  }
}

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

export async function startServer(options: ServerOptions): Promise<RunningServer> {
  const port = await freePort();
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    PORT: String(port),
    HOST: "127.0.0.1",
    DATA_DIR: options.dataDir,
    LOG_LEVEL: "warn",
    PUBLIC_URL: `http://127.0.0.1:${port}`,
  };
  delete env.DATABASE_URL;
  delete env.SHIELD_MASTER_KEY;
  if (options.databaseUrl) env.DATABASE_URL = options.databaseUrl;
  for (const [name, value] of Object.entries(options.env ?? {})) if (value !== undefined) env[name] = value;

  const started = performance.now();
  // BENCH_SERVER_NODE_ARGS (e.g. "--cpu-prof --cpu-prof-dir=/tmp/prof") profiles the server under load.
  const nodeArgs = (process.env.BENCH_SERVER_NODE_ARGS ?? "").split(" ").filter(Boolean);
  const [command, args] =
    nodeArgs.length === 0
      ? [SHIELD, ["serve"]]
      : [
          process.execPath,
          [
            ...nodeArgs,
            "--import",
            join(ROOT, "node_modules/tsx/dist/loader.mjs"),
            join(ROOT, "src/cli/main.ts"),
            "serve",
          ],
        ];
  const child: ChildProcess = spawn(command, args, { env, cwd: ROOT, stdio: ["ignore", "pipe", "pipe"] });
  trackChild(child);
  const exited = new Promise<void>((resolve) => child.once("exit", () => resolve()));
  const stopChild = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    child.kill("SIGTERM"); // graceful: the server closes PGlite cleanly
    const done = await Promise.race([exited.then(() => true), sleep(15_000).then(() => false)]);
    if (!done) {
      child.kill("SIGKILL");
      await exited;
    }
  };
  const cancelCleanup = onCleanup(`server pid ${child.pid}`, stopChild);

  let stdout = "";
  let stderr = "";
  let reportedReadyMs: number | undefined;
  let tokenWaiter: ((token: string) => void) | undefined;
  let token: string | undefined;
  child.stdout!.setEncoding("utf8").on("data", (chunk: string) => {
    stdout += chunk;
    const ready = /ready in (\d+) ms/.exec(stdout);
    if (ready) reportedReadyMs = Number(ready[1]);
    const link = /setup#token=([A-Za-z0-9_-]+)/.exec(stdout);
    if (link && !token) {
      token = link[1]!;
      tokenWaiter?.(token);
    }
  });
  child.stderr!.setEncoding("utf8").on("data", (chunk: string) => {
    stderr += chunk;
    if (stderr.length > 20_000) stderr = stderr.slice(-20_000);
  });

  const baseUrl = `http://127.0.0.1:${port}`;
  const deadline = started + (options.timeoutMs ?? 120_000);
  let startMs: number | undefined;
  while (startMs === undefined) {
    if (child.exitCode !== null || child.signalCode !== null) {
      await cancelCleanup();
      throw new Error(
        `shield serve exited (${child.exitCode ?? child.signalCode}) before answering /healthz:\n${stderr || stdout}`,
      );
    }
    if (performance.now() > deadline) {
      await cancelCleanup();
      throw new Error(
        `shield serve did not answer /healthz within ${options.timeoutMs ?? 120_000} ms:\n${stderr || stdout}`,
      );
    }
    try {
      const res = await fetch(`${baseUrl}/healthz`, { signal: AbortSignal.timeout(2000) });
      await res.arrayBuffer();
      if (res.status === 200) startMs = performance.now() - started;
    } catch {
      /* not listening yet */
    }
    if (startMs === undefined) await sleep(10);
  }

  return {
    pid: child.pid!,
    baseUrl,
    startMs,
    get reportedReadyMs() {
      return reportedReadyMs;
    },
    setupToken: () =>
      token
        ? Promise.resolve(token)
        : Promise.race([
            new Promise<string>((resolve) => (tokenWaiter = resolve)),
            sleep(10_000).then(() => {
              throw new Error(`no set-up link on the server's output (is the database empty?):\n${stdout}`);
            }),
          ]),
    rssMiB: () => rssMiBOf(child.pid!),
    stderr: () => stderr,
    stop: cancelCleanup,
  };
}
