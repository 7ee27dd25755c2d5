"use client";

import { Button } from "@/components/ui/button";
import { formatBytes, formatPercent } from "@/components/ui/format";
import { ProgressBar } from "@/components/ui/progress-bar";
import type { StorageFacts } from "@/offline/storage";

export interface StoragePanelProps {
  facts: StorageFacts | null;
  asking: boolean;
  onAskToPersist: () => void;
}

/** How much of this device's storage Docflow uses, and whether the browser promised to keep it. */
export function StoragePanel({ facts, asking, onAskToPersist }: StoragePanelProps) {
  const known = facts && facts.usage !== null && facts.quota !== null && facts.quota > 0;
  return (
    <section aria-labelledby="outbox-storage-heading" className="rounded-lg border border-slate-200 bg-white p-4">
      <h2 id="outbox-storage-heading" className="text-lg font-semibold text-slate-900">
        Storage on this device
      </h2>
      {!facts ? (
        <p className="mt-2 text-sm text-slate-600">Reading the storage figures…</p>
      ) : (
        <div className="mt-2 space-y-3 text-sm text-slate-700">
          {known ? (
            <div>
              <p>
                {formatBytes(facts.usage ?? 0)} used of {formatBytes(facts.quota ?? 0)} this browser allows (
                {formatPercent((facts.usage ?? 0) / (facts.quota ?? 1), 1)}).
              </p>
              <ProgressBar className="mt-2" value={facts.usage ?? 0} max={facts.quota ?? 1} label="Storage used" />
            </div>
          ) : (
            <p>This browser does not say how much storage is used.</p>
          )}
          {facts.persisted === true ? (
            <p>
              <span className="font-semibold">Persistent storage: on.</span> The browser keeps queued work until it is sent.
            </p>
          ) : (
            <div className="flex flex-col items-start gap-3 sm:flex-row sm:items-center">
              <p className="sm:flex-1">
                <span className="font-semibold">Persistent storage: {facts.persisted === false ? "off" : "unknown"}.</span> When the
                device runs low on space the browser may clear what is saved here, including work not yet sent.
              </p>
              {facts.persisted === false ? (
                <Button variant="secondary" disabled={asking} onClick={onAskToPersist}>
                  {asking ? "Asking…" : "Ask to keep it"}
                </Button>
              ) : null}
            </div>
          )}
        </div>
      )}
    </section>
  );
}
