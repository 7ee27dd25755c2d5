"use client";

import { Dashboard } from "@/features/dashboard/components/dashboard";
import { useSession } from "@/features/auth/hooks/use-session";

/** The dashboard with the signed-in role's permissions (the app layer joins the two features). */
export function DashboardScreen() {
  const { can } = useSession();
  return <Dashboard canWrite={can("write")} canExport={can("export")} />;
}
