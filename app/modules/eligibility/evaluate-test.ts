import type { Answers, Money } from "./facts.schema";
import type { Leaf, Op, Rate, RuleSet, Test } from "./rules.schema";

export type Tri = boolean | null;

/** What the evaluator reads: the rule set, the answers and the dated exchange rates. */
export interface EvalContext {
  rs: RuleSet;
  facts: Answers;
  rates: Rate[];
  used: Set<Rate>;
}

export interface ValueView {
  fact: string;
  value?: unknown;
  unit?: string;
  /** Set when money was converted to the threshold's currency. */
  converted?: { amount: number; unit: string; rate: number; rateObserved: string; rateSource: string };
}
export interface ThresholdView {
  fact: string;
  op: Op;
  value?: unknown;
  unit?: string;
  param?: string;
}
export interface TestOutcome {
  value: Tri;
  missing: string[];
}

const NUMERIC: readonly Op[] = ["gte", "gt", "lte", "lt"];
const isMoney = (v: unknown): v is Money => typeof v === "object" && v !== null && "amount" in v && "currency" in v;

/** A fact as a number in `unit`, converting money between NT$ and US$ with the rate table. */
export function numeric(
  ctx: EvalContext,
  fact: string,
  unit?: string
): { value: number; converted?: ValueView["converted"] } | undefined {
  const raw = ctx.facts[fact];
  if (typeof raw === "number") return { value: raw };
  if (!isMoney(raw)) return undefined;
  if (!unit || unit === raw.currency || (unit !== "TWD" && unit !== "USD")) return { value: raw.amount };
  const rate = ctx.rates.find((r) => r.currency === "USD");
  if (!rate) return undefined;
  ctx.used.add(rate);
  const amount = unit === "TWD" ? raw.amount * rate.twdPerUnit : raw.amount / rate.twdPerUnit;
  const rounded = Math.round(amount * 100) / 100;
  return {
    value: rounded,
    converted: { amount: rounded, unit, rate: rate.twdPerUnit, rateObserved: rate.observed, rateSource: rate.source },
  };
}

export function threshold(ctx: EvalContext, leaf: Leaf): { value: unknown; unit?: string } {
  if (leaf.param) {
    const p = ctx.rs.parameters[leaf.param];
    return { value: p?.value, unit: p?.unit };
  }
  return { value: leaf.value };
}

export function compare(op: Op, left: number, right: number): boolean {
  if (op === "gte") return left >= right;
  if (op === "gt") return left > right;
  if (op === "lte") return left <= right;
  return left < right;
}

export function evalLeaf(ctx: EvalContext, leaf: Leaf): Tri {
  const raw = ctx.facts[leaf.fact];
  if (raw === undefined) return null;
  const t = threshold(ctx, leaf);
  switch (leaf.op) {
    case "exists":
      return true;
    case "eq":
      return raw === t.value;
    case "in":
      return Array.isArray(t.value) && (t.value as unknown[]).includes(raw);
    case "has":
      return Array.isArray(raw) && raw.includes(String(t.value));
    default: {
      const n = numeric(ctx, leaf.fact, t.unit);
      return n === undefined ? null : compare(leaf.op, n.value, Number(t.value));
    }
  }
}

/** Kleene three-valued logic: unknown only where an answer could still change the result. */
export function evalTest(ctx: EvalContext, test: Test): TestOutcome {
  if ("all" in test || "any" in test) {
    const isAll = "all" in test;
    const parts = (isAll ? test.all : test.any).map((t) => evalTest(ctx, t));
    const decisive = isAll ? false : true;
    if (parts.some((p) => p.value === decisive)) return { value: decisive, missing: [] };
    const unknown = parts.filter((p) => p.value === null);
    if (unknown.length) return { value: null, missing: [...new Set(unknown.flatMap((p) => p.missing))] };
    return { value: !decisive, missing: [] };
  }
  if ("not" in test) {
    const inner = evalTest(ctx, test.not);
    return { value: inner.value === null ? null : !inner.value, missing: inner.missing };
  }
  const value = evalLeaf(ctx, test);
  return { value, missing: value === null && ctx.facts[test.fact] === undefined ? [test.fact] : [] };
}

export function leaves(test: Test): Leaf[] {
  if ("all" in test) return test.all.flatMap(leaves);
  if ("any" in test) return test.any.flatMap(leaves);
  if ("not" in test) return leaves(test.not);
  return [test];
}

/** The leaf that explains a criterion best: a numeric comparison with the same result as the criterion (a failing
 * one when unmet, a passing one when met), else any leaf with that result, else the first numeric or plain one. */
export function explainingLeaf(ctx: EvalContext, test: Test, met: Tri): Leaf | undefined {
  const all = leaves(test);
  const numericLeaves = all.filter((l) => NUMERIC.includes(l.op));
  if (met !== null) {
    const same = numericLeaves.find((l) => evalLeaf(ctx, l) === met) ?? all.find((l) => evalLeaf(ctx, l) === met);
    if (same) return same;
  }
  return numericLeaves[0] ?? all.find((l) => l.op !== "has") ?? all[0];
}

/** How far a value is from a limit, in the limit's unit. A strict limit between whole numbers counts the step
 * that crosses it: age 30 on "under 30" is 1 year over, not 0. */
function gapAmount(op: Op, value: number, limit: number): number {
  const diff = op === "gte" || op === "gt" ? limit - value : value - limit;
  const strict = (op === "gt" || op === "lt") && Number.isInteger(value) && Number.isInteger(limit);
  return Math.round((strict ? diff + 1 : diff) * 100) / 100;
}

export function viewOf(
  ctx: EvalContext,
  leaf: Leaf
): { yourValue: ValueView | null; threshold: ThresholdView; gap: { amount: number; unit: string } | null } {
  const t = threshold(ctx, leaf);
  const th: ThresholdView = {
    fact: leaf.fact,
    op: leaf.op,
    value: t.value,
    unit: t.unit,
    ...(leaf.param ? { param: leaf.param } : {}),
  };
  const raw = ctx.facts[leaf.fact];
  if (raw === undefined) return { yourValue: null, threshold: th, gap: null };
  if (leaf.op === "has")
    return {
      yourValue: { fact: leaf.fact, value: Array.isArray(raw) && raw.includes(String(t.value)) },
      threshold: th,
      gap: null,
    };
  if (!NUMERIC.includes(leaf.op)) return { yourValue: { fact: leaf.fact, value: raw }, threshold: th, gap: null };
  const n = numeric(ctx, leaf.fact, t.unit);
  const yourValue: ValueView = {
    fact: leaf.fact,
    value: raw,
    ...(isMoney(raw) ? { unit: raw.currency } : t.unit ? { unit: t.unit } : {}),
    ...(n?.converted ? { converted: n.converted } : {}),
  };
  if (!n || compare(leaf.op, n.value, Number(t.value))) return { yourValue, threshold: th, gap: null };
  return {
    yourValue,
    threshold: th,
    gap: { amount: gapAmount(leaf.op, n.value, Number(t.value)), unit: t.unit ?? "" },
  };
}

/** One part of a combined criterion: its own result, value, threshold and gap. */
export interface PartView {
  status: "met" | "unmet" | "unknown";
  yourValue: ValueView | null;
  threshold: ThresholdView;
  gap: { amount: number; unit: string } | null;
}

/** Every comparison of a combined (all/any) test, so a page can show each part; empty for a single comparison. */
export function partsOf(ctx: EvalContext, test: Test): PartView[] {
  const all = leaves(test);
  if (all.length < 2) return [];
  return all.map((leaf) => {
    const value = evalLeaf(ctx, leaf);
    const view = viewOf(ctx, leaf);
    return { status: value === true ? "met" : value === false ? "unmet" : "unknown", ...view };
  });
}
