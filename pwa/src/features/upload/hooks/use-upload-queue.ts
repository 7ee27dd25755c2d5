"use client";

import { useSyncExternalStore } from "react";
import { newIdempotencyKey, submitWrite } from "@/offline/outbox";
import { createUploadQueue, type UploadEntry, type UploadQueue } from "../upload-queue";

/**
 * One queue per signed-in user for the life of the tab, kept outside React so the list (and the
 * uploads on the way) survive moving to another screen and back.
 */
let current: { owner: string; queue: UploadQueue } | null = null;

function queueFor(owner: string): UploadQueue {
  if (current?.owner !== owner) {
    current = {
      owner,
      queue: createUploadQueue({
        newKey: newIdempotencyKey,
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
