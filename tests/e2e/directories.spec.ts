import { readFile } from "node:fs/promises";
import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./axe";

// Several page loads and axe scans per test on a shared 2-core machine.
test.describe.configure({ timeout: 60_000 });

/** axe-core runs inside the page, so it is checked in the projects where scripts run. */
async function axe(page: Page) {
  if (test.info().project.use.javaScriptEnabled !== false) await expectNoAxeViolations(page);
}

const words = {
  en: {
    banks: "Bilingual banking",
    schools: "Children's education",
    rentals: "Foreign-language rental services",
    language: "Language",
    french: "French",
    city: "City or county",
    tainan: "Tainan City",
    kinmen: "Kinmen County",
    apply: "Apply filters",
    two: "2 entries",
    empty: "No entries match these filters",
    mega: "Mega International Commercial Bank Lanya Branch",
    nanke: "National Nanke International Experimental High School",
    taichungTile: "Taichung City: 3 entries",
    changhua: "Chang Hwa Commercial Bank Taichung Branch",
    figures: "Official figures",
  },
  "zh-TW": {
    banks: "雙語金融服務",
    schools: "子女教育",
    rentals: "外語租屋服務",
    language: "語言",
    french: "法文",
    city: "縣市",
    tainan: "臺南市",
    kinmen: "金門縣",
    apply: "套用篩選",
    two: "共 2 筆",
    empty: "沒有符合條件的資料",
    mega: "兆豐國際商業銀行 蘭雅分行",
    nanke: "國立南科國際實驗高級中學（南科實中）",
    taichungTile: "臺中市：3 筆",
    changhua: "彰化商業銀行 台中分行",
    figures: "官方統計",
  },
} as const;

const filtersForm = (page: Page) => page.locator("form.filters");

for (const lang of ["en", "zh-TW"] as const) {
  const w = words[lang];

  test.describe(`directories in ${lang}`, () => {
    test(`filter banks by language and open an entry @nojs`, async ({ page }) => {
      await page.goto(`/${lang}/living/banks`);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(w.banks);
      await filtersForm(page).getByLabel(w.language).selectOption({ label: w.french });
      await filtersForm(page).getByRole("button", { name: w.apply }).click();
      await expect(page).toHaveURL(/language=fr/);
      // Mega Lanya and Shin Kong's World Trade Center Branch are the entries whose sources name French service.
      await expect(page.getByRole("status").first()).toContainText(w.two);
      await page.getByRole("link", { name: w.mega }).click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(w.mega);
      await expect(page.locator(".source-note a")).toHaveAttribute("href", /^https:\/\/www\.fsc\.gov\.tw\//);
      await expect(page.locator(".source-note")).toContainText("2026");
      await axe(page);
    });

    test(`filter schools by city and open an entry @nojs`, async ({ page }) => {
      await page.goto(`/${lang}/family/schools`);
      await filtersForm(page).getByLabel(w.city).selectOption({ label: w.tainan });
      await filtersForm(page).getByRole("button", { name: w.apply }).click();
      await expect(page).toHaveURL(/city=tainan/);
      // Nanke's science-park school and Shalun International High School.
      await expect(page.getByRole("status").first()).toContainText(w.two);
      await page.getByRole("link", { name: w.nanke }).click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(w.nanke);
      await axe(page);
    });

    test(`filter rentals: an empty result, and the official counts with their source @nojs`, async ({ page }) => {
      await page.goto(`/${lang}/living/rentals`);
      await expect(page.getByRole("heading", { name: w.figures })).toBeVisible();
      await expect(page.locator(".figures dd").first()).toHaveText("30");
      await filtersForm(page).getByLabel(w.city).selectOption({ label: w.kinmen });
      await filtersForm(page).getByRole("button", { name: w.apply }).click();
      await expect(page).toHaveURL(/city=kinmen/);
      await expect(page.getByText(w.empty)).toBeVisible();
      await axe(page);
    });

    test(`the map filters by city, by mouse and by keyboard @nojs`, async ({ page }) => {
      await page.goto(`/${lang}/living/banks`);
      await page.getByRole("link", { name: w.taichungTile }).click();
      await expect(page).toHaveURL(/city=taichung/);
      await expect(page.getByRole("link", { name: w.changhua })).toBeVisible();
      await page.goto(`/${lang}/living/banks`);
      await page.getByRole("link", { name: w.taichungTile }).focus();
      await page.keyboard.press("Enter");
      await expect(page).toHaveURL(/city=taichung/);
      await axe(page);
    });

    test(`download the filtered list as CSV and JSON`, async ({ page }) => {
      await page.goto(`/${lang}/living/banks?language=fr`);
      const [csv] = await Promise.all([page.waitForEvent("download"), page.getByRole("link", { name: /CSV/ }).click()]);
      expect(csv.suggestedFilename()).toMatch(/^talent-taiwan-banks-\d{4}-\d{2}-\d{2}\.csv$/);
      const text = await readFile((await csv.path()) ?? "", "utf8");
      expect(text.split("\r\n")[0]).toBe(
        "\uFEFFid,bank_en,bank_zh,branch_en,branch_zh,district_en,district_zh,address_en,address_zh,hours_en,hours_zh,phone,website,note_en,note_zh," +
          "cities,services,languages,source_title,source_url,source_publisher,source_date,unverified,last_verified"
      );
      expect(text).toContain("mega-lanya");
      expect(text).not.toContain("dbs-tianmu");
      const [json] = await Promise.all([
        page.waitForEvent("download"),
        page.getByRole("link", { name: /JSON/ }).click(),
      ]);
      const body = JSON.parse(await readFile((await json.path()) ?? "", "utf8"));
      expect(body).toMatchObject({ directory: "banks", count: 2, filters: { language: "fr" } });
      const mega = body.entries.find((e: { id: string }) => e.id === "mega-lanya");
      expect(mega).toMatchObject({ languages: ["zh", "en", "fr", "ja"] });
    });

    test(`overview and family hub pass axe`, async ({ page }) => {
      test.setTimeout(90_000);
      for (const path of ["living", "family", "living/rentals", "family/schools"]) {
        await page.goto(`/${lang}/${path}`);
        await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
        await axe(page);
      }
      await page.goto(`/${lang}/family`);
      await page.locator(".prose").getByRole("link", { name: w.schools }).click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(w.schools);
    });
  });
}

test.describe("bad input", () => {
  test("exports send the right headers", async ({ request }) => {
    const csv = await request.get("/en/family/schools/export.csv?city=taichung");
    expect(csv.headers()["content-type"]).toBe("text/csv; charset=utf-8");
    expect(csv.headers()["content-disposition"]).toMatch(/^attachment; filename="talent-taiwan-schools-.*\.csv"$/);
    const json = await request.get("/zh-TW/living/rentals/export.json?city=kinmen");
    expect(json.headers()["content-type"]).toBe("application/json; charset=utf-8");
    expect((await json.json()).entries).toEqual([]);
  });

  test("forged filters and over-long searches get a clear error and change nothing; huge pages and injection never fail @nojs", async ({
    page,
  }) => {
    await page.goto("/en/living/banks");
    const all = await page.getByRole("status").first().textContent();
    let res = await page.goto("/en/living/banks?city=atlantis&language=%3Cscript%3E");
    expect(res?.status()).toBe(400);
    await expect(page).toHaveTitle(/^Error: /);
    await expect(page.getByRole("alert")).toContainText("A filter in the web address is not one of the choices");
    await expect(page.getByRole("status").first()).toHaveText(all ?? "");
    res = await page.goto(`/en/living/banks?q=${"x".repeat(101)}`);
    expect(res?.status()).toBe(400);
    await expect(page.getByRole("alert")).toContainText("longer than 100 characters");
    await expect(page.getByRole("status").first()).toHaveText(all ?? "");
    res = await page.goto("/en/living/banks?page=99999");
    expect(res?.status()).toBe(200);
    await expect(page.getByText("There is no page 99,999")).toBeVisible();
    res = await page.goto(`/en/living/banks?q=${encodeURIComponent("' or 1=1; drop table bank_branches; --")}`);
    expect(res?.status()).toBe(200);
    await expect(page.getByText("No entries match these filters")).toBeVisible();
    await page.goto("/en/living/banks");
    await expect(page.getByRole("status").first()).toContainText(/^\d+ entries/);
    for (const path of [
      "/en/living/banks/no-such-bank",
      "/en/living/schools",
      "/en/family/banks",
      "/en/living/banks/%27%3B",
    ]) {
      expect((await page.goto(path))?.status(), path).toBe(404);
    }
  });

  test("staff upkeep is invisible without staff access @nojs", async ({ page }) => {
    for (const path of [
      "/en/staff/directories/banks",
      "/en/staff/directories/banks/new",
      "/en/staff/directories/banks/import",
      "/en/staff/directories/banks/mega-lanya",
    ]) {
      expect((await page.goto(path))?.status(), path).toBe(404);
    }
  });
});

test.describe("phone width", () => {
  test("the list, the map and an entry fit a phone @phone", async ({ page }) => {
    await page.goto("/zh-TW/living/banks");
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await page.getByRole("link", { name: "臺中市：3 筆" }).click();
    await expect(page).toHaveURL(/city=taichung/);
    await page.getByRole("link", { name: "彰化商業銀行 台中分行" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("彰化商業銀行 台中分行");
    await axe(page);
  });
});
