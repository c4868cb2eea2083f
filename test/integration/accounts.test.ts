import { test } from "node:test";
import assert from "node:assert/strict";
import * as OTPAuth from "otpauth";
import { call, login, PASSWORD, sampleIncident, setUpCandidate, startHarness } from "../support/harness.ts";
import { createSetupLinkIfEmpty } from "../../src/server/commands/accounts.ts";

const tokenOf = (link: string) => new URL(link).hash.replace("#token=", "");

test("first start: the one-time set-up link creates the first account once, and only once", async (t) => {
  const h = await startHarness();
  t.after(() => h.close());
  assert.deepEqual((await call(h.app, "GET", "/api/setup")).body, { needed: true });
  const link = await createSetupLinkIfEmpty(h.runtime.deps);
  assert.match(link!, /^http:\/\/localhost:8080\/setup#token=[\w-]{40,}$/);

  const bad = await call(h.app, "POST", "/api/setup", {
    token: "x".repeat(43),
    role: "candidate",
    email: "a@example.org",
    displayName: "A",
    password: PASSWORD,
    campaignName: "A",
  });
  assert.equal(bad.status, 410);

  const noCampaign = await call(h.app, "POST", "/api/setup", {
    token: tokenOf(link!),
    role: "candidate",
    email: "a@example.org",
    displayName: "A",
    password: PASSWORD,
  });
  assert.equal(noCampaign.status, 400);
  assert.equal(noCampaign.body.error.field, "campaignName");

  const shortPassword = await call(h.app, "POST", "/api/setup", {
    token: tokenOf(link!),
    role: "admin",
    email: "a@example.org",
    displayName: "A",
    password: "short",
  });
  assert.equal(shortPassword.status, 400);
  assert.equal(shortPassword.body.error.field, "password");

  const ok = await call(h.app, "POST", "/api/setup", {
    token: tokenOf(link!),
    role: "admin",
    email: "Admin@Example.org",
    displayName: "Ada Admin",
    password: PASSWORD,
  });
  assert.equal(ok.status, 201);
  assert.equal(ok.body.user.role, "admin");
  assert.equal(ok.body.user.email, "admin@example.org");
  const cookie = String(ok.headers["set-cookie"]);
  assert.match(cookie, /shield_session=/);
  assert.match(cookie, /HttpOnly/);
  assert.match(cookie, /SameSite=Strict/);

  const again = await call(h.app, "POST", "/api/setup", {
    token: tokenOf(link!),
    role: "admin",
    email: "b@example.org",
    displayName: "B",
    password: PASSWORD,
  });
  assert.equal(again.status, 410, "a used set-up link stops working");
  assert.equal(await createSetupLinkIfEmpty(h.runtime.deps), undefined, "no new link once an account exists");
  assert.deepEqual((await call(h.app, "GET", "/api/setup")).body, { needed: false });
});

test("sign-in: wrong passwords are refused, then rate limited; sessions can be listed and revoked", async (t) => {
  const h = await startHarness();
  t.after(() => h.close());
  const { session } = await setUpCandidate(h, "sam@example.org");

  const wrong = await call(h.app, "POST", "/api/auth/login", {
    email: "sam@example.org",
    password: "wrong password!",
  });
  assert.equal(wrong.status, 401);
  const unknown = await call(h.app, "POST", "/api/auth/login", {
    email: "nobody@example.org",
    password: "wrong password!",
  });
  assert.equal(unknown.status, 401);
  assert.equal(unknown.body.error.message, wrong.body.error.message, "no hint whether the account exists");

  for (let i = 0; i < 9; i++)
    await call(h.app, "POST", "/api/auth/login", { email: "sam@example.org", password: "wrong password!" });
  const limited = await call(h.app, "POST", "/api/auth/login", {
    email: "sam@example.org",
    password: PASSWORD,
  });
  assert.equal(limited.status, 429, "even the right password waits after 10 failures");
  assert.ok(Number(limited.headers["retry-after"]) > 0);
  h.clock.advance(16 * 60_000);
  const second = await login(h.app, "sam@example.org", PASSWORD);

  const sessions = await second.request("GET", "/api/account/sessions");
  assert.equal(sessions.body.sessions.length, 3, "set-up page, first and second sign-in");
  assert.equal(sessions.body.sessions.filter((s: { current: boolean }) => s.current).length, 1);

  for (const other of sessions.body.sessions.filter((s: { current: boolean }) => !s.current)) {
    assert.equal((await second.request("DELETE", `/api/account/sessions/${other.id}`)).status, 200);
  }
  assert.equal(
    (await session.request("GET", "/api/auth/session")).status,
    401,
    "the revoked device is signed out",
  );

  const third = await login(h.app, "sam@example.org", PASSWORD);
  const everywhere = await third.request("POST", "/api/auth/logout-everywhere");
  assert.equal(everywhere.body.signedOut, 2);
  assert.equal((await second.request("GET", "/api/auth/session")).status, 401);
  assert.equal((await third.request("GET", "/api/auth/session")).status, 401);
});

test("cookie sessions need the CSRF token for writes; bearer tokens do not", async (t) => {
  const h = await startHarness();
  t.after(() => h.close());
  const { campaignId } = await setUpCandidate(h, "sam@example.org");
  const res = await call(h.app, "POST", "/api/auth/login", { email: "sam@example.org", password: PASSWORD });
  const cookie = String(res.headers["set-cookie"]).split(";")[0]!;
  const url = `/api/campaigns/${campaignId}/incidents`;

  const withoutToken = await call(h.app, "POST", url, sampleIncident(), { cookie });
  assert.equal(withoutToken.status, 403);
  assert.equal(withoutToken.body.error.code, "csrf");
  const list = await call(h.app, "GET", url, undefined, { cookie });
  assert.equal(list.status, 200, "reads need no token");
  assert.equal(list.body.incidents.length, 0, "the refused write wrote nothing");

  const withToken = await call(h.app, "POST", url, sampleIncident(), {
    cookie,
    "x-csrf-token": res.body.csrfToken,
  });
  assert.equal(withToken.status, 201);
});

test("two-factor sign-in with TOTP: enrol, then a code is required; a wrong code is refused", async (t) => {
  const h = await startHarness();
  t.after(() => h.close());
  const { session } = await setUpCandidate(h, "sam@example.org");
  const begin = await session.request("POST", "/api/account/totp");
  assert.equal(begin.status, 200);
  assert.match(begin.body.uri, /^otpauth:\/\/totp\/Shield:sam%40example\.org\?/);
  const totp = new OTPAuth.TOTP({
    secret: OTPAuth.Secret.fromBase32(begin.body.secret),
    digits: 6,
    period: 30,
  });
  const codeNow = () => totp.generate({ timestamp: h.clock.now().getTime() });

  assert.equal(
    (
      await session.request("POST", "/api/account/totp/confirm", {
        code: "000000" === codeNow() ? "111111" : "000000",
      })
    ).status,
    400,
  );
  assert.equal((await session.request("POST", "/api/account/totp/confirm", { code: codeNow() })).status, 200);

  const noCode = await call(h.app, "POST", "/api/auth/login", {
    email: "sam@example.org",
    password: PASSWORD,
  });
  assert.equal(noCode.status, 401);
  assert.equal(noCode.body.error.code, "second-factor-required");
  const wrongCode = await call(h.app, "POST", "/api/auth/login", {
    email: "sam@example.org",
    password: PASSWORD,
    code: codeNow() === "123456" ? "654321" : "123456",
  });
  assert.equal(wrongCode.status, 401);
  assert.equal(wrongCode.body.error.code, "second-factor-wrong");
  const ok = await call(h.app, "POST", "/api/auth/login", {
    email: "sam@example.org",
    password: PASSWORD,
    code: codeNow(),
  });
  assert.equal(ok.status, 200);

  assert.equal(
    (await session.request("POST", "/api/account/totp/disable", { password: "not my password" })).status,
    401,
  );
  assert.equal(
    (await session.request("POST", "/api/account/totp/disable", { password: PASSWORD })).status,
    200,
  );
  assert.equal(
    (await call(h.app, "POST", "/api/auth/login", { email: "sam@example.org", password: PASSWORD })).status,
    200,
  );
});

test("changing the password signs out other devices and the old password stops working", async (t) => {
  const h = await startHarness();
  t.after(() => h.close());
  const { session } = await setUpCandidate(h, "sam@example.org");
  const other = await login(h.app, "sam@example.org", PASSWORD);
  const wrong = await session.request("POST", "/api/account/password", {
    currentPassword: "nope",
    newPassword: "a brand new passphrase",
  });
  assert.equal(wrong.status, 401);
  const changed = await session.request("POST", "/api/account/password", {
    currentPassword: PASSWORD,
    newPassword: "a brand new passphrase",
  });
  assert.equal(changed.status, 200);
  assert.equal((await other.request("GET", "/api/auth/session")).status, 401);
  assert.equal((await session.request("GET", "/api/auth/session")).status, 200);
  assert.equal(
    (await call(h.app, "POST", "/api/auth/login", { email: "sam@example.org", password: PASSWORD })).status,
    401,
  );
  await login(h.app, "sam@example.org", "a brand new passphrase");
});

test("team: invite log-only and full members, change permission, revoke; an invitation works once", async (t) => {
  const h = await startHarness();
  t.after(() => h.close());
  const { session, campaignId } = await setUpCandidate(h);
  const invite = await session.request("POST", `/api/campaigns/${campaignId}/invitations`, {
    email: "vol@example.org",
    permission: "log-only",
  });
  assert.equal(invite.status, 201);
  const token = tokenOf(invite.body.link);
  const described = await call(h.app, "POST", "/api/invitations/describe", { token });
  assert.equal(described.body.campaignName, "Sam for Riverside");
  assert.equal(described.body.email, "vol@example.org");
  const accepted = await call(h.app, "POST", "/api/invitations/accept", {
    token,
    displayName: "Val Volunteer",
    password: PASSWORD,
  });
  assert.equal(accepted.status, 201);
  assert.equal(accepted.body.user.role, "team-member");
  assert.equal(
    (
      await call(h.app, "POST", "/api/invitations/accept", {
        token,
        displayName: "Again",
        password: PASSWORD,
      })
    ).status,
    410,
  );

  const members = await session.request("GET", `/api/campaigns/${campaignId}/members`);
  assert.deepEqual(
    members.body.members.map((m: { permission: string }) => m.permission),
    ["owner", "log-only"],
  );
  const volunteer = await login(h.app, "vol@example.org", PASSWORD);
  const volunteerId = volunteer.userId;
  assert.equal(
    (
      await session.request("PATCH", `/api/campaigns/${campaignId}/members/${volunteerId}`, {
        permission: "full",
      })
    ).status,
    200,
  );
  assert.equal((await volunteer.request("GET", "/api/auth/session")).body.campaigns[0].permission, "full");
  assert.equal(
    (
      await session.request("PATCH", `/api/campaigns/${campaignId}/members/${session.userId}`, {
        permission: "log-only",
      })
    ).status,
    400,
    "the candidate's own access cannot be changed",
  );
  assert.equal(
    (await session.request("DELETE", `/api/campaigns/${campaignId}/members/${volunteerId}`)).status,
    200,
  );
  assert.equal(
    (await volunteer.request("GET", `/api/campaigns/${campaignId}/incidents`)).status,
    404,
    "a revoked member sees nothing",
  );

  h.clock.advance(15 * 24 * 3600_000);
  const late = await session.request("POST", `/api/campaigns/${campaignId}/invitations`, {
    email: "late@example.org",
    permission: "full",
  });
  h.clock.advance(15 * 24 * 3600_000);
  assert.equal(
    (
      await call(h.app, "POST", "/api/invitations/accept", {
        token: tokenOf(late.body.link),
        displayName: "Late",
        password: PASSWORD,
      })
    ).status,
    410,
    "invitations expire after 14 days",
  );
});

test("administrators invite police and analyst accounts attached to a force, and can suspend them", async (t) => {
  const h = await startHarness();
  t.after(() => h.close());
  const link = await createSetupLinkIfEmpty(h.runtime.deps);
  await call(h.app, "POST", "/api/setup", {
    token: tokenOf(link!),
    role: "admin",
    email: "admin@example.org",
    displayName: "Ada",
    password: PASSWORD,
  });
  const admin = await login(h.app, "admin@example.org", PASSWORD);

  const noForce = await admin.request("POST", "/api/admin/staff", {
    email: "spoc@police.example",
    role: "spoc",
  });
  assert.equal(noForce.status, 400);
  assert.equal(noForce.body.error.field, "forceId");
  const badForce = await admin.request("POST", "/api/admin/staff", {
    email: "spoc@police.example",
    role: "spoc",
    forceId: "gotham-police",
  });
  assert.equal(badForce.status, 400);
  const invite = await admin.request("POST", "/api/admin/staff", {
    email: "spoc@police.example",
    role: "spoc",
    forceId: "west-yorkshire-police",
  });
  assert.equal(invite.status, 201);
  const accepted = await call(h.app, "POST", "/api/invitations/accept", {
    token: tokenOf(invite.body.link),
    displayName: "PC Spoc",
    password: PASSWORD,
  });
  assert.equal(accepted.body.user.role, "spoc");
  assert.equal(accepted.body.user.forceId, "west-yorkshire-police");
  const spoc = await login(h.app, "spoc@police.example", PASSWORD);

  const staff = await admin.request("GET", "/api/admin/staff");
  assert.deepEqual(staff.body.staff.map((s: { role: string }) => s.role).sort(), ["admin", "spoc"]);
  assert.equal(
    (await admin.request("POST", `/api/admin/staff/${spoc.userId}/suspension`, { suspended: true })).status,
    200,
  );
  assert.equal((await spoc.request("GET", "/api/auth/session")).status, 401, "suspension signs them out");
  const refused = await call(h.app, "POST", "/api/auth/login", {
    email: "spoc@police.example",
    password: PASSWORD,
  });
  assert.equal(refused.status, 403);
  assert.equal(
    (await admin.request("POST", `/api/admin/staff/${spoc.userId}/suspension`, { suspended: false })).status,
    200,
  );
  await login(h.app, "spoc@police.example", PASSWORD);

  const candidateInvite = await admin.request("POST", "/api/admin/candidates", {
    email: "second@example.org",
  });
  assert.equal(candidateInvite.status, 201);
  const noName = await call(h.app, "POST", "/api/invitations/accept", {
    token: tokenOf(candidateInvite.body.link),
    displayName: "Second",
    password: PASSWORD,
  });
  assert.equal(noName.status, 400);
  assert.equal(noName.body.error.field, "campaignName");
  const second = await call(h.app, "POST", "/api/invitations/accept", {
    token: tokenOf(candidateInvite.body.link),
    displayName: "Second",
    password: PASSWORD,
    campaignName: "Second for Hill ward",
    jurisdiction: "scotland",
  });
  assert.equal(second.status, 201);
  const candidate = await login(h.app, "second@example.org", PASSWORD);
  const campaigns = await candidate.request("GET", "/api/campaigns");
  assert.equal(campaigns.body.campaigns[0].jurisdiction, "scotland");
  assert.equal(campaigns.body.campaigns[0].permission, "owner");
});

test("the police force directory lists the 46 forces", async (t) => {
  const h = await startHarness();
  t.after(() => h.close());
  const res = await call(h.app, "GET", "/api/forces");
  assert.equal(res.body.forces.length, 46);
  assert.ok(res.body.forces.some((f: { id: string; name: string }) => f.id === "police-scotland"));
  const health = await call(h.app, "GET", "/healthz");
  assert.equal(health.status, 200);
  assert.equal(health.body.status, "ok");
});

test("sessions expire after 30 days", async (t) => {
  const h = await startHarness();
  t.after(() => h.close());
  const { session } = await setUpCandidate(h, "sam@example.org");
  h.clock.advance(29 * 24 * 3600_000);
  assert.equal((await session.request("GET", "/api/auth/session")).status, 200);
  h.clock.advance(2 * 24 * 3600_000);
  assert.equal((await session.request("GET", "/api/auth/session")).status, 401);
});
