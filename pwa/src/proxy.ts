import { NextResponse, type NextRequest } from "next/server";
import { PRECACHE_HEADER, SESSION_COOKIE } from "./lib/api/session-cookie";

/** A screen visited without a session cookie goes to /login?next=… (the API still checks it). */
export function proxy(request: NextRequest) {
  if (request.cookies.has(SESSION_COOKIE)) return NextResponse.next();
  // The service worker precaching the app shell (static pages, no user data) for offline use.
  if (request.headers.get(PRECACHE_HEADER) === "1") return NextResponse.next();
  const url = request.nextUrl.clone();
  url.pathname = "/login";
  url.search = `?next=${encodeURIComponent(request.nextUrl.pathname + request.nextUrl.search)}`;
  return NextResponse.redirect(url);
}

export const config = {
  matcher: ["/", "/upload", "/outbox", "/settings", "/documents/:path*"],
};
