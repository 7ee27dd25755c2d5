/** A status in words (never colour alone). */
const STYLES: Record<string, string> = {
  queued: "bg-slate-100 text-slate-800 ring-slate-300",
  processing: "bg-blue-50 text-blue-800 ring-blue-300",
  completed: "bg-emerald-50 text-emerald-800 ring-emerald-300",
  failed: "bg-red-50 text-red-800 ring-red-300",
  cancelled: "bg-amber-50 text-amber-900 ring-amber-300",
  finalized: "bg-violet-50 text-violet-800 ring-violet-300",
};

export const STATUS_LABELS: Record<string, string> = {
  queued: "Queued",
  processing: "Processing",
  completed: "Completed",
  failed: "Failed",
  cancelled: "Cancelled",
  finalized: "Finalized",
};

export function statusLabel(status: string): string {
  return STATUS_LABELS[status] ?? status.charAt(0).toUpperCase() + status.slice(1);
}

export function StatusBadge({ status }: { status: string }) {
  return (
    <span
      className={`inline-flex items-center rounded-full px-2.5 py-0.5 text-xs font-semibold ring-1 ring-inset ${STYLES[status] ?? STYLES.queued}`}
    >
      {statusLabel(status)}
    </span>
  );
}
