"use client";

import { use } from "react";
import { useSession } from "@/features/auth/hooks/use-session";
import { ReviewScreen } from "@/features/review/components/review-screen";

/** `/documents/<id>`: the review screen, with what the signed-in role may do. */
export default function ReviewPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = use(params);
  const { me, can } = useSession();
  return (
    <ReviewScreen
      key={id}
      documentId={id}
      permissions={{ write: can("write"), export: can("export"), admin: can("admin") }}
      currentUserId={me?.user.id ?? null}
    />
  );
}
