import { defineConfig } from "@playwright/test";

// The stack (PostgreSQL, Redis, worker, API and `next start` of a production build) is started by
// `npm test` (scripts/devstack.py) and named here by DOCFLOW_E2E_BASE_URL / DOCFLOW_E2E_API_URL;
// run alone (`npx playwright test` in pwa/), the defaults are `npm start`'s PWA :3000 and API :8000.
const baseURL = process.env.DOCFLOW_E2E_BASE_URL ?? "http://127.0.0.1:3000";

export default defineConfig({
  testDir: "./e2e",
  outputDir: "./test-results",
  fullyParallel: false,
  workers: 1, // 2 cores: the stack, the worker and the browser share them
  retries: 0,
  forbidOnly: Boolean(process.env.CI),
  timeout: 90_000,
  globalTimeout: 30 * 60_000, // far inside CI's 90 minutes for the whole `npm test`
  expect: { timeout: 20_000 },
  reporter: [["list"]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
    acceptDownloads: true,
    launchOptions: {
      executablePath: process.env.DOCFLOW_CHROMIUM ?? "/usr/bin/chromium",
      args: [
        "--no-sandbox",
        "--disable-gpu",
        "--disable-quic",
        "--no-first-run",
        "--disable-background-networking",
        "--disable-component-update",
        "--disable-sync",
      ],
    },
  },
});
