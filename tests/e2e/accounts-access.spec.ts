import { expect, test } from "@playwright/test";
import { DEMO, signIn, signUpVerifyAndSignIn, uniqueEmail } from "./accounts-helpers";

const demoCase = "/en/account/cases/TT-2026-000002";

test.describe("access to another applicant's data", () => {
  test("nobody is sent to sign in; another applicant gets 404 everywhere @nojs", async ({ page, request }) => {
    test.setTimeout(90_000);
    const anonymous = await request.get(demoCase, { maxRedirects: 0 });
    expect(anonymous.status()).toBe(303);
    expect(anonymous.headers()["location"]).toMatch(/^\/en\/account\/sign-in\?redirectTo=/);

    await signIn(page, "en", DEMO.email, DEMO.password);
    await page.goto(demoCase);
    await page.getByLabel("Which document is it?").selectOption("passport");
    await page.getByLabel("File", { exact: true }).setInputFiles({
      name: "p.png",
      mimeType: "image/png",
      buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47, 0x0d, 0x0a, 0x1a, 0x0a, 0]),
    });
    await page.getByRole("button", { name: "Upload" }).click();
    await expect(page.getByRole("status")).toContainText("uploaded");
    const exported = (await (await page.request.get("/en/account/privacy/export")).json()) as {
      documents: { id: string }[];
    };
    const docId = exported.documents[0]!.id;
    expect((await page.request.get(`/en/account/documents/${docId}`)).status()).toBe(200);
    await page.context().clearCookies();

    await signUpVerifyAndSignIn(page, "en", uniqueEmail("intruder"));
    for (const path of [
      demoCase,
      `/en/account/documents/${docId}`,
      "/en/account/cases/TT-2026-000001",
      "/en/account/applications/00000000-0000-4000-8000-000000000000",
    ]) {
      const res = await page.request.get(path, { maxRedirects: 0 });
      expect(res.status(), path).toBe(404);
    }
    const tokenInput = await page
      .locator("input[name=_csrf]")
      .first()
      .inputValue()
      .catch(() => "");
    const post = await page.request.post(demoCase, {
      form: { _csrf: tokenInput, intent: "reply", body: "intrusion" },
      maxRedirects: 0,
    });
    expect(post.status()).toBe(404);
  });

  test("cross-site form posts are refused", async ({ request }) => {
    const res = await request.post("/en/account/sign-in", {
      form: { email: "a@b.test", password: "x" },
      headers: { Origin: "https://evil.example" },
    });
    expect(res.status()).toBe(403);
    const noToken = await request.post("/en/account/sign-in", { form: { email: "a@b.test", password: "x" } });
    expect(noToken.status()).toBe(403);
  });
});

test.describe("personal data", () => {
  test("export as JSON, then delete the account @nojs", async ({ page }, info) => {
    test.setTimeout(90_000);
    const email = uniqueEmail(`pdpa-${info.project.name}`);
    await signUpVerifyAndSignIn(page, "zh-TW", email);
    await page.getByRole("link", { name: "您的個人資料：下載或刪除" }).click();
    const response = await page.request.get("/zh-TW/account/privacy/export");
    expect(response.headers()["content-disposition"]).toMatch(/^attachment/);
    const data = (await response.json()) as { user: { email: string; preferred_lang: string } };
    expect(data.user).toMatchObject({ email, preferred_lang: "zh-TW" });
    expect(JSON.stringify(data)).not.toContain("scrypt$");
    await page.getByRole("button", { name: "刪除我的帳號與資料" }).click();
    await expect(page.getByRole("alert")).toBeVisible();
    await page.getByLabel("請輸入密碼以確認").fill("a long enough passphrase 42");
    await page.getByRole("button", { name: "刪除我的帳號與資料" }).click();
    await expect(page.getByRole("status")).toContainText("您的帳號與個人資料已刪除");
    await page.getByLabel("電子郵件地址").fill(email);
    await page.getByLabel("密碼", { exact: true }).fill("a long enough passphrase 42");
    await page.getByRole("button", { name: "登入", exact: true }).click();
    await expect(page.getByRole("alert")).toContainText("電子郵件地址或密碼不正確");
  });
});
