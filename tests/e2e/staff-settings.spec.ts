import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./axe";
import { signInStaff } from "./staff-helpers";

// Far enough ahead to stay "upcoming" and to leave today's response targets alone.
const HOLIDAY = { day: "2031-03-14", label: "Office closed (browser test)", shown: "Friday, March 14, 2031" };

async function saveFirstResponse(page: Page, hours: string) {
  await page.getByLabel("First response (business hours)").fill(hours);
  await page.getByRole("button", { name: "Save response targets" }).click();
  await expect(page.getByRole("status")).toContainText("Response targets saved");
  await expect(page.getByLabel("First response (business hours)")).toHaveValue(hours);
}

test.describe("response targets and holidays", () => {
  test("a supervisor changes the first-response target and adds a holiday; a stale tab is refused", async ({
    page,
  }) => {
    test.setTimeout(90_000);
    await signInStaff(page, "admin@demo.test");
    await page.getByRole("navigation", { name: "Staff workspace" }).getByRole("link", { name: "Settings" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Response targets and holidays");
    await expectNoAxeViolations(page);
    const before = await page.getByLabel("First response (business hours)").inputValue();
    await saveFirstResponse(page, String(Number(before) + 1));

    await page.getByLabel("Date").fill(HOLIDAY.day);
    await page.getByLabel("Name").fill(HOLIDAY.label);
    await page.getByRole("button", { name: "Add holiday" }).click();
    await expect(page.getByRole("status")).toContainText("Holiday added");
    await expect(page.getByLabel("Name")).toHaveValue("");
    const row = page.getByRole("row").filter({ hasText: HOLIDAY.label });
    await expect(row).toContainText(HOLIDAY.shown);

    await page.getByLabel("Date").fill(HOLIDAY.day);
    await page.getByLabel("Name").fill("Twice");
    await page.getByRole("button", { name: "Add holiday" }).click();
    await expect(page.getByRole("alert")).toContainText("There is already a holiday on that date");
    await expect(page.getByLabel("Name")).toHaveValue("Twice");
    await expectNoAxeViolations(page);

    await page.goto("/en/staff/audit");
    await expect(page.getByRole("cell", { name: "settings.sla.update" }).first()).toBeVisible();
    await expect(page.getByRole("cell", { name: "settings.holiday.add" }).first()).toBeVisible();

    await page.goto("/zh-TW/staff/settings");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("回覆時限與假日");
    await expect(page.getByRole("row").filter({ hasText: HOLIDAY.label })).toContainText("2031年3月14日");
    await expectNoAxeViolations(page);

    // Put things back for the other specs that share this server.
    await page.goto("/en/staff/settings");
    await page.getByRole("button", { name: `Remove ${HOLIDAY.label} on ${HOLIDAY.shown}` }).click();
    await expect(page.getByRole("status")).toContainText("Holiday removed");
    await expect(page.getByRole("row").filter({ hasText: HOLIDAY.label })).toHaveCount(0);
    // A second tab opened before the save is stale afterwards: its save is refused, and it shows the current values.
    const other = await page.context().newPage();
    await other.goto("/en/staff/settings");
    await saveFirstResponse(page, before);
    await other.getByLabel("First response (business hours)").fill("12");
    await other.getByRole("button", { name: "Save response targets" }).click();
    await expect(other.getByRole("alert")).toContainText("Someone else changed the response targets");
    await expect(other.getByLabel("First response (business hours)")).toHaveValue(before);
  });

  test("a bad submit shows the error summary and changes nothing @nojs", async ({ page }, info) => {
    test.setTimeout(90_000);
    await signInStaff(page, info.project.name === "no-js" ? "admin@demo.test" : "auditor@demo.test");
    await page.goto("/en/staff/settings");
    const first = page.getByLabel("First response (business hours)");
    await first.fill("0");
    await page.getByLabel("Business day starts (Taiwan time)").fill("18:00");
    await page.getByLabel("Business day ends (Taiwan time)").fill("09:00");
    for (const day of ["Monday", "Tuesday", "Wednesday", "Thursday", "Friday", "Saturday", "Sunday"])
      await page.getByLabel(day, { exact: true }).uncheck();
    await page.getByRole("button", { name: "Save response targets" }).click();
    const summary = page.getByRole("alert");
    await expect(summary).toContainText("There is a problem");
    await expect(summary.getByRole("link")).toHaveText([
      "Enter a whole number of hours from 1 to 200",
      "The business day must end after it starts",
      "Choose at least one business day",
    ]);
    await expect(first).toHaveValue("0");
    await expect(first).toHaveAttribute("aria-invalid", "true");
    const csrf = await page.locator('input[name="_csrf"]').first().inputValue();
    const refused = await page.request.post("/en/staff/settings", {
      form: { _csrf: csrf, intent: "addHoliday", day: "not-a-date", label: "x" },
      maxRedirects: 0,
    });
    expect(refused.status()).toBe(400);
    // The other test may be saving the hours meanwhile; the refused values themselves must not have been kept.
    await page.goto("/en/staff/settings");
    await expect(first).not.toHaveValue("0");
    await expect(page.getByLabel("Business day starts (Taiwan time)")).toHaveValue("09:00");
    await expect(page.getByLabel("Monday", { exact: true })).toBeChecked();
  });

  test("a consultant and an anonymous visitor get a 404; consultants see no link", async ({ page, request }) => {
    test.setTimeout(90_000);
    expect((await request.get("/en/staff/settings", { maxRedirects: 0 })).status()).toBe(404);
    expect(
      (
        await request.post("/en/staff/settings", {
          form: { intent: "addHoliday", day: HOLIDAY.day, label: "x" },
          maxRedirects: 0,
        })
      ).status()
    ).toBe(404);
    await signInStaff(page, "consultant@demo.test");
    await expect(
      page.getByRole("navigation", { name: "Staff workspace" }).getByRole("link", { name: "Settings" })
    ).toHaveCount(0);
    expect((await page.goto("/en/staff/settings"))?.status()).toBe(404);
    expect(
      (
        await page.request.post("/en/staff/settings", {
          form: { intent: "addHoliday", day: HOLIDAY.day, label: "x" },
          maxRedirects: 0,
        })
      ).status()
    ).toBe(404);
  });
});
