import { expect, test, type BrowserContext, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./axe";
import { signInStaff } from "./staff-helpers";

type StorageState = Awaited<ReturnType<BrowserContext["storageState"]>>;

// Several page loads and axe scans per test on a shared 2-core machine.
test.describe.configure({ timeout: 90_000 });

// One signed-in staff session per project run (a TOTP code works once per 30 s step), shared by the tests below.
test.describe.configure({ mode: "serial" });
let staffState: StorageState | undefined;
test.beforeAll(async ({ browser }, info) => {
  const context = await browser.newContext({
    baseURL: info.project.use.baseURL,
    javaScriptEnabled: info.project.use.javaScriptEnabled,
  });
  await signInStaff(await context.newPage(), "editor@demo.test");
  staffState = await context.storageState();
  await context.close();
});
test.beforeEach(async ({ context }) => {
  if (staffState) await context.addCookies(staffState.cookies);
});

async function axe(page: Page) {
  if (test.info().project.use.javaScriptEnabled !== false) await expectNoAxeViolations(page);
}

const header = "id,name_en,name_zh,cities,services,languages,phone,email,source_title,source_url,last_verified";

function csvFile(lines: string[]) {
  return { name: "rentals.csv", mimeType: "text/csv", buffer: Buffer.from([header, ...lines].join("\n"), "utf8") };
}

test.describe("staff upkeep of the directories", () => {
  test("create with validation, edit, retire and restore an entry @nojs", async ({ page }) => {
    const project = test.info().project.name;
    // A retry makes its own entry: the first attempt's may already exist.
    const id = `e2e-agent-${project}-r${test.info().retry}${test.info().repeatEachIndex}`;
    await page.goto("/en/staff/directories/rentals/new");
    await axe(page);
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByRole("alert")).toContainText("Enter this in English or Chinese");
    await expect(page).toHaveTitle(/Add to Foreign-language rental services/);
    await page.getByLabel("Identifier").fill(id);
    await page.getByLabel("Name (English)").fill("=HYPERLINK(1)");
    await page.getByLabel("Source", { exact: true }).fill("E2E source");
    await page.getByLabel("Source address (URL)").fill("https://example.tw/e2e");
    await page.getByLabel("Last checked").fill("2026-11-25");
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByRole("alert")).toContainText("spreadsheets would run it as a formula");
    await expect(page.getByLabel("Source", { exact: true })).toHaveValue("E2E source");
    await page.getByLabel("Name (English)").fill("E2E Rental Agent");
    await page.getByLabel("Name (Chinese)").fill("測試租屋");
    await page.getByRole("checkbox", { name: "Thai" }).check();
    await page.getByRole("checkbox", { name: "Penghu County" }).check();
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByRole("status")).toHaveText("Saved.");
    await expect(page.getByRole("heading", { name: /not checked for 12 months/ })).toBeVisible();
    await axe(page);

    await page.goto(`/zh-TW/living/rentals/${id}`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("測試租屋");

    await page.goto(`/en/staff/directories/rentals/${id}`);
    await page.getByLabel("Name (English)").fill(`E2E Rental Agent Renamed ${id}`);
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByRole("status")).toHaveText("Saved.");
    await page.goto(`/en/staff/directories/rentals/${id}`);
    await axe(page);
    await page.getByRole("button", { name: "Retire this entry" }).click();
    await expect(page.getByRole("row", { name: new RegExp(`E2E Rental Agent Renamed ${id}`) })).toContainText(
      "Retired"
    );
    expect((await page.goto(`/en/living/rentals/${id}`))?.status()).toBe(404);
    await page.goto(`/en/staff/directories/rentals/${id}`);
    await page.getByRole("button", { name: "Restore this entry" }).click();
    // With scripts on the form posts by fetch: wait for its redirect before leaving the page, or the next visit races it.
    await expect(page).toHaveURL(new RegExp(`[?&]saved=${id}`));
    await expect(page.getByRole("row", { name: new RegExp(`E2E Rental Agent Renamed ${id}`) })).not.toContainText(
      "Retired"
    );
    expect((await page.goto(`/en/living/rentals/${id}`))?.status()).toBe(200);
  });

  test("import: a file with bad rows is refused line by line, then its good rows on request @nojs", async ({
    page,
  }) => {
    const p = test.info().project.name;
    const bad = csvFile([
      `imp-ok-${p},Import OK,,penghu,listings,th,,,Src,https://example.tw/src,2026-11-20`,
      `imp-bad-${p},Bad City,,atlantis,listings,th,,,Src,https://example.tw/src,2026-11-20`,
      `imp-date-${p},Bad Date,,penghu,listings,th,,,Src,https://example.tw/src,2026-13-01`,
    ]);
    await page.goto("/zh-TW/staff/directories/rentals/import");
    await axe(page);
    await page.getByLabel("CSV 檔案").setInputFiles(bad);
    await page.getByRole("button", { name: "檢查並匯入" }).click();
    const report = page.getByRole("alert");
    await expect(report).toContainText("未匯入任何資料");
    await expect(report.getByRole("row")).toHaveCount(3);
    await expect(report.getByRole("row").nth(1)).toContainText("3");
    await expect(report.getByRole("row").nth(2)).toContainText("請以 YYYY-MM-DD 格式輸入有效日期");
    await axe(page);
    await page.getByLabel("CSV 檔案").setInputFiles(bad);
    await page.getByLabel("若部分資料列有誤，仍匯入正確的資料列").check();
    await page.getByRole("button", { name: "檢查並匯入" }).click();
    await expect(page.getByRole("alert")).toContainText("已新增 1 筆、更新 0 筆資料");
    expect((await page.goto(`/en/living/rentals/imp-ok-${p}`))?.status()).toBe(200);
    expect((await page.goto(`/en/living/rentals/imp-bad-${p}`))?.status()).toBe(404);
  });

  test("import: a clean file goes in; hostile and malformed files do not", async ({ page }) => {
    await page.goto("/en/staff/directories/rentals/import");
    await page
      .getByLabel("CSV file")
      .setInputFiles(
        csvFile([
          `imp-clean-1,Clean One,,penghu,listings,th,,,Src,https://example.tw/src,2026-11-20`,
          `imp-clean-2,"Clean, Two",,penghu,listings,th,,,Src,https://example.tw/src,2026-11-20`,
        ])
      );
    await page.getByRole("button", { name: "Check and import" }).click();
    await expect(page.getByRole("status")).toHaveText("Imported 2 new and 0 updated entries.");

    await page.goto("/en/staff/directories/rentals/import");
    await page
      .getByLabel("CSV file")
      .setInputFiles(
        csvFile([`imp-evil,"=cmd|' /C calc'!A0",,penghu,listings,th,,,Src,https://example.tw/src,2026-11-20`])
      );
    await page.getByRole("button", { name: "Check and import" }).click();
    await expect(page.getByRole("alert")).toContainText("spreadsheets would run it as a formula");

    await page
      .getByLabel("CSV file")
      .setInputFiles({ name: "x.csv", mimeType: "text/csv", buffer: Buffer.from(`${header}\n"unclosed,a,b`) });
    await page.getByRole("button", { name: "Check and import" }).click();
    await expect(page.getByRole("alert")).toContainText("The file is not valid CSV");

    await page.getByLabel("CSV file").setInputFiles([]);
    await page.getByRole("button", { name: "Check and import" }).click();
    await expect(page.getByRole("alert")).toContainText("Choose a CSV file");
    expect((await page.goto("/en/living/rentals/imp-evil"))?.status()).toBe(404);
  });

  test("a correction report reaches the staff inbox as a directory-correction case @nojs", async ({ page }) => {
    const note = `Phone changed (${test.info().project.name} ${Date.now()})`;
    await page.goto("/en/family/schools/kaohsiung-american-school/report");
    await page.getByLabel("What is wrong?").selectOption({ label: "Phone" });
    await page.getByLabel("What should it say?").fill(note);
    await page.getByRole("button", { name: "Send report" }).click();
    const reference = (await page.getByRole("status").first().textContent())?.match(/TT-\d{4}-\d{6}/)?.[0];
    expect(reference).toBeTruthy();
    await page.goto("/en/staff/inbox?kind=directory-correction");
    await expect(page.getByRole("link", { name: new RegExp(reference ?? "none") })).toBeVisible();
    await page.goto(`/en/staff/cases/${reference}`);
    await expect(page.getByText(note)).toBeVisible();
    await expect(page.getByText("Directory correction").first()).toBeVisible();
  });
});
