"use client";

import { useCallback, useEffect, useState } from "react";
import { useOnline } from "./use-outbox";

/** Online a queued write is usually answered at once: it is said to wait only past this (ms). */
export const QUEUED_NOTICE_AFTER_MS = 1500;

/**
 * Whether to say "Queued — will sync" for a write this screen stored on the device (the write's
 * `onQueued`) and still waits on: offline at once, online only once it lingers — a write answered
 * in a moment never flashes the notice. `kind` names which write (e.g. "retry" or "cancel").
 */
export function useQueuedNotice<K extends string>() {
  const online = useOnline();
  const [queued, setQueued] = useState<K | null>(null);
  const [slow, setSlow] = useState(false);
  useEffect(() => {
    if (!queued) return;
    const timer = setTimeout(() => setSlow(true), QUEUED_NOTICE_AFTER_MS);
    return () => {
      clearTimeout(timer);
      setSlow(false);
    };
  }, [queued]);
  const clear = useCallback(() => setQueued(null), []);
  return {
    /** Pass as the write's `onQueued`. */
    markQueued: setQueued,
    /** Pass as the mutation's `onSettled`. */
    clear,
    /** The kind to say "Queued — will sync" for while `pending`; null: nothing to say. */
    waiting: (pending: boolean): K | null => (pending && queued && (!online || slow) ? queued : null),
  };
}
