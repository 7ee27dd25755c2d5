import { randomUUID } from "node:crypto";
import { mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type BrowserContext, type Page } from "@playwright/test";
import { fieldValue } from "./support/api";
import { ConsoleErrors } from "./support/console";
import { ADMIN, BASE_URL, SAMPLES_DIR, SAMPLE_INVOICES, runId } from "./support/env";
import { expect, signInContext, test } from "./support/fixtures";
import { dashboardReady, documentRow, reviewReady, uploadReady } from "./support/screens";

// The service worker and the offline app shell (src/app/sw.ts, src/lib/pwa/). These need a
// production build (`npm run build` runs `serwist build`); `next dev` registers no worker.
//
// Each test runs in its own persistent profile: a normal Playwright context counts as incognito
// (installability then reports `in-incognito`), and closing/reopening a profile is how later specs
// test "the browser was closed". Offline is switched on only once the worker controls the page:
// a worker that starts while the context is already offline still reaches the network.

interface Profile {
  context: BrowserContext;
  page: Page;
  errors: ConsoleErrors;
}

let profileDir: string | undefined;
let profile: Profile | undefined;

test.beforeEach(async ({ launchOptions }) => {
  profileDir = mkdtempSync(join(tmpdir(), "docflow-sw-"));
  const context = await chromium.launchPersistentContext(profileDir, { ...launchOptions, baseURL: BASE_URL });
  const page = context.pages()[0] ?? (await context.newPage());
  const errors = new ConsoleErrors();
  errors.watch(page, "profile");
  profile = { context, page, errors };
});

test.afterEach(async ({}, testInfo) => {
  const unexpected = profile?.errors.unexpected() ?? [];
  await profile?.context.close();
  if (profileDir) rmSync(profileDir, { recursive: true, force: true });
  profile = undefined;
  profileDir = undefined;
  if (unexpected.length > 0 && testInfo.status === "passed") {
    throw new Error(`console errors during "${testInfo.title}":\n${unexpected.join("\n")}`);
  }
});

function current(): Profile {
  if (!profile) throw new Error("no browser profile");
  return profile;
}

/** Waits until the worker is activated and controls `page`. */
async function workerControls(page: Page): Promise<void> {
  await expect
    .poll(() => page.evaluate(async () => (await navigator.serviceWorker.ready).active?.state), {
      message: "the service worker never activated",
      timeout: 30_000,
    })
    .toBe("activated");
  await expect
    .poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller)), {
      message: "the service worker never controlled the page",
    })
    .toBe(true);
}

/** The persisted query cache (IndexedDB, src/lib/pwa/query-persistence.ts) as JSON text, or "". */
function persistedCache(page: Page): Promise<string> {
  return page.evaluate(async () => {
    // Never open (and so create) a database that does not exist yet: the app creates it with its store.
    const names = (await indexedDB.databases()).map((database) => database.name);
    if (!names.includes("docflow-query-cache")) return "";
    return new Promise<string>((resolve, reject) => {
      const open = indexedDB.open("docflow-query-cache");
      open.onerror = () => reject(open.error);
      open.onsuccess = () => {
        const db = open.result;
        if (!db.objectStoreNames.contains("persisted")) {
          db.close();
          resolve("");
          return;
        }
        const read = db.transaction("persisted").objectStore("persisted").get("query-cache");
        read.onsuccess = () => {
          db.close();
          resolve(typeof read.result === "string" ? read.result : "");
        };
        read.onerror = () => reject(read.error);
      };
    });
  });
}

/** The keys of the persisted queries (short enough for a failure message). */
async function persistedQueryKeys(page: Page): Promise<string[]> {
  const text = await persistedCache(page);
  if (!text) return [];
  const client = JSON.parse(text) as { clientState: { queries: { queryHash: string }[] } };
  return client.clientState.queries.map((query) => query.queryHash);
}

/** The request URLs held by a Cache Storage cache of the page's origin. */
function cachedUrls(page: Page, cacheName: string): Promise<string[]> {
  return page.evaluate(async (name) => {
    if (!(await caches.has(name))) return [];
    return (await (await caches.open(name)).keys()).map((request) => request.url);
  }, cacheName);
}

test.describe("offline app shell", () => {
  test("installable; the worker takes over; /, /upload, an opened document and /outbox open offline, signed in", async ({
    adminApi,
  }) => {
    const filename = `${runId()}-offline.pdf`;
    const opened = await adminApi.processedSample(SAMPLE_INVOICES[0] ?? "invoice-01-us.pdf", filename);
    const vendor = fieldValue(opened, "vendor_name");
    // Never opened on this device, but among the newest needing review: kept for offline review too.
    const waiting = await adminApi.processedSample(SAMPLE_INVOICES[1] ?? "invoice-02-gb.pdf", `${runId()}-waiting.pdf`);
    const waitingVendor = fieldValue(waiting, "vendor_name");
    const { context, page, errors } = current();
    await signInContext(context, ADMIN);

    await page.goto("/");
    await dashboardReady(page);
    await workerControls(page);

    const cdp = await context.newCDPSession(page);
    const { installabilityErrors } = (await cdp.send("Page.getInstallabilityErrors")) as {
      installabilityErrors: { errorId: string }[];
    };
    expect(installabilityErrors).toEqual([]);

    // Online, as a reviewer would: the upload screen, then the document (its file is kept).
    await page.goto("/upload");
    await uploadReady(page);
    await page.goto(`/documents/${opened.id}`);
    await reviewReady(page);
    await expect(page.getByRole("img", { name: /^Page 1 of \d+$/ })).toBeVisible();
    await expect.poll(() => cachedUrls(page, "docflow-files")).toContain(`${BASE_URL}/api/documents/${opened.id}/file`);
    // The query cache reaches IndexedDB at most a second after it changes.
    await expect.poll(() => persistedQueryKeys(page)).toContain(JSON.stringify(["document", opened.id]));
    await page.goto("/");
    await dashboardReady(page);
    await expect(documentRow(page, filename)).toBeVisible();
    await expect.poll(async () => (await persistedCache(page)).includes(filename), { message: "the list is not persisted" }).toBe(true);
    expect(await persistedQueryKeys(page)).toContain(JSON.stringify(["document", opened.id]));
    // The app fetches the newest documents needing review in the background (a few seconds after it settles).
    await expect
      .poll(() => cachedUrls(page, "docflow-files"), { timeout: 60_000, message: "the waiting document's file is not kept" })
      .toContain(`${BASE_URL}/api/documents/${waiting.id}/file`);
    await expect.poll(() => persistedQueryKeys(page), { timeout: 10_000 }).toContain(JSON.stringify(["document", waiting.id]));

    await context.setOffline(true);
    // Offline, requests fail as they should (the live connection, refetches of the restored
    // queries): Chromium logs each failed load itself.
    errors.allow(/Failed to load resource: net::ERR_(INTERNET_DISCONNECTED|FAILED)/);
    errors.allow(/WebSocket connection to .* failed/);

    await page.goto("/");
    await dashboardReady(page);
    await expect(documentRow(page, filename)).toBeVisible();
    await expect(page.getByRole("banner")).toContainText(ADMIN.email);

    await page.goto("/upload");
    await uploadReady(page);

    await page.goto(`/documents/${opened.id}`);
    await reviewReady(page);
    if (vendor) await expect(page.getByLabel("Vendor name")).toHaveValue(vendor);
    await expect(page.getByRole("img", { name: /^Page 1 of \d+$/ })).toBeVisible();

    // Never opened, but kept because it needs review: its fields and its file.
    await page.goto(`/documents/${waiting.id}`);
    await reviewReady(page);
    if (waitingVendor) await expect(page.getByLabel("Vendor name")).toHaveValue(waitingVendor);
    await expect(page.getByRole("img", { name: /^Page 1 of \d+$/ })).toBeVisible();

    // A document not kept here: still signed in, and the screen says plainly it is not available offline.
    await page.goto(`/documents/${randomUUID()}`);
    await expect(page.getByRole("banner")).toContainText(ADMIN.email);
    await expect(page.getByRole("heading", { level: 1, name: "This document is not available offline" })).toBeVisible();

    // The refetches above failed: the persisted data is still the last known, for the next start.
    await page.reload();
    await expect(page.getByRole("banner")).toContainText(ADMIN.email);
    await page.goto("/");
    await dashboardReady(page);
    await expect(documentRow(page, filename)).toBeVisible();

    await page.goto("/outbox");
    await expect(page.getByRole("region", { name: "Outbox" })).toBeVisible();
    await expect(page.getByRole("banner")).toContainText(ADMIN.email);

    // A page never precached: the offline page, with the way back to what works offline.
    await page.goto("/no-such-screen");
    await expect(page.getByRole("heading", { name: "You are offline" })).toBeVisible();
    await expect(page.getByRole("navigation", { name: "Available offline" }).getByRole("link", { name: "Documents" })).toBeVisible();

    await context.setOffline(false);
  });

  test("a new worker version deployed while an upload waits: Update available, accepted, and the upload still lands once", async ({
    adminApi,
  }) => {
    const { context, page, errors } = current();
    await signInContext(context, ADMIN);
    await page.goto("/");
    await dashboardReady(page);
    await workerControls(page);

    // An upload waits in the outbox: the server cannot be reached for uploads.
    errors.allow(/Failed to load resource: net::ERR_INTERNET_DISCONNECTED/);
    const UPLOAD = "**/api/documents/upload";
    await context.route(UPLOAD, (route) => route.abort("internetdisconnected"));
    const filename = `${runId()}-during-update.txt`;
    await page.goto("/upload");
    await uploadReady(page);
    await page.getByLabel("Choose files").setInputFiles({
      name: filename,
      mimeType: "text/plain",
      buffer: Buffer.from(`INVOICE ${filename}\nVendor: Update Test Ltd\nTotal: 12.00 EUR\n`.padEnd(2048, "."), "utf8"),
    });
    await page.getByRole("button", { name: "Upload", exact: true }).click();
    await expect(page.getByRole("link", { name: "Outbox 1 item waiting" })).toBeVisible();

    // "Deploy" a new version. The browser fetches the worker's script itself (no page or context
    // route sees that request), so the new version is the same script under a new URL: to the
    // registration it is a new worker like any other, and the app's update handling is the same.
    const newVersion = `${BASE_URL}/sw.js?e2e-version=${Date.now()}`;
    await page.evaluate(async (url) => {
      await navigator.serviceWorker.register(url, { scope: "/", updateViaCache: "none" });
    }, newVersion);

    const prompt = page.getByRole("status").filter({ hasText: "Update available" });
    await expect(prompt).toBeVisible();
    // The old version keeps the page until the reviewer accepts.
    expect(
      await page.evaluate(async () => {
        const registration = await navigator.serviceWorker.getRegistration();
        return { waiting: registration?.waiting?.scriptURL, controller: navigator.serviceWorker.controller?.scriptURL };
      }),
    ).toEqual({ waiting: newVersion, controller: `${BASE_URL}/sw.js` });

    const reloaded = page.waitForEvent("load");
    await prompt.getByRole("button", { name: "Reload" }).click();
    await reloaded;
    await uploadReady(page);
    await expect.poll(() => page.evaluate(() => navigator.serviceWorker.controller?.scriptURL)).toBe(newVersion);
    // (The reloaded app registers /sw.js again — to the browser, yet another new URL — so the
    // prompt may come back here; in real life the URL stays /sw.js and only its bytes change.)

    // The update kept the queued upload; once the server can be reached it lands, once.
    await expect(page.getByRole("link", { name: "Outbox 1 item waiting" })).toBeVisible();
    await context.unroute(UPLOAD);
    await page.evaluate(() => window.dispatchEvent(new Event("online")));
    await expect(page.getByRole("link", { name: "Outbox 0 items waiting" })).toBeVisible({ timeout: 60_000 });
    await expect
      .poll(async () => (await adminApi.documents({ q: filename, limit: 50 })).items.filter((d) => d.original_filename === filename).length, {
        timeout: 30_000,
      })
      .toBe(1);
    await page.waitForTimeout(1500);
    expect((await adminApi.documents({ q: filename, limit: 50 })).items.filter((d) => d.original_filename === filename)).toHaveLength(1);
  });

  test("Background Sync, where the browser has it: queueing asks for a sync, and the worker's sync event wakes the page's engine", async ({
    adminApi,
  }) => {
    const { context, page } = current();
    await signInContext(context, ADMIN);
    await page.goto("/upload");
    await uploadReady(page);
    await workerControls(page);
    await page.evaluate(() => {
      const seen: unknown[] = [];
      (window as unknown as { syncMessages: unknown[] }).syncMessages = seen;
      navigator.serviceWorker.addEventListener("message", (event) => seen.push(event.data));
    });
    const syncMessages = () => page.evaluate(() => (window as unknown as { syncMessages: { type?: string }[] }).syncMessages.map((m) => m.type));

    // A queued upload registers the "docflow-outbox" sync; online, Chromium fires it at once and
    // the worker tells the page (whose engine sends the upload — once).
    const filename = `${runId()}-background-sync.txt`;
    await page.getByLabel("Choose files").setInputFiles({
      name: filename,
      mimeType: "text/plain",
      buffer: Buffer.from(`INVOICE ${filename}\nVendor: Sync Test Ltd\nTotal: 9.00 EUR\n`.padEnd(2048, "."), "utf8"),
    });
    await page.getByRole("button", { name: "Upload", exact: true }).click();
    await expect.poll(syncMessages, { timeout: 15_000 }).toContain("docflow-outbox-sync");

    // The same event sent by DevTools (as the browser does when a connection returns).
    const before = (await syncMessages()).length;
    const cdp = await context.newCDPSession(page);
    expect(await page.evaluate(async () => (await navigator.serviceWorker.getRegistrations()).length)).toBe(1);
    const versions = new Promise<string>((resolve) =>
      cdp.on("ServiceWorker.workerRegistrationUpdated", (event: { registrations: { registrationId: string; isDeleted: boolean }[] }) => {
        const live = event.registrations.find((registration) => !registration.isDeleted);
        if (live) resolve(live.registrationId);
      }),
    );
    await cdp.send("ServiceWorker.enable"); // reports the registrations: the listener is there first
    await cdp.send("ServiceWorker.dispatchSyncEvent", { origin: BASE_URL, registrationId: await versions, tag: "docflow-outbox", lastChance: false });
    await expect.poll(async () => (await syncMessages()).length, { timeout: 15_000 }).toBeGreaterThan(before);

    await expect
      .poll(async () => (await adminApi.documents({ q: filename, limit: 50 })).items.filter((d) => d.original_filename === filename).length, {
        timeout: 30_000,
      })
      .toBe(1);
  });

  test("a file shared to the app lands in the share inbox and the outbox takes it", async () => {
    const { context, page } = current();
    await signInContext(context, ADMIN);
    await page.goto("/");
    await dashboardReady(page);
    await workerControls(page);
    const pdf = readFileSync(join(SAMPLES_DIR, SAMPLE_INVOICES[0] ?? "invoice-01-us.pdf")).toString("base64");
    const pdfSize = Buffer.from(pdf, "base64").byteLength;

    // The worker's half: each shared file stored with its name and type, then a 303 to the outbox.
    // (fetch follows the redirect without rendering /outbox, whose screen imports the inbox.)
    const answer = await page.evaluate(async (pdfBase64) => {
      const bytes = Uint8Array.from(atob(pdfBase64), (c) => c.charCodeAt(0));
      const form = new FormData();
      form.append("title", "From the tablet");
      form.append("files", new File([bytes], "shared invoice é.pdf", { type: "application/pdf" }));
      form.append("files", new File([new Uint8Array([0x89, 0x50, 0x4e, 0x47])], "photo.png", { type: "image/png" }));
      const response = await fetch("/share-target", { method: "POST", body: form });
      return new URL(response.url).pathname + new URL(response.url).search;
    }, pdf);
    expect(answer).toBe("/outbox?shared=2");
    const stored = await page.evaluate(async () => {
      const cache = await caches.open("docflow-share-inbox");
      const entries = await Promise.all(
        (await cache.keys()).map(async (request) => {
          const response = (await cache.match(request)) as Response;
          return {
            url: new URL(request.url).pathname,
            name: decodeURIComponent(response.headers.get("X-Docflow-Filename") ?? ""),
            type: response.headers.get("Content-Type"),
            size: (await response.arrayBuffer()).byteLength,
            title: decodeURIComponent(response.headers.get("X-Docflow-Share-Title") ?? ""),
          };
        }),
      );
      await caches.delete("docflow-share-inbox"); // not for the outbox: the next step shares its own file
      return entries;
    });
    expect(stored.sort((a, b) => a.name.localeCompare(b.name))).toEqual([
      { url: expect.stringMatching(/^\/share-inbox\/[0-9a-f-]{36}$/), name: "photo.png", type: "image/png", size: 4, title: "From the tablet" },
      { url: expect.stringMatching(/^\/share-inbox\/[0-9a-f-]{36}$/), name: "shared invoice é.pdf", type: "application/pdf", size: pdfSize, title: "From the tablet" },
    ]);

    // What a share sheet does: a multipart POST navigation to the manifest's share_target action.
    // The outbox screen opens and moves the file out of the inbox (into the outbox).
    const filename = `${runId()}-shared.pdf`;
    await page.evaluate(
      ({ pdfBase64, name }) => {
        const bytes = Uint8Array.from(atob(pdfBase64), (c) => c.charCodeAt(0));
        const files = new DataTransfer();
        files.items.add(new File([bytes], name, { type: "application/pdf" }));
        const form = document.createElement("form");
        form.method = "POST";
        form.action = "/share-target";
        form.enctype = "multipart/form-data";
        const input = document.createElement("input");
        input.type = "file";
        input.name = "files";
        input.files = files.files;
        form.append(input);
        document.body.append(form);
        form.submit();
      },
      { pdfBase64: pdf, name: filename },
    );
    await page.waitForURL(/\/outbox(\?|$)/);
    await expect(page.getByRole("region", { name: "Outbox" })).toBeVisible();
    await expect.poll(() => cachedUrls(page, "docflow-share-inbox"), { message: "the outbox never took the shared file" }).toEqual([]);
  });
});
