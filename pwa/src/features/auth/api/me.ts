import { queryOptions } from "@tanstack/react-query";
import { api, unwrap, type ApiClient } from "@/lib/api/client";
import { setCsrfToken } from "@/lib/api/csrf";
import { queryKeys } from "@/lib/api/keys";
import type { components } from "@/lib/api/schema";

export type Me = components["schemas"]["MeRead"];

/** GET /api/auth/me: who is signed in, and the session's CSRF token (`client`: see lib/api/client.ts). */
export function fetchMe(client: ApiClient = api): Promise<Me> {
  return unwrap(client.GET("/api/auth/me"));
}

/** Who is signed in, in the browser: also keeps the session's CSRF token for the writes (after a reload too). */
export async function getMe(): Promise<Me> {
  const me = await fetchMe();
  setCsrfToken(me.csrf_token);
  return me;
}

export function meQueryOptions() {
  return queryOptions({ queryKey: queryKeys.me(), queryFn: getMe, staleTime: 5 * 60_000, retry: false });
}
