import { ADMIN, runId } from "./support/env";
import { expect, test } from "./support/fixtures";
import { dashboardReady, documentRow, reviewReady } from "./support/screens";

// Deleting a document: from the review screen, behind a confirmation dialog, for the roles that
// may; every open dashboard drops the row live (the `document_deleted` event).

test("a document deleted from the review screen leaves every open dashboard at once", async ({
  adminPage: page,
  adminApi,
  openPage,
}) => {
  const run = runId();
  const filename = `${run}-delete-me.pdf`;
  const kept = `${run}-keep-me.pdf`;
  const [doomed] = await Promise.all([
    adminApi.processedSample("invoice-01-us.pdf", filename),
    adminApi.processedSample("invoice-03-de.pdf", kept),
  ]);

  const dashboard = await openPage(ADMIN, "dashboard");
  await dashboard.goto("/");
  await dashboardReady(dashboard);
  await dashboard.getByLabel("Search", { exact: true }).fill(run);
  await expect(documentRow(dashboard, filename)).toBeVisible();
  await expect(documentRow(dashboard, kept)).toBeVisible();

  // Another reviewer has the same document open.
  const watcher = await openPage(ADMIN, "watcher");
  await watcher.goto(`/documents/${doomed.id}`);
  await reviewReady(watcher);

  await page.goto(`/documents/${doomed.id}`);
  await reviewReady(page);
  await page.getByRole("button", { name: "Delete", exact: true }).click();
  const dialog = page.getByRole("dialog", { name: "Delete this document?" });
  await expect(dialog).toContainText(filename);
  // Cancel keeps it.
  await dialog.getByRole("button", { name: "Cancel" }).click();
  await expect(dialog).toBeHidden();
  expect((await adminApi.http.get(`/api/documents/${doomed.id}`)).status()).toBe(200);

  await page.getByRole("button", { name: "Delete", exact: true }).click();
  await dialog.getByRole("button", { name: "Delete", exact: true }).click();
  await expect(page).toHaveURL(/\/(\?.*)?$/);

  // The other dashboard never reloaded: the row went live.
  await expect(documentRow(dashboard, filename)).toHaveCount(0);
  await expect(documentRow(dashboard, kept)).toBeVisible();
  // The other reviewer is told, live, without a request for what is gone (no 404 in any console).
  await expect(watcher.getByRole("heading", { name: "This document was deleted", level: 1 })).toBeVisible();
  await expect(watcher.getByRole("alert").filter({ hasText: "was deleted" })).toContainText(filename);
  expect((await adminApi.http.get(`/api/documents/${doomed.id}`)).status()).toBe(404);
});

test("a viewer is offered no Delete", async ({ adminApi, viewer, openPage }) => {
  const document = await adminApi.processedSample("invoice-06-in.pdf", `${runId()}-viewer-sees.pdf`);
  const page = await openPage(viewer);
  await page.goto(`/documents/${document.id}`);
  await reviewReady(page);
  await expect(page.getByRole("button", { name: "Export JSON" })).toBeVisible();
  await expect(page.getByRole("button", { name: "Delete", exact: true })).toHaveCount(0);
});
