import type { WebSocketRoute } from "@playwright/test";
import { runId } from "./support/env";
import { expect, test } from "./support/fixtures";
import { reviewReady } from "./support/screens";

// A server-rendered screen hands the browser the event seq its data was read at; the live
// connection resumes from it (`after`), so what happened in between arrives as events and nothing
// on the screen is fetched a second time.

test("the review screen resumes the live stream where its data was read: a save made meanwhile arrives, nothing is fetched twice", async ({
  adminPage: page,
  adminApi,
}) => {
  const run = runId();
  const document = await adminApi.processedSample("invoice-02-gb.pdf", `${run}-resume.pdf`);
  const jobId = document.job!.id;

  // The socket reaches the API only once the test lets it (messages the page sends meanwhile wait).
  let release!: () => void;
  const gate = new Promise<void>((resolve) => (release = resolve));
  const subscribes: { subscribe?: unknown; after?: unknown }[] = [];
  await page.routeWebSocket(/\/api\/ws(\?.*)?$/, (ws) => {
    const waiting: (string | Buffer)[] = [];
    let server: WebSocketRoute | null = null;
    ws.onMessage((message) => {
      const text = message.toString();
      if (text.includes('"subscribe"')) subscribes.push(JSON.parse(text) as (typeof subscribes)[number]);
      if (server) server.send(message);
      else waiting.push(message);
    });
    void gate.then(() => {
      server = ws.connectToServer();
      for (const message of waiting.splice(0)) server.send(message);
    });
  });
  const reads = { detail: 0, timeline: 0 };
  page.on("requestfinished", (request) => {
    if (request.method() !== "GET") return;
    const path = new URL(request.url()).pathname;
    if (path === `/api/documents/${document.id}`) reads.detail += 1;
    if (path === `/api/jobs/${jobId}/events`) reads.timeline += 1;
  });

  await page.goto(`/documents/${document.id}`);
  await reviewReady(page);
  const before = await page.getByLabel("Vendor name").inputValue();
  expect(reads.detail, "the document came with the page").toBe(0);

  // Another client saves while this page's socket has not reached the API yet.
  const { etag } = await adminApi.document(document.id);
  const saved = await adminApi.review(document.id, etag, { vendor_name: `Resumed ${run} Ltd` });
  expect(saved.status()).toBe(200);
  await page.waitForTimeout(300);
  await expect(page.getByLabel("Vendor name")).toHaveValue(before);
  release();

  await expect(page.getByLabel("Vendor name")).toHaveValue(`Resumed ${run} Ltd`);
  await expect(page.getByRole("status", { name: "Updates: Live" })).toBeVisible();
  expect(subscribes[0]?.after, "the socket resumed from the page's seq").toEqual(expect.any(Number));
  expect(subscribes[0]?.after as number).toBeGreaterThan(0);
  await page.waitForLoadState("networkidle");
  expect(reads.detail, "the document once more, for the save that arrived as an event").toBe(1);
  expect(reads.timeline, "the job's timeline once").toBe(1);
});
