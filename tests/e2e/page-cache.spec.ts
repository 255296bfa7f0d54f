import { expect, test, type Page } from "@playwright/test";
import { signInStaff } from "./staff-helpers";

/* The full-page cache for anonymous GETs (issue 15), checked against the real server. */

const nonceOf = (res: Response) => /'nonce-([^']+)'/.exec(res.headers.get("content-security-policy") ?? "")?.[1] ?? "";
const seedOf = (res: Response) => /(?:^|, )csrf=([^;]+)/.exec(res.headers.get("set-cookie") ?? "")?.[1] ?? "";
const tokenIn = (html: string) => /name="_csrf" value="([^"]*)"/.exec(html)?.[1] ?? "";

test.describe("page cache", () => {
  test("every anonymous response has its own nonce, CSRF token, cookies and language", async ({ baseURL }) => {
    const get = (path: string, headers: Record<string, string> = {}) =>
      fetch(`${baseURL}${path}`, { headers, redirect: "manual" });
    await get("/en/eligibility");
    const a = await get("/en/eligibility");
    const b = await get("/en/eligibility");
    expect([a.headers.get("x-page-cache"), b.headers.get("x-page-cache")]).toEqual(["hit", "hit"]);
    const [htmlA, htmlB] = [await a.text(), await b.text()];
    expect(nonceOf(a)).not.toBe(nonceOf(b));
    expect(htmlB).toContain(`nonce="${nonceOf(b)}"`);
    expect(htmlB).not.toContain(nonceOf(a));
    expect(seedOf(a)).not.toBe(seedOf(b));
    expect(tokenIn(htmlA)).not.toBe(tokenIn(htmlB));
    expect(htmlB).not.toContain(tokenIn(htmlA));

    // Each browser's token works with its own cookie only.
    const post = (seed: string, token: string) =>
      fetch(`${baseURL}/en/eligibility`, {
        method: "POST",
        redirect: "manual",
        headers: { Cookie: `csrf=${seed}`, "Content-Type": "application/x-www-form-urlencoded", Origin: baseURL! },
        body: new URLSearchParams({ _csrf: token, asOf: "2026-06-01" }),
      });
    expect((await post(seedOf(b), tokenIn(htmlB))).status).toBe(303);
    expect((await post(seedOf(b), tokenIn(htmlA))).status).toBe(403);

    // A browser that has its cookie gets no new one; another language is another page.
    const zh = await get("/zh-TW/eligibility", { Cookie: `csrf=${seedOf(a)}; lang=zh-TW` });
    expect(zh.headers.getSetCookie()).toEqual([]);
    const zhHtml = await zh.text();
    expect(zhHtml).toContain('<html lang="zh-TW"');
    expect(tokenIn(zhHtml)).toBe(tokenIn(htmlA));
    expect(await (await get("/en/eligibility", { Cookie: `csrf=${seedOf(a)}` })).text()).toContain('<html lang="en"');

    // Revalidation: the same browser gets a 304 without a new policy (its stored body keeps its own nonce).
    const again = await get("/en/eligibility", {
      Cookie: `csrf=${seedOf(b)}`,
      "If-None-Match": b.headers.get("etag")!,
    });
    expect(again.status).toBe(304);
    expect(again.headers.get("content-security-policy")).toBeNull();
    expect(
      (await get("/en/eligibility", { Cookie: `csrf=${seedOf(a)}`, "If-None-Match": b.headers.get("etag")! })).status
    ).toBe(200);
  });

  test("signed-in users are never served from the cache, and their pages are never cached for others", async ({
    page,
    baseURL,
  }) => {
    await signInStaff(page, "consultant@demo.test");
    for (const path of ["/en", "/en/living/banks", "/en/eligibility"]) {
      const res = await page.request.get(path);
      expect(res.status()).toBe(200);
      expect(res.headers()["x-page-cache"]).toBeUndefined();
    }
    const anonymous = await fetch(`${baseURL}/en/living/banks`);
    const html = await anonymous.text();
    expect(html).not.toContain("consultant@demo.test");
    expect(html).not.toContain("Consultant Demo");
  });

  test("a staff change to a directory entry shows on the next anonymous request @nojs", async ({ page, baseURL }) => {
    const id = `e2e-cache-${test.info().project.name}`;
    await signInStaff(page, "editor@demo.test");
    await page.goto("/en/staff/directories/rentals/new");
    await page.getByLabel("Identifier").fill(id);
    await page.getByLabel("Name (English)").fill("Cache Test Agent");
    await page.getByLabel("Source", { exact: true }).fill("E2E source");
    await page.getByLabel("Source address (URL)").fill("https://example.tw/e2e-cache");
    await page.getByLabel("Last checked").fill("2026-12-01");
    await page.getByRole("checkbox", { name: "Penghu County" }).check();
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByRole("status")).toHaveText("Saved.");

    const anonymous = () => fetch(`${baseURL}/en/living/rentals/${id}`);
    await anonymous();
    const cached = await anonymous();
    expect(cached.headers.get("x-page-cache")).toBe("hit");
    expect(await cached.text()).toContain("Cache Test Agent");

    await page.goto(`/en/staff/directories/rentals/${id}`);
    await page.getByLabel("Name (English)").fill("Cache Test Agent Renamed");
    await page.getByRole("button", { name: "Save" }).click();
    await expect(page.getByRole("status")).toHaveText("Saved.");
    const next = await anonymous();
    expect(next.headers.get("x-page-cache")).toBe("miss");
    expect(await next.text()).toContain("Cache Test Agent Renamed");
  });

  test("a cached page runs its scripts under its own policy, also after a 304", async ({ page }) => {
    const violations: string[] = [];
    page.on("console", (m) => {
      if (/Content Security Policy|Refused to/i.test(m.text())) violations.push(m.text());
    });
    const hydrated = (p: Page) => p.waitForFunction(() => "__remixRouteModules" in window);
    await page.request.get("/en/living/banks"); // warm the cache
    const first = await page.goto("/en/living/banks");
    expect(first?.headers()["x-page-cache"]).toBe("hit");
    await hydrated(page);
    await page.reload();
    await hydrated(page);
    await page.getByRole("link", { name: "Pathways", exact: true }).first().click();
    await expect(page).toHaveURL(/\/en\/pathways$/);
    expect(violations).toEqual([]);
  });
});
