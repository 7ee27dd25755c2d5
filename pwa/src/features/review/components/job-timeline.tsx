"use client";

import type { UseQueryResult } from "@tanstack/react-query";
import { errorMessage } from "@/lib/api/errors";
import type { EventRead } from "../api/get-job-events";
import { describeEvent, formatEventTime, stageLabel } from "./timeline-format";

type Row = { kind: "event"; event: EventRead } | { kind: "progress"; events: EventRead[] };

/** Page-by-page progress of one attempt folds into one row (every event stays listed inside it). */
function rowsOf(events: EventRead[]): Row[] {
  const rows: Row[] = [];
  for (const event of events) {
    const last = rows[rows.length - 1];
    if (event.type === "document_parsing_progress") {
      if (last?.kind === "progress" && last.events[0].attempt === event.attempt) last.events.push(event);
      else rows.push({ kind: "progress", events: [event] });
    } else {
      rows.push({ kind: "event", event });
    }
  }
  return rows;
}

const QUIET_STAGES = ["queued", "completed", "failed", "cancelled", "finalized"];

function EventLine({ event, showAttempt }: { event: EventRead; showAttempt: boolean }) {
  const { title, detail } = describeEvent(event);
  const failed = event.type === "job_failed";
  return (
    <>
      <p className="text-sm">
        <span className={`font-medium ${failed ? "text-red-800" : "text-slate-900"}`}>{title}</span>
        {showAttempt ? <span className="text-slate-600"> · attempt {event.attempt}</span> : null}
        {event.stage && !QUIET_STAGES.includes(event.stage) ? (
          <span className="text-slate-600">
            {" "}
            · {stageLabel(event.stage)} {event.progress}%
          </span>
        ) : null}
      </p>
      {detail ? <p className={`text-sm ${failed ? "text-red-800" : "text-slate-700"}`}>{detail}</p> : null}
      <p className="text-xs text-slate-600">
        <time dateTime={event.at}>{formatEventTime(event.at)}</time>
      </p>
    </>
  );
}

function dotClass(type: string): string {
  if (type === "job_failed") return "bg-red-600";
  if (type === "job_completed" || type === "document_finalized") return "bg-emerald-600";
  return "bg-slate-400";
}

/** Every event of the document's job, oldest first, with its time; new ones arrive live. */
export function JobTimeline({ events }: { events: UseQueryResult<EventRead[]> }) {
  const items = events.data ?? [];
  const showAttempt = new Set(items.map((e) => e.attempt)).size > 1;
  return (
    <section aria-labelledby="timeline-heading" className="rounded-md border border-slate-200 bg-white p-4">
      <h2 id="timeline-heading" className="text-base font-semibold text-slate-900">
        Job timeline
      </h2>
      {events.isPending && events.fetchStatus !== "idle" ? (
        <p className="mt-2 text-sm text-slate-600">Loading the timeline…</p>
      ) : events.isError && !events.data ? (
        <p role="alert" className="mt-2 text-sm text-red-800">
          The timeline could not be loaded: {errorMessage(events.error)}
        </p>
      ) : items.length === 0 ? (
        <p className="mt-2 text-sm text-slate-600">No events yet.</p>
      ) : (
        <ol className="mt-3 border-l-2 border-slate-200 pl-4">
          {rowsOf(items).map((row) => {
            if (row.kind === "event") {
              return (
                <li key={row.event.seq} className="relative pb-3 last:pb-0">
                  <span aria-hidden="true" className={`absolute -left-[1.4rem] top-1.5 size-2.5 rounded-full ${dotClass(row.event.type)}`} />
                  <EventLine event={row.event} showAttempt={showAttempt} />
                </li>
              );
            }
            const latest = row.events[row.events.length - 1];
            if (row.events.length === 1) {
              return (
                <li key={latest.seq} className="relative pb-3 last:pb-0">
                  <span aria-hidden="true" className={`absolute -left-[1.4rem] top-1.5 size-2.5 rounded-full ${dotClass(latest.type)}`} />
                  <EventLine event={latest} showAttempt={showAttempt} />
                </li>
              );
            }
            return (
              <li key={row.events[0].seq} className="relative pb-3 last:pb-0">
                <span aria-hidden="true" className="absolute -left-[1.4rem] top-1.5 size-2.5 rounded-full bg-slate-400" />
                <details>
                  <summary className="min-h-11 cursor-pointer py-1 text-sm">
                    <span className="font-medium text-slate-900">Reading pages</span>
                    <span className="text-slate-600">
                      {" "}
                      · {describeEvent(latest).detail ?? `${latest.progress}%`} · {row.events.length} updates
                    </span>
                  </summary>
                  <ol className="mt-1 space-y-2 pl-2">
                    {row.events.map((event) => (
                      <li key={event.seq}>
                        <EventLine event={event} showAttempt={false} />
                      </li>
                    ))}
                  </ol>
                </details>
              </li>
            );
          })}
        </ol>
      )}
    </section>
  );
}
