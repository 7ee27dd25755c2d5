"use client";

import { useQuery } from "@tanstack/react-query";
import { meQueryOptions } from "../api/me";

export type Permission = "read" | "write" | "export" | "admin";

/**
 * The signed-in user, and what their role may do (controls a role may not use are not shown).
 * `enabled: false` stops fetching it (while signing out: the answer would be a 401).
 */
export function useSession({ enabled = true }: { enabled?: boolean } = {}) {
  const query = useQuery({ ...meQueryOptions(), enabled });
  const permissions = new Set(query.data?.permissions ?? []);
  return {
    ...query,
    me: query.data,
    can: (permission: Permission) => permissions.has(permission),
  };
}
