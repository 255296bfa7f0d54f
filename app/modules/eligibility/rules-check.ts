import type { Criterion, RuleSet, Source, Test } from "./rules.schema";
import { leaves } from "./evaluate-test";

function criteriaOf(rs: RuleSet): Criterion[] {
  return [...rs.required, ...rs.tracks.flatMap((t) => [...t.required, ...t.routes])];
}

function testsOf(rs: RuleSet): Test[] {
  const fromCriteria = criteriaOf(rs).flatMap((c) => (c.test ? [c.test] : []));
  const whens = rs.tracks.flatMap((t) => (t.when ? [t.when] : []));
  return [...fromCriteria, ...whens, ...(rs.appliesWhen ? [rs.appliesWhen] : [])];
}

/** Every fact id a rule set reads. */
export function evalTestFacts(rs: RuleSet): string[] {
  const fromTests = testsOf(rs).flatMap((t) => leaves(t).map((l) => l.fact));
  const fromPoints = criteriaOf(rs).flatMap((c) => c.points?.items.map((i) => i.fact) ?? []);
  return [...new Set([...fromTests, ...fromPoints])];
}

/** Cross-references a schema cannot check: parameters, sources, unique ids, judgement on reviewed answers. */
export function ruleSetProblems(
  rs: RuleSet,
  sources: Record<string, Source>,
  reviewed: Set<string> = new Set()
): string[] {
  const problems: string[] = [];
  for (const c of criteriaOf(rs)) {
    if (!c.judgement && c.test && leaves(c.test).some((l) => reviewed.has(l.fact)))
      problems.push(`${c.id} reads a reviewed answer: mark it judgement`);
  }
  const params = testsOf(rs).flatMap((t) => leaves(t).flatMap((l) => (l.param ? [l.param] : [])));
  const pointParams = criteriaOf(rs).flatMap((c) => (c.points ? [c.points.threshold] : []));
  for (const p of [...params, ...pointParams]) if (!(p in rs.parameters)) problems.push(`unknown parameter ${p}`);
  const cited = [
    ...criteriaOf(rs).flatMap((c) => [...c.sources, ...(c.points?.items.flatMap((i) => i.sources) ?? [])]),
    ...Object.values(rs.parameters).map((p) => p.source),
    ...[...rs.documents, ...rs.benefits, ...rs.fees, ...(rs.labels ?? [])].flatMap((d) => d.sources),
  ];
  for (const s of new Set(cited)) if (!(s in sources)) problems.push(`unknown source ${s}`);
  const ids = criteriaOf(rs).map((c) => c.id);
  if (new Set(ids).size !== ids.length) problems.push("criterion ids must be unique");
  for (const d of rs.documents)
    for (const r of [...(d.onlyFor ?? []), ...(d.notFor ?? [])])
      if (!ids.includes(r)) problems.push(`document ${d.id}: unknown route ${r}`);
  for (const b of rs.benefits)
    for (const p of b.params ?? []) if (!(p in rs.parameters)) problems.push(`unknown benefit parameter ${p}`);
  return problems;
}

export { criteriaOf };
