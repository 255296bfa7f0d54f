import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./axe";

test.describe.configure({ timeout: 90_000 });

async function axe(page: Page) {
  if (test.info().project.use.javaScriptEnabled !== false) await expectNoAxeViolations(page);
}

// The filter form's own submission is covered in directories.spec.ts; here the query goes in the address.
const search = async (page: Page, path: string, q: string) => {
  await page.goto(`${path}?q=${encodeURIComponent(q)}`);
  await expect(page.locator("form.filters").getByRole("searchbox")).toHaveValue(q);
  return page.locator(".entry-list h3 a").allTextContents();
};

test.describe("directories from sources", () => {
  test("a Chinese and an English search find the same entry in any page language @nojs", async ({ page }) => {
    const zhOnEn = await search(page, "/en/living/banks", "蘭雅");
    const enOnEn = await search(page, "/en/living/banks", "Lanya");
    expect(zhOnEn).toEqual(["Mega International Commercial Bank Lanya Branch"]);
    expect(enOnEn).toEqual(zhOnEn);
    expect(await search(page, "/vi/living/banks", "蘭雅")).toEqual(zhOnEn);
    expect(await search(page, "/zh-TW/living/banks", "Lanya")).toEqual(["兆豐國際商業銀行 蘭雅分行"]);
    expect(await search(page, "/zh-TW/family/schools", "台北市")).toEqual(
      await search(page, "/zh-TW/family/schools", "Taipei City")
    );
  });

  test("each county on the map links to a list with the same count @nojs", async ({ page }) => {
    await page.goto("/en/family/schools");
    const rows = page.locator(".tw-map table tbody tr");
    await expect(rows).toHaveCount(22);
    const expected: [string, number][] = [];
    for (const row of await rows.all()) {
      const href = (await row.locator("a").getAttribute("href")) ?? "";
      const n = Number((await row.locator("td").textContent())?.replace(/\D/g, ""));
      if (n > 0) expected.push([href, n]);
    }
    expect(expected.length).toBeGreaterThan(5);
    for (const [href, n] of expected) {
      await page.goto(href);
      await expect(page.getByRole("status").first(), href).toContainText(new RegExp(`^${n} entr`));
    }
    await page.goto("/en/family/schools");
    await page.getByRole("link", { name: /^Kaohsiung City: \d+ entries$/ }).focus();
    await page.keyboard.press("Enter");
    await expect(page).toHaveURL(/city=kaohsiung/);
    await axe(page);
  });

  test("report a change: errors first, then a case reference, without JavaScript @nojs", async ({ page }) => {
    await page.goto("/en/living/banks/mega-lanya");
    await expect(page.getByText(/^Checked on/)).toBeVisible();
    await page.getByRole("link", { name: "Report a change to this entry" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Report a change");
    await axe(page);
    await page.getByRole("button", { name: "Send report" }).click();
    // The "Error:" title prefix is set in the browser (useErrorTitle), as on every form of the portal.
    if (test.info().project.use.javaScriptEnabled !== false) await expect(page).toHaveTitle(/^Error: /);
    await expect(page.getByRole("alert")).toContainText("Choose what is wrong");
    await expect(page.getByRole("alert")).toContainText("at least 10 characters");
    await page.getByLabel("What is wrong?").selectOption({ label: "Opening hours" });
    await page.getByLabel("What should it say?").fill("Open until 15:30 on weekdays, according to the bank's page.");
    await page.getByLabel("Your email").fill("not-an-email");
    await page.getByRole("button", { name: "Send report" }).click();
    await expect(page.getByRole("alert")).toContainText("Enter an email address");
    await expect(page.getByLabel("What should it say?")).toHaveValue(
      "Open until 15:30 on weekdays, according to the bank's page."
    );
    await page.getByLabel("Your email").fill("");
    await page.getByRole("button", { name: "Send report" }).click();
    // The report opens a case (a transaction with its audit row): on a loaded machine that can take over 5 s.
    await expect(page).toHaveURL(/\/en\/living\/banks\/mega-lanya\?reported=TT-\d{4}-\d{6}/, { timeout: 15_000 });
    await expect(page.getByRole("status").first()).toContainText(/Your report is case TT-\d{4}-\d{6}/);
  });

  test("a forged report field is refused and nothing is opened", async ({ page }) => {
    await page.goto("/vi/family/schools/taipei-american-school/report");
    await page
      .locator("select")
      .evaluate((el) => el.insertAdjacentHTML("beforeend", '<option value="bank">forged</option>'));
    await page.locator("select").selectOption("bank");
    await page.locator("textarea").fill("A message that is long enough to pass.");
    await page.locator("form[method=post] button[type=submit]").click();
    await expect(page.getByRole("alert")).toContainText("Vui lòng chọn mục sai");
    await expect(page).toHaveURL(/\/report$/);
  });
});
