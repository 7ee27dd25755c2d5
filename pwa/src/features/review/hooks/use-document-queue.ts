"use client";

import { useEffect, useState } from "react";
import { parseQueue, QUEUE_KEY, queuePosition, type DocumentQueue, type QueuePosition } from "../queue";

/** Where this document sits in the dashboard's current list (read from sessionStorage after mount). */
export function useDocumentQueue(documentId: string): QueuePosition {
  const [queue, setQueue] = useState<DocumentQueue | null>(null);
  useEffect(() => {
    const read = () => {
      try {
        setQueue(parseQueue(window.sessionStorage.getItem(QUEUE_KEY)));
      } catch {
        setQueue(null); // storage disabled: no previous / next
      }
    };
    read();
    // Another tab cannot write this tab's sessionStorage; a back/forward restore can change it.
    window.addEventListener("pageshow", read);
    return () => window.removeEventListener("pageshow", read);
  }, [documentId]);
  return queuePosition(queue, documentId);
}
