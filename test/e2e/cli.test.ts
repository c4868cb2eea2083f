// The shield command line as a person runs it: a real process, exit codes and messages.
import { test } from "node:test";
import assert from "node:assert/strict";
import { spawn, spawnSync } from "node:child_process";
import { mkdtempSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { createServer } from "node:net";

const SHIELD = join(import.meta.dirname, "..", "..", "bin", "shield");
const run = (args: string[], env: Record<string, string> = {}) =>
  spawnSync(SHIELD, args, { env: { ...process.env, ...env }, encoding: "utf8", timeout: 120_000 });

async function freePort(): Promise<number> {
  return new Promise((resolve) => {
    const server = createServer().listen(0, "127.0.0.1", () => {
      const { port } = server.address() as { port: number };
      server.close(() => resolve(port));
    });
  });
}

test("--help lists the commands; unknown commands and bad options exit 2 with a message", () => {
  const help = run(["--help"]);
  assert.equal(help.status, 0);
  for (const command of ["serve", "verify", "demo", "admin", "analyse"])
    assert.match(help.stdout, new RegExp(`\\b${command}\\b`));
  const none = run([]);
  assert.equal(none.status, 2);
  const unknown = run(["frobnicate"]);
  assert.equal(unknown.status, 2);
  assert.match(unknown.stderr, /Unknown command 'frobnicate'/);
  const badOption = run(["verify", "--colour"]);
  assert.equal(badOption.status, 2);
  const badInvite = run(
    ["admin", "invite", "--role", "spoc", "--email", "x@example.org", "--force", "gotham"],
    { DATA_DIR: mkdtempSync(join(tmpdir(), "shield-cli-")) },
  );
  assert.equal(badInvite.status, 2);
  assert.match(badInvite.stderr, /--force must be a police force id/);
});

test("demo, verify and admin invite on a fresh data folder; a second server on the same folder refuses to start", async (t) => {
  const dataDir = mkdtempSync(join(tmpdir(), "shield-cli-"));
  const env = { DATA_DIR: dataDir };
  const demo = run(["demo"], env);
  assert.equal(demo.status, 0, demo.stderr);
  assert.match(demo.stdout, /Demo campaign ".+" created: \d+ incidents/);
  assert.match(demo.stdout, /rachel\.adeyemi@example\.org/);
  const again = run(["demo"], env);
  assert.equal(again.status, 1);
  assert.match(again.stderr, /only fills a fresh database/);

  const verify = run(["verify"], env);
  assert.equal(verify.status, 0, verify.stdout + verify.stderr);
  assert.match(verify.stdout, /All intact/);

  const invite = run(
    [
      "admin",
      "invite",
      "--role",
      "spoc",
      "--email",
      "spoc@police.example",
      "--force",
      "west-yorkshire-police",
    ],
    env,
  );
  assert.equal(invite.status, 0, invite.stderr);
  assert.match(invite.stdout, /http:\/\/localhost:8080\/invite#token=/);

  const port = await freePort();
  const server = spawn(SHIELD, ["serve"], {
    env: { ...process.env, ...env, PORT: String(port), LOG_LEVEL: "warn" },
  });
  t.after(() => server.kill("SIGKILL"));
  let out = "";
  server.stdout.on("data", (d) => (out += d));
  for (let i = 0; i < 200 && !out.includes("Shield is running"); i++)
    await new Promise((r) => setTimeout(r, 100));
  assert.match(out, /Shield is running at http:\/\/localhost:\d+ \(embedded database/);
  assert.doesNotMatch(out, /setup#token/, "no set-up link once accounts exist");
  const health = await fetch(`http://127.0.0.1:${port}/healthz`);
  assert.equal(health.status, 200);

  const second = run(["serve"], { ...env, PORT: String(await freePort()) });
  assert.equal(second.status, 1);
  assert.match(second.stderr, /Another Shield process \(pid \d+\) is already using this data folder/);
  const verifyWhileRunning = run(["verify"], env);
  assert.equal(verifyWhileRunning.status, 1);
  assert.match(verifyWhileRunning.stderr, /already using this data folder/);
});
