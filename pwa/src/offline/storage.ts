/** The browser's storage for this origin: persistence (not evicted under pressure) and usage. */

export interface StorageFacts {
  /** Bytes used by this origin (IndexedDB, caches…), if the browser says. */
  usage: number | null;
  /** Bytes this origin may use, if the browser says. */
  quota: number | null;
  /** True when the browser promised not to evict this origin's data; null when it cannot tell. */
  persisted: boolean | null;
}

type StorageLike = Pick<StorageManager, "estimate" | "persisted" | "persist">;

function storageManager(): Partial<StorageLike> | null {
  return typeof navigator !== "undefined" && navigator.storage ? navigator.storage : null;
}

/** Asks once for persistent storage (Chromium grants or refuses silently; Firefox may ask). */
export async function requestPersistence(storage: Partial<StorageLike> | null = storageManager()): Promise<boolean | null> {
  if (!storage?.persist) return null;
  try {
    if (storage.persisted && (await storage.persisted())) return true;
    return await storage.persist();
  } catch {
    return null;
  }
}

export async function storageFacts(storage: Partial<StorageLike> | null = storageManager()): Promise<StorageFacts> {
  const facts: StorageFacts = { usage: null, quota: null, persisted: null };
  if (!storage) return facts;
  try {
    const estimate = await storage.estimate?.();
    facts.usage = estimate?.usage ?? null;
    facts.quota = estimate?.quota ?? null;
  } catch {
    // Leave unknown.
  }
  try {
    facts.persisted = storage.persisted ? await storage.persisted() : null;
  } catch {
    // Leave unknown.
  }
  return facts;
}
