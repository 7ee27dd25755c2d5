import { mkdirSync } from "node:fs";
import { join } from "node:path";
import type { Page } from "@playwright/test";
import { SCREENSHOTS_DIR } from "./env";

export const VIEWPORTS = {
  phone: { width: 390, height: 844 },
  tablet: { width: 820, height: 1180 },
  desktop: { width: 1440, height: 900 },
} as const;

/**
 * Saves `<name>-phone.png`, `-tablet.png` and `-desktop.png` (full page) into e2e/screenshots/
 * (ignored by git). `settle` runs after each resize, e.g. to wait for a re-laid-out element.
 */
export async function screenshotAllSizes(page: Page, name: string, settle?: (page: Page) => Promise<void>): Promise<string[]> {
  mkdirSync(SCREENSHOTS_DIR, { recursive: true });
  const saved: string[] = [];
  const original = page.viewportSize();
  for (const [size, viewport] of Object.entries(VIEWPORTS)) {
    await page.setViewportSize(viewport);
    await settle?.(page);
    // Let layout, fonts and transitions settle after the resize.
    await page.evaluate(() => document.fonts.ready.then(() => new Promise((resolve) => requestAnimationFrame(() => requestAnimationFrame(resolve)))));
    const path = join(SCREENSHOTS_DIR, `${name}-${size}.png`);
    await page.screenshot({ path, fullPage: true, animations: "disabled", caret: "hide" });
    saved.push(path);
  }
  if (original) await page.setViewportSize(original);
  return saved;
}
