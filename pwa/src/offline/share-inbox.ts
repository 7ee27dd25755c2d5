/**
 * Files shared to the installed app (the manifest's share_target). The service worker
 * (src/app/sw.ts, `receiveShare`) stores each shared file in Cache Storage and opens
 * /outbox?shared=<n>; the page then moves them into the outbox as uploads and deletes them from
 * the cache. The format is the service worker's (see the comment on SHARE_INBOX_CACHE there):
 *   key      `${origin}/share-inbox/<uuid>`
 *   body     the file's bytes
 *   headers  Content-Type (the file's type), X-Docflow-Filename (encodeURIComponent of the name),
 *            X-Docflow-Size, X-Docflow-Shared-At (ISO time), X-Docflow-Share-Title/-Text (optional)
 * Each file's Idempotency-Key is the <uuid> of its entry: a file queued whose cache entry could not
 * be deleted (the tab closed in between) is queued again under the same key — no second upload.
 */
export const SHARE_INBOX_CACHE = "docflow-share-inbox";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface SharedUpload {
  file: Blob;
  filename: string;
  idempotencyKey: string;
}

export interface ShareImport {
  /** Files now in the outbox (or sent, where there is no outbox). */
  imported: string[];
  /** Files that stay in the inbox (to try again), with why. */
  failed: { filename: string; error: unknown }[];
}

function decodeName(value: string | null): string {
  if (!value) return "";
  try {
    return decodeURIComponent(value);
  } catch {
    return value;
  }
}

/** The upload a shared-inbox entry stands for. */
export async function sharedUpload(request: Request, response: Response, newKey: () => string): Promise<SharedUpload> {
  const type = response.headers.get("Content-Type") ?? "";
  const bytes = await response.blob();
  const file = bytes.type === type || !type ? bytes : new Blob([bytes], { type });
  const filename = decodeName(response.headers.get("X-Docflow-Filename")).trim() || "shared-file";
  const last = new URL(request.url).pathname.split("/").pop() ?? "";
  return { file, filename, idempotencyKey: UUID.test(last) ? last.toLowerCase() : newKey() };
}

/**
 * Moves every shared file into the outbox through `add` (which resolves once the file is safe),
 * then deletes its entry. An entry whose `add` failed (e.g. the device is full) stays for the next
 * try.
 */
export async function importSharedFiles(
  storage: Pick<CacheStorage, "has" | "open"> | undefined,
  add: (upload: SharedUpload) => Promise<unknown>,
  newKey: () => string = () => crypto.randomUUID(),
): Promise<ShareImport> {
  const outcome: ShareImport = { imported: [], failed: [] };
  if (!storage || !(await storage.has(SHARE_INBOX_CACHE))) return outcome;
  const cache = await storage.open(SHARE_INBOX_CACHE);
  for (const request of await cache.keys()) {
    const response = await cache.match(request);
    if (!response) continue;
    let upload: SharedUpload | null = null;
    try {
      upload = await sharedUpload(request, response, newKey);
      await add(upload);
      await cache.delete(request);
      outcome.imported.push(upload.filename);
    } catch (error) {
      outcome.failed.push({ filename: upload?.filename ?? "shared file", error });
    }
  }
  return outcome;
}
