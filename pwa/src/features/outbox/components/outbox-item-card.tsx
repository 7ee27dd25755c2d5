"use client";

import Link from "next/link";
import { useId } from "react";
import { Button } from "@/components/ui/button";
import { formatBytes, formatDateTime } from "@/components/ui/format";
import { ProgressBar } from "@/components/ui/progress-bar";
import type { OutboxItem } from "@/offline/db";
import { canRetryNow, documentOf, kindWords, stateWords, type Tone } from "../describe";

const TONES: Record<Tone, string> = {
  neutral: "bg-slate-100 text-slate-800 ring-slate-300",
  busy: "bg-blue-50 text-blue-800 ring-blue-300",
  warn: "bg-amber-50 text-amber-900 ring-amber-300",
  error: "bg-red-50 text-red-800 ring-red-300",
  done: "bg-emerald-50 text-emerald-800 ring-emerald-300",
};

const at = (ms: number) => formatDateTime(new Date(ms).toISOString());

export interface OutboxItemCardProps {
  item: OutboxItem;
  online: boolean;
  progress: { loaded: number; total: number } | undefined;
  onRetryNow: (item: OutboxItem) => void;
  onDiscard: (item: OutboxItem) => void;
}

/** One queued write: what it is, where it stands, its tries and last error, and what can be done. */
export function OutboxItemCard({ item, online, progress, onRetryNow, onDiscard }: OutboxItemCardProps) {
  const labelId = useId();
  const state = stateWords(item, { online, progress });
  const documentId = documentOf(item);
  const sent = item.status === "sent";

  return (
    <li
      aria-labelledby={labelId}
      className={`rounded-lg border p-4 ${sent ? "border-slate-200 bg-slate-50 text-slate-600" : "border-slate-200 bg-white shadow-sm"}`}
    >
      <div className="flex flex-wrap items-start gap-x-3 gap-y-2">
        <div className="min-w-0 flex-1">
          <p id={labelId} className={`font-medium wrap-anywhere ${sent ? "text-slate-700" : "text-slate-900"}`}>
            {item.label}
          </p>
          <p className="text-sm text-slate-600">
            {kindWords(item)}
            {item.kind === "upload" && item.size !== undefined ? ` · ${formatBytes(item.size)}` : ""}
          </p>
        </div>
        <span className={`inline-flex items-center rounded-full px-2.5 py-0.5 text-xs font-semibold ring-1 ring-inset ${TONES[state.tone]}`}>
          {state.text}
        </span>
      </div>

      {item.status === "sending" && item.kind === "upload" ? (
        <ProgressBar className="mt-3" value={progress?.loaded ?? 0} max={progress?.total || item.size || 1} label={`Sending ${item.label}`} />
      ) : null}

      <dl className="mt-3 grid grid-cols-[auto_1fr] gap-x-3 gap-y-1 text-sm sm:grid-cols-[auto_1fr_auto_1fr]">
        <dt className="text-slate-600">Queued</dt>
        <dd>{at(item.createdAt)}</dd>
        <dt className="text-slate-600">{sent ? "Sent" : "Last change"}</dt>
        <dd>{at(item.updatedAt)}</dd>
        <dt className="text-slate-600">Attempts</dt>
        <dd>{item.attempts}</dd>
        {item.status === "waiting" && item.nextAttemptAt > item.updatedAt ? (
          <>
            <dt className="text-slate-600">Next try</dt>
            <dd>{online ? at(item.nextAttemptAt) : "when back online"}</dd>
          </>
        ) : null}
      </dl>

      {item.lastError && !sent ? (
        <p className={`mt-3 rounded-md p-3 text-sm ${item.status === "waiting" ? "bg-amber-50 text-amber-900" : "bg-red-50 text-red-800"}`}>
          <span className="font-semibold">{item.status === "waiting" ? "Last try:" : "The server said:"}</span> {item.lastError.message}
        </p>
      ) : null}

      {item.status === "conflict" ? (
        <p className="mt-3 text-sm text-slate-700">
          Someone changed this document on the server after you edited it. Open it to choose, field by field, which value to keep.
        </p>
      ) : null}

      {!sent || documentId ? (
        <div className="mt-3 flex flex-wrap items-center gap-2">
          {item.status === "conflict" && documentId ? (
            <Link
              href={`/documents/${documentId}`}
              aria-describedby={labelId}
              className="inline-flex min-h-11 items-center rounded-md bg-brand-600 px-4 text-sm font-medium text-white hover:bg-brand-700"
            >
              Resolve the conflict
            </Link>
          ) : documentId ? (
            <Link
              href={`/documents/${documentId}`}
              aria-describedby={labelId}
              className="inline-flex min-h-11 items-center rounded-md px-2 text-sm font-medium text-brand-700 underline underline-offset-2 hover:bg-brand-50"
            >
              Open document
            </Link>
          ) : null}
          <span className="flex-1" />
          {canRetryNow(item) ? (
            <Button variant="secondary" aria-describedby={labelId} onClick={() => onRetryNow(item)}>
              Retry now
            </Button>
          ) : null}
          {!sent ? (
            <Button variant="ghost" aria-describedby={labelId} onClick={() => onDiscard(item)}>
              Discard
            </Button>
          ) : null}
        </div>
      ) : null}
    </li>
  );
}
