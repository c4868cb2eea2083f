// Canvassing safely in a real browser, against a real `shield serve` with a real SMTP server (in this
// process) and the server's clock moved forward through SHIELD_TEST_CLOCK_FILE:
//
//   the candidate plans a session alone (the warning is shown) with a named contact who has an email
//   address and a place marked on the map (no background map: there is no tile server here), and checks
//   in; the next check-in is missed (the clock jumps past the deadline and the grace before the first
//   alert); the session page says the contacts were alerted, and what the mail server answered; the
//   contact opens the link in the email in another browser (not signed in) and says they are dealing
//   with it; the candidate's page shows who acknowledged. Then "I'm in danger" shows 999 full screen and
//   alerts everyone, and the session is checked in and ended. Every screen: axe (no serious or critical
//   findings), no sideways scrolling at 320 px, screenshots at phone and desktop sizes.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";
import { mkdirSync, mkdtempSync, renameSync, rmSync, writeFileSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import type { Browser, BrowserContext, Page } from "playwright-core";
import { ALONE_WARNING } from "../../../src/core/canvass/plan.ts";
import { startMailServer, type MailServer, type ReceivedMail } from "../../support/mail-server.ts";
import { http } from "../../support/process.ts";
import {
  assertNoHorizontalScroll,
  bearerToken,
  checkAccessibility,
  DESKTOP,
  launchChromium,
  newContext,
  open,
  OWNER,
  PHONE,
  SCREENSHOTS,
  setUpCandidate,
  signedInPage,
  startShield,
  waitForPage,
  watchPageErrors,
  type Shield,
} from "../../support/browser.ts";

const CONTACT = { name: "Tom Hollis", email: "tom.hollis@example.org" };
const AREA = "Riverside ward: Mill Lane, Church Street and the Orchard estate";
const PLACE = "Mill Lane corner";
/** The page reads the session every 10 seconds; the server's poller runs every second. */
const PAGE_POLL_WAIT_MS = 30_000;

async function checkScreen(page: Page, name: string): Promise<void> {
  await page.setViewportSize(PHONE);
  await checkAccessibility(page, `${name} (phone)`);
  await page.setViewportSize(DESKTOP);
  await checkAccessibility(page, `${name} (desktop)`);
  await assertNoHorizontalScroll(page, name);
  await screenShots(page, name, { fullPage: true });
  await page.setViewportSize(PHONE);
}

/**
 * Screenshots at phone and desktop sizes: of what is on the screen (a full-screen layer), or of the whole
 * page. Each waits for the page to have drawn itself at the new size (a map keeps its centre then).
 */
async function screenShots(page: Page, name: string, { fullPage = false } = {}): Promise<void> {
  mkdirSync(SCREENSHOTS, { recursive: true });
  for (const [size, viewport] of [
    ["phone", PHONE],
    ["desktop", DESKTOP],
  ] as const) {
    await page.setViewportSize(viewport);
    await page.evaluate(
      () =>
        new Promise<void>((resolve) =>
          (globalThis as any).requestAnimationFrame(() =>
            (globalThis as any).requestAnimationFrame(() => resolve()),
          ),
        ),
    );
    await page.screenshot({
      path: join(SCREENSHOTS, `${name}-${size}.png`),
      fullPage,
      animations: "disabled",
      caret: "hide",
    });
  }
  await page.setViewportSize(PHONE);
}

const ackLinkIn = (mail: ReceivedMail) =>
  /https?:\/\/\S+\/canvass\/acknowledge#token=[A-Za-z0-9._-]+/.exec(mail.text)?.[0];

describe("canvassing safely", { timeout: 300_000 }, () => {
  let mail: MailServer;
  let dir: string;
  let clockFile: string;
  let shield: Shield;
  let browser: Browser;
  let token: string;
  let context: BrowserContext;
  let page: Page;
  let errors: string[];
  let sessionId: string;

  /** Sets the server's clock to `serverMs` (it adds the file's offset to the real time). */
  const setServerClock = (serverMs: number) => {
    const temp = `${clockFile}.${randomBytes(4).toString("hex")}`;
    writeFileSync(temp, String(Math.round(serverMs - Date.now())));
    renameSync(temp, clockFile); // whole, so the server never reads half a number
  };

  before(
    async () => {
      mail = await startMailServer();
      dir = mkdtempSync(join(tmpdir(), "shield-canvass-browser-"));
      clockFile = join(dir, "clock");
      writeFileSync(clockFile, "0");
      [shield, browser] = await Promise.all([
        startShield({
          env: {
            SMTP_URL: mail.url,
            MAIL_FROM: "Shield <shield@shield.test>",
            SHIELD_TEST_CLOCK_FILE: clockFile,
          },
        }),
        launchChromium(),
      ]);
      await setUpCandidate(shield);
      token = await bearerToken(shield, OWNER);
      ({ context, page, errors } = await signedInPage(browser, shield));
    },
    { timeout: 180_000 },
  );
  after(async () => {
    await context?.close();
    await browser?.close();
    await shield?.stop();
    await mail?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const main = () => page.getByRole("main");

  test("plan a session alone, with a named contact", async () => {
    await open(page, shield, "/canvass");
    await page.getByRole("heading", { level: 1, name: "Canvass safely" }).waitFor();
    // The candidate is the whole team: going out alone, warned, and asked who will know.
    await main().getByText(ALONE_WARNING).waitFor();
    await main().getByRole("group", { name: "Who will know where you are?" }).waitFor();
    // The guidance and its source stay on the page.
    await main()
      .getByText(/as a minimum tell someone where you are canvassing/)
      .waitFor();

    await page.getByLabel("Where will you be?").fill(AREA);
    await page.getByRole("button", { name: "Add a person to tell" }).click();
    const focused = await page.evaluate(() => (globalThis as any).document.activeElement?.id as string);
    assert.match(focused, /^contact-\d+-name$/, "the new row's name box has the focus");
    await page.getByLabel("Their name").fill(CONTACT.name);

    // A contact without an address is refused, next to the field.
    await page.getByRole("button", { name: "Start canvassing" }).click();
    const email = page.getByLabel("Their email address");
    await main()
      .getByText(/Tom Hollis needs an email address or a phone number/)
      .first()
      .waitFor();
    assert.equal(await email.getAttribute("aria-invalid"), "true");

    await email.fill(CONTACT.email);
    await checkScreen(page, "canvass-plan");

    // Places on a map, folded away until asked for. No tile server: a plain map, and it says why.
    await main().locator("summary", { hasText: "Mark places on a map" }).click();
    await main()
      .getByText(/^No background map: this Shield does not send your location to a map service\./)
      .waitFor();
    const map = page.locator("#plan-map.leaflet-container");
    await map.waitFor();
    await map.click({ position: { x: 90, y: 90 } });
    await page.getByLabel("Label for place 1").fill(PLACE);
    await map.click({ position: { x: 220, y: 170 } });
    await page.getByRole("button", { name: "Remove place 2" }).click();
    await main().getByText("Place 2 removed.").waitFor();
    assert.equal(await page.getByLabel(/^Label for place/).count(), 1, "one place left");
    assert.equal(await page.locator(".leaflet-tile").count(), 0, "no map tiles fetched");
    await checkScreen(page, "canvass-plan-map");
    await page.getByRole("button", { name: "Start canvassing" }).click();

    await page.waitForURL(/\/canvass\/[0-9a-f-]{36}$/);
    sessionId = /\/canvass\/([0-9a-f-]{36})$/.exec(page.url())![1]!;
    await waitForPage(page);
    const created = await http(shield.baseUrl, "GET", `/api/canvass-sessions/${sessionId}`, { token });
    assert.equal(created.status, 200, JSON.stringify(created.body));
    const points = created.body.plan.points as { lat: number; lng: number; label?: string }[];
    assert.equal(points.length, 1, JSON.stringify(points));
    assert.equal(points[0]!.label, PLACE);
    assert.ok(Number.isFinite(points[0]!.lat) && Number.isFinite(points[0]!.lng), JSON.stringify(points));
    await main().getByText(`1. ${PLACE}`, { exact: true }).waitFor();
    await main().getByText("Out canvassing").first().waitFor();
    await main()
      .getByText(/^Next check-in due at \d\d:\d\d/)
      .waitFor();
    await main().getByRole("timer").waitFor();
  });

  test("check in", async () => {
    await page.getByRole("button", { name: /I.m OK — check in/ }).click();
    await main()
      .getByText(/^Checked in at \d\d:\d\d\. Next check-in due at/)
      .waitFor();
    await main().getByText(`${OWNER.displayName} checked in`, { exact: true }).waitFor(); // in the history
    await checkScreen(page, "canvass-session-active");

    // The planning page lists it as out now, and leads back to it.
    await open(page, shield, "/canvass");
    await main().getByRole("heading", { name: "Out now" }).waitFor();
    await main()
      .getByRole("link", { name: /Amira Okafor \(you\)/ })
      .click();
    await page.waitForURL(new RegExp(`/canvass/${sessionId}$`));
    await waitForPage(page);
  });

  test("a reminder shortly before the check-in is due", async () => {
    const view = await http(shield.baseUrl, "GET", `/api/canvass-sessions/${sessionId}`, { token });
    // Two minutes before the deadline (the reminder comes up to five minutes before).
    setServerClock(Date.parse(view.body.deadline.at) - 2 * 60_000);
    await main()
      .getByText(/Check in soon: your check-in is due at \d\d:\d\d\.$/)
      .waitFor({ timeout: PAGE_POLL_WAIT_MS });
  });

  let ackLink: string;

  test("a missed check-in alerts the contact, and the page says so", async () => {
    const view = await http(shield.baseUrl, "GET", `/api/canvass-sessions/${sessionId}`, { token });
    assert.equal(view.status, 200, JSON.stringify(view.body));
    assert.equal(view.body.deadline.reason, "missed-check-in");
    // Past the deadline and the five minutes' grace before the first alert.
    setServerClock(Date.parse(view.body.deadline.at) + (view.body.plan.graceMinutes * 60 + 20) * 1000);

    const alert = await mail.waitFor((m) => m.envelopeTo.includes(CONTACT.email), 20_000);
    assert.match(alert.subject, /missed a canvassing check-in/);
    ackLink = ackLinkIn(alert)!;
    assert.ok(ackLink, `an acknowledge link in the email:\n${alert.text}`);
    assert.ok(ackLink.startsWith(shield.baseUrl), ackLink);

    await main()
      .getByText("Your contacts have been alerted (stage 1)")
      .waitFor({ timeout: PAGE_POLL_WAIT_MS });
    await main()
      .getByRole("heading", { name: /Stage 1 alert at/ })
      .waitFor();
    await main()
      .getByText(new RegExp(`Email to ${CONTACT.name} \\(${CONTACT.email}\\)`))
      .first()
      .waitFor();
    // Each attempt at sending it, in words.
    const delivery = main()
      .locator("li.delivery", { hasText: `Email to ${CONTACT.name}` })
      .first();
    const attempts = delivery.locator("summary", { hasText: "Attempts (1)" });
    await attempts.waitFor({ timeout: PAGE_POLL_WAIT_MS });
    await attempts.click();
    await delivery.getByText(/\bSucceeded: accepted by the mail server$/).waitFor();
    await checkScreen(page, "canvass-session-escalated");

    // The home page puts a session that needs checking on first.
    const home = await page.context().newPage();
    try {
      await home.goto(`${shield.baseUrl}/`);
      await home.getByRole("heading", { name: "Someone out canvassing needs checking on" }).waitFor();
      await home.getByRole("main").getByText(AREA).waitFor();
    } finally {
      await home.close();
    }
  });

  test("the contact acknowledges through the link, without signing in", async () => {
    const contactContext = await newContext(browser);
    try {
      const contactPage = await contactContext.newPage();
      const contactErrors = watchPageErrors(contactPage);
      await contactPage.goto(ackLink);
      await waitForPage(contactPage);
      const body = contactPage.getByRole("main");
      await contactPage.getByRole("heading", { level: 1, name: "Canvassing alert" }).waitFor();
      await body
        .getByText(`${OWNER.displayName} has not checked in while canvassing.`, { exact: false })
        .waitFor();
      await body.getByText(AREA).waitFor();
      await body.getByText("If you believe they are in immediate danger, call 999.").waitFor();
      assert.ok((await body.locator('a[href="tel:999"]').count()) >= 1, "999 to tap on the page");
      assert.equal(
        await contactPage.getByRole("navigation", { name: "Main" }).count(),
        0,
        "no app navigation",
      );
      await checkScreen(contactPage, "canvass-acknowledge");

      await contactPage.getByRole("button", { name: /I.m dealing with this/ }).click();
      await body
        .getByText("Thank you — they have been told you are dealing with it.", { exact: false })
        .waitFor();
      assert.equal(await contactPage.getByRole("button", { name: /I.m dealing with this/ }).count(), 0);
      await checkScreen(contactPage, "canvass-acknowledge-done");
      assert.deepEqual(contactErrors, []);
    } finally {
      await contactContext.close();
    }
  });

  test("the candidate sees who is dealing with it", async () => {
    await main()
      .getByText(
        new RegExp(`${CONTACT.name} acknowledged the alert at \\d\\d:\\d\\d and is dealing with it\\.$`),
      )
      .first()
      .waitFor({ timeout: PAGE_POLL_WAIT_MS });
    await main().getByText("Alert acknowledged").first().waitFor();
    await checkScreen(page, "canvass-session-acknowledged");
  });

  test("I'm in danger: 999 first, then everyone is alerted", async () => {
    const before = mail.received.length;
    await page.getByRole("button", { name: /I.m in danger/ }).click();
    const dialog = page.getByRole("dialog", { name: "Call 999 now" });
    await dialog.waitFor();
    const focused = await page.evaluate(
      () => (globalThis as any).document.activeElement?.getAttribute("href") as string | null,
    );
    assert.equal(focused, "tel:999", "999 has the focus");
    await dialog.getByText("Everyone on your list has been alerted").waitFor();
    await mail.waitFor((m) => mail.received.indexOf(m) >= before && /in danger/.test(m.subject), 20_000);
    await page.setViewportSize(PHONE);
    await checkAccessibility(page, "canvass-danger (phone)");
    await screenShots(page, "canvass-danger");
    await dialog.getByRole("button", { name: "Back to my session" }).click();
    await dialog.waitFor({ state: "detached" });
    await main()
      .getByText(/Your contacts have been alerted \(stage \d\)/)
      .waitFor();
  });

  test("check in, extend, feel unsafe, and end the session", async () => {
    await page.getByRole("button", { name: /I.m OK — check in/ }).click();
    await main()
      .getByText(/Your contacts can see you are OK/)
      .waitFor();

    await page.getByRole("button", { name: "Extend" }).click();
    await page.getByLabel("When will you finish now?").waitFor(); // filled in: an hour later
    await page.getByRole("button", { name: "Extend the session" }).click();
    await main()
      .getByText(/^Extended: the session now ends at \d\d:\d\d/)
      .waitFor();

    await page.getByRole("button", { name: /I feel unsafe/ }).click();
    await page.getByLabel(/What is happening\?/).fill("A man followed me from Mill Lane");
    await page.getByRole("button", { name: "Yes, alert them now" }).click();
    await main().getByText("Your contacts have been alerted that you feel unsafe.").waitFor();
    const incident = main().getByRole("link", { name: "See the incident", exact: true });
    assert.match((await incident.getAttribute("href")) ?? "", /^\/incidents\/[0-9a-f-]{36}$/);
    await page.getByRole("button", { name: "Done" }).click();

    await page.getByRole("button", { name: /I.m OK — check in/ }).click();
    await main()
      .getByText(/Your contacts can see you are OK/)
      .waitFor();
    await page.getByRole("button", { name: "End session" }).click();
    await page.getByRole("button", { name: "Yes, end it" }).click();
    await main()
      .getByText(/^This session ended at \d\d:\d\d\.$/)
      .waitFor();
    await main().getByText("Ended").first().waitFor();
    await open(page, shield, "/canvass");
    assert.equal(await main().getByRole("heading", { name: "Out now" }).count(), 0, "no open session listed");
  });

  test("a log-only volunteer, who cannot see the team, plans for themselves", async () => {
    const volunteer = {
      email: "volunteer@example.org",
      password: "leaflets in the rain 2026",
      displayName: "Sam Reid",
    };
    const campaigns = await http(shield.baseUrl, "GET", "/api/auth/session", { token });
    const campaignId = campaigns.body.campaigns[0].id as string;
    const invitation = await http(shield.baseUrl, "POST", `/api/campaigns/${campaignId}/invitations`, {
      token,
      body: { email: volunteer.email, permission: "log-only" },
    });
    assert.equal(invitation.status, 201, JSON.stringify(invitation.body));
    const joined = await http(shield.baseUrl, "POST", "/api/invitations/accept", {
      body: {
        token: new URL(invitation.body.link).hash.replace("#token=", ""),
        displayName: volunteer.displayName,
        password: volunteer.password,
      },
    });
    assert.equal(joined.status, 201, JSON.stringify(joined.body));

    const {
      context: theirs,
      page: their,
      errors: theirErrors,
    } = await signedInPage(browser, shield, volunteer);
    try {
      await open(their, shield, "/canvass");
      const body = their.getByRole("main");
      await body.getByText(/Only the candidate and full team members can see the whole team/).waitFor();
      await body.getByRole("checkbox", { name: "Sam Reid (you)" }).waitFor();
      await body.getByText(/If you add nobody, Shield tells the candidate/).waitFor();
      await checkScreen(their, "canvass-plan-log-only");
      await their.getByLabel("Where will you be?").fill("Riverside ward: the Orchard estate");
      await their.getByRole("button", { name: "Start canvassing" }).click();
      await their.waitForURL(/\/canvass\/[0-9a-f-]{36}$/);
      await waitForPage(their);
      // Nobody named: the candidate (the only lead) is told.
      await body.getByText(OWNER.displayName, { exact: true }).waitFor();
      await their.getByRole("button", { name: "End session" }).click();
      await their.getByRole("button", { name: "Yes, end it" }).click();
      await body.getByText(/^This session ended at \d\d:\d\d\.$/).waitFor();
      assert.deepEqual(theirErrors, []);
    } finally {
      await theirs.close();
    }
  });

  test("no uncaught errors in the pages", () => assert.deepEqual(errors, []));
});
