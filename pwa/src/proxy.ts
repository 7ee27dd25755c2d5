import { NextResponse, type NextRequest } from "next/server";

const SESSION_COOKIE = "docflow_session";

/** A screen visited without a session cookie goes to /login?next=… (the API still checks it). */
export function proxy(request: NextRequest) {
  if (request.cookies.has(SESSION_COOKIE)) return NextResponse.next();
  const url = request.nextUrl.clone();
  url.pathname = "/login";
  url.search = `?next=${encodeURIComponent(request.nextUrl.pathname + request.nextUrl.search)}`;
  return NextResponse.redirect(url);
}

export const config = {
  matcher: ["/", "/upload", "/outbox", "/settings", "/documents/:path*"],
};
