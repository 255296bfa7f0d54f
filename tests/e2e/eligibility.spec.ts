import { expect, test, type Page } from "@playwright/test";
import { expectNoAxeViolations as axeScan } from "./axe";
import { answerAll, professional, shortJourney, startCheck, words } from "./eligibility-helpers";

/** axe runs inside the page, so it needs JavaScript: the no-js project checks behaviour, the others accessibility. */
const expectNoAxeViolations = async (page: Page) => {
  if (test.info().project.use.javaScriptEnabled !== false) await axeScan(page);
};

// Long journeys with an axe scan per page on a shared 2-core machine.
test.describe.configure({ timeout: 180_000 });

for (const lang of ["en", "zh-TW"] as const) {
  const w = words(lang);

  test(`completes the wizard, changes an answer and reopens the results (${lang}) @nojs`, async ({ page }) => {
    await test.step("answer one question per page", async () => {
      await startCheck(page, lang);
      await expectNoAxeViolations(page);
      let checkedMoney = false;
      await answerAll(page, lang, professional, async (step) => {
        if (step === "recentMonthlySalary" && !checkedMoney) {
          checkedMoney = true;
          await expectNoAxeViolations(page);
          await expect(page.getByRole("link", { name: w.wizard.back })).toHaveAttribute("href", /\/goldCardClaims$/);
        }
      });
    });
    await test.step("check your answers and change one", async () => {
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(w.check.title);
      await expectNoAxeViolations(page);
      await page
        .getByRole("link", { name: new RegExp(w.facts.recentMonthlySalary!.label.replace(/[()]/g, "\\$&")) })
        .click();
      await expect(page).toHaveURL(/\/recentMonthlySalary\?change=1$/);
      await expect(page.getByLabel(w.wizard.amount, { exact: true })).toHaveValue("148000");
      await page.getByLabel(w.wizard.amount, { exact: true }).fill("160000");
      await page.getByRole("button", { name: w.wizard.continue }).click();
      await expect(page).toHaveURL(/\/check$/, { timeout: 15_000 });
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(w.check.title);
      await page.getByRole("button", { name: w.check.submit }).click();
    });
    await test.step("results explain every pathway", async () => {
      await expect(page).toHaveURL(new RegExp(`/${lang}/eligibility/results/[A-Za-z0-9_-]{22}$`));
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(w.results.title);
      const gold = page.getByRole("region", { name: w.pathways["gold-card"]!.name });
      await expect(gold.getByText(w.outcomes.eligible, { exact: true })).toBeVisible();
      const nomad = page.getByRole("region", { name: w.pathways["digital-nomad"]!.name });
      await expect(nomad.getByRole("link", { name: w.results.startApplication })).toHaveAttribute(
        "href",
        new RegExp(`^/${lang}/account/applications/new\\?check=[A-Za-z0-9_-]{22}&pathway=digital-nomad$`)
      );
      await expect(nomad.getByRole("link", { name: w.results.consultant })).toHaveAttribute("href", `/${lang}/contact`);
      const elite = page.getByRole("region", { name: w.pathways["global-elite-card"]!.name });
      await expect(elite.getByRole("link", { name: w.results.startApplication })).toHaveCount(0);
      await expectNoAxeViolations(page);
    });
    await test.step("the saved link reopens in the other language", async () => {
      const other = lang === "en" ? "zh-TW" : "en";
      const url = page.url().replace(`/${lang}/`, `/${other}/`);
      await page.goto(url);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(words(other).results.title);
    });
  });

  test(`explains a salary gap in NT$ (${lang})${lang === "en" ? " @nojs" : ""}`, async ({ page }) => {
    await startCheck(page, lang);
    await answerAll(page, lang, professional);
    await page.getByRole("button", { name: w.check.submit }).click();
    const gold = page.getByRole("region", { name: w.pathways["gold-card"]!.name });
    await expect(gold.getByText(w.outcomes["not-eligible"], { exact: true })).toBeVisible();
    // The nearest miss leads the folded row: visible without opening it.
    await expect(gold.locator("summary").getByText(lang === "en" ? "NT$12,000 short" : "不足NT$12,000")).toBeVisible();
  });

  test(`shows localized errors and keeps the value (${lang}) @nojs`, async ({ page }) => {
    await startCheck(page, lang);
    await answerAll(page, lang, { identity: "foreign-visa-exempt" }, async (step) => {
      if (step !== "age") return;
      await page.getByLabel(w.facts.age!.question).fill("abc");
      await page.getByRole("button", { name: w.wizard.continue }).click();
      const summary = page.getByRole("alert");
      await expect(summary.getByRole("link", { name: w.errors.integer })).toHaveAttribute("href", /#.+-value$/);
      await expect(page.getByLabel(w.facts.age!.question)).toHaveValue("abc");
      await expectNoAxeViolations(page);
      throw new Error("stop");
    }).catch((e: Error) => expect(e.message).toBe("stop"));
  });
}

test("a forged or stale wizard id is a 404, and nobody else can edit a draft @nojs", async ({ page, browser }) => {
  expect((await page.goto("/en/eligibility/AAAAAAAAAAAAAAAAAAAAAA/identity"))?.status()).toBe(404);
  expect((await page.goto("/en/eligibility/results/AAAAAAAAAAAAAAAAAAAAAA"))?.status()).toBe(404);
  await startCheck(page, "en");
  const other = await browser.newContext();
  const stranger = await other.newPage();
  expect((await stranger.goto(page.url()))?.status()).toBe(404);
  await other.close();
});

test("a phone completes a short journey @phone @nojs", async ({ page }) => {
  await startCheck(page, "zh-TW");
  await answerAll(page, "zh-TW", shortJourney);
  await page.getByRole("button", { name: words("zh-TW").check.submit }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(words("zh-TW").results.title);
  if (test.info().project.use.javaScriptEnabled !== false) {
    const width = await page.evaluate(
      () => document.documentElement.scrollWidth - document.documentElement.clientWidth
    );
    expect(width).toBeLessThanOrEqual(0);
  }
  await expectNoAxeViolations(page);
});

for (const lang of ["en", "zh-TW"] as const) {
  test(`pathway guides and comparison (${lang}) @nojs`, async ({ page }) => {
    const w = words(lang);
    await page.goto(`/${lang}/pathways`);
    await expect(page.getByRole("heading", { level: 1 })).toHaveText(w.guide.title);
    await expect(page.getByRole("table")).toContainText("NT$160,000");
    await expectNoAxeViolations(page);
    for (const id of ["gold-card", "global-elite-card", "graduate-points"]) {
      await page.goto(`/${lang}/pathways/${id}`);
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(w.pathways[id]!.name);
      await expect(page.getByRole("heading", { level: 2, name: w.guide.whoQualifies })).toBeVisible();
      await expectNoAxeViolations(page);
    }
    expect((await page.goto(`/${lang}/pathways/moon-visa`))?.status()).toBe(404);
  });
}

test.describe("JSON API", () => {
  test("evaluates good input and rejects bad input with clear JSON errors", async ({ request }) => {
    const ok = await request.post("/api/v1/eligibility?lang=en", {
      data: {
        answers: { identity: "foreign-other", goldCardField: "digital", yearsExperience: 8 },
        asOf: "2026-06-01",
      },
    });
    expect(ok.status()).toBe(200);
    expect((await ok.json()).evaluations[0]).toMatchObject({
      pathway: "gold-card",
      outcome: "eligible",
      name: "Employment Gold Card",
    });
    const bad = await request.post("/api/v1/eligibility", { data: { answers: { age: -1, nope: 1 } } });
    expect(bad.status()).toBe(400);
    expect((await bad.json()).issues.map((i: { path: string }) => i.path).sort()).toEqual(["answers", "answers.age"]);
    const type = await request.post("/api/v1/eligibility", { headers: { "Content-Type": "text/plain" }, data: "{}" });
    expect(type.status()).toBe(415);
    const big = await request.post("/api/v1/eligibility", {
      headers: { "Content-Type": "application/json" },
      data: JSON.stringify({ answers: {}, x: "y".repeat(70_000) }),
    });
    expect(big.status()).toBe(413);
    const questions = await request.get("/api/v1/eligibility/questions");
    expect((await questions.json()).questions.length).toBeGreaterThan(20);
    expect((await request.get("/api/v1/pathways")).status()).toBe(200);
  });
});
