import { describe, expect, it } from "vitest";
import { setResultConsent } from "~/modules/alerts/consent.server";
import { runRuleAlerts, scheduleRuns } from "~/modules/alerts/rule-alert-job.server";
import { ruleSets } from "~/modules/eligibility/rules.server";
import { completeCheck, createCheck, getCheck, resultOf } from "~/modules/eligibility/checks.server";
import { evaluateAll } from "~/modules/eligibility/eligibility.server";
import type { Answers } from "~/modules/eligibility/facts.schema";
import { renderEmail } from "~/modules/notifications/mail.server";
import { testDatabases, useMigratedDb } from "../../support/db";
import { createUser } from "../../support/factories";
import { FIXTURE_2027_VERSION, ruleSetsWith2027, workPermitAnswers } from "../../support/rules-2027";

const link = (lang: string, path: string) => `http://test/${lang}${path}`;
const sets = ruleSetsWith2027();
const withSalary = workPermitAnswers;

describe.each(testDatabases())("rule-change alerts for stored results on %s", (_name, open) => {
  const db = useMigratedDb(open);

  async function storedResult(lang: string, answers: Answers, consent = true) {
    const user = await createUser(db(), { lang });
    const checkId = await createCheck(db(), { lang, asOf: null });
    await completeCheck(db(), { id: checkId, answers, result: evaluateAll(answers, "2026-06-01") });
    if (consent)
      expect(await setResultConsent(db(), { userId: user.id, checkId, on: true, ownsBrowserDraft: true })).toBe(
        "saved"
      );
    return { user, checkId };
  }
  const alerts = () => db().selectFrom("rule_alerts").selectAll().orderBy("id").execute();
  const mails = () =>
    db().selectFrom("outbox").selectAll().where("template", "=", "rule-change").orderBy("id").execute();

  it("a 2027 threshold alerts exactly the people whose outcome or gap changes, in their language, once", async () => {
    const losesIt = await storedResult("en", withSalary(50000));
    const inChinese = await storedResult("zh-TW", withSalary(55000));
    const stillFine = await storedResult("ja", withSalary(70000));
    const gapOnly = await storedResult("ko", withSalary(50000, { highestDegree: "none" }));
    const noConsent = await storedResult("en", withSalary(50000), false);

    expect(await runRuleAlerts(db(), { today: "2026-12-31", sets, link })).toBeGreaterThan(0);
    expect(await alerts()).toEqual([]); // the 2026 rules they were assessed under: nothing to say

    await runRuleAlerts(db(), { today: "2027-01-01", sets, link });
    const rows = await alerts();
    expect(rows.map((a) => a.user_id).sort()).toEqual([losesIt.user.id, inChinese.user.id, gapOnly.user.id].sort());
    expect(
      rows.every((a) => a.rule_set_version === FIXTURE_2027_VERSION && a.effective_from === "2027-01-01" && a.emailed)
    ).toBe(true);
    const byUser = new Map(rows.map((a) => [a.user_id, a]));
    expect(byUser.get(losesIt.user.id)!.change).toMatchObject({
      then: "eligible",
      now: "not-eligible",
      criteria: [{ id: "employer.salary", then: "met", now: "unmet" }],
    });
    expect(byUser.get(gapOnly.user.id)!.change).toMatchObject({
      then: "not-eligible",
      now: "not-eligible",
      criteria: [{ id: "employer.salary" }],
    });
    expect(byUser.has(stillFine.user.id) || byUser.has(noConsent.user.id)).toBe(false);

    const sent = await mails();
    expect(sent.map((m) => [m.user_id, m.lang]).sort()).toEqual(
      [
        [losesIt.user.id, "en"],
        [inChinese.user.id, "zh-TW"],
        [gapOnly.user.id, "ko"],
      ].sort()
    );
    const en = await renderEmail(sent.find((m) => m.user_id === losesIt.user.id)!);
    expect(en.subject).toBe("Rule change for Work permit for foreign professionals: your result has changed");
    expect(en.text).toContain("January 1, 2027");
    expect(en.text).toContain("- Result: Eligible → Not eligible");
    expect(en.text).toContain("Workforce Development Agency");
    const newId = byUser.get(losesIt.user.id)!.new_check_id!;
    expect(en.url).toBe(`http://test/en/eligibility/results/${newId}`);
    const zh = await renderEmail(sent.find((m) => m.user_id === inChinese.user.id)!);
    expect(zh.subject).toContain("規定變更");
    expect(zh.text).toContain("2027年1月1日");

    // The new result holds the same answers judged by the 2027 rules, and the consent now watches it.
    const fresh = resultOf((await getCheck(db(), newId))!)!;
    expect(fresh.evaluations.find((e) => e.pathway === "professional-work-permit")).toMatchObject({
      ruleSetVersion: FIXTURE_2027_VERSION,
      outcome: "not-eligible",
    });
    const consent = await db()
      .selectFrom("rule_alert_consents")
      .select("check_id")
      .where("user_id", "=", losesIt.user.id)
      .executeTakeFirstOrThrow();
    expect(consent.check_id).toBe(newId);

    await runRuleAlerts(db(), { today: "2027-01-02", sets, link });
    expect(await alerts()).toHaveLength(3);
    expect(await mails()).toHaveLength(3);
  });

  it("a process on older content (a rolling deploy) leaves a rule set it does not know to the others", async () => {
    const r = await storedResult("en", withSalary(50000));
    await runRuleAlerts(db(), { today: "2026-12-31", sets, link });
    expect(await scheduleRuns(db(), "2027-01-01", sets)).toBe(1);
    await runRuleAlerts(db(), { today: "2027-01-01", sets: ruleSets(), link });
    const run = () =>
      db().selectFrom("rule_alert_runs").select("finished_at").where("rule_set_version", "=", FIXTURE_2027_VERSION);
    expect((await run().executeTakeFirstOrThrow()).finished_at).toBeNull();
    expect(await alerts()).toEqual([]);
    await runRuleAlerts(db(), { today: "2027-01-01", sets, link });
    expect((await alerts()).map((a) => a.user_id)).toEqual([r.user.id]);
    expect((await run().executeTakeFirstOrThrow()).finished_at).not.toBeNull();
  });

  it("a withdrawn consent means no alert", async () => {
    const r = await storedResult("en", withSalary(50000));
    expect(
      await setResultConsent(db(), { userId: r.user.id, checkId: r.checkId, on: false, ownsBrowserDraft: true })
    ).toBe("saved");
    await runRuleAlerts(db(), { today: "2027-01-01", sets, link });
    expect(await alerts()).toEqual([]);
    expect(await mails()).toEqual([]);
  });

  it("a job killed inside a batch and restarted sends each alert exactly once", async () => {
    const people = [];
    for (let i = 0; i < 7; i++) people.push(await storedResult(i % 2 ? "vi" : "th", withSalary(48000 + i)));
    await runRuleAlerts(db(), { today: "2026-12-31", sets, link }); // the 2026 runs are long done by then
    let batch = 0;
    const kill = (b: { ruleSetVersion: string }) => {
      if (b.ruleSetVersion === FIXTURE_2027_VERSION && ++batch === 2) throw new Error("killed");
    };
    const today = "2027-01-01";
    await expect(runRuleAlerts(db(), { today, sets, link, batchSize: 3, beforeCommit: kill })).rejects.toThrow(
      "killed"
    );
    expect(await alerts()).toHaveLength(3); // the first batch committed; the second rolled back whole
    expect(await runRuleAlerts(db(), { today, sets, link, batchSize: 3, maxBatches: 1 })).toBe(1);
    await runRuleAlerts(db(), { today, sets, link, batchSize: 3 });
    const rows = await alerts();
    expect(rows).toHaveLength(7);
    expect(new Set(rows.map((a) => a.subject)).size).toBe(7);
    expect((await mails()).map((m) => m.user_id).sort()).toEqual(people.map((p) => p.user.id).sort());
    const run = await db()
      .selectFrom("rule_alert_runs")
      .selectAll()
      .where("rule_set_version", "=", FIXTURE_2027_VERSION)
      .executeTakeFirstOrThrow();
    expect([run.phase, Number(run.alerted)]).toEqual(["done", 7]);
  });

  it("two runners at once send each alert once", async () => {
    for (let i = 0; i < 9; i++) await storedResult("id", withSalary(49000 + i));
    const o = { today: "2027-01-01", sets, link, batchSize: 2 };
    const [a, b] = await Promise.all([runRuleAlerts(db(), o), runRuleAlerts(db(), o)]);
    expect(a + b).toBeGreaterThan(0);
    await runRuleAlerts(db(), o);
    expect(await alerts()).toHaveLength(9);
    expect(await mails()).toHaveLength(9);
  });
});
