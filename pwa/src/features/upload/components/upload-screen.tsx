"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useMemo } from "react";
import { Button } from "@/components/ui/button";
import { queryKeys } from "@/lib/api/keys";
import { hasEnded, useUploadedDocuments, type DocumentEntry } from "../api/get-document";
import { useUploadQueue } from "../hooks/use-upload-queue";
import { displayState, summarize } from "../upload-status";
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

function Uploader({ userId }: { userId: string }) {
  const queryClient = useQueryClient();
  const { queue, entries } = useUploadQueue(userId);
  const documentIds = useMemo(
    () => [...new Set(entries.flatMap((entry) => (entry.item?.document?.id ? [entry.item.document.id] : [])))],
    [entries],
  );
  const documents = useUploadedDocuments(documentIds);
  const byId = new Map(documentIds.map((id, index) => [id, documents[index]]));
  const cachedFor = (documentId: string | undefined) => (documentId ? byId.get(documentId) : undefined);

  const states = entries.map((entry) => displayState(entry, cachedFor(entry.item?.document?.id)?.data));
  const summary = summarize(states);
  const ready = entries.filter((entry) => entry.phase === "ready").length;
  const finished = entries.some((entry) => entry.phase === "accepted" || entry.phase === "rejected");

  function clearFinished() {
    // A file whose job still runs stays, so its progress can still be followed.
    queue.clearFinished((entry) => {
      const id = entry.item?.document?.id;
      if (entry.phase !== "accepted" || !id) return false;
      return !hasEnded(queryClient.getQueryData<DocumentEntry>(queryKeys.document(id)));
    });
  }

  return (
    <>
      <DropZone onFiles={(files) => queue.add(files)} />
      <div className="flex flex-wrap items-center gap-3">
        <Button variant="primary" className="min-w-32" disabled={ready === 0} onClick={() => queue.start()}>
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
        <h2 id="upload-files-heading" className="text-lg font-semibold text-slate-900">
          Files
        </h2>
        <p role="status" aria-live="polite" className="text-sm text-slate-700">
          {summary}
        </p>
        {entries.length > 0 ? (
          <ul className="space-y-3" aria-labelledby="upload-files-heading">
            {entries.map((entry) => {
              const cached = cachedFor(entry.item?.document?.id);
              return (
                <UploadRow
                  key={entry.id}
                  entry={entry}
                  cached={cached?.data}
                  cacheError={cached?.error}
                  onRetry={queue.retry}
                  onRemove={queue.remove}
                />
              );
            })}
          </ul>
        ) : null}
      </section>
    </>
  );
}
