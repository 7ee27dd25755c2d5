/**
 * The API as the Next server sees it while rendering a screen for a signed-in browser: the same
 * typed client, sent straight to the API (not through the /api proxy) with the browser's session
 * cookie. Only for reads that put a screen's first data into the HTML; whatever fails here
 * (no session, a slow or unreachable API) leaves the screen to load in the browser as before.
 * Server code only (next/headers).
 */
import createClient from "openapi-fetch";
import { cookies, headers } from "next/headers";
import type { ApiClient } from "./client";
import type { paths } from "./schema";
import { PRECACHE_HEADER, SESSION_COOKIE } from "./session-cookie";

/** The API's address, fixed at build time like the /api rewrite (next.config.ts). */
const API_URL = (process.env.DOCFLOW_SERVER_API_URL ?? "http://127.0.0.1:8000").replace(/\/$/, "");

/**
 * How long a screen's HTML may wait for the API before it is sent without data. Generous for a
 * loopback call (a few ms), short against a stuck API.
 */
const TIMEOUT_MS = 1_500;

/** A client carrying this request's session, or null when there is none to carry. */
export async function sessionApiClient(): Promise<ApiClient | null> {
  const [cookieStore, headerStore] = await Promise.all([cookies(), headers()]);
  if (headerStore.get(PRECACHE_HEADER) === "1") return null;
  const session = cookieStore.get(SESSION_COOKIE)?.value;
  if (!session) return null;
  const requestId = headerStore.get("x-request-id");
  return createClient<paths>({
    baseUrl: API_URL,
    headers: {
      cookie: `${SESSION_COOKIE}=${session}`,
      ...(requestId ? { "x-request-id": requestId } : {}),
    },
    fetch: (request: Request) => fetch(request, { cache: "no-store", signal: AbortSignal.timeout(TIMEOUT_MS) }),
  });
}
