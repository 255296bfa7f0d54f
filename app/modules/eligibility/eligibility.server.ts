import { todayInTaipei } from "~/lib/i18n/format";
import type { Answers } from "./facts.schema";
import { evaluate, type Evaluation } from "./evaluate";
import { allFacts, allRates, ruleSetFor } from "./rules.server";
import { PATHWAYS, type PathwayId, type Rate, type RuleSet } from "./rules.schema";

/** What a completed check stores in `eligibility_checks.result`. */
export interface CheckResult {
  asOf: string;
  evaluations: Evaluation[];
  ratesUsed: Rate[];
}

function noRules(pathway: PathwayId): Evaluation {
  return {
    pathway,
    ruleSetVersion: "none",
    status: "in-force",
    ruleSetStatus: "enacted",
    openForApplications: false,
    outcome: "not-applicable",
    complete: true,
    reason: "not-in-force",
    tracks: [],
    criteria: [],
    missingFacts: [],
    ratesUsed: [],
    qualifier: null,
    lead: null,
  };
}

/** Every pathway evaluated against the rules in force on `asOf` (default: today in Taipei), from `sets` if given. */
export function evaluateAll(
  answers: Answers,
  asOf: string = todayInTaipei(),
  pathways: readonly PathwayId[] = PATHWAYS,
  sets?: Map<PathwayId, RuleSet[]>
): CheckResult {
  const rates = allRates();
  const evaluations = pathways.map((p) => {
    const rs = ruleSetFor(p, asOf, sets);
    return rs ? evaluate(rs, answers, asOf, rates) : noRules(p);
  });
  const used = new Map(evaluations.flatMap((e) => e.ratesUsed).map((r) => [r.currency, r]));
  return { asOf, evaluations, ratesUsed: [...used.values()] };
}

/** The next question: the first fact (in asking order) that is unanswered and could still change an outcome. */
export function nextFact(answers: Answers, asOf: string): string | undefined {
  const missing = new Set(evaluateAll(answers, asOf).evaluations.flatMap((e) => e.missingFacts));
  return allFacts().find((f) => missing.has(f.id) && answers[f.id] === undefined)?.id;
}

/** Replays the journey over the stored answers: the questions asked so far, and the next one. */
export function planJourney(answers: Answers, asOf: string): { path: string[]; next: string | undefined } {
  const known: Answers = {};
  const path: string[] = [];
  for (let i = 0; i < allFacts().length + 1; i++) {
    const next = nextFact(known, asOf);
    if (!next || answers[next] === undefined) return { path, next };
    known[next] = answers[next];
    path.push(next);
  }
  return { path, next: undefined };
}
