import type { ConsoleMessage, Page } from "@playwright/test";

/**
 * Collects console errors and uncaught exceptions of a page. A spec fails when any is left at the
 * end (fixtures.ts). Nothing is allowed by default: a spec that provokes an error on purpose —
 * e.g. a 412 or 403 answer, which Chromium itself logs as "Failed to load resource" — names it
 * with `allow()`, and only that test accepts it.
 */
export class ConsoleErrors {
  private readonly errors: string[] = [];
  private readonly allowed: RegExp[] = [];

  watch(page: Page, label = "page"): void {
    page.on("console", (message: ConsoleMessage) => {
      if (message.type() !== "error") return;
      const where = message.location().url;
      this.errors.push(`[${label}] console.error: ${message.text()}${where ? ` (${where})` : ""}`);
    });
    page.on("pageerror", (error) => {
      this.errors.push(`[${label}] uncaught ${error.name}: ${error.message}`);
    });
  }

  /** Accept errors matching `pattern` in this test only (say why at the call site). */
  allow(pattern: RegExp): void {
    this.allowed.push(pattern);
  }

  /** The errors no allow() covers. */
  unexpected(): string[] {
    return this.errors.filter((error) => !this.allowed.some((pattern) => pattern.test(error)));
  }
}
