import type { LiveState } from "./use-live-connection";

const LABELS: Record<LiveState, string> = {
  live: "Live",
  reconnecting: "Reconnecting",
  polling: "Polling",
  offline: "Offline",
};

/**
 * On a phone the header's first row has room for a short word only, in a pill of fixed width: a
 * longer or changing one would wrap the row, and the page would jump each time the state changes
 * (every page opens "Reconnecting").
 */
const SHORT_LABELS: Record<LiveState, string> = { ...LABELS, reconnecting: "Retrying" };

const DOTS: Record<LiveState, string> = {
  live: "bg-emerald-500",
  reconnecting: "bg-amber-500",
  polling: "bg-amber-500",
  offline: "bg-slate-400",
};

/** Says in words whether updates arrive live, by polling, or not at all. */
export function LiveIndicator({ state }: { state: LiveState }) {
  return (
    <span
      role="status"
      aria-live="polite"
      aria-label={`Updates: ${LABELS[state]}`}
      className="inline-flex w-20 items-center justify-center gap-1.5 rounded-full bg-slate-100 px-2 py-1 text-xs font-medium text-slate-700 sm:w-auto sm:px-2.5"
    >
      <span aria-hidden="true" className={`h-2 w-2 rounded-full ${DOTS[state]}`} />
      <span className="sm:hidden">{SHORT_LABELS[state]}</span>
      <span className="hidden sm:inline">{LABELS[state]}</span>
    </span>
  );
}
