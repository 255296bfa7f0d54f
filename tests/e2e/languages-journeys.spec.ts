import { readFileSync } from "node:fs";
import path from "node:path";
import { expect, test, type Page } from "@playwright/test";
import type { Lang } from "~/lib/i18n/config";
import { expectNoAxeViolations } from "./axe";
import { answerAll, shortJourney, startCheck, words } from "./eligibility-helpers";

/**
 * Issue 8, "Done when": the five new languages on the pages a newcomer needs most.
 * Untagged on purpose: these run once (js project); the scripts-off phone journey makes its own context.
 */

const newLangs = ["ja", "ko", "vi", "id", "th"] as const satisfies readonly Lang[];

/** A key from locales/<lang>/<ns>.json, so a missing or empty string fails here rather than passing as English. */
function bundleText(lang: Lang, ns: string, key: string): string {
  const bundle: unknown = JSON.parse(readFileSync(path.resolve("locales", lang, `${ns}.json`), "utf8"));
  const value = key
    .split(".")
    .reduce<unknown>((node, part) => (node as Record<string, unknown> | undefined)?.[part], bundle);
  if (typeof value !== "string" || value.trim() === "") throw new Error(`locales/${lang}/${ns}.json has no ${key}`);
  return value;
}

/** Expected h1 per page, read from the locale files; each must differ from English (a copied string is not a translation). */
function headings(lang: Lang) {
  const read = (l: Lang) => ({
    results: bundleText(l, "eligibility", "results.title"),
    guide: bundleText(l, "common", "pathways.gold-card"),
    banks: bundleText(l, "directories", "kinds.banks.title"),
    family: bundleText(l, "directories", "family.title"),
  });
  const own = read(lang);
  const en = read("en");
  for (const k of Object.keys(own) as (keyof typeof own)[])
    expect(own[k], `${lang} ${k} heading is still English`).not.toBe(en[k]);
  return own;
}

/** Walks the shortest wizard journey to a real, completed results page. */
async function completeShortCheck(page: Page, lang: Lang) {
  const w = words(lang);
  await startCheck(page, lang);
  await answerAll(page, lang, shortJourney);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(w.check.title);
  await page.getByRole("button", { name: w.check.submit }).click();
  await expect(page).toHaveURL(new RegExp(`/${lang}/eligibility/results/[A-Za-z0-9_-]{22}$`), { timeout: 15_000 });
}

for (const lang of ["ja", "th"] as const) {
  test(`a phone with scripts off completes the wizard in ${lang}`, async ({ browser }) => {
    test.setTimeout(90_000);
    const context = await browser.newContext({
      viewport: { width: 390, height: 844 },
      isMobile: true,
      hasTouch: true,
      javaScriptEnabled: false,
      locale: lang,
    });
    const page = await context.newPage();
    const w = words(lang);
    const en = words("en");
    await completeShortCheck(page, lang);
    await expect(page.locator("html")).toHaveAttribute("lang", lang);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(w.results.title);
    expect(w.outcomes["not-eligible"]).not.toBe(en.outcomes["not-eligible"]);
    const gold = page.getByRole("region", { name: w.pathways["gold-card"]!.name });
    await expect(gold.getByText(w.outcomes["not-eligible"], { exact: true })).toBeVisible();
    await expect(page.getByText(en.outcomes["not-eligible"], { exact: true })).toHaveCount(0);
    const overflow = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth
    );
    expect(overflow).toBeLessThanOrEqual(0);
    await context.close();
  });
}

for (const lang of newLangs) {
  test(`results, a guide, a directory and the family hub in ${lang} are translated and axe clean`, async ({ page }) => {
    test.setTimeout(90_000);
    const h = headings(lang);
    const pages: [string, string][] = [
      ["", h.results],
      [`/${lang}/pathways/gold-card`, h.guide],
      [`/${lang}/living/banks`, h.banks],
      [`/${lang}/family`, h.family],
    ];
    for (const [url, heading] of pages) {
      await test.step(url || "results", async () => {
        if (url) await page.goto(url);
        else await completeShortCheck(page, lang);
        await expect(page.locator("html")).toHaveAttribute("lang", lang);
        await expect(page.getByRole("heading", { level: 1 })).toHaveText(heading);
        await expectNoAxeViolations(page);
      });
    }
  });
}
