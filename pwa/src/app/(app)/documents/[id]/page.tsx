import { HydrationBoundary } from "@tanstack/react-query";
import { reviewData } from "../../_server/initial-data";
import { ReviewRoute } from "./_components/review-route";

/** `/documents/<id>`: the review screen, the document's fields in the HTML. */
export default async function ReviewPage({ params }: { params: Promise<{ id: string }> }) {
  const { id } = await params;
  const state = await reviewData(id);
  return (
    <HydrationBoundary state={state}>
      <ReviewRoute documentId={id} />
    </HydrationBoundary>
  );
}
