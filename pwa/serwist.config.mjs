// @ts-check
// The service worker build (Serwist "configurator mode", run by `npm run build` after `next build`):
// bundles src/app/sw.ts with a precache manifest of the build in DOCFLOW_PWA_DIST_DIR (read through
// next.config.ts, default .next) into <distDir>/sw.js, which src/app/sw.js/route.ts serves as /sw.js.
import { createHash } from "node:crypto";
import { existsSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { generateGlobPatterns, serwist } from "@serwist/next/config";

/** The /documents/<id> page precached as the shell every document page is made from offline (sw.ts). */
const DOCUMENT_SHELL_URL = "/documents/00000000-0000-4000-8000-000000000000";

/**
 * The signed-in screens are rendered per request (their HTML carries the user's first data), so no
 * prerendered file of theirs is in the build for Serwist's patterns to find: they are precached by
 * URL (the worker's precache fetches get the data-free shell — src/lib/api/server-client.ts).
 */
const SIGNED_IN_PAGES = [
  ["/", "index.html"],
  ["/upload", "upload.html"],
  ["/outbox", "outbox.html"],
  ["/settings", "settings.html"],
];

const revision = (/** @type {Buffer | string} */ content) => createHash("sha256").update(content).digest("hex").slice(0, 16);

export default serwist.withNextConfig((nextConfig) => {
  const distDir = nextConfig.distDir;
  const buildId = readFileSync(join(distDir, "BUILD_ID"), "utf8").trim();
  return {
    swSrc: "src/app/sw.ts",
    swDest: join(distDir, "sw.js"),
    // Serwist's patterns for Next.js, plus .mjs: pdf.js's worker, which the review screen needs offline.
    globPatterns: [...generateGlobPatterns(`${distDir}/`), `${distDir}/static/**/*.mjs`],
    // The manifest's screenshots are for the install sheet, never needed offline.
    globIgnores: ["public/sw*", "public/screenshots/**"],
    additionalPrecacheEntries: [
      // app/manifest.ts is a route, not a file of the build's static folder: without this entry every
      // offline start logs a failed manifest fetch.
      { url: "/manifest.webmanifest", revision: revision(readFileSync(join(distDir, "server", "app", "manifest.webmanifest.body"))) },
      // Server-rendered per request (dynamic routes), so they change with every build.
      { url: DOCUMENT_SHELL_URL, revision: buildId },
      ...SIGNED_IN_PAGES.filter(([, file]) => !existsSync(join(distDir, "server", "app", file))).map(([url]) => ({ url, revision: buildId })),
    ],
    // pdf.js's worker is about 1.3 MB.
    maximumFileSizeToCacheInBytes: 4 * 1024 * 1024,
  };
});
