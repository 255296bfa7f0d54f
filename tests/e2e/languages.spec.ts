import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./axe";

/** What a reader of each new language sees first, written out here so a copied or missing string fails. */
const expected = {
  ja: {
    home: "台湾で働き、暮らす",
    contact: "コンサルタントに相談",
    notFound: "ページが見つかりません",
    notice: "この翻訳について",
    reviewed: "2026年11月25日",
  },
  ko: {
    home: "대만에서 일하고 생활하기",
    contact: "상담사와 상담",
    notFound: "페이지를 찾을 수 없습니다",
    notice: "이 번역에 대하여",
    reviewed: "2026년 11월 25일",
  },
  vi: {
    home: "Làm việc và sinh sống tại Đài Loan",
    contact: "Trao đổi với tư vấn viên",
    notFound: "Không tìm thấy trang",
    notice: "Về bản dịch này",
    reviewed: "25 tháng 11, 2026",
  },
  id: {
    home: "Bekerja dan tinggal di Taiwan",
    contact: "Bicara dengan konsultan",
    notFound: "Halaman tidak ditemukan",
    notice: "Tentang terjemahan ini",
    reviewed: "25 November 2026",
  },
  th: {
    home: "ทำงานและใช้ชีวิตในไต้หวัน",
    contact: "ติดต่อที่ปรึกษา",
    notFound: "ไม่พบหน้านี้",
    notice: "เกี่ยวกับคำแปลนี้",
    reviewed: "25 พฤศจิกายน ค.ศ. 2026",
  },
} as const;

/** axe-core needs scripts in the page: the no-js project checks the words, the js and phone projects run axe. */
async function scan(page: Page, javaScriptEnabled: boolean) {
  if (javaScriptEnabled) await expectNoAxeViolations(page);
}

/** Nothing wider than the screen: long words, names or numbers must wrap. */
async function expectNoHorizontalScroll(page: Page) {
  const overflow = await page.evaluate(
    () => document.documentElement.scrollWidth - document.documentElement.clientWidth
  );
  expect(overflow).toBeLessThanOrEqual(0);
}

for (const [lang, words] of Object.entries(expected)) {
  test.describe(`${lang}`, () => {
    test(`home page in ${lang}: translated, says the Chinese text prevails, axe clean @phone @nojs`, async ({
      page,
      javaScriptEnabled,
    }) => {
      await page.goto(`/${lang}`);
      await expect(page.locator("html")).toHaveAttribute("lang", lang);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(words.home);
      await expect(page).toHaveTitle(new RegExp(`^Talent Taiwan`));
      const notice = page.getByRole("complementary", { name: words.notice });
      await expect(notice).toContainText(words.reviewed);
      await expect(notice.getByRole("link", { name: /繁體中文/ })).toHaveAttribute("href", "/zh-TW");
      await expect(page.locator("main")).toContainText("就業金卡");
      await expectNoHorizontalScroll(page);
      await scan(page, javaScriptEnabled);
    });

    test(`contact page in ${lang} is translated and axe clean @phone`, async ({ page, javaScriptEnabled }) => {
      await page.goto(`/${lang}/contact`);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(words.contact);
      await expect(page.getByRole("heading", { level: 3 })).toHaveCount(3);
      await expect(page.getByRole("main")).toContainText("國際人才服務及延攬中心");
      await expectNoHorizontalScroll(page);
      await scan(page, javaScriptEnabled);
    });

    test(`an unknown page in ${lang} is a localized 404, axe clean`, async ({ page, javaScriptEnabled }) => {
      const res = await page.goto(`/${lang}/no-such-page`);
      expect(res?.status()).toBe(404);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(words.notFound);
      await expect(page).toHaveTitle(words.notFound);
      await expectNoHorizontalScroll(page);
      await scan(page, javaScriptEnabled);
    });
  });
}

/** The fonts Chromium really drew the first heading with (DevTools protocol), so a missing font cannot hide. */
async function fontsUsedForHeading(page: Page): Promise<string[]> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send("DOM.enable");
  await cdp.send("CSS.enable");
  const { root } = await cdp.send("DOM.getDocument");
  const { nodeId } = await cdp.send("DOM.querySelector", { nodeId: root.nodeId, selector: "h1" });
  const { fonts } = await cdp.send("CSS.getPlatformFontsForNode", { nodeId });
  return fonts.map((f) => f.familyName);
}

for (const [lang, font] of [
  ["ja", "Noto Sans CJK JP"],
  ["ko", "Noto Sans CJK KR"],
  ["th", "Noto Sans Thai"],
  ["zh-TW", "Noto Sans CJK TC"],
] as const) {
  test(`${lang} headings are drawn with ${font}`, async ({ page }) => {
    await page.goto(`/${lang}`);
    expect(await fontsUsedForHeading(page)).toContain(font);
  });
}

test("an unknown locale is a 404 in the reader's language (th-TH) @nojs", async ({ browser }) => {
  const context = await browser.newContext({
    locale: "th-TH",
    extraHTTPHeaders: { "Accept-Language": "th-TH,th;q=0.9" },
  });
  const page = await context.newPage();
  const res = await page.goto("/xx/anything");
  expect(res?.status()).toBe(404);
  await expect(page.locator("html")).toHaveAttribute("lang", "th");
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(expected.th.notFound);
  await context.close();
});
