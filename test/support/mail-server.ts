// An SMTP server in the test process (smtp-server, plain text, no STARTTLS) that keeps every message it
// accepts, parsed just enough for assertions: headers (encoded words decoded) and the text and HTML
// parts (quoted-printable or base64 decoded). Tests can make it refuse recipients or messages.
import { SMTPServer } from "smtp-server";
import type { SMTPServerError } from "smtp-server";

export interface ReceivedMail {
  receivedAt: Date;
  /** MAIL FROM and RCPT TO. */
  envelopeFrom: string;
  envelopeTo: string[];
  /** Who logged in with AUTH, if anyone. */
  user?: string;
  /** The message as received, decoded as UTF-8. */
  raw: string;
  /** Header name (lower case) → decoded value; the first occurrence wins. */
  headers: Record<string, string>;
  subject: string;
  messageId: string;
  /** The decoded text/plain part (line ends as \n). */
  text: string;
  html?: string;
}

export interface SmtpRejection {
  code: number;
  message: string;
}

export interface Login {
  user: string;
  pass: string;
  accepted: boolean;
  at: Date;
}

export interface MailServerOptions {
  port?: number;
  host?: string;
  /** When set, clients must log in with these; otherwise logging in is optional and any login is accepted. */
  credentials?: { user: string; pass: string };
}

export interface MailServer {
  readonly host: string;
  readonly port: number;
  /** smtp://host:port (add credentials yourself). */
  readonly url: string;
  readonly received: ReceivedMail[];
  readonly logins: Login[];
  /** Refuse RCPT TO for an address (e.g. { code: 550, message: "No such user" }); undefined accepts. */
  rejectRecipient: ((address: string) => SmtpRejection | undefined) | undefined;
  /** Refuse a whole message after DATA; a refused message is not kept. */
  rejectMessage: ((mail: ReceivedMail) => SmtpRejection | undefined) | undefined;
  /** The first message (already received or still to come) that matches. */
  waitFor(predicate?: (mail: ReceivedMail) => boolean, timeoutMs?: number): Promise<ReceivedMail>;
  close(): Promise<void>;
}

export async function startMailServer(options: MailServerOptions = {}): Promise<MailServer> {
  const host = options.host ?? "127.0.0.1";
  const received: ReceivedMail[] = [];
  const logins: Login[] = [];
  const waiters = new Set<(mail: ReceivedMail) => void>();
  const credentials = options.credentials;

  const server = new SMTPServer({
    logger: false,
    disabledCommands: ["STARTTLS"],
    authOptional: !credentials,
    allowInsecureAuth: true,
    authMethods: ["PLAIN", "LOGIN"],
    closeTimeout: 200,
    onAuth(auth, _session, callback) {
      const user = auth.username ?? "";
      const pass = auth.password ?? "";
      const accepted = !credentials || (user === credentials.user && pass === credentials.pass);
      logins.push({ user, pass, accepted, at: new Date() });
      if (!accepted) return callback(smtpError({ code: 535, message: "Authentication failed" }));
      callback(null, { user });
    },
    onRcptTo(address, _session, callback) {
      const rejection = state.rejectRecipient?.(address.address);
      callback(rejection ? smtpError(rejection) : null);
    },
    onData(stream, session, callback) {
      const chunks: Buffer[] = [];
      stream.on("data", (chunk: Buffer) => chunks.push(chunk));
      stream.on("error", callback);
      stream.on("end", () => {
        const mail: ReceivedMail = {
          receivedAt: new Date(),
          envelopeFrom: session.envelope.mailFrom ? session.envelope.mailFrom.address : "",
          envelopeTo: session.envelope.rcptTo.map((r) => r.address),
          user: typeof session.user === "string" ? session.user : undefined,
          ...parseMail(Buffer.concat(chunks)),
        };
        const rejection = state.rejectMessage?.(mail);
        if (rejection) return callback(smtpError(rejection));
        received.push(mail);
        for (const waiter of waiters) waiter(mail);
        callback(null);
      });
    },
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  server.on("error", () => undefined); // a client that hangs up mid-session is not the test's failure
  const address = server.server.address();
  const port = typeof address === "object" && address ? address.port : 0;

  const state: MailServer = {
    host,
    port,
    url: `smtp://${host}:${port}`,
    received,
    logins,
    rejectRecipient: undefined,
    rejectMessage: undefined,
    waitFor(predicate = () => true, timeoutMs = 5000) {
      const found = received.find(predicate);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          reject(new Error(`no matching mail within ${timeoutMs} ms (${received.length} received)`));
        }, timeoutMs);
        const waiter = (mail: ReceivedMail) => {
          if (!predicate(mail)) return;
          clearTimeout(timer);
          waiters.delete(waiter);
          resolve(mail);
        };
        waiters.add(waiter);
      });
    },
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
  return state;
}

function smtpError(rejection: SmtpRejection): SMTPServerError {
  return Object.assign(new Error(rejection.message), { responseCode: rejection.code });
}

type Parsed = Pick<ReceivedMail, "raw" | "headers" | "subject" | "messageId" | "text" | "html">;

/** Headers and the text/HTML parts of a MIME message: enough for tests, not a general parser. */
export function parseMail(bytes: Buffer): Parsed {
  const entity = parseEntity(bytes.toString("latin1"));
  const parts: { text?: string; html?: string } = {};
  collectParts(entity, parts);
  return {
    raw: bytes.toString("utf8"),
    headers: entity.headers,
    subject: entity.headers.subject ?? "",
    messageId: entity.headers["message-id"] ?? "",
    text: parts.text ?? "",
    html: parts.html,
  };
}

interface Entity {
  headers: Record<string, string>;
  body: string; // latin1: one char per byte
}

function parseEntity(source: string): Entity {
  const match = /\r?\n\r?\n/.exec(source);
  const head = match ? source.slice(0, match.index) : source;
  const body = match ? source.slice(match.index + match[0].length) : "";
  const headers: Record<string, string> = {};
  for (const line of head.replace(/\r?\n(?=[ \t])/g, "").split(/\r?\n/)) {
    const colon = line.indexOf(":");
    if (colon <= 0) continue;
    const name = line.slice(0, colon).trim().toLowerCase();
    headers[name] ??= decodeEncodedWords(utf8(line.slice(colon + 1).trim()));
  }
  return { headers, body };
}

function collectParts(entity: Entity, into: { text?: string; html?: string }): void {
  const type = entity.headers["content-type"] ?? "text/plain";
  const boundary = /boundary="?([^";]+)"?/i.exec(type)?.[1];
  if (/^multipart\//i.test(type) && boundary) {
    const delimiter = `--${boundary}`;
    const end = entity.body.indexOf(`${delimiter}--`);
    const inner = end >= 0 ? entity.body.slice(0, end) : entity.body;
    const sections = inner.split(new RegExp(`(?:^|\\r?\\n)${escapeRegExp(delimiter)}[ \\t]*\\r?\\n`));
    for (const section of sections.slice(1)) collectParts(parseEntity(section.replace(/\r?\n$/, "")), into);
    return;
  }
  const content = decodeBody(entity.body, entity.headers["content-transfer-encoding"] ?? "7bit");
  const charset = /charset="?([^";]+)"?/i.exec(type)?.[1] ?? "utf-8";
  const text = new TextDecoder(charset).decode(content).replace(/\r\n/g, "\n");
  if (/^text\/plain/i.test(type)) into.text ??= text;
  else if (/^text\/html/i.test(type)) into.html ??= text;
}

function decodeBody(body: string, encoding: string): Buffer {
  switch (encoding.toLowerCase()) {
    case "quoted-printable":
      return decodeQuotedPrintable(body);
    case "base64":
      return Buffer.from(body.replace(/\s+/g, ""), "base64");
    default:
      return Buffer.from(body, "latin1");
  }
}

export function decodeQuotedPrintable(body: string): Buffer {
  const joined = body.replace(/[ \t]+(?=\r?\n)/g, "").replace(/=\r?\n/g, "");
  const bytes: number[] = [];
  for (let i = 0; i < joined.length; i++) {
    const hex = joined.slice(i + 1, i + 3);
    if (joined[i] === "=" && /^[0-9A-Fa-f]{2}$/.test(hex)) {
      bytes.push(parseInt(hex, 16));
      i += 2;
    } else {
      bytes.push(joined.charCodeAt(i) & 0xff);
    }
  }
  return Buffer.from(bytes);
}

// RFC 2047: =?charset?Q|B?text?=, with the whitespace between adjacent encoded words dropped.
function decodeEncodedWords(value: string): string {
  return value
    .replace(/(\?=)\s+(?==\?)/g, "$1")
    .replace(/=\?([^?]+)\?([QqBb])\?([^?]*)\?=/g, (_all, charset: string, kind: string, text: string) => {
      const bytes =
        kind.toUpperCase() === "B"
          ? Buffer.from(text, "base64")
          : decodeQuotedPrintable(text.replace(/_/g, " "));
      return new TextDecoder(charset.split("*")[0]).decode(bytes);
    });
}

function utf8(latin1: string): string {
  return Buffer.from(latin1, "latin1").toString("utf8");
}

function escapeRegExp(value: string): string {
  return value.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
}
