import type { Evaluation } from "~/modules/eligibility/evaluate";
import {
  compareEvaluations,
  readSnapshot,
  type CriterionStatus,
  type EligibilityOutcome,
  type EvaluationSide,
} from "~/modules/staff/reevaluate";

/** Pure: what a rule set's taking effect changed for one person, as stored on the alert (issue 17). */

export interface CriterionShift {
  id: string;
  labelKey: string | null;
  then: CriterionStatus | null;
  now: CriterionStatus | null;
}

export interface RuleChange {
  then: EligibilityOutcome | null;
  now: EligibilityOutcome | null;
  /** The criteria (gaps) whose status differs, in the order of the new rules. */
  criteria: CriterionShift[];
  /** The sources the changed criteria cite under the new rules (ids in content/eligibility/sources.json). */
  sources: string[];
}

/** An alert as the account, the case page and the staff see it. */
export interface AlertView {
  id: string;
  pathway: string;
  effectiveFrom: string;
  change: RuleChange;
  newCheckId: string | null;
  caseReference: string | null;
  createdAt: string;
}

/** One side of the comparison from a fresh evaluation. */
export function sideOf(e: Evaluation, asOf: string): EvaluationSide {
  return {
    asOf,
    version: e.ruleSetVersion,
    outcome: e.outcome,
    criteria: e.criteria.map((c) => ({ id: c.id, labelKey: c.labelKey, status: c.status })),
  };
}

/** A stored evaluation (a results page's or an earlier alert's) as one side; null when unreadable. */
export function storedSide(evaluation: unknown, asOf: string | null): EvaluationSide | null {
  return readSnapshot({ asOf, evaluation }, null);
}

/** What changed between `then` and the fresh evaluation: null when neither the outcome nor any gap changed. */
export function ruleChange(then: EvaluationSide, fresh: Evaluation, asOf: string): RuleChange | null {
  const diff = compareEvaluations(then, sideOf(fresh, asOf));
  const criteria = diff.criteria
    .filter((c) => c.change !== "same")
    .map(({ id, labelKey, then: was, now }) => ({ id, labelKey, then: was, now }));
  if (!diff.outcomeChanged && criteria.length === 0) return null;
  const changed = new Set(criteria.map((c) => c.id));
  const sources = [...new Set(fresh.criteria.filter((c) => changed.has(c.id)).flatMap((c) => c.sourceIds))];
  return { then: then.outcome, now: fresh.outcome, criteria, sources };
}

/** The side an alert leaves behind: the next rule change is compared with it, not with the older snapshot. */
export function afterSide(fresh: Evaluation): {
  ruleSetVersion: string;
  outcome: string;
  criteria: { id: string; labelKey: string; status: string }[];
} {
  return {
    ruleSetVersion: fresh.ruleSetVersion,
    outcome: fresh.outcome,
    criteria: fresh.criteria.map((c) => ({ id: c.id, labelKey: c.labelKey, status: c.status })),
  };
}
