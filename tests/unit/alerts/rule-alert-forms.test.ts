import { afterAll, beforeAll, describe, expect, it } from "vitest";
import { createSession } from "~/modules/accounts/sessions.server";
import { startDraft } from "~/modules/cases/drafts.server";
import { completeCheck, createCheck } from "~/modules/eligibility/checks.server";
import { evaluateAll } from "~/modules/eligibility/eligibility.server";
import { ownerCookie } from "~/modules/eligibility/owner.server";
import { csrfToken } from "~/lib/security/csrf.server";
import { appSecret } from "~/lib/security/secret.server";
import { action as caseAction } from "~/routes/$lang.account.cases.$reference/route";
import { action as resultsAction, loader as resultsLoader } from "~/routes/$lang.eligibility.results.$id";
import { testDatabases, useMigratedDb } from "../../support/db";
import { createUser } from "../../support/factories";

const SEED = "abcdefghijklmnopqrstuvwxyz012345";
const answers = { identity: "foreign-other", goldCardField: "digital", yearsExperience: 8 } as never;
const context = { nonce: "n", requestId: "r", csrfSeed: SEED, clientIp: "127.0.0.1" };
const status = (p: Promise<unknown>) =>
  p.then(
    (r) => (r instanceof Response ? r.status : 200),
    (e: unknown) => (e instanceof Response ? e.status : 500)
  );

describe.each(testDatabases())("rule-alert consent forms on %s", (_name, open) => {
  const db = useMigratedDb(open);
  beforeAll(() => {
    globalThis.__portalDb = Promise.resolve({
      db: db(),
      kind: "pglite",
      close: async () => {},
      listen: async () => async () => {},
    });
  });
  afterAll(() => {
    globalThis.__portalDb = undefined;
  });

  async function check(asOf = "2026-06-01") {
    const id = await createCheck(db(), { lang: "en", asOf });
    await completeCheck(db(), { id, answers, result: evaluateAll(answers, asOf) });
    return id;
  }
  async function post(path: string, fields: Record<string, string>, cookies: { userId?: string; draft?: string } = {}) {
    const parts = [`csrf=${SEED}`];
    if (cookies.userId) parts.push(`sid=${await createSession(db(), cookies.userId)}`);
    if (cookies.draft) parts.push(ownerCookie(cookies.draft, false).split(";")[0]!);
    const body = new URLSearchParams({ _csrf: csrfToken(appSecret(), SEED), ...fields });
    return new Request(`http://localhost${path}`, { method: "POST", body, headers: { Cookie: parts.join("; ") } });
  }
  const consent = (id: string) => ({ intent: "rule-alerts", consent: "on", id });
  const consents = () => db().selectFrom("rule_alert_consents").selectAll().execute();

  it("refuses a forged or someone else's result id with a 4xx and changes nothing", async () => {
    const user = await createUser(db());
    const theirs = await check();
    const results = (id: string, req: Request) =>
      resultsAction({ request: req, params: { lang: "en", id }, context } as never);
    expect(
      await status(
        results(theirs, await post(`/en/eligibility/results/${theirs}`, consent(theirs), { userId: user.id }))
      )
    ).toBe(403);
    const forged = "AAAAAAAAAAAAAAAAAAAAAA";
    expect(
      await status(
        results(
          forged,
          await post(`/en/eligibility/results/${forged}`, consent(forged), { userId: user.id, draft: forged })
        )
      )
    ).toBe(404);
    expect(
      await status(results("x'; drop", await post("/en/eligibility/results/x", consent("x"), { userId: user.id })))
    ).toBe(404);
    const anonymous = await results(
      theirs,
      await post(`/en/eligibility/results/${theirs}`, consent(theirs), { draft: theirs })
    );
    expect((anonymous as Response).headers.get("Location")).toMatch(/^\/en\/account\/sign-in\?redirectTo=/);
    expect(await consents()).toEqual([]);
  });

  it("lets the maker (draft cookie) or the applicant (its application) consent and withdraw, nobody else", async () => {
    const maker = await createUser(db());
    const other = await createUser(db());
    const mine = await check();
    const results = (req: Request) =>
      resultsAction({ request: req, params: { lang: "en", id: mine }, context } as never);
    expect(
      await status(
        results(await post(`/en/eligibility/results/${mine}`, consent(mine), { userId: maker.id, draft: mine }))
      )
    ).toBe(303);
    expect(await consents()).toMatchObject([{ user_id: maker.id, check_id: mine, withdrawn_at: null }]);
    expect(
      await status(
        results(await post(`/en/eligibility/results/${mine}`, consent(mine), { userId: other.id, draft: mine }))
      )
    ).toBe(403);
    expect(
      await status(
        results(await post(`/en/eligibility/results/${mine}`, { intent: "rule-alerts" }, { userId: maker.id }))
      )
    ).toBe(303);
    const [withdrawn] = await consents();
    expect(withdrawn!.user_id).toBe(maker.id);
    expect(withdrawn!.withdrawn_at).not.toBeNull();

    const applied = await check();
    await startDraft(db(), other.id, { pathway: "gold-card", checkId: applied });
    const req = await post(`/en/eligibility/results/${applied}`, consent(applied), { userId: other.id });
    expect(await status(resultsAction({ request: req, params: { lang: "en", id: applied }, context } as never))).toBe(
      303
    );
    expect((await consents()).find((c) => c.check_id === applied)?.user_id).toBe(other.id);
  });

  it("refuses a consent on someone else's case with a 404", async () => {
    const user = await createUser(db());
    const req = await post(
      "/en/account/cases/TT-2026-000001",
      { intent: "rule-alerts", consent: "on" },
      { userId: user.id }
    );
    expect(
      await status(caseAction({ request: req, params: { lang: "en", reference: "TT-2026-000001" }, context } as never))
    ).toBe(404);
    expect(await consents()).toEqual([]);
  });

  it("says when the rules changed since a result, and re-checks it with the same answers", async () => {
    const old = await check("2025-06-01");
    const data = (await resultsLoader({
      request: new Request(`http://localhost/en/eligibility/results/${old}`),
      params: { lang: "en", id: old },
      context,
    } as never)) as {
      alerts: { stale: { pathway: string }[]; signedIn: boolean };
    };
    expect(data.alerts.signedIn).toBe(false);
    expect(data.alerts.stale.map((s) => s.pathway)).toContain("professional-work-permit");
    const res = (await resultsAction({
      request: await post(`/en/eligibility/results/${old}`, { intent: "recheck" }),
      params: { lang: "en", id: old },
      context,
    } as never)) as Response;
    expect(res.status).toBe(303);
    const fresh = res.headers.get("Location")!.split("/").at(-1)!;
    expect(fresh).not.toBe(old);
    const row = await db()
      .selectFrom("eligibility_checks")
      .select(["answers", "completed_at"])
      .where("id", "=", fresh)
      .executeTakeFirstOrThrow();
    expect(row.answers).toEqual(answers);
    const current = await check();
    const same = (await resultsAction({
      request: await post(`/en/eligibility/results/${current}`, { intent: "recheck" }),
      params: { lang: "en", id: current },
      context,
    } as never)) as Response;
    expect(same.headers.get("Location")).toBe(`/en/eligibility/results/${current}`);
  });
});
