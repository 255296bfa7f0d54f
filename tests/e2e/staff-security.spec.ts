import { expect, test, type Browser, type Page } from "@playwright/test";
import { totpNow } from "~/modules/staff/totp.server";
import { expectNoAxeViolations } from "./axe";
import { signInStaff, STAFF_PASSWORD } from "./staff-helpers";

test.describe.configure({ timeout: 120_000 });

/** axe runs inside the page, so it needs JavaScript: the no-js project checks behaviour only. */
async function axe(page: Page) {
  if (test.info().project.use.javaScriptEnabled !== false) await expectNoAxeViolations(page);
}

async function passwordStep(browser: Browser, email: string, password: string): Promise<Page> {
  const { baseURL, javaScriptEnabled } = test.info().project.use;
  const page = await (await browser.newContext({ baseURL, javaScriptEnabled })).newPage();
  await page.goto("/en/staff/sign-in");
  await page.getByLabel("Work email").fill(email);
  await page.getByLabel("Password").fill(password);
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByLabel("6-digit code")).toBeVisible();
  return page;
}

test("a consultant makes new recovery codes and signs in with one, once @nojs", async ({ page, browser }, testInfo) => {
  const email = testInfo.project.name === "no-js" ? "consultant2@demo.test" : "consultant@demo.test";
  const codes = await test.step("the security page makes ten codes and shows them once", async () => {
    await signInStaff(page, email);
    await page
      .getByRole("navigation", { name: "Staff workspace" })
      .getByRole("link", { name: "Sign-in security" })
      .click();
    await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sign-in security");
    await axe(page);
    const [posted] = await Promise.all([
      page.waitForResponse((r) => r.request().method() === "POST" && r.url().includes("/en/staff/security")),
      page.getByRole("button", { name: "Generate new recovery codes" }).click(),
    ]);
    expect(posted.headers()["cache-control"]).toBe("no-store");
    await expect(page.getByRole("heading", { name: "Your new recovery codes" })).toBeVisible();
    const list = page.getByRole("list", { name: "Recovery codes" }).getByRole("listitem");
    await expect(list).toHaveCount(10);
    await expect(page.getByTestId("remaining")).toHaveText("Unused recovery codes: 10 of 10");
    await axe(page);
    const shown = await list.allInnerTexts();
    await page.goto("/en/staff/security");
    await expect(page.getByRole("heading", { name: "Your new recovery codes" })).toHaveCount(0);
    return shown.map((c) => c.trim());
  });
  expect(codes[0]).toMatch(/^[a-z2-7]{4}-[a-z2-7]{4}-[a-z2-7]{4}$/);

  await test.step("at the code step a wrong recovery code is refused and a right one signs in", async () => {
    const desk = await passwordStep(browser, email, STAFF_PASSWORD);
    await desk.getByRole("link", { name: "Use a recovery code instead" }).click();
    await expect(desk.getByRole("heading", { level: 1 })).toHaveText("Enter a recovery code");
    await axe(desk);
    await desk.getByLabel("Recovery code").fill("aaaa-bbbb-cccc");
    await desk.getByRole("button", { name: "Verify and sign in" }).click();
    await expect(desk.getByRole("alert")).toContainText("That recovery code is not right or has already been used");
    await desk.getByLabel("Recovery code").fill(codes[0]!.toUpperCase());
    await desk.getByRole("button", { name: "Verify and sign in" }).click();
    await desk.waitForURL(/\/en\/staff\/inbox/);
    await desk.goto("/en/staff/security");
    await expect(desk.getByTestId("remaining")).toHaveText("Unused recovery codes: 9 of 10");
    await desk.context().close();
  });

  await test.step("the same code does not work a second time", async () => {
    const desk = await passwordStep(browser, email, STAFF_PASSWORD);
    await desk.goto("/en/staff/sign-in?method=recovery");
    await desk.getByLabel("Recovery code").fill(codes[0]!);
    await desk.getByRole("button", { name: "Verify and sign in" }).click();
    await expect(desk.getByRole("alert")).toContainText("That recovery code is not right or has already been used");
    await desk.context().close();
  });
});

test("a supervisor adds a consultant, then resets their authenticator; the new secret signs in @nojs", async ({
  page,
  browser,
}, testInfo) => {
  const email = `new-${testInfo.project.name}-${Date.now()}@demo.test`;
  const password = "a-fresh-password-2026";
  await signInStaff(page, "admin@demo.test");
  await page.goto("/en/staff/team");
  await test.step("the new member's secret and recovery codes show once", async () => {
    await page.getByLabel("Email").fill(email);
    await page.getByLabel("Name").fill(`Reset Demo ${testInfo.project.name}`);
    await page.getByLabel("Initial password (at least 12 characters)").fill(password);
    await page.getByRole("button", { name: "Add staff member" }).click();
    await expect(
      page.getByRole("heading", { name: `${email} was added: give them these details in person` })
    ).toBeVisible();
    await expect(page.getByRole("list", { name: "Recovery codes" }).getByRole("listitem")).toHaveCount(10);
    await axe(page);
    await page.goto("/en/staff/team");
    await expect(page.getByTestId("totp-secret")).toHaveCount(0);
    await expect(page.getByRole("row", { name: new RegExp(`Reset Demo ${testInfo.project.name}`) })).toContainText(
      "Not yet enrolled"
    );
  });
  const secret = await test.step("reset shows a new secret once", async () => {
    await page.getByRole("link", { name: `Reset authenticator for Reset Demo ${testInfo.project.name}` }).click();
    await expect(
      page.getByRole("heading", { name: `Reset the authenticator of Reset Demo ${testInfo.project.name} (${email})?` })
    ).toBeVisible();
    await axe(page);
    await page.getByRole("button", { name: "Reset authenticator", exact: true }).click();
    await expect(
      page.getByRole("heading", { name: `New authenticator for ${email}: give them these details in person` })
    ).toBeVisible();
    await axe(page);
    return (await page.getByTestId("totp-secret").innerText()).trim();
  });
  await test.step("the member signs in with the new secret", async () => {
    const desk = await passwordStep(browser, email, password);
    await desk.getByLabel("6-digit code").fill(totpNow(secret));
    await desk.getByRole("button", { name: "Verify and sign in" }).click();
    await desk.waitForURL(/\/en\/staff\/inbox/);
    await desk.context().close();
  });
  await page.goto(`/en/staff/audit?actor=admin@demo.test`);
  await expect(page.getByRole("table").first()).toContainText("staff.totp.reset");
});

test("a consultant cannot reset anyone's authenticator; a forged form gets a 400", async ({ page }) => {
  await signInStaff(page, "editor@demo.test");
  expect((await page.goto("/en/staff/team"))?.status()).toBe(404);
  await page.goto("/en/staff/security");
  const csrf = await page.locator('input[name="_csrf"]').first().inputValue();
  const res = await page.request.post("/en/staff/team", {
    form: { _csrf: csrf, intent: "reset", userId: "00000000-0000-4000-8000-000000000000" },
    headers: { Origin: new URL(page.url()).origin },
  });
  expect(res.status()).toBe(404);
  const bad = await page.request.post("/en/staff/security", {
    form: { _csrf: csrf, intent: "everything" },
    headers: { Origin: new URL(page.url()).origin },
  });
  expect(bad.status()).toBe(400);
  expect(await bad.text()).toContain("That request was not valid. Reload the page and try again");
});
