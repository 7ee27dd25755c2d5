import AxeBuilder from "@axe-core/playwright";
import { expect, type Page } from "@playwright/test";

// @axe-core/playwright types its page with the top-level playwright-core (1.65.2 in the lockfile),
// @playwright/test with its own (1.65.1): the same API, two declarations.
type AxePage = ConstructorParameters<typeof AxeBuilder>[0]["page"];

/** Runs axe on the page as it is now; fails on any serious or critical violation. */
export async function expectNoSeriousA11yViolations(page: Page, screen: string): Promise<void> {
  const results = await new AxeBuilder({ page: page as unknown as AxePage }).analyze();
  const serious = results.violations.filter((v) => v.impact === "serious" || v.impact === "critical");
  const report = serious
    .map((v) => `${v.impact} ${v.id}: ${v.help} (${v.helpUrl})\n${v.nodes.map((n) => `    ${n.html.slice(0, 200)}\n      ${n.failureSummary ?? ""}`).join("\n")}`)
    .join("\n");
  expect(serious.length, `axe on ${screen}:\n${report}`).toBe(0);
}
