import { describe, expect, it } from "vitest";
import {
  compareEvaluations,
  diffCriteria,
  readSnapshot,
  snapshotAnswers,
  type EvaluationSide,
} from "~/modules/staff/reevaluate";

const side = (over: Partial<EvaluationSide> = {}): EvaluationSide => ({
  asOf: "2025-06-01",
  version: "professional-work-permit@2021-10-25",
  outcome: "not-eligible",
  criteria: [
    { id: "employer.salary", labelKey: "eligibility:criteria.x.salary", status: "met" },
    { id: "employer.bachelor-top-university", labelKey: "eligibility:criteria.x.top", status: "unmet" },
  ],
  ...over,
});

describe("compareEvaluations", () => {
  it("reports no change when version, outcome and every criterion are the same", () => {
    const r = compareEvaluations(side(), side({ asOf: "2026-11-25" }));
    expect(r.unchanged).toBe(true);
    expect(r.versionChanged).toBe(false);
    expect(r.outcomeChanged).toBe(false);
    expect(r.criteria.map((c) => c.change)).toEqual(["same", "same"]);
  });

  it("reports a criterion whose status changed, even when the outcome did not", () => {
    const now = side({ criteria: [side().criteria[0]!, { ...side().criteria[1]!, status: "unknown" }] });
    const r = compareEvaluations(side(), now);
    expect(r.unchanged).toBe(false);
    expect(r.outcomeChanged).toBe(false);
    expect(r.criteria[1]).toMatchObject({
      id: "employer.bachelor-top-university",
      then: "unmet",
      now: "unknown",
      change: "changed",
    });
    expect(r.criteria[0]!.change).toBe("same");
  });

  it("reports an outcome change", () => {
    const r = compareEvaluations(
      side(),
      side({ outcome: "eligible", criteria: [side().criteria[0]!, { ...side().criteria[1]!, status: "met" }] })
    );
    expect(r.outcomeChanged).toBe(true);
    expect(r.unchanged).toBe(false);
    expect(r.criteria[1]).toMatchObject({ then: "unmet", now: "met", change: "changed" });
  });

  it("reports a new rule-set version, and criteria added and removed", () => {
    const now = side({
      version: "professional-work-permit@2026-01-01",
      criteria: [side().criteria[0]!, { id: "top200.recent", labelKey: null, status: "unmet" }],
    });
    const r = compareEvaluations(side(), now);
    expect(r.versionChanged).toBe(true);
    expect(r.outcomeChanged).toBe(false);
    expect(r.unchanged).toBe(false);
    expect(r.criteria.map((c) => [c.id, c.change])).toEqual([
      ["employer.salary", "same"],
      ["top200.recent", "added"],
      ["employer.bachelor-top-university", "removed"],
    ]);
    expect(r.criteria[1]).toMatchObject({ then: null, now: "unmet" });
    expect(r.criteria[2]).toMatchObject({ then: "unmet", now: null });
  });

  it("a version change alone is a change", () => {
    expect(compareEvaluations(side(), side({ version: "professional-work-permit@2026-01-01" })).unchanged).toBe(false);
  });
});

describe("diffCriteria", () => {
  it("handles empty lists", () => {
    expect(diffCriteria([], [])).toEqual([]);
  });
});

describe("readSnapshot", () => {
  const stored = {
    asOf: "2025-06-01",
    answers: { hasTaiwanOffer: true },
    evaluation: {
      pathway: "p",
      ruleSetVersion: "p@1",
      outcome: "eligible",
      criteria: [{ id: "a", labelKey: "k", status: "met", extra: 1 }],
    },
  };

  it("reads a stored snapshot given as an object or as JSON text", () => {
    const expected = {
      asOf: "2025-06-01",
      version: "p@1",
      outcome: "eligible",
      criteria: [{ id: "a", labelKey: "k", status: "met" }],
    };
    expect(readSnapshot(stored, null)).toEqual(expected);
    expect(readSnapshot(JSON.stringify(stored), null)).toEqual(expected);
    expect(snapshotAnswers(stored)).toEqual({ hasTaiwanOffer: true });
    expect(snapshotAnswers(JSON.stringify({ ...stored, answers: JSON.stringify(stored.answers) }))).toEqual({
      hasTaiwanOffer: true,
    });
  });

  it("falls back to the case's rules_version and refuses malformed snapshots", () => {
    expect(
      readSnapshot({ ...stored, evaluation: { ...stored.evaluation, ruleSetVersion: undefined } }, "p@0")?.version
    ).toBe("p@0");
    expect(readSnapshot(null, null)).toBeNull();
    expect(readSnapshot("{not json", null)).toBeNull();
    expect(readSnapshot({ asOf: "2025-06-01", evaluation: null }, null)).toBeNull();
    expect(readSnapshot({ evaluation: { outcome: "maybe" } }, null)).toBeNull();
    expect(snapshotAnswers({ answers: [1, 2] })).toBeNull();
  });
});
