import { todayInTaipei } from "~/lib/i18n/format";
import { explainingLeaf, leaves, viewOf, type EvalContext, type ThresholdView } from "./evaluate-test";
import type { CriterionResult } from "./evaluate";
import { ruleInfo, sourcesFor } from "./present.server";
import { allPathways, allRates, ruleSetFor } from "./rules.server";
import type { Criterion, PathwayId, RuleSet } from "./rules.schema";

type Described = Pick<
  CriterionResult,
  "id" | "labelKey" | "trackId" | "role" | "threshold" | "sourceIds" | "judgement" | "basis"
> & {
  /** Each comparison of a combined criterion (age and income, degree and rank), so no part hides another. */
  parts?: ThresholdView[];
};

function describe(ctx: EvalContext, c: Criterion, trackId: string | null, role: CriterionResult["role"]): Described {
  const leaf = c.test ? explainingLeaf(ctx, c.test, null) : undefined;
  const threshold = c.points
    ? { fact: "points", op: "gte" as const, value: ctx.rs.parameters[c.points.threshold]?.value, unit: "points" }
    : leaf
    ? viewOf(ctx, leaf).threshold
    : null;
  const all = c.test ? leaves(c.test) : [];
  const parts = all.length > 1 ? all.map((l) => viewOf(ctx, l).threshold) : undefined;
  return {
    id: c.id,
    labelKey: c.labelKey,
    trackId,
    role,
    threshold,
    sourceIds: c.sources,
    judgement: Boolean(c.judgement),
    basis: c.basis ?? "enacted",
    ...(parts ? { parts } : {}),
  };
}

/** Every criterion of a rule set with its requirement, as the guide pages list them. */
export function describeRuleSet(rs: RuleSet) {
  const ctx: EvalContext = { rs, facts: {}, rates: allRates(), used: new Set() };
  const required = rs.required.map((c) => describe(ctx, c, null, "required"));
  const tracks = rs.tracks.map((t) => ({
    id: t.id,
    labelKey: t.labelKey,
    required: t.required.map((c) => describe(ctx, c, t.id, "required")),
    routes: t.routes.map((c) => describe(ctx, c, t.id, "route")),
  }));
  return { required, tracks };
}

/** A pathway's guide data from the rule set in force today (or the latest one). */
export function guideData(pathway: PathwayId, asOf = todayInTaipei()) {
  const versions = allPathways().find((p) => p.id === pathway)?.versions ?? [];
  const rs = ruleSetFor(pathway, asOf) ?? versions[versions.length - 1];
  if (!rs) return undefined;
  const criteria = describeRuleSet(rs);
  const cited = [...criteria.required, ...criteria.tracks.flatMap((t) => [...t.required, ...t.routes])].flatMap(
    (c) => c.sourceIds
  );
  const info = ruleInfo(rs);
  const all = [
    ...cited,
    ...[...info.documents, ...info.benefits, ...info.fees, ...(info.labels ?? [])].flatMap((d) => d.sources),
    ...Object.values(rs.parameters).map((p) => p.source),
  ];
  return {
    pathway,
    version: rs.version,
    status: rs.status,
    openForApplications: rs.openForApplications,
    criteria,
    info,
    sources: sourcesFor(all),
  };
}

/** Headline figures per pathway for the comparison table, straight from the rule parameters. */
const HIGHLIGHTS: Record<PathwayId, string[]> = {
  "gold-card": ["salaryMonthly"],
  "global-elite-card": ["annualIncome"],
  "digital-nomad": ["incomeOlder", "incomeYounger", "balance"],
  "professional-work-permit": ["minSalary"],
  "mid-level-skilled": ["industryMin", "industryExempt"],
  "graduate-points": ["passMark"],
};

export function comparison(asOf = todayInTaipei()) {
  return allPathways().map(({ id, versions }) => {
    const rs = ruleSetFor(id, asOf) ?? versions[versions.length - 1];
    return {
      id,
      status: rs?.status ?? "proposed",
      effectiveFrom: rs?.effectiveFrom ?? null,
      openForApplications: rs?.openForApplications ?? false,
      figures: HIGHLIGHTS[id].flatMap((name) =>
        rs?.parameters[name] ? [{ name, value: rs.parameters[name].value, unit: rs.parameters[name].unit }] : []
      ),
    };
  });
}
