import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { createServer } from "node:net";
import {
  createWebhookChannel,
  signWebhookBody,
  verifyWebhookSignature,
} from "../../../src/server/notify/webhook.ts";
import type { OutgoingMessage } from "../../../src/server/notify/types.ts";
import { startWebhookReceiver, type WebhookReceiver } from "../../support/webhook-receiver.ts";

const SECRET = "a-long-random-webhook-secret-0123456789";
const message = (overrides: Partial<OutgoingMessage> = {}): OutgoingMessage => ({
  deliveryId: "01JABCDEF0123456789XYZ.webhook.1",
  subject: "Siân missed a check-in",
  text: "Siân has not checked in since 18:30 near Ffordd yr Ŵyn. Call her on 07700 900123.",
  acknowledgeUrl: "https://shield.example/canvass/ack/t0k3n",
  data: { sessionId: "s-1", area: "Ffordd yr Ŵyn", missedAt: "2025-05-01T17:30:00.000Z", level: 1 },
  ...overrides,
});

let receiver: WebhookReceiver;
before(async () => {
  receiver = await startWebhookReceiver({ secret: SECRET });
});
after(() => receiver.close());

test("POSTs the alert as signed JSON with delivery and idempotency headers", async () => {
  const channel = createWebhookChannel({ url: `${receiver.url}/hooks/sms?src=shield`, secret: SECRET });
  assert.equal(channel.name, "webhook");
  const before = Math.floor(Date.now() / 1000);
  const outcome = await channel.send({ channel: "webhook", phone: "+447700900123", name: "Siân" }, message());
  assert.deepEqual(outcome, { ok: true, detail: "HTTP 200" });

  const request = await receiver.waitFor((r) => r.headers["x-shield-delivery"] === message().deliveryId);
  assert.equal(request.method, "POST");
  assert.equal(request.path, "/hooks/sms?src=shield");
  assert.equal(request.headers["content-type"], "application/json");
  assert.equal(request.headers["idempotency-key"], message().deliveryId);
  assert.equal(request.signatureValid, true);
  const timestamp = Number(request.headers["x-shield-timestamp"]);
  assert.ok(timestamp >= before && timestamp <= Math.ceil(Date.now() / 1000));
  assert.equal(
    request.headers["x-shield-signature"],
    signWebhookBody(SECRET, String(timestamp), request.body),
  );

  const body = request.json;
  assert.deepEqual(Object.keys(body).sort(), [
    "acknowledgeUrl",
    "alert",
    "id",
    "sentAt",
    "subject",
    "text",
    "to",
    "type",
  ]);
  assert.equal(body.id, message().deliveryId);
  assert.equal(body.type, "canvass.alert");
  assert.equal(new Date(body.sentAt).toISOString(), body.sentAt);
  assert.ok(Math.abs(Date.parse(body.sentAt) / 1000 - timestamp) < 1);
  assert.deepEqual(body.to, { phone: "+447700900123", name: "Siân" });
  assert.equal(body.subject, message().subject);
  assert.equal(body.text, message().text);
  assert.equal(body.acknowledgeUrl, message().acknowledgeUrl);
  assert.deepEqual(body.alert, message().data);
});

test("optional members are left out when absent", async () => {
  const channel = createWebhookChannel({ url: receiver.url, secret: SECRET });
  const id = "no-extras";
  await channel.send({ channel: "webhook" }, message({ deliveryId: id, acknowledgeUrl: undefined }));
  const { json } = await receiver.waitFor((r) => r.json?.id === id);
  assert.deepEqual(json.to, {});
  assert.equal("acknowledgeUrl" in json, false);
});

test("verifyWebhookSignature refuses a tampered body, an old or future timestamp, a wrong secret", () => {
  const rawBody = JSON.stringify({ id: "x", text: "Llŷr" });
  const now = 1_750_000_000_000;
  const timestamp = String(now / 1000);
  const signature = signWebhookBody(SECRET, timestamp, rawBody);
  const check = { secret: SECRET, timestamp, rawBody, signature, now };
  assert.equal(verifyWebhookSignature(check), true);
  assert.equal(
    verifyWebhookSignature({ ...check, rawBody: Buffer.from(rawBody) }),
    true,
    "raw bytes work too",
  );
  assert.equal(verifyWebhookSignature({ ...check, rawBody: rawBody.replace("Llŷr", "Llyr") }), false);
  assert.equal(verifyWebhookSignature({ ...check, rawBody: `${rawBody} ` }), false);
  assert.equal(verifyWebhookSignature({ ...check, now: now + 301_000 }), false, "too old");
  assert.equal(verifyWebhookSignature({ ...check, now: now - 301_000 }), false, "from the future");
  assert.equal(verifyWebhookSignature({ ...check, now: now + 299_000 }), true, "within tolerance");
  assert.equal(verifyWebhookSignature({ ...check, now: now + 30_000, toleranceSeconds: 10 }), false);
  assert.equal(verifyWebhookSignature({ ...check, secret: `${SECRET}x` }), false);
  assert.equal(
    verifyWebhookSignature({ ...check, timestamp: String(now / 1000 + 1) }),
    false,
    "timestamp is signed",
  );
  assert.equal(verifyWebhookSignature({ ...check, signature: signature.toUpperCase() }), false);
  assert.equal(verifyWebhookSignature({ ...check, signature: "sha256=" }), false);
  assert.equal(verifyWebhookSignature({ ...check, signature: undefined }), false);
  assert.equal(verifyWebhookSignature({ ...check, timestamp: "1e9" }), false);
  assert.equal(verifyWebhookSignature({ ...check, timestamp: undefined }), false);
});

test("a receiver with a different secret sees an invalid signature", async () => {
  const other = await startWebhookReceiver({ secret: "some-other-secret-entirely" });
  try {
    await createWebhookChannel({ url: other.url, secret: SECRET }).send({ channel: "webhook" }, message());
    assert.equal((await other.waitFor()).signatureValid, false);
  } finally {
    await other.close();
  }
});

test("maps answers: 2xx ok; 408, 429, 5xx retry; other 4xx and redirects are final", async () => {
  const statuses = [200, 201, 204, 500, 502, 503, 408, 429, 400, 401, 404, 410, 422, 301];
  const local = await startWebhookReceiver({
    secret: SECRET,
    respond: (r) => ({
      status: Number(r.json?.alert?.status),
      body: "whatever the gateway says",
      headers: { location: "/elsewhere" },
    }),
  });
  try {
    const channel = createWebhookChannel({ url: local.url, secret: SECRET });
    const results: Record<number, unknown> = {};
    for (const status of statuses) {
      const outcome = await channel.send({ channel: "webhook" }, message({ data: { status } }));
      results[status] = outcome.ok ? "ok" : outcome.retryable ? "retry" : "final";
      if (!outcome.ok)
        assert.equal(
          outcome.detail,
          `HTTP ${status}${status === 301 ? " (redirects are not followed)" : ""}`,
        );
    }
    assert.deepEqual(results, {
      200: "ok",
      201: "ok",
      204: "ok",
      500: "retry",
      502: "retry",
      503: "retry",
      408: "retry",
      429: "retry",
      400: "final",
      401: "final",
      404: "final",
      410: "final",
      422: "final",
      301: "final",
    });
    assert.equal(local.received.length, statuses.length, "a redirect is not followed");
  } finally {
    await local.close();
  }
});

test("a receiver that never answers times out, retryably", async () => {
  const silent = await startWebhookReceiver({ respond: () => "hang" });
  try {
    const started = Date.now();
    const outcome = await createWebhookChannel({ url: silent.url, secret: SECRET, timeoutMs: 300 }).send(
      { channel: "webhook" },
      message(),
    );
    assert.ok(Date.now() - started < 3000);
    assert.deepEqual(outcome, { ok: false, retryable: true, detail: "timeout after 300 ms" });
    assert.equal(silent.received.length, 1);
  } finally {
    await silent.close();
  }
});

test("a slow answer within the timeout is fine", async () => {
  const slow = await startWebhookReceiver({ respond: () => ({ status: 202, delayMs: 100 }) });
  try {
    const outcome = await createWebhookChannel({ url: slow.url, secret: SECRET, timeoutMs: 2000 }).send(
      { channel: "webhook" },
      message(),
    );
    assert.deepEqual(outcome, { ok: true, detail: "HTTP 202" });
  } finally {
    await slow.close();
  }
});

test("a refused connection is retryable and the detail holds no message text", async () => {
  const port = await freePort();
  const outcome = await createWebhookChannel({ url: `http://127.0.0.1:${port}/x`, secret: SECRET }).send(
    { channel: "webhook", phone: "+447700900123" },
    message(),
  );
  assert.deepEqual(outcome, { ok: false, retryable: true, detail: "ECONNREFUSED" });
});

test("an injected fetch is used, and its throw becomes an outcome", async () => {
  const seen: string[] = [];
  const fetchImpl: typeof fetch = async (input) => {
    seen.push(String(input));
    throw new TypeError("fetch failed: Siân near Ffordd yr Ŵyn");
  };
  const outcome = await createWebhookChannel({
    url: "https://gateway.example/sms",
    secret: SECRET,
    fetchImpl,
  }).send({ channel: "webhook" }, message());
  assert.deepEqual(seen, ["https://gateway.example/sms"]);
  assert.deepEqual(outcome, { ok: false, retryable: true, detail: "TypeError" });
});

test("alert data that cannot be JSON is final; a bad delivery id is refused", async () => {
  const channel = createWebhookChannel({ url: receiver.url, secret: SECRET });
  const cyclic: Record<string, unknown> = {};
  cyclic.self = cyclic;
  const outcome = await channel.send({ channel: "webhook" }, message({ data: cyclic }));
  assert.equal(!outcome.ok && outcome.retryable, false);
  const bad = await channel.send({ channel: "webhook" }, message({ deliveryId: "x\r\nx-evil: 1" }));
  assert.deepEqual(bad, { ok: false, retryable: false, detail: "invalid-delivery-id" });
});

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}
