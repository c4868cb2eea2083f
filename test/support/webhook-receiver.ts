// An HTTP server in the test process that records every request (for alert webhooks, or as a stand-in
// push service) and answers as the test says: a status, a delay, or never ("hang").
import { createServer, type IncomingHttpHeaders } from "node:http";
import { verifyWebhookSignature } from "../../src/server/notify/webhook.ts";

export interface ReceivedRequest {
  receivedAt: Date;
  method: string;
  /** Path and query string. */
  path: string;
  headers: IncomingHttpHeaders;
  body: Buffer;
  /** The body as UTF-8. */
  text: string;
  /** The parsed body when it is JSON, otherwise undefined. */
  json: any;
  /** With a secret: whether x-shield-signature / x-shield-timestamp check out (verifyWebhookSignature). */
  signatureValid?: boolean;
}

export type Reply =
  { status: number; body?: string | object; headers?: Record<string, string>; delayMs?: number } | "hang";

export interface WebhookReceiverOptions {
  port?: number;
  host?: string;
  /** The shared webhook secret: each request's signature is checked and the result recorded. */
  secret?: string;
  /** How to answer; defaults to 200 {"ok":true}. Can also be changed later on the receiver. */
  respond?: (request: ReceivedRequest) => Reply | Promise<Reply>;
}

export interface WebhookReceiver {
  readonly host: string;
  readonly port: number;
  /** http://host:port (no trailing slash): append any path. */
  readonly url: string;
  readonly received: ReceivedRequest[];
  respond: (request: ReceivedRequest) => Reply | Promise<Reply>;
  /** The first request (already received or still to come) that matches. */
  waitFor(predicate?: (request: ReceivedRequest) => boolean, timeoutMs?: number): Promise<ReceivedRequest>;
  /** Closes the server, cutting off requests left hanging. */
  close(): Promise<void>;
}

export async function startWebhookReceiver(options: WebhookReceiverOptions = {}): Promise<WebhookReceiver> {
  const host = options.host ?? "127.0.0.1";
  const received: ReceivedRequest[] = [];
  const waiters = new Set<(request: ReceivedRequest) => void>();
  const timers = new Set<NodeJS.Timeout>();

  const server = createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (chunk: Buffer) => chunks.push(chunk));
    req.on("end", () => {
      const body = Buffer.concat(chunks);
      const text = body.toString("utf8");
      let json: unknown;
      try {
        json = JSON.parse(text);
      } catch {
        json = undefined;
      }
      const request: ReceivedRequest = {
        receivedAt: new Date(),
        method: req.method ?? "",
        path: req.url ?? "",
        headers: req.headers,
        body,
        text,
        json,
      };
      if (options.secret !== undefined) {
        request.signatureValid = verifyWebhookSignature({
          secret: options.secret,
          timestamp: header(req.headers, "x-shield-timestamp"),
          rawBody: body,
          signature: header(req.headers, "x-shield-signature"),
        });
      }
      received.push(request);
      for (const waiter of waiters) waiter(request);
      Promise.resolve(receiver.respond(request)).then(
        (reply) => {
          if (reply === "hang") return;
          const send = () => {
            const payload =
              reply.body === undefined
                ? ""
                : typeof reply.body === "string"
                  ? reply.body
                  : JSON.stringify(reply.body);
            const type = typeof reply.body === "object" ? { "content-type": "application/json" } : {};
            res.writeHead(reply.status, { ...type, ...reply.headers });
            res.end(payload);
          };
          if (!reply.delayMs) return send();
          const timer = setTimeout(() => {
            timers.delete(timer);
            send();
          }, reply.delayMs);
          timers.add(timer);
        },
        () => {
          res.writeHead(500);
          res.end();
        },
      );
    });
  });
  await new Promise<void>((resolve, reject) => {
    server.once("error", reject);
    server.listen(options.port ?? 0, host, () => resolve());
  });
  const address = server.address();
  const port = typeof address === "object" && address ? address.port : 0;

  const receiver: WebhookReceiver = {
    host,
    port,
    url: `http://${host.includes(":") ? `[${host}]` : host}:${port}`,
    received,
    respond: options.respond ?? (() => ({ status: 200, body: { ok: true } })),
    waitFor(predicate = () => true, timeoutMs = 5000) {
      const found = received.find(predicate);
      if (found) return Promise.resolve(found);
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => {
          waiters.delete(waiter);
          reject(new Error(`no matching request within ${timeoutMs} ms (${received.length} received)`));
        }, timeoutMs);
        const waiter = (request: ReceivedRequest) => {
          if (!predicate(request)) return;
          clearTimeout(timer);
          waiters.delete(waiter);
          resolve(request);
        };
        waiters.add(waiter);
      });
    },
    close() {
      for (const timer of timers) clearTimeout(timer);
      return new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      });
    },
  };
  return receiver;
}

function header(headers: IncomingHttpHeaders, name: string): string | undefined {
  const value = headers[name];
  return Array.isArray(value) ? value[0] : value;
}
