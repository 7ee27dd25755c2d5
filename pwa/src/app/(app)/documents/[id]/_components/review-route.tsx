"use client";

import { useSession } from "@/features/auth/hooks/use-session";
import { ReviewScreen } from "@/features/review/components/review-screen";

/** The review screen, with what the signed-in role may do. */
export function ReviewRoute({ documentId }: { documentId: string }) {
  const { me, can } = useSession();
  return (
    <ReviewScreen
      key={documentId}
      documentId={documentId}
      permissions={{ write: can("write"), export: can("export"), admin: can("admin") }}
      currentUserId={me?.user.id ?? null}
    />
  );
}
