import { describe, expect, it } from "vitest";
import {
  answersOf,
  completeCheck,
  completedResult,
  createCheck,
  getCheck,
  resultOf,
  saveAnswer,
} from "~/modules/eligibility/checks.server";
import { evaluateAll, planJourney } from "~/modules/eligibility/eligibility.server";
import { testDatabases, useMigratedDb } from "../../support/db";

describe.each(testDatabases())("eligibility checks on %s", (_name, open) => {
  const db = useMigratedDb(open);

  it("keeps a draft's answers server-side under a random id", async () => {
    const id = await createCheck(db(), { lang: "en", asOf: "2026-06-01" });
    expect(id).toMatch(/^[A-Za-z0-9_-]{22}$/);
    expect(await saveAnswer(db(), { id, fact: "identity", value: "foreign-other" })).toBe("saved");
    expect(await saveAnswer(db(), { id, fact: "age", value: 31 })).toBe("saved");
    const row = await getCheck(db(), id);
    expect(answersOf(row!)).toEqual({ identity: "foreign-other", age: 31 });
    expect(row?.version).toBe(3);
  });

  it("a changed answer clears the answers that depend on it; the same answer twice changes nothing else", async () => {
    const id = await createCheck(db(), { lang: "zh-TW", asOf: null });
    await saveAnswer(db(), { id, fact: "goldCardField", value: "sport", dependents: ["goldCardClaims"] });
    await saveAnswer(db(), { id, fact: "goldCardClaims", value: ["sport.sp1"] });
    await saveAnswer(db(), { id, fact: "goldCardField", value: "sport", dependents: ["goldCardClaims"] });
    expect(answersOf((await getCheck(db(), id))!)).toEqual({ goldCardField: "sport", goldCardClaims: ["sport.sp1"] });
    await saveAnswer(db(), { id, fact: "goldCardField", value: "finance", dependents: ["goldCardClaims"] });
    expect(answersOf((await getCheck(db(), id))!)).toEqual({ goldCardField: "finance" });
  });

  it("completing is idempotent and freezes the answers", async () => {
    const id = await createCheck(db(), { lang: "en", asOf: "2025-06-01" });
    const answers = { identity: "mainland-china" as const };
    const result = evaluateAll(answers, "2025-06-01");
    expect(await completeCheck(db(), { id, answers, result })).toBe(true);
    expect(await completeCheck(db(), { id, answers: {}, result: evaluateAll({}, "2025-06-01") })).toBe(false);
    expect(await saveAnswer(db(), { id, fact: "identity", value: "foreign-other" })).toBe("completed");
    const row = (await getCheck(db(), id))!;
    expect(answersOf(row)).toEqual(answers);
    expect(resultOf(row)?.evaluations.find((e) => e.pathway === "gold-card")?.outcome).toBe("not-eligible");
    expect(row.completed_at).not.toBeNull();
  });

  it("gives a completed result by id, and nothing for a draft, an unknown id or a deleted check", async () => {
    const id = await createCheck(db(), { lang: "en", asOf: "2025-06-01" });
    expect(await completedResult(db(), id)).toBeNull();
    const result = evaluateAll({ identity: "mainland-china" }, "2025-06-01");
    await completeCheck(db(), { id, answers: { identity: "mainland-china" }, result });
    expect(await completedResult(db(), id)).toEqual(resultOf((await getCheck(db(), id))!));
    expect(await completedResult(db(), "A".repeat(22))).toBeNull();
    await db().deleteFrom("eligibility_checks").where("id", "=", id).execute();
    expect(await completedResult(db(), id)).toBeNull();
  });

  it("unknown and forged ids find nothing", async () => {
    expect(await getCheck(db(), "AAAAAAAAAAAAAAAAAAAAAA")).toBeUndefined();
    expect(await getCheck(db(), "'; drop table eligibility_checks;--")).toBeUndefined();
    expect(await saveAnswer(db(), { id: "AAAAAAAAAAAAAAAAAAAAAA", fact: "age", value: 1 })).toBe("missing");
  });
});

describe("the journey", () => {
  it("asks the first fact that can change an outcome and skips what cannot matter", () => {
    const start = planJourney({}, "2026-06-01");
    expect(start).toEqual({ path: [], next: "identity" });
    const nomadOnly = planJourney(
      { identity: "mainland-china", highestDegree: "none", hasTaiwanOffer: false, isMigrantWorker: false },
      "2026-06-01"
    );
    expect(nomadOnly.path).not.toContain("goldCardField");
    expect(nomadOnly.path).not.toContain("averageBalance");
    // The Global Elite Card's one known criterion (income) can still change its "possibly eligible, not open yet".
    expect(nomadOnly.next).toBe("annualIncome");
  });
});
