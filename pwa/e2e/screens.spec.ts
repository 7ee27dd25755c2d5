import type { Page } from "@playwright/test";
import type { DocumentRead } from "./support/api";
import { expectNoSeriousA11yViolations } from "./support/axe";
import { ADMIN, BROKEN_SAMPLE, runId } from "./support/env";
import { expect, signInContext, test } from "./support/fixtures";
import { dashboardReady, documentRow, loginReady, reviewReady, settingsReady, uploadReady } from "./support/screens";
import { screenshotAllSizes, VIEWPORTS } from "./support/screenshots";

// Every screen: axe (no serious or critical violation, at desktop and phone width) and
// screenshots at phone, tablet and desktop sizes into e2e/screenshots/.

const run = runId();
let reviewed: DocumentRead;

test.beforeAll(async ({ adminApi }) => {
  // A dashboard with a few finished documents (one failed), and one to open on the review screen.
  const [first] = await Promise.all([
    adminApi.processedSample("invoice-01-us.pdf", `${run}-invoice-01-us.pdf`),
    adminApi.processedSample("invoice-03-de.pdf", `${run}-invoice-03-de.pdf`),
    adminApi.processedSample("invoice-06-in.pdf", `${run}-invoice-06-in.pdf`),
    adminApi.processedSample(BROKEN_SAMPLE, `${run}-${BROKEN_SAMPLE}`, "failed"),
  ]);
  reviewed = first;
});

interface Screen {
  name: string;
  path: () => string;
  signedIn: boolean;
  ready: (page: Page) => Promise<void>;
}

const SCREENS: Screen[] = [
  { name: "login", path: () => "/login", signedIn: false, ready: loginReady },
  {
    name: "dashboard",
    path: () => "/",
    signedIn: true,
    ready: async (page) => {
      await dashboardReady(page);
      await expect(documentRow(page, `${run}-invoice-01-us.pdf`)).toBeVisible();
    },
  },
  { name: "upload", path: () => "/upload", signedIn: true, ready: uploadReady },
  {
    name: "review",
    path: () => `/documents/${reviewed.id}`,
    signedIn: true,
    ready: async (page) => {
      await reviewReady(page);
      // The document itself: the first PDF page drawn (canvas) or shown as an image.
      await expect(page.locator("canvas, img").filter({ visible: true }).first()).toBeVisible();
    },
  },
  { name: "settings", path: () => "/settings", signedIn: true, ready: settingsReady },
  {
    name: "outbox",
    path: () => "/outbox",
    signedIn: true,
    ready: async (page) => {
      await expect(page.getByRole("region", { name: "Outbox" })).toBeVisible();
    },
  },
];

for (const screen of SCREENS) {
  test.describe(`${screen.name} screen`, () => {
    test.beforeEach(async ({ page }) => {
      if (screen.signedIn) await signInContext(page.context(), ADMIN);
    });

    test("axe finds no serious or critical violation (desktop and phone width)", async ({ page }) => {
      await page.goto(screen.path());
      await screen.ready(page);
      await expectNoSeriousA11yViolations(page, `${screen.name} (desktop)`);
      await page.setViewportSize(VIEWPORTS.phone);
      await screen.ready(page);
      await expectNoSeriousA11yViolations(page, `${screen.name} (phone)`);
    });

    test("screenshots at phone, tablet and desktop size", async ({ page }) => {
      await page.goto(screen.path());
      await screen.ready(page);
      const saved = await screenshotAllSizes(page, screen.name, screen.ready);
      expect(saved).toHaveLength(3);
    });
  });
}
