import { describe, expect, it } from "vitest";
import { evaluate } from "~/modules/eligibility/evaluate";
import { routeChecklist } from "~/modules/eligibility/present";
import { checklistOfSnapshot, ruleInfo } from "~/modules/eligibility/present.server";
import { allRates, ruleSetFor } from "~/modules/eligibility/rules.server";

const gold = ruleSetFor("gold-card", "2026-06-01")!;
const base = {
  identity: "foreign-other",
  goldCardField: "economy",
  yearsExperience: 2,
  highestDegree: "master",
  universityRank: "other",
} as const;
const ids = (e: ReturnType<typeof evaluate>) => routeChecklist({ ...e, info: ruleInfo(gold) }).map((i) => i.id);

describe("route checklist", () => {
  it("the salary route lists the salary documents, not the field evidence", () => {
    const e = evaluate(
      gold,
      { ...base, goldCardClaims: [], recentMonthlySalary: { amount: 170000, currency: "TWD" } },
      "2026-06-01",
      allRates()
    );
    expect(ids(e)).toEqual(expect.arrayContaining(["passport", "cv", "employment-certificate", "tax-statement"]));
    expect(ids(e)).not.toContain("field-evidence");
  });

  it("a claimed route lists its evidence and the field evidence, not the salary documents", () => {
    const e = evaluate(
      gold,
      { ...base, goldCardClaims: ["economy.ec2"], recentMonthlySalary: { amount: 100000, currency: "TWD" } },
      "2026-06-01",
      allRates()
    );
    expect(ids(e)).toEqual(expect.arrayContaining(["economy.ec2", "passport", "field-evidence"]));
    expect(ids(e)).not.toContain("tax-statement");
  });

  it("the application page gets the same list from the frozen evaluation", () => {
    const e = evaluate(
      gold,
      { ...base, goldCardClaims: [], recentMonthlySalary: { amount: 170000, currency: "TWD" } },
      "2026-06-01",
      allRates()
    );
    expect(checklistOfSnapshot(JSON.parse(JSON.stringify(e)))).toEqual(routeChecklist({ ...e, info: ruleInfo(gold) }));
    expect(checklistOfSnapshot(null)).toEqual([]);
  });

  it("a result that does not qualify has no checklist", () => {
    const e = evaluate(
      gold,
      { ...base, goldCardClaims: [], recentMonthlySalary: { amount: 100000, currency: "TWD" } },
      "2026-06-01",
      allRates()
    );
    expect(routeChecklist({ ...e, info: ruleInfo(gold) })).toEqual([]);
  });
});
