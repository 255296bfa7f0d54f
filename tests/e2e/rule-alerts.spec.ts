import { expect, test } from "@playwright/test";
import { signUpVerifyAndSignIn, uniqueEmail } from "./accounts-helpers";
import { answerAll, professional, startCheck, words } from "./eligibility-helpers";

test.describe.configure({ timeout: 180_000 });

// Issue 17: a signed-in person asks to be told when the rules change for a result, sees when they asked, withdraws,
// and finds both times in their data export. The alert run itself is tested against both databases in
// tests/unit/alerts; this is the person's side of it, with scripts on and off.
test("ask to be told about rule changes on a result, withdraw, and find both in the data export @nojs", async ({
  page,
}, info) => {
  const w = words("en");
  await signUpVerifyAndSignIn(page, "en", uniqueEmail(`alerts-${info.project.name}`));
  await startCheck(page, "en");
  await answerAll(page, "en", professional);
  await page.getByRole("button", { name: w.check.submit }).click();
  await expect(page).toHaveURL(/\/en\/eligibility\/results\/[A-Za-z0-9_-]{22}$/);
  const checkId = page.url().split("/").pop();

  const card = page.getByRole("region", { name: "Tell me if the rules change" });
  const consent = card.getByRole("checkbox", { name: "E-mail me if a rule change affects this result" });
  await test.step("give consent: the page says when", async () => {
    await expect(consent).not.toBeChecked();
    await consent.check();
    await card.getByRole("button", { name: "Save my choice" }).click();
    await expect(page.getByText("Your choice is saved.")).toBeVisible();
    await expect(card.getByText(/^You asked to be told on .+\. Untick the box and save to stop\.$/)).toBeVisible();
    await expect(consent).toBeChecked();
  });

  await test.step("withdraw it", async () => {
    await consent.uncheck();
    await card.getByRole("button", { name: "Save my choice" }).click();
    await expect(page.getByText("Your choice is saved.")).toBeVisible();
    await expect(consent).not.toBeChecked();
    await expect(card.getByText(/^You asked to be told on/)).toHaveCount(0);
  });

  await test.step("the data export holds the consent with both times", async () => {
    const res = await page.request.get("/en/account/privacy/export");
    expect(res.status()).toBe(200);
    const data = (await res.json()) as {
      ruleAlertConsents: { check_id: string; given_at: string; withdrawn_at: string }[];
    };
    expect(data.ruleAlertConsents).toEqual([
      { check_id: checkId, case_id: null, given_at: expect.any(String), withdrawn_at: expect.any(String) },
    ]);
  });
});
