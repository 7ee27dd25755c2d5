import { queryOptions, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/lib/api/client";
import { queryKeys } from "@/lib/api/keys";
import type { Token } from "./list-tokens";

/** GET /api/users/{id}/tokens: one user's API tokens (admins only). */
export function getUserTokens(userId: string): Promise<Token[]> {
  return unwrap(api.GET("/api/users/{user_id}/tokens", { params: { path: { user_id: userId } } }));
}

export function userTokensQueryOptions(userId: string) {
  return queryOptions({ queryKey: queryKeys.userTokens(userId), queryFn: () => getUserTokens(userId) });
}

export function useUserTokens(userId: string) {
  return useQuery(userTokensQueryOptions(userId));
}
