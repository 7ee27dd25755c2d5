"use client";

import { useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import type { OutboxItem } from "@/offline/db";
import { useOnline, useOutboxItems, useOutboxProgress, useOutboxStarted, useOutboxState } from "@/offline/hooks";
import { discardOutboxItem, retryOutboxItem } from "@/offline/outbox";
import { discardNeedsConfirmation, summarize } from "../describe";
import { useShareImport, type ShareNotice } from "../hooks/use-share-import";
import { useStorageFacts } from "../hooks/use-storage-facts";
import { OutboxItemCard } from "./outbox-item-card";
import { StoragePanel } from "./storage-panel";

const RECENT_SENT = 20;

function ShareMessage({ notice }: { notice: ShareNotice }) {
  const list = (names: string[]) => names.join(", ");
  if (notice.kind === "imported") {
    return (
      <p role="status" className="rounded-md border border-emerald-300 bg-emerald-50 p-3 text-sm text-emerald-900">
        {notice.names.length === 1 ? "1 shared file was" : `${notice.names.length} shared files were`} added to the outbox:{" "}
        {list(notice.names)}.
      </p>
    );
  }
  if (notice.kind === "failed") {
    return (
      <p role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-800">
        <span className="font-semibold">Not added yet:</span> {list(notice.names)} — {notice.reason} The shared{" "}
        {notice.names.length === 1 ? "file stays" : "files stay"} ready: open the outbox again to add{" "}
        {notice.names.length === 1 ? "it" : "them"}.
      </p>
    );
  }
  return (
    <p role="alert" className="rounded-md border border-red-300 bg-red-50 p-3 text-sm text-red-800">
      {notice.reason === "storage"
        ? "The shared files could not be saved on this device (is it out of space?). Share them again, or upload them from the Upload screen."
        : "The share could not be read. Share the files again, or upload them from the Upload screen."}
    </p>
  );
}

/**
 * /outbox: every write waiting on this device (uploads, review edits, finalize, retry, cancel) with
 * where it stands, its tries and last error, Retry now and Discard; the ones sent lately, greyed;
 * and the device's storage. Files shared to the app land here first.
 */
export function OutboxScreen() {
  const { items, otherUsers } = useOutboxItems();
  const progress = useOutboxProgress();
  const { availability } = useOutboxState();
  useOutboxStarted();
  const online = useOnline();
  const notice = useShareImport();
  const { facts, asking, askToPersist } = useStorageFacts(items?.length);
  const [discarding, setDiscarding] = useState<OutboxItem | null>(null);

  const pending = (items ?? []).filter((item) => item.status !== "sent");
  const sent = (items ?? [])
    .filter((item) => item.status === "sent")
    .sort((a, b) => b.updatedAt - a.updatedAt)
    .slice(0, RECENT_SENT);

  function discard(item: OutboxItem) {
    if (discardNeedsConfirmation(item.kind) && item.status !== "failed") setDiscarding(item);
    else void discardOutboxItem(item.id);
  }

  const card = (item: OutboxItem) => (
    <OutboxItemCard
      key={item.id}
      item={item}
      online={online}
      progress={progress.get(item.id)}
      onRetryNow={(target) => void retryOutboxItem(target.id)}
      onDiscard={discard}
    />
  );

  return (
    <section aria-labelledby="outbox-heading" className="mx-auto max-w-4xl space-y-4">
      <div>
        <h1 id="outbox-heading" className="text-2xl font-semibold text-slate-900">
          Outbox
        </h1>
        <p className="mt-1 max-w-prose text-sm text-slate-600">
          Uploads and changes are saved on this device first and sent to the server in the order you made them — at once when
          online, or as soon as the connection returns. Each reaches the server once.
        </p>
      </div>

      {notice ? <ShareMessage notice={notice} /> : null}

      {availability === "unavailable" ? (
        <p role="alert" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
          <span className="font-semibold">This browser can&apos;t keep work offline:</span> uploads and changes go straight to the
          server, so nothing waits here.
        </p>
      ) : null}

      <div aria-busy={items === undefined}>
        <p role="status" aria-live="polite" className="text-sm text-slate-700">
          {items === undefined ? "Reading the outbox…" : summarize(items)}
          {items && pending.length > 0 && !online ? " You're offline: they are sent when the connection returns." : ""}
        </p>
        {pending.length > 0 ? (
          <ul aria-label="Waiting to sync" className="mt-3 space-y-3">
            {pending.map(card)}
          </ul>
        ) : null}
        {otherUsers > 0 ? (
          <p className="mt-3 text-sm text-slate-600">
            {otherUsers === 1 ? "1 item was" : `${otherUsers} items were`} queued on this device by another account. They wait until
            that person signs in again, and are never sent as you.
          </p>
        ) : null}
      </div>

      {sent.length > 0 ? (
        <section aria-labelledby="outbox-sent-heading" className="space-y-3">
          <h2 id="outbox-sent-heading" className="text-lg font-semibold text-slate-700">
            Sent recently
          </h2>
          <ul aria-labelledby="outbox-sent-heading" className="space-y-3">
            {sent.map(card)}
          </ul>
        </section>
      ) : null}

      <StoragePanel facts={facts} asking={asking} onAskToPersist={() => void askToPersist()} />

      <Dialog
        open={discarding !== null}
        onOpenChange={(open) => {
          if (!open) setDiscarding(null);
        }}
        title={discarding?.kind === "upload" ? "Discard this file?" : "Discard this change?"}
        description={
          discarding
            ? discarding.kind === "upload"
              ? `${discarding.label} has not reached the server. Discarding removes it from this device${
                  discarding.status === "sending" ? " (it is on the way: the server may still receive it)" : ""
                }.`
              : `Your edit of ${discarding.label} has not reached the server. Discarding throws it away.`
            : undefined
        }
      >
        <div className="flex flex-wrap justify-end gap-3">
          <Button variant="secondary" onClick={() => setDiscarding(null)}>
            Keep it
          </Button>
          <Button
            variant="danger"
            onClick={() => {
              if (discarding) void discardOutboxItem(discarding.id);
              setDiscarding(null);
            }}
          >
            Discard
          </Button>
        </div>
      </Dialog>
    </section>
  );
}
