// The 30-second path with the keyboard alone (Tab, Shift+Tab, Space, Enter, typing; no mouse):
// from Home to "Record an incident", the line and the message, where it happened, one quick question,
// save, and the verdict.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import type { Locator, Page } from "playwright-core";
import {
  mainLink,
  open,
  RED_FLAG_MESSAGE,
  signedInPage,
  startedForSuite,
  verdictCallLinks,
} from "../../support/browser.ts";

/** What has the keyboard focus, in words, for failure messages. */
function describeFocus(page: Page): Promise<string> {
  return page.evaluate(() => {
    const el = (globalThis as any).document.activeElement;
    if (!el) return "nothing";
    const name = el.getAttribute("aria-label") ?? el.labels?.[0]?.textContent ?? el.textContent ?? "";
    return `<${el.tagName.toLowerCase()}${el.id ? ` id="${el.id}"` : ""}> "${name.trim().slice(0, 60)}"`;
  });
}

const isFocused = (target: Locator) =>
  target.evaluate((el) => el === (globalThis as any).document.activeElement).catch(() => false);

/** Presses Tab (or Shift+Tab) until `target` has the focus; fails after `max` presses. */
async function tabTo(page: Page, target: Locator, { back = false, max = 80 } = {}): Promise<void> {
  const visited: string[] = [];
  for (let i = 0; i <= max; i++) {
    if (await isFocused(target)) return;
    await page.keyboard.press(back ? "Shift+Tab" : "Tab");
    if (visited.length < 100) visited.push(await describeFocus(page));
  }
  assert.fail(
    `${back ? "Shift+Tab" : "Tab"} never reached ${target}; focus went through:\n  ${visited.join("\n  ")}`,
  );
}

describe("keyboard only", () => {
  const suite = startedForSuite({ candidate: true });

  test("record an incident and reach the verdict without a mouse", { timeout: 180_000 }, async () => {
    const { context, page, errors } = await signedInPage(suite.browser, suite.shield);
    await open(page, suite.shield, "/");

    // Home → "Record an incident".
    const record = mainLink(page, /record an incident/i);
    await tabTo(page, record);
    await page.keyboard.press("Enter");
    await page.getByRole("heading", { level: 1, name: "Record an incident" }).waitFor();

    // The line and the message, then back to the line to add to it (Shift+Tab).
    const summary = page.getByLabel(/What happened, in one line/);
    const message = page.getByLabel(/Paste the message, or write what was said/);
    await tabTo(page, summary);
    await page.keyboard.type("Threat by text");
    await tabTo(page, message);
    await page.keyboard.type(RED_FLAG_MESSAGE);
    await tabTo(page, summary, { back: true });
    await page.keyboard.press("End");
    await page.keyboard.type(" message tonight");
    assert.equal(await summary.inputValue(), "Threat by text message tonight");
    assert.equal(await message.inputValue(), RED_FLAG_MESSAGE);

    // Where: a closed select takes typed letters (and arrow keys) without opening.
    const where = page.getByLabel(/Where or how did it happen\?/);
    await tabTo(page, where);
    await page.keyboard.type("Text m");
    for (let i = 0; i < 20 && (await where.inputValue()) !== "text-message"; i++)
      await page.keyboard.press("ArrowDown");
    assert.equal(await where.inputValue(), "text-message");

    // One quick question: Tab into the weapon question's radios, Space to answer "Yes".
    const weapon = page.getByRole("group", { name: /weapon/i }).getByRole("radio", { name: "Yes" });
    await tabTo(page, weapon);
    await page.keyboard.press("Space");
    assert.ok(await weapon.isChecked(), "Space did not choose Yes");

    // Save with Enter, and the verdict.
    const save = page.getByRole("button", { name: "Save and see what to do" });
    await tabTo(page, save);
    await page.keyboard.press("Enter");
    await page.waitForURL(/\/incidents\/[0-9a-f-]{36}/);
    assert.ok((await verdictCallLinks(page, /call 999 now/i)) > 0, "no tap-to-call 999 in the verdict");
    assert.deepEqual(errors, [], "uncaught errors in the page");
    await context.close();
  });
});
