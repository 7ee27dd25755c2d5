"use client";

import { useRef, useState } from "react";
import type { Box } from "./geometry";
import { HighlightBox } from "./highlight-box";
import { ViewerToolbar } from "./toolbar";
import { documentFileUrl, readObjectUrl, revokeObjectUrl, useDocumentFile } from "./use-document-file";
import { useElementWidth } from "./use-element-width";
import { useHighlightScroll } from "./use-highlight-scroll";
import { ViewerMessage } from "./viewer-message";
import { canZoomIn, canZoomOut, resolveScale, zoomIn, zoomOut, type Zoom } from "./zoom";

const TIFF_MESSAGE = "This TIFF scan cannot be shown in this browser. Download the original to view it.";

/** A PNG or JPEG scan (or a TIFF, where the browser can decode it), zoomable, with the highlight. */
export function ImageViewer({ documentId, mimeType, highlight }: { documentId: string; mimeType: string; highlight: { page: number; box: Box } | null }) {
  const downloadHref = documentFileUrl(documentId);
  const { state: file, retry } = useDocumentFile(documentId, readObjectUrl, revokeObjectUrl);
  const url = file.status === "ready" ? file.data : null;

  const [natural, setNatural] = useState<{ url: string; width: number; height: number } | null>(null);
  const [broken, setBroken] = useState<string | null>(null);
  const size = natural && natural.url === url ? natural : null;

  const scrollRef = useRef<HTMLDivElement>(null);
  const available = useElementWidth(scrollRef);
  const [zoom, setZoom] = useState<Zoom>({ mode: "fit" });
  const scale = size ? resolveScale(zoom, available, size.width) : null;

  const box = highlight && highlight.page === 1 ? highlight.box : null;
  useHighlightScroll(scrollRef, box ? box.join(",") : null, scale !== null);

  const tiff = /tiff?$/i.test(mimeType);
  const error = file.status === "error" ? file.error : url && broken === url ? { message: tiff ? TIFF_MESSAGE : "The image could not be displayed. It may be damaged.", retryable: false } : null;

  return (
    <>
      <ViewerToolbar
        disabled={scale === null}
        downloadHref={file.status === "error" ? null : downloadHref}
        pages={null}
        zoom={error ? null : {
          scale,
          fitWidth: zoom.mode === "fit",
          canZoomIn: scale !== null && canZoomIn(scale),
          canZoomOut: scale !== null && canZoomOut(scale),
          onZoomIn: () => scale !== null && setZoom({ mode: "custom", scale: zoomIn(scale) }),
          onZoomOut: () => scale !== null && setZoom({ mode: "custom", scale: zoomOut(scale) }),
          onFitWidth: () => setZoom({ mode: "fit" }),
        }}
      />
      <div
        ref={scrollRef}
        tabIndex={0}
        role="region"
        aria-label="Document"
        aria-busy={scale === null && !error}
        className="relative min-h-0 flex-1 overflow-auto bg-slate-200 p-2 [scrollbar-gutter:stable] md:p-3"
      >
        {error ? (
          <ViewerMessage error={error} onRetry={retry} downloadHref={file.status === "error" ? undefined : downloadHref} />
        ) : (
          <>
            {scale === null && <ViewerMessage />}
            {url && (
              <div className="flex w-max min-w-full justify-center">
                <div
                  className={`relative bg-white shadow-sm ring-1 ring-slate-300 ${scale === null ? "invisible absolute" : ""}`}
                  style={size && scale !== null ? { width: size.width * scale, height: size.height * scale } : undefined}
                >
                  {/* A blob: URL of an authenticated download; next/image cannot optimise it. */}
                  {/* eslint-disable-next-line @next/next/no-img-element */}
                  <img
                    src={url}
                    alt="Page 1 of 1"
                    className="block h-full w-full object-contain"
                    onLoad={(event) => setNatural({ url, width: event.currentTarget.naturalWidth, height: event.currentTarget.naturalHeight })}
                    onError={() => setBroken(url)}
                  />
                  {box && scale !== null && <HighlightBox box={box} />}
                </div>
              </div>
            )}
          </>
        )}
      </div>
    </>
  );
}
