import { test as base, expect, type Browser, type BrowserContext, type Page } from "@playwright/test";
import { DocflowApi, type Role } from "./api";
import { ConsoleErrors } from "./console";
import { ADMIN, BASE_URL, runId } from "./env";

export interface Account {
  email: string;
  password: string;
  role: Role;
}

/** Signs a browser context in through the API (the context's cookie jar is the browser's). */
export async function signInContext(context: BrowserContext, account: Pick<Account, "email" | "password">): Promise<void> {
  const response = await context.request.post(`${BASE_URL}/api/auth/login`, {
    data: { email: account.email, password: account.password },
  });
  expect(response.status(), `sign in as ${account.email}`).toBe(200);
}

/** Signs in through the sign-in screen, as a person would. */
export async function signInThroughUi(page: Page, account: Pick<Account, "email" | "password">): Promise<void> {
  await page.getByLabel("Email").fill(account.email);
  await page.getByLabel("Password").fill(account.password);
  await page.getByRole("button", { name: "Sign in" }).click();
}

interface Fixtures {
  /** Console errors of every page the test opens through `page` or `openPage`. */
  consoleErrors: ConsoleErrors;
  /** `page`, signed in as the demo admin. */
  adminPage: Page;
  /** A fresh viewer of the admin's workspace (made through the API). */
  viewer: Account;
  /** A new signed-in page in its own browser context (e.g. a second reviewer). */
  openPage: (account: Pick<Account, "email" | "password">, label?: string) => Promise<Page>;
}

interface WorkerFixtures {
  /** The demo admin's API session (cookie + CSRF), for arranging data and checking results. */
  adminApi: DocflowApi;
}

// Fixture bodies call their callback `provide` (Playwright's docs say `use`, which the React hooks
// lint rule mistakes for React's use()).
export const test = base.extend<Fixtures, WorkerFixtures>({
  consoleErrors: [
    async ({ page }, provide, testInfo) => {
      const errors = new ConsoleErrors();
      errors.watch(page);
      await provide(errors);
      const unexpected = errors.unexpected();
      if (unexpected.length > 0) {
        throw new Error(`console errors during "${testInfo.title}":\n${unexpected.join("\n")}`);
      }
    },
    { auto: true },
  ],

  adminApi: [
    async ({}, provide) => {
      const api = await DocflowApi.signIn();
      await provide(api);
      await api.dispose();
    },
    { scope: "worker" },
  ],

  adminPage: async ({ page }, provide) => {
    await signInContext(page.context(), ADMIN);
    await provide(page);
  },

  viewer: async ({ adminApi }, provide) => {
    const account: Account = { email: `viewer-${runId()}@docflow.local`, password: "viewer-password-1", role: "viewer" };
    await adminApi.createUser(account.email, account.role, account.password);
    await provide(account);
  },

  openPage: async ({ browser, consoleErrors }, provide) => {
    const contexts: BrowserContext[] = [];
    await provide(async (account, label = account.email) => {
      const context = await newContext(browser);
      contexts.push(context);
      await signInContext(context, account);
      const page = await context.newPage();
      consoleErrors.watch(page, label);
      return page;
    });
    await Promise.all(contexts.map((context) => context.close()));
  },
});

async function newContext(browser: Browser): Promise<BrowserContext> {
  return browser.newContext({ baseURL: BASE_URL, acceptDownloads: true });
}

export { expect };
