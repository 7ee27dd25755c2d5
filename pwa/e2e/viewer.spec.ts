import { BROKEN_SAMPLE, runId } from "./support/env";
import { expect, test } from "./support/fixtures";
import { dashboardReady, documentRow, reviewReady } from "./support/screens";

test("a viewer sees no write controls, and a direct write attempt is refused with 403", async ({ adminApi, viewer, openPage, consoleErrors }) => {
  // The refused write below is the point of the test; Chromium logs its 403 as a failed resource.
  consoleErrors.allow(/Failed to load resource: the server responded with a status of 403.*\/review/);
  const run = runId();
  const completed = await adminApi.processedSample("invoice-05-ch.pdf", `${run}-invoice-05-ch.pdf`);
  await adminApi.processedSample(BROKEN_SAMPLE, `${run}-${BROKEN_SAMPLE}`, "failed");
  const page = await openPage(viewer, "viewer");

  // Dashboard: the rows, no Upload, no Retry or Cancel (a failed row would offer Retry).
  await page.goto("/");
  await dashboardReady(page);
  await page.getByLabel("Search", { exact: true }).fill(run);
  await expect(documentRow(page, `${run}-${BROKEN_SAMPLE}`)).toContainText("Failed");
  await expect(documentRow(page, `${run}-invoice-05-ch.pdf`)).toContainText("Completed");
  await expect(page.getByRole("banner")).toContainText(/viewer/i);
  for (const name of ["Upload", "Retry", "Cancel"]) {
    await expect(page.getByRole("button", { name, exact: true }), `no "${name}" button`).toHaveCount(0);
    await expect(page.getByRole("link", { name, exact: true }), `no "${name}" link`).toHaveCount(0);
  }

  // Review: the fields and exports, no Save or Finalize.
  await page.goto(`/documents/${completed.id}`);
  await reviewReady(page);
  await expect(page.getByRole("button", { name: "Export JSON" })).toBeVisible();
  for (const name of ["Save", "Finalize", "Retry", "Cancel"]) {
    await expect(page.getByRole("button", { name, exact: true }), `no "${name}" button`).toHaveCount(0);
  }
  await expect(page.getByLabel("Vendor name", { exact: true })).not.toBeEditable();

  // Upload: no file input and no Upload button.
  await page.goto("/upload");
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await expect(page.getByLabel("Choose files")).toHaveCount(0);
  await expect(page.getByRole("button", { name: "Upload", exact: true })).toHaveCount(0);

  // A write the screens do not offer, sent anyway with the viewer's session: 403 and the message.
  const refused = await page.evaluate(async (id) => {
    const me = await (await fetch("/api/auth/me")).json();
    const document = await fetch(`/api/documents/${id}`);
    const response = await fetch(`/api/documents/${id}/review`, {
      method: "PUT",
      headers: { "Content-Type": "application/json", "X-CSRF-Token": me.csrf_token, "If-Match": document.headers.get("ETag") ?? "" },
      body: JSON.stringify({ fields: { vendor_name: "Viewer was here" } }),
    });
    return { status: response.status, body: await response.json() };
  }, completed.id);
  expect(refused.status).toBe(403);
  expect(refused.body.error.code).toBeTruthy();
  expect(refused.body.error.message).toMatch(/\w/);
  const after = await adminApi.document(completed.id);
  expect(JSON.stringify(after.document.extraction?.reviewed_output_json ?? {})).not.toContain("Viewer was here");
});

test("a save refused with 403 (the role was lowered meanwhile) shows the server's message", async ({ adminApi, openPage, consoleErrors }) => {
  // The refused save is the point of the test; Chromium logs its 403 as a failed resource.
  consoleErrors.allow(/Failed to load resource: the server responded with a status of 403.*\/review/);
  const run = runId();
  const document = await adminApi.processedSample("invoice-07-au.pdf", `${run}-invoice-07-au.pdf`);
  const account = { email: `demoted-${run}@docflow.local`, password: "reviewer-password-1" };
  const user = await adminApi.createUser(account.email, "reviewer", account.password);
  const page = await openPage(account, "reviewer");
  await page.goto(`/documents/${document.id}`);
  await reviewReady(page);

  // An admin makes the reviewer a viewer while the screen is open with its write controls.
  await adminApi.setRole(user.id, "viewer");
  await page.getByLabel("Vendor name", { exact: true }).fill(`Too late ${run}`);
  const refused = page.waitForResponse((r) => r.url().endsWith("/review") && r.request().method() === "PUT");
  await page.getByRole("button", { name: "Save", exact: true }).click();
  const response = await refused;
  expect(response.status()).toBe(403);
  const { error } = (await response.json()) as { error: { message: string } };
  await expect(page.getByRole("alert").filter({ hasText: error.message })).toBeVisible();
  expect(JSON.stringify((await adminApi.document(document.id)).document.extraction?.reviewed_output_json ?? {})).not.toContain("Too late");
});
