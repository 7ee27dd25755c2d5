"use client";

import { memo, type JSX } from "react";
import type { Box } from "./geometry";
import type { PagePreview } from "./page-preview";
import { ImageViewer } from "./image-viewer";
import { PdfViewer } from "./pdf-viewer";
import { TextViewer } from "./text-viewer";
import { documentFileUrl } from "./use-document-file";
import { ViewerMessage } from "./viewer-message";

function viewerKind(mimeType: string): "pdf" | "image" | "text" | null {
  const type = mimeType.split(";")[0].trim().toLowerCase();
  if (type === "application/pdf") return "pdf";
  if (type === "image/png" || type === "image/jpeg" || type === "image/tiff") return "image";
  if (type === "text/plain" || type === "application/xml") return "text";
  return null;
}

/**
 * The original document beside the review fields: PDF pages drawn with PDF.js (loaded on demand,
 * pages drawn as they come near), images as images, plain text as text — zoomable, with the
 * focused field's source box highlighted and scrolled into view. It fills its container's width;
 * from tablet width up it has its own scroll area as tall as the window, so the fields stay in view
 * beside it; on a phone it is a shorter block above them.
 */
function DocumentViewerBody({
  documentId,
  mimeType,
  pageCount,
  highlight,
  preview,
}: {
  documentId: string;
  mimeType: string;
  pageCount: number | null;
  highlight: { page: number; box: [number, number, number, number] } | null;
  /** The server's picture of a PDF's first page, if it made one. */
  preview: PagePreview | null;
}): JSX.Element {
  const kind = viewerKind(mimeType);
  const box: { page: number; box: Box } | null = highlight;
  return (
    <div className="flex max-h-[70dvh] min-h-80 w-full flex-col overflow-hidden rounded-lg border border-slate-200 bg-white md:sticky md:top-4 md:max-h-[calc(100dvh-6rem)] md:self-start">
      {kind === "pdf" ? (
        <PdfViewer key={documentId} documentId={documentId} pageCount={pageCount} highlight={box} preview={preview} />
      ) : kind === "image" ? (
        <ImageViewer key={documentId} documentId={documentId} mimeType={mimeType} highlight={box} />
      ) : kind === "text" ? (
        <TextViewer key={documentId} documentId={documentId} highlight={box} />
      ) : (
        <ViewerMessage
          error={{ message: `This kind of file (${mimeType || "unknown type"}) cannot be shown here.`, retryable: false }}
          downloadHref={documentFileUrl(documentId)}
        />
      )}
    </div>
  );
}

/** Memoised: the review screen renders again on every change of the job or its timeline; the viewer only when its props change. */
export const DocumentViewer = memo(DocumentViewerBody);
