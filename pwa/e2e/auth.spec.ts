import { ADMIN } from "./support/env";
import { expect, signInContext, signInThroughUi, test } from "./support/fixtures";
import { dashboardReady, loginReady, uploadReady } from "./support/screens";

test.describe("sign-in", () => {
  test("a signed-out visit to /upload goes to /login?next=/upload and returns there after signing in", async ({ page }) => {
    await page.goto("/upload");
    await expect(page).toHaveURL(/\/login\?next=(%2F|\/)upload$/);
    await loginReady(page);

    await signInThroughUi(page, ADMIN);

    await expect(page).toHaveURL(/\/upload$/);
    await uploadReady(page);
    // The header says who is signed in, and their role.
    const header = page.getByRole("banner");
    await expect(header).toContainText(ADMIN.email);
    await expect(header).toContainText(/admin/i);
  });

  test("a wrong password keeps the reviewer on the sign-in screen with the reason", async ({ page, consoleErrors }) => {
    // Chromium logs the sign-in's 401 answer itself ("Failed to load resource"); that is the
    // answer under test, not an app error.
    consoleErrors.allow(/Failed to load resource: the server responded with a status of 401.*\/api\/auth\/login/);
    await page.goto("/login");
    await signInThroughUi(page, { email: ADMIN.email, password: "not-the-password" });
    await expect(page.getByRole("alert")).toBeVisible();
    await expect(page).toHaveURL(/\/login/);
  });

  test("signing out ends the session: the screens send you to sign-in again", async ({ page }) => {
    await signInContext(page.context(), ADMIN);
    await page.goto("/");
    await dashboardReady(page);

    await page.getByRole("button", { name: "Sign out" }).click();

    await expect(page).toHaveURL(/\/login/);
    await loginReady(page);
    await page.goto("/");
    await expect(page).toHaveURL(/\/login\?next=(%2F|\/)$/);
    const me = await page.request.get("/api/auth/me");
    expect(me.status()).toBe(401);
  });
});
