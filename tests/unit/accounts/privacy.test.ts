import { sql } from "kysely";
import { afterEach, describe, expect, it } from "vitest";
import { deleteAccount, exportUserData } from "~/modules/accounts/privacy.server";
import { setResultConsent } from "~/modules/alerts/consent.server";
import { mailKeys, rateKeys, recordFailure } from "~/modules/accounts/rate-limit.server";
import { createConsultation } from "~/modules/cases/case-actions.server";
import { startDraft } from "~/modules/cases/drafts.server";
import { completeCheck, createCheck } from "~/modules/eligibility/checks.server";
import { evaluateAll } from "~/modules/eligibility/eligibility.server";
import { auditTerm, recordAudit } from "~/modules/staff/audit.server";
import { loader as resultsLoader } from "~/routes/$lang.eligibility.results.$id";
import { testDatabases, useMigratedDb } from "../../support/db";
import { createUser, FACTORY_PASSWORD } from "../../support/factories";

const link = (lang: string, path: string) => `http://test/${lang}${path}`;

describe.each(testDatabases())("account deletion and the audit log on %s", (_name, open) => {
  const db = useMigratedDb(open);
  afterEach(() => {
    globalThis.__portalDb = undefined;
  });

  const results = (id: string) =>
    (
      resultsLoader({
        request: new Request(`http://test/en/eligibility/results/${id}`),
        params: { lang: "en", id },
        context: {},
      } as never) as Promise<unknown>
    ).then(
      () => 200,
      (thrown: Response) => (thrown instanceof Response ? thrown.status : Promise.reject(thrown))
    );

  it("removes the eligibility answers an account applied with (their results page answers 404) and every trace of the e-mail", async () => {
    globalThis.__portalDb = Promise.resolve({
      db: db(),
      kind: "pglite",
      close: async () => {},
      listen: async () => async () => {},
    });
    const person = await createUser(db(), { email: "mei.lin@example.test" });
    const staff = await createUser(db(), { role: "consultant", email: "consultant@example.test" });
    const checkId = await createCheck(db(), { lang: "en", asOf: "2026-06-01" });
    const answers = { identity: "foreign-other", goldCardField: "digital", yearsExperience: 8 } as never;
    await completeCheck(db(), { id: checkId, answers, result: evaluateAll(answers, "2026-06-01") });
    expect(await results(checkId)).toBe(200);
    await startDraft(db(), person.id, { pathway: "gold-card", checkId });
    const applicant = {
      ...person,
      email_verified_at: new Date(),
      name: "Mei Lin",
      office: null,
      id_hash: "",
      second_factor_at: null,
      last_seen_at: new Date(),
    };
    await createConsultation(
      db(),
      applicant as never,
      {
        topic: "visa",
        question: "Write to mei.lin@example.test",
        lang: "en",
        office: "any",
        channel: "email",
        submissionToken: "token-bbbbbbbbbbbbbbbb",
      },
      link
    );
    await recordFailure(db(), [...rateKeys(person.email, "10.0.0.1"), ...mailKeys(person.email, "10.0.0.1")]);
    const ctx = { actorId: staff.id, actorEmail: staff.email, ip: "10.0.0.9", userAgent: "test" };
    await recordAudit(db(), ctx, {
      action: "inbox.view",
      detail: { filters: { q: "Mei.Lin@example.test", tab: "open" }, shown: [] },
    });
    await recordAudit(db(), ctx, {
      action: "export.cases",
      detail: { q: "mei lin", note: "asked by mei.lin@example.test" },
    });

    expect(await deleteAccount(db(), person.id, FACTORY_PASSWORD)).toBe(true);

    expect(await db().selectFrom("eligibility_checks").select("id").where("id", "=", checkId).execute()).toEqual([]);
    expect(await results(checkId)).toBe(404);
    const { rows: tables } = await sql<{ tablename: string }>`
      select tablename from pg_tables where schemaname = current_schema() and tablename not like 'kysely_%'`.execute(
      db()
    );
    const holding: string[] = [];
    for (const { tablename } of tables) {
      const { rows } = await sql<{ n: string }>`select count(*) as n from ${sql.table(
        tablename
      )} t where t::text ilike '%mei.lin@example%'`.execute(db());
      if (Number(rows[0]!.n) > 0) holding.push(tablename);
    }
    expect(holding).toEqual([]);
    const audit = await db().selectFrom("audit_log").select(["action", "detail"]).orderBy("id").execute();
    expect(audit[0]!.detail).toEqual({ filters: { q: auditTerm("mei.lin@example.test"), tab: "open" }, shown: [] });
    expect(audit[1]!.detail).toMatchObject({
      q: auditTerm("mei lin"),
      note: auditTerm("asked by mei.lin@example.test"),
    });
  }, 60_000);

  it("keeps a staff member's own e-mail in staff actions and leaves other words as they are", async () => {
    const staff = await createUser(db(), { role: "supervisor" });
    const ctx = { actorId: staff.id, actorEmail: staff.email, ip: null, userAgent: null };
    await recordAudit(db(), ctx, {
      action: "staff.create",
      detail: { email: "new.consultant@example.test", role: "consultant" },
    });
    await recordAudit(db(), ctx, {
      action: "settings.holiday.add",
      detail: { after: { day: "2026-12-25", label: "Closed" } },
    });
    const rows = await db().selectFrom("audit_log").select("detail").orderBy("id").execute();
    expect(rows.map((r) => r.detail)).toEqual([
      { email: "new.consultant@example.test", role: "consultant" },
      { after: { day: "2026-12-25", label: "Closed" } },
    ]);
    expect(auditTerm("A@B.test ")).toBe(auditTerm("a@b.test"));
    expect(auditTerm("a@b.test")).toMatch(/^hmac:[0-9a-f]{32}$/);
  });
  it("lists the person's rule-change consents, with when they were given and withdrawn, in the data export", async () => {
    const person = await createUser(db(), { email: "export.alerts@example.test" });
    const checkId = await createCheck(db(), { lang: "en", asOf: "2026-06-01" });
    const answers = { identity: "foreign-other", goldCardField: "digital", yearsExperience: 8 } as never;
    await completeCheck(db(), { id: checkId, answers, result: evaluateAll(answers, "2026-06-01") });
    const consent = { userId: person.id, checkId, ownsBrowserDraft: true };
    expect(await setResultConsent(db(), { ...consent, on: true })).toBe("saved");
    expect(await setResultConsent(db(), { ...consent, on: false })).toBe("saved");

    const data = await exportUserData(db(), person.id);

    expect(data.ruleAlertConsents).toEqual([
      { check_id: checkId, case_id: null, given_at: expect.any(Date), withdrawn_at: expect.any(Date) },
    ]);
    expect(data.ruleAlerts).toEqual([]);
  });
});
