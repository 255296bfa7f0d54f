/*
 * Issue 13: a database outage under load. The built server runs on PostgreSQL while form POSTs and page and API
 * requests stream in; midway every connection of the server is terminated (pg_terminate_backend), again and again
 * for two seconds, as in a restart. The process must stay up, answer 503 with Retry-After (never 500) while it
 * lasts, answer again by itself afterwards, and every POST that got a 303 must have its row.
 */
import { afterAll, beforeAll, describe, expect, it } from "vitest";
import type { Started } from "../bench/support";
import {
  buildApp,
  formSession,
  rawRequest,
  removeBuild,
  scratchPostgres,
  startServer,
  type RawResponse,
} from "../support/server";

const pgUrl = process.env.TEST_DATABASE_URL;
const WORKERS = 4;
const OUTAGE_AT_MS = 2_000;
const OUTAGE_MS = 3_000;
const RUN_MS = 10_000;

type Outcome = {
  kind: "post" | "page" | "api";
  at: number;
  status: number | "refused";
  retryAfter?: string;
  id?: string;
  body?: string;
};

describe.skipIf(!pgUrl)("database outage under load (PostgreSQL)", () => {
  let entry: string;
  let server: Started;
  let scratch: Awaited<ReturnType<typeof scratchPostgres>>;
  beforeAll(async () => {
    entry = buildApp();
    scratch = await scratchPostgres(pgUrl as string);
    server = await startServer(entry, { NODE_ENV: "production", DEMO: "true", DATABASE_URL: scratch.url });
  }, 180_000);
  afterAll(async () => {
    await server?.stop();
    await scratch?.drop();
    removeBuild(entry);
  });

  it("stays up, answers 503 with Retry-After during the outage, recovers by itself and loses no acknowledged write", async () => {
    const session = await formSession(server.url, "/en/eligibility");
    // Warm up first (rules, content and translations load on first use), so the clock measures the outage only.
    expect((await session.post("/en/eligibility", {})).status).toBe(303);
    expect((await rawRequest(`${server.url}/en/living/banks`)).status).toBe(200);
    const t0 = Date.now();
    const outcomes: Outcome[] = [];
    const record = async (kind: Outcome["kind"], send: () => Promise<RawResponse>) => {
      const at = Date.now() - t0;
      try {
        const res = await send();
        const id = /\/eligibility\/([\w-]+)\//.exec(String(res.headers.location ?? ""))?.[1];
        const retryAfter = res.headers["retry-after"] as string | undefined;
        outcomes.push({ kind, at, status: res.status, retryAfter, id, body: res.status >= 500 ? res.body : undefined });
      } catch {
        outcomes.push({ kind, at, status: "refused" });
      }
    };
    const worker = async (n: number) => {
      for (let i = 0; Date.now() - t0 < RUN_MS; i++) {
        await record("post", () => session.post("/en/eligibility", {}));
        if (i % 3 === n % 3) await record("page", () => rawRequest(`${server.url}/en/living/banks`));
        if (i % 5 === 0) await record("api", () => rawRequest(`${server.url}/api/v1/pathways`));
      }
    };
    const outage = async () => {
      await new Promise((r) => setTimeout(r, OUTAGE_AT_MS));
      const start = Date.now() - t0;
      let terminated = 0;
      while (Date.now() - t0 < start + OUTAGE_MS) {
        const { rows } = await scratch.admin.query(
          "select count(pg_terminate_backend(pid))::int as n from pg_stat_activity where application_name = $1",
          [scratch.schema]
        );
        terminated += (rows[0] as { n: number }).n;
        await new Promise((r) => setTimeout(r, 10));
      }
      return { start, end: Date.now() - t0, terminated };
    };
    const [window] = await Promise.all([outage(), ...Array.from({ length: WORKERS }, (_, n) => worker(n))]);

    const count = (pred: (o: Outcome) => boolean) => outcomes.filter(pred).length;
    const ok = count((o) => typeof o.status === "number" && o.status < 400);
    const unavailable = outcomes.filter((o) => o.status === 503);
    const refused = count((o) => o.status === "refused");
    const otherErrors = outcomes.filter((o) => typeof o.status === "number" && o.status >= 500 && o.status !== 503);
    const acknowledged = outcomes.filter((o) => o.kind === "post" && o.status === 303).map((o) => o.id as string);
    const { rows } = await scratch.admin.query(
      `select count(*)::int as n from ${scratch.schema}.eligibility_checks where id = any($1)`,
      [acknowledged]
    );
    const present = (rows[0] as { n: number }).n;
    const firstOkAfter = outcomes
      .filter((o) => o.kind === "post" && o.status === 303 && o.at > window.end)
      .map((o) => o.at)[0];
    const summary = {
      requests: outcomes.length,
      ok,
      unavailable: unavailable.length,
      refused,
      otherErrors: otherErrors.length,
      postsAcknowledged: acknowledged.length,
      rowsPresent: present,
      outageMs: [window.start, window.end],
      backendsTerminated: window.terminated,
      recoveredAfterMs: firstOkAfter === undefined ? null : firstOkAfter - window.end,
      last503AtMs: unavailable.at(-1)?.at ?? null,
    };
    console.log(`db outage: ${JSON.stringify(summary)}`);

    expect(server.child.exitCode).toBeNull();
    expect(otherErrors.map((o) => `${o.kind} ${o.status} ${o.body?.slice(0, 200)}`)).toEqual([]);
    expect(refused).toBe(0);
    expect(window.terminated).toBeGreaterThan(0);
    expect(unavailable.length).toBeGreaterThan(0);
    expect(unavailable.filter((o) => o.retryAfter !== "5")).toEqual([]);
    expect(
      unavailable.filter((o) => o.kind !== "api" && !o.body?.includes("the service is unavailable for a moment"))
    ).toEqual([]);
    expect(summary.recoveredAfterMs).not.toBeNull();
    expect(summary.recoveredAfterMs as number).toBeLessThan(10_000);
    expect(present).toBe(acknowledged.length);
    expect((await fetch(`${server.url}/healthz`)).status).toBe(200);
  }, 60_000);
});
