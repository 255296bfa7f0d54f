import { expect, test, type Locator, type Page } from "@playwright/test";
import { answerAll, professional, shortJourney, startCheck, words, type Answer } from "./eligibility-helpers";

test.describe.configure({ timeout: 180_000 });

/** Eligible for the Gold Card through salary only: not visa-exempt (no nomad visa) and no Taiwan offer. */
const goldOnly: Record<string, Answer> = {
  ...professional,
  identity: "foreign-other",
  hasTaiwanOffer: false,
  remoteWorkAbroad: false,
  recentMonthlySalary: { amount: "170000", currency: "TWD" },
};

const box = async (l: Locator) => {
  const b = await l.boundingBox();
  if (!b) throw new Error("not visible");
  return b;
};

async function expectRowsAligned(page: Page, width: number) {
  await page.setViewportSize({ width, height: 800 });
  const rows = page.locator(".answers-row");
  const count = await rows.count();
  expect(count).toBeGreaterThan(3);
  let previousBottom = 0;
  for (let i = 0; i < count; i++) {
    const row = rows.nth(i);
    const [r, label, value, action] = await Promise.all([
      box(row),
      box(row.locator("dt")),
      box(row.locator("dd").first()),
      box(row.locator(".answers-action a")),
    ]);
    for (const b of [label, value, action]) {
      expect(b.y).toBeGreaterThanOrEqual(r.y - 1);
      expect(b.y + b.height).toBeLessThanOrEqual(r.y + r.height + 1);
    }
    expect(r.y).toBeGreaterThanOrEqual(previousBottom - 1);
    previousBottom = r.y + r.height;
    if (width >= 1024) {
      // One row: label, value and "Change" side by side, their tops level.
      expect(Math.abs(label.y - value.y)).toBeLessThan(8);
      expect(Math.abs(label.y - action.y)).toBeLessThan(8);
      expect(label.x + label.width).toBeLessThanOrEqual(value.x + 1);
      expect(value.x + value.width).toBeLessThanOrEqual(action.x + 1);
    } else {
      expect(value.y).toBeGreaterThanOrEqual(label.y + label.height - 1);
      expect(action.y).toBeGreaterThanOrEqual(value.y + value.height - 1);
    }
  }
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
}

test("check your answers: each label, answer and Change link share one row at 1280 and stack at 390 px", async ({
  page,
}) => {
  await startCheck(page, "en");
  await answerAll(page, "en", shortJourney);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(words("en").check.title);
  await expectRowsAligned(page, 1280);
  await expectRowsAligned(page, 390);
});

test("results lead with the answer: the first Start button is on the first screen and the page fits two screens", async ({
  page,
}) => {
  const w = words("en");
  await page.setViewportSize({ width: 1280, height: 800 });
  await startCheck(page, "en");
  await answerAll(page, "en", goldOnly);
  await page.getByRole("button", { name: w.check.submit }).click();
  await expect(page).toHaveURL(/\/results\//);
  const start = page.getByRole("link", { name: w.results.startApplication }).first();
  const b = await box(start);
  expect(b.y + b.height).toBeLessThanOrEqual(800);
  // Two screens of results: everything in <main> ends within 1,600 px (the site footer follows).
  const mainBottom = await page.locator("main").evaluate((m) => m.getBoundingClientRect().bottom + window.scrollY);
  const height = await page.evaluate(() => document.documentElement.scrollHeight);
  test.info().annotations.push({ type: "height-1280", description: `main ends at ${mainBottom}, page ${height}` });
  expect(mainBottom).toBeLessThanOrEqual(2 * 800);

  const gold = page.getByRole("region", { name: w.pathways["gold-card"]!.name });
  await expect(gold.getByText(w.outcomes.eligible, { exact: true })).toBeVisible();
  // Routes not claimed are folded and neutral: no red "not met" tag anywhere in the eligible card.
  await expect(gold.locator(".tag-no")).toHaveCount(0);
  const other = gold.locator("details", { has: page.getByText(/Other ways to qualify/) });
  await expect(other).not.toHaveAttribute("open", /.*/);
  await expect(other.locator(".criterion").first()).toBeHidden();
  // The checklist is the salary route's: salary documents, no "evidence for your field".
  const checklist = gold.locator(".checklist");
  await expect(checklist).toContainText("Certificate of employment");
  await expect(checklist).not.toContainText("Evidence for your field");
  // The summary links to every pathway.
  const links = page.locator(".results-summary a");
  await expect(links).toHaveCount(6);
  for (const href of await links.evaluateAll((as) => as.map((a) => a.getAttribute("href")))) {
    await expect(page.locator(`[id="${href!.slice(1)}"]`)).toHaveCount(1);
  }

  await page.setViewportSize({ width: 390, height: 800 });
  expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
});
