import { defineConfig } from "@playwright/test";

// The stack (PostgreSQL, Redis, worker, API and `next start` of a production build) is started by
// `npm test` (scripts/devstack.py) and named here by DOCFLOW_E2E_BASE_URL; run alone against
// `npm start`, the default is the PWA on 127.0.0.1:3000.
const baseURL = process.env.DOCFLOW_E2E_BASE_URL ?? "http://127.0.0.1:3000";

export default defineConfig({
  testDir: "./e2e",
  outputDir: "./test-results",
  fullyParallel: false,
  workers: 1,
  retries: 0,
  timeout: 90_000,
  expect: { timeout: 20_000 },
  reporter: process.env.CI ? [["list"]] : [["list"]],
  use: {
    baseURL,
    trace: "retain-on-failure",
    screenshot: "only-on-failure",
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
