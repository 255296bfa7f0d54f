import { expect, test } from "@playwright/test";
import { signInStaff as signIn, STAFF_PASSWORD as PASSWORD } from "./staff-helpers";
import { expectNoAxeViolations, expectNoAxeViolations as axe } from "./axe";

const staffPaths = ["inbox", "cases/TT-2026-000001", "dashboard", "audit", "canned", "team"];

test.describe("staff access", () => {
  test("anonymous visitors get 404 on every staff page and form post", async ({ request }) => {
    for (const path of staffPaths) {
      expect((await request.get(`/en/staff/${path}`, { maxRedirects: 0 })).status(), path).toBe(404);
      expect(
        (await request.post(`/en/staff/${path}`, { form: { intent: "reply", body: "x" }, maxRedirects: 0 })).status(),
        path
      ).toBe(404);
    }
  });

  test("a consultant without the second factor is sent to the code step; supervisor pages stay hidden", async ({
    page,
  }) => {
    await page.goto("/en/staff/sign-in");
    await page.getByLabel("Work email").fill("consultant2@demo.test");
    await page.getByLabel("Password").fill(PASSWORD);
    await page.getByRole("button", { name: "Continue" }).click();
    await expect(page.getByLabel("6-digit code")).toBeVisible();
    await page.goto("/en/staff/inbox");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Enter your authenticator code");
    await page.getByLabel("6-digit code").fill("000000");
    await page.getByRole("button", { name: "Verify and sign in" }).click();
    await expect(page.getByRole("alert")).toContainText("That code is not right");
  });

  test("wrong password shows an error summary @nojs", async ({ page }) => {
    await page.goto("/zh-TW/staff/sign-in");
    await page.getByLabel("公務電子郵件").fill("consultant@demo.test");
    await page.getByLabel("密碼").fill("not-the-password");
    await page.getByRole("button", { name: "繼續" }).click();
    await expect(page.getByRole("alert")).toContainText("電子郵件或密碼不正確");
  });

  test("a 100,000-character password gets the localized sign-in error and a 400, not a 500", async ({ page }) => {
    await page.goto("/en/staff/sign-in");
    const csrf = await page.locator("input[name=_csrf]").inputValue();
    const res = await page.request.post("/en/staff/sign-in", {
      form: { _csrf: csrf, email: "nobody@demo.test", password: "x".repeat(100_000) },
    });
    expect(res.status()).toBe(400);
    expect(await res.text()).toContain("Email or password is not right");
  });
});

test.describe("consultant journey", () => {
  test("signs in with TOTP, filters, replies in the applicant's language, notes, reassigns and closes @nojs", async ({
    page,
  }, info) => {
    const js = info.project.name === "js";
    // axe-core runs inside the page, so it needs scripts: it checks the pages in the js project.
    const expectNoAxeViolations = js ? axe : async () => {};
    const [search, reply] = js
      ? ["山田花子", "您好，請上傳護照資料頁。"]
      : ["Jordan Demo", "Hello, children can attend school; here is how."];
    const user = js ? "consultant@demo.test" : "admin@demo.test";
    await test.step("sign in", () => signIn(page, user, "en", { fresh: true }));
    await test.step("filter the inbox", async () => {
      await expectNoAxeViolations(page);
      await page.getByLabel("Search reference, name, email or message").fill(search);
      await page.getByRole("button", { name: "Apply filters" }).click();
      await expect(page).toHaveURL(new RegExp(`q=${encodeURIComponent(search).replace(/%20/g, "\\+")}`));
      await expect(page.getByRole("table").getByRole("row")).toHaveCount(2);
      await page.getByRole("table").getByRole("link").first().click();
      await expect(page.getByRole("heading", { level: 1 })).toContainText("Case TT-");
      await expectNoAxeViolations(page);
    });
    await test.step("reply and add an internal note", async () => {
      await page.getByLabel(/Message \(the applicant reads/).fill(reply);
      await page.getByRole("button", { name: "Send reply to applicant" }).click();
      await expect(page.locator(".event-public").filter({ hasText: reply })).toContainText("Visible to applicant");
      await page.getByLabel(/Message \(the applicant reads/).fill("Checked the passport scan with the team.");
      await page.getByRole("button", { name: "Add internal note" }).click();
      await expect(page.locator(".event-internal").filter({ hasText: "Checked the passport scan" })).toContainText(
        "applicant cannot see this"
      );
    });
    await test.step("reassign and close", async () => {
      await page.getByLabel("Assignee").selectOption({ label: "Second Consultant" });
      await page.getByRole("button", { name: "Reassign" }).click();
      await expect(page.locator("#case-summary")).toContainText("Second Consultant");
      await page.getByLabel("Status", { exact: true }).selectOption("closed");
      await page.getByLabel("Reason").fill("Question answered");
      await page.getByRole("button", { name: "Change status" }).click();
      await expect(page.locator("#case-summary")).toContainText("Closed");
      await expect(page.getByRole("button", { name: "Send reply to applicant" })).toHaveCount(0);
    });
  });

  test("the workspace reads in Traditional Chinese", async ({ page }) => {
    await page.goto("/zh-TW/staff/sign-in");
    await expectNoAxeViolations(page);
    await signIn(page, "consultant2@demo.test", "zh-TW");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("案件收件匣");
    await expectNoAxeViolations(page);
    await page.getByRole("link", { name: /所有未結案/ }).click();
    await page.getByRole("table").getByRole("link").first().click();
    await expect(page.getByRole("heading", { level: 1 })).toContainText("案件 TT-");
    await expectNoAxeViolations(page);
  });
});

test("the inbox filters by pathway and language from lists, and names them in each row @nojs", async ({ page }) => {
  await signIn(page, "editor@demo.test");
  await page
    .getByRole("combobox", { name: "Pathway" })
    .selectOption({ label: "Work permit for foreign professionals" });
  await page.getByRole("combobox", { name: "Language" }).selectOption({ label: "English" });
  await page.getByRole("button", { name: "Apply filters" }).click();
  await expect(page).toHaveURL(/pathway=professional-work-permit/);
  const rows = page.getByRole("table").getByRole("row");
  await expect(rows).toHaveCount(2);
  await expect(rows.nth(1)).toContainText("Ana Lee");
  await expect(rows.nth(1)).toContainText("Work permit for foreign professionals");
  await expect(rows.nth(1)).toContainText("English");
  expect(await page.getByRole("combobox", { name: "Language" }).locator("option").allTextContents()).toEqual(
    expect.arrayContaining(["日本語", "ไทย", "Tiếng Việt"])
  );
});

test.describe("supervisor pages", () => {
  test("dashboard charts have data tables, audit log records views and exports CSV @phone", async ({ page }, info) => {
    test.setTimeout(90_000);
    const user = info.project.name === "phone" ? "consultant2@demo.test" : "admin@demo.test";
    await signIn(page, user);
    if (user !== "admin@demo.test") {
      expect((await page.goto("/en/staff/dashboard"))?.status()).toBe(404);
      await page.goto("/en/staff/inbox");
      await expectNoAxeViolations(page);
      return;
    }
    await page.goto("/en/staff/dashboard");
    await expect(page.getByRole("img", { name: /Cases opened and closed per week/ })).toBeVisible();
    await expect(page.getByRole("table", { name: /Opened, closed and first responses/ })).toBeVisible();
    await expectNoAxeViolations(page);
    const csv = await page.request.get("/en/staff/export/trend?period=month");
    expect(csv.headers()["content-type"]).toContain("text/csv");
    expect((await csv.text()).split("\r\n")[0]).toBe(
      "period_start,opened,closed,first_responses,first_responses_on_time"
    );
    await page.goto("/zh-TW/staff/dashboard");
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("主管儀表板");
    await expectNoAxeViolations(page);
    await page.goto("/en/staff/audit");
    await expect(page.getByRole("cell", { name: "export.trend" })).toBeVisible();
    const inboxView = page
      .getByRole("row")
      .filter({ has: page.getByRole("cell", { name: "inbox.view" }) })
      .first();
    await inboxView.getByText("Show", { exact: true }).click();
    await expect(inboxView.locator("pre")).toContainText('"shown"');
    await expectNoAxeViolations(page);
    for (const path of ["canned", "team"]) {
      await page.goto(`/en/staff/${path}`);
      await expectNoAxeViolations(page);
    }
  });
});

test("the applicant reads the consultant's reply but never the internal note", async ({ page, browser }) => {
  test.setTimeout(90_000);
  const reply = `Reply ${Date.now()}: please bring your passport.`;
  const note = `Note ${Date.now()}: staff only.`;
  await signIn(page, "consultant2@demo.test");
  await page.goto("/en/staff/cases/TT-2026-000001");
  await page.getByLabel(/Message \(the applicant reads/).fill(reply);
  await page.getByRole("button", { name: "Send reply to applicant" }).click();
  await expect(page.locator(".event-public").filter({ hasText: reply })).toBeVisible();
  await page.getByLabel(/Message \(the applicant reads/).fill(note);
  await page.getByRole("button", { name: "Add internal note" }).click();
  await expect(page.locator(".event-internal").filter({ hasText: note })).toBeVisible();
  const applicant = await (await browser.newContext()).newPage();
  await applicant.goto("/en/account/sign-in");
  await applicant.getByLabel("Email address").fill("applicant@demo.test");
  await applicant.getByLabel("Password").fill(PASSWORD);
  await applicant.getByRole("button", { name: "Sign in" }).click();
  await applicant.waitForURL((url) => !url.pathname.endsWith("/sign-in"));
  await applicant.goto("/en/account/cases/TT-2026-000001");
  await expect(applicant.getByText(reply)).toBeVisible();
  await expect(applicant.getByText(note)).toHaveCount(0);
  expect((await applicant.goto("/en/staff/inbox"))?.status()).toBe(404);
});
