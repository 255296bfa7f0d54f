import type { Evaluation } from "./evaluate";
import type { RuleSet, Source } from "./rules.schema";

/** What a rule set adds to a page beside its criteria: documents, benefits, fees, links and parameters. */
export type RuleInfo = Pick<RuleSet, "documents" | "benefits" | "fees" | "officialLinks" | "labels" | "notEncoded" | "effectiveFrom" | "lastReviewed"> & {
  params: Record<string, { value?: unknown; unit: string }>;
};

export type PresentedEvaluation = Evaluation & { info: RuleInfo | null };
export type SourceMap = Record<string, Source>;
