/// <reference lib="webworker" />
// Docflow's service worker, bundled by `serwist build serwist.config.mjs` (after `next build`) into
// <distDir>/sw.js and served at /sw.js by src/app/sw.js/route.ts. The app's data never lives here:
// the query cache is persisted to IndexedDB by the page, queued writes are in the Dexie outbox, and
// the sync engine is app code. This worker only
//   - precaches the app shell (every prerendered page, all of /_next/static, public/, the web
//     manifest and one /documents/<id> page used as the shell of every document),
//   - answers navigations from the network (with navigation preload) and, offline, from that
//     precache (a page with a query string gets its path's page; /documents/<id> gets the document
//     shell; anything else /~offline) — never from the cache while the network answers,
//   - keeps the files of documents the reviewer opened (GET /api/documents/<id>/file) and the
//     pictures of their first pages (…/preview) in the "docflow-files" cache; no other /api/*
//     response is ever cached here,
//   - receives files shared to the installed app (POST /share-target) into "docflow-share-inbox".
// A new version waits until the page posts {type: "SKIP_WAITING"} (the "Update available" prompt);
// Serwist adds that message listener itself when `skipWaiting` is false.
import { defaultCache } from "@serwist/next/worker";
import {
  CacheFirst,
  CacheableResponsePlugin,
  ExpirationPlugin,
  NetworkOnly,
  Route,
  Serwist,
  type PrecacheEntry,
  type RouteHandlerCallbackOptions,
  type RuntimeCaching,
  type SerwistGlobalConfig,
} from "serwist";

declare global {
  interface WorkerGlobalScope extends SerwistGlobalConfig {
    __SW_MANIFEST: (PrecacheEntry | string)[] | undefined;
  }
}

declare const self: ServiceWorkerGlobalScope;

/** Cache Storage names the page also knows (src/lib/pwa/offline-data.ts clears them on sign-out). */
const FILES_CACHE = "docflow-files";

/**
 * Files shared to the installed app, waiting for the page to move them into the outbox.
 * Format (read by the app, which deletes each entry once the file is queued):
 *   key      `${origin}/share-inbox/<uuid>` (GET request URL)
 *   body     the file's bytes
 *   headers  Content-Type: the file's type (application/octet-stream when the browser gave none)
 *            X-Docflow-Filename: encodeURIComponent(file name)
 *            X-Docflow-Size: bytes
 *            X-Docflow-Shared-At: ISO 8601 time of the share
 *            X-Docflow-Share-Title / X-Docflow-Share-Text: encodeURIComponent(title / text), if any
 * The share then lands on /outbox?shared=<number of files stored> (303), or
 * /outbox?shared=0&share_error=storage when they could not be stored.
 */
const SHARE_INBOX_CACHE = "docflow-share-inbox";

/** Precache headers: the (user-independent, prerendered) shell is fetched even without a session (src/proxy.ts). */
const PRECACHE_HEADER = "x-docflow-precache";

const manifest = self.__SW_MANIFEST ?? [];

/** The /documents/<uuid> page precached as the shell of every document (see serwist.config.mjs). */
const UUID = "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}";
const DOCUMENT_PATH = new RegExp(`^/documents/(${UUID})/?$`, "i");
const documentShellUrl = manifest
  .map((entry) => (typeof entry === "string" ? entry : entry.url))
  .find((url) => DOCUMENT_PATH.test(url));
const documentShellId = documentShellUrl ? DOCUMENT_PATH.exec(documentShellUrl)?.[1] : undefined;

const isApi = (url: URL) => url.origin === self.location.origin && url.pathname.startsWith("/api/");

const serwist = new Serwist({
  precacheEntries: manifest,
  precacheOptions: {
    cleanupOutdatedCaches: true,
    plugins: [
      {
        // Mark the worker's own precache fetches so the sign-in redirect of src/proxy.ts lets the
        // static shell through (it holds no user data; the page asks the API who is signed in).
        requestWillFetch: async ({ request }) => {
          const headers = new Headers(request.headers);
          headers.set(PRECACHE_HEADER, "1");
          return new Request(request, { headers });
        },
      },
    ],
  },
  skipWaiting: false,
  clientsClaim: true,
  navigationPreload: true,
  runtimeCaching: [
    // Files of documents the reviewer opened, and of the newest needing review (fetched by the page:
    // features/review/offline/prefetch-for-offline.ts, 50 at most), with the pictures of their first
    // pages, for offline review. Only complete 200 answers (never a 401/403/404 or a partial range);
    // removed on sign-out and when another user signs in.
    {
      matcher: ({ url, request }) =>
        isApi(url) && /^\/api\/documents\/[^/]+\/(file|preview)$/.test(url.pathname) && !request.headers.has("range"),
      method: "GET",
      handler: new CacheFirst({
        cacheName: FILES_CACHE,
        plugins: [
          new CacheableResponsePlugin({ statuses: [200] }),
          new ExpirationPlugin({ maxEntries: 200, maxAgeSeconds: 30 * 24 * 60 * 60, maxAgeFrom: "last-used", purgeOnQuotaError: true }),
        ],
      }),
    },
    // PDF.js's data files (CMaps, standard fonts, image decoders), fetched when a document needs
    // them: kept, so the same documents render offline. Versioned by the build that serves them.
    {
      matcher: ({ url, sameOrigin }) => sameOrigin && url.pathname.startsWith("/pdfjs/"),
      method: "GET",
      handler: new CacheFirst({
        cacheName: "docflow-pdfjs-data",
        plugins: [new CacheableResponsePlugin({ statuses: [200] }), new ExpirationPlugin({ maxEntries: 200, purgeOnQuotaError: true })],
      }),
    },
    // Every other API answer goes to the network as is: the app persists its own data, and a
    // cached answer could outlive the session it belonged to.
    { matcher: ({ url }) => isApi(url), method: "GET", handler: new NetworkOnly() },
    { matcher: ({ url }) => isApi(url), method: "HEAD", handler: new NetworkOnly() },
    // The share target (manifest.ts): POST /share-target with multipart form data.
    {
      matcher: ({ url, sameOrigin }) => sameOrigin && url.pathname === "/share-target",
      method: "POST",
      handler: receiveShare,
    },
    // Serwist's defaults for Next.js (static assets, RSC payloads, images…) — /api/* never
    // reaches them: the routes above take every API request first.
    ...defaultCache,
  ] satisfies RuntimeCaching[],
});

// Pages: the network first, exactly as without a worker (the sign-in redirect of src/proxy.ts,
// fresh HTML), with navigation preload to save the worker's start-up time; offline (or with no
// answer within 5 s), the precached shell of that route (offlinePage). Pages are never
// runtime-cached: an old build's HTML would point at scripts the next version no longer precaches.
const pageFromNetwork = new NetworkOnly({ networkTimeoutSeconds: 5 });
const navigationRoute = new Route(
  ({ request, sameOrigin }) => sameOrigin && request.mode === "navigate",
  async (options) => {
    try {
      return await pageFromNetwork.handle(options);
    } catch (error) {
      const page = await offlinePage(new URL(options.request.url));
      if (page) return page;
      throw error;
    }
  },
  "GET",
);
serwist.registerRoute(navigationRoute);
// Serwist registers its precache route ahead of every other, which would answer a precached page
// from the cache even online: navigations are looked at first.
const getRoutes = serwist.routes.get("GET");
if (getRoutes) getRoutes.unshift(...getRoutes.splice(getRoutes.indexOf(navigationRoute), 1));

// An RSC request (the Next.js router fetching or prefetching a page's payload) that neither the
// network nor Serwist's RSC caches answer: 204, so the router loads the page as a whole instead —
// which the navigation route above serves offline — rather than logging a failed fetch.
serwist.setCatchHandler(async ({ request }) =>
  request.headers.get("RSC") === "1" ? new Response(null, { status: 204 }) : Response.error(),
);

/** The page to show for an offline navigation to `url`, or undefined (the browser's own error). */
async function offlinePage(url: URL): Promise<Response | undefined> {
  const precached = await serwist.matchPrecache(url.pathname);
  if (precached) return precached;
  const documentId = DOCUMENT_PATH.exec(url.pathname)?.[1];
  if (documentId && documentShellUrl && documentShellId) {
    const shell = await serwist.matchPrecache(documentShellUrl);
    if (shell) {
      // The document screen is a client component; the server-rendered page differs between
      // documents only by the id (same length: UUIDs), so the shell becomes this document's page.
      // The screen then renders from the persisted query cache, or says it is not available offline.
      const html = (await shell.text()).replaceAll(documentShellId, documentId.toLowerCase());
      return new Response(html, { status: 200, headers: shell.headers });
    }
  }
  return serwist.matchPrecache("/~offline");
}

/** POST /share-target: store the shared files in the share inbox, then open the outbox. */
async function receiveShare({ request }: RouteHandlerCallbackOptions): Promise<Response> {
  const outbox = (query: string) => Response.redirect(new URL(`/outbox?${query}`, self.location.origin).href, 303);
  let form: FormData;
  try {
    form = await request.formData();
  } catch {
    return outbox("shared=0&share_error=format");
  }
  const files = form.getAll("files").filter((value): value is File => value instanceof File && value.size > 0);
  const title = form.get("title");
  const text = form.get("text");
  const sharedAt = new Date().toISOString();
  try {
    const cache = await caches.open(SHARE_INBOX_CACHE);
    for (const file of files) {
      const headers = new Headers({
        "Content-Type": file.type || "application/octet-stream",
        "X-Docflow-Filename": encodeURIComponent(file.name),
        "X-Docflow-Size": String(file.size),
        "X-Docflow-Shared-At": sharedAt,
      });
      if (typeof title === "string" && title) headers.set("X-Docflow-Share-Title", encodeURIComponent(title));
      if (typeof text === "string" && text) headers.set("X-Docflow-Share-Text", encodeURIComponent(text));
      const key = new URL(`/share-inbox/${crypto.randomUUID()}`, self.location.origin).href;
      await cache.put(key, new Response(file, { headers }));
    }
  } catch {
    return outbox("shared=0&share_error=storage");
  }
  return outbox(`shared=${files.length}`);
}

// Background Sync (where the browser has it): the sync engine is the page's, so the worker only
// wakes it — each open page gets {type: "docflow-outbox-sync"} (src/offline/browser.ts). With no
// page open nothing is sent until the app is opened again (queued work waits on the device).
interface SyncEvent extends ExtendableEvent {
  readonly tag: string;
}
self.addEventListener("sync", (event) => {
  const sync = event as SyncEvent;
  if (sync.tag !== "docflow-outbox") return;
  sync.waitUntil(
    self.clients.matchAll({ type: "window" }).then((pages) => {
      for (const page of pages) page.postMessage({ type: "docflow-outbox-sync" });
    }),
  );
});

serwist.addEventListeners();
