import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations as axeScan } from "./axe";
import { answerAll, professional, startCheck, words } from "./eligibility-helpers";

const expectNoAxeViolations = async (page: Page) => {
  if (test.info().project.use.javaScriptEnabled !== false) await axeScan(page);
};

test.describe.configure({ timeout: 180_000 });

test("the start page leads with the button; the rules date sits under an advanced disclosure @nojs", async ({
  page,
}) => {
  const w = words("en");
  await page.goto("/en/eligibility");
  const form = page.locator("main form");
  await expect(form.getByRole("button").first()).toHaveText(w.start.button);
  await expect(page.getByLabel(w.start.asOf)).toBeHidden();
  await expectNoAxeViolations(page);
  await page.getByText(w.start.advanced).click();
  for (const [date, message] of [
    ["2026-02-30", "Enter a real date as year-month-day, like 2025-06-01"],
    ["2999-01-01", "Enter a date from 2021-10-25 up to 2 years after today"],
  ] as const) {
    await page.getByLabel(w.start.asOf).fill(date);
    await page.getByRole("button", { name: w.start.buttonWithDate }).click();
    await expect(page.getByRole("alert").getByRole("link", { name: message })).toBeVisible();
    await expect(page.getByLabel(w.start.asOf)).toBeVisible();
    await expect(page.getByLabel(w.start.asOf)).toHaveValue(date);
  }
  await expectNoAxeViolations(page);
});

for (const lang of ["en", "th"] as const) {
  test(`the progress figure never rises and is gone at check; an empty salary says what to enter (${lang}) @nojs`, async ({
    page,
  }) => {
    const w = words(lang);
    await startCheck(page, lang);
    const figures: number[] = [];
    let triedEmpty = false;
    await answerAll(page, lang, professional, async (step) => {
      const number = w.wizard.questionNumber.replace("{{n}}", String(figures.length + 1));
      await expect(page.locator(".question-number")).toHaveText(number);
      const progress = (await page.locator(".progress").innerText()).split("·")[1] ?? "";
      figures.push(Number(progress.match(/\d+/)?.[0] ?? 0));
      if (step === "recentMonthlySalary" && !triedEmpty) {
        triedEmpty = true;
        await page.getByRole("button", { name: w.wizard.continue }).click();
        await expect(
          page.getByRole("alert").getByRole("link", { name: w.facts.recentMonthlySalary!.empty! })
        ).toBeVisible();
        await expectNoAxeViolations(page);
      }
    });
    expect(triedEmpty).toBe(true);
    expect(figures.length).toBeGreaterThan(5);
    for (let i = 1; i < figures.length; i++) expect(figures[i], figures.join(" ")).toBeLessThan(figures[i - 1]!);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(w.check.title);
    await expect(page.locator(".progress")).toHaveCount(0);
  });
}

test("amounts show NT$ in zh-TW @nojs", async ({ page }) => {
  await page.goto("/zh-TW/pathways");
  await expect(page.getByRole("table")).toContainText("NT$160,000");
  await expect(page.getByRole("table")).not.toContainText(/(^|[^T])\$160,000/);
});

test("the API docs page lists every operation and links the OpenAPI document @nojs", async ({ page, request }) => {
  const w = words("th");
  await page.goto("/th/pathways");
  await page.getByRole("link", { name: w.guide.apiLink }).click();
  await expect(page).toHaveURL(/\/th\/developers$/);
  for (const op of [
    "POST /api/v1/eligibility",
    "GET /api/v1/eligibility/questions",
    "GET /api/v1/pathways",
    "GET /api/v1/openapi.json",
  ]) {
    await expect(page.getByRole("heading", { level: 3, name: op })).toBeVisible();
  }
  const doc = await request.get("/api/v1/openapi.json");
  expect((await doc.json()).openapi).toBe("3.1.0");
  await page.setViewportSize({ width: 390, height: 800 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
  await expectNoAxeViolations(page);
});
