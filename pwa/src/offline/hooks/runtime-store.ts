/**
 * The tab's outbox runtime as React sees it: its state (available? whose queue?), upload
 * progress, and every outbox row through one shared watch of the runtime (Dexie's liveQuery, which
 * also sees other tabs' changes).
 */
import type { OutboxItem } from "../db";
import { getOutboxRuntime, subscribeOutboxRuntime, type OutboxState } from "../runtime";
import type { Progress } from "../sync-engine";

const CHECKING: OutboxState = { availability: "checking", userId: null };
const NO_PROGRESS: ReadonlyMap<string, Progress> = new Map();

/** Follows the installed runtime's own listeners, and the runtime being installed. */
export function subscribeRuntime(listener: () => void): () => void {
  let detach = getOutboxRuntime()?.subscribe(listener) ?? (() => undefined);
  const stopInstall = subscribeOutboxRuntime(() => {
    detach();
    detach = getOutboxRuntime()?.subscribe(listener) ?? (() => undefined);
    listener();
  });
  return () => {
    detach();
    stopInstall();
  };
}

export const getRuntimeState = (): OutboxState => getOutboxRuntime()?.getState() ?? CHECKING;
export const getServerRuntimeState = (): OutboxState => CHECKING;
export const getRuntimeProgress = (): ReadonlyMap<string, Progress> => getOutboxRuntime()?.getProgress() ?? NO_PROGRESS;
export const getServerRuntimeProgress = (): ReadonlyMap<string, Progress> => NO_PROGRESS;

// ---- every row, live -----------------------------------------------------------------------

let rows: readonly OutboxItem[] | undefined;
const rowListeners = new Set<() => void>();
let stopWatching: (() => void) | null = null;
let stopWaitingForRuntime: (() => void) | null = null;
let generation = 0;

function emitRows(next: readonly OutboxItem[]): void {
  rows = next;
  for (const listener of rowListeners) listener();
}

function startRows(): void {
  const runtime = getOutboxRuntime();
  if (!runtime) {
    // The app shell installs it in an effect that runs after its children's.
    stopWaitingForRuntime ??= subscribeOutboxRuntime(() => {
      stopWaitingForRuntime?.();
      stopWaitingForRuntime = null;
      if (rowListeners.size > 0) startRows();
    });
    return;
  }
  const mine = ++generation;
  stopWatching = runtime.watchRows((next) => {
    if (mine === generation) emitRows(next);
  });
}

function stopRows(): void {
  generation += 1;
  stopWatching?.();
  stopWatching = null;
  stopWaitingForRuntime?.();
  stopWaitingForRuntime = null;
}

export function subscribeRows(listener: () => void): () => void {
  rowListeners.add(listener);
  if (rowListeners.size === 1) startRows();
  return () => {
    rowListeners.delete(listener);
    if (rowListeners.size === 0) stopRows();
  };
}

/** Every row in queue order; undefined until first read. */
export const getRows = (): readonly OutboxItem[] | undefined => rows;
export const getServerRows = (): readonly OutboxItem[] | undefined => undefined;
