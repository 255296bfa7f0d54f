import { readFileSync } from "node:fs";
import { expect, test, type Browser, type Page, type TestInfo } from "@playwright/test";
import { asOwnClient, PASSWORD, PDF, uniqueEmail } from "./accounts-helpers";
import { expectNoAxeViolations } from "./axe";
import { answerAll, professional, startCheck, words } from "./eligibility-helpers";
import { signInStaff } from "./staff-helpers";

type Lang = "en" | "ja";
const bundles = new Map<string, Record<string, unknown>>();

/** A string from locales/<lang>/<ns>.json ("ns:a.b"), with {{x}} filled in: the test reads what the user reads. */
function tr(lang: Lang, key: string, vars: Record<string, string> = {}): string {
  const [ns, path] = key.split(":") as [string, string];
  const file = `locales/${lang}/${ns}.json`;
  if (!bundles.has(file)) bundles.set(file, JSON.parse(readFileSync(file, "utf8")) as Record<string, unknown>);
  const value = path.split(".").reduce<unknown>((o, k) => (o as Record<string, unknown>)[k], bundles.get(file));
  return Object.entries(vars).reduce((s, [k, v]) => s.replaceAll(`{{${k}}}`, v), String(value));
}

const CONSULTANT = "consultant@demo.test";
const PATHWAY = "digital-nomad";

/**
 * Each page the journey visits is checked by axe (it runs inside the page, so not in the no-js project, which checks
 * behaviour); at phone width nothing may be wider than the viewport.
 */
async function checkPage(page: Page) {
  if (test.info().project.name !== "no-js") await expectNoAxeViolations(page);
  const width = page.viewportSize()!.width;
  if (width <= 420) expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(width);
}

async function staffPage(browser: Browser, info: TestInfo): Promise<Page> {
  const context = await browser.newContext({
    baseURL: info.project.use.baseURL,
    javaScriptEnabled: info.project.name !== "no-js",
    viewport: info.project.use.viewport,
    isMobile: info.project.use.isMobile,
  });
  return context.newPage();
}

for (const lang of ["en", "ja"] as const) {
  test(`${lang}: result → sign up → verified draft → applied with a PDF → consultant → applicant reads the reply @nojs @phone`, async ({
    page,
    browser,
  }, info) => {
    test.setTimeout(300_000);
    if (info.project.name === "phone") await page.setViewportSize({ width: 390, height: 844 });
    await asOwnClient(page);
    const email = uniqueEmail(`journey-${lang}-${info.project.name}`);
    const pathwayName = tr(lang, `common:pathways.${PATHWAY}`);
    const marker = `${info.project.name}-${Date.now().toString(36)}`;
    const words1 = {
      name: `TANAKA Journey ${marker}`,
      qualification: `Remote work for a Canadian firm ${marker}`,
      spouse: "TANAKA Spouse",
    };

    await test.step("wizard → result → start an application", async () => {
      await startCheck(page, lang);
      await answerAll(page, lang, professional);
      await page.getByRole("button", { name: words(lang).check.submit }).click();
      await expect(page).toHaveURL(new RegExp(`/${lang}/eligibility/results/`));
      await checkPage(page);
      const card = page.getByRole("region", { name: pathwayName });
      await card.getByRole("link", { name: words(lang).results.startApplication }).click();
    });

    await test.step("sign-in says why; 'Create an account' keeps the way back", async () => {
      await expect(page).toHaveURL(/\/account\/sign-in\?redirectTo=/);
      await expect(page.getByText(tr(lang, "account:why.signIn.apply", { pathway: pathwayName }))).toBeVisible();
      await checkPage(page);
      await page.getByRole("link", { name: tr(lang, "account:signIn.noAccount") }).click();
      await expect(page).toHaveURL(/\/account\/sign-up\?redirectTo=/);
      await expect(page.getByText(tr(lang, "account:why.signIn.apply", { pathway: pathwayName }))).toBeVisible();
      await checkPage(page);
      await page.getByLabel(tr(lang, "account:fields.email")).fill(email);
      await page.getByLabel(tr(lang, "account:fields.newPassword")).fill(PASSWORD);
      await page.getByLabel(tr(lang, "account:consent.agree")).check();
      await page.getByRole("button", { name: tr(lang, "account:signUp.submit") }).click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(tr(lang, "account:checkEmail.title"));
      await expect(page.getByText(tr(lang, "account:why.continue.apply", { pathway: pathwayName }))).toBeVisible();
      await checkPage(page);
    });

    await test.step("the e-mail link signs the new user in and lands on the draft linked to the result", async () => {
      await page.goto(`/${lang}/dev/mailbox`);
      const mail = page.getByRole("listitem").filter({ hasText: email }).first().getByRole("link");
      await expect(mail, "the verification e-mail reached the mailbox").toBeVisible({ timeout: 15_000 });
      await mail.click();
      await expect(page.getByText(tr(lang, "account:why.continue.apply", { pathway: pathwayName }))).toBeVisible();
      await checkPage(page);
      await page.getByRole("button", { name: tr(lang, "account:verify.submit") }).click();
      await expect(page).toHaveURL(new RegExp(`/${lang}/account/applications/[0-9a-f-]{36}\\?welcome=1$`));
      await announced(page, tr(lang, "cases:application.welcome"));
      // The attached check names the date its rules took effect, never the internal rule-set id.
      const rulesFrom = new Intl.DateTimeFormat(lang, { dateStyle: "long", timeZone: "Asia/Taipei" }).format(
        new Date("2026-01-01")
      );
      await expect(page.locator("main").getByText(rulesFrom).first()).toBeVisible();
      await expect(page.getByText(/digital-nomad@/)).toHaveCount(0);
      await checkPage(page);
    });

    const reference = await test.step("upload a PDF, fill in the application and submit it", async () => {
      await page.getByLabel(tr(lang, "cases:upload.item")).selectOption("other");
      await page
        .getByLabel(tr(lang, "cases:upload.file"), { exact: true })
        .setInputFiles({ name: "bank-statement.pdf", mimeType: "application/pdf", buffer: PDF });
      await page.getByRole("button", { name: tr(lang, "cases:upload.submit") }).click();
      await announced(page, tr(lang, "cases:case.done.upload"));
      await page.getByLabel(tr(lang, "cases:application.fullName")).fill(words1.name);
      await page.getByLabel(tr(lang, "cases:application.nationality")).selectOption("JP");
      await page.getByLabel(tr(lang, "cases:application.passportNumber")).fill("TK1234567");
      await page.getByLabel(tr(lang, "cases:application.dateOfBirth")).fill("1988-03-14");
      await page.getByRole("radio", { name: lang === "en" ? "English" : "日本語", exact: true }).check();
      await page.getByLabel(tr(lang, "cases:application.spouseName")).fill(words1.spouse);
      await page.getByLabel(tr(lang, "cases:application.qualification")).fill(words1.qualification);
      await checkPage(page);
      await page.getByRole("button", { name: tr(lang, "cases:application.submit") }).click();
      await expect(page.getByRole("heading", { level: 1 })).toHaveText(/TT-\d{4}-\d{6}/);
      return (await page.getByRole("heading", { level: 1 }).textContent())!.match(/TT-\d{4}-\d{6}/)![0];
    });

    const staff = await staffPage(browser, info);
    await test.step("the consultant finds the case by the applicant's words and sees everything they gave", async () => {
      await signInStaff(staff, CONSULTANT, lang);
      await staff.goto(`/${lang}/staff/inbox?tab=open&q=${encodeURIComponent(marker)}`);
      await staff.getByRole("link", { name: reference }).click();
      const answers = staff.locator("#applicant-answers");
      await expect(staff.locator("#case-summary")).toContainText(words1.name);
      await expect(staff.locator("#case-summary")).toContainText(tr(lang, "staff:office.taipei"));
      await expect(answers).toContainText(words1.qualification);
      await expect(answers).toContainText("TK1234567");
      await expect(staff.locator("#family-answers")).toContainText(words1.spouse);
      await expect(staff.locator("#check-answers")).toContainText(tr(lang, "eligibility:facts.remoteWorkAbroad.label"));
      await expect(staff.getByRole("link", { name: "bank-statement.pdf" })).toBeVisible();
      await checkPage(staff);
      await expectRowsAligned(staff);
    });

    await test.step("assign, reply, add a note, change the status: each box empties and says so", async () => {
      await staff.getByLabel(tr(lang, "staff:filters.assignee")).selectOption({ label: "Consultant Demo" });
      await staff.getByRole("button", { name: tr(lang, "staff:case.saveAssignee") }).click();
      await announced(staff, tr(lang, "staff:case.done.assign"));
      const box = staff.locator("#reply textarea");
      await box.fill("x".repeat(5001));
      await staff.getByRole("button", { name: tr(lang, "staff:case.sendReply") }).click();
      await expect(staff.getByRole("alert")).toContainText(tr(lang, "staff:errors.tooLong"));
      await expect(box).toHaveValue("x".repeat(5001));
      await box.fill(`Please send your tax statement ${marker}`);
      await staff.getByRole("button", { name: tr(lang, "staff:case.sendReply") }).click();
      await announced(staff, tr(lang, "staff:case.done.reply"));
      await expect(box).toHaveValue("");
      await box.fill(`Internal: checked remote contract ${marker}`);
      await staff.getByRole("button", { name: tr(lang, "staff:case.addNote") }).click();
      await announced(staff, tr(lang, "staff:case.done.note"));
      await expect(box).toHaveValue("");
      await staff.getByLabel(tr(lang, "staff:filters.status")).selectOption("waiting_for_applicant");
      await staff.getByLabel(tr(lang, "staff:case.reason")).fill("Tax statement missing");
      await staff.getByRole("button", { name: tr(lang, "staff:case.saveStatus") }).click();
      await announced(staff, tr(lang, "staff:case.done.status"));
      await checkPage(staff);
      await staff.context().close();
    });

    await test.step("the applicant sees the unread reply (not the note) and what to do next", async () => {
      await page.goto(`/${lang}/account/cases`);
      const card = page.getByRole("listitem").filter({ hasText: reference });
      await expect(card.getByText(tr(lang, "cases:list.unread"))).toBeVisible();
      await checkPage(page);
      await card.getByRole("link", { name: reference }).click();
      await expect(page.getByText(`Please send your tax statement ${marker}`)).toBeVisible();
      await expect(page.getByText(`Internal: checked remote contract ${marker}`)).toHaveCount(0);
      await expect(page.getByText(tr(lang, "cases:next.waiting_for_applicant"))).toBeVisible();
      await checkPage(page);
      await page.goto(`/${lang}/account/cases`);
      await expect(
        page.getByRole("listitem").filter({ hasText: reference }).getByText(tr(lang, "cases:list.unread"))
      ).toHaveCount(0);
    });

    await test.step("a message over the limit keeps its text; a good one empties the box and is announced", async () => {
      await page.goto(`/${lang}/account/cases/${reference}`);
      const box = page.getByLabel(tr(lang, "cases:reply.body"), { exact: true });
      await box.fill("y".repeat(4001));
      await page.getByRole("button", { name: tr(lang, "cases:reply.submit") }).click();
      await expect(page.getByRole("alert")).toContainText(tr(lang, "cases:errors.tooLong"));
      await expect(box).toHaveValue("y".repeat(4001));
      await box.fill("Here is the statement.");
      await page.getByRole("button", { name: tr(lang, "cases:reply.submit") }).click();
      await announced(page, tr(lang, "cases:case.done.reply"));
      await expect(page.getByLabel(tr(lang, "cases:reply.body"), { exact: true })).toHaveValue("");
    });

    await test.step(`e-mails in the case's language (${lang}) for the reply and the status change, each linking back`, async () => {
      await page.goto(`/${lang}/dev/mailbox`);
      const mine = page.getByRole("listitem").filter({ hasText: email });
      for (const template of ["case-message", "case-status", "case-assigned"]) {
        const mail = mine.filter({
          has: page.getByRole("heading", { name: tr(lang, `email:${template}.subject`, { reference }) }),
        });
        await expect(mail).toHaveCount(1);
        await expect(mail.getByRole("link")).toHaveAttribute(
          "href",
          new RegExp(`/${lang}/account/cases/${reference}$`)
        );
      }
      await expect(mine.filter({ hasText: "Internal:" })).toHaveCount(0);
    });
  });
}

/** A confirmation in a live region (there may be other status regions on the page). */
async function announced(page: Page, text: string) {
  await expect(page.getByRole("status").filter({ hasText: text })).toBeVisible();
}

/** Each label and its value start on one line (a broken grid would stack or overlap them). */
async function expectRowsAligned(page: Page) {
  const rows = page.locator("#case-summary .answer-row, #applicant-answers .answer-row");
  const count = await rows.count();
  expect(count).toBeGreaterThan(8);
  for (let i = 0; i < count; i++) {
    const dt = await rows.nth(i).locator("dt").boundingBox();
    const dd = await rows.nth(i).locator("dd").boundingBox();
    expect(Math.abs(dt!.y - dd!.y)).toBeLessThanOrEqual(2);
    expect(dd!.x).toBeGreaterThan(dt!.x);
    expect(dd!.x + dd!.width).toBeLessThanOrEqual(page.viewportSize()!.width);
  }
}

test("forged office, pathway, case and a Global Elite application are refused, localized, with nothing written", async ({
  page,
  browser,
}, info) => {
  test.setTimeout(120_000);
  const lang = "ja";
  await test.step("Global Elite Card: a consultation is offered; a forged start is refused", async () => {
    await page.goto(`/${lang}/account/sign-in`);
    await page.getByLabel(tr(lang, "account:fields.email")).fill("applicant@demo.test");
    await page.getByLabel(tr(lang, "account:fields.password"), { exact: true }).fill("demo-password-123");
    await page.getByRole("button", { name: tr(lang, "account:signIn.submit"), exact: true }).click();
    await expect(page).toHaveURL(new RegExp(`/${lang}/account/cases$`));
    await page.goto(`/${lang}/account/applications/new?pathway=global-elite-card`);
    const name = tr(lang, "common:pathways.global-elite-card");
    await expect(page.getByText(tr(lang, "cases:start.notOpen", { pathway: name }))).toBeVisible();
    await expect(page.getByRole("link", { name: tr(lang, "cases:start.consult") })).toBeVisible();
    await expect(page.getByRole("radio", { name })).toHaveCount(0);
    await checkPage(page);
    const csrf = await page.locator("input[name=_csrf]").first().inputValue();
    const before = await page.request.get(`/${lang}/account/cases`).then((r) => r.text());
    const forged = await page.request.post(`/${lang}/account/applications/new`, {
      form: { _csrf: csrf, pathway: "global-elite-card" },
      maxRedirects: 0,
    });
    expect(forged.status()).toBe(400);
    const unknown = await page.request.post(`/${lang}/account/applications/new`, {
      form: { _csrf: csrf, pathway: "mars-card" },
      maxRedirects: 0,
    });
    expect(unknown.status()).toBe(400);
    const after = await page.request.get(`/${lang}/account/cases`).then((r) => r.text());
    expect(after.split(name).length).toBe(before.split(name).length);
    // With scripts on, the refusal is shown on the page in the user's language.
    await page.evaluate(() => {
      const radio = document.querySelector<HTMLInputElement>("input[name=pathway]")!;
      radio.value = "global-elite-card";
      radio.checked = true;
    });
    await page.getByRole("button", { name: tr(lang, "cases:start.submit") }).click();
    await expect(page.getByRole("alert")).toContainText(tr(lang, "cases:errors.notOpen"));
  });

  await test.step("staff: a forged office and a forged case are refused", async () => {
    const staff = await staffPage(browser, info);
    await signInStaff(staff, CONSULTANT, lang);
    await staff.goto(`/${lang}/staff/cases/TT-2026-000001`);
    const officeRow = staff
      .locator("#case-summary .answer-row")
      .filter({ hasText: tr(lang, "staff:filters.office") })
      .locator("dd");
    const office = await officeRow.textContent();
    const form = staff
      .locator("form")
      .filter({ has: staff.getByRole("button", { name: tr(lang, "staff:case.saveDetails") }) });
    const fields = await form.evaluate(
      (f: HTMLFormElement) => Object.fromEntries(new FormData(f).entries()) as Record<string, string>
    );
    const forged = await staff.request.post(`/${lang}/staff/cases/TT-2026-000001`, {
      form: { ...fields, office: "mars" },
      maxRedirects: 0,
    });
    expect(forged.status()).toBe(400);
    expect(await forged.text()).toContain("staff:errors.unknown-office");
    await staff.getByLabel(tr(lang, "staff:filters.office")).evaluate((el: HTMLSelectElement) => {
      el.add(new Option("mars", "mars"));
      el.value = "mars";
    });
    await form.getByRole("button").click();
    await expect(staff.getByRole("alert")).toContainText(tr(lang, "staff:errors.unknown-office"));
    await staff.goto(`/${lang}/staff/cases/TT-2026-000001`);
    await expect(officeRow).toHaveText(office!);
    const missing = await staff.request.post(`/${lang}/staff/cases/TT-2026-999999`, { form: fields, maxRedirects: 0 });
    expect(missing.status()).toBe(404);
    await staff.context().close();
  });
});
