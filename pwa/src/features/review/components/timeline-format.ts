import type { EventRead } from "../api/get-job-events";

/** A stage name in words ("field_extraction" → "Field extraction"). */
export function stageLabel(stage: string): string {
  const words = stage.replace(/_/g, " ").trim();
  return words ? words.charAt(0).toUpperCase() + words.slice(1) : "";
}

function text(value: unknown): string | null {
  return typeof value === "string" && value ? value : typeof value === "number" ? String(value) : null;
}

/** What an event means to a reviewer. */
export function describeEvent(event: EventRead): { title: string; detail: string | null } {
  const data = event.data ?? {};
  switch (event.type) {
    case "job_queued":
      return { title: data.retry ? "Queued again (retry)" : "Queued", detail: null };
    case "job_started":
      return { title: "Processing started", detail: null };
    case "document_parsing_started":
      return { title: "Reading the file", detail: null };
    case "document_parsing_progress":
      return { title: "Reading pages", detail: data.page && data.pages ? `Page ${text(data.page)} of ${text(data.pages)}` : null };
    case "document_parsing_completed": {
      const pages = text(data.pages);
      return { title: "File read", detail: pages ? `${pages} page${pages === "1" ? "" : "s"}` : null };
    }
    case "field_extraction_started":
      return { title: "Extracting fields", detail: null };
    case "field_extraction_completed": {
      const found = text(data.fields_found);
      return { title: "Fields extracted", detail: found ? `${found} of 7 fields found` : null };
    }
    case "job_completed":
      return { title: "Completed", detail: null };
    case "job_failed":
      return { title: "Failed", detail: text(data.error) };
    case "job_cancelled":
      return { title: "Cancelled", detail: null };
    case "document_reviewed": {
      const fields = Array.isArray(data.fields) ? data.fields.filter((f): f is string => typeof f === "string") : [];
      return { title: "Reviewed", detail: fields.length ? `Changed: ${fields.map(stageLabel).join(", ")}` : null };
    }
    case "document_finalized":
      return { title: "Finalized", detail: null };
    default:
      return { title: stageLabel(event.type), detail: null };
  }
}

const TIME = new Intl.DateTimeFormat(undefined, { dateStyle: "medium", timeStyle: "medium" });

/** Timeline times to the second (events of one job are often seconds apart). */
export function formatEventTime(iso: string): string {
  const date = new Date(iso);
  return Number.isNaN(date.getTime()) ? iso : TIME.format(date);
}
