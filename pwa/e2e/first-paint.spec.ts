import { fieldValue } from "./support/api";
import { ADMIN, BASE_URL, runId } from "./support/env";
import { expect, signInContext, test } from "./support/fixtures";

// The signed-in screens come from the server with their first data: the list or the document is
// in the page itself, before any script runs (here: with JavaScript off). The service worker's
// precache copy of the same page carries nothing of the user's.

test("the dashboard and the review screen arrive with their data, before any script runs", async ({ browser, adminApi }) => {
  const run = runId();
  const filename = `${run}-first-paint.pdf`;
  const document = await adminApi.processedSample("invoice-02-gb.pdf", filename);
  const vendor = fieldValue(document, "vendor_name");
  expect(vendor, "the sample's vendor was extracted").toBeTruthy();

  const context = await browser.newContext({ baseURL: BASE_URL, javaScriptEnabled: false, viewport: { width: 1280, height: 800 } });
  try {
    await signInContext(context, ADMIN);
    const page = await context.newPage();

    // The dashboard under a filter from the URL: that filter's rows, and who is signed in.
    await page.goto(`/?q=${encodeURIComponent(run)}`);
    await expect(page.getByRole("heading", { name: "Documents", level: 1 })).toBeVisible();
    await expect(page.getByRole("link", { name: filename })).toBeVisible();
    await expect(page.getByRole("row").filter({ hasText: filename })).toContainText(String(vendor));
    await expect(page.getByText("demo@docflow.local").first()).toBeAttached();
    await expect(page.getByLabel("Search", { exact: true })).toHaveValue(run);

    // The review screen: the file name and the extracted fields are in the page.
    await page.goto(`/documents/${document.id}`);
    await expect(page.getByRole("heading", { name: filename, level: 1 })).toBeVisible();
    await expect(page.getByLabel("Vendor name")).toHaveValue(String(vendor));
  } finally {
    await context.close();
  }

  // What the service worker precaches (it marks its own fetches): the shell, no user data, even
  // with the session cookie on the request.
  const signedIn = await browser.newContext({ baseURL: BASE_URL });
  try {
    await signInContext(signedIn, ADMIN);
    for (const path of ["/", `/documents/${document.id}`]) {
      const response = await signedIn.request.get(path, { headers: { "x-docflow-precache": "1" } });
      expect(response.status()).toBe(200);
      const html = await response.text();
      expect(html, `${path} as precached`).not.toContain(filename);
      expect(html, `${path} as precached`).not.toContain("demo@docflow.local");
    }
    // A signed-in page is never stored by a shared cache.
    const page = await signedIn.request.get("/");
    expect(page.headers()["cache-control"]).toMatch(/private|no-store/);
  } finally {
    await signedIn.close();
  }
});
