/** The API's error envelope, `{"error": {"code", "message", "details"}}`, as a thrown value. */
export interface ErrorBody {
  code: string;
  message: string;
  details?: unknown;
}

export class ApiError extends Error {
  readonly status: number;
  readonly code: string;
  readonly details: unknown;
  readonly retryAfterSeconds: number | null;

  constructor(status: number, body: ErrorBody, retryAfterSeconds: number | null = null) {
    super(body.message);
    this.name = "ApiError";
    this.status = status;
    this.code = body.code;
    this.details = body.details;
    this.retryAfterSeconds = retryAfterSeconds;
  }
}

/** A request that never got an answer (offline, DNS, connection reset). */
export class NetworkError extends Error {
  constructor(message = "The server could not be reached. Check your connection.") {
    super(message);
    this.name = "NetworkError";
  }
}

function isErrorBody(value: unknown): value is { error: ErrorBody } {
  if (typeof value !== "object" || value === null || !("error" in value)) return false;
  const inner = (value as { error: unknown }).error;
  return (
    typeof inner === "object" &&
    inner !== null &&
    typeof (inner as ErrorBody).code === "string" &&
    typeof (inner as ErrorBody).message === "string"
  );
}

function parseRetryAfter(value: string | null): number | null {
  if (!value) return null;
  const seconds = Number(value);
  if (Number.isFinite(seconds)) return Math.max(0, seconds);
  const at = Date.parse(value);
  return Number.isNaN(at) ? null : Math.max(0, Math.round((at - Date.now()) / 1000));
}

/** Build an ApiError from a status, a parsed body (if any) and the Retry-After header. */
export function toApiError(status: number, body: unknown, retryAfter: string | null = null): ApiError {
  const parsed = isErrorBody(body)
    ? body.error
    : { code: `http_${status}`, message: defaultMessage(status) };
  return new ApiError(status, parsed, parseRetryAfter(retryAfter));
}

function defaultMessage(status: number): string {
  if (status === 401) return "Your session has ended. Sign in again.";
  if (status === 403) return "Your role may not do this.";
  if (status === 404) return "Not found.";
  if (status >= 500) return "The server had a problem. Try again in a moment.";
  return `The request failed (HTTP ${status}).`;
}

/** Words for a person, whatever was thrown. */
export function errorMessage(error: unknown): string {
  if (error instanceof ApiError || error instanceof NetworkError) return error.message;
  if (error instanceof Error) return error.message;
  return "Something went wrong.";
}
