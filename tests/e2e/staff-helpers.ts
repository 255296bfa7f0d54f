import { existsSync, readFileSync } from "node:fs";
import type { Page } from "@playwright/test";
import { DEMO_TOTP_SECRET } from "~db/seeds/staff";
import { totpNow } from "~/modules/staff/totp.server";

/** The sign-in form's labels in `lang`, read from locales/<lang>/staff.json (every locale has the staff namespace). */
function signInLabels(lang: string): Record<"email" | "password" | "continue" | "code" | "verify", string> {
  return (
    JSON.parse(readFileSync(`locales/${lang}/staff.json`, "utf8")) as {
      signIn: Record<"email" | "password" | "continue" | "code" | "verify", string>;
    }
  ).signIn;
}

export const STAFF_PASSWORD = "demo-password-123";
export const DEMO_STAFF_EMAILS = [
  "consultant@demo.test",
  "consultant2@demo.test",
  "admin@demo.test",
  "editor@demo.test",
  "auditor@demo.test",
];

/** Where auth.setup.ts keeps a demo staff member's signed-in browser state for this run's server. */
export function staffStatePath(email: string): string {
  return `data/e2e-auth-${process.env.E2E_PORT ?? 3210}/${email}.json`;
}

/**
 * A staff member in the workspace inbox. Demo accounts reuse the session auth.setup.ts made; `fresh` (and any other
 * account) goes through the password and TOTP steps.
 */
export async function signInStaff(page: Page, email: string, lang = "en", options: { fresh?: boolean } = {}) {
  const state = staffStatePath(email);
  if (!options.fresh && existsSync(state)) {
    const { cookies } = JSON.parse(readFileSync(state, "utf8")) as {
      cookies: Parameters<ReturnType<Page["context"]>["addCookies"]>[0];
    };
    await page.context().addCookies(cookies);
    await page.goto(`/${lang}/staff/inbox`);
    if (new URL(page.url()).pathname === `/${lang}/staff/inbox`) return;
    await page.context().clearCookies();
  }
  await signInThroughForms(page, email, lang);
}

/**
 * Password step, then the TOTP step. A code whose 30 s step was already used (by another test signing in to the same
 * demo account) is refused, so the next step's code is tried, and failing that the helper waits for a new step.
 */
async function signInThroughForms(page: Page, email: string, lang: string) {
  const label = signInLabels(lang);
  await page.goto(`/${lang}/staff/sign-in`);
  await page.getByLabel(label.email).fill(email);
  await page.getByLabel(label.password).fill(STAFF_PASSWORD);
  await page.getByRole("button", { name: label.continue }).click();
  const code = page.getByLabel(label.code);
  // At most 4 refusals: 5 lock the account for 15 minutes.
  for (let round = 0; round < 2; round++) {
    for (const offset of [0, 30_000]) {
      await code.fill(totpNow(DEMO_TOTP_SECRET, Date.now() + offset));
      await page.getByRole("button", { name: label.verify }).click();
      const done = await page.waitForURL(/\/staff\/inbox/, { timeout: 5000 }).then(
        () => true,
        () => false
      );
      if (done) return;
    }
    if (round === 0) await page.waitForTimeout(30_000 - (Date.now() % 30_000) + 500);
  }
  throw new Error("could not pass the TOTP step");
}
