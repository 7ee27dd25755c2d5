"use client";

import { useSyncExternalStore } from "react";
import { newIdempotencyKey, outboxAvailable, queueWrite, submitWrite } from "@/offline/outbox";
import { createUploadQueue, type UploadEntry, type UploadQueue } from "../upload-queue";

/**
 * One list per signed-in user for the life of the tab, kept outside React so the picked files
 * survive moving to another screen and back. Queued files live in the device's outbox anyway.
 */
let current: { owner: string; queue: UploadQueue } | null = null;

function queueFor(owner: string): UploadQueue {
  if (current?.owner !== owner) {
    current = {
      owner,
      queue: createUploadQueue({
        newKey: newIdempotencyKey,
        outbox: {
          available: outboxAvailable,
          queue: ({ file, filename, idempotencyKey }) => queueWrite({ kind: "upload", file, filename, idempotencyKey }),
        },
        // Without IndexedDB submitWrite sends at once (and the screen paces two at a time).
        send: ({ file, filename, idempotencyKey, onProgress }) =>
          submitWrite({ kind: "upload", file, filename, idempotencyKey, onProgress }),
      }),
    };
  }
  return current.queue;
}

const NO_ENTRIES: readonly UploadEntry[] = [];

export function useUploadQueue(owner: string): { queue: UploadQueue; entries: readonly UploadEntry[] } {
  const queue = queueFor(owner);
  const entries = useSyncExternalStore(queue.subscribe, queue.getSnapshot, () => NO_ENTRIES);
  return { queue, entries };
}
