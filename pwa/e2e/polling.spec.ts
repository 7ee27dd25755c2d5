import { runId } from "./support/env";
import { expect, test } from "./support/fixtures";
import { dashboardReady, documentRow } from "./support/screens";

test("with the WebSocket blocked the dashboard still updates by polling, and says so", async ({ adminPage: page, adminApi }) => {
  const run = runId();
  const filename = `${run}-invoice-08-ca.pdf`;
  // Every WebSocket to /api/ws fails: it is closed at once, abnormally, and never reaches the API.
  let attempts = 0;
  await page.routeWebSocket(/\/api\/ws(\?.*)?$/, (ws) => {
    attempts += 1;
    ws.close({ code: 1011, reason: "blocked by the test" });
  });

  await page.goto("/");
  await dashboardReady(page);
  await page.getByLabel("Search", { exact: true }).fill(run);
  const indicator = page.getByRole("status", { name: /Polling/ });
  await expect(indicator).toBeVisible({ timeout: 60_000 });
  await expect(indicator).toHaveText(/Polling/);
  expect(attempts, "the app tried the WebSocket first").toBeGreaterThan(0);

  // A document uploaded meanwhile appears and reaches its final state without a reload.
  const item = await adminApi.uploadSample("invoice-08-ca.pdf", filename);
  await expect(documentRow(page, filename)).toBeVisible({ timeout: 60_000 });
  await adminApi.waitForJob(item.job.id);
  await expect(documentRow(page, filename)).toContainText("Completed", { timeout: 60_000 });
  await expect(indicator).toHaveText(/Polling/);
});
