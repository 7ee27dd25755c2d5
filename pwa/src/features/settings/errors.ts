import { ApiError, errorMessage } from "@/lib/api/errors";

/** Settings-specific wording for the API's error codes; anything else keeps the API's message. */
const MESSAGES: Record<string, string> = {
  email_taken: "A user with this email address already exists.",
  last_admin:
    "The workspace needs at least one active admin. Make another user an admin first.",
  forbidden: "Only administrators can manage users and other people's tokens.",
  not_found: "That user or token no longer exists. The list has been refreshed.",
};

export function settingsErrorMessage(error: unknown): string {
  if (error instanceof ApiError && MESSAGES[error.code]) return MESSAGES[error.code];
  return errorMessage(error);
}

/**
 * The fields a validation_error names (`details: [{field: "body.email", message}]`), mapped to
 * form field names, so the message shows next to the input it is about.
 */
export function fieldErrorsFrom<F extends string>(
  error: unknown,
  fields: Record<string, F>,
): Partial<Record<F, string>> {
  if (!(error instanceof ApiError) || error.code !== "validation_error" || !Array.isArray(error.details)) {
    return {};
  }
  const found: Partial<Record<F, string>> = {};
  for (const item of error.details as unknown[]) {
    if (typeof item !== "object" || item === null) continue;
    const { field, message } = item as { field?: unknown; message?: unknown };
    if (typeof field !== "string") continue;
    const name = fields[field.replace(/^body\./, "")];
    if (name && !found[name]) found[name] = typeof message === "string" ? message : "This value is not accepted.";
  }
  return found;
}
