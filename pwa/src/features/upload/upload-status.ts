import type { DocumentEntry } from "./api/get-document";
import type { UploadView } from "./upload-view";

/** Where one file stands, from picking it to its job's end. */
export type DisplayState =
  | "ready"
  | "storing"
  | "waiting"
  | "sending"
  | "rejected"
  | "retryable"
  | "queued"
  | "processing"
  | "completed"
  | "failed"
  | "cancelled"
  | "finalized";

const JOB_STATES = new Set<DisplayState>(["queued", "processing", "completed", "failed", "cancelled", "finalized"]);

/** The job as last seen: the live cache entry when there is one, else the upload's own answer. */
export function latestJob(entry: Pick<UploadView, "item">, cached: DocumentEntry | undefined) {
  return cached?.document.job ?? entry.item?.job ?? null;
}

export function displayState(entry: Pick<UploadView, "phase" | "item">, cached: DocumentEntry | undefined): DisplayState {
  if (entry.phase !== "accepted") return entry.phase;
  if (cached?.document.current_status === "finalized") return "finalized";
  const status = latestJob(entry, cached)?.status ?? cached?.document.current_status ?? entry.item?.document.current_status;
  if (status && JOB_STATES.has(status as DisplayState)) return status as DisplayState;
  return "processing";
}

export function isRunning(state: DisplayState): boolean {
  return state === "queued" || state === "processing";
}

const SUMMARY_ORDER: [DisplayState, string][] = [
  ["ready", "ready to send"],
  ["storing", "being saved on this device"],
  ["waiting", "waiting to send"],
  ["sending", "sending"],
  ["retryable", "not sent (can be retried)"],
  ["rejected", "rejected"],
  ["queued", "queued"],
  ["processing", "processing"],
  ["completed", "completed"],
  ["failed", "failed"],
  ["cancelled", "cancelled"],
  ["finalized", "finalized"],
];

/** One sentence for the polite live region: it changes when a file changes state, not per byte. */
export function summarize(states: readonly DisplayState[]): string {
  if (states.length === 0) return "No files picked yet.";
  const counts = new Map<DisplayState, number>();
  for (const state of states) counts.set(state, (counts.get(state) ?? 0) + 1);
  const parts = SUMMARY_ORDER.filter(([state]) => counts.has(state)).map(([state, words]) => `${counts.get(state)} ${words}`);
  return `${states.length} ${states.length === 1 ? "file" : "files"}: ${parts.join(", ")}.`;
}

/** A pipeline stage name (parsing, extracting …) in words. */
export function stageLabel(stage: string | null | undefined): string {
  if (!stage) return "";
  const words = stage.replace(/[_-]+/g, " ").trim();
  return words.charAt(0).toUpperCase() + words.slice(1);
}
