import type { Answers } from "./facts.schema";
import { evaluateAll } from "./eligibility.server";
import { evalTest, leaves } from "./evaluate-test";
import { allRates, ruleSetByVersion } from "./rules.server";
import type { Criterion, Test } from "./rules.schema";
import type { Evaluation } from "./evaluate";

function factsIn(criteria: Criterion[], tests: (Test | undefined)[]): string[] {
  const fromTests = [...criteria.map((c) => c.test), ...tests].flatMap((t) => (t ? leaves(t).map((l) => l.fact) : []));
  return [...fromTests, ...criteria.flatMap((c) => c.points?.items.map((i) => i.fact) ?? [])];
}

/**
 * Facts an open evaluation could still ask about: the ones it is missing now, plus those behind a condition not yet
 * settled (whether the rule set applies, or which track: a Gold Card field) that the evaluator does not look past.
 */
function askable(e: Evaluation, known: Answers): string[] {
  const rs = ruleSetByVersion(e.ruleSetVersion)!;
  const ctx = { rs, facts: known, rates: allRates(), used: new Set<never>() };
  if (rs.appliesWhen && evalTest(ctx, rs.appliesWhen).value === null)
    return factsIn(
      [...rs.required, ...rs.tracks.flatMap((t) => [...t.required, ...t.routes])],
      [rs.appliesWhen, ...rs.tracks.map((t) => t.when)]
    );
  const unsettled = rs.tracks.filter((t) => t.when && evalTest(ctx, t.when).value === null);
  return [...e.missingFacts, ...unsettled.flatMap((t) => factsIn([...t.required, ...t.routes], [t.when]))];
}

/** The questions that can follow the one being asked, at most (the one being asked is among the facts counted). */
function upperBound(known: Answers, asOf: string): number {
  const open = evaluateAll(known, asOf).evaluations.filter((e) => !e.complete);
  const facts = new Set(open.flatMap((e) => askable(e, known)));
  return [...facts].filter((f) => known[f] === undefined).length - 1;
}

/**
 * The progress figure on question `index` of the journey `path` (index = path.length for the next question): the
 * lowest bound seen so far, less the questions answered since. It never rises from one question to the next, and it
 * is 0 only on the last question.
 */
export function questionsAfter(path: string[], answers: Answers, index: number, asOf: string): number {
  let best = Infinity;
  const known: Answers = {};
  for (let j = 0; j <= index; j++) {
    best = Math.min(best, upperBound(known, asOf) - (index - j));
    if (j < index) known[path[j]!] = answers[path[j]!]!;
  }
  return Math.max(0, best);
}
