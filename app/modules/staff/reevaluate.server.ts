import { todayInTaipei } from "~/lib/i18n/format";
import { evaluateAll } from "~/modules/eligibility/eligibility.server";
import type { Answers } from "~/modules/eligibility/facts.schema";
import { PATHWAYS, type PathwayId } from "~/modules/eligibility/rules.schema";
import {
  compareEvaluations,
  readSnapshot,
  snapshotAnswers,
  type EvaluationSide,
  type Reevaluation,
} from "./reevaluate";

const isPathway = (p: unknown): p is PathwayId => typeof p === "string" && (PATHWAYS as readonly string[]).includes(p);

/** The case's eligibility as stored on the application. */
export interface EligibilityView {
  snapshot: EvaluationSide | null;
  /** Null when the case has no snapshot, no answers or no known pathway (nothing to replay). */
  reevaluation: Reevaluation | null;
}

/**
 * Replays the answers frozen on an application against the rules in force on `asOf`
 * (default: today in Taipei) for the case's pathway, and compares with the snapshot.
 */
export function reevaluateCase(
  c: { pathway: string | null; eligibility_snapshot: unknown; rules_version: string | null },
  asOf: string = todayInTaipei()
): EligibilityView {
  const snapshot = readSnapshot(c.eligibility_snapshot, c.rules_version);
  const answers = snapshotAnswers(c.eligibility_snapshot);
  if (!snapshot || !answers || !isPathway(c.pathway)) return { snapshot, reevaluation: null };
  const [fresh] = evaluateAll(answers as Answers, asOf, [c.pathway]).evaluations;
  if (!fresh) return { snapshot, reevaluation: null };
  const now: EvaluationSide = {
    asOf,
    version: fresh.ruleSetVersion,
    outcome: fresh.outcome,
    criteria: fresh.criteria.map((x) => ({ id: x.id, labelKey: x.labelKey, status: x.status })),
  };
  return { snapshot, reevaluation: compareEvaluations(snapshot, now) };
}
