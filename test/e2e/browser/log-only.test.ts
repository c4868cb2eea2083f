// A "log only" team member in a real browser: joins through the candidate's invitation link, records
// an incident, sees only their own in the list, and cannot open the candidate's incident by its address.
import { describe, test } from "node:test";
import assert from "node:assert/strict";
import { http } from "../../support/process.ts";
import {
  bearerToken,
  mainLink,
  newContext,
  open,
  OWNER,
  recordThroughForm,
  savedIncidentId,
  screenshots,
  signedInPage,
  startedForSuite,
  watchPageErrors,
} from "../../support/browser.ts";

const VOLUNTEER = {
  email: "volunteer@example.org",
  password: "leaflets in the rain 2026",
  displayName: "Sam Patel",
};

describe("a log-only team member", () => {
  const suite = startedForSuite({ candidate: true });

  test("joins by invitation and sees only their own incidents", { timeout: 180_000 }, async () => {
    const { shield, browser, campaignId } = suite;
    const token = await bearerToken(shield, OWNER);
    const invitation = await http(shield.baseUrl, "POST", `/api/campaigns/${campaignId}/invitations`, {
      token,
      body: { email: VOLUNTEER.email, permission: "log-only" },
    });
    assert.equal(invitation.status, 201, JSON.stringify(invitation.body));
    const link = invitation.body.link as string;
    assert.match(link, /\/invite#token=/);

    // The candidate records an incident in their own browser.
    const { context: ownerContext, page: owner, errors: ownerErrors } = await signedInPage(browser, shield);
    await open(owner, shield, "/record");
    const ownerSummary = "Letter to the office naming my children's school";
    await recordThroughForm(owner, {
      summary: ownerSummary,
      message: "We know which school your kids go to. Pull out of the election.",
      channel: "Letter or leaflet",
    });
    const ownerIncident = await savedIncidentId(owner);

    // The volunteer accepts the invitation in another browser (their own cookies and storage).
    const memberContext = await newContext(browser);
    const member = await memberContext.newPage();
    const memberErrors = watchPageErrors(member);
    await member.goto(link);
    await member.getByRole("heading", { level: 1, name: /invitation/i }).waitFor();
    await member.getByLabel(/^your name/i).fill(VOLUNTEER.displayName);
    await member.getByLabel(/^(choose a |new )?password/i).fill(VOLUNTEER.password);
    await member.getByRole("button", { name: /join|accept|create/i }).click();
    await mainLink(member, /record an incident/i).click();
    const memberSummary = "Shouted at while delivering leaflets on Mill Lane";
    await recordThroughForm(member, {
      summary: memberSummary,
      message: "Get off my street or you'll regret it",
      channel: "In the street or out canvassing",
    });
    await savedIncidentId(member);

    // Their list has their own incident and not the candidate's.
    await open(member, shield, "/incidents");
    const main = member.getByRole("main");
    await main.getByText(memberSummary).first().waitFor();
    assert.equal(await main.getByText(ownerSummary).count(), 0, "the candidate's incident is listed");
    await screenshots(member, "incidents-log-only");

    // The candidate's incident, opened by its address: a plain "not found", none of its content.
    await open(member, shield, `/incidents/${ownerIncident}`);
    await main
      .getByText(/not found|could not find|not allowed|don't have access|do not have access/i)
      .first()
      .waitFor();
    assert.equal(await main.getByText(ownerSummary).count(), 0, "the candidate's incident is shown");
    assert.equal(
      await member.getByText(/which school your kids go to/).count(),
      0,
      "the candidate's evidence is shown",
    );

    // The candidate still sees both.
    await open(owner, shield, "/incidents");
    await owner.getByRole("main").getByText(ownerSummary).first().waitFor();
    await owner.getByRole("main").getByText(memberSummary).first().waitFor();

    assert.deepEqual([...ownerErrors, ...memberErrors], [], "uncaught errors in the pages");
    await ownerContext.close();
    await memberContext.close();
  });
});
