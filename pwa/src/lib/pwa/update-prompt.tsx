"use client";

import { useEffect, useState } from "react";
import { Button } from "@/components/ui/button";

/**
 * Registers the service worker and, when a new version is waiting, says "Update available" with
 * "Reload" (activate it and reload) and "Later". The live region is always there so the message
 * is announced when it appears.
 */
export function UpdatePrompt() {
  const [accept, setAccept] = useState<(() => void) | null>(null);

  useEffect(() => {
    let stop: (() => void) | undefined;
    let unmounted = false;
    // Loaded on demand: registration waits for the page anyway, and stays out of the first-load JS.
    void import("./service-worker")
      .then(({ registerServiceWorker }) => registerServiceWorker((acceptUpdate) => setAccept(() => acceptUpdate)))
      .then((cleanup) => {
        if (unmounted) cleanup();
        else stop = cleanup;
      })
      .catch(() => undefined);
    return () => {
      unmounted = true;
      stop?.();
    };
  }, []);

  return (
    <div role="status" aria-live="polite" className="pointer-events-none fixed inset-x-0 bottom-0 z-50 flex justify-center p-4">
      {accept ? (
        <div className="pointer-events-auto flex max-w-xl flex-wrap items-center gap-x-4 gap-y-2 rounded-lg bg-slate-900 px-4 py-3 text-white shadow-lg">
          <p className="text-sm">
            <strong className="font-semibold">Update available.</strong> Reload to use the new version — queued work is kept.
          </p>
          <div className="ml-auto flex gap-2">
            <Button variant="ghost" className="text-white hover:bg-slate-700" onClick={() => setAccept(null)}>
              Later
            </Button>
            <Button variant="primary" onClick={accept}>
              Reload
            </Button>
          </div>
        </div>
      ) : null}
    </div>
  );
}
