import { z } from "zod";

/** Pure: compares an application's frozen eligibility snapshot with a fresh evaluation (issue 6, case view). */

const Status = z.enum(["met", "unmet", "unknown"]);
const Outcome = z.enum(["eligible", "possibly-eligible", "not-eligible", "not-applicable"]);

const CriterionSchema = z.object({ id: z.string(), labelKey: z.string().optional(), status: Status }).passthrough();
const EvaluationSchema = z
  .object({
    ruleSetVersion: z.string().optional(),
    outcome: Outcome,
    criteria: z.array(CriterionSchema).default([]),
  })
  .passthrough();

/** What `snapshotFromCheck` (modules/cases/drafts.server.ts) froze onto the application. */
export const SnapshotSchema = z
  .object({
    asOf: z.string().nullish(),
    answers: z.unknown().optional(),
    evaluation: EvaluationSchema.nullish(),
  })
  .passthrough();

export type CriterionStatus = z.infer<typeof Status>;
export type EligibilityOutcome = z.infer<typeof Outcome>;

/** One side of the comparison. */
export interface EvaluationSide {
  asOf: string | null;
  version: string | null;
  outcome: EligibilityOutcome | null;
  criteria: { id: string; labelKey: string | null; status: CriterionStatus }[];
}

export type CriterionChangeKind = "same" | "changed" | "added" | "removed";

export interface CriterionChange {
  id: string;
  labelKey: string | null;
  then: CriterionStatus | null;
  now: CriterionStatus | null;
  change: CriterionChangeKind;
}

export interface Reevaluation {
  then: EvaluationSide;
  now: EvaluationSide;
  versionChanged: boolean;
  outcomeChanged: boolean;
  criteria: CriterionChange[];
  /** True when nothing at all differs: same version, same outcome, every criterion the same. */
  unchanged: boolean;
}

/** Reads a stored snapshot (JSON value or JSON text); null when it is missing or malformed. */
export function readSnapshot(raw: unknown, rulesVersion: string | null): EvaluationSide | null {
  let value = raw;
  if (typeof raw === "string") {
    try {
      value = JSON.parse(raw);
    } catch {
      return null;
    }
  }
  const parsed = SnapshotSchema.safeParse(value);
  if (!parsed.success || !parsed.data.evaluation) return null;
  const e = parsed.data.evaluation;
  return {
    asOf: parsed.data.asOf ?? null,
    version: e.ruleSetVersion ?? rulesVersion,
    outcome: e.outcome,
    criteria: e.criteria.map((c) => ({ id: c.id, labelKey: c.labelKey ?? null, status: c.status })),
  };
}

/** The answers frozen in the snapshot (an object of fact id → value), or null. */
export function snapshotAnswers(raw: unknown): Record<string, unknown> | null {
  const value = typeof raw === "string" ? safeJson(raw) : raw;
  const answers = SnapshotSchema.safeParse(value).data?.answers;
  const parsed = typeof answers === "string" ? safeJson(answers) : answers;
  return parsed && typeof parsed === "object" && !Array.isArray(parsed) ? (parsed as Record<string, unknown>) : null;
}

function safeJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

/** Per criterion: status then and now, in the order of today's rules, then the criteria that were removed. */
export function diffCriteria(then: EvaluationSide["criteria"], now: EvaluationSide["criteria"]): CriterionChange[] {
  const before = new Map(then.map((c) => [c.id, c]));
  const after = new Set(now.map((c) => c.id));
  const current = now.map((c): CriterionChange => {
    const old = before.get(c.id);
    if (!old) return { id: c.id, labelKey: c.labelKey, then: null, now: c.status, change: "added" };
    return {
      id: c.id,
      labelKey: c.labelKey ?? old.labelKey,
      then: old.status,
      now: c.status,
      change: old.status === c.status ? "same" : "changed",
    };
  });
  const removed = then
    .filter((c) => !after.has(c.id))
    .map((c): CriterionChange => ({ id: c.id, labelKey: c.labelKey, then: c.status, now: null, change: "removed" }));
  return [...current, ...removed];
}

/** The whole comparison between the snapshot and today's evaluation. */
export function compareEvaluations(then: EvaluationSide, now: EvaluationSide): Reevaluation {
  const criteria = diffCriteria(then.criteria, now.criteria);
  const versionChanged = then.version !== now.version;
  const outcomeChanged = then.outcome !== now.outcome;
  const unchanged = !versionChanged && !outcomeChanged && criteria.every((c) => c.change === "same");
  return { then, now, versionChanged, outcomeChanged, criteria, unchanged };
}
