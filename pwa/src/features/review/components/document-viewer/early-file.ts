import { documentFileUrl } from "./use-document-file-url";

/** A download started before the viewer mounted, taken (once) by the viewer: one request, not two. */
const early = new Map<string, Promise<Response>>();
/** Documents whose viewer has already asked (with or without an early download), and when. */
const asked = new Map<string, number>();
/** Not taken by then (the reviewer went elsewhere): dropped, so its bytes are not held. */
const KEEP_MS = 30_000;

export function startDocumentFile(documentId: string): void {
  if (early.has(documentId)) return;
  // The viewer got there first (the page came with its data, so it mounted at once): it downloads
  // the file itself.
  const askedAt = asked.get(documentId);
  if (askedAt !== undefined && Date.now() - askedAt < KEEP_MS) return;
  const response = fetch(documentFileUrl(documentId), { credentials: "same-origin" });
  response.catch(() => undefined); // a failure is the viewer's to report, when it takes this
  early.set(documentId, response);
  setTimeout(() => {
    if (early.get(documentId) === response) early.delete(documentId);
  }, KEEP_MS);
}

/** The early download of this document's file, if one is waiting; it is no longer waiting after this. */
export function takeDocumentFile(documentId: string): Promise<Response> | null {
  const response = early.get(documentId) ?? null;
  early.delete(documentId);
  const now = Date.now();
  for (const [id, at] of asked) if (now - at >= KEEP_MS) asked.delete(id);
  asked.set(documentId, now);
  return response;
}
