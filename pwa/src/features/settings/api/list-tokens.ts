import { queryOptions, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/lib/api/client";
import { queryKeys } from "@/lib/api/keys";
import type { components } from "@/lib/api/schema";

export type Token = components["schemas"]["TokenRead"];

/** GET /api/tokens: the signed-in user's own API tokens (any role). */
export function getTokens(): Promise<Token[]> {
  return unwrap(api.GET("/api/tokens"));
}

export function tokensQueryOptions() {
  return queryOptions({ queryKey: queryKeys.tokens(), queryFn: getTokens });
}

export function useTokens() {
  return useQuery(tokensQueryOptions());
}
