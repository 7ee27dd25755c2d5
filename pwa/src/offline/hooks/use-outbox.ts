"use client";

import { useQueryClient } from "@tanstack/react-query";
import { useEffect, useMemo, useSyncExternalStore } from "react";
import type { OutboxItem, OutboxStatus } from "../db";
import { outboxMayHoldItems } from "../probe";
import { CHANNEL_NAME, registerOutboxStarter, startOutboxRuntime, type OutboxState } from "../runtime";
import type { Progress } from "../sync-engine";
import {
  getRows,
  getRuntimeProgress,
  getRuntimeState,
  getServerRows,
  getServerRuntimeProgress,
  getServerRuntimeState,
  subscribeRows,
  subscribeRuntime,
} from "./runtime-store";

/**
 * Makes the tab's outbox startable (the app shell calls this once) and starts it when it is
 * needed: at once when the device's outbox may hold something (a plain IndexedDB count, no Dexie),
 * else on the first write (outbox.ts), on a screen that shows the outbox (`useOutboxStarted`), or
 * when another tab's outbox speaks on the BroadcastChannel. Its code (Dexie, the sync engine)
 * loads at once — a write made offline must not depend on fetching it — but most page loads, with
 * nothing queued, never open the database nor run the engine.
 */
export function useOutboxEngine(): void {
  const queryClient = useQueryClient();
  useEffect(() => {
    const load = () => import("../browser");
    // The code loads now, so that a write made after the connection drops still finds it here.
    void load().catch(() => undefined);
    registerOutboxStarter(() => load().then(({ startBrowserOutbox }) => startBrowserOutbox(queryClient)));
    let listening = true;
    const channel = typeof BroadcastChannel === "undefined" ? null : new BroadcastChannel(CHANNEL_NAME);
    const start = () => {
      if (!listening) return;
      listening = false;
      channel?.close();
      void startOutboxRuntime();
    };
    if (channel) channel.onmessage = start;
    void outboxMayHoldItems().then((holds) => {
      if (holds) start();
    });
    return () => {
      listening = false;
      channel?.close();
    };
  }, [queryClient]);
}

/** For screens that show or fill the outbox (upload, outbox): starts it if it is not running yet. */
export function useOutboxStarted(): void {
  useEffect(() => {
    void startOutboxRuntime();
  }, []);
}

/** Whether writes are kept on this device ("unavailable": they go straight to the server), and whose queue runs. */
export function useOutboxState(): OutboxState {
  return useSyncExternalStore(subscribeRuntime, getRuntimeState, getServerRuntimeState);
}

/** Bytes sent of the uploads on the way (this tab's or another's), by item id. */
export function useOutboxProgress(): ReadonlyMap<string, Progress> {
  return useSyncExternalStore(subscribeRuntime, getRuntimeProgress, getServerRuntimeProgress);
}

export interface OutboxItems {
  /** The signed-in user's items in queue order (sent ones stay a day); undefined while loading. */
  items: readonly OutboxItem[] | undefined;
  /** Items queued by someone else on this device: they wait until that person signs in again. */
  otherUsers: number;
}

function useAllRows(): readonly OutboxItem[] | undefined {
  return useSyncExternalStore(subscribeRows, getRows, getServerRows);
}

export function useOutboxItems(): OutboxItems {
  const rows = useAllRows();
  const { userId } = useOutboxState();
  return useMemo(() => {
    if (!rows) return { items: undefined, otherUsers: 0 };
    const items = rows.filter((item) => item.userId === userId);
    const otherUsers = rows.filter((item) => item.userId !== userId && item.status !== "sent").length;
    return { items, otherUsers };
  }, [rows, userId]);
}

/** Statuses that still need the server or the reviewer. */
export const PENDING_STATUSES: ReadonlySet<OutboxStatus> = new Set(["waiting", "sending", "failed", "conflict"]);

/** How many of the signed-in user's items wait (waiting, sending, failed or in conflict). */
export function useOutboxCount(): number {
  const { items } = useOutboxItems();
  return useMemo(() => (items ?? []).filter((item) => PENDING_STATUSES.has(item.status)).length, [items]);
}

/**
 * The signed-in user's items for one document (review saves, finalize, and retry/cancel of its
 * job), in queue order, sent ones included for a day. The review screen shows "Saved on this
 * device — will sync" while one waits, and the conflict view for one in "conflict"
 * (`conflictCurrent` is the server's copy; resolve with `resolveOutboxConflict(item.id, …)`).
 */
export function useOutboxItemsForDocument(documentId: string | null | undefined): readonly OutboxItem[] {
  const { items } = useOutboxItems();
  return useMemo(
    () => (documentId ? (items ?? []).filter((item) => item.documentId === documentId) : []),
    [items, documentId],
  );
}

function subscribeOnline(listener: () => void): () => void {
  window.addEventListener("online", listener);
  window.addEventListener("offline", listener);
  return () => {
    window.removeEventListener("online", listener);
    window.removeEventListener("offline", listener);
  };
}

/** The browser's idea of the connection (true while rendering on the server). */
export function useOnline(): boolean {
  return useSyncExternalStore(
    subscribeOnline,
    () => navigator.onLine,
    () => true,
  );
}
