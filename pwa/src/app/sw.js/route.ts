import { readFile } from "node:fs/promises";
import { join } from "node:path";

// /sw.js: the service worker of *this* build. `serwist build` (npm run build) writes it into the
// build folder rather than public/, because `npm start` (.next) and `npm test` (.next-e2e) build
// the same project: a shared public/sw.js would precache the other build's files, and one
// missing precache URL keeps a worker from ever activating.
export const dynamic = "force-dynamic";

const distDir = process.env.DOCFLOW_PWA_DIST_DIR ?? ".next";

export async function GET(): Promise<Response> {
  let body: Buffer;
  try {
    body = await readFile(join(/* turbopackIgnore: true */ process.cwd(), distDir, "sw.js"));
  } catch {
    // `next dev`, or a build made without `serwist build`: the app runs without a worker.
    return new Response("No service worker in this build.\n", {
      status: 404,
      headers: { "Content-Type": "text/plain; charset=utf-8", "Cache-Control": "no-store" },
    });
  }
  return new Response(new Uint8Array(body), {
    headers: {
      "Content-Type": "text/javascript; charset=utf-8",
      // Browsers check for a new worker on every navigation; never let an HTTP cache answer that.
      "Cache-Control": "no-cache, no-store, must-revalidate",
    },
  });
}
