import { fieldValue } from "./support/api";
import { ADMIN, runId } from "./support/env";
import { expect, test } from "./support/fixtures";
import { reviewReady } from "./support/screens";

test("two reviewers save the same document: the second gets the conflict view and resolves it", async ({ adminApi, openPage, consoleErrors }) => {
  // The stale save's 412 answer is what this test provokes; Chromium logs it as a failed resource.
  consoleErrors.allow(/Failed to load resource: the server responded with a status of 412.*\/review/);
  const run = runId();
  const document = await adminApi.processedSample("invoice-04-fr.pdf", `${run}-invoice-04-fr.pdf`);
  const reviewer = { email: `reviewer-${run}@docflow.local`, password: "reviewer-password-1" };
  await adminApi.createUser(reviewer.email, "reviewer", reviewer.password);

  // Both open the document (two browser contexts: two people).
  const first = await openPage(ADMIN, "admin");
  const second = await openPage(reviewer, "reviewer");
  for (const page of [first, second]) {
    await page.goto(`/documents/${document.id}`);
    await reviewReady(page);
  }

  // The second starts editing; meanwhile the first saves two fields.
  await second.getByLabel("Vendor name", { exact: true }).fill(`Vendor from the second ${run}`);
  await first.getByLabel("Vendor name", { exact: true }).fill(`Vendor from the first ${run}`);
  await first.getByLabel("Invoice number", { exact: true }).fill(`FIRST-${run}`);
  const firstSave = first.waitForResponse((r) => r.url().endsWith("/review") && r.request().method() === "PUT");
  await first.getByRole("button", { name: "Save", exact: true }).click();
  expect((await firstSave).status()).toBe(200);

  // The second saves on the version it loaded: 412, and the conflict view shows, per field,
  // the second reviewer's value and the server's.
  const staleSave = second.waitForResponse((r) => r.url().endsWith("/review") && r.request().method() === "PUT");
  await second.getByRole("button", { name: "Save", exact: true }).click();
  expect((await staleSave).status()).toBe(412);
  const conflict = second.getByRole("dialog");
  await expect(conflict).toBeVisible();
  const vendorChoice = conflict.getByRole("group", { name: /Vendor name/ });
  await expect(vendorChoice).toContainText(`Vendor from the second ${run}`);
  await expect(vendorChoice).toContainText(`Vendor from the first ${run}`);
  // The first reviewer's other change is not lost.
  await expect(conflict).toContainText(`FIRST-${run}`);

  // Keep the second reviewer's vendor; the save lands on the new version.
  await vendorChoice.getByRole("radio", { name: /mine/i }).check();
  const resolvedSave = second.waitForResponse((r) => r.url().endsWith("/review") && r.request().method() === "PUT");
  await conflict.getByRole("button", { name: /save/i }).click();
  expect((await resolvedSave).status()).toBe(200);
  await expect(conflict).toBeHidden();

  const saved = (await adminApi.document(document.id)).document;
  expect(fieldValue(saved, "vendor_name")).toBe(`Vendor from the second ${run}`);
  expect(fieldValue(saved, "invoice_number")).toBe(`FIRST-${run}`);
  await expect(second.getByLabel("Vendor name", { exact: true })).toHaveValue(`Vendor from the second ${run}`);
  await expect(second.getByLabel("Invoice number", { exact: true })).toHaveValue(`FIRST-${run}`);
  // The first reviewer's screen follows live.
  await expect(first.getByLabel("Vendor name", { exact: true })).toHaveValue(`Vendor from the second ${run}`);
});
