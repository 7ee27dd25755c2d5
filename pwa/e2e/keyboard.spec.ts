import type { Page } from "@playwright/test";
import { fieldValue } from "./support/api";
import { runId } from "./support/env";
import { expect, test } from "./support/fixtures";
import { dashboardReady, documentRow, reviewReady } from "./support/screens";

const FIELDS = ["Vendor name", "Invoice number", "Invoice date", "Total amount", "Tax amount", "Currency", "Status"];

/** The label of the focused form field ("" when focus is elsewhere). */
async function focusedField(page: Page): Promise<string> {
  return page.evaluate(() => {
    const active = document.activeElement as HTMLInputElement | null;
    return active?.labels?.[0]?.textContent?.trim() ?? "";
  });
}

test("keyboard flow on the review page: help, fields that need attention, save, finalize, next/previous document", async ({
  adminPage: page,
  adminApi,
}) => {
  const run = runId();
  const first = await adminApi.processedSample("invoice-09-es.pdf", `${run}-a-invoice-09-es.pdf`);
  const second = await adminApi.processedSample("invoice-10-it.pdf", `${run}-b-invoice-10-it.pdf`);
  // Two fields of the first need attention for sure: they are empty.
  const { etag } = await adminApi.document(first.id);
  expect((await adminApi.review(first.id, etag, { tax_amount: null, status: null })).status()).toBe(200);

  // Open the first from the dashboard (filtered to this run, by filename) so the queue is known.
  await page.goto(`/?q=${run}&sort=filename`);
  await dashboardReady(page);
  await documentRow(page, `${run}-a-invoice-09-es.pdf`).getByRole("link", { name: `${run}-a-invoice-09-es.pdf` }).click();
  await expect(page).toHaveURL(new RegExp(`/documents/${first.id}$`));
  await reviewReady(page);

  // ? opens the help overlay listing the shortcuts; Escape closes it.
  await page.keyboard.press("?");
  const help = page.getByRole("dialog", { name: /keyboard shortcuts/i });
  await expect(help).toBeVisible();
  await expect(help).toContainText(/Ctrl \+ S/);
  await page.keyboard.press("Escape");
  await expect(help).toBeHidden();

  // j, then Alt+↓, visit the fields that need attention, cyclically; Alt+↑ goes back. At least two
  // need it, so every press moves the focus (waited for: the move may land a frame later).
  const press = async (key: string) => {
    const before = await focusedField(page);
    await page.keyboard.press(key);
    await expect.poll(() => focusedField(page), { message: `${key} moves the focus from "${before}"` }).not.toBe(before);
    return focusedField(page);
  };
  const visited = [await press("j")];
  for (let i = 0; i < FIELDS.length; i++) {
    const label = await press("Alt+ArrowDown");
    if (label === visited[0]) break;
    visited.push(label);
  }
  for (const label of visited) expect(FIELDS, `focus went to a field (got "${label}")`).toContain(label);
  expect(visited).toEqual(expect.arrayContaining(["Tax amount", "Status"]));
  expect(await press("Alt+ArrowUp")).toBe(visited[visited.length - 1]);

  // Ctrl+S saves what was typed.
  while ((await focusedField(page)) !== "Tax amount") await press("Alt+ArrowDown");
  await page.keyboard.type("123.45");
  const saved = page.waitForResponse((r) => r.url().endsWith(`/api/documents/${first.id}/review`) && r.request().method() === "PUT");
  await page.keyboard.press("Control+s");
  expect((await saved).status()).toBe(200);
  expect(fieldValue((await adminApi.document(first.id)).document, "tax_amount")).toBe("123.45");

  // Ctrl+Enter asks to finalize; Escape leaves the document as it is.
  await page.keyboard.press("Control+Enter");
  const confirm = page.getByRole("dialog");
  await expect(confirm).toBeVisible();
  await expect(confirm.getByRole("button", { name: /^(Finalize|Confirm)$/ })).toBeVisible();
  await page.keyboard.press("Escape");
  await expect(confirm).toBeHidden();
  // The focus is back in the field the reviewer asked from.
  await expect.poll(() => focusedField(page)).toBe("Tax amount");
  expect((await adminApi.document(first.id)).document.extraction?.is_finalized).toBe(false);

  // ] and [ (outside a text field) move through the dashboard's list.
  await page.evaluate(() => (document.activeElement as HTMLElement | null)?.blur());
  await page.keyboard.press("]");
  await expect(page).toHaveURL(new RegExp(`/documents/${second.id}$`));
  await reviewReady(page);
  await page.keyboard.press("[");
  await expect(page).toHaveURL(new RegExp(`/documents/${first.id}$`));
});
