import { readdirSync, readFileSync } from "node:fs";
import path from "node:path";
import { describe, expect, it } from "vitest";
import { nextFact } from "~/modules/eligibility/eligibility.server";
import type { AnswerValue, Answers, Fact } from "~/modules/eligibility/facts.schema";
import { questionsAfter } from "~/modules/eligibility/progress.server";
import { allFacts } from "~/modules/eligibility/rules.server";

/** An answer for every question the scenario leaves open, so each walk runs to the end: all "no" or all "yes". */
function filler(f: Fact, yes: boolean): AnswerValue {
  if (f.type === "boolean") return yes;
  if (f.type === "multi") return yes ? (f.options ?? []).map((o) => o.value) : [];
  if (f.type === "enum") return f.options![yes ? f.options!.length - 2 : 0]!.value;
  if (f.type === "money") return { amount: yes ? 5e6 : 0, currency: "TWD" };
  return yes ? 10 : 0;
}
const fullAnswers = (facts: Answers, yes: boolean) =>
  ({ ...Object.fromEntries(allFacts().map((f) => [f.id, filler(f, yes)])), ...facts } as Answers);

const root = path.resolve("content/eligibility");
const scenarios = readdirSync(root, { withFileTypes: true })
  .filter((d) => d.isDirectory())
  .flatMap((d) =>
    (
      JSON.parse(readFileSync(path.join(root, d.name, "scenarios.json"), "utf8")) as {
        scenarios: { name: string; asOf: string; facts: Answers }[];
      }
    ).scenarios.map((s) => ({ ...s, name: `${d.name}: ${s.name}` }))
  );

/** Walks the wizard as a person would: the figure shown on each question, and how many questions really followed. */
function walk(answers: Answers, asOf: string) {
  const known: Answers = {};
  const asked: string[] = [];
  const shown: number[] = [];
  for (let next = nextFact(known, asOf); next; next = nextFact(known, asOf)) {
    shown.push(questionsAfter(asked, answers, asked.length, asOf));
    asked.push(next);
    known[next] = answers[next]!;
  }
  return { shown, actual: shown.map((_, i) => shown.length - 1 - i) };
}

describe("the wizard's progress figure", () => {
  it.each(scenarios.flatMap((s) => [[`${s.name} (no)`, s, false] as const, [`${s.name} (yes)`, s, true] as const]))(
    "never rises and never undercounts: %s",
    (_n, s, yes) => {
      const { shown, actual } = walk(fullAnswers(s.facts, yes), s.asOf);
      expect(shown.length).toBeGreaterThan(0);
      for (let i = 1; i < shown.length; i++) expect(shown[i]).toBeLessThan(shown[i - 1]!);
      shown.forEach((n, i) => expect(n).toBeGreaterThanOrEqual(actual[i]!));
    }
  );

  it("is the same figure when a question is revisited", () => {
    const s = scenarios[0]!;
    const answers = fullAnswers(s.facts, false);
    const asked: string[] = [];
    const known: Answers = {};
    for (let next = nextFact(known, s.asOf); next; next = nextFact(known, s.asOf)) {
      asked.push(next);
      known[next] = answers[next]!;
    }
    const onTheWay = asked.map((_, i) => questionsAfter(asked.slice(0, i), answers, i, s.asOf));
    expect(asked.map((_, i) => questionsAfter(asked, answers, i, s.asOf))).toEqual(onTheWay);
  });
});
