import { type BrowserContext, type Page, type Request } from "@playwright/test";
import { fieldValue, type DocflowApi } from "./support/api";
import { ADMIN, runId } from "./support/env";
import { expect, signInContext, test } from "./support/fixtures";
import { OFFLINE_NOISE, persistentProfiles, type Profile } from "./support/profiles";
import { documentRow, loadedOnline, reviewReady, uploadReady } from "./support/screens";

// The review screen on top of the outbox: a save or finalize made offline is stored on the device
// at once ("Saved on this device — will sync"), survives a reload, and reaches the server once, in
// order, when the connection returns; a queued edit that meets someone else's newer version opens
// the per-field conflict view.
//
// Like outbox.spec, these run with or without a service worker (`next dev` registers none): the
// browser goes offline only while a page is loaded; a reload happens while the page itself can load
// and only the writes cannot reach the server (their routes are aborted).

const REVIEW = "**/api/documents/*/review";
const FINALIZE = "**/api/documents/*/finalize";

const { openProfile, closeProfile } = persistentProfiles({
  prefix: "review-offline",
  noise: [...OFFLINE_NOISE, /Failed to load resource: the server responded with a status of 412.*\/review/],
});

/** The browser's `online` event: the engine's trigger when the connection returns. */
async function backOnline(profile: Profile): Promise<void> {
  await profile.context.setOffline(false);
  await profile.page.evaluate(() => window.dispatchEvent(new Event("online")));
}

/** The writes of one document the server answered, in the order they finished. */
function recordWrites(context: BrowserContext, documentId: string): Write[] {
  const finished: Write[] = [];
  context.on("requestfinished", (request: Request) => {
    const path = new URL(request.url()).pathname;
    if (!path.startsWith(`/api/documents/${documentId}/`) || request.method() === "GET") return;
    void request.response().then((response) => finished.push({ method: request.method(), path, status: response?.status() ?? 0 }));
  });
  return finished;
}

type Write = { method: string; path: string; status: number };

/**
 * The queued edit reached the server once, then the finalize: answered in that order, the version
 * moved on exactly twice (an edit applied twice would move it three times), and the export holds it.
 */
async function expectEditThenFinalizeLanded(api: DocflowApi, documentId: string, writes: Write[], vendor: string, startVersion: number): Promise<void> {
  const answered = writes.filter((write) => write.status > 0);
  expect(answered.map((write) => `${write.method} ${write.path.split("/").pop()} ${write.status}`)).toEqual(["PUT review 200", "POST finalize 200"]);
  const saved = (await api.document(documentId)).document;
  expect(fieldValue(saved, "vendor_name")).toBe(vendor);
  expect(saved.extraction?.version).toBe(startVersion + 2);
  expect(saved.current_status).toBe("finalized");
  const exported = await api.http.get(`/api/documents/${documentId}/export/json`);
  expect(exported.status()).toBe(200);
  const record = (await exported.json()) as { fields: Record<string, string | null> };
  expect(record.fields.vendor_name).toBe(vendor);
}

function syncStatus(page: Page) {
  return page.getByRole("status").filter({ hasText: "Saved on this device — will sync" });
}

const UPLOAD = "**/api/documents/upload";

/** Writes cannot reach the server (the pages still load: with or without a service worker). */
async function refuseWrites(context: BrowserContext): Promise<void> {
  for (const pattern of [REVIEW, FINALIZE, UPLOAD]) await context.route(pattern, (route) => route.abort("internetdisconnected"));
}

async function allowWrites(context: BrowserContext): Promise<void> {
  for (const pattern of [REVIEW, FINALIZE, UPLOAD]) await context.unroute(pattern);
}

test.describe("review offline", () => {
  test("a whole offline session: 3 uploads, an edit and a finalize wait through a reload and a browser restart, then each lands once, in order, live on the dashboard", async ({
    adminApi,
  }) => {
    const run = runId();
    const document = await adminApi.processedSample("invoice-05-ch.pdf", `${run}-invoice-05-ch.pdf`);
    const startVersion = document.extraction?.version ?? 0;
    const vendor = `Session Vendor ${run}`;
    const uploads = [1, 2, 3].map((n) => ({
      name: `${run}-session-${n}.txt`,
      mimeType: "text/plain",
      buffer: Buffer.from(`INVOICE ${run}-${n}\nVendor: Session Test AG\nInvoice number: S-${n}\nTotal: ${n}0.00 CHF\n`.padEnd(4096, "."), "utf8"),
    }));

    let profile = await openProfile();
    await signInContext(profile.context, ADMIN);
    let page = profile.page;
    const writes = recordWrites(profile.context, document.id);
    await page.goto(`/documents/${document.id}`);
    await reviewReady(page);
    await loadedOnline(page);

    // Offline: the edit, then a finalize after it.
    await profile.context.setOffline(true);
    await page.getByLabel("Vendor name", { exact: true }).fill(vendor);
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await expect(syncStatus(page)).toBeVisible();
    await page.getByRole("button", { name: "Finalize", exact: true }).click();
    await page.getByRole("dialog").getByRole("button", { name: /^(Finalize|Confirm)$/ }).click();
    await expect(page.getByRole("status").filter({ hasText: "Finalize queued — will sync" })).toBeVisible();

    // Three uploads, still without a way to the server.
    await refuseWrites(profile.context);
    await profile.context.setOffline(false);
    await page.goto("/upload");
    await uploadReady(page);
    await page.getByLabel("Choose files").setInputFiles(uploads);
    await page.getByRole("button", { name: "Upload", exact: true }).click();
    for (const file of uploads) {
      await expect(page.getByRole("listitem").filter({ hasText: file.name })).toContainText("Saved on this device — will sync");
    }
    await expect(page.getByRole("link", { name: "Outbox 5 items waiting" })).toBeVisible();

    // A reload, then the browser closed and opened again on the same profile: all still queued.
    await page.reload();
    await expect(page.getByRole("link", { name: "Outbox 5 items waiting" })).toBeVisible();
    const dir = profile.dir;
    await closeProfile(profile);
    profile = await openProfile(dir);
    page = profile.page;
    await refuseWrites(profile.context);
    const reopenedWrites = recordWrites(profile.context, document.id);
    await signInContext(profile.context, ADMIN);
    await page.goto("/");
    await expect(page.getByRole("link", { name: "Outbox 5 items waiting" })).toBeVisible();
    expect(fieldValue((await adminApi.document(document.id)).document, "vendor_name")).not.toBe(vendor);

    // Online: the dashboard shows the uploads arrive and finish, live (no reload).
    await allowWrites(profile.context);
    await backOnline(profile);
    await expect(page.getByRole("link", { name: "Outbox 0 items waiting" })).toBeVisible({ timeout: 60_000 });
    for (const file of uploads) {
      await expect(documentRow(page, file.name)).toBeVisible({ timeout: 30_000 });
      await expect(documentRow(page, file.name)).toContainText("Completed", { timeout: 60_000 });
    }

    // Each reached the server once; the edit before the finalize; the export holds the edit.
    for (const file of uploads) {
      const found = (await adminApi.documents({ q: file.name, limit: 50 })).items.filter((d) => d.original_filename === file.name);
      expect(found, `${file.name} once`).toHaveLength(1);
      expect(found[0].job?.attempt ?? 1).toBe(1);
    }
    await expectEditThenFinalizeLanded(adminApi, document.id, [...writes, ...reopenedWrites], vendor, startVersion);
  });

  test("an edit and a finalize made offline wait on the device through a reload, then land once and in order", async ({ adminApi }) => {
    const run = runId();
    const document = await adminApi.processedSample("invoice-03-de.pdf", `${run}-invoice-03-de.pdf`);
    const startVersion = document.extraction?.version ?? 0;
    const vendor = `Offline Vendor ${run}`;

    const profile = await openProfile();
    await signInContext(profile.context, ADMIN);
    const page = profile.page;
    const writes = recordWrites(profile.context, document.id);
    await page.goto(`/documents/${document.id}`);
    await reviewReady(page);
    await loadedOnline(page);

    // Offline: the save is stored on the device at once, and the form is free again.
    await profile.context.setOffline(true);
    await page.getByLabel("Vendor name", { exact: true }).fill(vendor);
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await expect(syncStatus(page)).toBeVisible();
    await expect(page.getByRole("button", { name: "Save", exact: true })).toBeEnabled();
    await expect(page.getByText("No unsaved changes")).toBeVisible();

    // The page reloads while the server still cannot take the writes: the queued value is shown.
    await profile.context.route(REVIEW, (route) => route.abort("internetdisconnected"));
    await profile.context.route(FINALIZE, (route) => route.abort("internetdisconnected"));
    await profile.context.setOffline(false);
    await page.reload();
    await reviewReady(page);
    await expect(syncStatus(page)).toBeVisible();
    await expect(page.getByLabel("Vendor name", { exact: true })).toHaveValue(vendor);
    expect(fieldValue((await adminApi.document(document.id)).document, "vendor_name")).not.toBe(vendor);

    // A finalize queued behind the edit: said, and the form is locked here.
    await page.getByRole("button", { name: "Finalize", exact: true }).click();
    const dialog = page.getByRole("dialog");
    await dialog.getByRole("button", { name: /^(Finalize|Confirm)$/ }).click();
    await expect(dialog).toBeHidden();
    await expect(page.getByRole("status").filter({ hasText: "Finalize queued — will sync" })).toBeVisible();
    await expect(page.getByLabel("Vendor name", { exact: true })).not.toBeEditable();

    // The connection returns: the edit reaches the server once, then the finalize.
    await profile.context.unroute(REVIEW);
    await profile.context.unroute(FINALIZE);
    await backOnline(profile);
    await expect(page.getByText("Finalized — read only")).toBeVisible({ timeout: 30_000 });
    await expect(syncStatus(page)).toHaveCount(0);
    await expect(page.getByLabel("Vendor name", { exact: true })).toHaveValue(vendor);

    await expectEditThenFinalizeLanded(adminApi, document.id, writes, vendor, startVersion);
  });

  test("conflict: an edit queued offline meets another reviewer's newer save; the conflict view lets the reviewer keep theirs", async ({
    adminApi,
    openPage,
    consoleErrors,
  }) => {
    consoleErrors.allow(/Failed to load resource: the server responded with a status of 412.*\/review/);
    const run = runId();
    const document = await adminApi.processedSample("invoice-10-it.pdf", `${run}-invoice-10-it.pdf`);
    const mine = `Mine offline ${run}`;
    const theirs = `Theirs online ${run}`;

    const profile = await openProfile();
    await signInContext(profile.context, ADMIN);
    const page = profile.page;
    await page.goto(`/documents/${document.id}`);
    await reviewReady(page);
    await loadedOnline(page);

    // Offline, this reviewer saves a vendor; it waits on the device.
    await profile.context.setOffline(true);
    await page.getByLabel("Vendor name", { exact: true }).fill(mine);
    await page.getByRole("button", { name: "Save", exact: true }).click();
    await expect(syncStatus(page)).toBeVisible();

    // Meanwhile another reviewer, online, saves a different vendor.
    const other = await openPage(ADMIN, "online reviewer");
    await other.goto(`/documents/${document.id}`);
    await reviewReady(other);
    await other.getByLabel("Vendor name", { exact: true }).fill(theirs);
    const otherSave = other.waitForResponse((r) => r.url().endsWith("/review") && r.request().method() === "PUT");
    await other.getByRole("button", { name: "Save", exact: true }).click();
    expect((await otherSave).status()).toBe(200);

    // Back online: the queued edit meets the newer version — the conflict view, per field.
    await backOnline(profile);
    const conflict = page.getByRole("dialog");
    await expect(conflict).toBeVisible({ timeout: 30_000 });
    const vendorChoice = conflict.getByRole("group", { name: /Vendor name/ });
    await expect(vendorChoice).toContainText(mine);
    await expect(vendorChoice).toContainText(theirs);

    await vendorChoice.getByRole("radio", { name: /mine/i }).check();
    const resolved = page.waitForResponse((r) => r.url().endsWith("/review") && r.request().method() === "PUT" && r.status() === 200);
    await conflict.getByRole("button", { name: /save/i }).click();
    await resolved;
    await expect(conflict).toBeHidden();

    await expect.poll(async () => fieldValue((await adminApi.document(document.id)).document, "vendor_name")).toBe(mine);
    await expect(page.getByLabel("Vendor name", { exact: true })).toHaveValue(mine);
    await expect(syncStatus(page)).toHaveCount(0);
    // The other reviewer's screen follows live.
    await expect(other.getByLabel("Vendor name", { exact: true })).toHaveValue(mine);
  });
});
