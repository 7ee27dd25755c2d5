"use client";

import { IntentLink } from "@/components/ui/intent-link";
import { useOutboxCount, useOutboxState } from "@/offline/hooks";

/**
 * Header: how many of the signed-in user's items wait in the outbox, as a link to it. (Online or
 * offline is said in words by the live indicator beside it, which follows the browser's connection.)
 */
export function OutboxIndicator({ current }: { current: boolean }) {
  const count = useOutboxCount();
  // Read as "Outbox 3 items waiting"; seen as "Outbox 3" (on a phone, a tray and "3": the header's
  // first row keeps room for the live indicator, so it does not wrap).
  return (
    <IntentLink
      href="/outbox"
      aria-current={current ? "page" : undefined}
      className={`inline-flex min-h-11 items-center gap-1.5 rounded-md px-2 text-sm font-medium ${current ? "bg-brand-50 text-brand-800" : "text-slate-700 hover:bg-slate-100"}`}
    >
      <svg aria-hidden="true" focusable="false" viewBox="0 0 24 24" className="size-5 sm:hidden" fill="none" stroke="currentColor" strokeWidth={2} strokeLinecap="round" strokeLinejoin="round">
        <path d="M4 13h4l1.5 3h5L16 13h4M4 13l2.5-7h11L20 13v6H4z" />
      </svg>
      <span className="sr-only sm:not-sr-only">Outbox </span>
      <span
        className={`inline-flex min-w-6 justify-center rounded-full px-1.5 text-xs font-semibold ${count > 0 ? "bg-brand-600 text-white" : "bg-slate-200 text-slate-700"}`}
      >
        {count}
      </span>
      <span className="sr-only">{count === 1 ? " item waiting" : " items waiting"}</span>
    </IntentLink>
  );
}

/** Where IndexedDB cannot be used (some private modes): say that nothing is kept offline. */
export function OfflineSupportWarning() {
  const { availability } = useOutboxState();
  if (availability !== "unavailable") return null;
  return (
    <p role="alert" className="border-t border-amber-200 bg-amber-50 px-4 py-2 text-sm text-amber-900">
      <span className="font-semibold">This browser can&apos;t keep work offline:</span> uploads go straight to the server, so stay
      online until they finish.
    </p>
  );
}
