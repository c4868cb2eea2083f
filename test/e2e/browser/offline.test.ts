// Offline in a real browser: an incident recorded with no connection is kept on the device with an
// on-device verdict, then sent once when the connection comes back, with its evidence once, however
// often the sending is triggered again, and even when the server's answer is lost on the way back.
import { before, describe, test } from "node:test";
import assert from "node:assert/strict";
import type { Page } from "playwright-core";
import { http } from "../../support/process.ts";
import {
  bearerToken,
  eventually,
  mainLink,
  open,
  OWNER,
  RED_FLAG_MESSAGE,
  recordThroughForm,
  screenshots,
  signedInPage,
  startedForSuite,
  waitForPage,
  verdictCallLinks,
} from "../../support/browser.ts";

describe("recording offline", () => {
  const suite = startedForSuite({ candidate: true });
  let token: string;
  before(async () => {
    token = await bearerToken(suite.shield, OWNER);
  });

  /** The campaign's incidents with this summary, each with its evidence, as the server has them. */
  async function onServer(summary: string) {
    const path = `/api/campaigns/${suite.campaignId}/incidents?limit=200`;
    const list = await http(suite.shield.baseUrl, "GET", path, { token });
    assert.equal(list.status, 200, JSON.stringify(list.body));
    const matching = (list.body.incidents as { id: string; summary: string }[]).filter(
      (i) => i.summary === summary,
    );
    return Promise.all(
      matching.map(async (i) => {
        const full = await http(suite.shield.baseUrl, "GET", `/api/incidents/${i.id}`, { token });
        assert.equal(full.status, 200, JSON.stringify(full.body));
        return { id: i.id, evidence: full.body.evidence as { kind: string; text: string | null }[] };
      }),
    );
  }

  /** Exactly one incident with this summary, with the message as its one piece of evidence. */
  async function assertSentOnce(summary: string, message: string) {
    const incidents = await onServer(summary);
    assert.equal(incidents.length, 1, `incidents with this summary on the server: ${incidents.length}`);
    const copies = incidents[0]!.evidence.filter((e) => e.kind === "text" && e.text === message);
    assert.equal(copies.length, 1, `copies of the message as evidence: ${copies.length}`);
  }

  /** A signed-in page whose service worker controls it, so the app's files are there offline. */
  async function controlledPage() {
    const { context, page, errors } = await signedInPage(suite.browser, suite.shield);
    await open(page, suite.shield, "/");
    await mainLink(page, /record an incident/i).waitFor();
    await page.waitForFunction(() => !!(globalThis as any).navigator.serviceWorker?.controller, undefined, {
      timeout: 60_000,
    });
    return { context, page, errors };
  }

  /** Fires the browser's "back online" signal again, as a flaky connection does. */
  const onlineAgain = (page: Page) =>
    page.evaluate(() => {
      (globalThis as any).window.dispatchEvent(new Event("online"));
    });

  test(
    "kept on the device with an on-device verdict, then sent exactly once when back online",
    { timeout: 180_000 },
    async () => {
      const { context, page, errors } = await controlledPage();
      const summary = "Threat texted to my phone while I had no signal";

      await context.setOffline(true);
      await mainLink(page, /record an incident/i).click();
      await recordThroughForm(page, { summary, message: RED_FLAG_MESSAGE, channel: "Text message" });

      await page.getByRole("heading", { level: 1, name: "Saved on this device" }).waitFor();
      const main = page.getByRole("main");
      await main
        .getByText(/sent .*when you are back online/i)
        .first()
        .waitFor();
      assert.ok(
        (await verdictCallLinks(page, /call 999/i)) > 0,
        "the on-device verdict says call 999 but has no tap-to-call link to 999",
      );
      assert.deepEqual(await onServer(summary), [], "nothing reaches the server while offline");
      await screenshots(page, "record-saved-offline");

      await context.setOffline(false);
      await eventually(() => assertSentOnce(summary, RED_FLAG_MESSAGE), { timeoutMs: 30_000 });

      // Sending triggered again, then the app opened afresh: still one incident, one copy of the message.
      await onlineAgain(page);
      await page.reload();
      await waitForPage(page);
      await page.waitForLoadState("networkidle");
      await onlineAgain(page);
      await page.waitForLoadState("networkidle");
      assert.equal(await page.getByText(/waiting to be sent/i).count(), 0, "the device still has it queued");
      await assertSentOnce(summary, RED_FLAG_MESSAGE);
      assert.deepEqual(errors, [], "uncaught errors in the page");
      await context.close();
    },
  );

  test(
    "an answer lost on the way back: the record is sent again with the same key and kept once",
    { timeout: 180_000 },
    async () => {
      const { context, page, errors } = await controlledPage();
      const summary = "Abusive email received on the train";
      const message = "People like you should be made to disappear. Watch yourself.";

      // The server takes the incident and then its evidence, but the first answer to each never arrives.
      const lost = { incident: 0, evidence: 0 };
      await page.route(/\/api\/campaigns\/[^/]+\/incidents$/, async (route) => {
        if (route.request().method() !== "POST" || lost.incident > 0) return route.fallback();
        lost.incident++;
        await route.fetch();
        await route.abort("connectionreset");
      });
      await page.route(/\/api\/incidents\/[^/]+\/evidence$/, async (route) => {
        if (lost.evidence > 0) return route.fallback();
        lost.evidence++;
        await route.fetch();
        await route.abort("connectionreset");
      });

      await mainLink(page, /record an incident/i).click();
      await recordThroughForm(page, { summary, message, channel: "Email" });
      // The app cannot tell a lost answer from no connection: it keeps the record on the device.
      await page.getByRole("heading", { level: 1, name: "Saved on this device" }).waitFor();
      assert.equal(lost.incident, 1);
      assert.equal((await onServer(summary)).length, 1, "the server did take the incident");

      // Each retry is what a returning connection triggers; the first evidence answer is lost too.
      await eventually(
        async () => {
          await onlineAgain(page);
          await assertSentOnce(summary, message);
        },
        { timeoutMs: 30_000, intervalMs: 1000 },
      );
      assert.equal(lost.evidence, 1, "the evidence was sent (and its answer lost) once before it stuck");
      await onlineAgain(page);
      await page.reload();
      await waitForPage(page);
      await page.waitForLoadState("networkidle");
      await assertSentOnce(summary, message);
      assert.deepEqual(errors, [], "uncaught errors in the page");
      await context.close();
    },
  );
});
