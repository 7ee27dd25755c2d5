"use client";

import { Button } from "@/components/ui/button";
import { ProgressBar } from "@/components/ui/progress-bar";
import { errorMessage } from "@/lib/api/errors";
import { useQueuedNotice } from "@/offline/hooks";
import { useCancelJob } from "../api/cancel-job";
import type { EventRead } from "../api/get-job-events";
import { useRetryJob } from "../api/retry-job";
import type { DocumentRead } from "../fields";
import { stageLabel } from "./timeline-format";

export interface LiveJob {
  status: string;
  progress: number;
  stage: string;
  error: string | null;
  /** The stage a failure happened in, when known. */
  failedIn: string | null;
}

const REVIEW_EVENTS = new Set(["document_reviewed", "document_finalized"]);

/** The job as it stands: the detail's copy, or the newest timeline event when that is newer (live). */
export function liveJob(document: DocumentRead, events: EventRead[] | undefined): LiveJob | null {
  const job = document.job;
  if (!job) return null;
  const last = events?.length ? events[events.length - 1] : undefined;
  const fromEvent = last && last.attempt >= job.attempt && Date.parse(last.at) >= Date.parse(job.updated_at);
  if (fromEvent && last && !REVIEW_EVENTS.has(last.type)) {
    const error = typeof last.data?.error === "string" ? last.data.error : null;
    const failedIn = typeof last.data?.stage === "string" ? last.data.stage : null;
    return { status: last.status, progress: last.progress, stage: last.stage, error: error ?? job.error_message, failedIn };
  }
  return { status: job.status, progress: job.progress_percentage, stage: job.current_stage, error: job.error_message, failedIn: null };
}

export interface JobPanelProps {
  document: DocumentRead;
  job: LiveJob | null;
  canWrite: boolean;
}

/** "Queued — will sync" while a retry or cancel stored on this device waits for the connection. */
function QueuedNotice({ kind }: { kind: "retry" | "cancel" | null }) {
  return (
    <p role="status" className={kind ? "mt-2 rounded bg-sky-50 px-2 py-1 text-sm text-sky-950" : "sr-only"}>
      {kind ? (
        <>
          <span className="font-semibold">Queued — will sync</span>
          <span className="sr-only">{kind === "retry" ? " (retry)" : " (cancel)"}</span>
        </>
      ) : null}
    </p>
  );
}

/** Processing progress (with Cancel), or the stored error (with Retry). Nothing once completed. */
export function JobPanel({ document, job, canWrite }: JobPanelProps) {
  const retry = useRetryJob(document.id);
  const cancel = useCancelJob(document.id);
  // This tab stored the write on the device (onQueued) and still waits for the answer.
  const notice = useQueuedNotice<"retry" | "cancel">();
  const jobId = document.job?.id;
  if (!job || !jobId) return null;
  const failure = retry.error ?? cancel.error;
  const busy = retry.isPending || cancel.isPending;
  const waitingKind = notice.waiting(busy);
  const settle = { onSettled: notice.clear };
  const doRetry = () => {
    cancel.reset();
    retry.mutate({ jobId, onQueued: () => notice.markQueued("retry") }, settle);
  };
  const doCancel = () => {
    retry.reset();
    cancel.mutate({ jobId, onQueued: () => notice.markQueued("cancel") }, settle);
  };

  if (job.status === "queued" || job.status === "processing") {
    return (
      <section aria-labelledby="job-heading" className="rounded-md border border-blue-200 bg-blue-50 p-4">
        <h2 id="job-heading" className="text-base font-semibold text-blue-950">
          {job.status === "queued" ? "Waiting to be processed" : "Processing"}
        </h2>
        <p className="mt-1 text-sm text-blue-950" aria-live="polite">
          {stageLabel(job.stage)} · {job.progress}%
        </p>
        <ProgressBar value={job.progress} label="Processing progress" className="mt-2" />
        <p className="mt-2 text-sm text-slate-700">The fields appear here as soon as processing finishes.</p>
        {canWrite ? (
          <Button className="mt-3" onClick={doCancel} disabled={busy} aria-describedby="job-heading">
            {cancel.isPending && waitingKind === null ? "Cancelling…" : "Cancel"}
          </Button>
        ) : null}
        <QueuedNotice kind={waitingKind} />
        {failure ? (
          <p role="alert" className="mt-2 text-sm text-red-800">
            {errorMessage(failure)}
          </p>
        ) : null}
      </section>
    );
  }

  if (job.status === "failed" || job.status === "cancelled") {
    return (
      <section aria-labelledby="job-heading" className="rounded-md border border-red-200 bg-red-50 p-4">
        <h2 id="job-heading" className="text-base font-semibold text-red-950">
          {job.status === "failed" ? "Processing failed" : "Processing was cancelled"}
        </h2>
        {job.status === "failed" ? (
          <p className="mt-1 text-sm text-red-900">
            <span className="font-medium">Error{job.failedIn ? ` while ${stageLabel(job.failedIn).toLowerCase()}` : ""}:</span>{" "}
            {job.error ?? "No message was stored."}
          </p>
        ) : null}
        {canWrite ? (
          <Button className="mt-3" variant="primary" onClick={doRetry} disabled={busy} aria-describedby="job-heading">
            {retry.isPending && waitingKind === null ? "Retrying…" : "Retry"}
          </Button>
        ) : null}
        <QueuedNotice kind={waitingKind} />
        {failure ? (
          <p role="alert" className="mt-2 text-sm text-red-800">
            {errorMessage(failure)}
          </p>
        ) : null}
      </section>
    );
  }
  return null;
}
