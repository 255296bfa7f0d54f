import type { CheckResult } from "./eligibility.server";
import { byBestFit, type Evaluation } from "./evaluate";
import { leadOf, qualifierOf, ruleSetStatusOf } from "./lead";
import { allSources, ratesFile, ruleSetByVersion } from "./rules.server";
import type { RuleSet, Source } from "./rules.schema";
import { routeChecklist, type ChecklistItem, type PresentedEvaluation, type RuleInfo } from "./present";

/** What the rule set behind an evaluation adds to a page: documents, benefits, fees, links, parameters. */
export function ruleInfo(rs: RuleSet): RuleInfo {
  const { documents, benefits, fees, officialLinks, labels, notEncoded, effectiveFrom, lastReviewed } = rs;
  const params = Object.fromEntries(
    Object.entries(rs.parameters).map(([k, p]) => [k, { value: p.value, unit: p.unit }])
  );
  return { documents, benefits, fees, officialLinks, labels, notEncoded, effectiveFrom, lastReviewed, params };
}

/** The sources a list of ids cites, for the page's links. */
export function sourcesFor(ids: Iterable<string>): Record<string, Source> {
  const all = allSources();
  return Object.fromEntries([...new Set(ids)].flatMap((id) => (all[id] ? [[id, all[id]] as const] : [])));
}

/** Results stored before an evaluation carried its lead, qualifier and status get them from their criteria. */
function upgrade(e: Evaluation): Evaluation {
  if (e.lead !== undefined && e.qualifier !== undefined && e.ruleSetStatus) return e;
  const lead = e.lead ?? leadOf(e);
  return {
    ...e,
    lead,
    qualifier: e.qualifier ?? qualifierOf(e, lead),
    ruleSetStatus: e.ruleSetStatus ?? ruleSetStatusOf(e.status),
  };
}

/** A stored result made ready to show: best fit first, with its rule info and cited sources. */
export function presentResult(result: CheckResult) {
  const evaluations = byBestFit(result.evaluations.map(upgrade)).map((e): PresentedEvaluation => {
    const rs = ruleSetByVersion(e.ruleSetVersion);
    return { ...e, info: rs ? ruleInfo(rs) : null };
  });
  const cited = evaluations.flatMap((e) => [
    ...e.criteria.flatMap((c) => c.sourceIds),
    ...(e.info ? [...e.info.documents, ...e.info.benefits, ...(e.info.labels ?? [])].flatMap((d) => d.sources) : []),
  ]);
  const rates = ratesFile();
  const used = result.ratesUsed.length
    ? { maxAgeDays: rates.maxAgeDays, table: rates.rates, used: result.ratesUsed }
    : null;
  return {
    asOf: result.asOf,
    evaluations,
    rates: used,
    sources: sourcesFor([...cited, ...(used ? used.table.map((r) => r.source) : [])]),
  };
}

/** The route checklist of an evaluation frozen onto an application (the same list its results page showed). */
export function checklistOfSnapshot(evaluation: unknown): ChecklistItem[] {
  const e = evaluation as Evaluation | null;
  if (!e?.ruleSetVersion || !Array.isArray(e.criteria)) return [];
  const rs = ruleSetByVersion(e.ruleSetVersion);
  return rs ? routeChecklist({ ...upgrade(e), info: ruleInfo(rs) }) : [];
}
