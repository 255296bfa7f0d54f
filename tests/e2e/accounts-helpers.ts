import { expect, type Page } from "@playwright/test";

export const PASSWORD = "a long enough passphrase 42";
export const DEMO = { email: "applicant@demo.test", password: "demo-password-123" };

/** A fresh address per test run and project. */
export function uniqueEmail(tag: string): string {
  return `e2e-${tag}-${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 8)}@example.test`;
}

/**
 * Each test that signs up speaks from its own client address (X-Forwarded-For, trusted from loopback), as separate
 * people do: the e-mail limiter allows a few messages per address an hour, and the whole suite comes from 127.0.0.1.
 */
export async function asOwnClient(page: Page): Promise<void> {
  const octet = () => 1 + Math.floor(Math.random() * 254);
  await page.setExtraHTTPHeaders({ "X-Forwarded-For": `198.18.${octet()}.${octet()}` });
}

/** Signs up and opens the verification link from the development mailbox, which signs the new user in. */
export async function signUpVerifyAndSignIn(page: Page, lang: "en" | "zh-TW", email: string): Promise<void> {
  const en = lang === "en";
  await asOwnClient(page);
  await page.goto(`/${lang}/account/sign-up`);
  await page.getByLabel(en ? "Email address" : "電子郵件地址").fill(email);
  await page.getByLabel(en ? "Create a password" : "設定密碼").fill(PASSWORD);
  await page.getByLabel(en ? "I agree to this use of my personal data" : "我同意以上方式使用我的個人資料").check();
  await page.getByRole("button", { name: en ? "Create account" : "建立帳號" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(en ? "Check your email" : "請查看您的電子郵件");
  await page.goto(`/${lang}/dev/mailbox`);
  await page.getByRole("listitem").filter({ hasText: email }).first().getByRole("link").click();
  // Opening the link (as a mail scanner would, twice) does not use the token up; the button does.
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(
    en ? "Confirm your email address" : "確認您的電子郵件地址"
  );
  await page.reload();
  // Confirming in the browser that signed up signs the new user in (README decision 2026-12-02).
  await page.getByRole("button", { name: en ? "Confirm my email address" : "確認我的電子郵件地址" }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(en ? "Your cases" : "您的案件");
}

/** Signs in through the form and lands on the case list. */
export async function signIn(page: Page, lang: "en" | "zh-TW", email: string, password: string): Promise<void> {
  const en = lang === "en";
  await page.goto(`/${lang}/account/sign-in`);
  await page.getByLabel(en ? "Email address" : "電子郵件地址").fill(email);
  await page.getByLabel(en ? "Password" : "密碼", { exact: true }).fill(password);
  await page.getByRole("button", { name: en ? "Sign in" : "登入", exact: true }).click();
  await expect(page.getByRole("heading", { level: 1 })).toHaveText(en ? "Your cases" : "您的案件");
}

/** A minimal valid PDF's bytes. */
export const PDF = Buffer.from("%PDF-1.4\n1 0 obj<</Type/Catalog>>endobj\ntrailer<</Root 1 0 R>>\n%%EOF\n");
