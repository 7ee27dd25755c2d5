import { expect, type Locator, type Page } from "@playwright/test";

/** Rows as DESIGN.md defines them: a tr, li or article, or an element with role row. */
const ROW = "tr, li, article, [role=row]";

/**
 * The visible dashboard row holding `filename` — the innermost such element, so a card inside a
 * list item counts once, and only the layout shown at this width (table or cards) is searched.
 */
export function documentRow(page: Page, filename: string): Locator {
  return page
    .locator(ROW)
    .filter({ hasText: filename })
    .filter({ hasNot: page.locator(ROW).filter({ hasText: filename }) })
    .filter({ visible: true });
}

/** Waits until nothing on the page says it is busy (aria-busy), without failing if it stays. */
export async function settled(page: Page, timeout = 10_000): Promise<void> {
  await expect(page.locator('[aria-busy="true"]').filter({ visible: true }))
    .toHaveCount(0, { timeout })
    .catch(() => undefined);
}

export async function dashboardReady(page: Page): Promise<void> {
  await expect(page.getByLabel("Search", { exact: true })).toBeVisible();
  await settled(page);
}

export async function uploadReady(page: Page): Promise<void> {
  await expect(page.getByLabel("Choose files")).toBeAttached();
  await expect(page.getByRole("button", { name: "Upload", exact: true })).toBeVisible();
  await settled(page);
}

export async function reviewReady(page: Page): Promise<void> {
  await expect(page.getByLabel("Vendor name")).toBeVisible();
  await settled(page);
}

/**
 * The page has finished loading, the scripts its screen fetches after the first paint included
 * (the outbox's, the dialogs', the form's rules): the state of a reviewer whose connection drops
 * after the screen came up. A server-rendered screen is visible (and "ready") well before that.
 */
export async function loadedOnline(page: Page): Promise<void> {
  await page.waitForLoadState("networkidle");
}

export async function loginReady(page: Page): Promise<void> {
  await expect(page.getByLabel("Email")).toBeVisible();
  await expect(page.getByRole("button", { name: "Sign in" })).toBeVisible();
}

export async function settingsReady(page: Page): Promise<void> {
  await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
  await settled(page);
}
