// Real Shield processes for tests: `bin/shield <command>` run to completion, and `bin/shield serve`
// as a child process that a test can talk to over HTTP, kill (SIGKILL) and start again.
import { spawn, type ChildProcess } from "node:child_process";
import { createServer } from "node:net";
import { dirname, join } from "node:path";
import { fileURLToPath } from "node:url";

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), "..", "..");
export const SHIELD_BIN = join(ROOT, "bin", "shield");

/**
 * The environment for a child Shield: the test runner's own variables minus those that would change what
 * it opens. SHIELD_MASTER_KEY is kept: in-process harnesses read it too, so both see the same key.
 */
export function shieldEnv(extra: Record<string, string | undefined>): NodeJS.ProcessEnv {
  const env: NodeJS.ProcessEnv = { ...process.env };
  for (const name of [
    "DATABASE_URL",
    "DATA_DIR",
    "PORT",
    "HOST",
    "PUBLIC_URL",
    "LOG_LEVEL",
    "NODE_TEST_CONTEXT",
    "TRUST_PROXY",
  ]) {
    delete env[name];
  }
  // The test runner preloads tsx through NODE_OPTIONS; bin/shield loads it itself.
  delete env.NODE_OPTIONS;
  for (const [name, value] of Object.entries(extra)) if (value !== undefined) env[name] = value;
  return env;
}

export interface Finished {
  code: number | null;
  signal: NodeJS.Signals | null;
  stdout: string;
  stderr: string;
  ms: number;
}

/** Runs `bin/shield ...args` to completion. */
export function runShield(
  args: readonly string[],
  env: Record<string, string | undefined>,
  timeoutMs = 120_000,
): Promise<Finished> {
  return runToCompletion(args, env, timeoutMs, undefined);
}

/** Runs `bin/shield ...args` to completion with `input` on its standard input. */
export function runShieldWithInput(
  args: readonly string[],
  input: string,
  env: Record<string, string | undefined> = {},
  timeoutMs = 120_000,
): Promise<Finished> {
  return runToCompletion(args, env, timeoutMs, input);
}

function runToCompletion(
  args: readonly string[],
  env: Record<string, string | undefined>,
  timeoutMs: number,
  input: string | undefined,
): Promise<Finished> {
  const started = performance.now();
  return new Promise((resolve, reject) => {
    const child = spawn(SHIELD_BIN, args, {
      env: shieldEnv(env),
      stdio: [input === undefined ? "ignore" : "pipe", "pipe", "pipe"],
    });
    if (input !== undefined) {
      child.stdin!.on("error", () => {}); // it may exit (e.g. on a usage error) without reading its input
      child.stdin!.end(input);
    }
    let stdout = "";
    let stderr = "";
    child.stdout!.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
    child.stderr!.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
    const timer = setTimeout(() => {
      child.kill("SIGKILL");
      reject(
        new Error(
          `shield ${args.join(" ")} did not finish in ${timeoutMs} ms\nstdout: ${stdout}\nstderr: ${stderr}`,
        ),
      );
    }, timeoutMs);
    child.on("error", (error) => {
      clearTimeout(timer);
      reject(error);
    });
    child.on("close", (code, signal) => {
      clearTimeout(timer);
      resolve({ code, signal, stdout, stderr, ms: Math.round(performance.now() - started) });
    });
  });
}

/** A TCP port nobody listens on right now. */
export function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.unref();
    server.on("error", reject);
    server.listen(0, "127.0.0.1", () => {
      const address = server.address();
      const port = typeof address === "object" && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

export interface ServerProcess {
  child: ChildProcess;
  /** The node process's pid (bin/shield execs node, so this is the server itself). */
  pid: number;
  baseUrl: string;
  /** Everything printed so far. */
  stdout(): string;
  stderr(): string;
  /** Resolves when the process has exited. */
  exited: Promise<{ code: number | null; signal: NodeJS.Signals | null }>;
  /** SIGKILL, then wait for the exit. Safe to call more than once. */
  kill(): Promise<void>;
}

/** Every server started through startServer that has not exited yet, so that a failing test can still stop them. */
const running = new Set<ServerProcess>();

/** Starts `bin/shield serve` and waits until GET /healthz answers 200. */
export async function startServer(
  env: Record<string, string | undefined>,
  options: { port?: number; readyTimeoutMs?: number } = {},
): Promise<ServerProcess> {
  const port = options.port ?? (await freePort());
  const child = spawn(SHIELD_BIN, ["serve"], {
    env: shieldEnv({ HOST: "127.0.0.1", LOG_LEVEL: "warn", ...env, PORT: String(port) }),
    stdio: ["ignore", "pipe", "pipe"],
  });
  let stdout = "";
  let stderr = "";
  child.stdout!.setEncoding("utf8").on("data", (chunk: string) => (stdout += chunk));
  child.stderr!.setEncoding("utf8").on("data", (chunk: string) => (stderr += chunk));
  const exited = new Promise<{ code: number | null; signal: NodeJS.Signals | null }>((resolve) => {
    child.on("exit", (code, signal) => resolve({ code, signal }));
  });
  const server: ServerProcess = {
    child,
    pid: child.pid!,
    baseUrl: `http://127.0.0.1:${port}`,
    stdout: () => stdout,
    stderr: () => stderr,
    exited,
    kill: async () => {
      if (child.exitCode === null && child.signalCode === null) child.kill("SIGKILL");
      await exited;
      running.delete(server);
    },
  };
  running.add(server);
  void exited.then(() => running.delete(server));

  const deadline = performance.now() + (options.readyTimeoutMs ?? 90_000);
  let gone: { code: number | null; signal: NodeJS.Signals | null } | undefined;
  void exited.then((e) => (gone = e));
  for (;;) {
    if (gone) {
      throw new Error(
        `shield serve exited (code ${gone.code}, signal ${gone.signal}) before it was ready\nstdout: ${stdout}\nstderr: ${stderr}`,
      );
    }
    try {
      const res = await fetch(`${server.baseUrl}/healthz`, { signal: AbortSignal.timeout(1000) });
      await res.arrayBuffer();
      if (res.status === 200) break;
    } catch {
      /* not listening yet */
    }
    if (performance.now() > deadline) {
      await server.kill();
      throw new Error(`shield serve was not ready in time\nstdout: ${stdout}\nstderr: ${stderr}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return server;
}

/** SIGKILLs every server process still running (for t.after / process exit). */
export async function killAllServers(): Promise<void> {
  await Promise.all([...running].map((s) => s.kill()));
}

process.once("exit", () => {
  for (const s of running) {
    try {
      process.kill(s.pid, "SIGKILL");
    } catch {
      /* already gone */
    }
  }
});

/** Waits until the server has printed its one-time set-up link, and returns the token in it. */
export async function setupTokenFrom(server: ServerProcess, timeoutMs = 10_000): Promise<string> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    const match = /https?:\/\/\S+\/setup#token=([A-Za-z0-9_-]+)/.exec(server.stdout());
    if (match) return match[1]!;
    if (performance.now() > deadline)
      throw new Error(`no set-up link printed\nstdout: ${server.stdout()}\nstderr: ${server.stderr()}`);
    await new Promise((r) => setTimeout(r, 25));
  }
}

export interface HttpResult {
  status: number;
  body: any;
}

/** JSON over real HTTP, with an optional bearer token. Throws on network errors (e.g. the server was killed). */
export async function http(
  baseUrl: string,
  method: string,
  path: string,
  options: { token?: string; body?: unknown; timeoutMs?: number } = {},
): Promise<HttpResult> {
  const headers: Record<string, string> = {};
  if (options.token) headers.authorization = `Bearer ${options.token}`;
  if (options.body !== undefined) headers["content-type"] = "application/json";
  const res = await fetch(`${baseUrl}${path}`, {
    method,
    headers,
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
    signal: AbortSignal.timeout(options.timeoutMs ?? 15_000),
  });
  const text = await res.text();
  let body: unknown = text;
  try {
    body = JSON.parse(text);
  } catch {
    /* not JSON */
  }
  return { status: res.status, body };
}

export interface CandidateOverHttp {
  token: string;
  campaignId: string;
  userId: string;
}

/** First-run set-up of a fresh server as a candidate (from its printed set-up link), then a bearer sign-in. */
export async function setUpCandidateOverHttp(
  server: ServerProcess,
  options: { email?: string; password: string },
): Promise<CandidateOverHttp> {
  const email = options.email ?? "candidate@example.org";
  const setup = await http(server.baseUrl, "POST", "/api/setup", {
    body: {
      token: await setupTokenFrom(server),
      role: "candidate",
      email,
      displayName: "Sam Candidate",
      password: options.password,
      campaignName: "Sam for Riverside",
    },
  });
  if (setup.status !== 201) throw new Error(`set-up failed: ${setup.status} ${JSON.stringify(setup.body)}`);
  const login = await http(server.baseUrl, "POST", "/api/auth/login", {
    body: { email, password: options.password, tokenInBody: true },
  });
  if (login.status !== 200) throw new Error(`sign-in failed: ${login.status} ${JSON.stringify(login.body)}`);
  const token = login.body.token as string;
  const campaigns = await http(server.baseUrl, "GET", "/api/campaigns", { token });
  const campaignId = campaigns.body.campaigns?.[0]?.id as string | undefined;
  if (!campaignId) throw new Error(`no campaign after set-up: ${JSON.stringify(campaigns.body)}`);
  return { token, campaignId, userId: login.body.user.id as string };
}
