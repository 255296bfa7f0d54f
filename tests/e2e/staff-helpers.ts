import type { Page } from "@playwright/test";
import { DEMO_TOTP_SECRET } from "~db/seeds/staff";
import { totpNow } from "~/modules/staff/totp.server";

export const STAFF_PASSWORD = "demo-password-123";

/**
 * Password step, then the TOTP step. A code whose 30 s step was already used (by another test signing in to the same
 * demo account) is refused, so the next step's code is tried, and failing that the helper waits for a new step.
 */
export async function signInStaff(page: Page, email: string, lang = "en") {
  await page.goto(`/${lang}/staff/sign-in`);
  await page.getByLabel(lang === "en" ? "Work email" : "公務電子郵件").fill(email);
  await page.getByLabel(lang === "en" ? "Password" : "密碼").fill(STAFF_PASSWORD);
  await page.getByRole("button", { name: lang === "en" ? "Continue" : "繼續" }).click();
  const code = page.getByLabel(lang === "en" ? "6-digit code" : "6 位數代碼");
  // At most 4 refusals: 5 lock the account for 15 minutes.
  for (let round = 0; round < 2; round++) {
    for (const offset of [0, 30_000]) {
      await code.fill(totpNow(DEMO_TOTP_SECRET, Date.now() + offset));
      await page.getByRole("button", { name: lang === "en" ? "Verify and sign in" : "驗證並登入" }).click();
      const done = await page.waitForURL(/\/staff\/inbox/, { timeout: 5000 }).then(
        () => true,
        () => false,
      );
      if (done) return;
    }
    if (round === 0) await page.waitForTimeout(30_000 - (Date.now() % 30_000) + 500);
  }
  throw new Error("could not pass the TOTP step");
}
