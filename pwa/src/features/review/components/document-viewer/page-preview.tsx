/* eslint-disable @next/next/no-img-element -- the API serves the image to the signed-in session; Next's image optimiser has no place here */
"use client";

import type { Box } from "./geometry";
import { HighlightBox } from "./highlight-box";

/** The server's picture of a PDF's first page (GET /api/documents/{id}/preview): its URL and size in pixels. */
export interface PagePreview {
  url: string;
  width: number;
  height: number;
}

/**
 * The first page as the server pictured it, shown at once — in the page's HTML, before any script
 * runs — while PDF.js loads and draws the page itself (then drawn over it, same place and size).
 */
export function PreviewImage({ preview }: { preview: PagePreview }) {
  return (
    <img
      src={preview.url}
      alt=""
      width={preview.width}
      height={preview.height}
      fetchPriority="high"
      decoding="async"
      data-page-preview=""
      className="absolute inset-0 h-full w-full"
    />
  );
}

/**
 * Page 1 before PDF.js has opened the document: the preview at the width the page will have (fit
 * width, the scroll area's content box), so nothing moves when the drawn page replaces it.
 */
export function PreviewPage({ preview, numPages, box }: { preview: PagePreview; numPages: number | null; box: Box | null }) {
  return (
    <div className="flex min-w-full flex-col items-center gap-3">
      <div
        data-page={1}
        role="img"
        aria-label={numPages ? `Page 1 of ${numPages}` : "Page 1"}
        className="relative w-full bg-white shadow-sm ring-1 ring-slate-300"
        style={{ aspectRatio: `${preview.width} / ${preview.height}` }}
      >
        <PreviewImage preview={preview} />
        {box && <HighlightBox box={box} />}
      </div>
    </div>
  );
}
