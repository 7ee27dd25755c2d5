"use client";

import { useQuery } from "@tanstack/react-query";
import { useEffect } from "react";
import { setCsrfToken } from "@/lib/api/csrf";
import { meQueryOptions } from "../api/me";

export type Permission = "read" | "write" | "export" | "admin";

/**
 * The signed-in user, and what their role may do (controls a role may not use are not shown).
 * `enabled: false` stops fetching it (while signing out: the answer would be a 401).
 */
export function useSession({ enabled = true }: { enabled?: boolean } = {}) {
  const query = useQuery({ ...meQueryOptions(), enabled });
  // The answer may have come with the page (rendered on the server), not through getMe: the
  // writes still need the session's CSRF token. (A copy restored from IndexedDB has none.)
  const csrf = query.data?.csrf_token;
  useEffect(() => {
    if (csrf) setCsrfToken(csrf);
  }, [csrf]);
  const permissions = new Set(query.data?.permissions ?? []);
  return {
    ...query,
    me: query.data,
    can: (permission: Permission) => permissions.has(permission),
  };
}
