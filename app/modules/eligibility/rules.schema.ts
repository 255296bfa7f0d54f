import { z } from "zod";

export const PATHWAYS = [
  "gold-card",
  "global-elite-card",
  "digital-nomad",
  "professional-work-permit",
  "mid-level-skilled",
  "graduate-points",
] as const;
export type PathwayId = (typeof PATHWAYS)[number];

/** True for a real calendar date written YYYY-MM-DD ("2026-02-30" is not one). */
export function isCalendarDate(d: string): boolean {
  if (!/^\d{4}-\d{2}-\d{2}$/.test(d)) return false;
  const date = new Date(`${d}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().startsWith(d);
}

export const isoDate = z.string().refine(isCalendarDate, { message: "eligibility:errors.date" });

const scalar = z.union([z.string(), z.number(), z.boolean()]);
export type Scalar = z.infer<typeof scalar>;

export const OPS = ["eq", "in", "has", "gte", "gt", "lte", "lt", "exists"] as const;
export type Op = (typeof OPS)[number];

/** A comparison of one fact with a literal `value` or a named `param` of the rule set. */
export interface Leaf {
  fact: string;
  op: Op;
  value?: Scalar | Scalar[] | null;
  param?: string;
}
export type Test = { all: Test[] } | { any: Test[] } | { not: Test } | Leaf;

const LeafSchema = z
  .object({
    fact: z.string(),
    op: z.enum(OPS),
    value: z
      .union([scalar, z.array(scalar)])
      .nullable()
      .optional(),
    param: z.string().optional(),
  })
  .strict();
export const TestSchema: z.ZodType<Test> = z.lazy(() =>
  z.union([
    z.object({ all: z.array(TestSchema).min(1) }).strict(),
    z.object({ any: z.array(TestSchema).min(1) }).strict(),
    z.object({ not: TestSchema }).strict(),
    LeafSchema,
  ])
);

/** A named threshold with its unit and the source that gives it. */
const ParameterSchema = z
  .object({ value: z.union([z.number(), z.array(z.string())]), unit: z.string(), source: z.string() })
  .strict();

const TierSchema = z.object({
  when: z.object({ op: z.enum(["eq", "gte"]), value: scalar }),
  points: z.number().int().nullable(),
});
/** A scored item of a points test; a tier with `points: null` is one the sources do not give with confidence. */
const PointsItemSchema = z.object({
  id: z.string(),
  fact: z.string(),
  unit: z.string().optional(),
  sources: z.array(z.string()).min(1),
  tiers: z.array(TierSchema).min(1),
});

export const CriterionSchema = z
  .object({
    id: z.string().regex(/^[a-z0-9.-]+$/),
    labelKey: z.string().startsWith("eligibility:criteria."),
    test: TestSchema.optional(),
    points: z.object({ items: z.array(PointsItemSchema).min(1), threshold: z.string() }).optional(),
    sources: z.array(z.string()).min(1),
    /** A person must judge the evidence: met means "likely eligible, a reviewer decides", never "eligible". */
    judgement: z.boolean().optional(),
    evidenceKey: z.string().optional(),
    /** Anything but enacted (draft, pending, unverified) can only make the outcome "possibly eligible". */
    basis: z.enum(["enacted", "draft", "pending", "unverified"]).optional(),
  })
  .strict()
  .refine((c) => Boolean(c.test) !== Boolean(c.points), "a criterion has exactly one of test or points");
export type Criterion = z.infer<typeof CriterionSchema>;

const TrackSchema = z
  .object({
    id: z.string(),
    labelKey: z.string(),
    when: TestSchema.optional(),
    required: z.array(CriterionSchema),
    routes: z.array(CriterionSchema),
  })
  .strict();
export type Track = z.infer<typeof TrackSchema>;

const Cited = z.object({ id: z.string(), sources: z.array(z.string()).min(1) });

export const RuleSetSchema = z
  .object({
    pathway: z.enum(PATHWAYS),
    version: z.string(),
    /** in-force (enacted), proposed (a bill), criteria-pending (enacted, details to come), draft (a ministry draft). */
    status: z.enum(["in-force", "proposed", "criteria-pending", "draft"]),
    effectiveFrom: isoDate,
    effectiveTo: isoDate.nullable(),
    lastReviewed: isoDate,
    openForApplications: z.boolean(),
    appliesWhen: TestSchema.optional(),
    parameters: z.record(ParameterSchema),
    required: z.array(CriterionSchema),
    tracks: z.array(TrackSchema),
    /** A document with `onlyFor` is needed only on those routes (criterion ids); one with `notFor` on all others. */
    documents: z.array(
      Cited.extend({ onlyFor: z.array(z.string()).optional(), notFor: z.array(z.string()).optional() }).strict()
    ),
    benefits: z.array(Cited.extend({ params: z.array(z.string()).optional() })),
    fees: z.array(
      Cited.extend({ amounts: z.record(z.number().int().nonnegative()), currency: z.enum(["TWD", "USD"]) })
    ),
    officialLinks: z.array(z.object({ id: z.string(), url: z.string().url() })),
    labels: z.array(Cited.extend({ status: z.enum(["proposed", "criteria-pending", "in-force"]) })).optional(),
    /** Items in the reference we could not encode (unknown or low-confidence wording). */
    notEncoded: z.array(z.string()),
  })
  .strict();
export type RuleSet = z.infer<typeof RuleSetSchema>;

export const SourceSchema = z.object({
  url: z.string().url().nullable(),
  publisher: z.string(),
  title: z.string(),
  section: z.string().optional(),
  /** The day we last checked the source (not its publication date). */
  retrievedOn: isoDate,
  /** The source's own publication or amendment date, where it gives one. */
  publishedOn: isoDate.optional(),
  unverified: z.boolean().optional(),
});
export const SourcesFileSchema = z.object({ sources: z.record(SourceSchema) });
export type Source = z.infer<typeof SourceSchema>;

/** Dated exchange rates, each with its source; a rate more than `maxAgeDays` older than the "as of" date is marked. */
export const RatesFileSchema = z.object({
  maxAgeDays: z.number().int().positive(),
  rates: z
    .array(
      z
        .object({
          currency: z.literal("USD"),
          twdPerUnit: z.number().positive(),
          observed: isoDate,
          source: z.string(),
          unverified: z.boolean(),
        })
        .strict()
    )
    .min(1),
});
export type RatesFile = z.infer<typeof RatesFileSchema>;
export type Rate = z.infer<typeof RatesFileSchema>["rates"][number];

export const ScenariosFileSchema = z.object({
  scenarios: z.array(
    z.object({
      name: z.string(),
      asOf: isoDate,
      facts: z.record(z.unknown()),
      expected: z.object({
        outcome: z.enum(["eligible", "possibly-eligible", "not-eligible", "not-applicable"]),
        qualifier: z
          .enum(["reviewer-decides", "not-open-yet", "answers-missing", "unconfirmed-criteria"])
          .nullable()
          .optional(),
        ruleSetStatus: z.enum(["enacted", "proposed", "criteria-pending", "draft"]).optional(),
        criteria: z.record(z.enum(["met", "unmet", "unknown"])).optional(),
        /** Criterion id → the gap shown (an upper limit counts what is over it). */
        gaps: z.record(z.number()).optional(),
        /** Criterion id → each part's status, for combined (all/any) criteria. */
        parts: z.record(z.array(z.enum(["met", "unmet", "unknown"]))).optional(),
        /** The criteria the result leads with (the route that qualifies or the nearest miss). */
        lead: z.array(z.string()).optional(),
        points: z.number().optional(),
      }),
    })
  ),
});
