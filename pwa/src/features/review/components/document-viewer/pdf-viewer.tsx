"use client";

import type { PDFDocumentLoadingTask, PDFDocumentProxy } from "pdfjs-dist";
import { useCallback, useEffect, useLayoutEffect, useRef, useState } from "react";
import { isCancellation, pdfError, type ViewerError } from "./file-error";
import { previewIsSharpEnough, type Box } from "./geometry";
import { loadPdfjs, PDFJS_DATA, pdfWorker, warmPdfjs } from "./load-pdfjs";
import { PreviewPage, type PagePreview } from "./page-preview";
import { PdfPage, type PageSize } from "./pdf-page";
import { ViewerToolbar } from "./toolbar";
import { documentFileUrl, readArrayBuffer, useDocumentFile } from "./use-document-file";
import { useElementWidth } from "./use-element-width";
import { useHighlightScroll } from "./use-highlight-scroll";
import { ViewerMessage } from "./viewer-message";
import { canZoomIn, canZoomOut, fitWidthScale, PDF_TO_CSS, resolveScale, zoomIn, zoomOut, type Zoom } from "./zoom";

type Opened = { ok: true; doc: PDFDocumentProxy; base: PageSize } | { ok: false; error: ViewerError };

/** How long the zoom must stay put before pages are redrawn at it (they stretch meanwhile). */
const REDRAW_DELAY_MS = 150;
/** Where the "current page" is read: the middle of the visible area, where highlights are centred. */
const READING_LINE = 1 / 2;

export function PdfViewer({
  documentId,
  pageCount,
  highlight,
  preview,
}: {
  documentId: string;
  pageCount: number | null;
  highlight: { page: number; box: Box } | null;
  /** The server's picture of page 1, shown until PDF.js has drawn it (null: none). */
  preview: PagePreview | null;
}) {
  const downloadHref = documentFileUrl(documentId);
  const scrollRef = useRef<HTMLDivElement>(null);
  const available = useElementWidth(scrollRef);

  // A one-page PDF whose picture of page 1 is as sharp as a drawing would be on this screen (a
  // phone) is shown as that picture: PDF.js (~1.5 MB with its worker, and its main-thread work)
  // and the file load only when the reviewer zooms, or the view grows past what the picture holds.
  // Otherwise they start once the page has painted and the browser is idle (at once without a
  // picture): the reviewer sees the page meanwhile either way.
  const [zoomWanted, setZoomWanted] = useState<"in" | "out" | null>(null);
  const [needed, setNeeded] = useState(preview === null);
  // Decided once the viewer's width is known; a start is never taken back.
  const pictureFallsShort =
    available !== null &&
    !(
      preview !== null &&
      pageCount === 1 &&
      (!highlight || highlight.page === 1) &&
      previewIsSharpEnough(preview.width, available, typeof window === "undefined" ? 1 : window.devicePixelRatio)
    );
  if (!needed && (zoomWanted !== null || pictureFallsShort)) setNeeded(true);
  const start = useStartWhenIdle(preview !== null) && needed;
  const { state: file, retry } = useDocumentFile(documentId, readArrayBuffer, undefined, start);
  const data = file.status === "ready" ? file.data : null;

  // Fetch PDF.js (and boot its worker) while the file downloads.
  useEffect(() => {
    if (start) warmPdfjs();
  }, [start]);

  const [opened, setOpened] = useState<{ data: ArrayBuffer; result: Opened } | null>(null);
  useEffect(() => {
    if (!data) return;
    let cancelled = false;
    let task: PDFDocumentLoadingTask | null = null;
    (async () => {
      const pdfjs = await loadPdfjs();
      if (cancelled) return;
      task = pdfjs.getDocument({
        // A copy: PDF.js hands the bytes over to its worker, which would empty the buffer we keep.
        data: new Uint8Array(data.slice(0)),
        worker: pdfWorker(pdfjs),
        verbosity: pdfjs.VerbosityLevel.ERRORS,
        ...PDFJS_DATA,
      });
      const doc = await task.promise;
      const first = await doc.getPage(1);
      if (cancelled) return;
      const { width, height } = first.getViewport({ scale: 1 });
      setOpened({ data, result: { ok: true, doc, base: { width, height } } });
    })().catch((error: unknown) => {
      if (!cancelled && !isCancellation(error)) setOpened({ data, result: { ok: false, error: pdfError(error) } });
    });
    return () => {
      cancelled = true;
      void task?.destroy();
    };
  }, [data]);

  const result = opened && opened.data === data ? opened.result : null;
  const doc = result?.ok ? result.doc : null;
  const base = result?.ok ? result.base : null;
  const numPages = doc?.numPages ?? pageCount;

  // Zoom: fit width by default; the pages' CSS size follows at once, their drawing after a pause.
  const [zoom, setZoom] = useState<Zoom>({ mode: "fit" });
  // A zoom asked for over the picture: one step from fit width, once PDF.js knows the page's size.
  if (zoomWanted && base && available !== null) {
    const fit = fitWidthScale(available, base.width * PDF_TO_CSS);
    setZoomWanted(null);
    setZoom({ mode: "custom", scale: zoomWanted === "in" ? zoomIn(fit) : zoomOut(fit) });
  }
  const scale = base ? resolveScale(zoom, available, base.width * PDF_TO_CSS) : null;
  const [drawn, setDrawn] = useState<{ doc: PDFDocumentProxy; scale: number } | null>(null);
  useEffect(() => {
    if (!doc || scale === null) return;
    const timer = setTimeout(() => setDrawn({ doc, scale }), REDRAW_DELAY_MS);
    return () => clearTimeout(timer);
  }, [doc, scale]);
  const renderScale = drawn && drawn.doc === doc ? drawn.scale : scale;

  // Pages whose size differs from the first one's, learnt as they are drawn.
  const [sizes, setSizes] = useState<{ doc: PDFDocumentProxy | null; map: ReadonlyMap<number, PageSize> }>({ doc: null, map: new Map() });
  const pageSizes = sizes.doc === doc ? sizes.map : null;
  const onSize = useCallback(
    (pageNumber: number, size: PageSize) => {
      if (!base || (Math.abs(size.width - base.width) < 0.5 && Math.abs(size.height - base.height) < 0.5)) return;
      setSizes((previous) => {
        const map = previous.doc === doc ? previous.map : new Map<number, PageSize>();
        const known = map.get(pageNumber);
        if (known && known.width === size.width && known.height === size.height) return previous;
        return { doc, map: new Map(map).set(pageNumber, size) };
      });
    },
    [base, doc],
  );

  // Which pages are near the visible area (one screen above and below), watched by one observer.
  const elements = useRef(new Map<number, HTMLDivElement>());
  const observer = useRef<IntersectionObserver | null>(null);
  const [near, setNear] = useState<ReadonlySet<number>>(() => new Set());
  useEffect(() => {
    const root = scrollRef.current;
    if (!root) return;
    const io = new IntersectionObserver(
      (entries) =>
        setNear((previous) => {
          let next: Set<number> | null = null;
          for (const entry of entries) {
            const page = Number((entry.target as HTMLElement).dataset.page);
            if (entry.isIntersecting === previous.has(page)) continue;
            next ??= new Set(previous);
            if (entry.isIntersecting) next.add(page);
            else next.delete(page);
          }
          return next ?? previous;
        }),
      { root, rootMargin: "100% 0px 100% 0px" },
    );
    observer.current = io;
    for (const element of elements.current.values()) io.observe(element);
    return () => {
      io.disconnect();
      observer.current = null;
    };
  }, []);
  const register = useCallback((pageNumber: number, element: HTMLDivElement | null) => {
    const previous = elements.current.get(pageNumber);
    if (previous && previous !== element) observer.current?.unobserve(previous);
    if (element) {
      elements.current.set(pageNumber, element);
      observer.current?.observe(element);
    } else {
      elements.current.delete(pageNumber);
      setNear((set) => {
        if (!set.has(pageNumber)) return set;
        const next = new Set(set);
        next.delete(pageNumber);
        return next;
      });
    }
  }, []);

  // The current page (for "Page n of N") and the spot a zoom change keeps in place.
  const [current, setCurrent] = useState(1);
  const anchor = useRef<{ page: number; within: number; across: number } | null>(null);
  const frame = useRef(0);
  const measure = useCallback(() => {
    frame.current = 0;
    const root = scrollRef.current;
    const count = elements.current.size;
    if (!root || count === 0) return;
    const line = root.scrollTop + root.clientHeight * READING_LINE;
    let page = 1;
    let within = 0;
    for (let n = 1; n <= count; n += 1) {
      const element = elements.current.get(n);
      if (!element || element.offsetTop > line) break;
      page = n;
      within = (line - element.offsetTop) / Math.max(1, element.offsetHeight);
    }
    anchor.current = { page, within, across: (root.scrollLeft + root.clientWidth / 2) / Math.max(1, root.scrollWidth) };
    const atEnd = root.scrollTop > 0 && root.scrollTop + root.clientHeight >= root.scrollHeight - 2;
    setCurrent(root.scrollTop <= 0 ? 1 : atEnd ? count : page);
  }, []);
  const onScroll = useCallback(() => {
    if (!frame.current) frame.current = requestAnimationFrame(measure);
  }, [measure]);
  useEffect(() => () => cancelAnimationFrame(frame.current), []);

  const shownScale = useRef<number | null>(null);
  useLayoutEffect(() => {
    const previous = shownScale.current;
    shownScale.current = scale;
    const root = scrollRef.current;
    const spot = anchor.current;
    if (!root || !spot || scale === null || previous === null || previous === scale) return;
    const element = elements.current.get(spot.page);
    if (!element) return;
    root.scrollTop = element.offsetTop + spot.within * element.offsetHeight - root.clientHeight * READING_LINE;
    root.scrollLeft = spot.across * root.scrollWidth - root.clientWidth / 2;
  }, [scale]);

  const goToPage = useCallback((page: number) => {
    const root = scrollRef.current;
    const element = elements.current.get(page);
    if (!root || !element) return;
    root.scrollTo({ top: element.offsetTop - 8, behavior: "auto" });
    setCurrent(page);
  }, []);

  const error = file.status === "error" ? file.error : result && !result.ok ? result.error : null;
  const ready = Boolean(doc && base && scale !== null);
  // The picture of page 1 stands for the page (until PDF.js has drawn it, or for good on a phone).
  const showingPreview = !error && !ready && preview !== null;
  const pictureOnly = showingPreview && !needed;
  // Zoom controls over the picture, kept while a zoom asked for there waits for PDF.js (a button
  // that turned disabled under the reviewer's finger, or keyboard focus, would drop the focus).
  const pictureZoom = showingPreview && (!needed || zoomWanted !== null);

  // A field's source: draw its page first, then bring the box to the middle of the view.
  const highlightPage =
    highlight && doc && highlight.page >= 1 && highlight.page <= doc.numPages ? highlight.page : highlight && showingPreview && highlight.page === 1 ? 1 : null;
  const highlightKey = highlightPage && highlight ? `${highlightPage}:${highlight.box.join(",")}` : null;
  useHighlightScroll(scrollRef, highlightKey, ready || showingPreview);

  // Page 1 starts drawing before the observer's first report, unless a highlight points elsewhere.
  const eagerPage = near.size === 0 && !highlightPage ? 1 : null;

  return (
    <>
      <ViewerToolbar
        disabled={!ready && !pictureZoom}
        downloadHref={file.status === "error" ? null : downloadHref}
        zoom={error ? null : pictureZoom ? {
          // Fit width over the picture; a step in or out loads PDF.js and is taken from there.
          scale: null,
          fitWidth: true,
          canZoomIn: true,
          canZoomOut: true,
          onZoomIn: () => setZoomWanted("in"),
          onZoomOut: () => setZoomWanted("out"),
          onFitWidth: () => undefined,
        } : {
          scale,
          fitWidth: zoom.mode === "fit",
          canZoomIn: scale !== null && canZoomIn(scale),
          canZoomOut: scale !== null && canZoomOut(scale),
          onZoomIn: () => scale !== null && setZoom({ mode: "custom", scale: zoomIn(scale) }),
          onZoomOut: () => scale !== null && setZoom({ mode: "custom", scale: zoomOut(scale) }),
          onFitWidth: () => setZoom({ mode: "fit" }),
        }}
        pages={error ? null : { current: Math.min(current, numPages ?? current), count: numPages, onGo: goToPage }}
      />
      <div
        ref={scrollRef}
        onScroll={onScroll}
        tabIndex={0}
        role="region"
        aria-label="Document"
        aria-busy={!ready && !error && !pictureOnly}
        className="relative min-h-0 flex-1 overflow-auto bg-slate-200 p-2 [scrollbar-gutter:stable] md:p-3"
      >
        {error ? (
          <ViewerMessage error={error} onRetry={retry} downloadHref={file.status === "error" ? undefined : downloadHref} />
        ) : showingPreview ? (
          <PreviewPage preview={preview} numPages={numPages} box={highlightPage === 1 && highlight ? highlight.box : null} />
        ) : !doc || !base || scale === null ? (
          <ViewerMessage>{numPages ? `Loading document (${numPages} ${numPages === 1 ? "page" : "pages"})…` : "Loading document…"}</ViewerMessage>
        ) : (
          <div className="flex w-max min-w-full flex-col items-center gap-3">
            {Array.from({ length: doc.numPages }, (_, index) => {
              const pageNumber = index + 1;
              const size = pageSizes?.get(pageNumber) ?? base;
              return (
                <PdfPage
                  key={pageNumber}
                  doc={doc}
                  pageNumber={pageNumber}
                  numPages={doc.numPages}
                  width={size.width * PDF_TO_CSS * scale}
                  height={size.height * PDF_TO_CSS * scale}
                  renderScale={renderScale}
                  near={near.has(pageNumber) || pageNumber === highlightPage || pageNumber === eagerPage}
                  box={pageNumber === highlightPage && highlight ? highlight.box : null}
                  register={register}
                  onSize={onSize}
                  preview={pageNumber === 1 ? preview : null}
                />
              );
            })}
          </div>
        )}
      </div>
    </>
  );
}

/** True at once when `defer` is false; else once the page has painted and the browser is idle (at most ~1.5 s). */
function useStartWhenIdle(defer: boolean): boolean {
  const [idle, setIdle] = useState(false);
  useEffect(() => {
    if (!defer) return;
    let idleHandle: number | null = null;
    let timer: ReturnType<typeof setTimeout> | null = null;
    const go = () => setIdle(true);
    // The frame after this one has painted, then the first idle moment.
    const frame = requestAnimationFrame(() => {
      timer = setTimeout(() => {
        if (typeof requestIdleCallback === "function") idleHandle = requestIdleCallback(go, { timeout: 1500 });
        else timer = setTimeout(go, 200);
      }, 0);
    });
    return () => {
      cancelAnimationFrame(frame);
      if (timer !== null) clearTimeout(timer);
      if (idleHandle !== null && typeof cancelIdleCallback === "function") cancelIdleCallback(idleHandle);
    };
  }, [defer]);
  return !defer || idle;
}
