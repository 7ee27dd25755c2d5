// Browser-side measurements of the PWA benchmark (bench/pwa/run.py starts the stack and calls this).
//
//   node bench/pwa/browser.mjs <command> '<json args>'
//
// Commands (each prints one JSON line, prefixed "RESULT ", on stdout):
//   upload-latency  — a signed-in dashboard (desktop) filtered to this run; N uploads one after the
//                     other straight to the API; for each, the wall-clock time the row first shows
//                     "Completed" (the animation frame after the DOM change).
//   pdf-first-page  — /documents/<id> of a 50-page PDF: navigation start → page 1 visible (the
//                     server's preview image painted, or the canvas drawn if first) and → page 1's
//                     canvas drawn by PDF.js (the frame after PdfPage marks it data-rendered), cold
//                     (fresh context) and warm.
//   dashboard-scale — a dashboard over many documents: rows in the DOM before/after scrolling far
//                     (cursor pages load as it scrolls), and click on a status filter / Enter in
//                     Search → table updated (frame after the DOM shows only matching rows).
//
// Service workers are blocked: the figures are the app's, not a first visit's precache download.
// Loopback only; every loop is bounded.
import { createRequire } from "node:module";
import { readFileSync } from "node:fs";
import { basename } from "node:path";
import { fileURLToPath } from "node:url";

const require = createRequire(fileURLToPath(new URL("../../pwa/package.json", import.meta.url)));
const { chromium } = require("@playwright/test");

export const CHROMIUM_ARGS = [
  "--no-sandbox",
  "--disable-gpu",
  "--disable-quic",
  "--no-first-run",
  "--disable-background-networking",
  "--disable-component-update",
  "--disable-sync",
];

const now = () => performance.timeOrigin + performance.now(); // wall clock, sub-ms (same as the page's)

export async function launch() {
  return chromium.launch({ executablePath: process.env.DOCFLOW_CHROMIUM ?? "/usr/bin/chromium", args: CHROMIUM_ARGS });
}

/** A browser context signed in as `creds` through the PWA's proxy (the cookie lands in its jar). */
export async function signedInContext(browser, base, creds, options = {}) {
  const context = await browser.newContext({ baseURL: base, serviceWorkers: "block", ...options });
  // Resource timing keeps 250 entries by default: a long session (prefetches, many pages) fills it.
  await context.addInitScript(() => performance.setResourceTimingBufferSize(100_000));
  const response = await context.request.post(`${base}/api/auth/login`, { data: { email: creds.email, password: creds.password } });
  if (response.status() !== 200) throw new Error(`sign in: HTTP ${response.status()} ${await response.text()}`);
  return context;
}

function collectErrors(page, errors) {
  page.on("console", (m) => {
    if (m.type() === "error") errors.push(m.text());
  });
  page.on("pageerror", (e) => errors.push(`uncaught ${e.message}`));
}

// --- 3. upload → row shows Completed -------------------------------------------------------------
async function uploadLatency({ base, api, token, creds, files, runId, warmup = 2, gapMs = 300, timeoutMs = 120_000 }) {
  const browser = await launch();
  const errors = [];
  try {
    const context = await signedInContext(browser, base, creds, { viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    collectErrors(page, errors);
    await page.goto(`/?q=${encodeURIComponent(runId)}`);
    await page.getByLabel("Search", { exact: true }).waitFor();
    // Watch the rows: the first frame in which a watched file's row says "Completed".
    await page.evaluate(() => {
      const watched = new Map(); // filename → {dom, frame}
      const check = () => {
        const t = performance.timeOrigin + performance.now();
        for (const row of document.querySelectorAll("tr[data-index], li, article, [role=row]")) {
          const text = row.textContent ?? "";
          if (!text.includes("Completed")) continue;
          for (const [name, seen] of watched) {
            if (seen.dom === null && text.includes(name)) {
              seen.dom = t;
              requestAnimationFrame(() => (seen.frame = performance.timeOrigin + performance.now()));
            }
          }
        }
      };
      new MutationObserver(check).observe(document.body, { subtree: true, childList: true, characterData: true });
      window.__bench = {
        watch: (name) => watched.set(name, { dom: null, frame: null }),
        seen: (name) => watched.get(name) ?? null,
      };
    });

    const uploads = [];
    for (let i = 0; i < warmup + files.length; i++) {
      const sample = files[i % files.length];
      const name = `${runId}-${String(i).padStart(2, "0")}-${basename(sample)}`;
      await page.evaluate((n) => window.__bench.watch(n), name);
      const form = new FormData();
      form.append("files", new Blob([readFileSync(sample)], { type: "application/pdf" }), name);
      const sent = now();
      const response = await fetch(`${api}/api/documents/upload`, { method: "POST", body: form, headers: { Authorization: `Bearer ${token}` } });
      const accepted = now();
      const body = await response.json();
      const item = body.items?.[0];
      if (response.status !== 202 || item?.status !== "accepted") throw new Error(`upload ${name}: ${response.status} ${JSON.stringify(body)}`);
      await page.waitForFunction((n) => window.__bench.seen(n)?.frame != null, name, { timeout: timeoutMs, polling: 50 });
      const seen = await page.evaluate((n) => window.__bench.seen(n), name);
      uploads.push({ name, warmup: i < warmup, job_id: item.job.id, document_id: item.document.id, sent, accepted, row_dom: seen.dom, row_frame: seen.frame });
      await page.waitForTimeout(gapMs);
    }
    return { uploads, console_errors: errors };
  } finally {
    await browser.close();
  }
}

// --- 4a. 50-page PDF: first page visible ---------------------------------------------------------
const FIRST_PAGE_WATCH = () => {
  window.__firstPage = null;
  // Page 1 visible: the server's preview image painted (its largest-contentful-paint entry, the
  // browser's own paint time), or else the canvas drawn — whichever comes first.
  window.__firstVisible = null;
  new PerformanceObserver((list) => {
    for (const entry of list.getEntries()) {
      if (window.__firstVisible || !entry.element?.matches?.("img[data-page-preview]")) continue;
      window.__firstVisible = { how: "preview", at: entry.renderTime || entry.startTime };
    }
  }).observe({ type: "largest-contentful-paint", buffered: true });
  const check = () => {
    const page = document.querySelector('[data-page="1"][data-rendered="true"]');
    if (!page || window.__firstPage) return;
    const dom = performance.now();
    window.__firstPage = { dom, frame: null, pages: document.querySelectorAll("[data-page]").length };
    requestAnimationFrame(() => {
      window.__firstPage.frame = performance.now();
      window.__firstVisible ??= { how: "canvas", at: window.__firstPage.frame };
    });
  };
  const start = () => new MutationObserver(check).observe(document.documentElement, { subtree: true, childList: true, attributes: true, attributeFilter: ["data-rendered"] });
  if (document.documentElement) start();
  else document.addEventListener("DOMContentLoaded", start);
};

async function pdfFirstPage({ base, creds, documentId, cold = 5, warm = 3, timeoutMs = 30_000 }) {
  const browser = await launch();
  const errors = [];
  const runs = [];
  const measure = async (page, kind, action) => {
    await action();
    await page.waitForFunction(() => window.__firstPage?.frame != null, null, { timeout: timeoutMs, polling: 20 });
    const result = await page.evaluate(() => {
      const nav = performance.getEntriesByType("navigation")[0];
      const resources = performance.getEntriesByType("resource");
      const first = (test) => resources.find((r) => test(new URL(r.name).pathname));
      const span = (entry) => (entry ? [Math.round(entry.startTime), Math.round(entry.responseEnd)] : null);
      const file = first((p) => p.endsWith("/file"));
      // The lazily loaded PDF.js chunk: the largest script fetched after the page's own.
      const lazy = resources
        .filter((r) => r.initiatorType === "script" && r.startTime > (nav?.domContentLoadedEventEnd ?? 0) && r.name.endsWith(".js"))
        .sort((a, b) => b.encodedBodySize - a.encodedBodySize)[0];
      return {
        ...window.__firstPage,
        visible: window.__firstVisible?.at ?? null,
        visible_how: window.__firstVisible?.how ?? null,
        dcl: nav?.domContentLoadedEventEnd ?? null,
        pdf_bytes: file?.encodedBodySize ?? null,
        milestones: {
          me: span(first((p) => p === "/api/auth/me")),
          document: span(first((p) => /^\/api\/documents\/[0-9a-f-]{36}$/.test(p))),
          file: span(file),
          pdfjs: span(lazy),
          worker: span(first((p) => p.includes("pdf.worker"))),
        },
      };
    });
    runs.push({ kind, ...result });
  };
  try {
    for (let i = 0; i < cold; i++) {
      const context = await signedInContext(browser, base, creds, { viewport: { width: 1440, height: 900 } });
      await context.addInitScript(FIRST_PAGE_WATCH);
      const page = await context.newPage();
      collectErrors(page, errors);
      await measure(page, "cold", () => page.goto(`/documents/${documentId}`));
      if (i === cold - 1) {
        for (let j = 0; j < warm; j++) await measure(page, "warm", () => page.reload());
      }
      await context.close();
    }
    return { runs, console_errors: errors };
  } finally {
    await browser.close();
  }
}

// --- 4b. dashboard over many documents -----------------------------------------------------------
const ROWS = "tr[data-index], li[data-index], article[data-index], [role=row][data-index]";

async function dashboardScale({ base, creds, scrollPages = 40, statuses = ["Failed", "Cancelled", "Queued", "Processing", "Finalized"], search = null, timeoutMs = 20_000 }) {
  const browser = await launch();
  const errors = [];
  try {
    const context = await signedInContext(browser, base, creds, { viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    collectErrors(page, errors);
    await page.goto("/");
    await page.locator(ROWS).first().waitFor({ timeout: timeoutMs });
    await page.waitForTimeout(500);
    const dom = () =>
      page.evaluate((sel) => {
        const rows = [...document.querySelectorAll(sel)];
        const indexes = rows.map((r) => Number(r.getAttribute("data-index")));
        return { rows: rows.length, elements: document.getElementsByTagName("*").length, maxIndex: Math.max(-1, ...indexes), total: document.querySelector("[aria-rowcount]")?.getAttribute("aria-rowcount") ?? null };
      }, ROWS);
    const before = await dom();

    // Scroll to the end again and again: each time the next cursor page loads (bounded).
    let after = before;
    let stalls = 0;
    const scrollStart = now();
    for (let i = 0; i < scrollPages && stalls < 3; i++) {
      await page.evaluate(() => window.scrollTo(0, document.documentElement.scrollHeight));
      const loaded = after.maxIndex;
      try {
        await page.waitForFunction(
          ({ sel, loaded }) => Math.max(-1, ...[...document.querySelectorAll(sel)].map((r) => Number(r.getAttribute("data-index")))) > loaded,
          { sel: ROWS, loaded },
          { timeout: 5_000, polling: 50 },
        );
        stalls = 0;
      } catch {
        stalls++;
      }
      after = await dom();
    }
    const scrollSeconds = (now() - scrollStart) / 1000;
    const scrolled = { ...after, loaded: after.maxIndex + 1 };

    // Filter changes, timed inside the page: input event → the frame after the table shows only matching rows.
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.waitForTimeout(300);
    const firstName = () => page.evaluate((sel) => document.querySelector(sel)?.querySelector("a")?.textContent ?? null, ROWS);
    const unfilteredFirst = await firstName();
    const timed = (kind, label) =>
      page.evaluate(
        ({ sel, kind, label, unfilteredFirst, timeoutMs }) =>
          new Promise((resolve, reject) => {
            const rowsNow = () => [...document.querySelectorAll(sel)];
            let done;
            if (kind === "status-on") done = () => rowsNow().length > 0 && rowsNow().every((r) => r.textContent.includes(label));
            else if (kind === "status-off" || kind === "search-clear") done = () => rowsNow()[0]?.querySelector("a")?.textContent === unfilteredFirst;
            else done = () => rowsNow().length > 0 && rowsNow().every((r) => r.textContent.toLowerCase().includes(label.toLowerCase()));
            const finish = (t0) => {
              observer.disconnect();
              clearTimeout(timer);
              requestAnimationFrame(() => {
                const ms = performance.now() - t0;
                // The list requests this change made (none when the answer was cached).
                const calls = performance
                  .getEntriesByType("resource")
                  .filter((r) => r.name.includes("/api/documents?") && r.startTime >= t0 - 1);
                const api = calls.length
                  ? { requests: calls.length, start: calls[0].startTime - t0, end: Math.max(...calls.map((r) => r.responseEnd)) - t0 }
                  : null;
                resolve({ kind, label, ms, rows: rowsNow().length, api });
              });
            };
            let t0 = 0;
            const observer = new MutationObserver(() => {
              if (done()) finish(t0);
            });
            const timer = setTimeout(() => {
              observer.disconnect();
              reject(new Error(`${kind} ${label}: the table never updated`));
            }, timeoutMs);
            observer.observe(document.body, { subtree: true, childList: true, characterData: true });
            performance.clearResourceTimings();
            t0 = performance.now();
            if (kind.startsWith("status")) {
              const box = [...document.querySelectorAll('fieldset input[type="checkbox"]')].find((input) => input.closest("label")?.textContent?.trim().startsWith(label));
              if (!box) return reject(new Error(`no status filter ${label}`));
              box.click();
            } else {
              const input = [...document.querySelectorAll('input[type="search"]')][0];
              const setter = Object.getOwnPropertyDescriptor(HTMLInputElement.prototype, "value").set;
              setter.call(input, kind === "search" ? label : "");
              input.dispatchEvent(new Event("input", { bubbles: true }));
              input.dispatchEvent(new KeyboardEvent("keydown", { key: "Enter", bubbles: true }));
            }
          }),
        { sel: ROWS, kind, label, unfilteredFirst, timeoutMs },
      );
    const filters = [];
    for (const status of statuses) {
      filters.push(await timed("status-on", status));
      await page.waitForTimeout(400);
      filters.push(await timed("status-off", status));
      await page.waitForTimeout(400);
    }
    if (search) {
      filters.push(await timed("search", search));
      await page.waitForTimeout(400);
      filters.push(await timed("search-clear", search));
    }
    const end = await dom();
    return { before, scrolled, scroll_seconds: scrollSeconds, filters, end, console_errors: errors };
  } finally {
    await browser.close();
  }
}

const COMMANDS = { "upload-latency": uploadLatency, "pdf-first-page": pdfFirstPage, "dashboard-scale": dashboardScale };

if (process.argv[1] && fileURLToPath(import.meta.url) === process.argv[1]) {
  const [command, json] = process.argv.slice(2);
  const run = COMMANDS[command];
  if (!run) {
    console.error(`usage: node browser.mjs <${Object.keys(COMMANDS).join("|")}> '<json>'`);
    process.exit(2);
  }
  run(JSON.parse(json ?? "{}")).then(
    (result) => console.log(`RESULT ${JSON.stringify(result)}`),
    (error) => {
      console.error(error?.stack ?? String(error));
      process.exit(1);
    },
  );
}
