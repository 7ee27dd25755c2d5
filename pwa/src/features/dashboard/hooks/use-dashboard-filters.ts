"use client";

import { usePathname, useSearchParams } from "next/navigation";
import { useCallback, useMemo, useState } from "react";
import { filtersFromSearchParams, filtersToSearchParams, type DashboardFilters } from "../schemas";

/**
 * The dashboard's filters live in the URL (shareable, kept across a reload). A change replaces the
 * history entry (no entry per keystroke) with the native `history.replaceState`, which Next's
 * router picks up for useSearchParams without asking the server for the page again (router.replace
 * would fetch the route's RSC payload on every filter change). Until the router has caught up, the
 * filters just asked for are shown, so a checkbox ticks at once. Needs a <Suspense> boundary above
 * it (useSearchParams).
 */
export function useDashboardFilters() {
  const searchParams = useSearchParams();
  const pathname = usePathname();
  const urlQuery = searchParams.toString();
  // The query just asked for, and the URL it was asked from: it counts only while the router still
  // shows that URL (once the URL moves — to it or by the back button — the URL wins).
  const [asked, setAsked] = useState<{ from: string; query: string } | null>(null);
  const query = asked && asked.from === urlQuery ? asked.query : urlQuery;
  const filters = useMemo(() => filtersFromSearchParams(new URLSearchParams(query)), [query]);

  const setFilters = useCallback(
    (update: Partial<DashboardFilters> | ((current: DashboardFilters) => DashboardFilters)) => {
      // A late change (a debounced search firing after the reviewer clicked into a document)
      // must not pull the browser back to the dashboard.
      if (window.location.pathname !== pathname) return;
      // Read the live URL, not the render's copy: two quick changes must not undo each other.
      const live = window.location.search.replace(/^\?/, "");
      const current = filtersFromSearchParams(new URLSearchParams(live));
      const next = typeof update === "function" ? update(current) : { ...current, ...update };
      const search = filtersToSearchParams(next).toString();
      if (search === new URLSearchParams(live).toString()) return;
      setAsked({ from: urlQuery, query: search });
      window.history.replaceState(null, "", search ? `${pathname}?${search}` : pathname);
    },
    [pathname, urlQuery],
  );

  return { filters, setFilters, query: filtersToSearchParams(filters).toString() };
}
