import { mkdtempSync, rmSync } from "node:fs";
import { tmpdir } from "node:os";
import { join } from "node:path";
import { chromium, expect, test, type BrowserContext, type LaunchOptions, type Page } from "@playwright/test";
import { ConsoleErrors } from "./console";
import { BASE_URL } from "./env";

/**
 * Browsers with their own persistent profile folder (a normal Playwright context is incognito:
 * IndexedDB, the outbox and the service worker would not outlive it), for the offline specs.
 * Each spec calls `persistentProfiles()` once at its top level: it registers the hooks that pass
 * the launch options in and close and remove every profile after each test.
 */
export interface Profile {
  dir: string;
  context: BrowserContext;
  page: Page;
  errors: ConsoleErrors;
}

/** Chromium logs each failed or refused request itself; in these specs that is the condition under test. */
export const OFFLINE_NOISE = [
  /Failed to load resource: net::ERR_(INTERNET_DISCONNECTED|FAILED|CONNECTION_RESET|CONNECTION_REFUSED|NETWORK_CHANGED|NAME_NOT_RESOLVED|ABORTED)/,
  /WebSocket connection to .* failed/,
  // The service worker's script fetch (its first registration, or an update check) cut off by the
  // offline switch: the page now opens fast enough (server-rendered) to go offline before it ends.
  /An unknown error occurred when fetching the script/,
];

export function persistentProfiles({ prefix, noise }: { prefix: string; noise: RegExp[] }) {
  const open: Profile[] = [];
  let launch: LaunchOptions = {};

  test.beforeEach(async ({ launchOptions }) => {
    launch = launchOptions;
  });

  test.afterEach(async ({}, testInfo) => {
    const unexpected = open.flatMap((profile) => profile.errors.unexpected());
    for (const profile of open.splice(0)) {
      await profile.context.close().catch(() => undefined);
      rmSync(profile.dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 200 });
    }
    if (unexpected.length > 0 && testInfo.status === "passed") {
      throw new Error(`console errors during "${testInfo.title}":\n${unexpected.join("\n")}`);
    }
  });

  /** A browser on a new profile, or on `dir` again (the browser was closed and is opened again). */
  async function openProfile(dir = mkdtempSync(join(tmpdir(), `docflow-${prefix}-`))): Promise<Profile> {
    const context = await chromium.launchPersistentContext(dir, { ...launch, baseURL: BASE_URL });
    const errors = new ConsoleErrors();
    for (const pattern of noise) errors.allow(pattern);
    const page = context.pages()[0] ?? (await context.newPage());
    errors.watch(page, `profile ${open.length + 1}`);
    const profile = { dir, context, page, errors };
    open.push(profile);
    return profile;
  }

  /** Closes the browser (its profile stays on disk to be opened again), after checking its console. */
  async function closeProfile(profile: Profile): Promise<void> {
    expect(profile.errors.unexpected(), "console errors before the browser was closed").toEqual([]);
    await profile.context.close();
    open.splice(open.indexOf(profile), 1);
  }

  return { openProfile, closeProfile };
}
