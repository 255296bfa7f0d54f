import { readFileSync } from "node:fs";
import { expect, test, type Page } from "@playwright/test";
import { DEMO, signIn } from "./accounts-helpers";
import { expectNoAxeViolations } from "./axe";
import { signInStaff } from "./staff-helpers";

type Words = Record<string, Record<string, string>>;
const words = (lang: string, ns: string) => JSON.parse(readFileSync(`locales/${lang}/${ns}.json`, "utf8")) as Words;

const PUBLIC_PAGES = ["", "pathways/gold-card", "privacy", "accessibility", "contact"];
const PHONE = { width: 390, height: 844 };
const DESKTOP = { width: 1280, height: 900 };

/** Widest box on the page versus the viewport; tables may be wider only inside their scrolling region. */
async function overflow(page: Page) {
  return page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    outside: [...document.querySelectorAll("body *")]
      .filter((e) => !e.closest(".table-scroll, .visually-hidden, .skip-link"))
      .filter((e) => e.getBoundingClientRect().right > innerWidth + 1)
      .map((e) => `${e.tagName}.${e.className}`),
  }));
}

/** A region that scrolls sideways takes keyboard focus and moves with the arrow keys. */
async function expectKeyboardScroll(page: Page, name: string) {
  const region = page.getByRole("region", { name, exact: true });
  await expect(region).toHaveAttribute("tabindex", "0");
  await expect(region).toBeVisible();
  const box = (await region.boundingBox())!;
  expect(box.x + box.width).toBeLessThanOrEqual(PHONE.width);
  const [scroll, client] = await region.evaluate((e) => [e.scrollWidth, e.clientWidth]);
  expect(scroll).toBeGreaterThan(client);
  await region.focus();
  await page.keyboard.press("End");
  await page.keyboard.press("ArrowRight");
  await expect.poll(() => region.evaluate((e) => e.scrollLeft)).toBeGreaterThan(0);
}

for (const lang of ["en", "zh-TW"] as const) {
  for (const path of PUBLIC_PAGES) {
    test(`${lang} /${path} at 390 px: compact header, content high, nothing too wide, axe clean`, async ({ page }) => {
      await page.setViewportSize(PHONE);
      await page.goto(`/${lang}/${path}`);
      const header = (await page.locator("header.site-header").boundingBox())!;
      expect(header.height).toBeLessThanOrEqual(72);
      const h1 = (await page.locator("main h1").boundingBox())!;
      // The demo banner (test and demo servers only) sits above the header; a real deployment has none.
      const demo = (await page.locator(".demo-banner").boundingBox())?.height ?? 0;
      expect(h1.y - demo, "first heading top").toBeLessThanOrEqual(path.startsWith("pathways/") ? 165 : 150);
      expect(await overflow(page)).toEqual({ scrollWidth: PHONE.width, outside: [] });
      await expectNoAxeViolations(page);
    });

    test(`${lang} /${path} at 1280 px: navigation in one row, axe clean`, async ({ page }) => {
      await page.setViewportSize(DESKTOP);
      await page.goto(`/${lang}/${path}`);
      const nav = page.getByRole("navigation", { name: words(lang, "common").nav!.label, exact: true });
      await expect(nav).toBeVisible();
      expect((await nav.boundingBox())!.height).toBeLessThanOrEqual(60);
      await expect(page.locator("details.menu")).toBeHidden();
      expect((await overflow(page)).outside).toEqual([]);
      await expectNoAxeViolations(page);
    });
  }

  test(`${lang}: the footer links the privacy notice, accessibility statement and contact page`, async ({ page }) => {
    const footer = words(lang, "common").footer!;
    await page.goto(`/${lang}`);
    for (const key of ["privacy", "accessibility", "contact"]) {
      await page.getByRole("contentinfo").getByRole("link", { name: footer[key]!, exact: true }).click();
      await expect(page).toHaveURL(`/${lang}/${key}`);
      if (key !== "contact") await expect(page.getByRole("heading", { level: 1 })).toHaveText(footer[key]!);
    }
  });
}

test("the fees table on a pathway page scrolls inside a focusable, named region at 390 px", async ({ page }) => {
  await page.setViewportSize(PHONE);
  await page.goto("/en/pathways/gold-card");
  await expect(page.getByRole("region", { name: "Fees", exact: true }).getByRole("table")).toBeVisible();
  await page.setViewportSize({ width: 320, height: 700 });
  await expectKeyboardScroll(page, "Fees");
});

test("the phone menu is a disclosure that works without JavaScript @nojs", async ({ page }) => {
  await page.setViewportSize(PHONE);
  await page.goto("/en");
  const menu = page.locator("details.menu");
  const living = menu.getByRole("link", { name: "Living in Taiwan" });
  await expect(living).toBeHidden();
  await menu.getByText("Menu").click();
  await expect(living).toBeVisible();
  await expect(menu.getByRole("link", { name: "繁體中文" })).toBeVisible();
  await living.click();
  await expect(page).toHaveURL("/en/living");
});

test("every footer page exists in all seven languages", async ({ page }) => {
  test.setTimeout(90_000);
  for (const lang of ["en", "zh-TW", "ja", "ko", "vi", "id", "th"]) {
    const footer = words(lang, "common").footer!;
    for (const key of ["privacy", "accessibility"]) {
      const res = await page.goto(`/${lang}/${key}`);
      expect(res?.status()).toBe(200);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(footer[key]!);
      await expect(page.locator("main h2").first()).toBeVisible();
    }
    await page.goto(`/${lang}/contact`);
    await expect(page.getByRole("heading", { name: words(lang, "contact").reach!.title, exact: true })).toBeVisible();
  }
});

test.describe("staff workspace", () => {
  for (const lang of ["en", "th"] as const) {
    test(`${lang}: its own header, no public navigation and no translation banner`, async ({ page }) => {
      const common = words(lang, "common");
      await page.setViewportSize(DESKTOP);
      await page.goto(`/${lang}`);
      await expect(page.locator(".translation-notice")).toBeVisible();
      await signInStaff(page, "admin@demo.test", lang);
      for (const path of ["inbox", "dashboard", "directories/banks", "team"]) {
        await page.goto(`/${lang}/staff/${path}`);
        await expect(
          page.getByRole("navigation", { name: words(lang, "staff").nav!.label, exact: true })
        ).toBeVisible();
        await expect(page.getByRole("navigation", { name: common.nav!.label, exact: true })).toHaveCount(0);
        await expect(page.locator(".translation-notice")).toHaveCount(0);
        await expect(page.getByRole("contentinfo")).toHaveCount(0);
      }
    });
  }

  for (const lang of ["en", "zh-TW"] as const) {
    for (const size of [PHONE, DESKTOP]) {
      test(`${lang} ${size.width} px: inbox and dashboard fit, tables scroll, axe clean`, async ({ page }) => {
        test.setTimeout(60_000);
        await page.setViewportSize(size);
        await signInStaff(page, "admin@demo.test", lang);
        for (const path of ["inbox", "dashboard?by=nationality"]) {
          await page.goto(`/${lang}/staff/${path}`);
          expect(await overflow(page), path).toEqual({ scrollWidth: size.width, outside: [] });
          await expectNoAxeViolations(page);
        }
        if (size === PHONE) {
          await page.goto(`/${lang}/staff/inbox`);
          await expectKeyboardScroll(page, words(lang, "staff").tabs!.open!);
        }
      });
    }
  }

  test("the dashboard names pathways and countries instead of ids, and no label is cut off", async ({ page }) => {
    await page.setViewportSize(PHONE);
    await signInStaff(page, "admin@demo.test", "en");
    await page.goto("/en/staff/dashboard?period=month&by=pathway");
    const table = page.getByRole("region", { name: "Cases opened in the period, still open and closed" });
    const rows = table.getByRole("rowheader");
    await expect(rows).toContainText(["Work permit for foreign professionals"]);
    expect((await rows.allTextContents()).filter((text) => /^[a-z]+(-[a-z]+)+$/.test(text))).toEqual([]);
    await page.goto("/en/staff/dashboard?period=month&by=nationality");
    const names = await rows.allTextContents();
    expect(names).toEqual(expect.arrayContaining(["Japan", "United States", "Chile"]));
    const labels = page.locator(".hbar-label");
    expect(await labels.count()).toBeGreaterThan(12);
    const boxes = await labels.evaluateAll((els) =>
      els.map((e) => ({ right: e.getBoundingClientRect().right, clipped: e.scrollWidth > e.clientWidth }))
    );
    for (const box of boxes) {
      expect(box).toEqual({ right: expect.any(Number), clipped: false });
      expect(box.right).toBeLessThanOrEqual(PHONE.width);
    }
    await page.goto("/zh-TW/staff/dashboard?period=month&by=nationality");
    await expect(page.getByRole("rowheader", { name: "日本", exact: true })).toBeVisible();
  });

  test("nationality is filtered from the country list", async ({ page }) => {
    await signInStaff(page, "consultant@demo.test", "en");
    await page.waitForLoadState("networkidle");
    const nationality = page.getByLabel("Nationality");
    await nationality.selectOption({ label: "Japan" });
    await expect(nationality).toHaveValue("JP");
    await page.getByRole("button", { name: "Apply filters" }).click();
    await expect(page).toHaveURL(/nationality=JP/);
    await expect(page.getByRole("cell", { name: "山田花子" })).toBeVisible();
  });

  test("signing out from the workspace header ends the session @nojs", async ({ page }) => {
    await signInStaff(page, "consultant2@demo.test", "en", { fresh: true });
    await expect(
      page.getByRole("navigation", { name: "Staff workspace" }).getByRole("link", { name: "Dashboard" })
    ).toHaveCount(0);
    await page.getByRole("button", { name: "Sign out" }).click();
    await expect(page).toHaveURL("/en/staff/sign-in");
    expect((await page.goto("/en/staff/inbox"))?.status()).toBe(404);
  });
});

test("an application's nationality comes from the list; a forged code gets a localized 400", async ({ page }) => {
  await signIn(page, "en", DEMO.email, DEMO.password);
  await page.goto("/en/account/applications/new?pathway=gold-card");
  await page.getByRole("button", { name: "Start" }).click();
  const nationality = page.getByLabel("Nationality");
  await expect(nationality.locator("option[value=JP]")).toHaveText("Japan");
  const form = page.locator("form").filter({ has: page.getByRole("button", { name: "Save and come back later" }) });
  const fields = await form.evaluate((f: HTMLFormElement) => Object.fromEntries(new FormData(f).entries()));
  const forged = await page.request.post(page.url(), {
    form: { ...(fields as Record<string, string>), nationality: "XX", intent: "save" },
    maxRedirects: 0,
  });
  expect(forged.status()).toBe(400);
  await nationality.evaluate((s: HTMLSelectElement) => s.add(new Option("Nowhere", "XX", true, true)));
  await page.getByRole("button", { name: "Save and come back later" }).click();
  await expect(page.getByRole("alert")).toContainText("Choose your nationality from the list");
  await nationality.selectOption("JP");
  await page.getByRole("button", { name: "Save and come back later" }).click();
  await expect(page.getByRole("status")).toContainText("Your answers were saved");
  await expect(nationality).toHaveValue("JP");
});
