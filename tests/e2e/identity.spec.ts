import { expect, test, type Page } from "@playwright/test";
import { DEMO } from "./accounts-helpers";
import { STAFF_PASSWORD } from "./staff-helpers";

const STAFF = "consultant2@demo.test";

async function applicantSignIn(page: Page, email: string, password: string) {
  await page.getByLabel("Email address").fill(email);
  await page.getByLabel("Password", { exact: true }).fill(password);
  await page.getByRole("button", { name: "Sign in", exact: true }).click();
}

test("the applicant sign-in refuses a staff account with the answer a wrong password gets @nojs", async ({ page }) => {
  await page.goto("/en/account/sign-in");
  await applicantSignIn(page, STAFF, "not the password at all");
  const wrong = await page.getByRole("alert").first().innerText();
  await page.goto("/en/account/sign-in");
  await applicantSignIn(page, STAFF, STAFF_PASSWORD);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Sign in");
  expect(await page.getByRole("alert").first().innerText()).toBe(wrong);
  expect(wrong).toContain("The email address or password is not right");
  expect(new URL(page.url()).pathname).toBe("/en/account/sign-in");
  const cookies = await page.context().cookies();
  expect(cookies.find((c) => c.name === "sid")).toBeUndefined();
});

test("a staff session that passed only the password step cannot export or delete on the privacy page", async ({
  page,
}) => {
  await page.goto("/en/staff/sign-in");
  await page.getByLabel("Work email").fill(STAFF);
  await page.getByLabel("Password").fill(STAFF_PASSWORD);
  await page.getByRole("button", { name: "Continue" }).click();
  await expect(page.getByLabel("6-digit code")).toBeVisible();
  // Sent back to finish the staff sign-in (the code step), never to the applicants' form.
  await page.goto("/en/account/privacy");
  expect(new URL(page.url()).pathname).toBe("/en/staff/sign-in");
  await expect(page.getByLabel("6-digit code")).toBeVisible();
  const exported = await page.request.get("/en/account/privacy/export", { maxRedirects: 0 });
  expect(exported.status()).toBe(303);
  expect(exported.headers()["location"]).toMatch(/^\/en\/staff\/sign-in/);
});

test("redirectTo never leaves the site", async ({ page }) => {
  const tab = await page.request.get("/en/account/sign-in?redirectTo=%2F%09%2Fexample.org%2F");
  expect(tab.status()).toBe(400);
  await page.goto("/en/account/sign-in?redirectTo=%2F%2Fexample.org%2F");
  await applicantSignIn(page, DEMO.email, DEMO.password);
  await expect(page.getByRole("heading", { level: 1 })).toHaveText("Your cases");
  expect(page.url()).toMatch(/^http:\/\/localhost:\d+\/en\/account\/cases$/);
});
