import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./axe";
import { signInStaff } from "./staff-helpers";

/** The demo seed's Professional Work Permit application, frozen under the 2025 rules (db/seeds/staff.ts). */
async function openOldRulesApplication(page: Page, lang: "en" | "zh-TW", user: string) {
  await signInStaff(page, user, lang);
  await page
    .getByLabel(lang === "en" ? "Search reference, name, email or message" : "搜尋案號、姓名、電子郵件或訊息")
    .fill("ana.lee@demo.test");
  await page.getByRole("button", { name: lang === "en" ? "Apply filters" : "套用篩選" }).click();
  await expect(page).toHaveURL(/q=ana\.lee%40demo\.test/);
  await page
    .getByRole("table")
    .getByRole("row", { name: /Ana Lee/ })
    .getByRole("link")
    .first()
    .click();
  await expect(page.getByRole("heading", { level: 1 })).toContainText(/TT-\d{4}-\d{6}/);
}

test("a consultant sees the eligibility snapshot compared with today's rules @nojs @phone", async ({ page }, info) => {
  // One staff account per project: a TOTP code is accepted once, so parallel sign-ins must not share an account.
  const user =
    { js: "editor@demo.test", "no-js": "consultant2@demo.test", phone: "admin@demo.test" }[info.project.name] ??
    "editor@demo.test";
  await openOldRulesApplication(page, "en", user);
  const summary = page.getByRole("table", {
    name: "Snapshot when the application was made, compared with today's rules",
  });
  await expect(summary).toBeVisible();
  await expect(page.getByText("Today's rules give a different result for the applicant's answers.")).toBeVisible();
  const version = summary.getByRole("row", { name: /Rule-set version/ });
  await expect(version.getByRole("cell").nth(0)).toHaveText("professional-work-permit@2021-10-25");
  await expect(version.getByRole("cell").nth(1)).toContainText("professional-work-permit@2026-01-01");
  const outcome = summary.getByRole("row", { name: /Outcome/ });
  await expect(outcome.getByRole("cell").nth(0)).toHaveText("Not eligible");
  await expect(outcome.getByRole("cell").nth(1)).toContainText("Eligible");
  await expect(outcome.getByRole("cell").nth(1)).toContainText("changed");
  const criteria = page.getByRole("table", { name: "Criteria: status in the snapshot and under today's rules" });
  const topUniversity = criteria.getByRole("row", { name: /top-ranked world university/ });
  await expect(topUniversity.getByRole("cell")).toHaveText(["Not met", "Met", "Status changed"]);
  await expect(page.getByText(/not available yet/)).toHaveCount(0);
  if (info.project.name === "js") await expectNoAxeViolations(page);
});

test("the comparison reads in Traditional Chinese", async ({ page }) => {
  await openOldRulesApplication(page, "zh-TW", "consultant@demo.test");
  const summary = page.getByRole("table", { name: "申請時的資格快照與現行規則比較" });
  const outcome = summary.getByRole("row", { name: /評估結果/ });
  await expect(outcome.getByRole("cell").nth(0)).toHaveText("不符合");
  await expect(outcome.getByRole("cell").nth(1)).toContainText("符合資格");
  await expectNoAxeViolations(page);
});
