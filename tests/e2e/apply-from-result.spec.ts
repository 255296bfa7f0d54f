import { expect, test } from "@playwright/test";
import { DEMO } from "./accounts-helpers";
import { answerAll, professional, startCheck, words } from "./eligibility-helpers";

test.describe.configure({ timeout: 180_000 });

test("a result becomes an application that carries the check's outcome and rules version @nojs", async ({ page }) => {
  const w = words("en");
  await test.step("finish an eligibility check", async () => {
    await startCheck(page, "en");
    await answerAll(page, "en", professional);
    await page.getByRole("button", { name: w.check.submit }).click();
    await expect(page).toHaveURL(/\/en\/eligibility\/results\/[A-Za-z0-9_-]{22}$/);
  });
  await test.step("start an application from the result, signing in on the way", async () => {
    const nomad = page.getByRole("region", { name: w.pathways["digital-nomad"]!.name });
    await nomad.getByRole("link", { name: w.results.startApplication }).click();
    await expect(page).toHaveURL(/\/en\/account\/sign-in\?redirectTo=/);
    await page.getByLabel("Email address").fill(DEMO.email);
    await page.getByLabel("Password", { exact: true }).fill(DEMO.password);
    await page.getByRole("button", { name: "Sign in", exact: true }).click();
    // Signing in goes straight to the draft made from this result (issue 12), not to a second "start" page.
    await expect(page).toHaveURL(/\/en\/account\/applications\/[0-9a-f-]{36}$/);
  });
  await test.step("the draft shows the outcome and the rules version it was judged under", async () => {
    await expect(page.getByRole("heading", { level: 1 })).toContainText("Application:");
    // The attached check names the date its rules took effect, never the internal rule-set id.
    await expect(page.getByText("rules in force from January 1, 2026")).toBeVisible();
    await expect(page.getByText(/digital-nomad@/)).toHaveCount(0);
    // The same checklist as on the results page, for the route that qualified.
    const checklist = page.getByRole("region", { name: w.results.checklist });
    await expect(checklist.getByRole("listitem")).toHaveText(Object.values(w.documents["digital-nomad"]!));
  });
});
