"use client";

import { useEffect, useState } from "react";
import { errorMessage } from "@/lib/api/errors";
import { useOutboxStarted, useOutboxState } from "@/offline/hooks";
import { queueWrite, submitWrite } from "@/offline/outbox";
import { importSharedFiles, type ShareImport } from "@/offline/share-inbox";

export type ShareNotice =
  | { kind: "imported"; names: string[] }
  | { kind: "failed"; names: string[]; reason: string; imported: string[] }
  | { kind: "not-stored"; reason: "storage" | "format" };

/** One import at a time per tab (a second screen mount joins it). */
let running: Promise<ShareImport> | null = null;

/**
 * Files shared to the app (the service worker keeps them in the share inbox, then opens
 * /outbox?shared=<n>): moved into the outbox as uploads on load — or, where this browser cannot
 * keep them, sent straight away. The query is dropped from the address afterwards.
 */
export function useShareImport(): ShareNotice | null {
  const { availability, userId } = useOutboxState();
  useOutboxStarted();
  const [notice, setNotice] = useState<ShareNotice | null>(null);

  useEffect(() => {
    if (availability === "checking" || !userId) return;
    let cancelled = false;
    const params = new URLSearchParams(window.location.search);
    const shareError = params.get("share_error");
    const add =
      availability === "available"
        ? (upload: { file: Blob; filename: string; idempotencyKey: string }) => queueWrite({ kind: "upload", ...upload })
        : (upload: { file: Blob; filename: string; idempotencyKey: string }) => submitWrite({ kind: "upload", ...upload });
    running ??= importSharedFiles(typeof caches === "undefined" ? undefined : caches, add).finally(() => {
      running = null;
    });
    void running.then((outcome) => {
      if (cancelled) return;
      if (outcome.failed.length > 0) {
        setNotice({
          kind: "failed",
          names: outcome.failed.map((failure) => failure.filename),
          reason: errorMessage(outcome.failed[0].error),
          imported: outcome.imported,
        });
      } else if (outcome.imported.length > 0) {
        setNotice({ kind: "imported", names: outcome.imported });
      } else if (shareError === "storage" || shareError === "format") {
        setNotice({ kind: "not-stored", reason: shareError });
      }
      if (params.has("shared") || shareError) {
        params.delete("shared");
        params.delete("share_error");
        const query = params.toString();
        window.history.replaceState(window.history.state, "", `${window.location.pathname}${query ? `?${query}` : ""}`);
      }
    });
    return () => {
      cancelled = true;
    };
  }, [availability, userId]);

  return notice;
}
