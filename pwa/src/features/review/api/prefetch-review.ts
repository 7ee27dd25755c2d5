import type { QueryClient } from "@tanstack/react-query";
import { startDocumentFile } from "../components/document-viewer/early-file";
import { warmPdfjs } from "../components/document-viewer/load-pdfjs";
import { documentQueryOptions } from "./get-document";

/**
 * Starts what the review screen needs as the app opens, alongside "who is signed in" rather than
 * after it: the document, its file and PDF.js with its worker (most documents are PDFs; for the
 * others the chunk is only fetched early). The screen picks each up where it is. When the page
 * came with the document (rendered on the server), the viewer is already on screen and fetches
 * the file and PDF.js itself, when it needs them.
 */
export function prefetchReview(queryClient: QueryClient, documentId: string): void {
  const options = documentQueryOptions(documentId);
  if (queryClient.getQueryData(options.queryKey)) return;
  void queryClient.prefetchQuery(options);
  startDocumentFile(documentId);
  warmPdfjs();
}
