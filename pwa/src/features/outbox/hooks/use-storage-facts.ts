"use client";

import { useCallback, useEffect, useState } from "react";
import { requestPersistence, storageFacts, type StorageFacts } from "@/offline/storage";

/** This origin's storage use and quota, and whether it is persistent; read again when `version` changes. */
export function useStorageFacts(version: unknown) {
  const [facts, setFacts] = useState<StorageFacts | null>(null);
  const [asking, setAsking] = useState(false);

  useEffect(() => {
    let cancelled = false;
    void storageFacts().then((next) => {
      if (!cancelled) setFacts(next);
    });
    return () => {
      cancelled = true;
    };
  }, [version]);

  const askToPersist = useCallback(async () => {
    setAsking(true);
    try {
      await requestPersistence();
      setFacts(await storageFacts());
    } finally {
      setAsking(false);
    }
  }, []);

  return { facts, asking, askToPersist };
}
