import { readdirSync } from "node:fs";
import { fileURLToPath } from "node:url";

/**
 * Where the stack under test lives. `npm test` (scripts/devstack.py) starts a private one and sets
 * these; run by hand, the defaults are the `npm start` stack (PWA :3000, API :8000).
 */
export const BASE_URL = (process.env.DOCFLOW_E2E_BASE_URL ?? "http://127.0.0.1:3000").replace(/\/$/, "");
export const API_URL = (process.env.DOCFLOW_E2E_API_URL ?? "http://127.0.0.1:8000").replace(/\/$/, "");
export const SAMPLES_DIR =
  process.env.DOCFLOW_E2E_SAMPLES ?? fileURLToPath(new URL("../../../samples/", import.meta.url));
export const SCREENSHOTS_DIR = fileURLToPath(new URL("../screenshots/", import.meta.url));

/**
 * Set (DOCFLOW_E2E_NEXT_DEV=1) only when running the specs by hand against `next dev`, which
 * registers no service worker: the specs that need one then skip. Otherwise (npm test, npm start:
 * production builds) a missing worker fails them.
 */
export const AGAINST_NEXT_DEV = process.env.DOCFLOW_E2E_NEXT_DEV === "1";

/** The demo admin made by `python -m docflow.cli bootstrap --demo`. */
export const ADMIN = { email: "demo@docflow.local", password: "docflow-demo" } as const;

/** The sample invoices in samples/ (13) and the one that fails (a truncated PDF). */
export const SAMPLE_INVOICES = readdirSync(SAMPLES_DIR)
  .filter((name) => /^invoice-\d+.*\.pdf$/.test(name))
  .sort();
export const BROKEN_SAMPLE = "broken-truncated.pdf";

/** A short id that keeps this run's rows apart from earlier runs' on a shared stack. */
export function runId(): string {
  const random = Math.floor(Math.random() * 36 ** 3).toString(36).padStart(3, "0");
  return `e2e${Date.now().toString(36)}${random}`;
}
