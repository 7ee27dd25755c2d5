"use client";

import { useMemo, useRef, useState } from "react";
import type { Box } from "./geometry";
import { boxToRange, decodeText, splitPages } from "./text-layout";
import { ViewerToolbar } from "./toolbar";
import { documentFileUrl, readArrayBuffer, useDocumentFile } from "./use-document-file";
import { useHighlightScroll } from "./use-highlight-scroll";
import { ViewerMessage } from "./viewer-message";
import { canZoomIn, canZoomOut, TEXT_ZOOM_STEPS, zoomIn, zoomOut } from "./zoom";

/** A plain-text document in a wrapping monospace block; a field's source is marked in the text. */
export function TextViewer({ documentId, highlight }: { documentId: string; highlight: { page: number; box: Box } | null }) {
  const downloadHref = documentFileUrl(documentId);
  const { state: file, retry } = useDocumentFile(documentId, readArrayBuffer);
  const data = file.status === "ready" ? file.data : null;
  const pages = useMemo(() => (data ? splitPages(decodeText(data)) : null), [data]);
  const [scale, setScale] = useState(1);

  const mark = useMemo(() => {
    if (!pages || !highlight || highlight.page < 1 || highlight.page > pages.length) return null;
    const range = boxToRange(pages[highlight.page - 1], highlight.box);
    return range ? { page: highlight.page, ...range } : null;
  }, [pages, highlight]);

  const scrollRef = useRef<HTMLDivElement>(null);
  useHighlightScroll(scrollRef, mark ? `${mark.page}:${mark.start}-${mark.end}` : null, true);

  return (
    <>
      <ViewerToolbar
        disabled={!pages}
        downloadHref={file.status === "error" ? null : downloadHref}
        pages={null}
        zoom={file.status === "error" ? null : {
          scale: pages ? scale : null,
          fitWidth: null,
          canZoomIn: canZoomIn(scale, TEXT_ZOOM_STEPS),
          canZoomOut: canZoomOut(scale, TEXT_ZOOM_STEPS),
          onZoomIn: () => setScale((s) => zoomIn(s, TEXT_ZOOM_STEPS)),
          onZoomOut: () => setScale((s) => zoomOut(s, TEXT_ZOOM_STEPS)),
          onFitWidth: null,
        }}
      />
      <div
        ref={scrollRef}
        tabIndex={0}
        role="region"
        aria-label="Document"
        aria-busy={file.status === "loading"}
        className="relative min-h-0 flex-1 overflow-auto bg-white p-3 md:p-4"
      >
        {file.status === "error" ? (
          <ViewerMessage error={file.error} onRetry={retry} />
        ) : !pages ? (
          <ViewerMessage />
        ) : (
          pages.map((text, index) => {
            const pageNumber = index + 1;
            const pageMark = mark && mark.page === pageNumber ? mark : null;
            return (
              <div key={pageNumber} className={index > 0 ? "mt-4 border-t border-dashed border-slate-300 pt-4" : undefined}>
                {pages.length > 1 && <p className="mb-2 text-xs font-medium text-slate-500">Page {pageNumber}</p>}
                <pre className="whitespace-pre-wrap break-words font-mono leading-relaxed text-slate-900" style={{ fontSize: `${0.875 * scale}rem` }}>
                  {pageMark ? (
                    <>
                      {text.slice(0, pageMark.start)}
                      <mark data-highlight="" className="rounded-sm bg-amber-200 text-slate-950 outline-2 outline-amber-600">
                        {text.slice(pageMark.start, pageMark.end)}
                      </mark>
                      {text.slice(pageMark.end)}
                    </>
                  ) : (
                    text
                  )}
                </pre>
              </div>
            );
          })
        )}
      </div>
    </>
  );
}
