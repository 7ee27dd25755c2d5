import type { QueryClient } from "@tanstack/react-query";
import { startDocumentFile } from "../components/document-viewer/early-file";
import { warmPdfjs } from "../components/document-viewer/load-pdfjs";
import { documentQueryOptions } from "./get-document";

/**
 * Starts what the review screen needs as the app opens, alongside "who is signed in" rather than
 * after it: the document, its file and PDF.js with its worker (most documents are PDFs; for the
 * others the chunk is only fetched early). The screen picks each up where it is.
 */
export function prefetchReview(queryClient: QueryClient, documentId: string): void {
  void queryClient.prefetchQuery(documentQueryOptions(documentId));
  startDocumentFile(documentId);
  warmPdfjs();
}
