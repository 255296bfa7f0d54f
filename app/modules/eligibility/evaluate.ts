import type { Answers } from "./facts.schema";
import type { Criterion, Rate, RuleSet, Track } from "./rules.schema";
import {
  compare,
  evalTest,
  explainingLeaf,
  numeric,
  partsOf,
  viewOf,
  type EvalContext,
  type PartView,
  type ThresholdView,
  type Tri,
  type ValueView,
} from "./evaluate-test";
import { leadOf, qualifierOf, ruleSetStatusOf, type Lead, type Qualifier, type RuleSetStatus } from "./lead";

export type Outcome = "eligible" | "possibly-eligible" | "not-eligible" | "not-applicable";
export type CriterionStatus = "met" | "unmet" | "unknown";

export interface PointsItemView {
  id: string;
  fact: string;
  points: number | null;
  /** The answer falls in a row the sources do not give with confidence. */
  uncertain: boolean;
}

export interface CriterionResult {
  id: string;
  labelKey: string;
  trackId: string | null;
  role: "required" | "route";
  status: CriterionStatus;
  judgement: boolean;
  basis: NonNullable<Criterion["basis"]>;
  evidenceKey?: string;
  yourValue: ValueView | null;
  threshold: ThresholdView | null;
  gap: { amount: number; unit: string } | null;
  sourceIds: string[];
  points?: PointsItemView[];
  /** Each comparison of a combined (all/any) test with its own value, threshold and gap. */
  parts?: PartView[];
}

export interface Evaluation {
  pathway: string;
  ruleSetVersion: string;
  status: RuleSet["status"];
  /** The rule set's legal standing in public words: enacted, proposed, criteria-pending or draft. */
  ruleSetStatus: RuleSetStatus;
  openForApplications: boolean;
  outcome: Outcome;
  /** False while an unanswered fact could still change the outcome. */
  complete: boolean;
  reason?: "not-in-force" | "does-not-apply" | "proposed" | "criteria-pending" | "no-track";
  tracks: { id: string; labelKey: string; outcome: Outcome | "unknown" }[];
  criteria: CriterionResult[];
  missingFacts: string[];
  ratesUsed: Rate[];
  /** Why a "possibly eligible" is not a plain "eligible" (a reviewer decides, not open yet, answers missing…). */
  qualifier: Qualifier | null;
  /** The criteria to show first: the route that qualifies, or the nearest miss, or the reasons. */
  lead: Lead | null;
}

type RouteState = { state: "hard" | "soft" | "unknown" | "unmet"; missing: string[] };
type Verdict = { outcome: Outcome | "unknown"; missing: string[] };

const soft = (c: CriterionResult) => c.judgement || c.basis !== "enacted";
const statusOf = (v: Tri): CriterionStatus => (v === true ? "met" : v === false ? "unmet" : "unknown");

function pointsCriterion(
  ctx: EvalContext,
  c: Criterion
): { value: Tri; missing: string[]; total: number; items: PointsItemView[]; max: number } {
  const spec = c.points!;
  const items = spec.items.map((item) => {
    const raw = ctx.facts[item.fact];
    const max = Math.max(0, ...item.tiers.map((t) => t.points ?? 0));
    if (raw === undefined) return { view: { id: item.id, fact: item.fact, points: null, uncertain: false }, max };
    const n = typeof raw === "object" ? numeric(ctx, item.fact, item.unit)?.value : raw;
    const tier = item.tiers.find((t) =>
      t.when.op === "eq" ? n === t.when.value : typeof n === "number" && compare("gte", n, Number(t.when.value))
    );
    return {
      view: { id: item.id, fact: item.fact, points: tier?.points ?? 0, uncertain: tier ? tier.points === null : false },
      max: 0,
    };
  });
  const total = items.reduce((s, i) => s + (i.view.points ?? 0), 0);
  const open = items.filter((i) => i.view.points === null);
  const pass = Number(ctx.rs.parameters[spec.threshold]?.value);
  const reachable = total + open.reduce((s, i) => s + i.max, 0);
  const value: Tri = total >= pass ? true : reachable < pass ? false : null;
  return {
    value,
    missing: value === null ? open.map((i) => i.view.fact) : [],
    total,
    items: items.map((i) => i.view),
    max: pass,
  };
}

function evalCriterion(
  ctx: EvalContext,
  c: Criterion,
  trackId: string | null,
  role: CriterionResult["role"]
): { result: CriterionResult; missing: string[] } {
  const base = {
    id: c.id,
    labelKey: c.labelKey,
    trackId,
    role,
    judgement: Boolean(c.judgement),
    basis: c.basis ?? "enacted",
    sourceIds: c.sources,
    ...(c.evidenceKey ? { evidenceKey: c.evidenceKey } : {}),
  };
  if (c.points) {
    const p = pointsCriterion(ctx, c);
    const gap = p.value === false || p.value === null ? { amount: p.max - p.total, unit: "points" } : null;
    const threshold: ThresholdView = {
      fact: "points",
      op: "gte",
      value: p.max,
      unit: "points",
      param: c.points.threshold,
    };
    return {
      result: {
        ...base,
        status: statusOf(p.value),
        yourValue: { fact: "points", value: p.total, unit: "points" },
        threshold,
        gap,
        points: p.items,
      },
      missing: p.missing,
    };
  }
  const out = evalTest(ctx, c.test!);
  const leaf = explainingLeaf(ctx, c.test!, out.value);
  const view = leaf ? viewOf(ctx, leaf) : { yourValue: null, threshold: null, gap: null };
  const parts = partsOf(ctx, c.test!);
  const result = {
    ...base,
    status: statusOf(out.value),
    ...view,
    gap: out.value === false ? view.gap : null,
    ...(parts.length ? { parts } : {}),
  };
  return { result, missing: out.missing };
}

function routeState(results: { result: CriterionResult; missing: string[] }[]): RouteState {
  if (results.length === 0) return { state: "hard", missing: [] };
  const met = results.filter((r) => r.result.status === "met");
  const unknown = results.filter((r) => r.result.status === "unknown");
  const unknownMissing = unknown.flatMap((r) => r.missing);
  if (met.some((r) => !soft(r.result))) return { state: "hard", missing: [] };
  if (met.length) return { state: "soft", missing: unknownMissing };
  if (unknown.length) return { state: "unknown", missing: unknownMissing };
  return { state: "unmet", missing: [] };
}

/** All required items must hold and one route must: the outcome, and the facts that could still change it. */
function combine(required: { result: CriterionResult; missing: string[] }[], routes: RouteState): Verdict {
  if (required.some((r) => r.result.status === "unmet") || routes.state === "unmet")
    return { outcome: "not-eligible", missing: [] };
  const reqUnknown = required.filter((r) => r.result.status === "unknown");
  const reqSoft = required.some((r) => r.result.status === "met" && soft(r.result));
  if (reqUnknown.length)
    return {
      outcome: "unknown",
      missing: [...reqUnknown.flatMap((r) => r.missing), ...(routes.state === "hard" ? [] : routes.missing)],
    };
  if (routes.state === "hard") return { outcome: reqSoft ? "possibly-eligible" : "eligible", missing: [] };
  if (routes.state === "soft") return { outcome: "possibly-eligible", missing: reqSoft ? [] : routes.missing };
  return { outcome: "unknown", missing: routes.missing };
}

function evalTrack(ctx: EvalContext, track: Track) {
  const when = track.when ? evalTest(ctx, track.when) : { value: true, missing: [] };
  if (when.value === false) return undefined;
  if (when.value === null)
    return { track, verdict: { outcome: "unknown", missing: when.missing } as Verdict, criteria: [] };
  const required = track.required.map((c) => evalCriterion(ctx, c, track.id, "required"));
  const routes = track.routes.map((c) => evalCriterion(ctx, c, track.id, "route"));
  return {
    track,
    verdict: combine(required, routeState(routes)),
    criteria: [...required, ...routes].map((r) => r.result),
  };
}

function tracksAsRoutes(tracks: NonNullable<ReturnType<typeof evalTrack>>[]): RouteState {
  const state = (v: Verdict): RouteState["state"] =>
    v.outcome === "eligible"
      ? "hard"
      : v.outcome === "possibly-eligible"
      ? "soft"
      : v.outcome === "unknown"
      ? "unknown"
      : "unmet";
  const order = ["hard", "soft", "unknown", "unmet"] as const;
  const states = tracks.map((t) => ({ state: state(t.verdict), missing: t.verdict.missing }));
  const best = order.find((o) => states.some((s) => s.state === o)) ?? "unmet";
  const missing =
    best === "hard"
      ? []
      : states
          .filter((s) => s.state === "unknown" || (best === "soft" && s.state === "soft"))
          .flatMap((s) => s.missing);
  return { state: best, missing };
}

/** The rate per currency for `asOf`: the latest observed on or before that day, else the earliest after it. */
export function ratesOn(rates: Rate[], asOf: string): Rate[] {
  const byCurrency = new Map<string, Rate>();
  for (const r of [...rates].sort((a, b) => a.observed.localeCompare(b.observed))) {
    const kept = byCurrency.get(r.currency);
    if (!kept || r.observed <= asOf) byCurrency.set(r.currency, r);
  }
  return [...byCurrency.values()];
}

export function inForce(rs: RuleSet, asOf: string): boolean {
  return rs.effectiveFrom <= asOf && (rs.effectiveTo === null || asOf <= rs.effectiveTo);
}

/** Pure: one rule set, the answers and the "as of" date in; the outcome and an explanation per criterion out. */
export function evaluate(ruleSet: RuleSet, facts: Answers, asOf: string, rates: Rate[] = []): Evaluation {
  const ctx: EvalContext = { rs: ruleSet, facts, rates: ratesOn(rates, asOf), used: new Set() };
  const head = {
    pathway: ruleSet.pathway,
    ruleSetVersion: ruleSet.version,
    status: ruleSet.status,
    ruleSetStatus: ruleSetStatusOf(ruleSet.status),
    openForApplications: ruleSet.openForApplications,
  };
  const done = (outcome: Outcome, rest: Partial<Evaluation>): Evaluation => {
    const e = {
      ...head,
      outcome,
      complete: true,
      tracks: [],
      criteria: [],
      missingFacts: [],
      qualifier: null,
      lead: null,
      ...rest,
      ratesUsed: [...ctx.used],
    };
    const lead = leadOf(e);
    return { ...e, qualifier: qualifierOf(e, lead), lead };
  };
  if (!inForce(ruleSet, asOf)) return done("not-applicable", { reason: "not-in-force" });
  const applies = ruleSet.appliesWhen ? evalTest(ctx, ruleSet.appliesWhen) : { value: true, missing: [] };
  if (applies.value === false) return done("not-applicable", { reason: "does-not-apply" });
  if (applies.value === null) return done("possibly-eligible", { complete: false, missingFacts: applies.missing });
  const required = ruleSet.required.map((c) => evalCriterion(ctx, c, null, "required"));
  const tracks = ruleSet.tracks.map((t) => evalTrack(ctx, t)).filter((t) => t !== undefined);
  const noTrack =
    ruleSet.tracks.length > 0 && tracks.length === 0 && !required.some((r) => r.result.status === "unmet");
  const verdict = noTrack
    ? { outcome: "not-applicable" as const, missing: [] }
    : combine(required, ruleSet.tracks.length ? tracksAsRoutes(tracks) : { state: "hard", missing: [] });
  const criteria = [...required.map((r) => r.result), ...tracks.flatMap((t) => t.criteria)];
  const trackViews = tracks.map((t) => ({ id: t.track.id, labelKey: t.track.labelKey, outcome: t.verdict.outcome }));
  const rest = { criteria, tracks: trackViews, ...(noTrack ? { reason: "no-track" as const } : {}) };
  if (ruleSet.status === "proposed" || ruleSet.status === "draft")
    return done("not-applicable", { ...rest, reason: "proposed" });
  const pending = ruleSet.status === "criteria-pending" ? { reason: "criteria-pending" as const } : {};
  if (verdict.outcome === "unknown")
    return done("possibly-eligible", {
      ...rest,
      ...pending,
      complete: false,
      missingFacts: [...new Set(verdict.missing)],
    });
  // Enacted with criteria still to come: meeting the known ones is "possibly eligible, not open yet", never more.
  const outcome = pending.reason && verdict.outcome === "eligible" ? "possibly-eligible" : verdict.outcome;
  return done(outcome, { ...rest, ...pending, missingFacts: [...new Set(verdict.missing)] });
}

const RANK: Record<Outcome, number> = { eligible: 0, "possibly-eligible": 1, "not-eligible": 2, "not-applicable": 3 };

/** Best fit first; ties keep the pathway order. */
export function byBestFit<T extends { outcome: Outcome }>(list: T[]): T[] {
  return list
    .map((e, i) => ({ e, i }))
    .sort((a, b) => RANK[a.e.outcome] - RANK[b.e.outcome] || a.i - b.i)
    .map((x) => x.e);
}
