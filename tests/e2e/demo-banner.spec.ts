import { expect, test } from "@playwright/test";

// The e2e server runs in demo mode (NODE_ENV=test): every page says so, above the header, without breaking the layout.
for (const [lang, label] of [
  ["en", "Demonstration"],
  ["zh-TW", "示範網站"],
  ["th", "เว็บไซต์สาธิต"],
] as const) {
  test(`the demo banner in ${lang} sits above the header and fits the screen @nojs @phone`, async ({ page }) => {
    await page.goto(`/${lang}/eligibility`);
    const banner = page.getByRole("complementary", { name: label });
    await expect(banner).toBeVisible();
    await expect(banner.getByRole("link")).toHaveAttribute("href", `/${lang}/dev/mailbox`);
    const [bannerBox, headerBox] = await Promise.all([
      banner.boundingBox(),
      page.locator(".site-header").boundingBox(),
    ]);
    expect(bannerBox && headerBox && bannerBox.y + bannerBox.height <= headerBox.y + 1).toBe(true);
    const { scrollWidth, width } = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      width: window.innerWidth,
    }));
    expect(scrollWidth).toBeLessThanOrEqual(width);
  });
}
