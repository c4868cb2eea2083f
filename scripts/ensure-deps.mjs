#!/usr/bin/env node
// Run before `npm start` and `npm test`: installs dependencies on a fresh clone (or after
// package-lock.json changed), so that each of the README's commands works on its own.
import { existsSync, statSync } from "node:fs";
import { execSync } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath } from "node:url";

const root = join(fileURLToPath(import.meta.url), "..", "..");
const installed = join(root, "node_modules", ".package-lock.json");
const lock = join(root, "package-lock.json");
if (!existsSync(installed) || statSync(installed).mtimeMs < statSync(lock).mtimeMs) {
  console.log("Installing dependencies (npm ci)…");
  execSync("npm ci --no-audit --no-fund", { cwd: root, stdio: "inherit" });
}
const { buildWebIfStale } = await import("./build-web-if-stale.mjs");
buildWebIfStale();
