/**
 * Whether this device's outbox may hold anything, asked of IndexedDB directly (no Dexie, no sync
 * engine): a tab whose outbox is empty — nearly every page load — starts neither until a write,
 * a screen that shows the outbox, or another tab's outbox message needs them (hooks/use-outbox.ts).
 */

/** The outbox database's name (db.ts opens it with Dexie). */
export const DATABASE_NAME = "docflow";
const OUTBOX_STORE = "outbox";

/**
 * False only when the outbox is known to be empty: no database of that name, or its outbox table
 * holds no row (a sent row kept for a day counts). True when it holds rows, and whenever IndexedDB
 * cannot say (missing, refusing, an unexpected shape): the outbox then starts and judges for itself.
 * Never creates the database nor upgrades it.
 */
export async function outboxMayHoldItems(factory: IDBFactory | undefined = globalThis.indexedDB, name = DATABASE_NAME): Promise<boolean> {
  if (!factory) return true;
  try {
    if (typeof factory.databases === "function") {
      const databases = await factory.databases();
      if (!databases.some((database) => database.name === name)) return false;
    }
    const db = await openExisting(factory, name);
    if (!db) return false;
    try {
      if (!db.objectStoreNames.contains(OUTBOX_STORE)) return true;
      const count = await request(db.transaction(OUTBOX_STORE, "readonly").objectStore(OUTBOX_STORE).count());
      return count > 0;
    } finally {
      db.close();
    }
  } catch {
    return true;
  }
}

/** The database at its current version; null (and nothing left behind) when it does not exist. */
function openExisting(factory: IDBFactory, name: string): Promise<IDBDatabase | null> {
  return new Promise((resolve, reject) => {
    let missing = false;
    const opening = factory.open(name);
    opening.onupgradeneeded = () => {
      // Only a database that did not exist is "upgraded" by an open without a version: undo it.
      missing = true;
      opening.transaction?.abort();
    };
    opening.onsuccess = () => {
      const db = opening.result;
      // Let Dexie open a newer version later without waiting for this connection.
      db.onversionchange = () => db.close();
      resolve(db);
    };
    opening.onerror = (event) => {
      if (missing) {
        event.preventDefault();
        resolve(null);
      } else reject(opening.error ?? new Error("IndexedDB refused to open"));
    };
    opening.onblocked = () => reject(new Error("IndexedDB open blocked"));
  });
}

function request<T>(req: IDBRequest<T>): Promise<T> {
  return new Promise((resolve, reject) => {
    req.onsuccess = () => resolve(req.result);
    req.onerror = () => reject(req.error ?? new Error("IndexedDB request failed"));
  });
}
