import type { Metadata } from "next";
import { Suspense } from "react";
import { DashboardSkeleton } from "@/features/dashboard/components/list-states";
import { DashboardScreen } from "./_components/dashboard-screen";

export const metadata: Metadata = { title: "Documents" };

// The filters live in the URL (useSearchParams): the boundary lets the page prerender.
export default function DashboardPage() {
  return (
    <Suspense fallback={<DashboardSkeleton />}>
      <DashboardScreen />
    </Suspense>
  );
}
