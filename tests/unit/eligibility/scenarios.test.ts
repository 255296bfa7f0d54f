import { readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { evaluateAll } from "~/modules/eligibility/eligibility.server";
import type { Answers } from "~/modules/eligibility/facts.schema";
import { PATHWAYS, ScenariosFileSchema } from "~/modules/eligibility/rules.schema";

const load = (pathway: string) =>
  ScenariosFileSchema.parse(
    JSON.parse(readFileSync(path.resolve("content/eligibility", pathway, "scenarios.json"), "utf8"))
  ).scenarios;

describe.each(PATHWAYS)("scenarios: %s", (pathway) => {
  const scenarios = load(pathway);

  it("has at least 5 scenarios", () => {
    expect(scenarios.length).toBeGreaterThanOrEqual(5);
  });

  it.each(scenarios.map((s) => [s.name, s] as const))("%s", (_name, s) => {
    const [evaluation] = evaluateAll(s.facts as Answers, s.asOf, [pathway]).evaluations;
    expect(evaluation?.outcome).toBe(s.expected.outcome);
    for (const [id, status] of Object.entries(s.expected.criteria ?? {})) {
      expect({ id, status: evaluation?.criteria.find((c) => c.id === id)?.status }).toEqual({ id, status });
    }
    if (s.expected.qualifier !== undefined) expect(evaluation?.qualifier).toBe(s.expected.qualifier);
    if (s.expected.ruleSetStatus) expect(evaluation?.ruleSetStatus).toBe(s.expected.ruleSetStatus);
    for (const [id, amount] of Object.entries(s.expected.gaps ?? {})) {
      expect({ id, gap: evaluation?.criteria.find((c) => c.id === id)?.gap?.amount }).toEqual({ id, gap: amount });
    }
    for (const [id, parts] of Object.entries(s.expected.parts ?? {})) {
      expect({ id, parts: evaluation?.criteria.find((c) => c.id === id)?.parts?.map((p) => p.status) }).toEqual({
        id,
        parts,
      });
    }
    if (s.expected.lead) expect(evaluation?.lead?.criteria).toEqual(s.expected.lead);
    if (s.expected.points !== undefined)
      expect(evaluation?.criteria.find((c) => c.points)?.yourValue?.value).toBe(s.expected.points);
  });
});

describe("the law changed on 2026-01-01", () => {
  it("replays one answer set as of 2025-06-01 and 2026-06-01 with different outcomes", () => {
    const answers: Answers = {
      hasTaiwanOffer: true,
      offerMonthlySalary: { amount: 50000, currency: "TWD" },
      highestDegree: "bachelor",
      yearsExperience: 0,
      universityRank: "top-1500",
      degreeFromTaiwan: false,
      professionalLicence: false,
      multinationalTransfer: false,
      employerExempt: false,
      outstandingPerformance: false,
      yearsSinceGraduation: 8,
    };
    const before = evaluateAll(answers, "2025-06-01", ["professional-work-permit"]).evaluations[0];
    const after = evaluateAll(answers, "2026-06-01", ["professional-work-permit"]).evaluations[0];
    expect([before?.outcome, before?.ruleSetVersion]).toEqual(["not-eligible", "professional-work-permit@2021-10-25"]);
    expect([after?.outcome, after?.ruleSetVersion]).toEqual(["eligible", "professional-work-permit@2026-01-01"]);
  });
});
