// Sharing with the police, and the police, analyst and administrator screens, in a real browser against
// a real `shield serve`, every account set up over HTTP:
//
//   the first account is an administrator, who invites two candidates (in West Yorkshire and Greater
//   Manchester), a SPOC in each force and a national analyst. The West Yorkshire candidate records a
//   red-flag incident: with no police force chosen the incident page says where to choose it; once the
//   force is set it is shared from the incident page, and the person behind other incidents is shared
//   from People and patterns (the Manchester candidate shared the same handle with their force). The
//   SPOC sees the red flag first in their queue, opens it, acknowledges it and records a crime reference
//   (refused at the field while empty); the candidate sees "Acknowledged" and the reference on the
//   incident page. Evidence packs download (PDF and ZIP) and a platform report is written and copied.
//   The SPOC records a briefing and sees the repeat actor with the other force's SPOC to contact; the
//   analyst sees the statistics and the repeat actor (no identifier); the administrator invites a SPOC
//   (a one-time link to copy) and suspends an account. Staff home pages link to their screens and the
//   navigation follows the role. Every new screen: axe (no serious or critical findings), no sideways
//   scrolling at 320 px, screenshots at phone and desktop sizes.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { existsSync } from "node:fs";
import { join } from "node:path";
import type { Browser } from "playwright-core";
import { http, ROOT } from "../../support/process.ts";
import {
  bearerToken,
  setUpAdmin,
  launchChromium,
  open,
  RED_FLAG_MESSAGE,
  recordThroughForm,
  savedIncidentId,
  startShield,
  type Account,
  type Shield,
  ADMIN,
  CANDIDATE,
  checkScreen,
  SPOC,
  testPeople,
} from "../../support/browser.ts";

const OTHER_CANDIDATE: Account = {
  email: "other@example.org",
  password: "another campaign entirely",
  displayName: "Ben Howarth",
};
const OTHER_SPOC: Account = {
  email: "spoc@gmp.police.example",
  password: "manchester single point",
  displayName: "DC Omar Reid",
};
const ANALYST: Account = {
  email: "analyst@npcc.example",
  password: "national oversight only",
  displayName: "Robin Analyst",
};

const WEST_YORKSHIRE = "west-yorkshire-police";
const MANCHESTER = "greater-manchester-police";
const HANDLE = "@riverside_truth";
const RED_FLAG_SUMMARY = "Threatening text about my home";
const CRIME_REFERENCE = "WY-13-2026-0456";

/** The analyst's statistics exist once src/server/routes/analyst.ts does (built alongside these screens). */
const ANALYST_STATS = existsSync(join(ROOT, "src", "server", "routes", "analyst.ts"));

describe("sharing with the police; police, analyst and administrator screens", { timeout: 600_000 }, () => {
  let shield: Shield;
  let browser: Browser;
  let adminToken: string;
  let campaignId: string;
  let otherCampaignId: string;
  let candidateToken: string;
  let redFlagId: string;
  let onlineIncidentId: string;
  let olderSharedId: string;
  const { as, noErrors, api, accept, contexts, pageErrors } = testPeople(() => ({ shield, browser }));

  before(
    async () => {
      [shield, browser] = await Promise.all([startShield(), launchChromium()]);
      adminToken = await setUpAdmin(shield, ADMIN);

      for (const [account, campaignName] of [
        [CANDIDATE, "Okafor for Riverside"],
        [OTHER_CANDIDATE, "Howarth for Millbrook"],
      ] as const) {
        const invited = await api(adminToken, "POST", "/api/admin/candidates", { email: account.email });
        await accept(invited.link, account, { campaignName });
      }
      for (const [account, role, forceId] of [
        [SPOC, "spoc", WEST_YORKSHIRE],
        [OTHER_SPOC, "spoc", MANCHESTER],
        [ANALYST, "analyst", WEST_YORKSHIRE],
      ] as const) {
        const invited = await api(adminToken, "POST", "/api/admin/staff", {
          email: account.email,
          role,
          forceId,
        });
        await accept(invited.link, account);
      }

      candidateToken = await bearerToken(shield, CANDIDATE);
      campaignId = (await api(candidateToken, "GET", "/api/auth/session")).campaigns[0].id;
      const otherToken = await bearerToken(shield, OTHER_CANDIDATE);
      otherCampaignId = (await api(otherToken, "GET", "/api/auth/session")).campaigns[0].id;

      // The same handle in both campaigns: the Manchester candidate shares theirs with their force.
      const day = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString();
      for (const [token, id, force] of [
        [candidateToken, campaignId, null],
        [otherToken, otherCampaignId, MANCHESTER],
      ] as const) {
        const actor = await api(token, "POST", `/api/campaigns/${id}/actors`, {
          label: HANDLE,
          identifiers: [{ kind: "handle", value: HANDLE, platform: "x" }],
        });
        const created: string[] = [];
        for (const n of [1, 2]) {
          const incident = await api(token, "POST", `/api/campaigns/${id}/incidents`, {
            summary: `Reply ${n} from ${HANDLE} calling me a traitor`,
            occurredAt: day(10 - n * 3),
            channel: "social-media",
            platform: "x",
            actorIds: [actor.id],
          });
          await api(token, "POST", `/api/incidents/${incident.id}/evidence`, {
            kind: "text",
            text: "Traitor. Everyone round here knows what you are.",
            source: "message-copy",
          });
          created.push(incident.id);
        }
        if (force) {
          await api(token, "PUT", `/api/campaigns/${id}/police-contact`, { forceId: force });
          await api(token, "POST", `/api/campaigns/${id}/shares`, { actorId: actor.id });
        } else onlineIncidentId = created[1]!;
      }
      // Enough incidents in Greater Manchester for national figures above "<5" (and a chart).
      for (let n = 0; n < 12; n++)
        await api(otherToken, "POST", `/api/campaigns/${otherCampaignId}/incidents`, {
          summary: `Abusive reply ${n + 1} on the campaign page`,
          occurredAt: day(2),
          channel: "social-media",
          platform: "facebook",
        });
    },
    { timeout: 240_000 },
  );

  after(async () => {
    for (const c of contexts) await c.close().catch(() => {});
    await browser?.close();
    await shield?.stop();
  });

  test("the candidate records a red flag; without a force the page says where to choose it", async () => {
    const page = await as(CANDIDATE);
    await open(page, shield, "/record");
    await recordThroughForm(page, { summary: RED_FLAG_SUMMARY, message: RED_FLAG_MESSAGE });
    redFlagId = await savedIncidentId(page);
    const police = page.getByRole("region", { name: "Police" });
    await police.getByText("Not shared with the police.").waitFor();
    await police.getByRole("link", { name: "Police contact" }).waitFor();
    assert.equal(await police.getByRole("button", { name: /^Share with/ }).count(), 0);
    noErrors(page);
  });

  test("with the force chosen, the candidate shares it from the incident page", async () => {
    await api(candidateToken, "PUT", `/api/campaigns/${campaignId}/police-contact`, {
      forceId: WEST_YORKSHIRE,
      name: "PC Jane Smith",
    });
    // An older, lower-level incident is shared too, after the red flag: the queue still puts the red flag first.
    const older = await api(candidateToken, "POST", `/api/campaigns/${campaignId}/incidents`, {
      summary: "Leaflets torn down outside the office",
      occurredAt: new Date(Date.now() - 3 * 3600_000).toISOString(),
      channel: "office",
    });
    olderSharedId = older.id;

    const page = await as(CANDIDATE);
    await open(page, shield, `/incidents/${redFlagId}`);
    const police = page.getByRole("region", { name: "Police" });
    await police.getByText("Not shared with the police.").waitFor();
    await police.getByRole("button", { name: "Share with West Yorkshire Police" }).click();
    const confirm = police.getByRole("group", { name: "Share this incident with West Yorkshire Police?" });
    await confirm.waitFor();
    assert.equal(
      await page.evaluate(() => (globalThis as any).document.activeElement?.getAttribute("role")),
      "group",
      "the question has the focus",
    );
    await confirm.getByRole("button", { name: "Yes, share it" }).click();
    await police
      .getByText(/^Shared with West Yorkshire Police\./)
      .first()
      .waitFor();
    await police.getByText(/Shared with West Yorkshire Police on/).waitFor();
    await police.getByText("Received", { exact: true }).waitFor();
    assert.equal(
      await page.evaluate(() => (globalThis as any).document.activeElement?.id),
      "police-heading",
      "focus returns to the section's heading",
    );
    await police.getByRole("button", { name: "Stop sharing updates" }).waitFor();
    await page.locator("#police").scrollIntoViewIfNeeded();
    await checkScreen(page, "incident-police-shared");

    await api(candidateToken, "POST", `/api/campaigns/${campaignId}/shares`, {
      incidentIds: [olderSharedId],
    });
    noErrors(page);
  });

  test("the candidate shares a person with all their incidents from People and patterns", async () => {
    const page = await as(CANDIDATE);
    await open(page, shield, "/people");
    const card = page.getByRole("article", { name: HANDLE });
    await card.getByRole("button", { name: /Share this person and all their incidents/ }).click();
    await card
      .getByRole("group", { name: `Share ${HANDLE} and all their incidents with West Yorkshire Police?` })
      .waitFor();
    await card.getByRole("button", { name: "Yes, share them" }).click();
    await card
      .getByText(`${HANDLE} and all their incidents are now shared with West Yorkshire Police.`)
      .waitFor();
    await card.getByText(/^Shared with West Yorkshire Police, with all their incidents, since/).waitFor();
    await checkScreen(page, "people-shared");
    noErrors(page);
  });

  test("Shared with police lists what was shared, with the police status", async () => {
    const page = await as(CANDIDATE);
    await open(page, shield, "/police");
    const main = page.getByRole("main");
    await main.getByRole("link", { name: RED_FLAG_SUMMARY }).waitFor();
    const person = main.getByRole("region", { name: "People, with all their incidents" });
    await person.getByRole("heading", { name: HANDLE, exact: true }).waitFor();
    // The person's incidents, each with where it has got to.
    await person.getByRole("link", { name: `Reply 1 from ${HANDLE} calling me a traitor` }).waitFor();
    await person.getByRole("link", { name: `Reply 2 from ${HANDLE} calling me a traitor` }).waitFor();
    await main.getByText("Received", { exact: true }).first().waitFor();
    const nav = page.getByRole("navigation", { name: "Main" });
    assert.equal(await nav.getByRole("link", { name: "Shared with police", includeHidden: true }).count(), 1);
    assert.equal(await nav.getByRole("link", { name: "Shared incidents", includeHidden: true }).count(), 0);
    // Stopping one share: said calmly, recorded, and the focus goes back to the list.
    await main
      .getByRole("button", { name: "Stop sharing updates of Leaflets torn down outside the office" })
      .click();
    const question = main.getByRole("group", { name: "Stop sharing with West Yorkshire Police?" });
    await question.getByText(/What was already shared stays with the police/).waitFor();
    await question.getByRole("button", { name: "Yes, stop sharing" }).click();
    await main
      .getByText(/^Sharing stopped\. West Yorkshire Police keeps what it was given until now/)
      .waitFor();
    await main.getByText(/Stopped on .*: the police keep what they had until then\./).waitFor();
    assert.equal(await question.count(), 0, "the question is gone once answered");
    assert.equal(
      await page.evaluate(() => (globalThis as any).document.activeElement?.id),
      "shared-heading",
      "focus returns to the list's heading",
    );
    await checkScreen(page, "shared-with-police");

    // An evidence pack for a period: the dates are asked for first, at their fields.
    const period = main.getByRole("region", { name: "Evidence pack for a period" });
    await period.getByRole("button", { name: /^Download the PDF/ }).click();
    await period.getByText("Enter the first day.").waitFor();
    assert.equal(await page.getByLabel(/^From/).getAttribute("aria-invalid"), "true");
    const dayOf = (msAgo: number) => new Date(Date.now() - msAgo).toISOString().slice(0, 10);
    await page.getByLabel(/^From/).fill(dayOf(30 * 86_400_000));
    await page.getByLabel(/^To/).fill(dayOf(-86_400_000));
    const [pack] = await Promise.all([
      page.waitForEvent("download", { timeout: 60_000 }),
      period.getByRole("button", { name: /^Download the PDF/ }).click(),
    ]);
    assert.match(pack.suggestedFilename(), /\.pdf$/);
    noErrors(page);
  });

  test("the SPOC's queue puts the red flag first; they acknowledge it and record a crime reference", async () => {
    const page = await as(SPOC);
    await open(page, shield, "/");
    const main = page.getByRole("main");
    // 999 stays first, then the SPOC's screens.
    await main.locator('a[href="tel:999"]').first().waitFor();
    await main.getByRole("link", { name: /^Shared incidents/ }).waitFor();
    const nav = page.getByRole("navigation", { name: "Main" });
    assert.equal(await nav.getByRole("link", { name: "Record an incident", includeHidden: true }).count(), 0);
    assert.equal(await nav.getByRole("link", { name: "Shared incidents", includeHidden: true }).count(), 1);
    await checkScreen(page, "home-spoc");
    // /police is the team's page: a SPOC is taken to their queue.
    await open(page, shield, "/police");
    await page.waitForURL(/\/police\/queue$/);

    await open(page, shield, "/police/queue");
    const items = main.locator(".queue-item");
    await items.first().waitFor();
    assert.ok((await items.count()) >= 3, `the queue: ${await items.allInnerTexts()}`);
    const first = await items.first().innerText();
    assert.match(first, new RegExp(RED_FLAG_SUMMARY), `first in the queue: ${first}`);
    assert.match(first, /Call 999/);
    assert.match(first, /Okafor for Riverside/);
    // Nothing from the other force's candidate.
    assert.equal(await main.getByText("Howarth for Millbrook").count(), 0);
    await checkScreen(page, "police-queue");

    await main.getByRole("link", { name: RED_FLAG_SUMMARY }).click();
    await page.waitForURL(/\/police\/incidents\//);
    await page.getByRole("heading", { level: 1, name: RED_FLAG_SUMMARY }).waitFor();
    await main.getByText(RED_FLAG_MESSAGE).first().waitFor();
    await main.getByText(/A file downloads exactly as the candidate’s team uploaded it/).waitFor();
    await main.locator(".hash").first().waitFor();

    // Acknowledge (the default choice).
    const form = main.locator("form", { has: page.getByRole("heading", { name: "Add an update" }) });
    await form.getByLabel(/Message to the candidate/).fill("Received. I will call you this afternoon.");
    await form.getByRole("button", { name: "Save the update" }).click();
    await main.getByText("Acknowledgement recorded. The candidate’s team can see it.").waitFor();
    await main.getByText(/^By PC Jane Smith \(West Yorkshire Police\)/).waitFor();

    // A crime reference is refused at its field while empty.
    await form.getByLabel(/^Crime reference/).check();
    await form.getByRole("button", { name: "Save the update" }).click();
    const reference = form.getByLabel("Crime reference number");
    await form.getByText("Enter the crime reference number.").waitFor();
    assert.equal(await reference.getAttribute("aria-invalid"), "true");
    assert.equal(
      await page.evaluate(() => (globalThis as any).document.activeElement?.id),
      "update-crime-reference",
      "the field with the problem has the focus",
    );
    await reference.fill(CRIME_REFERENCE);
    await form.getByRole("button", { name: "Save the update" }).click();
    await main.getByText("Crime reference recorded. The candidate’s team can see it.").waitFor();
    await main.locator(".incident-head").getByText(CRIME_REFERENCE).waitFor();
    await checkScreen(page, "police-incident");
    noErrors(page);
  });

  test("the candidate sees the acknowledgement and the crime reference", async () => {
    const page = await as(CANDIDATE);
    await open(page, shield, `/incidents/${redFlagId}`);
    const police = page.getByRole("region", { name: "Police" });
    await police.getByText("Acknowledged", { exact: true }).first().waitFor();
    await police.getByText(/^By PC Jane Smith \(West Yorkshire Police\)/).waitFor();
    await police.getByText(CRIME_REFERENCE).first().waitFor();
    await police.getByText("Received. I will call you this afternoon.").waitFor();
    await page.locator("#police").scrollIntoViewIfNeeded();
    await checkScreen(page, "incident-police-acknowledged");
    noErrors(page);
  });

  test("evidence packs download, and a platform report is written to copy", async () => {
    const page = await as(CANDIDATE);
    await open(page, shield, `/incidents/${redFlagId}`);
    const reports = page.getByRole("region", { name: "Evidence pack and reports" });
    for (const [button, extension] of [
      ["Download the PDF", ".pdf"],
      ["Download the ZIP bundle", ".zip"],
    ] as const) {
      const [download] = await Promise.all([
        page.waitForEvent("download", { timeout: 60_000 }),
        reports.getByRole("button", { name: new RegExp(`^${button}`) }).click(),
      ]);
      assert.ok(download.suggestedFilename().endsWith(extension), download.suggestedFilename());
      const path = await download.path();
      assert.ok(path, "the file was saved");
      await reports.getByText(/is ready and has been handed to your browser to save\./).waitFor();
    }

    await open(page, shield, `/incidents/${onlineIncidentId}`);
    const online = page.getByRole("region", { name: "Evidence pack and reports" });
    await online.getByRole("button", { name: "Write the report for X" }).click();
    const text = online.getByRole("region", { name: "Report it to X" });
    await text.waitFor();
    assert.match(await text.innerText(), /Traitor\. Everyone round here knows what you are\./);
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: shield.baseUrl });
    await online.getByRole("button", { name: "Copy the report text" }).click();
    await online.getByText("Copied.").waitFor();
    await page.locator("#reports").scrollIntoViewIfNeeded();
    await checkScreen(page, "incident-reports");
    noErrors(page);
  });

  test("the SPOC records a briefing and sees the repeat actor with the other force's SPOC", async () => {
    const page = await as(SPOC);
    await open(page, shield, "/police/briefings");
    const main = page.getByRole("main");
    await main.getByRole("heading", { name: "Okafor for Riverside" }).waitFor();
    await page.getByLabel("Candidate").selectOption({ label: "Okafor for Riverside" });
    await page.getByLabel("Notes").fill("Personal safety briefing offered by phone.");
    await main.getByRole("button", { name: "Record the briefing" }).click();
    await main.getByText("Briefing offered to Okafor for Riverside recorded.").waitFor();
    await main.getByText("Personal safety briefing offered by phone.").waitFor();
    await checkScreen(page, "police-briefings");

    await open(page, shield, "/police/repeat-actors");
    await main.getByRole("heading", { name: "A social media handle in 2 forces" }).waitFor();
    await main.getByText("Greater Manchester Police").first().waitFor();
    await main.getByRole("link", { name: OTHER_SPOC.email }).waitFor();
    assert.equal(await main.getByText(HANDLE).count(), 0, "no identifier is shown");
    await checkScreen(page, "police-repeat-actors");
    noErrors(page);
  });

  test("the analyst sees statistics and repeat actors, never an identifier", async (t) => {
    const page = await as(ANALYST);
    await open(page, shield, "/");
    const main = page.getByRole("main");
    await main.getByRole("link", { name: /^Statistics/ }).waitFor();
    await checkScreen(page, "home-analyst");

    await open(page, shield, "/analyst/repeat-actors");
    await main.getByRole("heading", { name: "A social media handle in 2 forces" }).waitFor();
    await main.getByText(/No identifier and no incident text is ever shown here/).waitFor();
    assert.equal(await main.getByText(HANDLE).count(), 0, "no identifier is shown");
    assert.equal(await main.getByText(/traitor/i).count(), 0, "no incident text is shown");
    await checkScreen(page, "analyst-repeat-actors");

    if (!ANALYST_STATS) {
      t.skip("the statistics API (src/server/routes/analyst.ts) is not there yet");
      return;
    }
    await open(page, shield, "/analyst");
    await main.getByRole("heading", { name: "How small numbers are protected" }).waitFor();
    await main.getByRole("heading", { name: "Incidents by police force" }).waitFor();
    const table = main.getByRole("table", { name: /^Incidents by police force/ });
    const manchester = table.getByRole("row", { name: /Greater Manchester Police/ });
    assert.match(await manchester.innerText(), /\b10\b/, "14 incidents show as 10");
    const westYorkshire = table.getByRole("row", { name: /West Yorkshire Police/ });
    assert.match(await westYorkshire.innerText(), /<5/, "a small count shows as <5");
    await main.locator("canvas").first().waitFor();
    await checkScreen(page, "analyst-statistics");

    // Two breakdowns at once, and the CSV of them.
    await page.getByLabel("And by").selectOption({ label: "How it happened" });
    await main.getByRole("button", { name: "Show the figures" }).click();
    await main.getByRole("heading", { name: "Incidents by police force and how it happened" }).waitFor();
    assert.equal(
      await page.evaluate(() => (globalThis as any).document.activeElement?.id),
      "results-heading",
      "the results have the focus",
    );
    await main.getByRole("table", { name: /^Incidents by police force and how it happened/ }).waitFor();
    const [csv] = await Promise.all([
      page.waitForEvent("download"),
      main.getByRole("button", { name: "Download these figures (CSV)" }).click(),
    ]);
    assert.match(csv.suggestedFilename(), /\.csv$/);
    await checkScreen(page, "analyst-statistics-two");

    // A range of 10 weeks is refused at the field.
    const weeks = await page
      .getByLabel("To the week")
      .locator("option")
      .evaluateAll((options) => options.map((o: any) => o.value as string));
    await page.getByLabel("From the week").selectOption(weeks[9]!);
    await page.getByLabel("To the week").selectOption(weeks[0]!);
    await main.getByRole("button", { name: "Show the figures" }).click();
    await main.getByText(/A range of 10 weeks is not offered/).waitFor();
    assert.equal(await page.getByLabel("From the week").getAttribute("aria-invalid"), "true");
    noErrors(page);
  });

  test("the administrator invites a SPOC and suspends an account", async () => {
    const page = await as(ADMIN);
    await open(page, shield, "/");
    const main = page.getByRole("main");
    await main.getByRole("link", { name: /^Accounts/ }).waitFor();
    await checkScreen(page, "home-admin");

    await open(page, shield, "/admin");
    await main.getByText(/never see incident content/).waitFor();
    await main.locator(".account-row", { hasText: OTHER_SPOC.displayName }).waitFor();
    await checkScreen(page, "admin");

    await page.getByLabel("Their email address").first().fill("new.spoc@westyorks.police.example");
    await page.getByLabel("Police single point of contact").check();
    // Without a force it is refused at the field.
    await main.getByRole("button", { name: "Create an invitation link" }).first().click();
    await main.getByText("Choose the police force they work for.").first().waitFor();
    await page.getByLabel("Their police force").selectOption(WEST_YORKSHIRE);
    await main.getByRole("button", { name: "Create an invitation link" }).first().click();
    await main
      .getByRole("heading", { name: "Invitation link for new.spoc@westyorks.police.example" })
      .waitFor();
    const link = await page.getByLabel("One-time link").inputValue();
    assert.match(link, /\/invite#token=/);
    await page.context().grantPermissions(["clipboard-read", "clipboard-write"], { origin: shield.baseUrl });
    await main.getByRole("button", { name: "Copy", exact: true }).click();
    await main.getByText("Copied.").waitFor();
    await checkScreen(page, "admin-invited");

    const row = main.locator(".account-row", { hasText: OTHER_SPOC.displayName });
    await row.getByRole("button", { name: `Suspend ${OTHER_SPOC.displayName}` }).click();
    await row.getByRole("group", { name: `Suspend ${OTHER_SPOC.displayName}?` }).waitFor();
    await row.getByRole("button", { name: "Yes, suspend" }).click();
    await main
      .getByText(`${OTHER_SPOC.displayName}’s account is suspended and signed out everywhere.`)
      .waitFor();
    const staff = await api(adminToken, "GET", "/api/admin/staff");
    const suspended = (staff.staff as { email: string; suspended: boolean }[]).find(
      (s) => s.email === OTHER_SPOC.email,
    );
    assert.equal(suspended?.suspended, true);
    const refused = await http(shield.baseUrl, "POST", "/api/auth/login", {
      body: { email: OTHER_SPOC.email, password: OTHER_SPOC.password },
    });
    assert.notEqual(refused.status, 200, "a suspended account cannot sign in");
    noErrors(page);
  });

  test("no uncaught errors in any page", () => {
    assert.deepEqual([...pageErrors.values()].flat(), []);
  });
});
