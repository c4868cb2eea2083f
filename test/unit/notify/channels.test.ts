import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { channelsFromConfig, describeChannels } from "../../../src/server/notify/channels.ts";
import { vapidKeysFrom } from "../../../src/server/notify/vapid.ts";
import { startMailServer, type MailServer } from "../../support/mail-server.ts";
import { startWebhookReceiver, type WebhookReceiver } from "../../support/webhook-receiver.ts";

const masterKey = Buffer.alloc(32, 3);
const SECRET = "0123456789abcdef0123";
const base = { publicUrl: "https://shield.example.org", masterKey };

let mail: MailServer;
let hook: WebhookReceiver;
before(async () => {
  mail = await startMailServer();
  hook = await startWebhookReceiver({ secret: SECRET });
});
after(async () => {
  await mail.close();
  await hook.close();
});

test("push is always there; email and webhook only when configured", () => {
  const minimal = channelsFromConfig(base);
  assert.deepEqual(Object.keys(minimal), ["push"]);
  assert.equal(minimal.push?.name, "push");
  assert.match(describeChannels(minimal), /^alert channels: push: web push \(VAPID /);
  assert.ok(describeChannels(minimal).includes(vapidKeysFrom(masterKey).publicKey.slice(0, 12)));
  assert.equal(describeChannels({}), "alert channels: none");
});

test("configured channels deliver, and the description names no secrets or URL paths", async () => {
  const channels = channelsFromConfig({
    ...base,
    smtpUrl: `smtp://alerts:smtp-password@127.0.0.1:${mail.port}`,
    mailFrom: "Shield <alerts@shield.example.org>",
    webhookUrl: `${hook.url}/T0KEN-in-path?key=query-secret`,
    webhookSecret: SECRET,
  });
  assert.deepEqual(Object.keys(channels).sort(), ["email", "push", "webhook"]);
  const description = describeChannels(channels);
  assert.ok(description.includes(`email: smtp://127.0.0.1:${mail.port}`), description);
  assert.ok(description.includes(`webhook: ${hook.url} (unencrypted)`), description);
  for (const secret of ["smtp-password", "alerts:", "T0KEN", "query-secret", SECRET]) {
    assert.ok(!description.includes(secret), `${secret} in ${description}`);
  }

  const message = { deliveryId: "cfg-1", subject: "Test", text: "Test alert", data: {} };
  assert.equal(
    (await channels.email?.send({ channel: "email", address: "a@example.org" }, message))?.ok,
    true,
  );
  assert.equal((await mail.waitFor()).headers.from, "Shield <alerts@shield.example.org>");
  assert.equal((await channels.webhook?.send({ channel: "webhook" }, message))?.ok, true);
  const request = await hook.waitFor();
  assert.equal(request.signatureValid, true);
  assert.equal(request.path, "/T0KEN-in-path?key=query-secret");
});

test("clear errors for incomplete or malformed configuration", () => {
  assert.throws(
    () => channelsFromConfig({ ...base, webhookUrl: "https://sms.example.org/hook" }),
    /^Error: ALERT_WEBHOOK_SECRET must be set when ALERT_WEBHOOK_URL is/,
  );
  assert.throws(
    () => channelsFromConfig({ ...base, webhookUrl: "https://sms.example.org/hook", webhookSecret: "short" }),
    /at least 16 characters/,
  );
  assert.throws(() => channelsFromConfig({ ...base, webhookUrl: "ftp://x", webhookSecret: SECRET }), /http/);
  assert.throws(
    () => channelsFromConfig({ ...base, smtpUrl: "smtp://mail.example.org" }),
    /MAIL_FROM must be set when SMTP_URL is/,
  );
  assert.throws(
    () => channelsFromConfig({ ...base, smtpUrl: "mail.example.org", mailFrom: "a@b.org" }),
    /smtp:\/\//,
  );
});

test("the push contact (VAPID subject) works for https, http and localhost deployments", () => {
  // Each would throw at creation if web-push refused the subject.
  for (const publicUrl of ["https://shield.example.org", "http://localhost:8080", "http://10.0.0.5:8080"]) {
    for (const mailFrom of [undefined, "Shield <alerts@example.org>", "alerts@example.org"]) {
      assert.ok(channelsFromConfig({ publicUrl, masterKey, mailFrom }).push);
    }
  }
});
