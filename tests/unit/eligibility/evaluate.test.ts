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
    const e = evaluate(
      rs("gold-card"),
      {
        identity: "foreign-other",
        goldCardField: "finance",
        recentMonthlySalary: { amount: 148000, currency: "TWD" },
        goldCardClaims: [],
        yearsExperience: 1,
      },
      "2026-06-01"
    );
    const c = e.criteria.find((x) => x.id === "finance.fi1");
    expect(c).toMatchObject({
      status: "unmet",
      yourValue: { value: { amount: 148000, currency: "TWD" } },
      threshold: { op: "gte", value: 160000, unit: "TWD" },
      gap: { amount: 12000, unit: "TWD" },
    });
    expect(c?.sourceIds.length).toBeGreaterThan(0);
    expect(e.outcome).toBe("not-eligible");
  });

  it("converts US$ to NT$ with the latest dated rate on or before the date and says which rate it used", () => {
    const salary = (amount: number, asOf = "2026-06-01") =>
      evaluate(
        rs("gold-card", asOf),
        { identity: "foreign-other", goldCardField: "digital", recentMonthlySalary: { amount, currency: "USD" } },
        asOf,
        allRates()
      );
    const e = salary(5100);
    const c = e.criteria.find((x) => x.id === "digital.di2");
    expect(c?.status).toBe("met");
    expect(c?.yourValue?.converted).toMatchObject({
      unit: "TWD",
      amount: 160333.8,
      rate: 31.438,
      rateObserved: "2025-12-31",
      rateSource: "fx-cna-2025-12-31",
    });
    expect(e.ratesUsed).toHaveLength(1);
    expect(salary(5000).criteria.find((x) => x.id === "digital.di2")).toMatchObject({
      status: "unmet",
      gap: { amount: 2810, unit: "TWD" },
    });
    expect(salary(5000, "2025-06-01").ratesUsed[0]).toMatchObject({ observed: "2024-12-31", twdPerUnit: 32.781 });
  });

  it("without a rate table a foreign-currency amount stays unknown", () => {
    const e = evaluate(
      rs("gold-card"),
      {
        identity: "foreign-other",
        goldCardField: "digital",
        recentMonthlySalary: { amount: 5000, currency: "USD" },
        yearsExperience: 1,
        highestDegree: "none",
        goldCardClaims: [],
      },
      "2026-06-01"
    );
    expect(e.criteria.find((x) => x.id === "digital.di2")?.status).toBe("unknown");
  });

  it("asks only what can still change the outcome", () => {
    const start = evaluate(rs("gold-card"), {}, "2026-06-01");
    expect(start).toMatchObject({ outcome: "possibly-eligible", complete: false });
    expect(start.missingFacts).toEqual(["identity", "goldCardField"]);
    const excluded = evaluate(rs("gold-card"), { identity: "mainland-china" }, "2026-06-01");
    expect(excluded).toMatchObject({ outcome: "not-eligible", missingFacts: [] });
    const eligible = evaluate(
      rs("gold-card"),
      { identity: "foreign-other", goldCardField: "digital", yearsExperience: 9 },
      "2026-06-01"
    );
    expect(eligible).toMatchObject({ outcome: "eligible", missingFacts: [], complete: true });
  });

  it("a judgement item met keeps asking facts that could make it eligible", () => {
    const e = evaluate(
      rs("gold-card"),
      { identity: "foreign-other", goldCardField: "sport", goldCardClaims: ["sport.sp1"] },
      "2026-06-01"
    );
    expect(e.outcome).toBe("possibly-eligible");
    expect(e.criteria.find((c) => c.id === "sport.sp1")?.evidenceKey).toMatch(/^eligibility:evidence\./);
  });

  it("a rule set out of force on the date does not apply", () => {
    const old = rs("digital-nomad", "2025-06-01");
    expect(evaluate(old, {}, "2026-06-01")).toMatchObject({ outcome: "not-applicable", reason: "not-in-force" });
  });

  it("a proposed rule set does not apply; an enacted one with criteria pending is at best possibly eligible, not open", () => {
    const income = { annualIncome: { amount: 9_000_000, currency: "TWD" as const } };
    const proposed = evaluate(rs("global-elite-card", "2025-06-01"), income, "2025-06-01");
    expect(proposed).toMatchObject({
      outcome: "not-applicable",
      ruleSetStatus: "proposed",
      openForApplications: false,
      qualifier: null,
    });
    const pending = evaluate(rs("global-elite-card"), income, "2026-06-01");
    expect(pending).toMatchObject({
      outcome: "possibly-eligible",
      ruleSetStatus: "criteria-pending",
      qualifier: "not-open-yet",
      openForApplications: false,
    });
    expect(pending.criteria[0]?.status).toBe("met");
    const below = evaluate(
      rs("global-elite-card"),
      { annualIncome: { amount: 5_999_999, currency: "TWD" } },
      "2026-06-01"
    );
    expect(below).toMatchObject({ outcome: "not-eligible", ruleSetStatus: "criteria-pending", qualifier: null });
  });

  it("every evaluation carries the rule set's status", () => {
    expect(evaluate(rs("gold-card"), {}, "2026-06-01").ruleSetStatus).toBe("enacted");
    const draft: RuleSet = { ...rs("digital-nomad"), status: "draft" };
    expect(evaluate(draft, {}, "2026-06-01")).toMatchObject({
      ruleSetStatus: "draft",
      outcome: "not-applicable",
      reason: "proposed",
    });
  });

  it("a claim the office judges on evidence gives 'likely eligible, a reviewer decides', never 'eligible'", () => {
    const answers = {
      identity: "foreign-other",
      goldCardField: "economy",
      goldCardClaims: ["economy.ec2"],
      recentMonthlySalary: { amount: 100000, currency: "TWD" as const },
      yearsExperience: 2,
    };
    const e = evaluate(rs("gold-card"), answers, "2026-06-01");
    expect(e).toMatchObject({
      outcome: "possibly-eligible",
      complete: true,
      qualifier: "reviewer-decides",
      lead: { kind: "qualifies", criteria: ["economy.ec2"] },
    });
    const salary = evaluate(
      rs("gold-card"),
      { ...answers, recentMonthlySalary: { amount: 170000, currency: "TWD" } },
      "2026-06-01"
    );
    expect(salary).toMatchObject({ outcome: "eligible", qualifier: null, lead: { criteria: ["economy.ec1"] } });
  });

  it("a combined criterion shows every part with its value, threshold and gap", () => {
    const e = evaluate(
      rs("digital-nomad"),
      {
        identity: "foreign-visa-exempt",
        remoteWorkAbroad: true,
        age: 25,
        averageBalance: { amount: 10000, currency: "USD" },
        stayInsurance: true,
        priorNomadVisa: false,
        annualIncome: { amount: 15000, currency: "USD" },
      },
      "2026-06-01"
    );
    const young = e.criteria.find((c) => c.id === "income-20-29");
    expect(young?.parts?.map((p) => [p.threshold.fact, p.status, p.threshold.value, p.gap?.amount ?? null])).toEqual([
      ["age", "met", 20, null],
      ["age", "met", 30, null],
      ["annualIncome", "unmet", 20000, 5000],
    ]);
    expect(young).toMatchObject({ status: "unmet", gap: { amount: 5000, unit: "USD" } });
    expect(e.lead).toMatchObject({ kind: "nearest-miss", criteria: ["income-20-29"] });
  });

  it("a strict upper limit is crossed by a whole step: age 30 on 'under 30' is 1 year over", () => {
    const base = {
      identity: "foreign-visa-exempt",
      remoteWorkAbroad: true,
      averageBalance: { amount: 10000, currency: "USD" as const },
      stayInsurance: true,
      priorNomadVisa: false,
      annualIncome: { amount: 25000, currency: "USD" as const },
    };
    const part = (age: number) =>
      evaluate(rs("digital-nomad"), { ...base, age }, "2026-06-01").criteria.find((c) => c.id === "income-20-29")
        ?.parts?.[1];
    expect(part(29)).toMatchObject({ status: "met", gap: null });
    expect(part(30)).toMatchObject({ status: "unmet", gap: { amount: 1, unit: "years" } });
    expect(part(31)).toMatchObject({ status: "unmet", gap: { amount: 2, unit: "years" } });
  });

  it("a route met through one of its alternatives shows that alternative", () => {
    const e = evaluate(
      rs("mid-level-skilled"),
      { isMigrantWorker: true, migrantYearsContinuous: 5, migrantYearsSameEmployer: 2, migrantYearsCumulative: 11.5 },
      "2026-06-01"
    );
    const person = e.criteria.find((c) => c.id === "person");
    expect(person?.status).toBe("met");
    expect(person?.yourValue).toMatchObject({ fact: "migrantYearsCumulative", value: 11.5 });
    expect(person?.parts?.slice(0, 3).map((p) => [p.threshold.fact, p.status])).toEqual([
      ["migrantYearsContinuous", "unmet"],
      ["migrantYearsSameEmployer", "unmet"],
      ["migrantYearsCumulative", "met"],
    ]);
  });

  it("gaps for an upper limit count what is over it", () => {
    const e = evaluate(
      rs("professional-work-permit"),
      {
        hasTaiwanOffer: false,
        highestDegree: "bachelor",
        universityRank: "top-200",
        yearsSinceGraduation: 7,
        degreeFromTaiwan: false,
      },
      "2026-06-01"
    );
    expect(e.criteria.find((c) => c.id === "top200.recent")).toMatchObject({
      status: "unmet",
      gap: { amount: 2, unit: "years" },
    });
  });

  it("evaluates a hand-written rule set with not, any and exists", () => {
    const custom: RuleSet = {
      ...rs("digital-nomad"),
      tracks: [],
      required: [
        {
          id: "a",
          labelKey: "eligibility:criteria.x.a",
          sources: ["dn-boca"],
          test: { not: { fact: "identity", op: "eq", value: "mainland-china" } },
        },
        {
          id: "b",
          labelKey: "eligibility:criteria.x.b",
          sources: ["dn-boca"],
          test: {
            any: [
              { fact: "age", op: "exists" },
              { fact: "age", op: "lte", value: 1 },
            ],
          },
        },
      ],
    };
    expect(evaluate(custom, { identity: "foreign-other", age: 40 }, "2026-06-01").outcome).toBe("eligible");
    expect(evaluate(custom, { identity: "mainland-china", age: 40 }, "2026-06-01").outcome).toBe("not-eligible");
    expect(evaluate(custom, { identity: "foreign-other" }, "2026-06-01").missingFacts).toEqual(["age"]);
  });

  it("orders results best fit first", () => {
    const list = [
      { outcome: "not-eligible" as const, n: 1 },
      { outcome: "eligible" as const, n: 2 },
      { outcome: "possibly-eligible" as const, n: 3 },
      { outcome: "eligible" as const, n: 4 },
    ];
    expect(byBestFit(list).map((x) => x.n)).toEqual([2, 4, 3, 1]);
  });
});
