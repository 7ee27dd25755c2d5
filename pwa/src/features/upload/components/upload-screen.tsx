"use client";

import { useQueryClient } from "@tanstack/react-query";
import Link from "next/link";
import { useEffect, useMemo, useState } from "react";
import { Button } from "@/components/ui/button";
import { Dialog } from "@/components/ui/dialog";
import { queryKeys } from "@/lib/api/keys";
import type { OutboxItem } from "@/offline/db";
import { useOnline, useOutboxItems, useOutboxProgress, useOutboxStarted, useOutboxState } from "@/offline/hooks";
import { discardOutboxItem, retryOutboxItem } from "@/offline/outbox";
import { hasEnded, useUploadedDocuments, type DocumentEntry } from "../api/get-document";
import { useUploadQueue } from "../hooks/use-upload-queue";
import { displayState, summarize } from "../upload-status";
import { uploadViews, type UploadView } from "../upload-view";
import { DropZone } from "./drop-zone";
import { UploadRow } from "./upload-row";

export interface UploadScreenProps {
  /** The signed-in user (the list belongs to them). */
  userId: string;
  canWrite: boolean;
}

export function UploadScreen({ userId, canWrite }: UploadScreenProps) {
  return (
    <div className="mx-auto max-w-3xl space-y-4">
      <h1 className="text-2xl font-semibold text-slate-900">Upload documents</h1>
      {canWrite ? (
        <Uploader userId={userId} />
      ) : (
        <p className="rounded-md border border-slate-200 bg-white p-4 text-slate-700">
          Your role may not upload. Ask an administrator for the reviewer role to add documents.
        </p>
      )}
    </div>
  );
}

const NO_ROWS: readonly OutboxItem[] = [];

function Uploader({ userId }: { userId: string }) {
  const queryClient = useQueryClient();
  const { queue, entries } = useUploadQueue(userId);
  const { items } = useOutboxItems();
  const progress = useOutboxProgress();
  const { availability } = useOutboxState();
  useOutboxStarted();
  const online = useOnline();
  const [discarding, setDiscarding] = useState<UploadView | null>(null);

  // Files handed to the outbox are followed there; one discarded elsewhere leaves this list.
  useEffect(() => {
    if (items) queue.sync(new Set(items.filter((item) => item.kind === "upload").map((item) => item.id)));
  }, [items, queue]);

  const views = useMemo(() => uploadViews(entries, items ?? NO_ROWS, progress), [entries, items, progress]);
  const documentIds = useMemo(
    () => [...new Set(views.flatMap((view) => (view.item ? [view.item.document.id] : [])))],
    [views],
  );
  const documents = useUploadedDocuments(documentIds);
  const byId = new Map(documentIds.map((id, index) => [id, documents[index]]));
  const cachedFor = (documentId: string | undefined) => (documentId ? byId.get(documentId) : undefined);

  const states = views.map((view) => displayState(view, cachedFor(view.item?.document.id)?.data));
  const summary = summarize(states);
  const ready = entries.filter((entry) => entry.phase === "ready").length;
  const finished = views.some((view) => view.phase === "accepted" || view.phase === "rejected");
  const waitingOffline = !online && views.some((view) => view.stored && (view.phase === "waiting" || view.phase === "storing"));

  function remove(view: UploadView) {
    queue.remove(view.id);
  }

  async function discardNow(view: UploadView) {
    await discardOutboxItem(view.id);
    queue.remove(view.id);
  }

  function discard(view: UploadView) {
    // A refused file loses nothing; one still to be sent is the reviewer's work: ask first.
    if (view.outboxStatus === "failed" || view.outboxStatus === "conflict") void discardNow(view);
    else setDiscarding(view);
  }

  function clearFinished() {
    // A file whose job still runs stays, so its progress can still be followed.
    const running = (view: { phase: string; item: UploadView["item"] }) => {
      const id = view.item?.document.id;
      if (view.phase !== "accepted" || !id) return false;
      return !hasEnded(queryClient.getQueryData<DocumentEntry>(queryKeys.document(id)));
    };
    queue.clearFinished((entry) => running(entry));
    for (const view of views) {
      if (!view.stored || running(view)) continue;
      if (view.phase === "rejected" && view.outboxStatus !== "sent") void discardNow(view);
      else if (view.phase === "accepted" || view.phase === "rejected") queue.remove(view.id);
    }
  }

  return (
    <>
      {availability === "unavailable" ? (
        <p role="alert" className="rounded-md border border-amber-300 bg-amber-50 p-3 text-sm text-amber-900">
          <span className="font-semibold">This browser can&apos;t keep work offline:</span> uploads go straight to the server, so
          stay online until each file says Uploaded.
        </p>
      ) : null}
      <DropZone onFiles={(files) => queue.add(files)} />
      <div className="flex flex-wrap items-center gap-3">
        <Button variant="primary" className="min-w-32" disabled={ready === 0} onClick={() => void queue.start()}>
          Upload
        </Button>
        {finished ? (
          <Button variant="secondary" onClick={clearFinished}>
            Clear finished
          </Button>
        ) : null}
        <p className="text-sm text-slate-600">
          {ready > 0 ? `${ready} ${ready === 1 ? "file" : "files"} ready to send.` : null}
        </p>
      </div>

      <section aria-labelledby="upload-files-heading" className="space-y-3">
        <div className="flex flex-wrap items-baseline justify-between gap-2">
          <h2 id="upload-files-heading" className="text-lg font-semibold text-slate-900">
            Files
          </h2>
          {availability === "available" ? (
            <Link href="/outbox" className="inline-flex min-h-11 items-center text-sm font-medium text-brand-700 underline underline-offset-2">
              Everything waiting to sync: Outbox
            </Link>
          ) : null}
        </div>
        <p role="status" aria-live="polite" className="text-sm text-slate-700">
          {summary}
          {waitingOffline ? " You're offline: files saved on this device are sent when the connection returns." : ""}
        </p>
        {views.length > 0 ? (
          <ul className="space-y-3" aria-labelledby="upload-files-heading">
            {views.map((view) => {
              const cached = cachedFor(view.item?.document.id);
              return (
                <UploadRow
                  key={view.id}
                  view={view}
                  cached={cached?.data}
                  cacheError={cached?.error}
                  online={online}
                  onRemove={remove}
                  onDiscard={discard}
                  onRetryNow={(target) => void retryOutboxItem(target.id)}
                  onRetry={(target) => queue.retry(target.id)}
                />
              );
            })}
          </ul>
        ) : null}
      </section>

      <Dialog
        open={discarding !== null}
        onOpenChange={(open) => {
          if (!open) setDiscarding(null);
        }}
        title="Discard this file?"
        description={
          discarding
            ? `${discarding.filename} is saved on this device and not uploaded yet. Discarding removes it from this device${
                discarding.phase === "sending" ? " (it is on the way: the server may still receive it)" : ""
              }.`
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
              if (discarding) void discardNow(discarding);
              setDiscarding(null);
            }}
          >
            Discard
          </Button>
        </div>
      </Dialog>
    </>
  );
}
