// The one way the app talks to Shield's API: same-origin cookies, the session's CSRF token on every
// write, and errors turned into ApiError with the server's own plain-English message.

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = "ApiError";
  }
}

/** The device could not reach Shield at all (offline, or the server is down). */
export class OfflineError extends Error {
  constructor() {
    super("You seem to be offline, so Shield could not be reached.");
    this.name = "OfflineError";
  }
}

let csrfToken: string | undefined;
export const setCsrfToken = (token: string | undefined) => {
  csrfToken = token;
};

/**
 * Who is signed in, asked of the server (and the CSRF token that writes need, which the app lacks after
 * starting offline). Queued records are only ever sent as the person who recorded them.
 */
export async function signedInUserId(): Promise<string> {
  const session = await api<{ csrfToken: string; user: { id: string } }>("/api/auth/session");
  csrfToken = session.csrfToken;
  return session.user.id;
}

export interface RequestOptions {
  method?: "GET" | "POST" | "PUT" | "PATCH" | "DELETE";
  body?: unknown;
  /** Sent as Idempotency-Key: a retried write is applied once. */
  idempotencyKey?: string;
  signal?: AbortSignal;
}

export async function api<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const method = options.method ?? (options.body === undefined ? "GET" : "POST");
  const headers: Record<string, string> = { accept: "application/json" };
  let body: BodyInit | undefined;
  if (options.body instanceof FormData) body = options.body;
  else if (options.body !== undefined) {
    headers["content-type"] = "application/json";
    body = JSON.stringify(options.body);
  }
  if (method !== "GET" && csrfToken) headers["x-csrf-token"] = csrfToken;
  if (options.idempotencyKey) headers["idempotency-key"] = options.idempotencyKey;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: body ?? null,
      credentials: "same-origin",
      ...(options.signal ? { signal: options.signal } : {}),
    });
  } catch (error) {
    if ((error as Error).name === "AbortError") throw error;
    throw new OfflineError();
  }
  if (response.status === 204) return undefined as T;
  const text = await response.text();
  let data: unknown;
  try {
    data = text ? JSON.parse(text) : undefined;
  } catch {
    data = undefined;
  }
  if (!response.ok) {
    const error = (data as { error?: { code?: string; message?: string; field?: string } } | undefined)
      ?.error;
    throw new ApiError(
      response.status,
      error?.code ?? "http-" + response.status,
      error?.message ??
        (response.status >= 500
          ? "Shield's server had a problem. Nothing was changed; please try again."
          : "Shield could not do that."),
      error?.field,
    );
  }
  return data as T;
}

/**
 * A file the server makes on request (an evidence pack, a CSV): sent like api(), answered with the file.
 * Resolves to the file and the name the server gave it (Content-Disposition), or `fallbackName`.
 */
export async function apiFile(
  path: string,
  fallbackName: string,
  options: Omit<RequestOptions, "idempotencyKey"> = {},
): Promise<{ blob: Blob; filename: string }> {
  const method = options.method ?? (options.body === undefined ? "GET" : "POST");
  const headers: Record<string, string> = { accept: "*/*" };
  if (options.body !== undefined) headers["content-type"] = "application/json";
  if (method !== "GET" && csrfToken) headers["x-csrf-token"] = csrfToken;
  let response: Response;
  try {
    response = await fetch(path, {
      method,
      headers,
      body: options.body === undefined ? null : JSON.stringify(options.body),
      credentials: "same-origin",
      ...(options.signal ? { signal: options.signal } : {}),
    });
  } catch (error) {
    if ((error as Error).name === "AbortError") throw error;
    throw new OfflineError();
  }
  if (!response.ok) {
    let error: { code?: string; message?: string; field?: string } | undefined;
    try {
      error = ((await response.json()) as { error?: typeof error }).error;
    } catch {
      error = undefined;
    }
    throw new ApiError(
      response.status,
      error?.code ?? "http-" + response.status,
      error?.message ??
        (response.status >= 500
          ? "Shield's server had a problem making the file. Nothing was changed; please try again."
          : "Shield could not make that file."),
      error?.field,
    );
  }
  const disposition = response.headers.get("content-disposition") ?? "";
  const named =
    /filename\*=UTF-8''([^;]+)/i.exec(disposition)?.[1] ?? /filename="?([^";]+)"?/i.exec(disposition)?.[1];
  let filename = fallbackName;
  if (named) {
    try {
      filename = decodeURIComponent(named);
    } catch {
      filename = named;
    }
  }
  return { blob: await response.blob(), filename };
}

/** Hands a file to the browser to save, under its name. */
export function saveFile(blob: Blob, filename: string): void {
  const url = URL.createObjectURL(blob);
  const link = document.createElement("a");
  link.href = url;
  link.download = filename;
  link.style.display = "none";
  document.body.append(link);
  link.click();
  link.remove();
  setTimeout(() => URL.revokeObjectURL(url), 60_000);
}

/** The message to show a person for any error thrown by api(). */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError || error instanceof OfflineError) return error.message;
  return "Something went wrong. Nothing was changed; please try again.";
}
