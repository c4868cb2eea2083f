#!/usr/bin/env node
// Builds the browser app (web/dist) when it is missing or older than its sources, so that
// `npm start` serves the current app on a fresh clone without a separate build step.
// `webIsStale()` is also used by the browser tests (test/support/browser.ts), which build under a lock.
import { existsSync, readdirSync, statSync } from "node:fs";
import { execSync } from "node:child_process";
import { join } from "node:path";
import { fileURLToPath, pathToFileURL } from "node:url";

const root = join(fileURLToPath(import.meta.url), "..", "..");
const built = join(root, "web", "dist", "index.html");
const sources = [
  "web/src",
  "web/public",
  "web/index.html",
  "web/vite.config.ts",
  "src/core",
  "package-lock.json",
];

function newestMtime(path) {
  if (!existsSync(path)) return 0;
  const stat = statSync(path);
  if (!stat.isDirectory()) return stat.mtimeMs;
  let newest = stat.mtimeMs;
  for (const entry of readdirSync(path, { recursive: true })) {
    // A file being edited may vanish between the listing and its stat.
    const mtime = statSync(join(path, String(entry)), { throwIfNoEntry: false })?.mtimeMs ?? 0;
    if (mtime > newest) newest = mtime;
  }
  return newest;
}

/** Whether web/dist is missing or older than anything it is built from. */
export function webIsStale() {
  if (!existsSync(built)) return true;
  const builtAt = statSync(built).mtimeMs;
  return sources.some((source) => newestMtime(join(root, source)) > builtAt);
}

export function buildWebIfStale() {
  if (!webIsStale()) return;
  console.log("Building the browser app (npm run build:web)…");
  execSync("npm run --silent build:web", { cwd: root, stdio: ["ignore", "ignore", "inherit"] });
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? "").href) buildWebIfStale();
