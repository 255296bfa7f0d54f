import type { AppLoadContext } from "@remix-run/node";
import express from "express";
import type { AddressInfo } from "node:net";
import { describe, expect, it } from "vitest";
import type { DbHandle } from "~db/client";
import { migrateToLatest } from "~db/migrate";
import { watchContentVersion } from "~/lib/cache/content-version.server";
import { createPageCache, PAGE_CACHE_HEADER } from "~/lib/cache/page-cache.server";
import { csrfToken, ensureCsrfSeed } from "~/lib/security/csrf.server";
import { createNonce } from "~/lib/security/headers.server";
import { getEntry } from "~/modules/directories/directories.server";
import { createEntry, updateEntry } from "~/modules/directories/upkeep.server";
import { secondPostgresHandle } from "../../support/second-db";
import { testDatabases } from "../../support/db";

const secret = "p".repeat(40);
const entry = {
  name_en: "Agent One",
  cities: ["taipei"],
  services: [],
  languages: ["en"],
  source_title: "Test source",
  last_verified: "2026-12-01",
};

/**
 * A server process as app/server.ts builds it (nonce, CSRF seed, the page cache) whose "page" reads a directory entry
 * from the real database and carries the nonce and the CSRF token the way the Remix pages do.
 */
async function serve(handle: DbHandle) {
  const version = await watchContentVersion(handle, { pollMs: 60_000 });
  let renders = 0;
  const cache = createPageCache({
    context: (_req, res) =>
      ({ nonce: res.locals.nonce, csrfSeed: res.locals.csrfSeed, clientIp: "", requestId: "" } as AppLoadContext),
    csrfToken: (seed) => csrfToken(secret, seed),
    version: version.current,
    async render(request, context) {
      renders++;
      const lang = new URL(request.url).pathname.split("/")[1];
      const row = await getEntry(handle.db, "rentals", "agent-one");
      const html = `<html lang="${lang}"><script nonce="${context.nonce}">${JSON.stringify({
        csrf: csrfToken(secret, context.csrfSeed),
      })}</script><h1>${row?.name_en}</h1></html>`;
      return new Response(html, { headers: { "Content-Type": "text/html", [PAGE_CACHE_HEADER]: "1" } });
    },
  });
  const app = express();
  app.use((req, res, next) => {
    res.locals.nonce = createNonce();
    res.set("Content-Security-Policy", `script-src 'nonce-${res.locals.nonce}'`);
    const csrf = ensureCsrfSeed(req.get("cookie"), false);
    res.locals.csrfSeed = csrf.seed;
    if (csrf.setCookie) res.append("Set-Cookie", csrf.setCookie);
    next();
  });
  app.use(cache.middleware);
  app.use((_req, res) => res.send("rendered without the cache"));
  const server = app.listen(0, "127.0.0.1");
  await new Promise((r) => server.once("listening", r));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return {
    get: (path: string, headers: Record<string, string> = {}) => fetch(base + path, { headers }),
    renders: () => renders,
    version: version.current,
    close: async () => {
      server.close();
      await version.stop();
    },
  };
}

const nonceOf = (res: Response) => /'nonce-([^']+)'/.exec(res.headers.get("content-security-policy") ?? "")?.[1];
const seedOf = (res: Response) => /csrf=([^;]+)/.exec(res.headers.get("set-cookie") ?? "")?.[1];
const until = async (check: () => Promise<boolean>) => {
  for (let i = 0; i < 200 && !(await check()); i++) await new Promise((r) => setTimeout(r, 10));
};

describe.each(testDatabases())("page cache (%s)", (_name, open) => {
  it("gives every response its own nonce and token, per language, and never to a signed-in browser", async () => {
    const handle = await open();
    await migrateToLatest(handle.db);
    await createEntry(handle.db, "rentals", { id: "agent-one", ...entry });
    const app = await serve(handle);
    try {
      const first = await app.get("/en/living/rentals");
      const second = await app.get("/en/living/rentals");
      expect([first.headers.get("x-page-cache"), second.headers.get("x-page-cache")]).toEqual(["miss", "hit"]);
      const [a, b] = [await first.text(), await second.text()];
      expect(a).toContain(`nonce="${nonceOf(first)}"`);
      expect(b).toContain(`nonce="${nonceOf(second)}"`);
      expect(b).not.toContain(nonceOf(first));
      expect(b).toContain(csrfToken(secret, seedOf(second)!));
      expect(b).not.toContain(csrfToken(secret, seedOf(first)!));
      expect(second.headers.getSetCookie()).toEqual([`csrf=${seedOf(second)}; Path=/; HttpOnly; SameSite=Lax`]);

      const zh = await app.get("/zh-TW/living/rentals", { Cookie: `csrf=${seedOf(first)}` });
      expect(await zh.text()).toContain('<html lang="zh-TW">');
      expect(zh.headers.getSetCookie()).toEqual([]);
      expect(await (await app.get("/en/living/rentals")).text()).toContain('<html lang="en">');

      const signedIn = await app.get("/en/living/rentals", { Cookie: `csrf=${seedOf(first)}; sid=abc` });
      expect(signedIn.headers.get("x-page-cache")).toBeNull();
      expect(await signedIn.text()).toBe("rendered without the cache");

      const etag = second.headers.get("etag")!;
      const again = await app.get("/en/living/rentals", { Cookie: `csrf=${seedOf(second)}`, "If-None-Match": etag });
      expect(again.status).toBe(304);
      expect(again.headers.get("content-security-policy")).toBeNull();
      const other = await app.get("/en/living/rentals", { Cookie: `csrf=${seedOf(first)}`, "If-None-Match": etag });
      expect(other.status).toBe(200); // another browser's token: its own body, not a 304 for someone else's
      expect(app.renders()).toBe(2);
    } finally {
      await app.close();
      await handle.close();
    }
  });

  it("shows a staff change on the next anonymous request, in this process and in another one", async () => {
    const handle = await open();
    await migrateToLatest(handle.db);
    await createEntry(handle.db, "rentals", { id: "agent-one", ...entry });
    const other = await secondPostgresHandle(handle.db); // a second server process's own connections (PostgreSQL)
    const apps = [await serve(handle), ...(other ? [await serve(other)] : [])];
    try {
      for (const app of apps) {
        await app.get("/en/living/rentals");
        expect((await app.get("/en/living/rentals")).headers.get("x-page-cache")).toBe("hit");
      }
      const before = apps.map((app) => app.version());
      await updateEntry(handle.db, "rentals", "agent-one", { ...entry, name_en: "Agent One Renamed" });
      // PGlite is one process and hears its own NOTIFY as the statement returns; on PostgreSQL it comes within moments.
      if (!other) expect(apps[0]!.version()).not.toBe(before[0]);
      await until(async () => apps.every((app, i) => app.version() !== before[i]));
      for (const app of apps) {
        const page = await app.get("/en/living/rentals");
        expect(page.headers.get("x-page-cache")).toBe("miss");
        expect(await page.text()).toContain("<h1>Agent One Renamed</h1>");
      }
    } finally {
      for (const app of apps) await app.close();
      await other?.close();
      await handle.close();
    }
  });
});
