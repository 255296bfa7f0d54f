import { expect, test } from "@playwright/test";
import { signInStaff, STAFF_PASSWORD } from "./staff-helpers";

test("screenshots", async ({ browser }) => {
  test.setTimeout(300_000);
  const ctx = await browser.newContext();
  const page = await ctx.newPage();
  await signInStaff(page, "admin@demo.test");
  for (const lang of ["en", "zh-TW"]) {
    for (const width of [412, 1280]) {
      await page.setViewportSize({ width, height: 900 });
      await page.goto(`/${lang}/staff/security`);
      await page.screenshot({ path: `/tmp/shots-2fa/security-${lang}-${width}.png`, fullPage: true });
      await page.locator("#regenerate").click();
      await expect(page.locator(".recovery-codes li")).toHaveCount(10);
      await page.screenshot({ path: `/tmp/shots-2fa/security-codes-${lang}-${width}.png`, fullPage: true });
      await page.goto(`/${lang}/staff/team`);
      await page.locator("tr", { hasText: "editor@demo.test" }).getByRole("link").click();
      await page.locator("form.card input[name=userId]").waitFor({ state: "attached" });
      await page.screenshot({ path: `/tmp/shots-2fa/team-confirm-${lang}-${width}.png`, fullPage: true });
      await page.locator("form.card button").first().click();
      await expect(page.locator(".recovery-codes li")).toHaveCount(10);
      await page.screenshot({ path: `/tmp/shots-2fa/team-reset-${lang}-${width}.png`, fullPage: true });
      const other = await (await browser.newContext({ viewport: { width, height: 900 } })).newPage();
      await other.goto(`/${lang}/staff/sign-in`);
      await other.locator("#email").fill("consultant@demo.test");
      await other.locator("#password").fill(STAFF_PASSWORD);
      await other.locator("button[type=submit]").click();
      await other.locator("#code").waitFor();
      await other.screenshot({ path: `/tmp/shots-2fa/signin-code-${lang}-${width}.png`, fullPage: true });
      await other.locator(".narrow a").click();
      await other.locator("#recoveryCode").fill("xxxx");
      await other.locator("button[type=submit]").click();
      await other.locator(".error-summary").waitFor();
      await other.screenshot({ path: `/tmp/shots-2fa/signin-recovery-${lang}-${width}.png`, fullPage: true });
      await other.context().close();
    }
  }
});
