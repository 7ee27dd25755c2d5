// The demo recording (bench/pwa/demo.py starts the private stack and calls this):
//
//   node bench/pwa/demo.mjs '{"base": "...", "samples": "...", "out": "<dir>"}'
//
// Plays the seed scenario in a 1280x800 page with Playwright's video capture: sign in, upload ten
// invoices and the broken file, watch them process live on the dashboard, retry the failure, open
// one, correct a field, save, finalize, export. Then (outside the video) the README's screenshots:
// dashboard and review at desktop size, review at tablet size. Writes <out>/raw-video.webm,
// <out>/dashboard-desktop.png, review-desktop.png, review-tablet.png and prints "RESULT {...}".
// A small drawn pointer shows where the script moves and clicks (headless video has no cursor).
import { createRequire } from "node:module";
import { mkdirSync, readdirSync, renameSync, rmSync } from "node:fs";
import { join } from "node:path";
import { fileURLToPath } from "node:url";
import { CHROMIUM_ARGS } from "./browser.mjs";

const require = createRequire(fileURLToPath(new URL("../../pwa/package.json", import.meta.url)));
const { chromium, expect } = require("@playwright/test");

const VIDEO = { width: 1280, height: 800 };
const ADMIN = { email: "demo@docflow.local", password: "docflow-demo" };
const ROW = "tr[data-index], li[data-index], article[data-index], [role=row][data-index]";

// A pointer drawn over the page (aria-hidden, ignores the pointer): follows mouse moves, pulses on press.
const POINTER = () => {
  const install = () => {
    if (document.getElementById("__demo-pointer")) return;
    const dot = document.createElement("div");
    dot.id = "__demo-pointer";
    dot.setAttribute("aria-hidden", "true");
    dot.style.cssText =
      "position:fixed;left:0;top:0;width:22px;height:22px;margin:-11px 0 0 -11px;border-radius:50%;" +
      "background:rgba(37,99,235,.35);border:2px solid rgba(29,78,216,.9);pointer-events:none;z-index:2147483647;" +
      "transition:transform .12s ease;transform:translate(-100px,-100px)";
    document.documentElement.appendChild(dot);
    let x = -100;
    let y = -100;
    addEventListener("mousemove", (e) => {
      x = e.clientX;
      y = e.clientY;
      dot.style.transform = `translate(${x}px,${y}px)`;
    }, true);
    addEventListener("mousedown", () => (dot.style.transform = `translate(${x}px,${y}px) scale(.6)`), true);
    addEventListener("mouseup", () => (dot.style.transform = `translate(${x}px,${y}px)`), true);
  };
  if (document.readyState === "loading") document.addEventListener("DOMContentLoaded", install);
  else install();
};

function pause(page, ms) {
  return page.waitForTimeout(ms);
}

/** Glide the pointer to the element, then click it (as a person would: visible, not teleported). */
async function click(page, locator, { before = 250 } = {}) {
  await locator.scrollIntoViewIfNeeded();
  const box = await locator.boundingBox();
  if (box) await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2, { steps: 12 });
  await pause(page, before);
  await locator.click();
}

async function type(page, locator, text) {
  await click(page, locator, { before: 150 });
  await locator.fill("");
  await locator.pressSequentially(text, { delay: 35 });
}

function documentRow(page, filename) {
  // The newest upload of that name (the list is newest first).
  return page.locator(ROW).filter({ hasText: filename }).filter({ visible: true }).first();
}

async function main({ base, samples, out, invoices, broken = "broken-truncated.pdf", processTimeoutMs = 150_000 }) {
  mkdirSync(out, { recursive: true });
  const videoDir = join(out, "video");
  rmSync(videoDir, { recursive: true, force: true });
  const browser = await chromium.launch({ executablePath: process.env.DOCFLOW_CHROMIUM ?? "/usr/bin/chromium", args: CHROMIUM_ARGS });
  const marks = [];
  let t0 = 0;
  let failurePage = null;
  const mark = (name) => marks.push({ name, s: (Date.now() - t0) / 1000 });
  try {
    const context = await browser.newContext({
      baseURL: base,
      viewport: VIDEO,
      recordVideo: { dir: videoDir, size: VIDEO },
      acceptDownloads: true,
      serviceWorkers: "block",
    });
    await context.addInitScript(POINTER);
    const page = await context.newPage();
    failurePage = page;
    t0 = Date.now();
    const errors = [];
    page.on("pageerror", (e) => errors.push(`uncaught ${e.message}`));
    page.on("console", (m) => m.type() === "error" && errors.push(m.text()));

    // 1. Sign in.
    await page.goto("/");
    await expect(page.getByLabel("Email")).toBeVisible();
    await page.mouse.move(640, 300);
    await pause(page, 600);
    await type(page, page.getByLabel("Email"), ADMIN.email);
    await type(page, page.getByLabel("Password"), ADMIN.password);
    await click(page, page.getByRole("button", { name: "Sign in" }));
    await expect(page.getByLabel("Search", { exact: true })).toBeVisible();
    mark("signed in");
    await pause(page, 1200);

    // 2. Upload ten invoices and the broken file.
    await click(page, page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Upload" }));
    await expect(page.getByRole("button", { name: "Upload", exact: true })).toBeVisible();
    await pause(page, 700);
    const files = [...invoices, broken].map((name) => join(samples, name));
    const chooser = page.getByLabel("Choose files");
    const picker = page.getByText("Choose files", { exact: true }).filter({ visible: true }).first();
    const pickerBox = await picker.boundingBox().catch(() => null);
    if (pickerBox) await page.mouse.move(pickerBox.x + pickerBox.width / 2, pickerBox.y + pickerBox.height / 2, { steps: 12 });
    await pause(page, 300);
    await chooser.setInputFiles(files);
    mark("files picked");
    await pause(page, 1800);
    await click(page, page.getByRole("button", { name: "Upload", exact: true }));
    mark("upload");
    await pause(page, 800); // each file: its progress, then its job's live stage

    // 3. Watch them process live on the dashboard.
    await click(page, page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Documents" }));
    await expect(page.getByLabel("Search", { exact: true })).toBeVisible();
    mark("dashboard");
    await page.mouse.move(900, 650, { steps: 10 });
    for (const name of invoices) {
      await expect(documentRow(page, name)).toContainText("Completed", { timeout: processTimeoutMs });
    }
    await expect(documentRow(page, broken)).toContainText("Failed", { timeout: processTimeoutMs });
    mark("all processed");
    await pause(page, 2500);

    // 4. Open the failure: its stored error, Retry, and the timeline showing the second attempt
    //    (it fails again: the file is truncated). Then back to the list.
    await click(page, documentRow(page, broken).getByRole("link", { name: broken }), { before: 500 });
    const jobPanel = page.locator("section", { has: page.locator("#job-heading") });
    await expect(jobPanel.getByRole("button", { name: "Retry" })).toBeVisible();
    mark("failure opened");
    await pause(page, 2500);
    await click(page, jobPanel.getByRole("button", { name: "Retry" }));
    mark("retry");
    const timeline = page.getByRole("region", { name: /timeline/i });
    await expect(timeline).toContainText(/attempt 2/i, { timeout: processTimeoutMs });
    await expect(jobPanel.getByRole("button", { name: "Retry" })).toBeVisible({ timeout: processTimeoutMs });
    await timeline.scrollIntoViewIfNeeded();
    await pause(page, 3000);
    await click(page, page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Documents" }));
    await expect(documentRow(page, broken)).toContainText("Failed");
    await pause(page, 1200);

    // 5. Open one, correct a field, save.
    const chosen = invoices[1] ?? invoices[0];
    await click(page, documentRow(page, chosen).getByRole("link", { name: chosen }));
    await expect(page.getByLabel("Vendor name")).toBeVisible();
    await expect(page.locator('[data-page="1"][data-rendered="true"]')).toBeVisible({ timeout: 20_000 }).catch(() => undefined);
    mark("review");
    await pause(page, 2000);
    const vendor = page.getByLabel("Vendor name", { exact: true });
    await click(page, vendor);
    await pause(page, 1500); // the source box highlights on the page
    const total = page.getByLabel("Total amount", { exact: true });
    await click(page, total);
    await pause(page, 1500);
    // The correction: the invoice's own status, which the extraction left empty ("needs attention").
    const status = page.getByLabel("Status", { exact: true });
    const corrected = (await status.inputValue()) === "paid" ? "due" : "paid";
    await type(page, status, corrected);
    await pause(page, 800);
    const saved = page.waitForResponse((r) => r.url().includes("/review") && r.request().method() === "PUT");
    await click(page, page.getByRole("button", { name: "Save", exact: true }));
    await saved;
    mark("saved");
    await pause(page, 1500);

    // 6. Finalize (confirmed), then export.
    await click(page, page.getByRole("button", { name: "Finalize", exact: true }));
    const dialog = page.getByRole("dialog");
    await expect(dialog).toBeVisible();
    await pause(page, 1800);
    await click(page, dialog.getByRole("button", { name: /^(Finalize|Confirm)$/ }));
    await expect(dialog).toBeHidden();
    await expect(page.getByText("Finalized", { exact: true }).first()).toBeVisible();
    mark("finalized");
    await pause(page, 1500);
    const download = page.waitForEvent("download");
    await click(page, page.getByRole("button", { name: "Export JSON" }));
    await download;
    mark("exported");
    await pause(page, 1500);
    // Back to the dashboard: the document now says Finalized.
    await click(page, page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Documents" }));
    const finalizedRow = documentRow(page, chosen);
    await expect(finalizedRow).toContainText("Finalized");
    await finalizedRow.scrollIntoViewIfNeeded();
    const rowBox = await finalizedRow.getByText("Finalized", { exact: true }).boundingBox();
    // Beside the badge, not over it.
    if (rowBox) await page.mouse.move(rowBox.x + rowBox.width + 40, rowBox.y + rowBox.height / 2, { steps: 12 });
    await pause(page, 3000);
    mark("end");
    const videoPath = await page.video().path();
    await context.close(); // writes the video

    // The README's screenshots (no video, no pointer).
    const shots = await browser.newContext({ baseURL: base, viewport: { width: 1440, height: 900 }, serviceWorkers: "block" });
    const login = await shots.request.post(`${base}/api/auth/login`, { data: ADMIN });
    if (login.status() !== 200) throw new Error(`sign in for screenshots: ${login.status()}`);
    const shot = await shots.newPage();
    await shot.goto("/");
    await expect(documentRow(shot, broken)).toBeVisible();
    await settle(shot);
    await shot.screenshot({ path: join(out, "dashboard-desktop.png") });
    const other = invoices[3] ?? invoices[0];
    await click(shot, documentRow(shot, other).getByRole("link", { name: other }), { before: 0 });
    await expect(shot.getByLabel("Vendor name")).toBeVisible();
    await expect(shot.locator('[data-page="1"][data-rendered="true"]')).toBeVisible({ timeout: 20_000 });
    await shot.getByLabel("Total amount", { exact: true }).focus(); // shows its source box
    await settle(shot);
    await shot.screenshot({ path: join(out, "review-desktop.png") });
    await shot.setViewportSize({ width: 820, height: 1180 });
    await shot.waitForTimeout(600);
    await shot.getByLabel("Invoice date", { exact: true }).focus();
    await settle(shot);
    await shot.screenshot({ path: join(out, "review-tablet.png") });
    await shots.close();

    const target = join(out, "raw-video.webm");
    renameSync(videoPath, target);
    for (const left of readdirSync(videoDir)) rmSync(join(videoDir, left));
    rmSync(videoDir, { recursive: true, force: true });
    return { video: target, marks, console_errors: errors };
  } catch (error) {
    // What the page showed when a step failed (for the log).
    await failurePage?.screenshot({ path: join(out, "failure.png") }).catch(() => undefined);
    throw error;
  } finally {
    await browser.close();
  }
}

async function settle(page) {
  await expect(page.locator('[aria-busy="true"]').filter({ visible: true })).toHaveCount(0, { timeout: 10_000 }).catch(() => undefined);
  await page.waitForTimeout(800);
  await page.evaluate(() => document.fonts.ready.then(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(r)))));
}

main(JSON.parse(process.argv[2] ?? "{}")).then(
  (result) => console.log(`RESULT ${JSON.stringify(result)}`),
  (error) => {
    console.error(error?.stack ?? String(error));
    process.exit(1);
  },
);
