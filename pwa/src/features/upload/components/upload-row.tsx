"use client";

import Link from "next/link";
import { useId } from "react";
import { Button } from "@/components/ui/button";
import { formatBytes } from "@/components/ui/format";
import { ProgressBar } from "@/components/ui/progress-bar";
import { StatusBadge } from "@/components/ui/status-badge";
import { errorMessage } from "@/lib/api/errors";
import type { DocumentEntry } from "../api/get-document";
import type { UploadEntry } from "../upload-queue";
import { displayState, isRunning, latestJob, stageLabel } from "../upload-status";

export interface UploadRowProps {
  entry: UploadEntry;
  cached: DocumentEntry | undefined;
  cacheError: unknown;
  onRetry: (id: string) => void;
  onRemove: (id: string) => void;
}

const PHASE_WORDS: Partial<Record<ReturnType<typeof displayState>, string>> = {
  ready: "Ready to send",
  waiting: "Waiting to send",
  sending: "Sending",
  rejected: "Rejected",
  retryable: "Not sent",
};

/** One picked file: its name and size, the bytes sent, the server's verdict, then its job. */
export function UploadRow({ entry, cached, cacheError, onRetry, onRemove }: UploadRowProps) {
  const nameId = useId();
  const state = displayState(entry, cached);
  const job = latestJob(entry, cached);
  const documentId = entry.item?.document?.id;
  const duplicateOf = entry.item?.duplicate_of ?? cached?.document.duplicate_of ?? null;
  const possibleDuplicateOf = cached?.document.possible_duplicate_of ?? null;

  return (
    <li className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <div className="flex flex-wrap items-start gap-x-3 gap-y-2">
        <div className="min-w-0 flex-1">
          <p id={nameId} className="font-medium wrap-anywhere text-slate-900">
            {entry.filename}
          </p>
          <p className="text-sm text-slate-600">{formatBytes(entry.size)}</p>
        </div>
        <div className="flex items-center gap-2">
          {entry.phase === "accepted" ? (
            <span className="text-sm font-semibold text-emerald-800">Uploaded</span>
          ) : (
            <span className={`text-sm font-semibold ${state === "rejected" ? "text-red-800" : state === "retryable" ? "text-amber-900" : "text-slate-700"}`}>
              {PHASE_WORDS[state]}
            </span>
          )}
          {entry.phase !== "sending" ? (
            <Button variant="ghost" aria-describedby={nameId} onClick={() => onRemove(entry.id)}>
              {entry.phase === "ready" || entry.phase === "waiting" ? "Remove" : "Dismiss"}
            </Button>
          ) : null}
        </div>
      </div>

      {entry.phase === "waiting" || entry.phase === "sending" ? (
        <div className="mt-3">
          <ProgressBar value={entry.loaded} max={entry.total || 1} label={`Sending ${entry.filename}`} />
          <p className="mt-1 text-sm text-slate-600">
            {entry.phase === "sending"
              ? `${formatBytes(Math.min(entry.loaded, entry.size))} of ${formatBytes(entry.size)} sent`
              : "Waiting for a free slot (two files are sent at a time)."}
          </p>
        </div>
      ) : null}

      {entry.phase === "rejected" ? (
        <p className="mt-3 rounded-md bg-red-50 p-3 text-sm text-red-800">
          <span className="font-semibold">The server refused this file:</span> {entry.message}
        </p>
      ) : null}

      {entry.phase === "retryable" ? (
        <div className="mt-3 flex flex-wrap items-center gap-3 rounded-md bg-amber-50 p-3">
          <p className="flex-1 text-sm text-amber-900">
            <span className="font-semibold">Not uploaded yet:</span> {entry.message}
          </p>
          <Button variant="primary" aria-describedby={nameId} onClick={() => onRetry(entry.id)}>
            Retry
          </Button>
        </div>
      ) : null}

      {entry.phase === "accepted" && documentId ? (
        <div className="mt-3 space-y-2">
          {duplicateOf ? (
            <p className="rounded-md bg-amber-50 p-3 text-sm text-amber-900">
              <span className="font-semibold">Duplicate:</span> the same file was uploaded before.{" "}
              <Link href={`/documents/${duplicateOf}`} className="font-medium underline underline-offset-2">
                Open the earlier document
              </Link>
            </p>
          ) : null}
          {possibleDuplicateOf && possibleDuplicateOf !== duplicateOf ? (
            <p className="rounded-md bg-amber-50 p-3 text-sm text-amber-900">
              <span className="font-semibold">Possible duplicate:</span> another document has the same vendor, invoice number and total.{" "}
              <Link href={`/documents/${possibleDuplicateOf}`} className="font-medium underline underline-offset-2">
                Open that document
              </Link>
            </p>
          ) : null}
          <div className="flex flex-wrap items-center gap-x-3 gap-y-2">
            <StatusBadge status={state} />
            {isRunning(state) && job?.current_stage && job.current_stage !== state ? (
              <span className="text-sm text-slate-700">{stageLabel(job.current_stage)}</span>
            ) : null}
            <Link
              href={`/documents/${documentId}`}
              aria-describedby={nameId}
              className="ml-auto inline-flex min-h-11 items-center rounded-md px-2 text-sm font-medium text-brand-700 underline underline-offset-2 hover:bg-brand-50"
            >
              Open document
            </Link>
          </div>
          {isRunning(state) ? (
            <ProgressBar value={job?.progress_percentage ?? 0} label={`Processing ${entry.filename}`} />
          ) : null}
          {state === "failed" ? (
            <p className="rounded-md bg-red-50 p-3 text-sm text-red-800">
              <span className="font-semibold">Processing failed:</span> {job?.error_message ?? "No reason was recorded."}
              <span className="mt-1 block">Retry it from the document or the dashboard.</span>
            </p>
          ) : null}
          {cacheError && !cached ? (
            <p className="text-sm text-slate-600">Its progress could not be loaded: {errorMessage(cacheError)}</p>
          ) : null}
        </div>
      ) : null}
    </li>
  );
}
