import { ruleSets } from "~/modules/eligibility/rules.server";
import type { Answers } from "~/modules/eligibility/facts.schema";
import type { PathwayId, RuleSet } from "~/modules/eligibility/rules.schema";

export const FIXTURE_2027_VERSION = "professional-work-permit@2027-01-01";
export const FIXTURE_2027_MIN_SALARY = 60000;

/**
 * TEST FIXTURE, not a real rule: the real rule sets plus a professional work permit rule set taking effect on
 * 2027-01-01 whose salary threshold is raised to NT$60,000 (the reference gives no 2027 change; none is invented in
 * content/). The 2026 set ends the day before, as a real successor file would make it.
 */
export function ruleSetsWith2027(): Map<PathwayId, RuleSet[]> {
  const sets = new Map([...ruleSets()].map(([p, list]) => [p, [...list]]));
  const list = sets.get("professional-work-permit")!;
  const last = list.at(-1)!;
  list[list.length - 1] = { ...last, effectiveTo: "2026-12-31" };
  const minSalary = { ...last.parameters.minSalary!, value: FIXTURE_2027_MIN_SALARY };
  list.push({
    ...structuredClone(last),
    version: FIXTURE_2027_VERSION,
    effectiveFrom: "2027-01-01",
    effectiveTo: null,
    parameters: { ...last.parameters, minSalary },
  });
  return sets;
}

/** professional-work-permit/scenarios.json: a top-1,500 graduate with an offer at `amount` NT$ a month. */
export function workPermitAnswers(amount: number, extra: Record<string, unknown> = {}): Answers {
  return {
    hasTaiwanOffer: true,
    offerMonthlySalary: { amount, currency: "TWD" },
    highestDegree: "bachelor",
    yearsExperience: 0,
    degreeFromTaiwan: false,
    universityRank: "top-1500",
    professionalLicence: false,
    multinationalTransfer: false,
    employerExempt: false,
    outstandingPerformance: false,
    yearsSinceGraduation: 10,
    ...extra,
  } as unknown as Answers;
}
