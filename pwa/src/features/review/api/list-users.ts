import { queryOptions, useQuery } from "@tanstack/react-query";
import { api, unwrap } from "@/lib/api/client";
import { queryKeys } from "@/lib/api/keys";
import type { components } from "@/lib/api/schema";

export type User = components["schemas"]["UserRead"];

/**
 * GET /api/users (admins only): names for the edit history. Same key and same data (UserRead[])
 * as the settings screen's list, so both share one cache entry.
 */
export function getUsers(): Promise<User[]> {
  return unwrap(api.GET("/api/users"));
}

export function usersQueryOptions() {
  return queryOptions({ queryKey: queryKeys.users(), queryFn: getUsers });
}

export function useUsers(enabled: boolean) {
  return useQuery({ ...usersQueryOptions(), enabled });
}
