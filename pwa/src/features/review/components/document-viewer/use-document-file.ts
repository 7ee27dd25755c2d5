"use client";

import { useCallback, useEffect, useState } from "react";
import { notifySessionExpired } from "@/lib/api/session-events";
import { takeDocumentFile } from "./early-file";
import { httpFileError, isCancellation, NETWORK_FILE_ERROR, type ViewerError } from "./file-error";
import { documentFileUrl } from "./use-document-file-url";

export { documentFileUrl };

export type FileState<T> = { status: "loading" } | { status: "error"; error: ViewerError } | { status: "ready"; data: T };

interface Settled<T> {
  key: string;
  state: FileState<T>;
}

export const readArrayBuffer = (response: Response) => response.arrayBuffer();
/** An object URL of the file (for an <img>), revoked by `revokeObjectUrl` when no longer shown. */
export const readObjectUrl = async (response: Response) => URL.createObjectURL(await response.blob());
export const revokeObjectUrl = (url: string) => URL.revokeObjectURL(url);

/**
 * The original file of a document (same origin, session cookie), read with `read`. Refetched when
 * the document changes or `retry` is called; an in-flight download is aborted when it is no longer
 * wanted. A 401 also asks the app shell to sign in again. `dispose` releases what `read` made
 * (e.g. an object URL) once it is replaced or the viewer closes. Nothing is fetched while
 * `enabled` is false.
 */
export function useDocumentFile<T>(
  documentId: string,
  read: (response: Response) => Promise<T>,
  dispose?: (data: T) => void,
  enabled = true,
): { state: FileState<T>; retry: () => void } {
  const [attempt, setAttempt] = useState(0);
  const key = `${documentId}#${attempt}`;
  const [settled, setSettled] = useState<Settled<T> | null>(null);

  useEffect(() => {
    if (!enabled) return;
    const controller = new AbortController();
    let made: { data: T } | null = null;
    const settle = (state: FileState<T>) => {
      if (!controller.signal.aborted) setSettled({ key, state });
    };
    // The first try takes the download started as the app opened (features/review/api/prefetch-review.ts), if any.
    const started = attempt === 0 ? takeDocumentFile(documentId) : null;
    (started ?? fetch(documentFileUrl(documentId), { credentials: "same-origin", signal: controller.signal }))
      .then(async (response) => {
        if (controller.signal.aborted) return;
        if (!response.ok) {
          if (response.status === 401) notifySessionExpired();
          settle({ status: "error", error: httpFileError(response.status) });
          return;
        }
        const data = await read(response);
        made = { data };
        if (controller.signal.aborted) dispose?.(data);
        settle({ status: "ready", data });
      })
      .catch((error: unknown) => {
        if (!isCancellation(error)) settle({ status: "error", error: NETWORK_FILE_ERROR });
      });
    return () => {
      controller.abort();
      if (made) dispose?.(made.data);
    };
  }, [documentId, key, attempt, read, dispose, enabled]);

  const retry = useCallback(() => setAttempt((n) => n + 1), []);
  const state: FileState<T> = settled && settled.key === key ? settled.state : { status: "loading" };
  return { state, retry };
}
