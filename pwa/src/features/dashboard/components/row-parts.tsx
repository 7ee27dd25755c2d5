"use client";

import Link from "next/link";
import { Button } from "@/components/ui/button";
import { ProgressBar } from "@/components/ui/progress-bar";
import { errorMessage } from "@/lib/api/errors";
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
      className={`inline-flex min-h-6 items-center rounded px-1.5 text-xs font-semibold underline-offset-2 hover:underline ${exact ? "bg-amber-100 text-amber-900" : "bg-orange-50 text-orange-900"}`}
    >
      {exact ? "Duplicate" : "Possible duplicate"}
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

/** "Retry" for failed or cancelled jobs, "Cancel" for running ones; errors in words. */
export function RowActions({ item, describedBy }: { item: DocumentListItem; describedBy?: string }) {
  const retry = useRetryJob();
  const cancel = useCancelJob();
  const job = item.job;
  if (!job) return null;
  const showRetry = canRetry(item.current_status);
  const showCancel = isRunning(item.current_status);
  const error = retry.error ?? cancel.error;
  if (!showRetry && !showCancel && !error) return null;
  return (
    <div className="flex flex-col items-start gap-1">
      {showRetry ? (
        <Button
          aria-describedby={describedBy}
          disabled={retry.isPending}
          aria-busy={retry.isPending || undefined}
          onClick={() => {
            cancel.reset();
            retry.mutate(job.id);
          }}
        >
          Retry
        </Button>
      ) : null}
      {showCancel ? (
        <Button
          aria-describedby={describedBy}
          disabled={cancel.isPending}
          aria-busy={cancel.isPending || undefined}
          onClick={() => {
            retry.reset();
            cancel.mutate(job.id);
          }}
        >
          Cancel
        </Button>
      ) : null}
      {error ? (
        <p role="alert" className="text-xs text-red-800">
          {errorMessage(error)}
        </p>
      ) : null}
    </div>
  );
}
