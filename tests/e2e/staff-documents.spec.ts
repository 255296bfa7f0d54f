import { expect, test } from "@playwright/test";
import { DEMO, PDF, signIn } from "./accounts-helpers";
import { signInStaff, STAFF_PASSWORD } from "./staff-helpers";

test.describe.configure({ timeout: 120_000 });

test("staff read a case's document only after the second factor, and the download is audited", async ({ browser }) => {
  const applicant = await browser.newContext();
  const page = await applicant.newPage();
  const href = await test.step("the applicant uploads a document to their case", async () => {
    await signIn(page, "en", DEMO.email, DEMO.password);
    await page.goto("/en/account/cases/TT-2026-000002");
    await page.getByLabel("Which document is it?").selectOption("passport");
    await page
      .getByLabel("File", { exact: true })
      .setInputFiles({ name: "audited.pdf", mimeType: "application/pdf", buffer: PDF });
    await page.getByRole("button", { name: "Upload" }).click();
    await expect(page.getByRole("status")).toContainText("Your document has been uploaded");
    return (await page.getByRole("link", { name: "audited.pdf" }).first().getAttribute("href"))!;
  });
  await applicant.close();

  await test.step("after the password step alone, the file is out of reach", async () => {
    const halfway = await browser.newContext();
    const desk = await halfway.newPage();
    await desk.goto("/en/staff/sign-in");
    await desk.getByLabel("Work email").fill("auditor@demo.test");
    await desk.getByLabel("Password").fill(STAFF_PASSWORD);
    await desk.getByRole("button", { name: "Continue" }).click();
    await expect(desk.getByLabel("6-digit code")).toBeVisible();
    const res = await desk.request.get(href, { maxRedirects: 0 });
    expect(res.status()).toBe(303);
    expect(res.headers()["location"]).toMatch(/\/en\/staff\/sign-in\?redirectTo=/);
    await halfway.close();
  });
  const staff = await browser.newContext();
  const desk = await staff.newPage();
  await test.step("with the second factor the file downloads, and the audit log shows it", async () => {
    await signInStaff(desk, "auditor@demo.test");
    await desk.goto("/en/staff/cases/TT-2026-000002");
    const link = desk.getByRole("link", { name: "audited.pdf" });
    const res = await desk.request.get((await link.getAttribute("href"))!);
    expect(res.status()).toBe(200);
    expect(res.headers()["content-disposition"]).toMatch(/^attachment;/);
    await desk.goto("/en/staff/audit");
    await expect(desk.getByRole("table").first()).toContainText("document.download");
  });
  await staff.close();
});
