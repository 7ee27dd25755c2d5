import { createHash } from "node:crypto";
import { readFileSync } from "node:fs";
import { join } from "node:path";
import { type BrowserContext, type Page, type Request } from "@playwright/test";
import type { DocflowApi } from "./support/api";
import { expectNoSeriousA11yViolations } from "./support/axe";
import { ADMIN, AGAINST_NEXT_DEV, SAMPLES_DIR, runId } from "./support/env";
import { expect, signInContext, signInThroughUi, test, type Account } from "./support/fixtures";
import { OFFLINE_NOISE, persistentProfiles } from "./support/profiles";
import { loginReady, uploadReady } from "./support/screens";
import { VIEWPORTS } from "./support/screenshots";

// The outbox (src/offline/, /outbox, the upload screen on top of it): every write is stored on the
// device first and sent by the tab's sync engine, exactly once, as the user who queued it.
//
// These run with or without a service worker (`next dev` registers none): "the server cannot be
// reached" is either the browser offline (context.setOffline, only while a page is loaded) or the
// upload route aborted; a reload happens only while the page itself can load. Each test has its own
// persistent profile (IndexedDB survives closing and reopening it).

const UPLOAD = "**/api/documents/upload";

const { openProfile, closeProfile } = persistentProfiles({
  prefix: "outbox",
  noise: [...OFFLINE_NOISE, /Failed to load resource: the server responded with a status of 401/],
});

interface TestFile {
  name: string;
  mimeType: string;
  buffer: Buffer;
  sha256: string;
}

/** Plain-text invoices (a type the server accepts), unique per run, `kb` kilobytes each. */
function files(prefix: string, count: number, kb = 4): TestFile[] {
  return Array.from({ length: count }, (_, index) => {
    const name = `${prefix}-${String(index + 1).padStart(2, "0")}.txt`;
    const head = `INVOICE ${name}\nVendor: Outbox Test GmbH\nInvoice number: ${prefix}-${index + 1}\nTotal: ${index + 10}.00 EUR\n`;
    const buffer = Buffer.from(head.padEnd(kb * 1024, "."), "utf8");
    return { name, mimeType: "text/plain", buffer, sha256: createHash("sha256").update(buffer).digest("hex") };
  });
}

function outboxRegion(page: Page) {
  return page.getByRole("region", { name: "Outbox" });
}

function uploadRow(page: Page, filename: string) {
  return page.getByRole("listitem").filter({ hasText: filename });
}

/** The documents the server holds under `filename` (each run's names are unique). */
async function documentsNamed(api: DocflowApi, filename: string) {
  const list = await api.documents({ q: filename, limit: 50 });
  return list.items.filter((item) => item.original_filename === filename);
}

/** Every file reached the server exactly once, with its own bytes; its one job started once. */
async function expectEachOnce(api: DocflowApi, sent: TestFile[], timeout = 60_000): Promise<void> {
  await expect
    .poll(async () => (await Promise.all(sent.map((file) => documentsNamed(api, file.name)))).map((found) => found.length), {
      timeout,
      intervals: [250, 500, 1000],
      message: "every queued file should reach the server",
    })
    .toEqual(sent.map(() => 1));
  for (const file of sent) {
    const [document] = await documentsNamed(api, file.name);
    expect(document.sha256, `${file.name} arrived intact`).toBe(file.sha256);
    expect(document.job?.attempt ?? 1, `${file.name} has one job, started once`).toBe(1);
    expect(document.job?.retry_count ?? 0).toBe(0);
  }
  // Nothing stays: a second look a moment later still finds one of each.
  await new Promise((resolve) => setTimeout(resolve, 1500));
  expect((await Promise.all(sent.map((file) => documentsNamed(api, file.name)))).map((found) => found.length)).toEqual(sent.map(() => 1));
}

async function pickAndQueue(page: Page, picked: TestFile[]): Promise<void> {
  await page.getByLabel("Choose files").setInputFiles(picked.map(({ name, mimeType, buffer }) => ({ name, mimeType, buffer })));
  for (const file of picked) await expect(uploadRow(page, file.name)).toContainText("Ready to send");
  await page.getByRole("button", { name: "Upload", exact: true }).click();
}

/** The browser's `online` event: the engine's trigger when the connection returns. */
async function backOnline(page: Page): Promise<void> {
  await page.evaluate(() => window.dispatchEvent(new Event("online")));
}

/** Counts, per Idempotency-Key, the upload requests the server answered (tries that failed offline are not counted). */
function countUploads(context: BrowserContext): Map<string, number> {
  const byKey = new Map<string, number>();
  context.on("requestfinished", (request: Request) => {
    if (request.method() !== "POST" || !new URL(request.url()).pathname.endsWith("/api/documents/upload")) return;
    const key = request.headers()["idempotency-key"] ?? "none";
    byKey.set(key, (byKey.get(key) ?? 0) + 1);
  });
  return byKey;
}

/**
 * True once the service worker controls `page` (production builds); false where none registers
 * (`next dev`), so the tests that need one can skip.
 */
async function workerControls(page: Page): Promise<boolean> {
  const registered = await expect
    .poll(() => page.evaluate(async () => Boolean(await navigator.serviceWorker?.getRegistration())), { timeout: 10_000 })
    .toBe(true)
    .then(() => true)
    .catch(() => false);
  if (!registered) return false;
  await expect
    .poll(() => page.evaluate(async () => (await navigator.serviceWorker.ready).active?.state), { timeout: 30_000 })
    .toBe("activated");
  await expect.poll(() => page.evaluate(() => Boolean(navigator.serviceWorker.controller)), { timeout: 30_000 }).toBe(true);
  return true;
}

test.describe("outbox", () => {
  test("offline: three uploads wait on the device through a reload and a browser restart, then each reaches the server once", async ({ adminApi }) => {
    const run = runId();
    const picked = files(`${run}-offline`, 3);
    let profile = await openProfile();
    await signInContext(profile.context, ADMIN);
    let page = profile.page;
    await page.goto("/upload");
    await uploadReady(page);

    await profile.context.setOffline(true);
    await pickAndQueue(page, picked);
    for (const file of picked) await expect(uploadRow(page, file.name)).toContainText("Saved on this device — will sync");
    await expect(page.getByRole("link", { name: "Outbox 3 items waiting" })).toBeVisible();

    // The page reloads while the server still cannot take uploads.
    await profile.context.route(UPLOAD, (route) => route.abort("internetdisconnected"));
    await profile.context.setOffline(false);
    await page.goto("/outbox");
    const region = outboxRegion(page);
    for (const file of picked) await expect(region.getByRole("listitem").filter({ hasText: file.name })).toContainText(/Waiting/);
    await expect(region).toContainText("3 items on this device");

    // The browser is closed and opened again on the same profile.
    const dir = profile.dir;
    await closeProfile(profile);
    profile = await openProfile(dir);
    page = profile.page;
    await profile.context.route(UPLOAD, (route) => route.abort("internetdisconnected"));
    await signInContext(profile.context, ADMIN);
    await page.goto("/outbox");
    for (const file of picked) await expect(outboxRegion(page).getByRole("listitem").filter({ hasText: file.name })).toBeVisible();
    expect(await documentsNamed(adminApi, picked[0].name)).toEqual([]);

    // Online: each reaches the server once.
    await profile.context.unroute(UPLOAD);
    const requests = countUploads(profile.context);
    await backOnline(page);
    await expect(outboxRegion(page)).toContainText("Nothing is waiting", { timeout: 60_000 });
    for (const file of picked) {
      await expect(page.getByRole("region", { name: "Outbox" }).getByRole("listitem").filter({ hasText: file.name })).toContainText("Sent");
    }
    await expectEachOnce(adminApi, picked);
    expect([...requests.values()].every((count) => count === 1)).toBe(true);
    await expect(page.getByRole("link", { name: "Outbox 0 items waiting" })).toBeVisible();
  });

  test("flapping: ten uploads drain while the connection drops twenty times — no loss, no duplicate", async ({ adminApi }) => {
    test.setTimeout(150_000);
    const run = runId();
    const picked = files(`${run}-flap`, 10, 64);
    const profile = await openProfile();
    await signInContext(profile.context, ADMIN);
    const page = profile.page;
    // Each upload takes a while, so the drops land in the middle of the drain.
    await profile.context.route(UPLOAD, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 500));
      await route.continue().catch(() => undefined);
    });
    await page.goto("/upload");
    await uploadReady(page);
    await pickAndQueue(page, picked);

    const waiting = page.getByRole("link", { name: /^Outbox \d+ items? waiting$/ });
    let waitingMidway = "";
    for (let flap = 0; flap < 20; flap += 1) {
      if (flap === 10) waitingMidway = (await waiting.textContent())?.replace(/\s+/g, " ").trim() ?? "";
      await profile.context.setOffline(true);
      await page.waitForTimeout(80 + (flap % 3) * 60);
      await profile.context.setOffline(false);
      await page.waitForTimeout(120 + (flap % 4) * 50);
    }

    expect(waitingMidway, "the drops happened while uploads were still waiting").toMatch(/^Outbox ?[1-9]\d* ?items? waiting$/);

    await expectEachOnce(adminApi, picked, 90_000);
    for (const file of picked) await expect(uploadRow(page, file.name)).toContainText("Uploaded", { timeout: 30_000 });
    await expect(page.getByRole("link", { name: "Outbox 0 items waiting" })).toBeVisible();
  });

  test("lost response: the server took the upload but the answer never came — the replay creates nothing new and the item ends sent", async ({ adminApi }) => {
    const run = runId();
    const [file] = files(`${run}-lost`, 1);
    const profile = await openProfile();
    await signInContext(profile.context, ADMIN);
    const page = profile.page;
    const keys: string[] = [];
    await profile.context.route(UPLOAD, async (route, request) => {
      keys.push((await request.headerValue("idempotency-key")) ?? "");
      if (keys.length === 1) {
        // The request reaches the server, which stores the file; the reply is lost on the way back.
        const response = await route.fetch();
        expect(response.status()).toBe(202);
        await route.abort("connectionreset");
        return;
      }
      await route.continue();
    });
    await page.goto("/upload");
    await uploadReady(page);
    await pickAndQueue(page, [file]);

    await expect(uploadRow(page, file.name)).toContainText("Uploaded", { timeout: 30_000 });
    expect(keys.length).toBeGreaterThanOrEqual(2);
    expect(new Set(keys).size, "every try carries the key made when the file was picked").toBe(1);
    await expectEachOnce(adminApi, [file]);

    await page.goto("/outbox");
    const sent = page.getByRole("region", { name: "Outbox" }).getByRole("listitem").filter({ hasText: file.name });
    await expect(sent).toContainText("Sent");
    await expect(sent).toContainText(/Attempts\s*2/);
  });

  test("two tabs on one queue: each item is sent once", async ({ adminApi }) => {
    const run = runId();
    const picked = files(`${run}-tabs`, 6);
    const profile = await openProfile();
    await signInContext(profile.context, ADMIN);
    const first = profile.page;
    const second = await profile.context.newPage();
    profile.errors.watch(second, "second tab");
    const requests = countUploads(profile.context);
    await first.goto("/upload");
    await uploadReady(first);
    await second.goto("/outbox");
    await expect(outboxRegion(second)).toBeVisible();

    // Queued while offline, so both tabs wake up together when the connection returns.
    await profile.context.setOffline(true);
    await pickAndQueue(first, picked);
    for (const file of picked) await expect(uploadRow(first, file.name)).toContainText("Saved on this device — will sync");
    // The other tab sees them at once (same database).
    for (const file of picked) await expect(outboxRegion(second).getByRole("listitem").filter({ hasText: file.name })).toBeVisible();
    await profile.context.setOffline(false);

    await expect(outboxRegion(second)).toContainText("Nothing is waiting", { timeout: 60_000 });
    await expectEachOnce(adminApi, picked);
    expect(requests.size).toBe(picked.length);
    expect([...requests.values()], "no key was sent twice").toEqual(picked.map(() => 1));
    for (const file of picked) await expect(uploadRow(first, file.name)).toContainText("Uploaded");
  });

  test("sign out and in as another user: the first user's items are not sent as the second, and go once the first is back", async ({ adminApi }) => {
    test.setTimeout(120_000);
    const run = runId();
    const picked = files(`${run}-owner`, 2);
    const other: Account = { email: `reviewer-${run}@docflow.local`, password: "reviewer-password-1", role: "reviewer" };
    await adminApi.createUser(other.email, other.role, other.password);

    const profile = await openProfile();
    await signInContext(profile.context, ADMIN);
    const page = profile.page;
    await page.goto("/upload");
    await uploadReady(page);
    await profile.context.route(UPLOAD, (route) => route.abort("internetdisconnected"));
    await pickAndQueue(page, picked);
    for (const file of picked) await expect(uploadRow(page, file.name)).toContainText("Saved on this device — will sync");

    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/login/);
    await loginReady(page);
    await profile.context.unroute(UPLOAD);
    const requests = countUploads(profile.context);
    await signInThroughUi(page, other);
    await expect(page).not.toHaveURL(/\/login/);
    await page.goto("/outbox");
    const region = outboxRegion(page);
    await expect(region).toContainText("2 items were queued on this device by another account");
    for (const file of picked) await expect(region).not.toContainText(file.name);
    await backOnline(page);
    await page.waitForTimeout(3000);
    expect(requests.size, "nothing of the first user's was sent as the second").toBe(0);
    for (const file of picked) expect(await documentsNamed(adminApi, file.name)).toEqual([]);

    // The first user signs in again: their items go, once.
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL(/\/login/);
    await signInThroughUi(page, ADMIN);
    await expect(page).not.toHaveURL(/\/login/);
    await expectEachOnce(adminApi, picked);
    expect([...requests.values()]).toEqual(picked.map(() => 1));
  });

  test("the Outbox and upload screens with waiting, refused and sent files: state in words, Discard asks first, axe finds nothing serious", async ({ adminApi }) => {
    const run = runId();
    const [good, waiting] = files(`${run}-a11y`, 2);
    const empty = { name: `${run}-a11y-empty.txt`, mimeType: "text/plain", buffer: Buffer.alloc(0), sha256: "" };
    const profile = await openProfile();
    // The refused file's 422 is the answer under test; Chromium logs it.
    profile.errors.allow(/Failed to load resource: the server responded with a status of 422/);
    await signInContext(profile.context, ADMIN);
    const page = profile.page;
    await page.goto("/upload");
    await uploadReady(page);
    await pickAndQueue(page, [good, empty]);
    await expect(uploadRow(page, good.name)).toContainText("Uploaded", { timeout: 30_000 });
    await expect(uploadRow(page, empty.name)).toContainText("The server refused this file: The file is empty.");
    await profile.context.route(UPLOAD, (route) => route.abort("internetdisconnected"));
    await pickAndQueue(page, [waiting]);
    await expect(uploadRow(page, waiting.name)).toContainText("Saved on this device — will sync");
    await expect(uploadRow(page, waiting.name)).toContainText("Not sent yet");
    await expectNoSeriousA11yViolations(page, "upload with queued files (desktop)");

    await page.goto("/outbox");
    const region = outboxRegion(page);
    const item = (name: string) => region.getByRole("listitem").filter({ hasText: name });
    await expect(item(waiting.name)).toContainText("Waiting to try again");
    await expect(item(empty.name)).toContainText("Failed");
    await expect(item(empty.name)).toContainText("The server said: The file is empty.");
    await expect(item(good.name)).toContainText("Sent");
    await expect(item(good.name).getByRole("link", { name: "Open document" })).toBeVisible();
    await expect(item(good.name).getByRole("button", { name: "Discard" })).toHaveCount(0);
    await expect(region).toContainText(/Storage on this device/);
    await expectNoSeriousA11yViolations(page, "outbox (desktop)");
    await page.setViewportSize(VIEWPORTS.phone);
    await expectNoSeriousA11yViolations(page, "outbox (phone)");

    // Discarding a file not sent yet asks first; "Keep it" keeps it.
    await item(waiting.name).getByRole("button", { name: "Discard" }).click();
    const dialog = page.getByRole("dialog", { name: "Discard this file?" });
    await expect(dialog).toContainText(waiting.name);
    await dialog.getByRole("button", { name: "Keep it" }).click();
    await expect(item(waiting.name)).toBeVisible();
    await item(waiting.name).getByRole("button", { name: "Discard" }).click();
    await dialog.getByRole("button", { name: "Discard" }).click();
    await expect(item(waiting.name)).toHaveCount(0);
    // A refused file goes at once (nothing is lost).
    await item(empty.name).getByRole("button", { name: "Discard" }).click();
    await expect(item(empty.name)).toHaveCount(0);
    await expect(region).toContainText("Nothing is waiting");
    await profile.context.unroute(UPLOAD);
    await backOnline(page);
    await page.waitForTimeout(1500);
    expect(await documentsNamed(adminApi, waiting.name)).toEqual([]);
  });

  test("with the service worker: queued offline, reopened offline, still queued; online, each sent once", async ({ adminApi }) => {
    const run = runId();
    const picked = files(`${run}-sw`, 3);
    let profile = await openProfile();
    await signInContext(profile.context, ADMIN);
    let page = profile.page;
    await page.goto("/upload");
    await uploadReady(page);
    const controlled = await workerControls(page);
    test.skip(AGAINST_NEXT_DEV && !controlled, "DOCFLOW_E2E_NEXT_DEV=1: next dev registers no service worker");
    expect(controlled, "the service worker of the production build controls the page").toBe(true);
    // Load the outbox screen once online, so its code is cached like every screen's.
    await page.goto("/outbox");
    await expect(outboxRegion(page)).toBeVisible();
    await page.goto("/upload");
    await uploadReady(page);

    await profile.context.setOffline(true);
    await pickAndQueue(page, picked);
    for (const file of picked) await expect(uploadRow(page, file.name)).toContainText("Saved on this device — will sync");
    await page.goto("/outbox");
    for (const file of picked) await expect(outboxRegion(page).getByRole("listitem").filter({ hasText: file.name })).toContainText("Waiting — offline");

    // The browser is closed and reopened on the same profile, still offline.
    const dir = profile.dir;
    await closeProfile(profile);
    profile = await openProfile(dir);
    page = profile.page;
    await signInContext(profile.context, ADMIN);
    // Online just long enough for the worker to start (it keeps its own network otherwise:
    // PWA-NOTES), with uploads refused meanwhile so nothing leaves before the offline reload.
    await profile.context.route(UPLOAD, (route) => route.abort("internetdisconnected"));
    await page.goto("/outbox");
    await workerControls(page);
    await profile.context.setOffline(true);
    await page.reload();
    for (const file of picked) await expect(outboxRegion(page).getByRole("listitem").filter({ hasText: file.name })).toBeVisible();
    await expect(outboxRegion(page)).toContainText("You're offline");
    expect(await documentsNamed(adminApi, picked[0].name)).toEqual([]);

    await profile.context.unroute(UPLOAD);
    const requests = countUploads(profile.context);
    await profile.context.setOffline(false);
    await expect(outboxRegion(page)).toContainText("Nothing is waiting", { timeout: 60_000 });
    await expectEachOnce(adminApi, picked);
    expect([...requests.values()]).toEqual(picked.map(() => 1));
  });

  test("a file shared to the app lands in the outbox and reaches the server once", async ({ adminApi }) => {
    const run = runId();
    const filename = `${run}-shared-invoice.pdf`;
    const bytes = readFileSync(join(SAMPLES_DIR, "invoice-01-us.pdf"));
    const profile = await openProfile();
    await signInContext(profile.context, ADMIN);
    const page = profile.page;
    await page.goto("/outbox");
    await expect(outboxRegion(page)).toBeVisible();
    const controlled = await workerControls(page);
    test.skip(AGAINST_NEXT_DEV && !controlled, "DOCFLOW_E2E_NEXT_DEV=1: next dev registers no service worker");
    expect(controlled, "the service worker of the production build controls the page").toBe(true);

    // What the share sheet does: a multipart POST to the manifest's share_target action.
    const landed = await page.evaluate(
      async ({ name, data }) => {
        const form = new FormData();
        form.append("title", "Shared invoice");
        form.append("files", new File([new Uint8Array(data)], name, { type: "application/pdf" }));
        const response = await fetch("/share-target", { method: "POST", body: form });
        return response.url;
      },
      { name: filename, data: [...bytes] },
    );
    expect(new URL(landed).pathname + new URL(landed).search).toBe("/outbox?shared=1");
    await page.goto(landed);
    await expect(page.getByRole("status").filter({ hasText: "1 shared file was added to the outbox" })).toContainText(filename);
    await expect(page).toHaveURL(/\/outbox$/);
    const item = outboxRegion(page).getByRole("listitem").filter({ hasText: filename });
    await expect(item).toContainText("Sent", { timeout: 30_000 });
    await expectEachOnce(adminApi, [{ name: filename, mimeType: "application/pdf", buffer: bytes, sha256: createHash("sha256").update(bytes).digest("hex") }]);
    // The share inbox is empty: a reload adds nothing again.
    await page.reload();
    await expect(outboxRegion(page)).toBeVisible();
    expect(await page.evaluate(async () => (await (await caches.open("docflow-share-inbox")).keys()).length)).toBe(0);
  });
});
