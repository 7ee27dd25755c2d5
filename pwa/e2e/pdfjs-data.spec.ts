import { expect, test } from "./support/fixtures";

// PDF.js's data files (src/app/pdfjs/[dir]/[file]/route.ts): what a PDF without embedded fonts, with
// CJK text or with JPEG 2000 / JBIG2 scans needs to render — served from the installed pdfjs-dist,
// and nothing else of the server's files.
test("PDF.js's CMaps, standard fonts and image decoders are served; nothing outside them is", async ({ request }) => {
  for (const [path, type] of [
    ["/pdfjs/standard_fonts/FoxitSerif.pfb", "application/octet-stream"],
    ["/pdfjs/standard_fonts/LiberationSans-Regular.ttf", "font/ttf"],
    ["/pdfjs/cmaps/UniJIS-UCS2-H.bcmap", "application/octet-stream"],
    ["/pdfjs/wasm/openjpeg.wasm", "application/wasm"],
  ] as const) {
    const response = await request.get(path);
    expect(response.status(), path).toBe(200);
    expect(response.headers()["content-type"], path).toBe(type);
    expect((await response.body()).byteLength, path).toBeGreaterThan(100);
  }
  for (const path of [
    "/pdfjs/standard_fonts/LICENSE_FOXIT",
    "/pdfjs/build/pdf.mjs",
    "/pdfjs/cmaps/..%2F..%2Fpackage.json",
    "/pdfjs/cmaps/%2E%2E%2Fpackage.json",
    "/pdfjs/wasm/missing.wasm",
  ]) {
    expect((await request.get(path)).status(), path).toBe(404);
  }
});
