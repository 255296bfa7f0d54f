import { expect, test } from "@playwright/test";

test.describe("language negotiation at /", () => {
  for (const [header, expected] of [
    ["zh-TW,zh;q=0.9", "/zh-TW"],
    ["zh-Hant", "/zh-TW"],
    ["fr-FR,en;q=0.5", "/en"],
    ["de-DE", "/en"],
    ["ja-JP,ja;q=0.9,en;q=0.8", "/ja"],
    ["ko-KR,ko;q=0.9", "/ko"],
    ["vi-VN,vi;q=0.9", "/vi"],
    ["id-ID,id;q=0.9", "/id"],
    ["in-ID", "/id"],
    ["in", "/id"],
    ["th-TH,th;q=0.9", "/th"],
  ] as const) {
    test(`${header} → ${expected}`, async ({ request }) => {
      const res = await request.get("/", { headers: { "Accept-Language": header }, maxRedirects: 0 });
      expect(res.status()).toBe(302);
      expect(res.headers()["location"]).toBe(expected);
      expect(res.headers()["vary"]).toMatch(/Accept-Language/);
    });
  }

  test("a browser lands on its language @nojs", async ({ browser }) => {
    const context = await browser.newContext({ locale: "zh-TW", extraHTTPHeaders: { "Accept-Language": "zh-TW" } });
    const page = await context.newPage();
    await page.goto("/");
    await expect(page).toHaveURL(/\/zh-TW$/);
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-TW");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("在臺灣工作與生活");
    await context.close();
  });
});

test.describe("language switcher", () => {
  test("keeps the path and query, and / remembers the choice @nojs", async ({ page }) => {
    await page.goto("/en/contact?from=test");
    await page.getByRole("navigation", { name: "Language" }).getByRole("link", { name: "繁體中文" }).click();
    await expect(page).toHaveURL(/\/zh-TW\/contact\?from=test$/);
    await expect(page.locator("html")).toHaveAttribute("lang", "zh-TW");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("諮詢顧問");
    await page.goto("/");
    await expect(page).toHaveURL(/\/zh-TW$/);
  });

  test("lists all seven languages, each named in its own script @nojs", async ({ page }) => {
    await page.goto("/th/contact");
    const switcher = page.getByRole("navigation", { name: "ภาษา" });
    await expect(switcher.getByRole("listitem")).toHaveText([
      "English",
      "繁體中文",
      "日本語",
      "한국어",
      "Tiếng Việt",
      "Bahasa Indonesia",
      "ไทย",
    ]);
    await expect(switcher.locator('[aria-current="true"]')).toHaveAttribute("lang", "th");
    for (const [name, code] of [
      ["日本語", "ja"],
      ["한국어", "ko"],
      ["Tiếng Việt", "vi"],
      ["Bahasa Indonesia", "id"],
    ] as const) {
      const link = switcher.getByRole("link", { name, exact: true });
      await expect(link).toHaveAttribute("lang", code);
      await expect(link).toHaveAttribute("href", `/${code}/contact`);
    }
  });

  test("every page has canonical and hreflang alternates", async ({ page }) => {
    await page.goto("/ko/contact?from=test");
    await expect(page.locator('link[rel="canonical"]')).toHaveAttribute("href", /\/ko\/contact\?from=test$/);
    const alternates = page.locator('link[rel="alternate"][hreflang]');
    await expect(alternates).toHaveCount(8);
    const pairs = await alternates.evaluateAll((links) =>
      links.map((l) => [l.getAttribute("hreflang"), new URL(l.getAttribute("href") ?? "").pathname])
    );
    expect(pairs).toEqual([
      ["en", "/en/contact"],
      ["zh-TW", "/zh-TW/contact"],
      ["ja", "/ja/contact"],
      ["ko", "/ko/contact"],
      ["vi", "/vi/contact"],
      ["id", "/id/contact"],
      ["th", "/th/contact"],
      ["x-default", "/en/contact"],
    ]);
  });
});

test.describe("not found", () => {
  test("an unknown page is a localized 404 @nojs", async ({ page }) => {
    const res = await page.goto("/zh-TW/no-such-page");
    expect(res?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("找不到此頁面");
    await expect(page).toHaveTitle("找不到此頁面");
  });

  test("an unknown locale is a 404 in the reader's language", async ({ browser }) => {
    const context = await browser.newContext({ locale: "zh-TW" });
    const page = await context.newPage();
    const res = await page.goto("/xx/anything");
    expect(res?.status()).toBe(404);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("找不到此頁面");
    await context.close();
  });
});

test("health check answers with the database state", async ({ request }) => {
  const res = await request.get("/healthz");
  expect(res.status()).toBe(200);
  expect(await res.json()).toMatchObject({ status: "ok", database: "pglite" });
});

test("responses carry the security headers", async ({ request }) => {
  const res = await request.get("/en");
  const h = res.headers();
  expect(h["content-security-policy"]).toMatch(/script-src 'self' 'nonce-[^']+'/);
  expect(h["content-security-policy"]).toContain("frame-ancestors 'none'");
  expect(h["x-content-type-options"]).toBe("nosniff");
  expect(h["referrer-policy"]).toBe("strict-origin-when-cross-origin");
  expect(h["strict-transport-security"]).toBeUndefined();
});

test("a cross-site POST is refused", async ({ request }) => {
  const res = await request.post("/en", {
    headers: { Origin: "https://evil.example", "Sec-Fetch-Site": "cross-site" },
    form: { a: "b" },
  });
  expect(res.status()).toBe(403);
});

for (const lang of ["en", "zh-TW"] as const) {
  // axe runs on the home page at 390 and 1280 px in site-chrome.spec.ts; here the skip link leads to the content.
  test(`home page in ${lang} starts with a skip link to the main content`, async ({ page }) => {
    await page.goto(`/${lang}`);
    await page.keyboard.press("Tab");
    const skip = page.getByRole("link", { name: lang === "en" ? "Skip to main content" : "跳到主要內容" });
    await expect(skip).toBeFocused();
    await expect(skip).toHaveAttribute("href", "#main");
    await expect(page.locator("#main")).toBeAttached();
  });
}

test("the home page ships no JavaScript; its links lead to pages that hydrate cleanly", async ({ page }) => {
  const errors: string[] = [];
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto("/zh-TW");
  await expect(page.locator("script[src], link[rel=modulepreload], #i18n-resources")).toHaveCount(0);
  expect(await page.evaluate(() => "__remixRouteModules" in window)).toBe(false);
  await page.getByRole("link", { name: "諮詢顧問" }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("諮詢顧問");
  await page.waitForFunction(() => "__remixRouteModules" in window);
  expect(errors).toEqual([]);
});

test("a page ships only the strings it uses; client navigation loads the rest before rendering", async ({ page }) => {
  const errors: string[] = [];
  page.on("console", (m) => m.type() === "error" && errors.push(m.text()));
  page.on("pageerror", (e) => errors.push(e.message));
  await page.goto("/en/contact");
  const shipped = await page.locator("#i18n-resources").textContent();
  expect(Object.keys(JSON.parse(shipped ?? "{}")).sort()).toEqual(["common", "contact", "errors"]);
  await page.waitForFunction(() => "__remixRouteModules" in window);
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Pathways" }).click();
  await expect(page).toHaveURL(/\/en\/pathways$/);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Pathways to work in Taiwan");
  await expect(page.getByRole("main")).not.toContainText("guide.");
  await page.getByRole("navigation", { name: "Main" }).getByRole("link", { name: "Living in Taiwan" }).click();
  await expect(page.getByRole("main")).not.toContainText("living.");
  // Back to the script-free home page by client navigation: its strings load too.
  await page.getByRole("link", { name: "Talent Taiwan" }).first().click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Work and live in Taiwan");
  await expect(page.getByRole("main")).not.toContainText("home.");
  expect(errors).toEqual([]);
});

test("a translated page says the official Chinese text prevails and links to it @nojs", async ({ page }) => {
  await page.goto("/en/contact?x=1");
  const notice = page.getByRole("complementary", { name: "About this translation" });
  await expect(notice).toContainText("official Chinese text prevails");
  await expect(notice).toContainText("Translation last reviewed");
  await notice.getByRole("link", { name: /繁體中文/ }).click();
  await expect(page).toHaveURL(/\/zh-TW\/contact\?x=1$/);
  await expect(page.getByRole("complementary", { name: "關於本譯文" })).toHaveCount(0);
});
