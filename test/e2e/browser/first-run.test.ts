// First run in a real browser: 999 before anything else, the set-up link, the candidate's account and
// campaign, then the 30-second path with a red-flag message and the verdict telling them to call 999.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import {
  CAMPAIGN_NAME,
  mainLink,
  newContext,
  OWNER,
  RED_FLAG_MESSAGE,
  recordThroughForm,
  savedIncidentId,
  screenshots,
  startedForSuite,
  watchPageErrors,
  verdictCallLinks,
} from "../../support/browser.ts";

describe("first run in the browser", () => {
  const suite = startedForSuite();

  test("999 first; set up the candidate and campaign; record a red flag; the verdict says call 999", async () => {
    const context = await newContext(suite.browser);
    const page = await context.newPage();
    const errors = watchPageErrors(page);

    // Signed out: the first thing on the screen is a tap-to-call link to 999.
    await page.goto(`${suite.shield.baseUrl}/`);
    await mainLink(page, /sign in/i).waitFor();
    const first = await page.evaluate(() => {
      const { document, innerWidth, innerHeight, getComputedStyle } = globalThis as any;
      for (const el of document.querySelectorAll("a[href], button, input, select, textarea, [tabindex]")) {
        const r = el.getBoundingClientRect();
        const onScreen = r.width > 1 && r.height > 1 && r.bottom > 0 && r.right > 0;
        if (
          onScreen &&
          r.top < innerHeight &&
          r.left < innerWidth &&
          getComputedStyle(el).visibility !== "hidden"
        )
          return { href: el.getAttribute("href"), text: el.textContent.trim(), top: Math.round(r.top) };
      }
      return null;
    });
    assert.ok(first, "nothing to tap on the first page");
    assert.equal(first.href, "tel:999", `the first thing on the page is ${JSON.stringify(first)}`);
    assert.match(first.text, /999/);

    // The set-up link printed by the server.
    await page.goto(suite.shield.setupLink);
    await page.getByRole("heading", { level: 1, name: /set up/i }).waitFor();
    const candidate = page.getByRole("radio", { name: /candidate/i });
    if ((await candidate.count()) > 0) await candidate.check();
    await page.getByLabel(/^your name/i).fill(OWNER.displayName);
    await page.getByLabel(/^email( address)?/i).fill(OWNER.email);
    await page.getByLabel(/^(choose a |new )?password/i).fill(OWNER.password);
    await page.getByLabel(/^campaign name/i).fill(CAMPAIGN_NAME);
    await page.getByRole("button", { name: /create|set up|continue/i }).click();

    // Signed in, on Home.
    const record = mainLink(page, /record an incident/i);
    await record.waitFor();
    assert.equal(new URL(page.url()).pathname, "/");
    await page.getByText(CAMPAIGN_NAME).first().waitFor();

    await record.click();
    await recordThroughForm(page, {
      summary: "Threatening text message about my home",
      message: RED_FLAG_MESSAGE,
      channel: "Text message",
    });
    await savedIncidentId(page);
    assert.ok(
      (await verdictCallLinks(page, /call 999/i)) > 0,
      "the verdict says call 999 but has no tap-to-call link to 999",
    );
    await screenshots(page, "first-run-verdict");
    assert.deepEqual(errors, [], "uncaught errors in the page");
    await context.close();
  });
});
