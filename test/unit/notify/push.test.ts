import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import {
  createECDH,
  createPrivateKey,
  createPublicKey,
  randomBytes,
  sign,
  verify,
  type KeyObject,
} from "node:crypto";
import { createRequire } from "node:module";
import { createServer } from "node:net";
import { createPushChannel } from "../../../src/server/notify/push.ts";
import { vapidKeysFrom } from "../../../src/server/notify/vapid.ts";
import type { OutgoingMessage, PushAddressee } from "../../../src/server/notify/types.ts";
import { startWebhookReceiver, type WebhookReceiver } from "../../support/webhook-receiver.ts";

// http_ece (web-push's own encryption library) has no types: declare the one call used.
const ece = createRequire(import.meta.url)("http_ece") as {
  decrypt(body: Buffer, params: { version: "aes128gcm"; privateKey: unknown; authSecret: string }): Buffer;
};

const MASTER_KEY = Buffer.alloc(32, 7);
const vapid = vapidKeysFrom(MASTER_KEY);
const SUBJECT = "mailto:alerts@shield.example";
const message = (overrides: Partial<OutgoingMessage> = {}): OutgoingMessage => ({
  deliveryId: "0b9f3c1e-3d4a-4a8b-9c61-6f1f2d7e8a10",
  subject: "Llŷr missed a check-in",
  text: "Llŷr has not checked in since 18:30 near Ffordd yr Ŵyn.",
  acknowledgeUrl: "https://shield.example/canvass/ack/t0k3n",
  data: {},
  ...overrides,
});

/** A browser's side of a subscription: its own P-256 key pair and a 16-byte auth secret. */
function browserSubscription(endpoint: string) {
  const ecdh = createECDH("prime256v1");
  ecdh.generateKeys();
  const auth = randomBytes(16).toString("base64url");
  const addressee: PushAddressee = {
    channel: "push",
    subscription: { endpoint, keys: { p256dh: ecdh.getPublicKey().toString("base64url"), auth } },
  };
  return { ecdh, auth, addressee };
}

function publicKeyObject(rawPublicKey: string): KeyObject {
  const point = Buffer.from(rawPublicKey, "base64url");
  assert.equal(point.length, 65);
  assert.equal(point[0], 4, "uncompressed point");
  return createPublicKey({
    key: {
      kty: "EC",
      crv: "P-256",
      x: point.subarray(1, 33).toString("base64url"),
      y: point.subarray(33).toString("base64url"),
    },
    format: "jwk",
  });
}

let service: WebhookReceiver;
before(async () => {
  service = await startWebhookReceiver({
    respond: (r) =>
      r.path.startsWith("/gone/")
        ? { status: 410 }
        : r.path.startsWith("/busy/")
          ? { status: 429 }
          : { status: 201 },
  });
});
after(() => service.close());

const channel = () => createPushChannel({ vapid, subject: SUBJECT, allowInsecureEndpoints: true });

test("sends an encrypted, VAPID-signed notification the browser can decrypt", async () => {
  const { ecdh, auth, addressee } = browserSubscription(`${service.url}/push/sub-1`);
  const outcome = await channel().send(addressee, message());
  assert.deepEqual(outcome, { ok: true, detail: "HTTP 201" });

  const request = await service.waitFor((r) => r.path === "/push/sub-1");
  assert.equal(request.method, "POST");
  assert.equal(request.headers.ttl, "3600");
  assert.equal(request.headers.urgency, "high");
  assert.equal(request.headers["content-encoding"], "aes128gcm");
  assert.match(String(request.headers.topic), /^[A-Za-z0-9_-]{32}$/);

  // Authorization: vapid t=<JWT>, k=<server public key>
  const match = /^vapid t=([\w-]+\.[\w-]+\.[\w-]+), k=([\w-]+)$/.exec(String(request.headers.authorization));
  assert.ok(match, `Authorization: ${request.headers.authorization}`);
  const [jwt, k] = [match[1] ?? "", match[2] ?? ""];
  assert.equal(k, vapid.publicKey);
  const [header, claims, signature] = jwt.split(".") as [string, string, string];
  assert.deepEqual(JSON.parse(Buffer.from(header, "base64url").toString()), { typ: "JWT", alg: "ES256" });
  const verified = verify(
    "sha256",
    Buffer.from(`${header}.${claims}`),
    { key: publicKeyObject(k), dsaEncoding: "ieee-p1363" },
    Buffer.from(signature, "base64url"),
  );
  assert.equal(verified, true, "ES256 signature by the VAPID key");
  const body = JSON.parse(Buffer.from(claims, "base64url").toString());
  assert.equal(body.aud, service.url, "audience is the push service's origin");
  assert.equal(body.sub, SUBJECT);
  const now = Date.now() / 1000;
  assert.ok(body.exp > now && body.exp <= now + 24 * 3600 + 60, "expires within 24 hours");

  const plain = ece.decrypt(request.body, { version: "aes128gcm", privateKey: ecdh, authSecret: auth });
  assert.deepEqual(JSON.parse(plain.toString("utf8")), {
    title: "Llŷr missed a check-in",
    body: "Llŷr has not checked in since 18:30 near Ffordd yr Ŵyn.",
    url: "https://shield.example/canvass/ack/t0k3n",
    tag: "0b9f3c1e-3d4a-4a8b-9c61-6f1f2d7e8a10",
  });
  assert.ok(!request.body.includes(Buffer.from("Ffordd")), "the payload is not sent in clear");
});

test("without an acknowledge link the notification opens /canvass; long text is cut short", async () => {
  const { ecdh, auth, addressee } = browserSubscription(`${service.url}/push/sub-2`);
  const outcome = await channel().send(
    addressee,
    message({ acknowledgeUrl: undefined, text: "ŵ".repeat(5000) }),
  );
  assert.equal(outcome.ok, true);
  const request = await service.waitFor((r) => r.path === "/push/sub-2");
  const payload = JSON.parse(
    ece.decrypt(request.body, { version: "aes128gcm", privateKey: ecdh, authSecret: auth }).toString("utf8"),
  );
  assert.equal(payload.url, "/canvass");
  assert.equal(Array.from(payload.body as string).length, 1000);
  assert.ok((payload.body as string).endsWith("ŵ…"));
  assert.ok(request.body.length <= 4096, "fits the push services' payload limit");
});

test("the payload stays within 4096 bytes whatever the text is made of", async () => {
  const texts = ["🚨".repeat(3000), "\n".repeat(3000), "\u0001".repeat(3000), "a".repeat(10_000)];
  for (const [i, text] of texts.entries()) {
    const { ecdh, auth, addressee } = browserSubscription(`${service.url}/push/size-${i}`);
    const outcome = await channel().send(addressee, message({ text, subject: "Ŵ".repeat(500) }));
    assert.equal(outcome.ok, true);
    const request = await service.waitFor((r) => r.path === `/push/size-${i}`);
    assert.ok(request.body.length <= 4096, `${request.body.length} bytes`);
    const payload = JSON.parse(
      ece
        .decrypt(request.body, { version: "aes128gcm", privateKey: ecdh, authSecret: auth })
        .toString("utf8"),
    );
    assert.ok(
      text.startsWith((payload.body as string).slice(0, -1)) && (payload.body as string).endsWith("…"),
    );
    assert.equal(Array.from(payload.title as string).length, 200);
  }
});

test("a subscription the push service says is gone (410, 404) is final", async () => {
  const { addressee } = browserSubscription(`${service.url}/gone/sub-3`);
  const outcome = await channel().send(addressee, message());
  assert.equal(outcome.ok, false);
  assert.equal(!outcome.ok && outcome.retryable, false);
  assert.match(!outcome.ok ? outcome.detail : "", /^subscription-gone/);
  const notFound = await startWebhookReceiver({ respond: () => ({ status: 404 }) });
  try {
    const { addressee: other } = browserSubscription(`${notFound.url}/x`);
    const result = await channel().send(other, message());
    assert.equal(!result.ok && result.retryable, false);
    assert.match(!result.ok ? result.detail : "", /^subscription-gone/);
  } finally {
    await notFound.close();
  }
});

test("429, 5xx, timeouts and refused connections are retryable", async () => {
  const busy = await channel().send(browserSubscription(`${service.url}/busy/sub-4`).addressee, message());
  assert.deepEqual(busy, { ok: false, retryable: true, detail: "HTTP 429" });

  const failing = await startWebhookReceiver({ respond: () => ({ status: 503 }) });
  const silent = await startWebhookReceiver({ respond: () => "hang" });
  try {
    const down = await channel().send(browserSubscription(`${failing.url}/x`).addressee, message());
    assert.deepEqual(down, { ok: false, retryable: true, detail: "HTTP 503" });
    const slow = createPushChannel({ vapid, subject: SUBJECT, allowInsecureEndpoints: true, timeoutMs: 200 });
    const timedOut = await slow.send(browserSubscription(`${silent.url}/x`).addressee, message());
    assert.deepEqual(timedOut, { ok: false, retryable: true, detail: "timeout after 200 ms" });
  } finally {
    await failing.close();
    await silent.close();
  }
  const refused = await channel().send(
    browserSubscription(`http://127.0.0.1:${await freePort()}/x`).addressee,
    message(),
  );
  assert.deepEqual(refused, { ok: false, retryable: true, detail: "ECONNREFUSED" });
});

test("refuses http endpoints unless allowed, and malformed subscriptions, as final", async () => {
  const strict = createPushChannel({ vapid, subject: SUBJECT });
  const http = await strict.send(browserSubscription(`${service.url}/push/sub-5`).addressee, message());
  assert.equal(!http.ok && http.retryable, false);
  assert.match(!http.ok ? http.detail : "", /not https/);
  assert.equal(
    service.received.some((r) => r.path === "/push/sub-5"),
    false,
    "nothing was sent",
  );

  const { addressee } = browserSubscription(`${service.url}/push/sub-6`);
  const badKey = await channel().send(
    { ...addressee, subscription: { ...addressee.subscription, keys: { p256dh: "AAAA", auth: "BBBB" } } },
    message(),
  );
  assert.deepEqual(badKey, { ok: false, retryable: false, detail: "invalid-subscription (keys)" });
  const badUrl = await channel().send(
    { ...addressee, subscription: { ...addressee.subscription, endpoint: "not a url" } },
    message(),
  );
  assert.equal(!badUrl.ok && badUrl.retryable, false);
});

test("a bad VAPID subject is refused when the channel is created", () => {
  assert.throws(() => createPushChannel({ vapid, subject: "http://insecure.example" }), /subject/i);
});

test("vapidKeysFrom is deterministic per master key and gives a working P-256 key pair", () => {
  assert.deepEqual(vapidKeysFrom(Buffer.alloc(32, 7)), vapid);
  const other = vapidKeysFrom(Buffer.alloc(32, 8));
  assert.notEqual(other.publicKey, vapid.publicKey);
  assert.notEqual(other.privateKey, vapid.privateKey);
  for (const keys of [vapid, other, vapidKeysFrom(randomBytes(32))]) {
    assert.equal(Buffer.from(keys.publicKey, "base64url").length, 65);
    assert.equal(Buffer.from(keys.privateKey, "base64url").length, 32);
    assert.match(keys.publicKey, /^[A-Za-z0-9_-]+$/, "base64url without padding");
    const ecdh = createECDH("prime256v1");
    ecdh.setPrivateKey(Buffer.from(keys.privateKey, "base64url"));
    assert.equal(
      ecdh.getPublicKey().toString("base64url"),
      keys.publicKey,
      "the public key matches the private",
    );
    const point = Buffer.from(keys.publicKey, "base64url");
    const jwk = {
      kty: "EC",
      crv: "P-256",
      x: point.subarray(1, 33).toString("base64url"),
      y: point.subarray(33).toString("base64url"),
    };
    const data = Buffer.from("sign me");
    const signature = signWith({ ...jwk, d: keys.privateKey }, data);
    assert.equal(
      verify("sha256", data, { key: publicKeyObject(keys.publicKey), dsaEncoding: "ieee-p1363" }, signature),
      true,
    );
  }
  assert.throws(() => vapidKeysFrom(Buffer.alloc(16)), /32 bytes/);
});

test("the VAPID derivation is pinned: changing it would cut off every existing subscription", () => {
  // HKDF-SHA256(master key, salt "", info "shield/vapid/v1") → 32-byte P-256 scalar.
  assert.deepEqual(vapidKeysFrom(Buffer.alloc(32, 7)), {
    privateKey: "0eqrzWMNbxAdThJ8YcVEhG1VB3j5WQUESfocCxkktkc",
    publicKey: "BLfbAQf0Ay0ddd37q9PDTfACT6AeisS8xrljnfvr0arNVEgVJ8kkF39R6CVBop5oJpbKsJgmLYRWxxsuBFvw5FI",
  });
});

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

function signWith(jwk: Record<string, string>, data: Buffer): Buffer {
  return sign("sha256", data, {
    key: createPrivateKey({ key: jwk, format: "jwk" }),
    dsaEncoding: "ieee-p1363",
  });
}
