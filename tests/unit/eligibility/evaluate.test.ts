import { describe, expect, it } from "vitest";
import { evaluate, byBestFit } from "~/modules/eligibility/evaluate";
import type { RuleSet } from "~/modules/eligibility/rules.schema";
import { allRates, ruleSetFor } from "~/modules/eligibility/rules.server";

const rs = (p: Parameters<typeof ruleSetFor>[0], d = "2026-06-01") => {
  const found = ruleSetFor(p, d);
  if (!found) throw new Error(`no rule set for ${p}`);
  return found;
};

describe("evaluate", () => {
  it("explains an unmet salary: your value, threshold, gap and sources", () => {
    const e = evaluate(rs("gold-card"), { identity: "foreign-other", goldCardField: "finance", recentMonthlySalary: { amount: 148000, currency: "TWD" }, goldCardClaims: [], yearsExperience: 1 }, "2026-06-01");
    const c = e.criteria.find((x) => x.id === "finance.fi1");
    expect(c).toMatchObject({ status: "unmet", yourValue: { value: { amount: 148000, currency: "TWD" } }, threshold: { op: "gte", value: 160000, unit: "TWD" }, gap: { amount: 12000, unit: "TWD" } });
    expect(c?.sourceIds.length).toBeGreaterThan(0);
    expect(e.outcome).toBe("not-eligible");
  });

  it("converts US$ to NT$ with the dated rate and says which rate it used", () => {
    const e = evaluate(rs("gold-card"), { identity: "foreign-other", goldCardField: "digital", recentMonthlySalary: { amount: 5000, currency: "USD" } }, "2026-06-01", allRates());
    const c = e.criteria.find((x) => x.id === "digital.di2");
    expect(c?.status).toBe("met");
    expect(c?.yourValue?.converted).toMatchObject({ unit: "TWD", rate: allRates()[0]?.twdPerUnit });
    expect(e.ratesUsed).toHaveLength(1);
  });

  it("without a rate table a foreign-currency amount stays unknown", () => {
    const e = evaluate(rs("gold-card"), { identity: "foreign-other", goldCardField: "digital", recentMonthlySalary: { amount: 5000, currency: "USD" }, yearsExperience: 1, highestDegree: "none", goldCardClaims: [] }, "2026-06-01");
    expect(e.criteria.find((x) => x.id === "digital.di2")?.status).toBe("unknown");
  });

  it("asks only what can still change the outcome", () => {
    const start = evaluate(rs("gold-card"), {}, "2026-06-01");
    expect(start).toMatchObject({ outcome: "possibly-eligible", complete: false });
    expect(start.missingFacts).toEqual(["identity", "goldCardField"]);
    const excluded = evaluate(rs("gold-card"), { identity: "mainland-china" }, "2026-06-01");
    expect(excluded).toMatchObject({ outcome: "not-eligible", missingFacts: [] });
    const eligible = evaluate(rs("gold-card"), { identity: "foreign-other", goldCardField: "digital", yearsExperience: 9 }, "2026-06-01");
    expect(eligible).toMatchObject({ outcome: "eligible", missingFacts: [], complete: true });
  });

  it("a judgement item met keeps asking facts that could make it eligible", () => {
    const e = evaluate(rs("gold-card"), { identity: "foreign-other", goldCardField: "sport", goldCardClaims: ["sport.sp1"] }, "2026-06-01");
    expect(e.outcome).toBe("possibly-eligible");
    expect(e.criteria.find((c) => c.id === "sport.sp1")?.evidenceKey).toMatch(/^eligibility:evidence\./);
  });

  it("a rule set out of force on the date does not apply", () => {
    const old = rs("digital-nomad", "2025-06-01");
    expect(evaluate(old, {}, "2026-06-01")).toMatchObject({ outcome: "not-applicable", reason: "not-in-force" });
  });

  it("proposed and criteria-pending rule sets are never open and never eligible", () => {
    for (const d of ["2025-06-01", "2026-06-01"]) {
      const e = evaluate(rs("global-elite-card", d), { annualIncome: { amount: 9_000_000, currency: "TWD" } }, d);
      expect(e).toMatchObject({ outcome: "not-applicable", openForApplications: false });
      expect(e.criteria[0]?.status).toBe("met");
    }
  });

  it("gaps for an upper limit count what is over it", () => {
    const e = evaluate(rs("professional-work-permit"), { hasTaiwanOffer: false, highestDegree: "bachelor", universityRank: "top-200", yearsSinceGraduation: 7, degreeFromTaiwan: false }, "2026-06-01");
    expect(e.criteria.find((c) => c.id === "top200.recent")).toMatchObject({ status: "unmet", gap: { amount: 2, unit: "years" } });
  });

  it("evaluates a hand-written rule set with not, any and exists", () => {
    const custom: RuleSet = { ...rs("digital-nomad"), tracks: [], required: [
      { id: "a", labelKey: "eligibility:criteria.x.a", sources: ["dn-boca"], test: { not: { fact: "identity", op: "eq", value: "mainland-china" } } },
      { id: "b", labelKey: "eligibility:criteria.x.b", sources: ["dn-boca"], test: { any: [{ fact: "age", op: "exists" }, { fact: "age", op: "lte", value: 1 }] } },
    ] };
    expect(evaluate(custom, { identity: "foreign-other", age: 40 }, "2026-06-01").outcome).toBe("eligible");
    expect(evaluate(custom, { identity: "mainland-china", age: 40 }, "2026-06-01").outcome).toBe("not-eligible");
    expect(evaluate(custom, { identity: "foreign-other" }, "2026-06-01").missingFacts).toEqual(["age"]);
  });

  it("orders results best fit first", () => {
    const list = [{ outcome: "not-eligible" as const, n: 1 }, { outcome: "eligible" as const, n: 2 }, { outcome: "possibly-eligible" as const, n: 3 }, { outcome: "eligible" as const, n: 4 }];
    expect(byBestFit(list).map((x) => x.n)).toEqual([2, 4, 3, 1]);
  });
});
