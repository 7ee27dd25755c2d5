import { spawn, type ChildProcess } from "node:child_process";
import { createHash } from "node:crypto";
import { existsSync, mkdtempSync, readFileSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, type Browser, type BrowserContext, type Page } from "@playwright/test";
import type { DocflowApi } from "./support/api";
import { ConsoleErrors } from "./support/console";
import { ADMIN, BASE_URL, runId } from "./support/env";
import { expect, signInContext, test } from "./support/fixtures";
import { uploadReady } from "./support/screens";

// The browser process killed (SIGKILL, not closed) in the middle of an upload, then started again
// on the same profile: the item is still in the outbox (IndexedDB), resumes, and reaches the
// server exactly once (the Idempotency-Key made when the file was picked; the server refuses the
// body that was cut off).
//
// Playwright cannot SIGKILL a browser it launched itself, so this spec starts /usr/bin/chromium as
// a child process (its own profile folder, a DevTools port) and drives it over CDP.

const UPLOAD_KB = 768;
/** Bytes per second the page may upload: the upload takes far longer than the test waits to kill. */
const UPLOAD_THROUGHPUT = 24 * 1024;

const EXPECTED_NOISE = [
  /Failed to load resource: net::ERR_(INTERNET_DISCONNECTED|FAILED|CONNECTION_RESET|CONNECTION_REFUSED|NETWORK_CHANGED|ABORTED)/,
  /WebSocket connection to .* failed/,
  /Failed to load resource: the server responded with a status of 401/,
];

interface Running {
  child: ChildProcess;
  browser: Browser;
  context: BrowserContext;
  page: Page;
  errors: ConsoleErrors;
}

const running: Running[] = [];
const dirs: string[] = [];
let launchArgs: string[] = [];
let executable = "/usr/bin/chromium";

test.beforeEach(async ({ launchOptions }) => {
  launchArgs = launchOptions.args ?? [];
  executable = launchOptions.executablePath ?? executable;
});

/** Signals chromium's whole process group (it runs as a group leader: its helpers go with it). */
function signalGroup(child: ChildProcess, signal: NodeJS.Signals): void {
  try {
    process.kill(-(child.pid as number), signal);
  } catch {
    // The group is gone already.
  }
}

/** Stops the browser (a CDP connection's close() only disconnects) and waits until it has exited. */
async function stopBrowser(run: Running): Promise<void> {
  await run.browser.close().catch(() => undefined);
  if (run.child.exitCode === null && run.child.signalCode === null) {
    const exited = new Promise<void>((resolve) => run.child.once("exit", () => resolve()));
    signalGroup(run.child, "SIGTERM");
    const timer = setTimeout(() => signalGroup(run.child, "SIGKILL"), 10_000);
    await exited;
    clearTimeout(timer);
  }
  signalGroup(run.child, "SIGKILL"); // a helper process that outlived the browser
}

test.afterEach(async () => {
  for (const run of running.splice(0)) await stopBrowser(run);
  // Removing the profile is housekeeping, not the test: a helper still flushing a file into it
  // (ENOTEMPTY) leaves a folder in the temp dir rather than failing a test that passed.
  for (const dir of dirs.splice(0)) {
    try {
      rmSync(dir, { recursive: true, force: true, maxRetries: 10, retryDelay: 300 });
    } catch (error) {
      console.warn(`could not remove the browser profile ${dir}: ${String(error)}`);
    }
  }
});

/** Starts chromium on `dir` (headless, DevTools on a port it picks) and connects to it. */
async function startBrowser(dir: string, label: string): Promise<Running> {
  const portFile = join(dir, "DevToolsActivePort");
  rmSync(portFile, { force: true });
  const child = spawn(
    executable,
    [...launchArgs, "--headless=new", `--user-data-dir=${dir}`, "--remote-debugging-port=0", "--no-default-browser-check", "about:blank"],
    { stdio: "ignore", detached: true }, // its own process group: a kill reaches every helper
  );
  let port = 0;
  await expect
    .poll(
      () => {
        if (child.exitCode !== null) throw new Error(`chromium exited (${child.exitCode}) before it opened its DevTools port`);
        if (!existsSync(portFile)) return 0;
        port = Number(readFileSync(portFile, "utf8").split("\n")[0]) || 0;
        return port;
      },
      { timeout: 30_000, intervals: [100, 250], message: "chromium should open its DevTools port" },
    )
    .toBeGreaterThan(0);
  const browser = await chromium.connectOverCDP(`http://127.0.0.1:${port}`, { timeout: 30_000 });
  const context = browser.contexts()[0];
  const page = context.pages()[0] ?? (await context.newPage());
  const errors = new ConsoleErrors();
  for (const pattern of EXPECTED_NOISE) errors.allow(pattern);
  errors.watch(page, label);
  const run = { child, browser, context, page, errors };
  running.push(run);
  return run;
}

/** SIGKILL to the browser and every helper: no unload, no shutdown of the profile — as if the device lost power. */
async function killBrowser(run: Running): Promise<void> {
  const exited = new Promise<void>((resolve) => run.child.once("exit", () => resolve()));
  expect(run.child.pid, "the browser's process id").toBeDefined();
  signalGroup(run.child, "SIGKILL");
  await exited;
  running.splice(running.indexOf(run), 1);
}

/** The documents the server holds under `filename` (each run's names are unique). */
async function documentsNamed(api: DocflowApi, filename: string) {
  const list = await api.documents({ q: filename, limit: 50 });
  return list.items.filter((item) => item.original_filename === filename);
}

test.describe("outbox: browser killed", () => {
  test("the browser process killed (not closed) mid-upload, then reopened: the item resumes and lands once", async ({ adminApi }) => {
    test.setTimeout(180_000);
    const name = `${runId()}-killed.txt`;
    const head = `INVOICE ${name}\nVendor: Outbox Test GmbH\nInvoice number: ${name}\nTotal: 42.00 EUR\n`;
    const buffer = Buffer.from(head.padEnd(UPLOAD_KB * 1024, "."), "utf8");
    const sha256 = createHash("sha256").update(buffer).digest("hex");
    const dir = mkdtempSync(join(tmpdir(), "docflow-killed-"));
    dirs.push(dir);

    // First run: the upload starts, slowly, and the browser is killed while it is on the wire.
    const first = await startBrowser(dir, "before the kill");
    await signInContext(first.context, ADMIN);
    await first.page.goto(`${BASE_URL}/upload`);
    await uploadReady(first.page);
    const cdp = await first.context.newCDPSession(first.page);
    await cdp.send("Network.enable");
    await cdp.send("Network.emulateNetworkConditions", {
      offline: false,
      latency: 0,
      downloadThroughput: -1,
      uploadThroughput: UPLOAD_THROUGHPUT,
    });
    const answered: string[] = [];
    first.context.on("requestfinished", (request) => {
      if (new URL(request.url()).pathname.endsWith("/api/documents/upload")) answered.push(request.url());
    });
    const started = first.page.waitForRequest((request) => request.method() === "POST" && new URL(request.url()).pathname.endsWith("/api/documents/upload"));
    await first.page.getByLabel("Choose files").setInputFiles([{ name, mimeType: "text/plain", buffer }]);
    await expect(first.page.getByRole("listitem").filter({ hasText: name })).toContainText("Ready to send");
    await first.page.getByRole("button", { name: "Upload", exact: true }).click();
    await started;
    await first.page.waitForTimeout(2_000);
    expect(answered, "the upload was still on the wire when the browser was killed").toEqual([]);
    await expect(first.page.getByRole("listitem").filter({ hasText: name })).not.toContainText("Uploaded");
    expect(first.errors.unexpected(), "console errors before the kill").toEqual([]);
    await killBrowser(first);
    // The cut-off body made nothing on the server.
    expect(await documentsNamed(adminApi, name), "the interrupted upload made no document").toEqual([]);

    // Second run, same profile: the item is still on the device and goes out again.
    const second = await startBrowser(dir, "after the restart");
    const uploads: string[] = [];
    second.context.on("requestfinished", (request) => {
      if (request.method() === "POST" && new URL(request.url()).pathname.endsWith("/api/documents/upload")) {
        uploads.push(request.headers()["idempotency-key"] ?? "none");
      }
    });
    await signInContext(second.context, ADMIN);
    await second.page.goto(`${BASE_URL}/outbox`);
    const region = second.page.getByRole("region", { name: "Outbox" });
    await expect(region.getByRole("listitem").filter({ hasText: name })).toBeVisible();
    await expect(region).toContainText("Nothing is waiting", { timeout: 60_000 });
    await expect(region.getByRole("listitem").filter({ hasText: name })).toContainText("Sent");

    await expect
      .poll(async () => (await documentsNamed(adminApi, name)).length, { timeout: 30_000, intervals: [250, 500, 1000] })
      .toBe(1);
    const [document] = await documentsNamed(adminApi, name);
    expect(document.sha256, "the file arrived intact").toBe(sha256);
    expect(document.job?.attempt ?? 1, "one job, started once").toBe(1);
    // Nothing else arrives later (e.g. the server finishing the cut-off body).
    await second.page.waitForTimeout(1_500);
    expect(await documentsNamed(adminApi, name)).toHaveLength(1);
    expect(uploads.length, "the restarted browser sent the upload once").toBe(1);
    expect(second.errors.unexpected(), "console errors after the restart").toEqual([]);
  });
});
