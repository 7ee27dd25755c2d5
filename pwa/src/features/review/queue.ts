/**
 * The dashboard's current list, so a reviewer can work through it: the dashboard keeps
 * `{ids, query}` (the ids in its order and its URL query) in sessionStorage under QUEUE_KEY.
 */
export const QUEUE_KEY = "docflow:queue";

export interface DocumentQueue {
  ids: string[];
  query: string;
}

export function parseQueue(raw: string | null): DocumentQueue | null {
  if (!raw) return null;
  try {
    const value: unknown = JSON.parse(raw);
    if (typeof value !== "object" || value === null) return null;
    const { ids, query } = value as { ids?: unknown; query?: unknown };
    if (!Array.isArray(ids) || !ids.every((id) => typeof id === "string")) return null;
    return { ids, query: typeof query === "string" ? query.replace(/^\?/, "") : "" };
  } catch {
    return null;
  }
}

export interface QueuePosition {
  previous: string | null;
  next: string | null;
  /** 1-based; null when the document is not in the list. */
  position: number | null;
  total: number;
  /** Where "Back to documents" goes: the dashboard with its filters. */
  backHref: string;
}

export function queuePosition(queue: DocumentQueue | null, id: string): QueuePosition {
  const backHref = queue?.query ? `/?${queue.query}` : "/";
  const index = queue ? queue.ids.indexOf(id) : -1;
  if (!queue || index < 0) return { previous: null, next: null, position: null, total: queue?.ids.length ?? 0, backHref };
  return {
    previous: index > 0 ? queue.ids[index - 1] : null,
    next: index < queue.ids.length - 1 ? queue.ids[index + 1] : null,
    position: index + 1,
    total: queue.ids.length,
    backHref,
  };
}
