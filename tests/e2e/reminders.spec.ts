import ICAL from "ical.js";
import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations } from "./axe";
import { DEMO, signIn, signUpVerifyAndSignIn, uniqueEmail } from "./accounts-helpers";

/**
 * axe runs inside the page, so it needs JavaScript: the no-js project checks behaviour only. To keep the spec under
 * 30 s on a shared two-core machine each of the other projects checks two of the three new pages.
 */
const AXE_PAGES: Record<string, string[]> = { js: ["form", "list"], phone: ["list", "unsubscribe"] };
async function axe(page: Page, which: "form" | "list" | "unsubscribe") {
  if (AXE_PAGES[test.info().project.name]?.includes(which)) await expectNoAxeViolations(page);
}

/** The calendar day in Taipei, `days` from now (the server's reminder job counts days there). */
function taipeiDay(days = 0): string {
  return new Date(Date.now() + 8 * 3600_000 + days * 86_400_000).toISOString().slice(0, 10);
}

test.describe("expiry reminders", () => {
  const title = "record a passport, get the reminder, add it to a calendar, unsubscribe signed out @nojs @phone";
  test(title, async ({ page }, info) => {
    const email = uniqueEmail(`rem-${info.project.name}`);
    const expiresOn = taipeiDay(40);
    await signUpVerifyAndSignIn(page, "en", email);

    await test.step("open the reminders from the account and refuse bad input", async () => {
      await page.getByRole("link", { name: "Expiry reminders for your documents" }).click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Expiry reminders");
      await page.getByRole("link", { name: "Add a document" }).click();
      await page.getByLabel("Expiry date").fill(taipeiDay(-1));
      await page.getByRole("button", { name: "Save" }).click();
      const summary = page.getByRole("alert");
      await expect(summary.getByRole("link", { name: "Choose the kind of document" })).toBeVisible();
      await expect(summary.getByRole("link", { name: "The expiry date must be today or later" })).toBeVisible();
      // The "Error:" title prefix is set in the browser, as on the portal's other forms.
      if (info.project.name !== "no-js") await expect(page).toHaveTitle(/^Error: /);
      await axe(page, "form");
    });

    await test.step("record a passport with a reminder due today", async () => {
      await page.getByLabel("Kind of document").selectOption({ label: "Passport" });
      await page.getByLabel("Mine").check();
      await page.getByLabel("Expiry date").fill(expiresOn);
      await page.getByLabel("Or remind me on this date").fill(taipeiDay());
      await page.getByRole("button", { name: "Save" }).click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Expiry reminders");
      await expect(page.getByRole("status")).toHaveText("The document and its reminders are saved.");
      await expect(
        page.getByText("The reference material we use gives no reminder point for this kind of document")
      ).toBeVisible();
      await axe(page, "list");
    });

    const mail = await test.step("the reminder arrives in the development mailbox", async () => {
      await page.goto("/en/dev/mailbox");
      const item = page
        .getByRole("listitem")
        .filter({ hasText: email })
        .filter({ hasText: "Reminder: Passport expires on" });
      await expect(async () => {
        await page.reload();
        await expect(item).toHaveCount(1, { timeout: 1_000 });
      }).toPass({ timeout: 10_000 });
      await expect(item).toContainText("This is the reminder you asked for.");
      return {
        calendar: await item.getByRole("link", { name: "Add it to your calendar" }).getAttribute("href"),
        unsubscribe: (await item
          .getByRole("link", { name: "Stop these reminders (no sign-in needed)" })
          .getAttribute("href"))!,
      };
    });

    await test.step("the account shows the reminder sent; it fits 390 px", async () => {
      await page.setViewportSize({ width: 390, height: 844 });
      await page.goto("/en/account/reminders");
      await expect(page.getByRole("listitem").filter({ hasText: "your own reminder" }).last()).toContainText("sent on");
      expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    });

    await test.step("download the calendar file and read it back", async () => {
      const link = page.getByRole("link", { name: "Download a calendar file (.ics) for Passport" });
      expect(new URL(mail.calendar!).pathname).toBe(await link.getAttribute("href"));
      const response = await page.request.get((await link.getAttribute("href"))!);
      expect(response.headers()["content-type"]).toBe("text/calendar; charset=utf-8");
      expect(response.headers()["content-disposition"]).toBe(`attachment; filename="passport-${expiresOn}.ics"`);
      const text = await response.text();
      expect(text).toMatch(/\r\n/);
      const events = new ICAL.Component(ICAL.parse(text)).getAllSubcomponents("vevent");
      expect(
        events.map((e) => [e.getFirstPropertyValue("summary"), String(e.getFirstPropertyValue("dtstart"))])
      ).toEqual([
        ["Passport expires", expiresOn],
        [expect.stringMatching(/^Reminder: Passport expires on /), taipeiDay()],
      ]);
    });

    await test.step("unsubscribe from the e-mail's link, signed out; the link then works no more", async () => {
      await page.context().clearCookies();
      await page.goto(mail.unsubscribe);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Stop expiry reminders");
      await expect(page.getByText("Stop the email reminders for Passport?")).toBeVisible();
      await axe(page, "unsubscribe");
      await page.getByRole("button", { name: "Stop these reminders" }).click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Reminders stopped");
      const again = await page.goto(mail.unsubscribe);
      expect(again?.status()).toBe(410);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("This link has already been used");
    });
  });

  test("the reminder pages pass axe in Chinese", async ({ page }) => {
    await signIn(page, "zh-TW", DEMO.email, DEMO.password);
    await page.getByRole("link", { name: "證件到期提醒" }).click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("證件到期提醒");
    await expectNoAxeViolations(page);
    await page.getByRole("link", { name: "新增證件" }).click();
    await page.getByRole("button", { name: "儲存" }).click();
    await expect(page.getByRole("alert").getByRole("link", { name: "請選擇證件種類" })).toBeVisible();
    await expectNoAxeViolations(page);
  });
});
