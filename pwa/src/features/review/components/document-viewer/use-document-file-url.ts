/** Where a document's original file is served (same origin, session cookie). */
export function documentFileUrl(documentId: string): string {
  return `/api/documents/${encodeURIComponent(documentId)}/file`;
}
