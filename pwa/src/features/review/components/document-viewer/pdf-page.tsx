"use client";

import type { PDFDocumentProxy, RenderTask } from "pdfjs-dist";
import { memo, useCallback, useEffect, useRef, useState } from "react";
import { isCancellation } from "./file-error";
import { outputScale, type Box } from "./geometry";
import { HighlightBox } from "./highlight-box";
import { PreviewImage, type PagePreview } from "./page-preview";
import { PDF_TO_CSS } from "./zoom";

export interface PageSize {
  width: number;
  height: number;
}

interface PdfPageProps {
  doc: PDFDocumentProxy;
  pageNumber: number;
  numPages: number;
  /** Size on screen, CSS px, at the zoom being shown. */
  width: number;
  height: number;
  /** The zoom to draw at (follows the shown zoom after a short pause). */
  renderScale: number | null;
  /** Near the visible part of the scroll container (or wanted for a highlight): draw it. */
  near: boolean;
  box: Box | null;
  register: (pageNumber: number, element: HTMLDivElement | null) => void;
  /** Reports the page's own size (scale 1, points) when it is not the first page's. */
  onSize: (pageNumber: number, size: PageSize) => void;
  /** The server's picture of this page (page 1), shown under the canvas until it is drawn. */
  preview?: PagePreview | null;
}

/**
 * One page: a placeholder of the right size until it comes near the viewport, then a canvas drawn
 * at the screen's density. A zoom change draws a new canvas off-screen and swaps it in, so the
 * old one (stretched) stays visible meanwhile; a page that scrolls far away drops its canvas.
 */
export const PdfPage = memo(function PdfPage({ doc, pageNumber, numPages, width, height, renderScale, near, box, register, onSize, preview }: PdfPageProps) {
  const frameRef = useRef<HTMLDivElement | null>(null);
  const hostRef = useRef<HTMLDivElement>(null);
  const [failed, setFailed] = useState(false);

  const setFrame = useCallback(
    (element: HTMLDivElement | null) => {
      frameRef.current = element;
      register(pageNumber, element);
    },
    [register, pageNumber],
  );

  useEffect(() => {
    const host = hostRef.current;
    const frame = frameRef.current;
    if (!host || !frame) return;
    if (!near || renderScale === null) {
      if (!near) {
        host.replaceChildren();
        frame.removeAttribute("data-rendered");
      }
      return;
    }
    let cancelled = false;
    let task: RenderTask | null = null;
    (async () => {
      const page = await doc.getPage(pageNumber);
      if (cancelled) return;
      const natural = page.getViewport({ scale: 1 });
      onSize(pageNumber, { width: natural.width, height: natural.height });
      const viewport = page.getViewport({ scale: renderScale * PDF_TO_CSS });
      const ratio = outputScale(viewport.width, viewport.height, window.devicePixelRatio);
      const canvas = document.createElement("canvas");
      canvas.width = Math.floor(viewport.width * ratio);
      canvas.height = Math.floor(viewport.height * ratio);
      canvas.style.cssText = "position:absolute;inset:0;width:100%;height:100%";
      task = page.render({ canvas, viewport, transform: ratio === 1 ? undefined : [ratio, 0, 0, ratio, 0, 0] });
      await task.promise;
      if (cancelled) return;
      host.replaceChildren(canvas);
      frame.setAttribute("data-rendered", "true");
      setFailed(false);
    })().catch((error: unknown) => {
      if (!cancelled && !isCancellation(error)) setFailed(true);
    });
    return () => {
      cancelled = true;
      task?.cancel();
    };
  }, [doc, pageNumber, near, renderScale, onSize]);

  return (
    <div
      ref={setFrame}
      data-page={pageNumber}
      role="img"
      aria-label={`Page ${pageNumber} of ${numPages}`}
      className="relative mx-auto bg-white shadow-sm ring-1 ring-slate-300"
      style={{ width, height }}
    >
      {preview && !failed ? (
        <PreviewImage preview={preview} />
      ) : (
        <p className="absolute inset-x-0 top-1/3 text-center text-sm text-slate-500">
          {failed ? `Page ${pageNumber} could not be drawn.` : `Loading page ${pageNumber}…`}
        </p>
      )}
      <div ref={hostRef} className="absolute inset-0" />
      {box && <HighlightBox box={box} />}
    </div>
  );
});
