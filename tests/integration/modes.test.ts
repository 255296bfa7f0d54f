/* Issue 13: modes that say what they are. The demo is marked on every page; a real deployment needs its secrets and
 * public origin, shows no mailbox or demo accounts, and builds email links from PUBLIC_ORIGIN, never from Host. */
import { spawnSync } from "node:child_process";
import { readFileSync } from "node:fs";
import { get as httpGet } from "node:http";
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createDb } from "~db/client";
import type { Started } from "../bench/support";
import {
  buildApp,
  demoEnv,
  formSession,
  rawRequest,
  removeBuild,
  scratchPostgres,
  startServer,
} from "../support/server";

const FORGED = { Host: "evil.example", "X-Forwarded-Host": "evil.example", "X-Forwarded-Proto": "https" };
let entry: string;
beforeAll(() => {
  entry = buildApp();
}, 120_000);
afterAll(() => removeBuild(entry));

describe("configuration", () => {
  it("npm start serves the production build as the demo", () => {
    const scripts = JSON.parse(readFileSync("package.json", "utf8")).scripts as Record<string, string>;
    expect(scripts.start).toMatch(/NODE_ENV=production DEMO=true node build\/index\.js$/);
  });

  it("a real deployment without its secrets and origin exits, naming each missing variable", () => {
    const env = { PATH: process.env.PATH ?? "", NODE_ENV: "production" as const, PORT: "1" };
    const run = spawnSync(process.execPath, [entry], { env, encoding: "utf8", timeout: 30_000 });
    expect(run.status).toBe(1);
    for (const name of ["SESSION_SECRET", "PUBLIC_ORIGIN", "DATABASE_URL", "SMTP_URL"])
      expect(run.stderr).toContain(name);
  });
});

describe("the demo (npm start)", () => {
  let server: Started;
  beforeAll(async () => {
    server = await startServer(entry, demoEnv());
  }, 120_000);
  afterAll(() => server?.stop());

  it("says it is a demo on every page, in the page's language, and shows the mailbox", async () => {
    expect(await (await fetch(`${server.url}/healthz`)).json()).toMatchObject({ status: "ok", mode: "demo" });
    for (const [lang, label] of [
      ["en", "Demonstration"],
      ["th", "เว็บไซต์สาธิต"],
      ["zh-TW", "示範網站"],
    ]) {
      for (const page of ["", "/eligibility", "/account/sign-in", "/no-such-page"]) {
        const body = await (await fetch(`${server.url}/${lang}${page}`)).text();
        expect(body, `${lang}${page}`).toContain(`class="demo-banner" aria-label="${label}"`);
      }
    }
    expect((await fetch(`${server.url}/en/dev/mailbox`)).status).toBe(200);
  });

  it("builds the reset link from the public origin, not from a forged Host", async () => {
    const session = await formSession(server.url, "/en/account/forgot-password");
    const res = await session.post("/en/account/forgot-password", { email: "applicant@demo.test" }, FORGED);
    expect(res.status).toBe(303);
    const mailbox = await (await fetch(`${server.url}/en/dev/mailbox`)).text();
    const port = new URL(server.url).port;
    expect(mailbox).toContain(`href="http://localhost:${port}/en/account/reset-password?token=`);
    expect(mailbox).not.toContain("evil.example");
  });

  it("drains requests in flight on SIGTERM: each one the server has begun answering completes; then it exits 0", async () => {
    let answering = 0;
    let signalled = false;
    const exited = new Promise<number | null>((resolve) => server.child.once("exit", (code) => resolve(code)));
    const requests = Array.from(
      { length: 12 },
      (_, i) =>
        new Promise<{ before: boolean; status?: number; complete: boolean }>((resolve) => {
          const req = httpGet(`${server.url}/${i % 2 ? "th" : "ja"}/pathways/gold-card`, { agent: false }, (res) => {
            const before = !signalled;
            if (++answering === 3) {
              signalled = true;
              server.child.kill("SIGTERM");
            }
            let body = "";
            res.setEncoding("utf8");
            res.on("data", (chunk: string) => (body += chunk));
            res.on("end", () =>
              resolve({
                before,
                status: res.statusCode,
                complete: res.complete && body.includes("streamController.close()"),
              })
            );
            res.on("error", () => resolve({ before, status: res.statusCode, complete: false }));
          });
          req.on("error", () => resolve({ before: false, complete: false }));
        })
    );
    const results = await Promise.all(requests);
    const begun = results.filter((r) => r.before);
    expect(begun.length).toBeGreaterThanOrEqual(3);
    expect(begun.filter((r) => r.status !== 200 || !r.complete)).toEqual([]);
    expect(await exited).toBe(0);
    await expect(rawRequest(`${server.url}/healthz`)).rejects.toThrow();
  });
});

const pgUrl = process.env.TEST_DATABASE_URL;
describe.skipIf(!pgUrl)("a real deployment (PostgreSQL)", () => {
  let server: Started;
  let scratch: Awaited<ReturnType<typeof scratchPostgres>>;
  beforeAll(async () => {
    scratch = await scratchPostgres(pgUrl as string);
    server = await startServer(entry, {
      NODE_ENV: "production",
      DATABASE_URL: scratch.url,
      SESSION_SECRET: "real-deployment-secret-0123456789abcdef",
      PUBLIC_ORIGIN: "https://talent.example.tw",
      SMTP_URL: "smtp://127.0.0.1:9",
    });
  }, 120_000);
  afterAll(async () => {
    await server?.stop();
    await scratch?.drop();
  });

  it("has no banner, no mailbox and no demo accounts, and mails links on PUBLIC_ORIGIN whatever Host says", async () => {
    expect(await (await fetch(`${server.url}/healthz`)).json()).toMatchObject({ status: "ok", mode: "production" });
    expect(await (await fetch(`${server.url}/en`)).text()).not.toContain("demo-banner");
    expect((await fetch(`${server.url}/en/dev/mailbox`)).status).toBe(404);
    const handle = await createDb({ url: scratch.url, max: 1 });
    try {
      const demoUsers = await handle.db
        .selectFrom("users")
        .select("email")
        .where("email", "like", "%@demo.test")
        .execute();
      expect(demoUsers).toEqual([]);
      await handle.db
        .insertInto("users")
        .values({ email: "real@example.tw", name: "Real Person", role: "applicant", preferred_lang: "ja" })
        .execute();
      const session = await formSession(server.url, "/en/account/forgot-password");
      expect((await session.post("/en/account/forgot-password", { email: "real@example.tw" }, FORGED)).status).toBe(
        303
      );
      const mail = await handle.db
        .selectFrom("outbox")
        .select("payload")
        .where("to_address", "=", "real@example.tw")
        .executeTakeFirstOrThrow();
      expect(JSON.stringify(mail.payload)).toMatch(
        /"url":"https:\/\/talent\.example\.tw\/ja\/account\/reset-password\?token=/
      );
    } finally {
      await handle.close();
    }
  });
});
