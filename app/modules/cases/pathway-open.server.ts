import { todayInTaipei } from "~/lib/i18n/format";
import { ruleSetFor } from "~/modules/eligibility/rules.server";
import { pathwayIds, type PathwayId } from "./cases.schema";

export const isPathwayId = (p: unknown): p is PathwayId => (pathwayIds as readonly unknown[]).includes(p);

/** A pathway takes applications when its rule set in force today is enacted and open (not Global Elite, not proposed). */
export function openForApplications(pathway: string, asOf = todayInTaipei()): boolean {
  if (!isPathwayId(pathway)) return false;
  const rs = ruleSetFor(pathway, asOf);
  return Boolean(rs && rs.status === "in-force" && rs.openForApplications);
}

/** The pathways open for applications today, in the usual order. */
export function openPathways(asOf = todayInTaipei()): PathwayId[] {
  return pathwayIds.filter((p) => openForApplications(p, asOf));
}
