// Sharing a person with the police, what the police did, security briefings, evidence files for the
// police and withdrawing invitations, in a real browser against a real `shield serve`, every account set
// up over HTTP:
//
//   the first account is an administrator, who invites a candidate and a West Yorkshire SPOC. The
//   candidate has recorded a man in a red van and a social media account, linked as the same person,
//   each behind one incident (one with a photo). The candidate shares the person from People and
//   patterns in one step: Shared with police shows one person card with both labels and both incidents,
//   "Received", and no briefing yet. The SPOC downloads the photo from the shared incident (the same
//   bytes, the same SHA-256), acknowledges it and records a crime reference, and records a briefing; the
//   candidate's page then shows "Acknowledged", the reference and the briefing with its notes. The
//   administrator and the candidate each see their invitations not yet used (a new one appears once
//   made), withdraw one, and its link then says it has expired or was used. Axe, no sideways scrolling at
//   320 px and screenshots on each changed screen.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { createHash } from "node:crypto";
import { readFile } from "node:fs/promises";
import type { Browser } from "playwright-core";
import { multipartBody, tinyPng } from "../../support/multipart.ts";
import {
  bearerToken,
  setUpAdmin,
  launchChromium,
  open,
  startShield,
  type Shield,
  ADMIN,
  CANDIDATE,
  checkScreen,
  SPOC,
  testPeople,
} from "../../support/browser.ts";

const WEST_YORKSHIRE = "west-yorkshire-police";
const VAN = "Man in red van";
const HANDLE = "@redvan99";
const VAN_INCIDENT = "Red van parked outside my house again";
const HANDLE_INCIDENT = "Photo of my street posted by @redvan99";
const CRIME_REFERENCE = "WY-13-2026-0789";
const BRIEFING_NOTES = "Home security survey booked for Friday; panic alarm discussed.";
const PHOTO = tinyPng(3, 24);

const sha256 = (bytes: Uint8Array) => createHash("sha256").update(bytes).digest("hex");

describe(
  "sharing a person, police work, briefings, evidence files and invitations",
  { timeout: 600_000 },
  () => {
    let shield: Shield;
    let browser: Browser;
    let adminToken: string;
    let candidateToken: string;
    let campaignId: string;
    let vanIncidentId: string;
    const { as, noErrors, api, accept, contexts, pageErrors } = testPeople(() => ({ shield, browser }));

    /** Opening an invitation link, not signed in: it must say it no longer works. */
    async function assertLinkStopped(link: string) {
      const page = await as(null);
      await page.goto(link);
      const main = page.getByRole("main");
      await main.getByText("This link has expired or has already been used. Ask for a new one.").waitFor();
      await main.getByText(/stop working if the person who made them withdraws them/).waitFor();
      assert.equal(await main.getByRole("button", { name: /Create account|Join the team/ }).count(), 0);
      noErrors(page);
    }

    before(
      async () => {
        [shield, browser] = await Promise.all([startShield(), launchChromium()]);
        adminToken = await setUpAdmin(shield, ADMIN);
        const invited = await api(adminToken, "POST", "/api/admin/candidates", { email: CANDIDATE.email });
        await accept(invited.link, CANDIDATE, { campaignName: "Okafor for Riverside" });
        const spoc = await api(adminToken, "POST", "/api/admin/staff", {
          email: SPOC.email,
          role: "spoc",
          forceId: WEST_YORKSHIRE,
        });
        await accept(spoc.link, SPOC);

        candidateToken = await bearerToken(shield, CANDIDATE);
        campaignId = (await api(candidateToken, "GET", "/api/auth/session")).campaigns[0].id;
        await api(candidateToken, "PUT", `/api/campaigns/${campaignId}/police-contact`, {
          forceId: WEST_YORKSHIRE,
        });

        // Two records of one person, linked by the team: a handle, and the man in the red van.
        const handle = await api(candidateToken, "POST", `/api/campaigns/${campaignId}/actors`, {
          label: HANDLE,
          identifiers: [{ kind: "handle", value: HANDLE, platform: "x" }],
        });
        const van = await api(candidateToken, "POST", `/api/campaigns/${campaignId}/actors`, {
          label: VAN,
          identifiers: [{ kind: "vehicle", value: "Red Transit van, AB12 CDE" }],
        });
        await api(candidateToken, "POST", `/api/campaigns/${campaignId}/actor-links`, {
          actorIds: [van.id, handle.id],
          decision: "same",
        });
        const day = (n: number) => new Date(Date.now() - n * 86_400_000).toISOString();
        const vanIncident = await api(candidateToken, "POST", `/api/campaigns/${campaignId}/incidents`, {
          summary: VAN_INCIDENT,
          occurredAt: day(2),
          channel: "home",
          actorIds: [van.id],
        });
        vanIncidentId = vanIncident.id;
        await api(candidateToken, "POST", `/api/campaigns/${campaignId}/incidents`, {
          summary: HANDLE_INCIDENT,
          occurredAt: day(1),
          channel: "social-media",
          platform: "x",
          actorIds: [handle.id],
        });
        const upload = multipartBody(
          { source: "photo" },
          { filename: "red-van.png", contentType: "image/png", bytes: PHOTO },
        );
        const uploaded = await fetch(`${shield.baseUrl}/api/incidents/${vanIncidentId}/evidence/file`, {
          method: "POST",
          headers: { authorization: `Bearer ${candidateToken}`, "content-type": upload.contentType },
          body: upload.body,
        });
        assert.equal(uploaded.status, 201, await uploaded.text());
      },
      { timeout: 240_000 },
    );

    after(async () => {
      for (const c of contexts) await c.close().catch(() => {});
      await browser?.close();
      await shield?.stop();
    });

    test("the candidate shares a person with two linked records in one step", async () => {
      const page = await as(CANDIDATE);
      await open(page, shield, "/people");
      const card = page.getByRole("article", { name: new RegExp(VAN) });
      await card.getByRole("button", { name: /Share this person and all their incidents/ }).click();
      await card
        .getByRole("group", { name: /and all their incidents with West Yorkshire Police\?$/ })
        .waitFor();
      await card.getByRole("button", { name: "Yes, share them" }).click();
      await card.getByText(/and all their incidents are now shared with West Yorkshire Police\.$/).waitFor();
      await card.getByText(/^Shared with West Yorkshire Police, with all their incidents, since/).waitFor();
      assert.equal(
        await card.getByRole("button", { name: /Share this person/ }).count(),
        0,
        "once shared, the person is not offered for sharing again",
      );

      // One share for the person, covering both records.
      const { shares } = await api(candidateToken, "GET", `/api/campaigns/${campaignId}/shares`);
      assert.equal(shares.length, 1, JSON.stringify(shares));
      assert.equal(shares[0].actorIds.length, 2, JSON.stringify(shares[0]));
      noErrors(page);
    });

    test("Shared with police shows one card for the person, with both labels and their incidents", async () => {
      const page = await as(CANDIDATE);
      await open(page, shield, "/police");
      const main = page.getByRole("main");
      const people = main.getByRole("region", { name: "People, with all their incidents" });
      const cards = people.locator(".share-card");
      await cards.first().waitFor();
      assert.equal(await cards.count(), 1, "one card for the person");
      const card = cards.first();
      await card.getByRole("heading", { name: `${VAN} (also ${HANDLE})` }).waitFor();
      await card.getByRole("link", { name: VAN_INCIDENT }).waitFor();
      await card.getByRole("link", { name: HANDLE_INCIDENT }).waitFor();
      assert.equal(await card.getByText("Received", { exact: true }).count(), 2, "each incident: received");
      await card
        .getByRole("button", { name: `Stop sharing updates of ${VAN} (also ${HANDLE}) and their incidents` })
        .waitFor();

      const briefings = main.getByRole("region", { name: "Security briefings from your force" });
      await briefings
        .getByText(
          /^No security briefing recorded yet\. Your force’s single point of contact can offer one: ask them\./,
        )
        .waitFor();
      await briefings.getByRole("link", { name: "Police contact" }).waitFor();
      await checkScreen(page, "shared-with-police-person");
      noErrors(page);
    });

    test("the SPOC downloads the photo, acknowledges the incident and records a crime reference", async () => {
      const page = await as(SPOC);
      await open(page, shield, `/police/incidents/${vanIncidentId}`);
      const main = page.getByRole("main");
      await page.getByRole("heading", { level: 1, name: VAN_INCIDENT }).waitFor();
      // The person the candidate shared: the record this incident names, with its identifier.
      const who = main.getByRole("region", { name: "The person behind it" });
      await who.getByRole("heading", { level: 3, name: VAN }).waitFor();
      await who.getByText("Red Transit van, AB12 CDE").waitFor();
      assert.equal(await who.getByText(HANDLE).count(), 0, "only the record this incident names");
      await main.getByRole("navigation").getByRole("link", { name: "Who" }).waitFor();
      await page.locator("#people").scrollIntoViewIfNeeded();
      await checkScreen(page, "police-incident-person");
      const evidence = main.getByRole("region", { name: "Evidence" });
      const link = evidence.getByRole("link", { name: "Download red-van.png" });
      await link.waitFor();
      assert.equal(await main.getByText(/Files cannot be downloaded here yet/).count(), 0);
      await evidence.getByText(sha256(PHOTO)).waitFor();

      const [download] = await Promise.all([
        page.waitForEvent("download", { timeout: 60_000 }),
        link.click(),
      ]);
      assert.equal(download.suggestedFilename(), "red-van.png");
      const path = await download.path();
      assert.ok(path, "the file was saved");
      const bytes = await readFile(path);
      assert.deepEqual(new Uint8Array(bytes), PHOTO, "the same bytes as uploaded");
      // The same address answers with the file's fingerprint.
      const href = await link.getAttribute("href");
      const response = await page.context().request.get(`${shield.baseUrl}${href}`);
      assert.equal(response.status(), 200);
      assert.equal(response.headers()["x-content-sha256"], sha256(PHOTO));

      // The signed pack of what was shared, made from the same page.
      const [pack] = await Promise.all([
        page.waitForEvent("download", { timeout: 120_000 }),
        evidence.getByRole("button", { name: /ZIP/ }).click(),
      ]);
      assert.match(pack.suggestedFilename(), /^shield-evidence-pack-\d{8}-[0-9a-f]{8}\.zip$/);
      const zip = await readFile((await pack.path())!);
      assert.equal(zip.subarray(0, 2).toString("latin1"), "PK", "a ZIP file");

      const form = main.locator("form", { has: page.getByRole("heading", { name: "Add an update" }) });
      await form
        .getByLabel(/Message to the candidate/)
        .fill("Received. Patrols will pass your road tonight.");
      await form.getByRole("button", { name: "Save the update" }).click();
      await main.getByText("Acknowledgement recorded. The candidate’s team can see it.").waitFor();
      await form.getByLabel(/^Crime reference/).check();
      await form.getByLabel("Crime reference number").fill(CRIME_REFERENCE);
      await form.getByRole("button", { name: "Save the update" }).click();
      await main.getByText("Crime reference recorded. The candidate’s team can see it.").waitFor();
      await page.locator("#evidence").scrollIntoViewIfNeeded();
      await checkScreen(page, "police-incident-evidence");
      noErrors(page);
    });

    test("the SPOC records a briefing; its notes are said to be seen by the candidate's team", async () => {
      const page = await as(SPOC);
      await open(page, shield, "/police/briefings");
      const main = page.getByRole("main");
      await main.getByRole("heading", { name: "Okafor for Riverside" }).waitFor();
      await main.getByText(/The candidate and their campaign team see these notes/).waitFor();
      await page.getByLabel("Candidate").selectOption({ label: "Okafor for Riverside" });
      await page.getByLabel("Delivered").check();
      await page.getByLabel(/^Notes/).fill(BRIEFING_NOTES);
      await main.getByRole("button", { name: "Record the briefing" }).click();
      await main.getByText("Briefing delivered to Okafor for Riverside recorded.").waitFor();
      noErrors(page);
    });

    test("the candidate sees the acknowledgement, the crime reference and the briefing", async () => {
      const page = await as(CANDIDATE);
      await open(page, shield, "/police");
      const main = page.getByRole("main");
      const card = main
        .getByRole("region", { name: "People, with all their incidents" })
        .locator(".share-card");
      const van = card.locator("li", { has: page.getByRole("link", { name: VAN_INCIDENT }) });
      await van.getByText("Acknowledged", { exact: true }).waitFor();
      await van.getByText(CRIME_REFERENCE).waitFor();
      const other = card.locator("li", { has: page.getByRole("link", { name: HANDLE_INCIDENT }) });
      await other.getByText("Received", { exact: true }).waitFor();

      const briefings = main.getByRole("region", { name: "Security briefings from your force" });
      await briefings.getByText("Delivered", { exact: true }).waitFor();
      await briefings.getByText(BRIEFING_NOTES).waitFor();
      await briefings.getByText(/by PC Jane Smith \(West Yorkshire Police\)/).waitFor();
      assert.equal(await briefings.getByText(/No security briefing recorded yet/).count(), 0);
      await checkScreen(page, "shared-with-police-briefing");
      noErrors(page);
    });

    test("the administrator sees invitations not yet used and withdraws one; its link stops working", async () => {
      const made = await api(adminToken, "POST", "/api/admin/staff", {
        email: "analyst@npcc.example",
        role: "analyst",
        forceId: WEST_YORKSHIRE,
      });
      const page = await as(ADMIN);
      await open(page, shield, "/admin");
      const main = page.getByRole("main");
      const pending = main.getByRole("region", { name: "Invitations not yet used" });
      const row = pending.locator(".invitation-row", { hasText: "analyst@npcc.example" });
      await row.getByText("National analyst").waitFor();
      await row.getByText(/^Invited by Alex Admin on .*\. The link stops working on /).waitFor();
      assert.equal(
        await pending.locator(".invitation-row", { hasText: SPOC.email }).count(),
        0,
        "used invitations are not listed",
      );

      // A new invitation appears in the list once made.
      await page.getByLabel("Their email address").nth(1).fill("new.candidate@example.org");
      await main.getByRole("button", { name: "Create an invitation link" }).nth(1).click();
      await main.getByRole("heading", { name: "Invitation link for new.candidate@example.org" }).waitFor();
      const fresh = pending.locator(".invitation-row", { hasText: "new.candidate@example.org" });
      await fresh.getByText("Candidate", { exact: true }).waitFor();

      await row.getByRole("button", { name: "Withdraw the invitation for analyst@npcc.example" }).click();
      const question = row.getByRole("group", { name: "Withdraw the invitation for analyst@npcc.example?" });
      await question.getByText(/The link stops working straight away/).waitFor();
      await checkScreen(page, "admin-invitations");
      await question.getByRole("button", { name: "Yes, withdraw it" }).click();
      await pending
        .getByText(/^The invitation for analyst@npcc\.example is withdrawn: its link no longer works\./)
        .waitFor();
      await row.waitFor({ state: "detached" });
      assert.equal(
        await page.evaluate(() => (globalThis as any).document.activeElement?.id),
        "pending-heading",
        "focus goes to the list's heading",
      );
      noErrors(page);
      await assertLinkStopped(made.link);
    });

    test("the candidate withdraws a team invitation on Team; its link stops working", async () => {
      const page = await as(CANDIDATE);
      await open(page, shield, "/team");
      const main = page.getByRole("main");
      const pending = main.getByRole("region", { name: "Invitations not yet used" });
      await pending.getByText("No invitation is waiting to be used.").waitFor();

      await page.getByLabel("Their email address").fill("volunteer@example.org");
      await main.getByRole("button", { name: "Create an invitation link" }).click();
      await main.getByRole("heading", { name: "Invitation link for volunteer@example.org" }).waitFor();
      const link = await page.getByLabel("One-time link").inputValue();
      const row = pending.locator(".invitation-row", { hasText: "volunteer@example.org" });
      await row.getByText("Log only", { exact: true }).waitFor();
      await row.getByText(/^Invited by Amira Okafor on /).waitFor();
      await checkScreen(page, "team-invitations");

      await row.getByRole("button", { name: "Withdraw the invitation for volunteer@example.org" }).click();
      await row.getByRole("button", { name: "Yes, withdraw it" }).click();
      await pending
        .getByText(/^The invitation for volunteer@example\.org is withdrawn: its link no longer works\./)
        .waitFor();
      await row.waitFor({ state: "detached" });
      await pending.getByText("No invitation is waiting to be used.").waitFor();
      const { invitations } = await api(candidateToken, "GET", `/api/campaigns/${campaignId}/invitations`);
      assert.deepEqual(invitations, []);
      noErrors(page);
      await assertLinkStopped(link);
    });

    test("a record linked to the shared person later is shared only when the candidate says so", async () => {
      const vanId = (await api(candidateToken, "GET", `/api/campaigns/${campaignId}/shares`)).shares[0]
        .actorIds[0];
      const phone = await api(candidateToken, "POST", `/api/campaigns/${campaignId}/actors`, {
        label: "Withheld-number caller",
        identifiers: [{ kind: "phone", value: "07700 900456" }],
      });
      await api(candidateToken, "POST", `/api/campaigns/${campaignId}/actor-links`, {
        actorIds: [vanId, phone.id],
        decision: "same",
      });
      const page = await as(CANDIDATE);
      await open(page, shield, "/people");
      const card = page.getByRole("article", { name: new RegExp(VAN) });
      await card
        .getByText(/1 record linked as them since then is not shared: the police do not see its incidents\./)
        .waitFor();
      await card.getByRole("button", { name: /Share the newly linked record too/ }).click();
      await card
        .getByRole("group", {
          name: /^Share the 1 record linked as .* since, with their incidents, with West Yorkshire Police\?$/,
        })
        .waitFor();
      await card.getByRole("button", { name: "Yes, share them" }).click();
      await card.getByText(/are now shared with West Yorkshire Police too\.$/).waitFor();
      // Once the shares reload, the record is shared and no longer offered.
      await card.getByRole("button", { name: /Share the newly linked/ }).waitFor({ state: "detached" });
      assert.equal(await card.getByText(/since then is not shared/).count(), 0);
      await checkScreen(page, "people-person-shared-later-link");
      const { shares } = await api(candidateToken, "GET", `/api/campaigns/${campaignId}/shares`);
      assert.equal(shares.length, 1, "still one share for the person");
      assert.equal(shares[0].actorIds.length, 3, JSON.stringify(shares[0]));
      noErrors(page);
    });

    test("no uncaught errors in any page", () => {
      assert.deepEqual([...pageErrors.values()].flat(), []);
    });
  },
);
