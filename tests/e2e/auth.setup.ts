import { test as setup } from "@playwright/test";
import { DEMO_STAFF_EMAILS, signInStaff, staffStatePath } from "./staff-helpers";

/**
 * Signs every demo staff account in once, through the real password and TOTP steps, and saves its session: tests that
 * are not about signing in reuse it, so parallel tests do not race for the same account's 30-second TOTP steps.
 */
for (const email of DEMO_STAFF_EMAILS) {
  setup(`sign in ${email}`, async ({ page }) => {
    setup.setTimeout(90_000);
    await signInStaff(page, email, "en", { fresh: true });
    await page.context().storageState({ path: staffStatePath(email) });
  });
}
