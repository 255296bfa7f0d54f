import { describe, expect, it } from "vitest";
import { submitDraft, saveDraft, startDraft } from "~/modules/cases/drafts.server";
import { completeCheck, createCheck } from "~/modules/eligibility/checks.server";
import { evaluateAll } from "~/modules/eligibility/eligibility.server";
import type { Answers } from "~/modules/eligibility/facts.schema";
import { findCaseForStaff } from "~/modules/staff/case-view.server";
import { readSnapshot } from "~/modules/staff/reevaluate";
import { reevaluateCase } from "~/modules/staff/reevaluate.server";
import { DEMO_OLD_RULES_SNAPSHOT } from "~db/seeds/staff";
import { testDatabases, useMigratedDb } from "../../support/db";
import { createUser } from "../../support/factories";
import { workPermitAnswers } from "../../support/rules-2027";

const link = (lang: string, path: string) => `http://test/${lang}${path}`;
/** content/eligibility/professional-work-permit/scenarios.json: "top-1,500 graduate without experience" in 2025 and 2026. */
const answers = workPermitAnswers(47971);
const application = {
  fullName: "LEE Ana",
  nationality: "CL" as const,
  passportNumber: "p1234567",
  dateOfBirth: "1994-02-03",
  preferredLang: "en" as const,
  qualification: "Bachelor's degree, top-1,500 university",
};

describe.each(testDatabases())("re-evaluating an application on %s", (_name, open) => {
  const db = useMigratedDb(open);

  async function applicationFromCheck(asOf: string) {
    const user = await createUser(db());
    const checkId = await createCheck(db(), { lang: "en", asOf });
    expect(await completeCheck(db(), { id: checkId, answers, result: evaluateAll(answers, asOf) })).toBe(true);
    const draft = await startDraft(db(), user.id, { pathway: "professional-work-permit", checkId });
    expect(await saveDraft(db(), user.id, draft, application)).toBe(true);
    const submitted = await submitDraft(db(), user, draft, link);
    if (!submitted.ok) throw new Error(`submit failed: ${submitted.reason}`);
    return (await findCaseForStaff(db(), submitted.reference))!;
  }

  it("reports what changed between the 2025 snapshot and the 2026 rules", async () => {
    const c = await applicationFromCheck("2025-06-01");
    expect(c.rules_version).toBe("professional-work-permit@2021-10-25");
    const { snapshot, reevaluation } = reevaluateCase(c, "2026-11-25");
    expect(snapshot).toMatchObject({
      asOf: "2025-06-01",
      version: "professional-work-permit@2021-10-25",
      outcome: "not-eligible",
    });
    expect(reevaluation).not.toBeNull();
    expect(reevaluation!.now).toMatchObject({
      asOf: "2026-11-25",
      version: "professional-work-permit@2026-01-01",
      outcome: "eligible",
    });
    expect(reevaluation!.versionChanged).toBe(true);
    expect(reevaluation!.outcomeChanged).toBe(true);
    expect(reevaluation!.unchanged).toBe(false);
    expect(reevaluation!.criteria.find((x) => x.id === "employer.bachelor-top-university")).toMatchObject({
      then: "unmet",
      now: "met",
      change: "changed",
    });
  });

  it("reports no change when replayed on the snapshot's own date", async () => {
    const c = await applicationFromCheck("2025-06-01");
    const { reevaluation } = reevaluateCase(c, "2025-06-01");
    expect(reevaluation?.unchanged).toBe(true);
    expect(reevaluation?.criteria.every((x) => x.change === "same")).toBe(true);
  });

  it("the demo seed's old-rules snapshot is what the evaluator gave for its answers on 2025-06-01", () => {
    const fresh = evaluateAll(DEMO_OLD_RULES_SNAPSHOT.answers as unknown as Answers, "2025-06-01", [
      "professional-work-permit",
    ]).evaluations[0]!;
    expect(readSnapshot(DEMO_OLD_RULES_SNAPSHOT, null)).toEqual(
      readSnapshot({ asOf: "2025-06-01", evaluation: fresh }, null)
    );
    expect(
      reevaluateCase(
        { pathway: "professional-work-permit", rules_version: null, eligibility_snapshot: DEMO_OLD_RULES_SNAPSHOT },
        "2026-06-01"
      ).reevaluation?.outcomeChanged
    ).toBe(true);
  });

  it("shows only the snapshot when the case has no stored answers", () => {
    const view = reevaluateCase({
      pathway: "professional-work-permit",
      rules_version: "x@1",
      eligibility_snapshot: { evaluation: { outcome: "eligible", criteria: [] } },
    });
    expect(view.snapshot?.outcome).toBe("eligible");
    expect(view.reevaluation).toBeNull();
    expect(reevaluateCase({ pathway: null, rules_version: null, eligibility_snapshot: null })).toEqual({
      snapshot: null,
      reevaluation: null,
    });
  });
});
