import type { BrowserContextOptions } from "@playwright/test";
import { ADMIN, BASE_URL, runId } from "./support/env";
import { expect, signInContext, test } from "./support/fixtures";

// A one-page PDF whose server-made picture of page 1 is as sharp as a drawing would be on the
// screen (phones, tablets, a laptop's column) is shown as that picture: PDF.js and the file load
// when the reviewer zooms. A wide desktop column needs more pixels than the picture has, and a
// longer PDF has pages the picture does not show: PDF.js draws them without being asked.

const PHONE: BrowserContextOptions = { viewport: { width: 390, height: 844 }, deviceScaleFactor: 3, isMobile: true, hasTouch: true };
const WIDE_DESKTOP: BrowserContextOptions = { viewport: { width: 1920, height: 1080 }, deviceScaleFactor: 1 };

test("a phone shows a one-page PDF as the server's picture of it until the reviewer zooms; PDF.js then draws it", async ({ browser, adminApi, consoleErrors }) => {
  const run = runId();
  const document = await adminApi.processedSample("invoice-01-us.pdf", `${run}-one-page.pdf`);
  const longer = await adminApi.processedSample("invoice-03-de.pdf", `${run}-three-pages.pdf`);
  for (const pictured of [document, longer]) expect(pictured.preview, "the worker pictured page 1").toBeTruthy();
  expect(document.extraction?.page_count).toBe(1);
  expect(longer.extraction?.page_count).toBe(3);

  // Three pages on a phone: PDF.js draws them as they come near.
  {
    const context = await browser.newContext({ baseURL: BASE_URL, ...PHONE });
    try {
      await signInContext(context, ADMIN);
      const page = await context.newPage();
      consoleErrors.watch(page, "phone, three pages");
      await page.goto(`/documents/${longer.id}`);
      await expect(page.locator('[data-page="1"][data-rendered="true"]'), "drawn by PDF.js without a zoom").toBeVisible();
      await expect(page.getByRole("img", { name: "Page 3 of 3" })).toBeAttached();
    } finally {
      await context.close();
    }
  }

  for (const [label, options] of [["phone", PHONE], ["wide desktop", WIDE_DESKTOP]] as const) {
    const context = await browser.newContext({ baseURL: BASE_URL, ...options });
    try {
      await signInContext(context, ADMIN);
      const page = await context.newPage();
      consoleErrors.watch(page, label);
      const fileRequests: string[] = [];
      page.on("request", (request) => {
        if (request.url().includes(`/api/documents/${document.id}/file`)) fileRequests.push(request.url());
      });
      await page.goto(`/documents/${document.id}`);
      const page1 = page.getByRole("img", { name: "Page 1 of 1" });
      await expect(page1).toBeVisible();
      const zoom = page.getByRole("group", { name: "Zoom" });
      const drawn = page.locator('[data-page="1"][data-rendered="true"]');

      if (label === "wide desktop") {
        await expect(drawn, "drawn by PDF.js without a zoom").toBeVisible();
        await expect(zoom).toContainText(/\d+%/);
        continue;
      }
      // The picture, loaded, fills the page's box; the zoom reads "Fit" and its buttons work.
      await expect(page1.locator("img[data-page-preview]")).toHaveJSProperty("complete", true);
      expect(await page1.locator("img[data-page-preview]").evaluate((image: HTMLImageElement) => image.naturalWidth)).toBeGreaterThan(0);
      await expect(zoom).toContainText("Fit");
      await expect(page.getByRole("region", { name: "Document" })).toHaveAttribute("aria-busy", "false");
      // The page settles (the browser idle, nothing on the network) without the file or PDF.js.
      await page.waitForLoadState("networkidle");
      expect(fileRequests, "no download of the file for a page already shown").toEqual([]);
      await expect(drawn).toHaveCount(0);

      // Zoom in (from the keyboard): the file is read once and PDF.js draws the page one step
      // above fit width; the button keeps the focus throughout.
      const zoomIn = zoom.getByRole("button", { name: "Zoom in" });
      await zoomIn.focus();
      await page.keyboard.press("Enter");
      await expect(drawn).toBeVisible();
      await expect(zoomIn).toBeFocused();
      await expect(zoom).toContainText(/\d+%/);
      expect(fileRequests).toHaveLength(1);
      const box = await drawn.boundingBox();
      expect(box?.width ?? 0, "wider than the phone's column: zoomed in").toBeGreaterThan(390);
    } finally {
      await context.close();
    }
  }
});
