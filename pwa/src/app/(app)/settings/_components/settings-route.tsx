"use client";

import { useSession } from "@/features/auth/hooks/use-session";
import { SettingsScreen } from "@/features/settings/components/settings-screen";

/** Hands the session (loaded by the app shell before any page renders) to the settings feature. */
export function SettingsRoute() {
  const { me, can } = useSession();
  if (!me) return null;
  return <SettingsScreen isAdmin={can("admin")} currentUserId={me.user.id} role={me.user.role} />;
}
