import type { Evaluation } from "./evaluate";
import type { RuleSet, Source } from "./rules.schema";

/** What a rule set adds to a page beside its criteria: documents, benefits, fees, links and parameters. */
export type RuleInfo = Pick<RuleSet, "documents" | "benefits" | "fees" | "officialLinks" | "labels" | "notEncoded" | "effectiveFrom" | "lastReviewed"> & {
  params: Record<string, { value?: unknown; unit: string }>;
};

export type PresentedEvaluation = Evaluation & { info: RuleInfo | null };
export type SourceMap = Record<string, Source>;

/** The documents for the routes a person qualifies through: a document naming routes applies only to those. */
export function documentsFor(documents: RuleInfo["documents"], routes: string[]): RuleInfo["documents"] {
  return documents.filter((d) => (!d.onlyFor || d.onlyFor.some((r) => routes.includes(r))) && !(d.notFor ?? []).some((r) => routes.includes(r)));
}

/** The verdict's words: the outcome, refined by why a "possibly eligible" is not an "eligible". */
export function verdictKey(e: Pick<Evaluation, "outcome" | "qualifier">): string {
  return e.outcome === "possibly-eligible" && e.qualifier ? `verdicts.${e.qualifier}` : `outcomes.${e.outcome}`;
}
