import { queryOptions } from "@tanstack/react-query";
import { api, unwrap } from "@/lib/api/client";
import { setCsrfToken } from "@/lib/api/csrf";
import { queryKeys } from "@/lib/api/keys";
import type { components } from "@/lib/api/schema";

export type Me = components["schemas"]["MeRead"];

/** GET /api/auth/me: who is signed in (and, after a reload, the session's CSRF token). */
export async function getMe(): Promise<Me> {
  const me = await unwrap(api.GET("/api/auth/me"));
  setCsrfToken(me.csrf_token);
  return me;
}

export function meQueryOptions() {
  return queryOptions({ queryKey: queryKeys.me(), queryFn: getMe, staleTime: 5 * 60_000, retry: false });
}
