// Unused invitations through HTTP with a real database: the candidate and the administrator see the
// invitations they made that nobody has used yet, and withdrawing one stops its link at once.
import { after, before, describe, test } from "node:test";
import assert from "node:assert/strict";
import { inviteStaff } from "../../src/server/commands/accounts.ts";
import {
  acceptInvitationLink,
  call,
  setUpCandidate,
  startHarness,
  type Harness,
  type Session,
} from "../support/harness.ts";

const tokenOf = (link: string) => new URL(link).hash.replace("#token=", "");

describe("unused invitations", () => {
  let h: Harness;
  let candidate: Session;
  let campaignId: string;
  let admin: Session;

  before(async () => {
    h = await startHarness();
    ({ session: candidate, campaignId } = await setUpCandidate(h));
    const invitation = await inviteStaff(h.runtime.deps, null, { email: "admin@example.org", role: "admin" });
    admin = await acceptInvitationLink(h, invitation.link, "admin@example.org");
  });
  after(() => h?.close());

  test("the candidate lists and withdraws a team invitation; its link stops working", async () => {
    const made = await candidate.request("POST", `/api/campaigns/${campaignId}/invitations`, {
      email: "Agent@Example.org",
      permission: "full",
    });
    assert.equal(made.status, 201);
    const used = await candidate.request("POST", `/api/campaigns/${campaignId}/invitations`, {
      email: "volunteer@example.org",
      permission: "log-only",
    });
    const volunteer = await acceptInvitationLink(h, used.body.link, "volunteer@example.org");

    const list = await candidate.request("GET", `/api/campaigns/${campaignId}/invitations`);
    assert.equal(list.status, 200);
    assert.deepEqual(
      list.body.invitations.map((i: any) => [i.email, i.permission]),
      [["agent@example.org", "full"]],
      "only the unused one",
    );
    assert.equal(list.body.invitations[0].invitedBy, "Sam Candidate");
    assert.ok(new Date(list.body.invitations[0].expiresAt) > new Date(list.body.invitations[0].createdAt));
    assert.equal((await volunteer.request("GET", `/api/campaigns/${campaignId}/invitations`)).status, 403);

    const revoked = await candidate.request(
      "POST",
      `/api/campaigns/${campaignId}/invitations/${made.body.id}/revoke`,
    );
    assert.equal(revoked.status, 200);
    assert.equal(revoked.body.revoked, true);
    const again = await candidate.request(
      "POST",
      `/api/campaigns/${campaignId}/invitations/${made.body.id}/revoke`,
    );
    assert.equal(again.status, 200, "withdrawing twice changes nothing");
    assert.equal(again.body.revokedAt, revoked.body.revokedAt);

    const describe = await call(h.app, "POST", "/api/invitations/describe", {
      token: tokenOf(made.body.link),
    });
    assert.equal(describe.status, 410);
    const accept = await call(h.app, "POST", "/api/invitations/accept", {
      token: tokenOf(made.body.link),
      displayName: "Agent",
      password: "correct horse battery staple",
    });
    assert.equal(accept.status, 410);
    assert.match(accept.body.error.message, /expired or has already been used/);
    assert.deepEqual(
      (await candidate.request("GET", `/api/campaigns/${campaignId}/invitations`)).body.invitations,
      [],
    );
    // An invitation already used cannot be withdrawn; one of another kind is not found here.
    assert.equal(
      (await candidate.request("POST", `/api/campaigns/${campaignId}/invitations/${used.body.id}/revoke`))
        .status,
      404,
    );
  });

  test("the administrator lists and withdraws staff invitations, and sees no team invitation", async () => {
    const spoc = await admin.request("POST", "/api/admin/staff", {
      email: "spoc@westyorkshire.example.org",
      role: "spoc",
      forceId: "west-yorkshire-police",
    });
    assert.equal(spoc.status, 201);
    const team = await candidate.request("POST", `/api/campaigns/${campaignId}/invitations`, {
      email: "canvasser@example.org",
      permission: "log-only",
    });
    const list = await admin.request("GET", "/api/admin/invitations");
    assert.equal(list.status, 200);
    const emails = list.body.invitations.map((i: any) => i.email);
    assert.ok(emails.includes("spoc@westyorkshire.example.org"));
    assert.ok(!emails.includes("canvasser@example.org"), "team invitations are the candidate's business");
    const entry = list.body.invitations.find((i: any) => i.email === "spoc@westyorkshire.example.org");
    assert.equal(entry.role, "spoc");
    assert.equal(entry.forceName, "West Yorkshire Police");

    const analyst = await admin.request("POST", "/api/admin/staff", {
      email: "analyst@npcc.example.org",
      role: "analyst",
    });
    assert.equal(analyst.status, 201, "a national analyst needs no force");
    const noForce = await admin.request("POST", "/api/admin/staff", { email: "x@example.org", role: "spoc" });
    assert.equal(noForce.status, 400);
    assert.match(noForce.body.error.message, /SPOC account must be attached to a police force/);
    assert.equal((await admin.request("POST", `/api/admin/invitations/${team.body.id}/revoke`)).status, 404);
    assert.equal(
      (await candidate.request("POST", `/api/admin/invitations/${spoc.body.id}/revoke`)).status,
      403,
    );
    const revoked = await admin.request("POST", `/api/admin/invitations/${spoc.body.id}/revoke`);
    assert.equal(revoked.status, 200);
    const accept = await call(h.app, "POST", "/api/invitations/accept", {
      token: tokenOf(spoc.body.link),
      displayName: "PC Shah",
      password: "correct horse battery staple",
    });
    assert.equal(accept.status, 410);
    assert.equal(
      (await candidate.request("POST", `/api/campaigns/${campaignId}/invitations/${team.body.id}/revoke`))
        .status,
      200,
    );
  });
});
