import { describe, expect, it } from "vitest";
import { listUserAlerts, markCaseAlertsSeen } from "~/modules/alerts/alerts.server";
import { setCaseConsent } from "~/modules/alerts/consent.server";
import { runRuleAlerts } from "~/modules/alerts/rule-alert-job.server";
import { saveDraft, startDraft, submitDraft } from "~/modules/cases/drafts.server";
import { completeCheck, createCheck } from "~/modules/eligibility/checks.server";
import { evaluateAll } from "~/modules/eligibility/eligibility.server";
import { renderEmail } from "~/modules/notifications/mail.server";
import { listCases } from "~/modules/staff/inbox.server";
import { parseInboxFilters } from "~/modules/staff/inbox.schema";
import { testDatabases, useMigratedDb } from "../../support/db";
import { createUser } from "../../support/factories";
import { FIXTURE_2027_VERSION, ruleSetsWith2027, workPermitAnswers } from "../../support/rules-2027";

const link = (lang: string, path: string) => `http://test/${lang}${path}`;
const sets = ruleSetsWith2027();
const answers = workPermitAnswers(50000);
const application = {
  fullName: "LEE Ana",
  nationality: "CL" as const,
  passportNumber: "p1234567",
  dateOfBirth: "1994-02-03",
  preferredLang: "en" as const,
  qualification: "Bachelor's degree",
};

describe.each(testDatabases())("rule-change alerts for open applications on %s", (_name, open) => {
  const db = useMigratedDb(open);

  async function openApplication(lang: string) {
    const user = await createUser(db(), { lang });
    const checkId = await createCheck(db(), { lang, asOf: null });
    await completeCheck(db(), { id: checkId, answers, result: evaluateAll(answers, "2026-06-01") });
    const draft = await startDraft(db(), user.id, { pathway: "professional-work-permit", checkId });
    expect(await saveDraft(db(), user.id, draft, application)).toBe(true);
    const submitted = await submitDraft(db(), user, draft, link);
    if (!submitted.ok) throw new Error(submitted.reason);
    return { user, reference: submitted.reference };
  }

  it("every open case gets the alert and the inbox flag; only a consenting applicant gets the e-mail", async () => {
    const told = await openApplication("ja");
    const notTold = await openApplication("en");
    const closed = await openApplication("en");
    expect(await setCaseConsent(db(), { userId: told.user.id, reference: told.reference, on: true })).toBe("saved");
    expect(await setCaseConsent(db(), { userId: notTold.user.id, reference: told.reference, on: true })).toBe(
      "not-found"
    );
    await db().updateTable("cases").set({ status: "closed" }).where("reference", "=", closed.reference).execute();

    await runRuleAlerts(db(), { today: "2026-12-31", sets, link });
    expect(await db().selectFrom("rule_alerts").select("id").execute()).toEqual([]);
    await runRuleAlerts(db(), { today: "2027-01-01", sets, link });

    const alerts = await db()
      .selectFrom("rule_alerts")
      .innerJoin("cases", "cases.id", "rule_alerts.case_id")
      .select(["cases.reference", "rule_alerts.emailed", "rule_alerts.rule_set_version"])
      .execute();
    expect(alerts.map((a) => [a.reference, a.emailed, a.rule_set_version]).sort()).toEqual(
      [
        [told.reference, true, FIXTURE_2027_VERSION],
        [notTold.reference, false, FIXTURE_2027_VERSION],
      ].sort()
    );
    const mails = await db().selectFrom("outbox").selectAll().where("template", "=", "rule-change").execute();
    expect(mails.map((m) => [m.user_id, m.lang])).toEqual([[told.user.id, "ja"]]);
    const email = await renderEmail(mails[0]!);
    expect(email.url).toBe(`http://test/ja/account/cases/${told.reference}`);
    expect(email.text).toContain("2027年1月1日");

    const mine = await listUserAlerts(db(), told.user.id);
    expect(mine).toMatchObject([
      {
        caseReference: told.reference,
        pathway: "professional-work-permit",
        effectiveFrom: "2027-01-01",
        change: { then: "eligible", now: "not-eligible" },
      },
    ]);

    const staff = await createUser(db(), { role: "consultant" });
    const flags = async () => {
      const page = await listCases(db(), parseInboxFilters(new URLSearchParams("tab=open")), staff.id);
      return Object.fromEntries(page.cases.map((c) => [c.reference, c.rules_changed]));
    };
    expect(await flags()).toEqual({ [told.reference]: true, [notTold.reference]: true });
    const toldId = (
      await db().selectFrom("cases").select("id").where("reference", "=", told.reference).executeTakeFirstOrThrow()
    ).id;
    await markCaseAlertsSeen(db(), toldId);
    expect(await flags()).toEqual({ [told.reference]: false, [notTold.reference]: true });

    await runRuleAlerts(db(), { today: "2027-02-01", sets, link });
    expect(await db().selectFrom("rule_alerts").select("id").execute()).toHaveLength(2);
  });
});
