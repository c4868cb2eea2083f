// Sending requests as a given caller (bearer token, or nobody), with JSON or multipart bodies.
import type { App } from "../../src/server/app.ts";
import { encodeIndexedPng } from "../../src/core/demo/png.ts";

export interface Caller {
  /** How tests name this caller, e.g. "logonly-A". */
  name: string;
  /** Bearer token; undefined for an anonymous caller. */
  token?: string | undefined;
  userId?: string | undefined;
}

/** A hand-built multipart/form-data body. */
export class MultipartBody {
  constructor(
    readonly payload: Buffer,
    readonly contentType: string,
  ) {}
}

export type MultipartPart =
  | { name: string; value: string }
  | { name: string; filename: string; contentType?: string; data: Uint8Array };

export function multipart(parts: MultipartPart[], boundary = "----shield-test-7d2f9a"): MultipartBody {
  const chunks: Buffer[] = [];
  for (const part of parts) {
    chunks.push(Buffer.from(`--${boundary}\r\n`));
    if ("data" in part) {
      chunks.push(
        Buffer.from(
          `Content-Disposition: form-data; name="${part.name}"; filename="${part.filename}"\r\n` +
            `Content-Type: ${part.contentType ?? "application/octet-stream"}\r\n\r\n`,
        ),
      );
      chunks.push(Buffer.from(part.data));
    } else {
      chunks.push(
        Buffer.from(`Content-Disposition: form-data; name="${part.name}"\r\n\r\n`),
        Buffer.from(part.value),
      );
    }
    chunks.push(Buffer.from("\r\n"));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return new MultipartBody(Buffer.concat(chunks), `multipart/form-data; boundary=${boundary}`);
}

/** A valid 2×2 PNG (its type is read from its bytes by the server). */
export const tinyPng = (): Uint8Array =>
  encodeIndexedPng(2, 2, Uint8Array.of(0, 1, 1, 0), [
    [0, 0, 0],
    [255, 255, 255],
  ]);

/** A screenshot upload for POST /api/incidents/:id/evidence/file. */
export const pngUpload = (source = "screenshot") =>
  multipart([
    { name: "source", value: source },
    { name: "file", filename: "screenshot.png", contentType: "image/png", data: tinyPng() },
  ]);

export interface Response {
  status: number;
  body: any;
  headers: Record<string, unknown>;
}

const parse = (text: string): unknown => {
  try {
    return JSON.parse(text);
  } catch {
    return text;
  }
};

/** Sends a request as the caller: JSON for plain values, multipart for a MultipartBody, nothing for undefined. */
export async function send(
  app: App,
  caller: Caller,
  method: string,
  url: string,
  body?: unknown,
  extraHeaders: Record<string, string> = {},
): Promise<Response> {
  const headers: Record<string, string> = { ...extraHeaders };
  if (caller.token) headers["authorization"] = `Bearer ${caller.token}`;
  let payload: string | Buffer | undefined;
  if (body instanceof MultipartBody) {
    headers["content-type"] = body.contentType;
    payload = body.payload;
  } else if (body !== undefined) {
    headers["content-type"] = "application/json";
    payload = JSON.stringify(body);
  }
  const response = await app.inject({
    method: method as "GET",
    url,
    headers,
    ...(payload === undefined ? {} : { payload }),
  });
  return {
    status: response.statusCode,
    body: parse(response.body),
    headers: response.headers as Record<string, unknown>,
  };
}

/** Sends raw bytes or text with whatever content type (or none) a test chooses. */
export async function sendRaw(
  app: App,
  caller: Caller,
  method: string,
  url: string,
  payload: string | Buffer | undefined,
  contentType: string | undefined,
): Promise<Response & { text: string; bytes: Buffer }> {
  const headers: Record<string, string> = {};
  if (caller.token) headers["authorization"] = `Bearer ${caller.token}`;
  if (contentType !== undefined) headers["content-type"] = contentType;
  const response = await app.inject({
    method: method as "GET",
    url,
    headers,
    ...(payload === undefined ? {} : { payload }),
  });
  return {
    status: response.statusCode,
    body: parse(response.body),
    text: response.body,
    bytes: response.rawPayload,
    headers: response.headers as Record<string, unknown>,
  };
}
