import Link from "next/link";
import type { ReactNode } from "react";
import { Button } from "@/components/ui/button";

/** Grey rows while the first page loads. */
export function ListSkeleton({ rows = 6 }: { rows?: number }) {
  return (
    <div aria-busy="true" className="flex flex-col gap-2">
      <p role="status" className="sr-only">
        Loading documents…
      </p>
      {Array.from({ length: rows }, (_, index) => (
        <div key={index} aria-hidden="true" className="flex animate-pulse items-center gap-4 rounded-lg border border-slate-200 bg-white p-4">
          <div className="h-4 w-1/3 rounded bg-slate-200" />
          <div className="hidden h-4 w-1/5 rounded bg-slate-200 sm:block" />
          <div className="hidden h-4 w-1/6 rounded bg-slate-200 sm:block" />
          <div className="ml-auto h-5 w-20 rounded-full bg-slate-200" />
        </div>
      ))}
    </div>
  );
}

function Panel({ children, role }: { children: ReactNode; role?: "alert" }) {
  return (
    <div role={role} className="rounded-lg border border-dashed border-slate-300 bg-white px-6 py-10 text-center">
      {children}
    </div>
  );
}

/** Nothing uploaded yet. The link's name avoids the word "Upload" so the nav link keeps it alone. */
export function EmptyState({ canWrite }: { canWrite: boolean }) {
  return (
    <Panel>
      <h2 className="text-lg font-semibold text-slate-900">No documents yet</h2>
      <p className="mt-1 text-sm text-slate-600">
        {canWrite
          ? "Invoices you send in appear here and update live while they are processed."
          : "Documents appear here once a reviewer sends them in."}
      </p>
      {canWrite ? (
        <Link
          href="/upload"
          className="mt-4 inline-flex min-h-11 items-center rounded-md bg-brand-600 px-4 text-sm font-medium text-white hover:bg-brand-700"
        >
          Add your first invoices
        </Link>
      ) : null}
    </Panel>
  );
}

export function NoMatches({ onClear }: { onClear: () => void }) {
  return (
    <Panel>
      <h2 className="text-lg font-semibold text-slate-900">No documents match these filters</h2>
      <p className="mt-1 text-sm text-slate-600">Try another search, or widen the status or date range.</p>
      <Button className="mt-4" onClick={onClear}>
        Show all documents
      </Button>
    </Panel>
  );
}

export function ErrorState({ message, onRetry }: { message: string; onRetry: () => void }) {
  return (
    <Panel role="alert">
      <h2 className="text-lg font-semibold text-red-800">The documents could not be loaded</h2>
      <p className="mt-1 text-sm text-slate-700">{message}</p>
      <Button className="mt-4" onClick={onRetry}>
        Try again
      </Button>
    </Panel>
  );
}
