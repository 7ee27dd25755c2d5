"use client";

import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useCallback, useMemo } from "react";
import { filtersFromSearchParams, filtersToSearchParams, type DashboardFilters } from "../schemas";

/**
 * The dashboard's filters live in the URL (shareable, kept across a reload). Changing them
 * replaces the history entry rather than adding one per keystroke. Needs a <Suspense> boundary
 * above it (useSearchParams).
 */
export function useDashboardFilters() {
  const searchParams = useSearchParams();
  const router = useRouter();
  const pathname = usePathname();
  const query = searchParams.toString();
  const filters = useMemo(() => filtersFromSearchParams(new URLSearchParams(query)), [query]);

  const setFilters = useCallback(
    (update: Partial<DashboardFilters> | ((current: DashboardFilters) => DashboardFilters)) => {
      // Read the live URL, not the render's copy: two quick changes must not undo each other.
      const current = filtersFromSearchParams(new URLSearchParams(window.location.search));
      const next = typeof update === "function" ? update(current) : { ...current, ...update };
      const search = filtersToSearchParams(next).toString();
      if (search === new URLSearchParams(window.location.search).toString()) return;
      router.replace(search ? `${pathname}?${search}` : pathname, { scroll: false });
    },
    [router, pathname],
  );

  return { filters, setFilters, query: filtersToSearchParams(filters).toString() };
}
