"use client";

import { useSession } from "@/features/auth/hooks/use-session";
import { UploadScreen } from "@/features/upload/components/upload-screen";

export function UploadRoute() {
  const { me, can } = useSession();
  // The app shell renders its pages only once the session is known.
  if (!me) return null;
  return <UploadScreen userId={me.user.id} canWrite={can("write")} />;
}
