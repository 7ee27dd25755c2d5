import { readFile } from "node:fs/promises";
import { join } from "node:path";

/**
 * PDF.js's data files, from the installed pdfjs-dist (the same version as the viewer's code): the
 * Adobe CMaps (CJK and other non-Latin text), the standard fonts a PDF may name without embedding,
 * the decoders of JPEG 2000 / JBIG2 images (scanned invoices) and colour profiles. The viewer
 * (features/review/components/document-viewer) asks for them by URL only when a document needs
 * them; the service worker keeps what was fetched for offline review.
 */
const DIRS = new Set(["cmaps", "standard_fonts", "wasm", "iccs"]);
const FILE = /^[A-Za-z0-9][A-Za-z0-9._-]{0,127}$/;
const TYPES: Record<string, string> = {
  ".bcmap": "application/octet-stream",
  ".pfb": "application/octet-stream",
  ".ttf": "font/ttf",
  ".wasm": "application/wasm",
  ".js": "text/javascript",
  ".icc": "application/vnd.iccprofile",
};
const ROOT = join(process.cwd(), "node_modules", "pdfjs-dist");

export async function GET(_request: Request, { params }: { params: Promise<{ dir: string; file: string }> }): Promise<Response> {
  const { dir, file } = await params;
  const extension = file.slice(file.lastIndexOf("."));
  if (!DIRS.has(dir) || !FILE.test(file) || file.includes("..") || !(extension in TYPES)) {
    return new Response("Not found", { status: 404 });
  }
  try {
    const body = await readFile(join(ROOT, dir, file));
    return new Response(new Uint8Array(body), {
      headers: {
        "Content-Type": TYPES[extension],
        // Named by the installed version's files: a new pdfjs-dist is a new deployment (and a new build).
        "Cache-Control": "public, max-age=604800",
        "X-Content-Type-Options": "nosniff",
      },
    });
  } catch {
    return new Response("Not found", { status: 404 });
  }
}
