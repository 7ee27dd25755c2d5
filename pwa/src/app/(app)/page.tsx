import { HydrationBoundary } from "@tanstack/react-query";
import type { Metadata } from "next";
import { DashboardScreen } from "./_components/dashboard-screen";
import { dashboardData } from "./_server/initial-data";

export const metadata: Metadata = { title: "Documents" };

/** `/`: the dashboard, its first page of documents (under the URL's filters) in the HTML. */
export default async function DashboardPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const state = await dashboardData(await searchParams);
  return (
    <HydrationBoundary state={state}>
      {/* No Suspense boundary here: the page is rendered per request (useSearchParams needs none),
          and a boundary would let the list stream after the header, revealed later by a script. */}
      <DashboardScreen />
    </HydrationBoundary>
  );
}
