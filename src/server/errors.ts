// Errors a request can end with. Each carries the HTTP status and a message a person can act on.
export class AppError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
    message: string,
    readonly field?: string,
  ) {
    super(message);
    this.name = "AppError";
  }
}

export const badRequest = (message: string, field?: string) => new AppError(400, "invalid", message, field);
export const unauthenticated = (message = "Please sign in.") => new AppError(401, "unauthenticated", message);
export const forbidden = (message = "You do not have permission to do that.") =>
  new AppError(403, "forbidden", message);
/** Also used where a record exists but the user may not know it does. */
export const notFound = (what = "record") => new AppError(404, "not-found", `No such ${what}.`);
export const conflict = (message: string, field?: string) => new AppError(409, "conflict", message, field);
