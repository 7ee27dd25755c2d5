import { readFileSync } from "node:fs";
import { join } from "node:path";
import { fieldValue } from "./support/api";
import { BROKEN_SAMPLE, SAMPLE_INVOICES, SAMPLES_DIR, runId } from "./support/env";
import { expect, test } from "./support/fixtures";
import { dashboardReady, documentRow, reviewReady, uploadReady } from "./support/screens";
import { screenshotAllSizes } from "./support/screenshots";

/** Splits one CSV line (the export quotes cells that hold commas or quotes). */
function csvCells(line: string): string[] {
  const cells: string[] = [];
  let cell = "";
  let quoted = false;
  for (let i = 0; i < line.length; i++) {
    const char = line[i];
    if (quoted) {
      if (char === '"' && line[i + 1] === '"') {
        cell += '"';
        i++;
      } else if (char === '"') quoted = false;
      else cell += char;
    } else if (char === '"') quoted = true;
    else if (char === ",") {
      cells.push(cell);
      cell = "";
    } else cell += char;
  }
  cells.push(cell);
  return cells;
}

test("seed scenario: upload the samples, watch them finish live, retry the failure, correct, finalize and export", async ({
  adminPage: page,
  adminApi,
  consoleErrors,
}) => {
  test.setTimeout(10 * 60_000);
  expect(SAMPLE_INVOICES, "samples/ holds the 13 sample invoices").toHaveLength(13);
  const run = runId();
  const files = [...SAMPLE_INVOICES, BROKEN_SAMPLE].map((sample) => ({ sample, name: `${run}-${sample}` }));

  // The dashboard is open, filtered to this run, before anything is uploaded: every row must
  // arrive and reach its final state there without a reload. Tall enough to show all 14 rows
  // (the list is virtualised).
  const dashboard = await page.context().newPage();
  consoleErrors.watch(dashboard, "dashboard");
  await dashboard.setViewportSize({ width: 1440, height: 2400 });
  await dashboard.goto("/");
  await dashboardReady(dashboard);
  await dashboard.getByLabel("Search", { exact: true }).fill(run);

  // Upload: pick the 13 invoices and the broken file, each listed by name, then "Upload".
  await page.goto("/upload");
  await uploadReady(page);
  await page.getByLabel("Choose files").setInputFiles(
    files.map((file) => ({ name: file.name, mimeType: "application/pdf", buffer: readFileSync(join(SAMPLES_DIR, file.sample)) })),
  );
  for (const file of files) {
    await expect(page.getByRole("listitem").filter({ hasText: file.name })).toHaveCount(1);
  }
  await page.getByRole("button", { name: "Upload", exact: true }).click();

  // Every file reaches its final state on the dashboard, live.
  await dashboard.bringToFront();
  for (const file of files) {
    const expected = file.sample === BROKEN_SAMPLE ? "Failed" : "Completed";
    await expect(documentRow(dashboard, file.name), `${file.name} ends ${expected}`).toContainText(expected, { timeout: 180_000 });
  }
  const listed = await adminApi.documents({ q: run, limit: 50 });
  expect(listed.items).toHaveLength(files.length);
  await screenshotAllSizes(page, "upload-results");

  // Retry the failed one: a new attempt runs (and fails again — the file is broken).
  const brokenName = `${run}-${BROKEN_SAMPLE}`;
  const broken = listed.items.find((item) => item.original_filename === brokenName);
  expect(broken?.job, "the broken file has a job").toBeTruthy();
  const jobId = broken!.job!.id;
  expect((await adminApi.job(jobId)).attempt).toBe(1);
  const brokenRow = documentRow(dashboard, brokenName);
  await brokenRow.getByRole("button", { name: "Retry" }).click();
  await expect
    .poll(async () => {
      const job = await adminApi.job(jobId);
      return `${job.attempt} ${job.status}`;
    }, { timeout: 120_000 })
    .toBe("2 failed");
  await expect(brokenRow).toContainText("Failed");
  await expect(brokenRow.getByRole("button", { name: "Retry" })).toBeVisible();
  // The review page's timeline shows the second attempt.
  await dashboard.goto(`/documents/${broken!.id}`);
  await expect(dashboard.getByRole("region", { name: /timeline/i })).toContainText(/attempt 2/i);
  await dashboard.close();

  // Open a completed one from the dashboard, correct two fields, save, finalize.
  const chosen = `${run}-invoice-02-gb.pdf`;
  await page.goto("/");
  await dashboardReady(page);
  await page.getByLabel("Search", { exact: true }).fill(chosen);
  await expect(page).toHaveURL(new RegExp(chosen.replace(/\./g, "\\."))); // the debounced filter is applied
  await expect(documentRow(page, run)).toHaveCount(1);
  await documentRow(page, chosen).getByRole("link", { name: chosen }).click();
  await expect(page).toHaveURL(/\/documents\/[0-9a-f-]{36}$/);
  await reviewReady(page);
  const documentId = page.url().split("/").pop()!;

  const vendor = `Corrected Vendor ${run} Ltd`;
  const invoiceNumber = `INV-${run.toUpperCase()}`;
  await page.getByLabel("Vendor name", { exact: true }).fill(vendor);
  await page.getByLabel("Invoice number", { exact: true }).fill(invoiceNumber);
  const saved = page.waitForResponse((r) => r.url().endsWith(`/api/documents/${documentId}/review`) && r.request().method() === "PUT");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  expect((await saved).status()).toBe(200);
  const afterSave = (await adminApi.document(documentId)).document;
  expect(fieldValue(afterSave, "vendor_name")).toBe(vendor);
  expect(fieldValue(afterSave, "invoice_number")).toBe(invoiceNumber);

  await page.getByRole("button", { name: "Finalize", exact: true }).click();
  const dialog = page.getByRole("dialog");
  await expect(dialog).toBeVisible();
  await dialog.getByRole("button", { name: /^(Finalize|Confirm)$/ }).click();
  await expect(dialog).toBeHidden();
  await expect(page.getByText("Finalized", { exact: true }).first()).toBeVisible();
  await expect(page.getByLabel("Vendor name", { exact: true })).not.toBeEditable();
  const save = page.getByRole("button", { name: "Save", exact: true });
  if ((await save.count()) > 0) await expect(save).toBeDisabled();

  // Export JSON and CSV: the downloaded files carry the corrected values.
  const jsonDownload = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export JSON" }).click();
  const json = JSON.parse(readFileSync((await (await jsonDownload).path())!, "utf8")) as { fields: Record<string, string | null> };
  expect(json.fields.vendor_name).toBe(vendor);
  expect(json.fields.invoice_number).toBe(invoiceNumber);

  const csvDownload = page.waitForEvent("download");
  await page.getByRole("button", { name: "Export CSV" }).click();
  const [header, row] = readFileSync((await (await csvDownload).path())!, "utf8").trim().split(/\r?\n/).map(csvCells);
  expect(row[header.indexOf("vendor_name")]).toBe(vendor);
  expect(row[header.indexOf("invoice_number")]).toBe(invoiceNumber);
  expect(row[header.indexOf("filename")]).toBe(chosen);
});
