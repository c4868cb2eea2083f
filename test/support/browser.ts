// The browser app in a real browser: Debian's Chromium driven by playwright-core, against a fresh
// `bin/shield serve` (its own empty DATA_DIR and port), with an accessibility check (axe-core) and
// screenshots at phone and desktop sizes.
//
// The project's TypeScript has no DOM library, so code run in the page (page.evaluate) reads its
// globals through `globalThis as any`. tsx keeps function names (esbuild keepNames), which adds a
// `__name` helper the page does not have: code run in the page declares no named inner functions.
import assert from "node:assert/strict";
import { after, before } from "node:test";
import { webIsStale } from "../../scripts/build-web-if-stale.mjs";
import { spawn } from "node:child_process";
import { existsSync, mkdirSync, mkdtempSync, readdirSync, rmSync, statSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "playwright-core";
import { freePort, http, ROOT, setupTokenFrom, startServer, type ServerProcess } from "./process.ts";

export const CHROMIUM_PATH = "/usr/bin/chromium";
export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

/** The red-flag message of the guidance's examples: a threat with a time, a place and a weapon. */
export const RED_FLAG_MESSAGE = "I know where you live. I'll be outside your house tonight with a knife.";

/** How long one browser action or wait may take before the test fails with Playwright's own message. */
export const ACTION_TIMEOUT_MS = 30_000;

export async function launchChromium(): Promise<Browser> {
  if (!existsSync(CHROMIUM_PATH)) {
    throw new Error(
      `Chromium is not installed at ${CHROMIUM_PATH}: the browser tests need it ` +
        "(apt-get install -y --no-install-recommends chromium, as .ci/run does).",
    );
  }
  return chromium.launch({ executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS });
}

/** A fresh browser context (its own cookies, storage and service workers) with the suite's timeouts. */
export async function newContext(
  browser: Browser,
  options: Parameters<Browser["newContext"]>[0] = {},
): Promise<BrowserContext> {
  const context = await browser.newContext({ viewport: PHONE, locale: "en-GB", ...options });
  context.setDefaultTimeout(ACTION_TIMEOUT_MS);
  context.setDefaultNavigationTimeout(ACTION_TIMEOUT_MS);
  return context;
}

// ---------------------------------------------------------------------------------------------------
// Building the web app

/** What the built app is made from: the app's own files, and the shared core it imports. */
const BUILD_LOCK = join(ROOT, "test-results", ".web-build.lock");

/** Whether web/dist is missing or older than anything it is built from. */
export const webBuildIsStale = webIsStale;

const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));

function pidIsAlive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch {
    return false;
  }
}

/**
 * Runs `npm run build:web` when web/dist is missing or stale. Test files run two at a time, so the
 * build holds a lock (a folder with the builder's pid) and a waiting process re-checks afterwards.
 */
export async function ensureWebBuilt(): Promise<void> {
  if (!webBuildIsStale()) return;
  mkdirSync(join(ROOT, "test-results"), { recursive: true });
  const deadline = performance.now() + 180_000;
  for (;;) {
    try {
      mkdirSync(BUILD_LOCK);
      break;
    } catch {
      // Someone else is building: wait for them, unless they died holding the lock.
      let holder: string | undefined;
      let since = 0;
      try {
        holder = readdirSync(BUILD_LOCK)[0];
        since = statSync(BUILD_LOCK).mtimeMs;
      } catch {
        continue; // released just now
      }
      const dead = holder === undefined ? Date.now() - since > 10_000 : !pidIsAlive(Number(holder));
      if (dead) {
        rmSync(BUILD_LOCK, { recursive: true, force: true });
        continue;
      }
      if (performance.now() > deadline) throw new Error(`waited 3 minutes for the web build (${BUILD_LOCK})`);
      await sleep(200);
    }
  }
  try {
    writeFileSync(join(BUILD_LOCK, String(process.pid)), "");
    if (!webBuildIsStale()) return; // built by whoever held the lock
    const result = await new Promise<{ code: number | null; output: string }>((resolve, reject) => {
      // In a process group of its own, so that a build that hangs can be stopped with all its children.
      const child = spawn("npm", ["run", "build:web"], {
        cwd: ROOT,
        detached: true,
        stdio: ["ignore", "pipe", "pipe"],
      });
      let output = "";
      child.stdout.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
      child.stderr.setEncoding("utf8").on("data", (chunk: string) => (output += chunk));
      const timer = setTimeout(() => {
        output += "\n(stopped after 150 s)";
        process.kill(-child.pid!, "SIGKILL");
      }, 150_000);
      child.on("error", reject);
      child.on("close", (code) => {
        clearTimeout(timer);
        resolve({ code, output });
      });
    });
    if (result.code !== 0)
      throw new Error(`npm run build:web failed (exit ${result.code}):\n${result.output}`);
  } finally {
    rmSync(BUILD_LOCK, { recursive: true, force: true });
  }
}

// ---------------------------------------------------------------------------------------------------
// A fresh Shield

export interface Shield {
  server: ServerProcess;
  baseUrl: string;
  dataDir: string;
  /** The one-time set-up token printed at first start. */
  setupToken: string;
  /** The set-up link as printed (`…/setup#token=…`). */
  setupLink: string;
  /** Stops the server (SIGKILL: the data folder is thrown away) and removes its data folder. */
  stop(): Promise<void>;
}

/**
 * Builds the app if needed, then starts `bin/shield serve` on a free port with an empty data folder.
 * `env` adds to the server's environment (e.g. SMTP_URL, SHIELD_TEST_CLOCK_FILE).
 */
export async function startShield(
  options: { env?: Record<string, string | undefined> } = {},
): Promise<Shield> {
  await ensureWebBuilt();
  const dataDir = mkdtempSync(join(tmpdir(), "shield-browser-"));
  const port = await freePort();
  const baseUrl = `http://127.0.0.1:${port}`;
  let server: ServerProcess;
  try {
    server = await startServer({ ...options.env, DATA_DIR: dataDir, PUBLIC_URL: baseUrl }, { port });
  } catch (error) {
    rmSync(dataDir, { recursive: true, force: true });
    throw error;
  }
  const setupToken = await setupTokenFrom(server);
  const setupLink = /\S+\/setup#token=[A-Za-z0-9_-]+/.exec(server.stdout())![0];
  return {
    server,
    baseUrl,
    dataDir,
    setupToken,
    setupLink,
    stop: async () => {
      await server.kill();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export interface Account {
  email: string;
  password: string;
  displayName: string;
}

export const OWNER: Account = {
  email: "candidate@example.org",
  password: "correct horse battery staple",
  displayName: "Amira Okafor",
};
export const CAMPAIGN_NAME = "Okafor for Riverside";

/** Fails with the server's own output when it has stopped (otherwise a crash shows up as ECONNREFUSED). */
export function assertServerRunning(shield: Shield): void {
  const { child } = shield.server;
  if (child.exitCode === null && child.signalCode === null) return;
  assert.fail(
    `shield serve stopped (exit ${child.exitCode ?? child.signalCode})\n` +
      `stdout: ${shield.server.stdout().slice(-4000)}\nstderr: ${shield.server.stderr().slice(-4000)}`,
  );
}

/** Creates the first account (a candidate with a campaign space) through the API; returns the campaign id. */
export async function setUpCandidate(shield: Shield, account: Account = OWNER): Promise<string> {
  assertServerRunning(shield);
  const created = await http(shield.baseUrl, "POST", "/api/setup", {
    body: {
      token: shield.setupToken,
      role: "candidate",
      email: account.email,
      displayName: account.displayName,
      password: account.password,
      campaignName: CAMPAIGN_NAME,
    },
  });
  assert.equal(created.status, 201, JSON.stringify(created.body));
  const token = await bearerToken(shield, account);
  const session = await http(shield.baseUrl, "GET", "/api/auth/session", { token });
  return session.body.campaigns[0].id as string;
}

/** Creates the first account as the deployment's administrator through the API; returns their bearer token. */
export async function setUpAdmin(shield: Shield, account: Account): Promise<string> {
  assertServerRunning(shield);
  const setup = await http(shield.baseUrl, "POST", "/api/setup", {
    body: {
      token: shield.setupToken,
      role: "admin",
      email: account.email,
      displayName: account.displayName,
      password: account.password,
    },
  });
  assert.equal(setup.status, 201, JSON.stringify(setup.body));
  return bearerToken(shield, account);
}

/** A bearer token for API calls made by the test itself (not the browser). */
export async function bearerToken(shield: Shield, account: Account): Promise<string> {
  const login = await http(shield.baseUrl, "POST", "/api/auth/login", {
    body: { email: account.email, password: account.password, tokenInBody: true },
  });
  assert.equal(login.status, 200, JSON.stringify(login.body));
  return login.body.token as string;
}

/** Signs a browser context in (the session cookie lands in the context's cookie jar). */
export async function signIn(context: BrowserContext, shield: Shield, account: Account): Promise<void> {
  const response = await context.request.post(`${shield.baseUrl}/api/auth/login`, {
    data: { email: account.email, password: account.password },
  });
  assert.equal(response.status(), 200, await response.text());
}

/** What a browser test file's describe block runs against; each is there once its `before` has run. */
export interface BrowserSuite {
  readonly shield: Shield;
  readonly browser: Browser;
  /** The campaign of the candidate OWNER, when the suite was started with `candidate: true`. */
  readonly campaignId: string;
}

/**
 * Called in a describe block: a fresh Shield and Chromium started before its tests (with the candidate
 * OWNER and their campaign set up when `candidate` is true) and stopped after them.
 */
export function startedForSuite({ candidate = false } = {}): BrowserSuite {
  let shield: Shield | undefined;
  let browser: Browser | undefined;
  let campaignId: string | undefined;
  before(
    async () => {
      [shield, browser] = await Promise.all([startShield(), launchChromium()]);
      if (candidate) campaignId = await setUpCandidate(shield);
    },
    { timeout: 180_000 },
  );
  after(async () => {
    await browser?.close();
    await shield?.stop();
  });
  const ready = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} is there only once the suite's before hook has run`);
    return value;
  };
  return {
    get shield() {
      return ready(shield, "Shield");
    },
    get browser() {
      return ready(browser, "The browser");
    },
    get campaignId() {
      return ready(campaignId, "The candidate's campaign (startedForSuite({ candidate: true }))");
    },
  };
}

/** A fresh browser context signed in as `account`, and a page in it whose uncaught errors are collected. */
export async function signedInPage(
  browser: Browser,
  shield: Shield,
  account: Account = OWNER,
): Promise<{ context: BrowserContext; page: Page; errors: string[] }> {
  const context = await newContext(browser);
  await signIn(context, shield, account);
  const page = await context.newPage();
  return { context, page, errors: watchPageErrors(page) };
}

/** Retries `check` (which throws while the condition does not hold) until it passes or time runs out. */
export async function eventually<T>(
  check: () => Promise<T>,
  { timeoutMs = ACTION_TIMEOUT_MS, intervalMs = 100 } = {},
): Promise<T> {
  const deadline = performance.now() + timeoutMs;
  for (;;) {
    try {
      return await check();
    } catch (error) {
      if (performance.now() > deadline) throw error;
    }
    await sleep(intervalMs);
  }
}

// ---------------------------------------------------------------------------------------------------
// Pages

/** Uncaught errors in the page (exceptions and unhandled rejections), to assert there were none. */
export function watchPageErrors(page: Page): string[] {
  const errors: string[] = [];
  page.on("pageerror", (error) =>
    errors.push(`${page.url()}: ${error.name}: ${error.message}${error.stack ? "\n" + error.stack : ""}`),
  );
  return errors;
}

/** Waits for the page's h1 and for every "Loading…" indicator to be gone. */
export async function waitForPage(page: Page): Promise<void> {
  await page.getByRole("heading", { level: 1 }).first().waitFor({ state: "visible" });
  await page.waitForFunction(() => {
    const { document } = globalThis as any;
    if (document.querySelector('.loading, [aria-busy="true"]')) return false;
    return ![...document.querySelectorAll("[role=status], [role=progressbar]")].some((el: any) =>
      /^\s*Loading/i.test(el.textContent ?? ""),
    );
  });
}

/** Pages in the app are routed in the browser: whatever the path, the server answers with the app. */
export async function open(page: Page, shield: Shield, path: string): Promise<void> {
  assertServerRunning(shield);
  await page.goto(`${shield.baseUrl}${path}`);
  await waitForPage(page);
}

export const PHONE = { width: 390, height: 844 };
export const DESKTOP = { width: 1280, height: 800 };
export const SCREENSHOTS = join(ROOT, "test-results", "screenshots");

/** Writes test-results/screenshots/<name>-phone.png and <name>-desktop.png (full page), then restores the viewport. */
export async function screenshots(page: Page, name: string): Promise<string[]> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  const before = page.viewportSize();
  const written: string[] = [];
  for (const [size, viewport] of [
    ["phone", PHONE],
    ["desktop", DESKTOP],
  ] as const) {
    await page.setViewportSize(viewport);
    const path = join(SCREENSHOTS, `${name}-${size}.png`);
    await page.screenshot({ path, fullPage: true, animations: "disabled", caret: "hide" });
    written.push(path);
  }
  if (before) await page.setViewportSize(before);
  return written;
}

/** Fails when the page scrolls sideways at 320 CSS pixels wide (WCAG 1.4.10 reflow), naming the widest elements. */
export async function assertNoHorizontalScroll(page: Page, label: string): Promise<void> {
  const before = page.viewportSize();
  await page.setViewportSize({ width: 320, height: 700 });
  const { scrollWidth, culprits } = await page.evaluate(() => {
    const { document } = globalThis as any;
    const wide = [...document.body.querySelectorAll("*")]
      .filter((el: any) => el.getBoundingClientRect().right > 320.5)
      .slice(0, 5)
      .map(
        (el: any) =>
          `${el.tagName.toLowerCase()}${el.id ? "#" + el.id : ""}${el.className && typeof el.className === "string" ? "." + el.className.trim().split(/\s+/).join(".") : ""} (right edge ${Math.round(el.getBoundingClientRect().right)} px)`,
      );
    return { scrollWidth: document.documentElement.scrollWidth as number, culprits: wide };
  });
  if (before) await page.setViewportSize(before);
  assert.ok(
    scrollWidth <= 320,
    `${label}: scrolls sideways at 320 px wide (scrollWidth ${scrollWidth}); widest elements: ${culprits.join(", ")}`,
  );
}

const AXE_SOURCE = join(ROOT, "node_modules", "axe-core", "axe.min.js");
export const AXE_TAGS = ["wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa"];

interface AxeViolation {
  id: string;
  impact: string | null;
  help: string;
  helpUrl: string;
  nodes: { target: unknown[]; failureSummary?: string }[];
}

/** Runs axe-core on the page as it is now; fails on any "serious" or "critical" violation, listing each. */
export async function checkAccessibility(page: Page, label: string): Promise<void> {
  const loaded = await page.evaluate(() => typeof (globalThis as any).axe === "object");
  if (!loaded) await page.addScriptTag({ path: AXE_SOURCE });
  const violations = (await page.evaluate(
    (tags) =>
      (globalThis as any).axe
        .run((globalThis as any).document, {
          runOnly: { type: "tag", values: tags },
          resultTypes: ["violations"],
        })
        .then((results: any) => results.violations),
    AXE_TAGS,
  )) as AxeViolation[];
  const serious = violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  if (serious.length === 0) return;
  const lines = serious.flatMap((v) => [
    `  ${v.id} (${v.impact}): ${v.help} — ${v.helpUrl}`,
    ...v.nodes.slice(0, 5).map((n) => `      at ${n.target.map(String).join(" ")}`),
    ...(v.nodes.length > 5 ? [`      … and ${v.nodes.length - 5} more`] : []),
  ]);
  assert.fail(
    `${label} (${page.url()}): axe found ${serious.length} serious or critical problem(s):\n${lines.join("\n")}`,
  );
}

/** A link in the page's main area (the header's navigation repeats some of them). */
export function mainLink(page: Page, name: string | RegExp) {
  return page.getByRole("main").getByRole("link", { name });
}

export interface IncidentForm {
  summary: string;
  message: string;
  /** The visible label of "Where or how did it happen?". */
  channel?: string;
}

/** The 30-second path on the Record page (already open): a line, the message, where; then save. */
export async function recordThroughForm(page: Page, incident: IncidentForm): Promise<void> {
  await page.getByRole("heading", { level: 1, name: "Record an incident" }).waitFor();
  await page.getByLabel(/What happened, in one line/).fill(incident.summary);
  await page.getByLabel(/Paste the message, or write what was said/).fill(incident.message);
  await page
    .getByLabel(/Where or how did it happen\?/)
    .selectOption({ label: incident.channel ?? "Text message" });
  await page.getByRole("button", { name: "Save and see what to do" }).click();
}

/** After saving online the app shows the new incident at /incidents/<id>: returns the id. */
export async function savedIncidentId(page: Page): Promise<string> {
  await page.waitForURL(/\/incidents\/[0-9a-f-]{36}/);
  return /\/incidents\/([0-9a-f-]{36})/.exec(page.url())![1]!;
}

/**
 * Waits for the verdict (a region named by its headline, e.g. "Call 999 now") and returns how many
 * tap-to-call links to `phone` it has.
 */
export async function verdictCallLinks(page: Page, headline: RegExp, phone = "999"): Promise<number> {
  const verdict = page.getByRole("main").getByRole("region", { name: headline }).first();
  await verdict.waitFor();
  return verdict.locator(`a[href="tel:${phone}"]`).count();
}

/** Axe at both sizes, no sideways scrolling at 320 px, and screenshots at phone and desktop sizes. */
export async function checkScreen(page: Page, name: string): Promise<void> {
  await page.setViewportSize(PHONE);
  await checkAccessibility(page, `${name} (phone)`);
  await page.setViewportSize(DESKTOP);
  await checkAccessibility(page, `${name} (desktop)`);
  await assertNoHorizontalScroll(page, name);
  await screenshots(page, name);
  await page.setViewportSize(PHONE);
}

/** The token of a one-time link (`…/invite#token=…`). */
export const tokenOf = (link: string) => new URL(link).hash.replace("#token=", "");

/** The people of the police and sharing tests. */
export const ADMIN: Account = {
  email: "admin@shield.example",
  password: "runs the deployment 2026",
  displayName: "Alex Admin",
};
export const CANDIDATE: Account = {
  email: "candidate@example.org",
  password: "correct horse battery staple",
  displayName: "Amira Okafor",
};
export const SPOC: Account = {
  email: "spoc@westyorks.police.example",
  password: "queue of shared incidents",
  displayName: "PC Jane Smith",
};

/**
 * The people of a browser test: a page in a fresh context signed in as an account (or signed out),
 * every page's uncaught errors, API calls with a bearer token, and accepting an invitation link.
 */
export function testPeople(env: () => { shield: Shield; browser: Browser }) {
  const contexts: BrowserContext[] = [];
  const pageErrors = new Map<Page, string[]>();
  return {
    contexts,
    pageErrors,
    async as(account: Account | null): Promise<Page> {
      const { shield, browser } = env();
      const context = await newContext(browser, { acceptDownloads: true });
      contexts.push(context);
      if (account) await signIn(context, shield, account);
      const page = await context.newPage();
      pageErrors.set(page, watchPageErrors(page));
      return page;
    },
    noErrors: (page: Page) => assert.deepEqual(pageErrors.get(page), []),
    async api(token: string, method: string, path: string, body?: unknown) {
      const res = await http(env().shield.baseUrl, method, path, { token, body });
      assert.ok(res.status < 300, `${method} ${path}: ${res.status} ${JSON.stringify(res.body)}`);
      return res.body;
    },
    async accept(link: string, account: Account, extra: Record<string, unknown> = {}) {
      const res = await http(env().shield.baseUrl, "POST", "/api/invitations/accept", {
        body: {
          token: tokenOf(link),
          displayName: account.displayName,
          password: account.password,
          ...extra,
        },
      });
      assert.equal(res.status, 201, JSON.stringify(res.body));
    },
  };
}
