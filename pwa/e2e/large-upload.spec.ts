import { readFileSync } from "node:fs";
import { join } from "node:path";
import { ADMIN, SAMPLES_DIR, runId } from "./support/env";
import { expect, signInContext, test } from "./support/fixtures";
import { uploadReady } from "./support/screens";

// The app's /api/* proxy (next start) passes a large upload through whole: Next cuts every proxied
// body at 10 MB unless told otherwise (next.config.ts), and a cut body was never answered.
test("a 12 MiB file uploads through the app's proxy and reaches the server whole", async ({ page, adminApi }) => {
  test.setTimeout(120_000);
  await signInContext(page.context(), ADMIN);
  const name = `${runId()}-large-12mib.pdf`;
  // A sample invoice followed by padding up to 12 MiB (the worker's work on it is not under test).
  const sample = readFileSync(join(SAMPLES_DIR, "invoice-01-us.pdf"));
  const buffer = Buffer.concat([sample, Buffer.alloc(12 * 1024 * 1024 - sample.byteLength, 0x20)]);
  await page.goto("/upload");
  await uploadReady(page);
  await page.getByLabel("Choose files").setInputFiles({ name, mimeType: "application/pdf", buffer });
  await page.getByRole("button", { name: "Upload", exact: true }).click();
  await expect
    .poll(async () => (await adminApi.documents({ q: name, limit: 5 })).items.find((d) => d.original_filename === name)?.file_size ?? 0, {
      timeout: 90_000,
      message: "the 12 MiB upload should reach the server",
    })
    .toBe(buffer.byteLength);
});
