import createClient, { type Client, type Middleware } from "openapi-fetch";
import { getCsrfToken } from "./csrf";
import { ApiError, NetworkError, toApiError } from "./errors";
import type { paths } from "./schema";
import { notifySessionExpired } from "./session-events";

const UNSAFE = new Set(["POST", "PUT", "PATCH", "DELETE"]);

/** Adds the CSRF header to unsafe requests and reports a 401 (session ended) to the app shell. */
const session: Middleware = {
  onRequest({ request }) {
    const csrf = getCsrfToken();
    if (csrf && UNSAFE.has(request.method)) request.headers.set("X-CSRF-Token", csrf);
    return request;
  },
  onResponse({ response, request }) {
    if (response.status === 401 && !new URL(request.url).pathname.startsWith("/api/auth/")) {
      notifySessionExpired();
    }
    return response;
  },
};

/** A typed client of the API: the browser's (`api`) or, while the server renders, one per request. */
export type ApiClient = Client<paths>;

/** The typed client for the API (same origin: the PWA proxies /api/* to it). */
export const api: ApiClient = createClient<paths>({
  baseUrl: typeof window === "undefined" ? "http://127.0.0.1" : window.location.origin,
  credentials: "same-origin",
});
api.use(session);

interface FetchResult<T> {
  data?: T;
  error?: unknown;
  response: Response;
}

/**
 * Unwraps an openapi-fetch result: the data, or a thrown ApiError carrying the envelope
 * (or a NetworkError when no answer came back).
 */
export async function unwrap<T>(call: Promise<FetchResult<T>>): Promise<T> {
  let result: FetchResult<T>;
  try {
    result = await call;
  } catch (error) {
    if (error instanceof ApiError) throw error;
    throw new NetworkError();
  }
  const { data, error, response } = result;
  if (!response.ok) throw toApiError(response.status, error, response.headers.get("Retry-After"));
  return data as T;
}

/** Like unwrap, but also hands back the response (for ETag and friends). */
export async function unwrapWithResponse<T>(
  call: Promise<FetchResult<T>>,
): Promise<{ data: T; response: Response }> {
  let result: FetchResult<T>;
  try {
    result = await call;
  } catch {
    throw new NetworkError();
  }
  const { data, error, response } = result;
  if (!response.ok) throw toApiError(response.status, error, response.headers.get("Retry-After"));
  return { data: data as T, response };
}
