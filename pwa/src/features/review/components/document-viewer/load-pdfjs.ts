/**
 * PDF.js, loaded on demand in the browser only: pdfjs-dist 6 needs a newer Node than the
 * server's, and a dynamic import keeps it out of every route's first-load JS.
 */
import type * as PdfJs from "pdfjs-dist";

export type PdfJsModule = typeof PdfJs;

/**
 * Where PDF.js finds its data files (src/app/pdfjs/[dir]/[file]/route.ts): CMaps for non-Latin
 * text, the standard fonts a PDF may name without embedding, and the JPEG 2000 / JBIG2 decoders
 * of scanned pages. Fetched only when a document needs them.
 */
export const PDFJS_DATA = {
  cMapUrl: "/pdfjs/cmaps/",
  cMapPacked: true,
  standardFontDataUrl: "/pdfjs/standard_fonts/",
  wasmUrl: "/pdfjs/wasm/",
  iccUrl: "/pdfjs/iccs/",
} as const;

/** PDF.js's worker script (an asset of the build; resolved by the bundler from this module). */
const workerUrl = (): string => new URL("pdfjs-dist/build/pdf.worker.min.mjs", import.meta.url).toString();

let loading: Promise<PdfJsModule> | null = null;
let warmed = false;
let worker: PdfJs.PDFWorker | null = null;

export function loadPdfjs(): Promise<PdfJsModule> {
  loading ??= import("pdfjs-dist")
    .then((pdfjs) => {
      pdfjs.GlobalWorkerOptions.workerSrc = workerUrl();
      return pdfjs;
    })
    .catch((error: unknown) => {
      loading = null; // offline or a new deployment: let the next document try again
      throw error;
    });
  return loading;
}

/**
 * One PDF.js worker for the tab, shared by every document opened: moving to the next document
 * in a review queue does not pay for booting a new worker.
 */
export function pdfWorker(pdfjs: PdfJsModule): PdfJs.PDFWorker {
  if (!worker || worker.destroyed) worker = new pdfjs.PDFWorker({ verbosity: pdfjs.VerbosityLevel.ERRORS });
  return worker;
}

/**
 * As the review screen opens: PDF.js's module, and at the same time its worker script into the HTTP
 * cache (otherwise fetched only once the module has loaded and run — the last step before the
 * first page can be drawn).
 */
export function warmPdfjs(): void {
  void loadPdfjs().then(pdfWorker, () => undefined);
  if (warmed) return;
  warmed = true;
  void fetch(workerUrl(), { credentials: "same-origin" })
    .then((response) => response.arrayBuffer())
    .catch(() => {
      warmed = false;
    });
}
