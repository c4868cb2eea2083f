// Turning an error from the API into something a form can show: the server's own message, next to
// the field it names (when the form has that field), in plain words rather than field codes.
import { ApiError, errorMessage } from "../../api.ts";

export interface Problem {
  message: string;
  /** The form field the problem is about, when the form has it. */
  field?: string;
}

/** The labels of a form's fields by API field name, e.g. { newPassword: "New password" }. */
export type FieldLabels = Readonly<Record<string, string>>;

/** "newPassword: must be at least 12 characters" → "New password must be at least 12 characters". */
export function plainMessage(message: string, field: string, label: string): string {
  let rest: string | undefined;
  if (message.startsWith(`${field}: `)) rest = message.slice(field.length + 2);
  else if (message.startsWith(`${field} `)) rest = message.slice(field.length + 1);
  if (rest === undefined) return message;
  const first = rest.charAt(0);
  return first === first.toLowerCase() ? `${label} ${rest}` : `${label}: ${rest}`;
}

/**
 * The problem to show for an error thrown by api(). `fieldFor` can point errors without a field
 * (e.g. a wrong current password, which the server answers with 401) at the field they are about.
 */
export function problemOf(
  error: unknown,
  labels: FieldLabels,
  fieldFor?: (error: ApiError) => string | undefined,
): Problem {
  if (error instanceof ApiError) {
    const field = error.field && error.field in labels ? error.field : fieldFor?.(error);
    if (field && field in labels)
      return { field, message: plainMessage(error.message, field, labels[field]!) };
  }
  return { message: errorMessage(error) };
}

/** The message for one field, if the problem is about it. */
export const errorFor = (problem: Problem | undefined, field: string) =>
  problem?.field === field ? problem.message : undefined;
