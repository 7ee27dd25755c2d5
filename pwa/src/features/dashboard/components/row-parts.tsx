"use client";

import Link from "next/link";
import { useMemo } from "react";
import { Button } from "@/components/ui/button";
import { ProgressBar } from "@/components/ui/progress-bar";
import { errorMessage } from "@/lib/api/errors";
import { useOutboxItems, useQueuedNotice } from "@/offline/hooks";
import { useCancelJob } from "../api/cancel-job";
import type { DocumentListItem } from "../api/list-documents";
import { useRetryJob } from "../api/retry-job";

export function isRunning(status: string): boolean {
  return status === "queued" || status === "processing";
}

function canRetry(status: string): boolean {
  return status === "failed" || status === "cancelled";
}

/** "field_extraction" → "Field extraction". */
export function stageLabel(stage: string | null | undefined): string {
  if (!stage) return "";
  const words = stage.replace(/[_-]+/g, " ").trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export function documentHref(id: string): string {
  return `/documents/${id}`;
}

/** "Duplicate" (same bytes) or "Possible duplicate" (same vendor, number and total), linking to the original. */
export function DuplicateMark({ item }: { item: DocumentListItem }) {
  const original = item.duplicate_of ?? item.possible_duplicate_of ?? null;
  if (!original) return null;
  const exact = Boolean(item.duplicate_of);
  return (
    <Link
      href={documentHref(original)}
      prefetch={false}
      className="group inline-flex min-h-11 shrink-0 items-center rounded"
    >
      <span
        className={`rounded px-1.5 py-0.5 text-xs font-semibold underline-offset-2 group-hover:underline ${exact ? "bg-amber-100 text-amber-900" : "bg-orange-50 text-orange-900"}`}
      >
        {exact ? "Duplicate" : "Possible duplicate"}
      </span>
      <span className="sr-only"> — open the original</span>
    </Link>
  );
}

/** While a job runs: its stage in words and its progress. */
export function StageProgress({ item }: { item: DocumentListItem }) {
  if (!isRunning(item.current_status) || !item.job) return null;
  const progress = item.job.progress_percentage;
  return (
    <div className="mt-1.5 w-full max-w-48">
      <p className="flex justify-between gap-2 text-xs text-slate-600">
        <span>{stageLabel(item.job.current_stage) || "Waiting"}</span>
        <span aria-hidden="true">{progress}%</span>
      </p>
      <ProgressBar value={progress} label={`Progress of ${item.original_filename}`} className="mt-1" />
    </div>
  );
}

/** The stored failure message of a failed job. */
export function JobError({ item }: { item: DocumentListItem }) {
  if (item.current_status !== "failed" || !item.job?.error_message) return null;
  return <p className="mt-1.5 text-xs break-words text-red-800">{item.job.error_message}</p>;
}

/**
 * A row's retry and cancel writes (each row keeps its own pending state and error). They go
 * through the outbox: offline (or while the server cannot be reached) the row says "Queued — will
 * sync" instead of spinning until the answer comes — also after a reload, from the outbox itself.
 */
export function useRowActions(item: DocumentListItem) {
  const retry = useRetryJob();
  const cancel = useCancelJob();
  const job = item.job;
  const { items: outbox } = useOutboxItems();
  // This tab queued it and still waits for the answer.
  const notice = useQueuedNotice<"retry" | "cancel">();
  // Queued earlier (another tab, before a reload) and not sent yet.
  const waiting = useMemo(
    () =>
      job
        ? (outbox ?? []).find(
            (row) => (row.kind === "retry" || row.kind === "cancel") && row.jobId === job.id && (row.status === "waiting" || row.status === "sending"),
          )
        : undefined,
    [outbox, job],
  );
  const pending = retry.isPending || cancel.isPending;
  const waitingKind = pending ? notice.waiting(true) : (waiting?.kind ?? null);
  const settle = { onSettled: notice.clear };
  return {
    showRetry: Boolean(job) && canRetry(item.current_status),
    showCancel: Boolean(job) && isRunning(item.current_status),
    retry: () => {
      if (!job) return;
      cancel.reset();
      retry.mutate({ jobId: job.id, onQueued: () => notice.markQueued("retry") }, settle);
    },
    cancel: () => {
      if (!job) return;
      retry.reset();
      cancel.mutate({ jobId: job.id, onQueued: () => notice.markQueued("cancel") }, settle);
    },
    retrying: retry.isPending || waiting?.kind === "retry",
    cancelling: cancel.isPending || waiting?.kind === "cancel",
    /** The retry or cancel stored on this device that waits for the connection (null: none, or answered at once). */
    waitingKind,
    error: retry.error ?? cancel.error,
    failedAction: retry.error ? "retry" : cancel.error ? "cancel" : null,
  };
}

export type RowActionState = ReturnType<typeof useRowActions>;

/** "Retry" for failed or cancelled jobs, "Cancel" for running ones. */
export function RowActionButtons({ actions, describedBy }: { actions: RowActionState; describedBy?: string }) {
  if (!actions.showRetry && !actions.showCancel) return null;
  return (
    <div className="flex flex-wrap gap-2">
      {actions.showRetry ? (
        <Button
          aria-describedby={describedBy}
          disabled={actions.retrying}
          aria-busy={(actions.retrying && actions.waitingKind === null) || undefined}
          onClick={actions.retry}
        >
          Retry
        </Button>
      ) : null}
      {actions.showCancel ? (
        <Button
          aria-describedby={describedBy}
          disabled={actions.cancelling}
          aria-busy={(actions.cancelling && actions.waitingKind === null) || undefined}
          onClick={actions.cancel}
        >
          Cancel
        </Button>
      ) : null}
    </div>
  );
}

/**
 * Why a retry or cancel was refused (e.g. 409: the job moved on meanwhile), in words — or, while
 * one waits on this device for the connection, "Queued — will sync".
 */
export function RowActionError({ actions }: { actions: RowActionState }) {
  if (!actions.error) {
    return (
      <p role="status" className={actions.waitingKind ? "mt-1.5 rounded bg-sky-50 px-2 py-1 text-xs text-sky-950" : "sr-only"}>
        {actions.waitingKind ? (
          <>
            <span className="font-semibold">Queued — will sync</span>
            <span className="sr-only">{actions.waitingKind === "retry" ? " (retry)" : " (cancel)"}</span>
          </>
        ) : null}
      </p>
    );
  }
  return (
    <p role="alert" className="mt-1.5 rounded bg-red-50 px-2 py-1 text-xs break-words text-red-900">
      <span className="font-semibold">Could not {actions.failedAction}:</span> {errorMessage(actions.error)}
    </p>
  );
}
