// Browser side of the offline benchmark (bench/pwa/offline.py starts the stack, makes the files and
// checks the server; this drives Chromium through the PWA's own screens).
//
//   node bench/pwa/offline.mjs <command> '<json args>'
//
// Commands (each prints one JSON line, prefixed "RESULT ", on stdout):
//   shell          — a profile loads /, /upload and /outbox online (the worker installs, the query
//                    cache is persisted), then opens them with no network: navigation start → the
//                    frame after the screen shows its content signed in (dashboard: a row with a
//                    known file and its status). Cold = the browser started anew for each load;
//                    warm = navigations in one running browser.
//   drain          — 50 files picked on /upload and sent with "Upload": online (click → the last
//                    upload answered 202) or offline (queued with no network, then reconnect →
//                    the last 202).
//   restart-queue  — queue big files offline on /upload, read the storage estimate, close.
//   restart-verify — reopen the profile with no network at all: the Outbox lists every item and
//                    each stored Blob still has its size and sha256.
//   restart-drain  — reopen it online on /outbox: navigation start → the last 202.
//
// "No network" comes in two strengths. A browser that stays open goes offline with
// context.setOffline(true) once the service worker runs (faithful then). A browser that starts
// offline cannot use that alone — a worker that starts while the context is offline still reaches
// the network (../../../shared/PWA-NOTES.md) — so those launches also send every request, loopback
// included, to a closed proxy port: nothing can reach the server, from the page or the worker.
// Loopback only; every wait is bounded.
import { createRequire } from "node:module";
import { statSync } from "node:fs";
import { fileURLToPath } from "node:url";
import { CHROMIUM_ARGS } from "./browser.mjs";

const require = createRequire(fileURLToPath(new URL("../../pwa/package.json", import.meta.url)));
const { chromium } = require("@playwright/test");

// Every request through a proxy that refuses connections (port 9, nothing listens), loopback too.
const NO_NETWORK_ARGS = ["--proxy-server=http://127.0.0.1:9", "--proxy-bypass-list=<-loopback>"];
const VIEWPORT = { width: 1280, height: 800 };
const STATUS_WORDS = /Queued|Processing|Completed|Failed|Cancelled|Finalized/;

const now = () => performance.timeOrigin + performance.now(); // wall clock, ms (as the page's)
const sleep = (ms) => new Promise((resolve) => setTimeout(resolve, ms));

/** Polls `probe` until it returns a truthy value; throws `what` after `timeoutMs`. */
async function until(probe, { timeoutMs = 30_000, intervalMs = 100, what = "condition" } = {}) {
  const deadline = Date.now() + timeoutMs;
  for (let i = 0; ; i++) {
    const value = await probe();
    if (value) return value;
    if (Date.now() > deadline) throw new Error(`timed out after ${timeoutMs} ms waiting for ${what}`);
    await sleep(intervalMs);
  }
}

// In every page: API resource timings (wall clock), `online` events and clicks on "Upload".
const INSTRUMENT = () => {
  try {
    performance.setResourceTimingBufferSize(100_000);
  } catch {}
  const bench = (window.__bench = { api: [], online: [], clicks: [] });
  const wall = (t) => performance.timeOrigin + t;
  try {
    new PerformanceObserver((list) => {
      for (const e of list.getEntries()) {
        const path = new URL(e.name).pathname;
        if (!path.startsWith("/api/")) continue;
        bench.api.push({ path, start: wall(e.startTime), end: wall(e.responseEnd), status: e.responseStatus ?? null, initiator: e.initiatorType });
      }
    }).observe({ type: "resource", buffered: true });
  } catch {}
  addEventListener("online", () => bench.online.push(wall(performance.now())), true);
  addEventListener(
    "click",
    (event) => {
      const button = event.target instanceof Element ? event.target.closest("button") : null;
      if (button && button.textContent.trim() === "Upload") bench.clicks.push(wall(performance.now()));
    },
    true,
  );
};

// The screen is there, signed in: window.__shell = {dom, frame} in ms after navigation start.
const SHELL_WATCH = ({ email, names, statusWords }) => {
  const words = new RegExp(statusWords);
  const visible = (el) => el.getClientRects().length > 0;
  const signedIn = () => [...document.querySelectorAll("header")].some((h) => h.textContent.includes(email));
  const ready = {
    "/": () =>
      [...document.querySelectorAll("tr, li, article, [role=row]")].some(
        (row) => visible(row) && names.some((name) => row.textContent.includes(name)) && words.test(row.textContent),
      ),
    "/upload": () =>
      document.querySelector('input[type="file"]') !== null &&
      [...document.querySelectorAll("button")].some((b) => b.textContent.trim() === "Upload" && visible(b)),
    "/outbox": () => {
      const heading = document.getElementById("outbox-heading");
      const status = heading?.closest("section")?.querySelector('[role="status"]');
      return Boolean(heading && visible(heading) && status && status.textContent.trim() && !status.textContent.includes("Reading the outbox"));
    },
  }[location.pathname];
  if (!ready) return;
  window.__shell = null;
  let observer = null;
  const check = () => {
    if (window.__shell || !signedIn() || !ready()) return;
    window.__shell = { dom: performance.now(), frame: null };
    requestAnimationFrame(() => (window.__shell.frame = performance.now()));
    observer?.disconnect();
  };
  const start = () => {
    observer = new MutationObserver(check);
    observer.observe(document.documentElement, { subtree: true, childList: true, characterData: true });
    check();
  };
  if (document.documentElement) start();
  else document.addEventListener("readystatechange", start, { once: true });
};

async function openProfile(dir, { base, noNetwork = false } = {}) {
  const context = await chromium.launchPersistentContext(dir, {
    executablePath: process.env.DOCFLOW_CHROMIUM ?? "/usr/bin/chromium",
    args: noNetwork ? [...CHROMIUM_ARGS, ...NO_NETWORK_ARGS] : CHROMIUM_ARGS,
    offline: noNetwork,
    viewport: VIEWPORT,
    baseURL: base,
  });
  await context.addInitScript(INSTRUMENT);
  const errors = [];
  const watch = (page) => {
    page.on("console", (m) => {
      if (m.type() === "error") errors.push(m.text().slice(0, 300));
    });
    page.on("pageerror", (e) => errors.push(`uncaught ${e.message}`.slice(0, 300)));
  };
  context.on("page", watch);
  const page = context.pages()[0] ?? (await context.newPage());
  watch(page);
  return { context, page, errors };
}

async function signIn(context, base, creds) {
  const response = await context.request.post(`${base}/api/auth/login`, { data: { email: creds.email, password: creds.password } });
  if (response.status() !== 200) throw new Error(`sign in: HTTP ${response.status()} ${await response.text()}`);
}

async function workerControls(page) {
  await until(() => page.evaluate(async () => (await navigator.serviceWorker.ready).active?.state === "activated"), {
    timeoutMs: 60_000,
    what: "the service worker to activate",
  });
  const controlled = () => page.evaluate(() => Boolean(navigator.serviceWorker.controller));
  // A page whose navigation was on the way while the worker activated (and claimed the pages
  // there were) can stay uncontrolled: the next navigation is controlled, as a reviewer's would be.
  if (await until(controlled, { timeoutMs: 5_000, what: "control" }).catch(() => false)) return;
  await page.reload();
  await until(controlled, { timeoutMs: 30_000, what: "the worker to control the page" });
}

async function uploadReady(page) {
  await page.getByLabel("Choose files").waitFor({ state: "attached", timeout: 30_000 });
  await page.getByRole("button", { name: "Upload", exact: true }).waitFor({ timeout: 30_000 });
}

/**
 * The app fetches in the background once it settles (the newest documents needing review, 5 s
 * after start): wait at least `minMs` and until no API request has ended for `quietMs`.
 */
async function quiet(page, { minMs = 7_000, quietMs = 2_500, maxMs = 90_000 } = {}) {
  const start = Date.now();
  await sleep(minMs);
  await until(
    () =>
      page.evaluate((quietMs) => {
        const last = Math.max(0, ...window.__bench.api.map((r) => r.end));
        return performance.timeOrigin + performance.now() - last >= quietMs;
      }, quietMs),
    { timeoutMs: Math.max(1_000, maxMs - (Date.now() - start)), intervalMs: 250, what: "the app's background requests to end" },
  ).catch(() => undefined); // a busy app is still measured; the report counts its requests
}

/** The outbox rows whose label starts with `prefix` (no Blobs read). */
function outboxRows(page, prefix) {
  return page.evaluate(
    (prefix) =>
      new Promise((resolve, reject) => {
        const open = indexedDB.open("docflow");
        open.onerror = () => reject(open.error);
        open.onsuccess = () => {
          const db = open.result;
          if (!db.objectStoreNames.contains("outbox")) {
            db.close();
            resolve([]);
            return;
          }
          const rows = [];
          // An upload's bytes are in the "files" store under the row's id (schema v2).
          const tx = db.transaction(db.objectStoreNames.contains("files") ? ["outbox", "files"] : ["outbox"]);
          const keys = db.objectStoreNames.contains("files") ? tx.objectStore("files").getAllKeys() : null;
          const cursor = tx.objectStore("outbox").openCursor();
          cursor.onsuccess = () => {
            const c = cursor.result;
            if (!c) {
              const stored = new Set(keys?.result ?? []);
              for (const row of rows) row.hasFile = row.hasFile || stored.has(row.id);
              db.close();
              resolve(rows);
              return;
            }
            const v = c.value;
            if (typeof v.label === "string" && v.label.startsWith(prefix)) {
              rows.push({
                id: v.id,
                label: v.label,
                status: v.status,
                size: v.size ?? null,
                attempts: v.attempts,
                hasFile: v.file instanceof Blob,
                lastError: v.lastError ?? null,
                nextAttemptIn: v.nextAttemptAt ? v.nextAttemptAt - Date.now() : 0,
              });
            }
            c.continue();
          };
          cursor.onerror = () => reject(cursor.error);
        };
      }),
    prefix,
  );
}

const storageEstimate = (page) =>
  page.evaluate(async () => {
    const e = await navigator.storage.estimate();
    return { usage: e.usage ?? null, quota: e.quota ?? null, details: e.usageDetails ?? null, persisted: await navigator.storage.persisted() };
  });

const bench = (page) => page.evaluate(() => window.__bench);

/** Waits for `count` uploads answered 202/200 (started at or after `from`); on a timeout, says why. */
async function acceptedUploads(page, prefix, count, from, timeoutMs, intervalMs = 100) {
  try {
    return await until(
      async () => {
        const b = await bench(page);
        const accepted = b.api.filter((r) => r.path === "/api/documents/upload" && (r.status === 202 || r.status === 200) && r.start >= from - 1);
        return accepted.length >= count ? b : null;
      },
      { timeoutMs, intervalMs, what: `${count} uploads answered 202` },
    );
  } catch (error) {
    const b = await bench(page).catch(() => null);
    const statuses = {};
    for (const r of b?.api ?? []) if (r.path === "/api/documents/upload") statuses[r.status] = (statuses[r.status] ?? 0) + 1;
    const rows = await outboxRows(page, prefix).catch(() => []);
    const summary = rows.map((r) => `${r.label}: ${r.status}, ${r.attempts} attempts, ${JSON.stringify(r.lastError)}, next in ${Math.round(r.nextAttemptIn)} ms`);
    throw new Error(`${error.message}\nupload answers by status: ${JSON.stringify(statuses)}\noutbox:\n${summary.join("\n")}`);
  }
}

/** Uploads answered 202/200 whose names we sent (in-page timings) and the other API calls in [from, to]. */
function summarizeApi(api, from, to) {
  const inWindow = api.filter((r) => r.start >= from - 1 && r.start <= to);
  const uploads = inWindow.filter((r) => r.path === "/api/documents/upload");
  const accepted = uploads.filter((r) => r.status === 202 || r.status === 200);
  const others = inWindow.filter((r) => r.path !== "/api/documents/upload");
  const kind = (path) =>
    /\/api\/documents\/[^/]+\/file$/.test(path)
      ? "document file"
      : /^\/api\/documents\/[0-9a-f-]{36}$/.test(path)
        ? "document"
        : path === "/api/documents"
          ? "document list"
          : path;
  const byKind = {};
  for (const r of others) byKind[kind(r.path)] = (byKind[kind(r.path)] ?? 0) + 1;
  return { uploads, accepted, others: byKind };
}

/** Time-weighted mean of uploads on the way during [from, to]. */
function meanInFlight(uploads, from, to) {
  const busy = uploads.reduce((sum, r) => sum + Math.max(0, Math.min(r.end, to) - Math.max(r.start, from)), 0);
  return to > from ? busy / (to - from) : null;
}

// --- 1. the app shell offline ----------------------------------------------------------------------
async function shell({ base, creds, profile, names, cold = 5, warm = 7, paths = ["/", "/upload", "/outbox"] }) {
  const runs = [];
  const errors = [];
  // Online once, as a reviewer would: the worker installs and the data of each screen is persisted.
  {
    const p = await openProfile(profile, { base });
    try {
      await signIn(p.context, base, creds);
      for (const path of ["/", "/upload", "/outbox", "/"]) {
        await p.page.goto(path);
        if (path === "/upload") await uploadReady(p.page);
        await sleep(500);
      }
      await p.page.getByText(names[0]).first().waitFor({ timeout: 30_000 });
      await workerControls(p.page);
      // The query cache reaches IndexedDB within a second of a change; the list must be in it.
      await until(
        () =>
          p.page.evaluate(
            (name) =>
              new Promise((resolve) => {
                const open = indexedDB.open("docflow-query-cache");
                open.onerror = () => resolve(false);
                open.onsuccess = () => {
                  const db = open.result;
                  if (!db.objectStoreNames.contains("persisted")) return resolve(false);
                  const read = db.transaction("persisted").objectStore("persisted").get("query-cache");
                  read.onsuccess = () => resolve(typeof read.result === "string" && read.result.includes(name));
                  read.onerror = () => resolve(false);
                };
              }),
            names[0],
          ),
        { timeoutMs: 30_000, intervalMs: 250, what: "the document list in the persisted query cache" },
      );
      await quiet(p.page, { minMs: 6_000 });
      errors.push(...p.errors.map((e) => `[online] ${e}`));
    } finally {
      await p.context.close();
    }
  }

  const measure = async (page, path, kind) => {
    await page.goto(path, { waitUntil: "commit" });
    await page.waitForFunction(() => window.__shell?.frame != null, null, { timeout: 20_000, polling: 20 });
    const r = await page.evaluate(() => {
      const nav = performance.getEntriesByType("navigation")[0];
      return {
        ...window.__shell,
        worker_start: nav?.workerStart ?? null,
        response_end: nav?.responseEnd ?? null,
        dcl: nav?.domContentLoadedEventEnd ?? null,
        controlled: Boolean(navigator.serviceWorker.controller),
        online: navigator.onLine,
        api_answered: window.__bench.api.filter((x) => (x.status ?? 0) > 0).length,
        api_tried: window.__bench.api.length,
      };
    });
    runs.push({ kind, path, ...r });
  };
  const watch = { email: creds.email, names, statusWords: STATUS_WORDS.source };

  // Cold: the browser starts with no network, its first navigation is the measured one.
  for (let i = 0; i < cold; i++) {
    for (const path of paths) {
      const p = await openProfile(profile, { base, noNetwork: true });
      try {
        await p.context.addInitScript(SHELL_WATCH, watch);
        await measure(p.page, path, "cold");
        errors.push(...p.errors.map((e) => `[cold ${path}] ${e}`));
      } finally {
        await p.context.close();
      }
    }
  }
  // Warm: one browser, no network; navigations one after another (the first is not counted).
  {
    const p = await openProfile(profile, { base, noNetwork: true });
    try {
      await p.context.addInitScript(SHELL_WATCH, watch);
      await measure(p.page, "/", "first");
      for (let i = 0; i < warm; i++) for (const path of paths) await measure(p.page, path, "warm");
      errors.push(...p.errors.map((e) => `[warm] ${e}`));
    } finally {
      await p.context.close();
    }
  }
  return { runs, console_errors: errors };
}

// --- 2. 50 uploads online vs queued offline then drained -------------------------------------------
async function drain({ base, creds, profile, files, prefix, mode, signInFirst = true, timeoutMs = 300_000 }) {
  const p = await openProfile(profile, { base });
  const { context, page } = p;
  const answered = new Map(); // Idempotency-Key → statuses (Node side: each item accepted once)
  context.on("response", (response) => {
    const request = response.request();
    if (request.method() !== "POST" || !request.url().endsWith("/api/documents/upload")) return;
    const key = request.headers()["idempotency-key"] ?? "none";
    answered.set(key, [...(answered.get(key) ?? []), response.status()]);
  });
  try {
    if (signInFirst) await signIn(context, base, creds);
    await page.goto("/upload");
    await workerControls(page);
    await uploadReady(page);
    await quiet(page);
    const before = await storageEstimate(page);
    const out = { mode, files: files.length, bytes: files.reduce((sum, f) => sum + statSync(f.path).size, 0), storage_before: before };

    if (mode === "offline") {
      await context.setOffline(true);
      await until(() => page.evaluate(() => !navigator.onLine), { timeoutMs: 5_000, what: "navigator.onLine false" });
    }
    await page.getByLabel("Choose files").setInputFiles(files.map((f) => f.path));
    await page.getByText(new RegExp(`^${files.length} files? ready to send\\.$`)).waitFor({ timeout: 60_000 });
    await page.getByRole("button", { name: "Upload", exact: true }).click();
    const click = await until(async () => (await bench(page)).clicks.at(-1), { timeoutMs: 5_000, what: "the click on Upload" });
    out.click = click;

    let t0 = click;
    if (mode === "offline") {
      const stored = await until(
        async () => {
          const rows = await outboxRows(page, prefix);
          return rows.length === files.length && rows.every((r) => r.status === "waiting" && r.hasFile) ? now() : null;
        },
        { timeoutMs: 300_000, intervalMs: 50, what: "every file stored in the outbox" },
      );
      out.queue_ms = stored - click;
      out.storage_queued = await storageEstimate(page);
      const sent = (await bench(page)).api.filter((r) => r.path === "/api/documents/upload" && r.start >= click);
      out.tried_offline = sent.length;
      await sleep(1_000);
      t0 = now();
      await context.setOffline(false);
      out.online_event = await until(async () => (await bench(page)).online.at(-1), { timeoutMs: 5_000, what: "the online event" });
    }
    out.t0 = t0;
    const done = await acceptedUploads(page, prefix, files.length, t0, timeoutMs);
    const api = summarizeApi(done.api, t0, now());
    const last = Math.max(...api.accepted.map((r) => r.end));
    const first = Math.min(...api.uploads.map((r) => r.start));
    out.drain_ms = last - t0;
    out.first_upload_after_ms = first - t0;
    out.mean_in_flight = meanInFlight(api.uploads, first, last);
    out.upload_ms = api.uploads.map((r) => Math.round(r.end - r.start));
    out.upload_spans = api.uploads.map((r) => [Math.round(r.start - t0), Math.round(r.end - t0)]);
    out.upload_statuses = api.uploads.map((r) => r.status);
    out.other_requests = api.others;
    // The device's side: every row marked sent (the engine took the answers in).
    const sentAt = await until(
      async () => {
        const rows = await outboxRows(page, prefix);
        return rows.length === files.length && rows.every((r) => r.status === "sent") ? now() : null;
      },
      { timeoutMs: 60_000, intervalMs: 100, what: "every outbox row marked sent" },
    );
    out.rows_sent_ms = sentAt - t0;
    out.answers_per_key = [...answered.values()].map((statuses) => statuses.length);
    out.keys = answered.size;
    out.storage_after = await storageEstimate(page);
    out.console_errors = p.errors;
    return out;
  } finally {
    await context.close();
  }
}

// --- 3. 200 MB queued, the browser closed and reopened ----------------------------------------------
async function restartQueue({ base, creds, profile, files, prefix }) {
  const p = await openProfile(profile, { base });
  const { context, page } = p;
  try {
    await signIn(context, base, creds);
    await page.goto("/upload");
    await workerControls(page);
    await uploadReady(page);
    await quiet(page);
    const before = await storageEstimate(page);
    await context.setOffline(true);
    await until(() => page.evaluate(() => !navigator.onLine), { timeoutMs: 5_000, what: "navigator.onLine false" });
    await page.getByLabel("Choose files").setInputFiles(files.map((f) => f.path));
    await page.getByText(new RegExp(`^${files.length} files? ready to send\\.$`)).waitFor({ timeout: 60_000 });
    await page.getByRole("button", { name: "Upload", exact: true }).click();
    const click = await until(async () => (await bench(page)).clicks.at(-1), { timeoutMs: 5_000, what: "the click on Upload" });
    const stored = await until(
      async () => {
        const rows = await outboxRows(page, prefix);
        return rows.length === files.length && rows.every((r) => r.status === "waiting" && r.hasFile) ? now() : null;
      },
      { timeoutMs: 600_000, intervalMs: 100, what: "every file stored in the outbox" },
    );
    await page.getByText(/Saved on this device/).first().waitFor({ timeout: 10_000 });
    const after = await storageEstimate(page);
    return { queue_ms: stored - click, storage_before: before, storage_queued: after, console_errors: p.errors };
  } finally {
    await context.close(); // the browser is closed, as a reviewer would close it
  }
}

async function restartVerify({ base, profile, files, prefix }) {
  const p = await openProfile(profile, { base, noNetwork: true });
  const { context, page } = p;
  try {
    const started = now();
    await page.goto("/outbox", { waitUntil: "commit" });
    const list = page.getByRole("list", { name: "Waiting to sync" });
    await until(async () => (await list.getByRole("listitem").filter({ hasText: prefix }).count()) === files.length, {
      timeoutMs: 60_000,
      intervalMs: 200,
      what: `the Outbox to list ${files.length} items`,
    });
    const listed_ms = now() - started;
    const t = now();
    // Each stored Blob read back and hashed in the page.
    const stored = await page.evaluate(
      (prefix) =>
        new Promise((resolve, reject) => {
          const open = indexedDB.open("docflow");
          open.onerror = () => reject(open.error);
          open.onsuccess = () => {
            const tx = open.result.transaction(["outbox", "files"]);
            const request = tx.objectStore("outbox").getAll();
            const blobs = tx.objectStore("files").getAll();
            request.onerror = () => reject(request.error);
            blobs.onsuccess = async () => {
              const files = new Map(blobs.result.map((f) => [f.id, f.blob]));
              const out = [];
              for (const v of request.result) {
                if (!(typeof v.label === "string" && v.label.startsWith(prefix))) continue;
                const blob = files.get(v.id);
                const bytes = blob instanceof Blob ? await blob.arrayBuffer() : null;
                const digest = bytes ? await crypto.subtle.digest("SHA-256", bytes) : null;
                out.push({
                  name: v.filename,
                  status: v.status,
                  size: bytes ? bytes.byteLength : null,
                  sha256: digest ? [...new Uint8Array(digest)].map((b) => b.toString(16).padStart(2, "0")).join("") : null,
                });
              }
              open.result.close();
              resolve(out);
            };
          };
        }),
      prefix,
    );
    const hash_ms = now() - t;
    const expected = new Map(files.map((f) => [f.name, f]));
    const intact = stored.filter((s) => expected.get(s.name)?.sha256 === s.sha256 && expected.get(s.name)?.size === s.size).length;
    const storage = await storageEstimate(page);
    const answered = (await bench(page)).api.filter((r) => (r.status ?? 0) > 0).length;
    return { listed_ms, hash_ms, stored: stored.length, intact, statuses: [...new Set(stored.map((s) => s.status))], storage, api_answered: answered, online: await page.evaluate(() => navigator.onLine), console_errors: p.errors };
  } finally {
    await context.close();
  }
}

async function restartDrain({ base, profile, files, prefix, timeoutMs = 300_000 }) {
  const p = await openProfile(profile, { base });
  const { context, page } = p;
  try {
    await page.goto("/outbox");
    const t0 = await page.evaluate(() => performance.timeOrigin); // navigation start of the reopened app
    const done = await acceptedUploads(page, prefix, files.length, t0, timeoutMs, 200);
    const api = summarizeApi(done.api, t0, now());
    const last = Math.max(...api.accepted.map((r) => r.end));
    const first = Math.min(...api.uploads.map((r) => r.start));
    const sentAt = await until(
      async () => {
        const rows = await outboxRows(page, prefix);
        return rows.length === files.length && rows.every((r) => r.status === "sent" && !r.hasFile) ? now() : null;
      },
      { timeoutMs: 60_000, intervalMs: 100, what: "every outbox row marked sent" },
    );
    await page.getByText("Nothing is waiting").first().waitFor({ timeout: 30_000 }).catch(() => undefined);
    return {
      drain_ms: last - t0,
      first_upload_after_ms: first - t0,
      sending_ms: last - first,
      rows_sent_ms: sentAt - t0,
      mean_in_flight: meanInFlight(api.uploads, first, last),
      upload_ms: api.uploads.map((r) => Math.round(r.end - r.start)),
      upload_spans: api.uploads.map((r) => [Math.round(r.start - t0), Math.round(r.end - t0)]),
      upload_statuses: api.uploads.map((r) => r.status),
      other_requests: api.others,
      storage_after: await storageEstimate(page),
      console_errors: p.errors,
    };
  } finally {
    await context.close();
  }
}

const COMMANDS = { shell, drain, "restart-queue": restartQueue, "restart-verify": restartVerify, "restart-drain": restartDrain };

const [command, json] = process.argv.slice(2);
const run = COMMANDS[command];
if (!run) {
  console.error(`usage: node offline.mjs <${Object.keys(COMMANDS).join("|")}> '<json>'`);
  process.exit(2);
}
run(JSON.parse(json ?? "{}")).then(
  (result) => console.log(`RESULT ${JSON.stringify(result)}`),
  (error) => {
    console.error(error?.stack ?? String(error));
    process.exit(1);
  },
);
