// The browser app in Chromium against `bin/shield serve` on localhost:
//   (i) the JavaScript the first page loads (signed out, fresh profile): each script response gzipped
//       here at level 9 and summed, raw bytes too; and whether the analyser's model weights came with it;
//   (ii) time to interactive, median of cold loads (a new browser context each: no HTTP cache, no
//       service worker), signed out and signed in.
//
// Time to interactive, as measured here: from navigation start (performance.timeOrigin) to the later of
// (a) the first animation frame in which the app's own element is on screen (the "Record an incident"
// link signed in; the 999 link that React renders, signed out: the boot page's static 999 link does not
// count) and (b) the end of the last long task (≥ 50 ms, PerformanceObserver "longtask"), once the main
// thread has then been free of long tasks for QUIET_MS. That is Lighthouse's idea of TTI (content shown,
// then a quiet main thread) with a shorter quiet window, which is honest here because nothing on
// localhost arrives late: every request the page makes has finished well inside it.
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { gzipSync } from "node:zlib";
import type { Browser, BrowserContext } from "playwright-core";
import { CHROMIUM_PATH, ensureWebBuilt, launchChromium, PHONE } from "../test/support/browser.ts";
import { removeTempDir, tempDir } from "./cleanup.ts";
import { percentile } from "./report.ts";
import { startServer } from "./server.ts";

const ROOT = join(import.meta.dirname, "..");
const DIST = join(ROOT, "web", "dist");
const QUIET_MS = 500;

export interface ScriptSize {
  url: string;
  rawBytes: number;
  gzipBytes: number;
}

export interface LoadSample {
  /** Navigation start → the app's element on screen and a quiet main thread. */
  ttiMs: number;
  /** Navigation start → the app's element first on screen. */
  visibleMs: number;
  firstContentfulPaintMs: number | undefined;
  longTasks: number;
  longTaskMs: number;
}

export interface TtiResult {
  samples: LoadSample[];
  medianMs: number;
  visibleMedianMs: number;
  fcpMedianMs: number;
}

export interface WebRun {
  chromium: string;
  firstPage: {
    scripts: ScriptSize[];
    rawBytes: number;
    gzipBytes: number;
    /** Scripts of the service worker itself (sw.js, workbox), not counted above. */
    serviceWorkerScripts: ScriptSize[];
    /** The built chunk(s) holding the analyser's model weights, and whether the first page loaded one. */
    weightsChunks: { file: string; rawBytes: number; gzipBytes: number }[];
    weightsLoaded: boolean;
  };
  /** What the service worker downloads in the background after the first visit (web/dist/sw.js). */
  precache: { files: number; rawBytes: number; gzipBytes: number; includesWeights: boolean };
  signedOut: TtiResult;
  signedIn: TtiResult;
  /** The same, with Chromium's CPU slowed 4× (roughly a mid-range phone); no target. */
  signedOutSlowCpu: TtiResult;
  signedInSlowCpu: TtiResult;
}

const gzipSize = (bytes: Buffer) => gzipSync(bytes, { level: 9 }).length;

/** A piece of the model's encoded weights, to recognise the chunk that carries them whatever its name. */
function weightsMarker(): string | undefined {
  const source = readFileSync(join(ROOT, "src", "core", "analysis", "model-weights.ts"), "utf8");
  return /"weights":"([A-Za-z0-9+/=]{64})/.exec(source)?.[1];
}

function weightsChunks(marker: string | undefined) {
  if (!marker) return [];
  return readdirSync(join(DIST, "assets"))
    .filter((file) => file.endsWith(".js"))
    .map((file) => ({ file, bytes: readFileSync(join(DIST, "assets", file)) }))
    .filter(({ bytes }) => bytes.includes(marker))
    .map(({ file, bytes }) => ({ file, rawBytes: bytes.length, gzipBytes: gzipSize(bytes) }));
}

function precacheOf(weights: { file: string }[]) {
  const sw = readFileSync(join(DIST, "sw.js"), "utf8");
  const urls = [...sw.matchAll(/url:"([^"]+)"/g)].map((m) => m[1]!);
  let rawBytes = 0;
  let gzipBytes = 0;
  for (const url of urls) {
    const path = join(DIST, url);
    if (!existsSync(path)) continue;
    const bytes = readFileSync(path);
    rawBytes += bytes.length;
    gzipBytes += gzipSize(bytes);
  }
  return {
    files: urls.length,
    rawBytes,
    gzipBytes,
    includesWeights: weights.some((w) => urls.includes(`assets/${w.file}`)),
  };
}

async function firstPageScripts(browser: Browser, baseUrl: string, marker: string | undefined) {
  const context = await browser.newContext({ viewport: PHONE, locale: "en-GB" });
  try {
    const page = await context.newPage();
    const bodies: Promise<{ url: string; body: Buffer } | undefined>[] = [];
    page.on("response", (response) => {
      const type = response.headers()["content-type"] ?? "";
      if (response.request().resourceType() !== "script" && !/javascript/.test(type)) return;
      bodies.push(
        response.body().then(
          (body) => ({ url: new URL(response.url()).pathname, body }),
          () => undefined,
        ),
      );
    });
    await page.goto(`${baseUrl}/`);
    await page
      .getByRole("main")
      .getByRole("link", { name: /sign in/i })
      .waitFor();
    await page.waitForLoadState("networkidle");
    const loaded = (await Promise.all(bodies)).filter((b) => b !== undefined);
    const sized = loaded.map(({ url, body }) => ({
      url,
      rawBytes: body.length,
      gzipBytes: gzipSize(body),
      weights: marker !== undefined && body.includes(marker),
    }));
    const isWorker = (url: string) => /^\/(sw\.js|workbox-[^/]*\.js)$/.test(url);
    const scripts = sized.filter((s) => !isWorker(s.url));
    return {
      scripts: scripts.map(({ url, rawBytes, gzipBytes }) => ({ url, rawBytes, gzipBytes })),
      rawBytes: scripts.reduce((n, s) => n + s.rawBytes, 0),
      gzipBytes: scripts.reduce((n, s) => n + s.gzipBytes, 0),
      serviceWorkerScripts: sized
        .filter((s) => isWorker(s.url))
        .map(({ url, rawBytes, gzipBytes }) => ({ url, rawBytes, gzipBytes })),
      weightsLoaded: sized.some((s) => s.weights),
    };
  } finally {
    await context.close();
  }
}

/** Runs in the page before its own scripts: watches long tasks and the frame the app's element appears in. */
function probeScript(selector: string): string {
  return `(() => {
    const state = { visibleAt: null, lastLongTaskEnd: 0, longTasks: 0, longTaskMs: 0 };
    window.__shieldTti = state;
    try {
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) {
          state.longTasks += 1;
          state.longTaskMs += e.duration;
          state.lastLongTaskEnd = Math.max(state.lastLongTaskEnd, e.startTime + e.duration);
        }
      }).observe({ type: "longtask", buffered: true });
    } catch (e) {}
    const shown = () =>
      [...document.querySelectorAll(${JSON.stringify(selector)})].some((el) => {
        if (el.closest(".boot")) return false;
        const r = el.getBoundingClientRect();
        return r.width > 0 && r.height > 0 && r.bottom > 0 && r.top < innerHeight;
      });
    const frame = () => {
      if (shown()) state.visibleAt = performance.now();
      else requestAnimationFrame(frame);
    };
    requestAnimationFrame(frame);
  })();`;
}

async function coldLoad(
  browser: Browser,
  baseUrl: string,
  options: { signIn?: { email: string; password: string }; cpuSlowdown?: number },
): Promise<LoadSample> {
  const context: BrowserContext = await browser.newContext({ viewport: PHONE, locale: "en-GB" });
  try {
    if (options.signIn) {
      const res = await context.request.post(`${baseUrl}/api/auth/login`, { data: options.signIn });
      if (res.status() !== 200) throw new Error(`sign-in failed: ${res.status()} ${await res.text()}`);
    }
    await context.addInitScript(probeScript(options.signIn ? 'main a[href="/record"]' : 'a[href="tel:999"]'));
    const page = await context.newPage();
    if (options.cpuSlowdown) {
      const cdp = await context.newCDPSession(page);
      await cdp.send("Emulation.setCPUThrottlingRate", { rate: options.cpuSlowdown });
    }
    await page.goto(`${baseUrl}/`, { waitUntil: "commit" });
    const result = await page.waitForFunction(
      (quietMs) => {
        const state = (globalThis as any).__shieldTti;
        if (!state || state.visibleAt === null) return false;
        const tti = Math.max(state.visibleAt, state.lastLongTaskEnd);
        if (performance.now() - tti < quietMs) return false;
        const fcp = performance.getEntriesByName("first-contentful-paint")[0];
        return {
          ttiMs: tti,
          visibleMs: state.visibleAt,
          firstContentfulPaintMs: fcp ? fcp.startTime : undefined,
          longTasks: state.longTasks,
          longTaskMs: state.longTaskMs,
        };
      },
      QUIET_MS,
      { timeout: 60_000, polling: 50 },
    );
    return (await result.jsonValue()) as LoadSample;
  } finally {
    await context.close();
  }
}

function summarise(samples: LoadSample[]): TtiResult {
  return {
    samples,
    medianMs: percentile(
      samples.map((s) => s.ttiMs),
      50,
    ),
    visibleMedianMs: percentile(
      samples.map((s) => s.visibleMs),
      50,
    ),
    fcpMedianMs: percentile(
      samples.map((s) => s.firstContentfulPaintMs ?? Number.NaN).filter((n) => !Number.isNaN(n)),
      50,
    ),
  };
}

export function chromiumAvailable(): boolean {
  return existsSync(CHROMIUM_PATH);
}

export async function benchWeb(options: { loads: number; slowLoads: number }): Promise<WebRun> {
  await ensureWebBuilt();
  const marker = weightsMarker();
  const weights = weightsChunks(marker);
  const dataDir = tempDir("web");
  const server = await startServer({ dataDir });
  const browser = await launchChromium();
  try {
    const account = { email: "bench@example.org", password: "a long bench password" };
    const created = await fetch(`${server.baseUrl}/api/setup`, {
      method: "POST",
      headers: { "content-type": "application/json" },
      body: JSON.stringify({
        token: await server.setupToken(),
        role: "candidate",
        displayName: "Bench Candidate",
        campaignName: "Bench campaign",
        ...account,
      }),
    });
    if (created.status !== 201) throw new Error(`set-up failed: ${created.status} ${await created.text()}`);

    const firstPage = await firstPageScripts(browser, server.baseUrl, marker);
    // One untimed load of each kind first, so the server's files are in the OS cache like a running service's.
    await coldLoad(browser, server.baseUrl, {});
    await coldLoad(browser, server.baseUrl, { signIn: account });
    const series = async (count: number, signIn: boolean, cpuSlowdown?: number) => {
      const samples: LoadSample[] = [];
      for (let i = 0; i < count; i++)
        samples.push(
          await coldLoad(browser, server.baseUrl, {
            ...(signIn ? { signIn: account } : {}),
            ...(cpuSlowdown ? { cpuSlowdown } : {}),
          }),
        );
      return summarise(samples);
    };
    return {
      chromium: browser.version(),
      firstPage: { ...firstPage, weightsChunks: weights },
      precache: precacheOf(weights),
      signedOut: await series(options.loads, false),
      signedIn: await series(options.loads, true),
      signedOutSlowCpu: await series(options.slowLoads, false, 4),
      signedInSlowCpu: await series(options.slowLoads, true, 4),
    };
  } finally {
    await browser.close();
    await server.stop();
    removeTempDir(dataDir);
  }
}
