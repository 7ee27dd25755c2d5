import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";
import type { ViewerError } from "./file-error";

/** A loading line, or an error in words with "Try again" (when it may help) and a download link. */
export function ViewerMessage({
  error,
  onRetry,
  downloadHref,
  children,
}: {
  error?: ViewerError;
  onRetry?: () => void;
  downloadHref?: string;
  children?: ReactNode;
}) {
  if (!error) {
    return (
      <p role="status" className="p-6 text-center text-sm text-slate-600">
        {children ?? "Loading document…"}
      </p>
    );
  }
  return (
    <div role="alert" className="m-4 rounded-md border border-red-200 bg-red-50 p-4 text-sm text-red-900">
      <p>{error.message}</p>
      {children}
      <div className="mt-3 flex flex-wrap gap-2">
        {error.retryable && onRetry && <Button onClick={onRetry}>Try again</Button>}
        {downloadHref && (
          <a href={downloadHref} download className="inline-flex min-h-11 items-center rounded-md px-2 font-medium text-brand-700 underline underline-offset-2 hover:text-brand-800">
            Download the original
          </a>
        )}
      </div>
    </div>
  );
}
