import { readFileSync } from "node:fs";
import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./axe";
import { signInStaff } from "./staff-helpers";

type StaffStrings = {
  inbox: { title: string };
  filters: { apply: string };
  case: { title: string; conversation: string };
  signIn: { title: string };
};
const staffStrings = (lang: string) => JSON.parse(readFileSync(`locales/${lang}/staff.json`, "utf8")) as StaffStrings;

test.describe("the staff workspace in the consultant's language", () => {
  for (const lang of ["ja", "th", "ko"]) {
    test(`${lang}: inbox and case page stay in ${lang}, with no axe findings`, async ({ page }) => {
      const s = staffStrings(lang);
      await signInStaff(page, "consultant@demo.test", lang);
      await expect(page).toHaveURL(new RegExp(`/${lang}/staff/inbox`));
      await expect(page.locator("html")).toHaveAttribute("lang", lang);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(s.inbox.title);
      await expect(page.getByRole("button", { name: s.filters.apply })).toBeVisible();
      await expectNoAxeViolations(page);

      await page.getByRole("table").getByRole("link").first().click();
      await expect(page).toHaveURL(new RegExp(`/${lang}/staff/cases/TT-`));
      const reference = decodeURIComponent(new URL(page.url()).pathname.split("/").pop() ?? "");
      await expect(page.getByRole("heading", { level: 1 })).toContainText(
        s.case.title.replace("{{reference}}", reference)
      );
      await expect(page.getByRole("heading", { name: s.case.conversation })).toBeVisible();
      await expectNoAxeViolations(page);
    });
  }

  test("vi: the sign-in page is in Vietnamese, no axe findings", async ({ page }) => {
    await page.goto("/vi/staff/sign-in");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(staffStrings("vi").signIn.title);
    await expectNoAxeViolations(page);
  });
});
