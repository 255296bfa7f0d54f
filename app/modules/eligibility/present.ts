import type { Evaluation } from "./evaluate";
import type { RuleSet, Source } from "./rules.schema";

/** What a rule set adds to a page beside its criteria: documents, benefits, fees, links and parameters. */
export type RuleInfo = Pick<
  RuleSet,
  "documents" | "benefits" | "fees" | "officialLinks" | "labels" | "notEncoded" | "effectiveFrom" | "lastReviewed"
> & {
  params: Record<string, { value?: unknown; unit: string }>;
};

export type PresentedEvaluation = Evaluation & { info: RuleInfo | null };
export type SourceMap = Record<string, Source>;

/** The documents for the routes a person qualifies through: a document naming routes applies only to those. */
export function documentsFor(documents: RuleInfo["documents"], routes: string[]): RuleInfo["documents"] {
  return documents.filter(
    (d) =>
      (!d.onlyFor || d.onlyFor.some((r) => routes.includes(r))) && !(d.notFor ?? []).some((r) => routes.includes(r))
  );
}

/** The verdict's words: the outcome, refined by why a "possibly eligible" is not an "eligible". */
export function verdictKey(e: Pick<Evaluation, "outcome" | "qualifier">): string {
  return e.outcome === "possibly-eligible" && e.qualifier ? `verdicts.${e.qualifier}` : `outcomes.${e.outcome}`;
}

/** One line of a route's checklist: a document, or the evidence for a criterion a reviewer judges. */
export interface ChecklistItem {
  id: string;
  key: string;
  itemKey?: string;
}

/** The checklist of the route a result leads with: evidence for judged criteria, then the route's documents.
 * Results and the application page both show this list. */
export function routeChecklist(
  e: Pick<PresentedEvaluation, "pathway" | "criteria" | "lead" | "info">
): ChecklistItem[] {
  if (e.lead?.kind !== "qualifies") return [];
  const ids = e.lead.criteria;
  const routes = e.criteria.filter((c) => ids.includes(c.id));
  const evidence = routes
    .filter((c) => c.judgement && c.status === "met")
    .map(
      (c): ChecklistItem =>
        c.evidenceKey
          ? { id: c.id, key: c.evidenceKey }
          : { id: c.id, key: "eligibility:results.evidenceFor", itemKey: c.labelKey }
    );
  const docs = e.info
    ? documentsFor(
        e.info.documents,
        routes.map((c) => c.id)
      )
    : [];
  return [...evidence, ...docs.map((d) => ({ id: d.id, key: `eligibility:documents.${e.pathway}.${d.id}` }))];
}
