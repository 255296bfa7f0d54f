import { readdirSync } from "node:fs";
import path from "node:path";
import { readContentJson } from "~/modules/content/content.server";
import { FactsFileSchema, type Fact } from "./facts.schema";
import { evalTestFacts, ruleSetProblems } from "./rules-check";
import {
  PATHWAYS,
  RatesFileSchema,
  RuleSetSchema,
  SourcesFileSchema,
  type PathwayId,
  type Rate,
  type RatesFile,
  type RuleSet,
  type Source,
} from "./rules.schema";
import { inForce } from "./evaluate";

let cache: Map<PathwayId, RuleSet[]> | undefined;

/** The facts the wizard can ask, in asking order. */
export const allFacts = (): Fact[] => readContentJson("eligibility/facts.json", FactsFileSchema).facts;
export const allSources = (): Record<string, Source> =>
  readContentJson("eligibility/sources.json", SourcesFileSchema).sources;
export const ratesFile = (): RatesFile => readContentJson("eligibility/exchange-rates.json", RatesFileSchema);
export const allRates = (): Rate[] => ratesFile().rates;

function load(): Map<PathwayId, RuleSet[]> {
  const facts = new Set(allFacts().map((f) => f.id));
  const reviewed = new Set(
    allFacts()
      .filter((f) => f.reviewed)
      .map((f) => f.id)
  );
  const sources = allSources();
  const map = new Map<PathwayId, RuleSet[]>();
  for (const pathway of PATHWAYS) {
    const dir = path.resolve(process.cwd(), "content", "eligibility", pathway);
    const files = readdirSync(dir)
      .filter((f) => /^\d{4}-\d{2}-\d{2}\.json$/.test(f))
      .sort();
    const sets = files.map((f) => {
      const rs = readContentJson(`eligibility/${pathway}/${f}`, RuleSetSchema);
      const problems = [
        ...ruleSetProblems(rs, sources, reviewed),
        ...evalTestFacts(rs)
          .filter((id) => !facts.has(id))
          .map((id) => `unknown fact ${id}`),
      ];
      if (rs.pathway !== pathway || `${rs.effectiveFrom}.json` !== f)
        problems.push("file name must be <effectiveFrom>.json in its pathway folder");
      if (problems.length) throw new Error(`content/eligibility/${pathway}/${f}: ${problems.join("; ")}`);
      return rs;
    });
    map.set(pathway, sets);
  }
  return map;
}

/** Every rule set, validated once (a bad file throws at startup and in tests). */
export function ruleSets(): Map<PathwayId, RuleSet[]> {
  cache ??= load();
  return cache;
}

/** The rule set of a pathway in force on `asOf` (YYYY-MM-DD), if any (in `sets`: tests pass a dated fixture). */
export function ruleSetFor(
  pathway: PathwayId,
  asOf: string,
  sets: Map<PathwayId, RuleSet[]> = ruleSets()
): RuleSet | undefined {
  return sets.get(pathway)?.find((rs) => inForce(rs, asOf));
}

/** The pathways in display order with every dated version. */
export function allPathways(): { id: PathwayId; versions: RuleSet[] }[] {
  return PATHWAYS.map((id) => ({ id, versions: ruleSets().get(id) ?? [] }));
}

/** A rule set by its version string (results name the version they were decided under). */
export function ruleSetByVersion(version: string): RuleSet | undefined {
  for (const sets of ruleSets().values()) {
    const found = sets.find((rs) => rs.version === version);
    if (found) return found;
  }
  return undefined;
}
