import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { createServer, type Socket } from "node:net";
import { createEmailChannel } from "../../../src/server/notify/email.ts";
import type { OutgoingMessage } from "../../../src/server/notify/types.ts";
import { startMailServer, type MailServer } from "../../support/mail-server.ts";

const FROM = "Shield alerts <alerts@shield.example>";
const message = (overrides: Partial<OutgoingMessage> = {}): OutgoingMessage => ({
  deliveryId: "0b9f3c1e-3d4a-4a8b-9c61-6f1f2d7e8a10",
  subject: "Llŷr missed a check-in on Ffordd yr Ŵyn",
  text: "Llŷr Siân Ŵyn has not checked in since 18:30 near 12 Heol y Bont.\nThis is a long line of text that goes well past the seventy-six characters that quoted-printable allows per line, so it gets soft line breaks.",
  acknowledgeUrl: "https://shield.example/canvass/ack/abc123?x=1&y=2",
  data: { sessionId: "s1" },
  ...overrides,
});

let server: MailServer;
before(async () => {
  server = await startMailServer();
});
after(() => server.close());

test("delivers a plain-text email with an HTML alternative and stable identifying headers", async () => {
  const channel = createEmailChannel({ smtpUrl: server.url, from: FROM });
  assert.equal(channel.name, "email");
  const outcome = await channel.send(
    { channel: "email", address: "llyr@example.org", name: "Llŷr Jones" },
    message(),
  );
  assert.equal(outcome.ok, true, JSON.stringify(outcome));
  assert.match(outcome.detail ?? "", /^250\b/);

  const mail = await server.waitFor((m) => m.headers["x-shield-delivery"] === message().deliveryId);
  assert.deepEqual(mail.envelopeTo, ["llyr@example.org"]);
  assert.equal(mail.envelopeFrom, "alerts@shield.example");
  assert.match(mail.headers.from ?? "", /Shield alerts <alerts@shield\.example>/);
  assert.match(mail.headers.to ?? "", /Llŷr Jones.*<llyr@example\.org>/);
  assert.equal(mail.subject, "Llŷr missed a check-in on Ffordd yr Ŵyn");
  assert.equal(mail.messageId, "<0b9f3c1e-3d4a-4a8b-9c61-6f1f2d7e8a10@shield>");
  assert.ok(mail.receivedAt instanceof Date);

  assert.ok(mail.text.includes(message().text), "the text survives, Welsh letters included");
  assert.ok(
    mail.text.includes("https://shield.example/canvass/ack/abc123?x=1&y=2"),
    "with the acknowledge link",
  );
  assert.match(mail.raw, /Content-Transfer-Encoding: quoted-printable/i);
  assert.ok(mail.html?.includes("Llŷr Siân Ŵyn"));
  assert.ok(mail.html?.includes('href="https://shield.example/canvass/ack/abc123?x=1&#38;y=2"'));
});

test("HTML is escaped and only http(s) acknowledge links become anchors", async () => {
  const channel = createEmailChannel({ smtpUrl: server.url, from: FROM });
  const id = "escape-test.1";
  const outcome = await channel.send(
    { channel: "email", address: "team@example.org" },
    message({
      deliveryId: id,
      text: `<script>alert("x")</script> & more`,
      acknowledgeUrl: "javascript:alert(1)",
    }),
  );
  assert.equal(outcome.ok, true);
  const mail = await server.waitFor((m) => m.headers["x-shield-delivery"] === id);
  assert.ok(mail.html?.includes("&#60;script&#62;alert(&#34;x&#34;)&#60;/script&#62; &#38; more"));
  assert.ok(!mail.html?.includes("<script>"));
  assert.ok(!mail.html?.includes("href="));
  assert.ok(mail.text.includes(`<script>alert("x")</script> & more`), "the text part is as written");
});

test("the same delivery sent twice carries the same Message-ID", async () => {
  const channel = createEmailChannel({ smtpUrl: server.url, from: FROM });
  const id = "repeat-1";
  await channel.send({ channel: "email", address: "a@example.org" }, message({ deliveryId: id }));
  await channel.send({ channel: "email", address: "a@example.org" }, message({ deliveryId: id }));
  const copies = server.received.filter((m) => m.headers["x-shield-delivery"] === id);
  assert.equal(copies.length, 2);
  assert.equal(copies[0]?.messageId, copies[1]?.messageId);
});

test("a recipient refused with 550 is final; 451 is worth retrying; neither detail holds the text", async () => {
  const mailServer = await startMailServer();
  try {
    mailServer.rejectRecipient = (address) =>
      address.startsWith("gone@")
        ? { code: 550, message: "5.1.1 No such user" }
        : address.startsWith("busy@")
          ? { code: 451, message: "4.3.0 Try again later" }
          : undefined;
    const channel = createEmailChannel({ smtpUrl: mailServer.url, from: FROM });
    const gone = await channel.send({ channel: "email", address: "gone@example.org" }, message());
    assert.equal(gone.ok, false);
    assert.equal(!gone.ok && gone.retryable, false);
    assert.match(!gone.ok ? gone.detail : "", /550/);
    const busy = await channel.send({ channel: "email", address: "busy@example.org" }, message());
    assert.equal(!busy.ok && busy.retryable, true);
    assert.match(!busy.ok ? busy.detail : "", /451/);
    for (const outcome of [gone, busy]) {
      assert.ok(!outcome.ok && !outcome.detail.includes("Llŷr") && !outcome.detail.includes("check-in"));
    }
    assert.equal(mailServer.received.length, 0);
  } finally {
    await mailServer.close();
  }
});

test("a message refused after DATA with 554 is final", async () => {
  const mailServer = await startMailServer();
  try {
    mailServer.rejectMessage = () => ({ code: 554, message: "5.7.1 Rejected as spam" });
    const channel = createEmailChannel({ smtpUrl: mailServer.url, from: FROM });
    const outcome = await channel.send({ channel: "email", address: "x@example.org" }, message());
    assert.deepEqual(
      { ok: outcome.ok, retryable: !outcome.ok && outcome.retryable },
      { ok: false, retryable: false },
    );
  } finally {
    await mailServer.close();
  }
});

test("a closed port is a connection error worth retrying", async () => {
  const port = await freePort();
  const channel = createEmailChannel({ smtpUrl: `smtp://127.0.0.1:${port}`, from: FROM, timeoutMs: 2000 });
  const outcome = await channel.send({ channel: "email", address: "x@example.org" }, message());
  assert.equal(outcome.ok, false);
  assert.equal(!outcome.ok && outcome.retryable, true);
  assert.match(!outcome.ok ? outcome.detail : "", /ECONNREFUSED/);
});

test("a server that never greets times out, retryably", async () => {
  const sockets = new Set<Socket>();
  const silent = createServer((socket) => void sockets.add(socket));
  await new Promise<void>((resolve) => silent.listen(0, "127.0.0.1", resolve));
  const { port } = silent.address() as { port: number };
  try {
    const channel = createEmailChannel({ smtpUrl: `smtp://127.0.0.1:${port}`, from: FROM, timeoutMs: 300 });
    const started = Date.now();
    const outcome = await channel.send({ channel: "email", address: "x@example.org" }, message());
    assert.ok(Date.now() - started < 3000);
    assert.equal(!outcome.ok && outcome.retryable, true, JSON.stringify(outcome));
  } finally {
    for (const socket of sockets) socket.destroy();
    await new Promise((resolve) => silent.close(resolve));
  }
});

test("logs in with the credentials in the SMTP URL (percent-encoded), and a wrong password is final", async () => {
  const mailServer = await startMailServer({
    credentials: { user: "shield@example.org", pass: "p@ss:w/rd ŵ" },
  });
  try {
    const password = encodeURIComponent("p@ss:w/rd ŵ");
    const url = `smtp://${encodeURIComponent("shield@example.org")}:${password}@127.0.0.1:${mailServer.port}`;
    const outcome = await createEmailChannel({ smtpUrl: url, from: FROM }).send(
      { channel: "email", address: "x@example.org" },
      message(),
    );
    assert.equal(outcome.ok, true, JSON.stringify(outcome));
    assert.deepEqual(
      mailServer.logins.map((l) => [l.user, l.pass, l.accepted]),
      [["shield@example.org", "p@ss:w/rd ŵ", true]],
    );
    const mail = await mailServer.waitFor();
    assert.equal(mail.user, "shield@example.org");

    const wrong = `smtp://${encodeURIComponent("shield@example.org")}:nope@127.0.0.1:${mailServer.port}`;
    const refused = await createEmailChannel({ smtpUrl: wrong, from: FROM }).send(
      { channel: "email", address: "x@example.org" },
      message(),
    );
    assert.equal(!refused.ok && refused.retryable, false, JSON.stringify(refused));
    assert.ok(!refused.ok && !refused.detail.includes("nope"), "the password is not in the detail");
  } finally {
    await mailServer.close();
  }
});

test("refuses a delivery id that cannot go in a Message-ID, and an addressee for another channel", async () => {
  const channel = createEmailChannel({ smtpUrl: server.url, from: FROM });
  const bad = await channel.send(
    { channel: "email", address: "x@example.org" },
    message({ deliveryId: "a b>\r\nBcc: x" }),
  );
  assert.deepEqual(bad, { ok: false, retryable: false, detail: "invalid-delivery-id" });
  const wrong = await channel.send({ channel: "webhook", phone: "+447700900123" }, message());
  assert.equal(!wrong.ok && wrong.retryable, false);
});

async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((resolve) => probe.listen(0, "127.0.0.1", resolve));
  const { port } = probe.address() as { port: number };
  await new Promise((resolve) => probe.close(resolve));
  return port;
}
