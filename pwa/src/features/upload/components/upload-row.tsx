"use client";

import Link from "next/link";
import { useId } from "react";
import { Button } from "@/components/ui/button";
import { formatBytes } from "@/components/ui/format";
import { ProgressBar } from "@/components/ui/progress-bar";
import { StatusBadge } from "@/components/ui/status-badge";
import { errorMessage } from "@/lib/api/errors";
import type { DocumentEntry } from "../api/get-document";
import { displayState, isRunning, latestJob, stageLabel } from "../upload-status";
import type { UploadView } from "../upload-view";

export interface UploadRowActions {
  /** Off the list (picked, or finished). */
  onRemove: (view: UploadView) => void;
  /** Out of the outbox (asks first for a file not refused yet). */
  onDiscard: (view: UploadView) => void;
  /** Outbox: send now. */
  onRetryNow: (view: UploadView) => void;
  /** Direct sends: again under the same key. */
  onRetry: (view: UploadView) => void;
}

export interface UploadRowProps extends UploadRowActions {
  view: UploadView;
  cached: DocumentEntry | undefined;
  cacheError: unknown;
  online: boolean;
}

const timeFormat = new Intl.DateTimeFormat(undefined, { timeStyle: "short" });

function phaseWords(view: UploadView): string {
  switch (view.phase) {
    case "ready":
      return "Ready to send";
    case "storing":
      return "Saving on this device…";
    case "waiting":
      return view.stored ? "Saved on this device — will sync" : "Waiting to send";
    case "sending":
      return "Sending";
    case "rejected":
      return "Rejected";
    case "retryable":
      return "Not sent";
    case "accepted":
      return "Uploaded";
  }
}

/** Why a stored file still waits, in words. */
function waitingWords(view: UploadView, online: boolean): string {
  if (view.messageStatus === 401) return "Sign in again to send it: it stays saved on this device.";
  if (view.message) {
    const when = view.nextAttemptAt > Date.now() ? `at ${timeFormat.format(view.nextAttemptAt)}` : "in a moment";
    return `Not sent yet: ${view.message} Docflow tries again ${when}.`;
  }
  if (!online) return "You're offline: it is sent when the connection returns.";
  return "Waiting for a free slot (two files are sent at a time).";
}

/** One file: its name and size, where it stands (on this device, on the way, the server's verdict), then its job. */
export function UploadRow({ view, cached, cacheError, online, onRemove, onDiscard, onRetryNow, onRetry }: UploadRowProps) {
  const nameId = useId();
  const state = displayState(view, cached);
  const job = latestJob(view, cached);
  const documentId = view.item?.document.id;
  const duplicateOf = view.item?.duplicate_of ?? cached?.document.duplicate_of ?? null;
  const possibleDuplicateOf = cached?.document.possible_duplicate_of ?? null;
  const refusedInOutbox = view.stored && (view.outboxStatus === "failed" || view.outboxStatus === "conflict");
  const inOutbox = view.stored && view.outboxStatus !== null && view.outboxStatus !== "sent";

  let sideAction: { label: string; run: () => void } | null = null;
  if (inOutbox) sideAction = { label: "Discard", run: () => onDiscard(view) };
  else if (view.phase === "ready" || (view.phase === "waiting" && !view.stored)) sideAction = { label: "Remove", run: () => onRemove(view) };
  else if (view.phase === "accepted" || view.phase === "rejected" || view.phase === "retryable") sideAction = { label: "Dismiss", run: () => onRemove(view) };

  return (
    <li className="rounded-lg border border-slate-200 bg-white p-4 shadow-sm">
      <div className="flex items-start gap-3">
        <div className="min-w-0 flex-1">
          <p id={nameId} className="font-medium wrap-anywhere text-slate-900">
            {view.filename}
          </p>
          <p className="text-sm text-slate-600">
            {formatBytes(view.size)} ·{" "}
            <span
              className={`font-semibold ${
                view.phase === "accepted"
                  ? "text-emerald-800"
                  : state === "rejected"
                    ? "text-red-800"
                    : state === "retryable"
                      ? "text-amber-900"
                      : "text-slate-700"
              }`}
            >
              {phaseWords(view)}
            </span>
          </p>
        </div>
        {sideAction ? (
          <Button variant="ghost" className="shrink-0" aria-describedby={nameId} onClick={sideAction.run}>
            {sideAction.label}
          </Button>
        ) : null}
      </div>

      {view.phase === "ready" && view.message ? (
        <p role="alert" className="mt-3 rounded-md bg-red-50 p-3 text-sm text-red-800">
          <span className="font-semibold">Not saved on this device:</span> {view.message}
        </p>
      ) : null}

      {view.phase === "waiting" || view.phase === "sending" ? (
        <div className="mt-3">
          <ProgressBar value={view.phase === "sending" ? view.loaded : 0} max={view.total || 1} label={`Sending ${view.filename}`} />
          <div className="mt-1 flex flex-wrap items-center gap-x-3 gap-y-1">
            <p className="flex-1 text-sm text-slate-600">
              {view.phase === "sending"
                ? `${formatBytes(Math.min(view.loaded, view.size))} of ${formatBytes(view.size)} sent`
                : view.stored
                  ? waitingWords(view, online)
                  : "Waiting for a free slot (two files are sent at a time)."}
            </p>
            {view.phase === "waiting" && view.stored && view.message && view.messageStatus !== 401 ? (
              <Button variant="secondary" aria-describedby={nameId} onClick={() => onRetryNow(view)}>
                Retry now
              </Button>
            ) : null}
          </div>
        </div>
      ) : null}

      {view.phase === "rejected" ? (
        <div className="mt-3 flex flex-wrap items-center gap-3 rounded-md bg-red-50 p-3">
          <p className="flex-1 text-sm text-red-800">
            <span className="font-semibold">The server refused this file:</span> {view.message}
          </p>
          {refusedInOutbox ? (
            <Button variant="secondary" aria-describedby={nameId} onClick={() => onRetryNow(view)}>
              Retry now
            </Button>
          ) : null}
        </div>
      ) : null}

      {view.phase === "retryable" ? (
        <div className="mt-3 flex flex-wrap items-center gap-3 rounded-md bg-amber-50 p-3">
          <p className="flex-1 text-sm text-amber-900">
            <span className="font-semibold">Not uploaded yet:</span> {view.message}
          </p>
          <Button variant="primary" aria-describedby={nameId} onClick={() => onRetry(view)}>
            Retry
          </Button>
        </div>
      ) : null}

      {view.phase === "accepted" && documentId ? (
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
            <ProgressBar value={job?.progress_percentage ?? 0} label={`Processing ${view.filename}`} />
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
