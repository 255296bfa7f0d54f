import type { CriterionResult, Evaluation } from "./evaluate";
import type { RuleSet } from "./rules.schema";

/** A rule set's legal standing in the words the API and pages use. */
export type RuleSetStatus = "enacted" | "proposed" | "criteria-pending" | "draft";
/** Why a "possibly eligible" is not a plain "eligible". */
export type Qualifier = "reviewer-decides" | "not-open-yet" | "answers-missing" | "unconfirmed-criteria";
/** The criteria a result leads with: the route that qualifies, the nearest miss, or the reasons it cannot. */
export interface Lead {
  kind: "qualifies" | "nearest-miss" | "reasons";
  trackId: string | null;
  criteria: string[];
}

type Evaluated = Pick<Evaluation, "outcome" | "complete" | "reason" | "criteria" | "tracks">;

export const ruleSetStatusOf = (status: RuleSet["status"]): RuleSetStatus =>
  status === "in-force" ? "enacted" : status;

const soft = (c: CriterionResult) => c.judgement || c.basis !== "enacted";
const TRACK_RANK = { eligible: 0, "possibly-eligible": 1 } as Record<string, number | undefined>;

/** The route that qualifies: a met route that needs no reviewer first, then one that does. */
function bestMet(routes: CriterionResult[]): CriterionResult | undefined {
  return routes.find((c) => c.status === "met" && !soft(c)) ?? routes.find((c) => c.status === "met");
}

/** An upper limit on a count of years (age, years since graduating) only moves further away with time. */
const outgrown = (p: Pick<CriterionResult, "status" | "threshold">) =>
  p.status === "unmet" && p.threshold?.unit === "years" && (p.threshold.op === "lt" || p.threshold.op === "lte");

/** How far an unmet route is: its unmet parts (an outgrown limit counts as out of reach), plus the relative gap of the
 * one shown; undefined for a route the person did not claim (a claim not made, nothing answered): no "nearest miss". */
function distance(c: CriterionResult): number | undefined {
  if (!c.parts?.length && (c.threshold?.op === "has" || c.yourValue === null)) return undefined;
  const parts = c.parts?.length ? c.parts : [c];
  const unmet = parts.filter((p) => p.status !== "met").length + (parts.some(outgrown) ? 5 : 0);
  const limit = Number(c.threshold?.value);
  const relative = c.gap && Number.isFinite(limit) && limit !== 0 ? Math.min(1, c.gap.amount / Math.abs(limit)) : 1;
  return unmet + relative;
}

function nearest(routes: CriterionResult[]): { c: CriterionResult; d: number } | undefined {
  const unmet = routes.flatMap((c) => {
    const d = c.status === "unmet" ? distance(c) : undefined;
    return d === undefined ? [] : [{ c, d }];
  });
  return unmet.sort((a, b) => a.d - b.d)[0];
}

function qualifies(e: Evaluated): Lead {
  const track = [...e.tracks].sort((a, b) => (TRACK_RANK[a.outcome] ?? 9) - (TRACK_RANK[b.outcome] ?? 9))[0];
  if (!track)
    return {
      kind: "qualifies",
      trackId: null,
      criteria: e.criteria.filter((c) => c.trackId === null).map((c) => c.id),
    };
  const own = e.criteria.filter((c) => c.trackId === track.id);
  const route = bestMet(own.filter((c) => c.role === "route"));
  return {
    kind: "qualifies",
    trackId: track.id,
    criteria: [...own.filter((c) => c.role === "required"), ...(route ? [route] : [])].map((c) => c.id),
  };
}

function missed(e: Evaluated): Lead | null {
  const reasons = e.criteria.filter((c) => c.trackId === null && c.status === "unmet");
  if (reasons.length || !e.tracks.length)
    return reasons.length ? { kind: "reasons", trackId: null, criteria: reasons.map((c) => c.id) } : null;
  const options = e.tracks.map((t) => {
    const own = e.criteria.filter((c) => c.trackId === t.id);
    const unmetRequired = own.filter((c) => c.role === "required" && c.status === "unmet");
    const routes = own.filter((c) => c.role === "route");
    const route = routes.some((c) => c.status === "met") ? undefined : nearest(routes);
    const score = unmetRequired.length + (routes.length && !routes.some((c) => c.status === "met") ? route?.d ?? 9 : 0);
    return { trackId: t.id, criteria: [...unmetRequired, ...(route ? [route.c] : [])].map((c) => c.id), score };
  });
  const best = options.filter((o) => o.criteria.length).sort((a, b) => a.score - b.score)[0];
  return best ? { kind: "nearest-miss", trackId: best.trackId, criteria: best.criteria } : null;
}

/** What a result leads with; null while answers are missing or when the rules do not apply. */
export function leadOf(e: Evaluated): Lead | null {
  if (!e.complete) return null;
  if (e.outcome === "eligible" || e.outcome === "possibly-eligible") return qualifies(e);
  return e.outcome === "not-eligible" ? missed(e) : null;
}

/** Why a "possibly eligible" falls short of "eligible", judged from the criteria the result leads with. */
export function qualifierOf(e: Evaluated, lead: Lead | null): Qualifier | null {
  if (e.outcome !== "possibly-eligible") return null;
  if (!e.complete) return "answers-missing";
  if (e.reason === "criteria-pending") return "not-open-yet";
  const shown = e.criteria.filter((c) => c.status === "met" && (lead ? lead.criteria.includes(c.id) : true));
  return shown.some((c) => c.judgement) ? "reviewer-decides" : "unconfirmed-criteria";
}
