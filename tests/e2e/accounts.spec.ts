import { expect, test } from "@playwright/test";
import { expectNoAxeViolations } from "./axe";
import { PDF, signUpVerifyAndSignIn, uniqueEmail } from "./accounts-helpers";

test.describe("applicant journey", () => {
  test("sign up, verify, consult, draft, submit twice, track @nojs", async ({ page }, info) => {
    test.setTimeout(120_000);
    const email = uniqueEmail(info.project.name);
    await test.step("sign up with errors first, then verify and sign in", async () => {
      await page.goto("/en/account/sign-up");
      await page.getByRole("button", { name: "Create account" }).click();
      await expect(page.getByRole("alert").getByRole("link", { name: "Enter your email address" })).toBeVisible();
      await page.getByLabel("Email address").fill(email);
      await page.getByLabel("Create a password").fill("password1234");
      await page.getByLabel("I agree to this use of my personal data").check();
      await page.getByRole("button", { name: "Create account" }).click();
      await expect(page.getByRole("alert")).toContainText("This password is too common");
      await signUpVerifyAndSignIn(page, "en", email);
    });

    await test.step("open a consultation", async () => {
      await page.getByRole("link", { name: "Ask a consultant" }).click();
      await page.getByRole("button", { name: "Send question" }).click();
      await expect(page.getByRole("alert").getByRole("link", { name: "Enter your question" })).toBeVisible();
      await page.getByLabel("Visas and residence").check();
      await page.getByLabel("Your question").fill("Can my spouse work in Taiwan?");
      await page.getByRole("button", { name: "Send question" }).click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^Case TT-\d{4}-\d{6}$/);
      await expect(page.getByRole("status")).toContainText("We have received it");
    });

    const draftUrl = await test.step("start an application and save a draft", async () => {
      await page.goto("/en/account/applications/new?pathway=gold-card");
      await page.getByRole("button", { name: "Start" }).click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText("Application: Employment Gold Card");
      await page.getByLabel("Full name as in your passport").fill("CHEN Mei-Lin");
      await page.getByLabel("Passport number").fill("no!");
      await page.getByRole("button", { name: "Save and come back later" }).click();
      await expect(page.getByRole("alert")).toContainText("Enter a passport number of 5 to 20 letters and digits");
      await page.getByLabel("Passport number").fill("");
      await page.getByLabel("Date of birth").fill("1990-04-27");
      await page.getByRole("button", { name: "Save and come back later" }).click();
      await expect(page.getByRole("status")).toContainText("Your answers were saved");
      await expect(page.getByLabel("Full name as in your passport")).toHaveValue("CHEN Mei-Lin");
      await page.getByLabel("Which document is it?").selectOption("photo");
      await page
        .getByLabel("File", { exact: true })
        .setInputFiles({ name: "photo.pdf", mimeType: "application/pdf", buffer: PDF });
      await page.getByRole("button", { name: "Upload" }).click();
      await expect(page.getByRole("status")).toContainText("Your document has been uploaded");
      await expect(page.getByRole("link", { name: "photo.pdf" })).toBeVisible();
      return page.url().split("?")[0]!;
    });

    await test.step("submit, then submit the same form again: one case", async () => {
      await page.getByLabel("Nationality").selectOption("CA");
      await page.getByLabel("Passport number").fill("AB1234567");
      await page.getByLabel("English", { exact: false }).first().check();
      await page.getByLabel("Which field do you apply in?").selectOption("economy");
      await page.getByLabel("How do you meet the pathway's criteria?").fill("Salary above the threshold");
      const form = page.locator("form").filter({ has: page.getByRole("button", { name: "Submit application" }) });
      const fields = await form.evaluate(
        (f: HTMLFormElement) => Object.fromEntries(new FormData(f).entries()) as Record<string, string>
      );
      await page.getByRole("button", { name: "Submit application" }).click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(/^Case TT-/);
      const caseUrl = page.url().split("?")[0]!;
      const again = await page.request.post(draftUrl, { form: { ...fields, intent: "submit" }, maxRedirects: 0 });
      expect(again.status()).toBe(303);
      expect(again.headers()["location"]).toBe(new URL(caseUrl).pathname);
      await page.goto("/en/account/cases");
      await expect(page.getByRole("listitem").filter({ hasText: "Employment Gold Card" })).toHaveCount(1);
      await page.goto(caseUrl);
    });

    await test.step("track: timeline, durations with sources, upload, reply", async () => {
      await expect(page.locator(".timeline [aria-current=step]")).toContainText("Received");
      await expect(page.locator(".checklist li").filter({ hasText: "2-inch colour photo" })).toContainText("1 file");
      await expect(page.getByRole("heading", { name: "How long the government usually takes" })).toBeVisible();
      await expect(
        page.getByRole("link", { name: "Taiwan Gold Card Office (National Development Council)" }).first()
      ).toHaveAttribute("href", /goldcard\.nat\.gov\.tw/);
      await page.getByLabel("Which document is it?").selectOption("passport");
      await page.getByLabel("File", { exact: true }).setInputFiles({
        name: "passport.pdf",
        mimeType: "application/pdf",
        buffer: Buffer.from("<html><script>alert(1)</script>"),
      });
      await page.getByRole("button", { name: "Upload" }).click();
      await expect(page.getByRole("alert")).toContainText("The file must be a PDF, JPEG or PNG");
      await page.getByLabel("Which document is it?").selectOption("passport");
      await page
        .getByLabel("File", { exact: true })
        .setInputFiles({ name: "passport.pdf", mimeType: "application/pdf", buffer: PDF });
      await page.getByRole("button", { name: "Upload" }).click();
      await expect(page.getByRole("status")).toContainText("Your document has been uploaded");
      await page.getByLabel("Your message").fill("My passport scan is attached.");
      await page
        .getByLabel("Attach files (optional)")
        .setInputFiles({ name: "scan.pdf", mimeType: "application/pdf", buffer: PDF });
      await page.getByRole("button", { name: "Send message" }).click();
      await expect(page.getByRole("status")).toContainText("Your message has been sent");
      await expect(page.locator(".conversation")).toContainText("My passport scan is attached.");
      const download = await page.request.get(
        await page
          .getByRole("link", { name: "scan.pdf" })
          .getAttribute("href")
          .then((h) => h!)
      );
      expect(download.headers()["content-disposition"]).toMatch(/^attachment;/);
      expect(download.headers()["x-content-type-options"]).toBe("nosniff");
      expect(download.headers()["content-security-policy"]).toContain("sandbox");
      expect(download.headers()["content-type"]).toBe("application/pdf");
    });
  });
});

test.describe("the case page for the demo applicant", () => {
  for (const lang of ["en", "zh-TW"] as const) {
    test(`reads as the applicant's words, hides internal notes, and passes axe in ${lang}${
      lang === "en" ? " @phone" : ""
    }`, async ({ page }) => {
      test.setTimeout(150_000);
      const en = lang === "en";
      await page.goto(`/${lang}/account/sign-in`);
      await page.getByLabel(en ? "Email address" : "電子郵件地址").fill("applicant@demo.test");
      await page.getByLabel(en ? "Password" : "密碼", { exact: true }).fill("demo-password-123");
      await page.getByRole("button", { name: en ? "Sign in" : "登入", exact: true }).click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(en ? "Your cases" : "您的案件");
      await expectNoAxeViolations(page);
      await page.getByRole("link", { name: "TT-2026-000002" }).click();
      await expect(page.getByText(en ? "Waiting for you" : "等待您回覆").first()).toBeVisible();
      await expect(page.getByText("Internal note")).toHaveCount(0);
      await expect(page.locator(".conversation")).toContainText("Please upload a colour scan");
      await expectNoAxeViolations(page);
      const width = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
      expect(width).toBeLessThanOrEqual(0);
      for (const path of [
        "contact/new",
        "account/applications/new?pathway=digital-nomad",
        "account/privacy",
        "account/cases/TT-2026-000003",
      ]) {
        await page.goto(`/${lang}/${path}`);
        await expectNoAxeViolations(page);
      }
      await page.goto(`/${lang}/account/applications/new?pathway=digital-nomad`);
      await page.getByRole("button", { name: en ? "Start" : "開始" }).click();
      await expect(page.getByRole("heading", { level: 1 })).toContainText(en ? "Digital Nomad" : "數位遊牧");
      await expectNoAxeViolations(page);
    });

    test(`signed-out pages pass axe in ${lang}${lang === "zh-TW" ? " @phone" : ""}`, async ({ page }) => {
      test.setTimeout(120_000);
      for (const path of [
        "account/sign-up",
        "account/sign-in",
        "account/forgot-password",
        "account/check-email",
        "dev/mailbox",
        "account/reset-password?token=nope",
      ]) {
        await page.goto(`/${lang}/${path}`);
        await expect(page.getByRole("heading", { level: 1 })).toBeVisible();
        await expectNoAxeViolations(page);
      }
      await page.goto(`/${lang}/account/sign-up`);
      await page
        .getByRole("button")
        .filter({ hasText: lang === "en" ? "Create account" : "建立帳號" })
        .click();
      await expect(page.getByRole("alert")).toBeVisible();
      await expectNoAxeViolations(page);
    });
  }
});
