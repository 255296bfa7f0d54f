import { z } from "zod";
import { OPS, PATHWAYS } from "./rules.schema";

/** How a rule set stands in law; the API says "enacted" where the content files say "in-force". */
export const RULE_SET_STATUSES = ["enacted", "proposed", "criteria-pending", "draft"] as const;
export type ApiRuleSetStatus = (typeof RULE_SET_STATUSES)[number];
export const OUTCOMES = ["eligible", "possibly-eligible", "not-eligible", "not-applicable"] as const;
export const API_ERRORS = [
  "method-not-allowed",
  "unsupported-media-type",
  "payload-too-large",
  "invalid-json",
  "invalid-request",
  "invalid-lang",
] as const;

/** At most this many issues are listed; `issueCount` gives the total. */
export const MAX_ISSUES = 20;

const Rate = z
  .object({
    currency: z.literal("USD"),
    twdPerUnit: z.number(),
    observed: z.string(),
    source: z.string(),
    unverified: z.boolean(),
  })
  .strict();
const Gap = z
  .object({ amount: z.number(), unit: z.string() })
  .strict()
  .describe("How far the answer is from the threshold");
const CRITERION_STATUSES = ["met", "unmet", "unknown"] as const;

const Converted = z
  .object({ amount: z.number(), unit: z.string(), rate: z.number(), rateObserved: z.string(), rateSource: z.string() })
  .strict()
  .describe("Money converted to the threshold's currency with the dated rate");
const ValueView = z
  .object({
    fact: z.string(),
    value: z.unknown().optional(),
    unit: z.string().optional(),
    converted: Converted.optional(),
  })
  .strict();
const ThresholdView = z
  .object({
    fact: z.string(),
    op: z.enum(OPS),
    value: z.unknown().optional(),
    unit: z.string().optional(),
    param: z.string().optional(),
  })
  .strict();
const Part = z
  .object({
    status: z.enum(CRITERION_STATUSES),
    yourValue: ValueView.nullable(),
    threshold: ThresholdView,
    gap: Gap.nullable(),
  })
  .strict()
  .describe("One comparison of a combined criterion, with its own result, value, threshold and gap");
const PointsItem = z
  .object({
    id: z.string(),
    fact: z.string(),
    points: z
      .number()
      .nullable()
      .describe("Points the answer scores; null while unanswered or when the sources give no figure for it"),
    uncertain: z.boolean().describe("The answer falls in a row the sources do not give with confidence"),
  })
  .strict();

export const ApiCriterionSchema = z
  .object({
    id: z.string(),
    labelKey: z.string(),
    label: z.string().optional().describe("With ?lang"),
    trackId: z.string().nullable(),
    role: z.enum(["required", "route"]),
    status: z.enum(CRITERION_STATUSES),
    judgement: z.boolean().describe("An office judges the evidence: met gives at most possibly-eligible"),
    basis: z.enum(["enacted", "draft", "pending", "unverified"]),
    evidenceKey: z.string().optional(),
    evidence: z.string().optional().describe("With ?lang"),
    yourValue: ValueView.nullable(),
    threshold: ThresholdView.nullable(),
    gap: Gap.nullable(),
    sourceIds: z.array(z.string()),
    points: z
      .array(PointsItem)
      .optional()
      .describe("A points test: each scored item; yourValue is the total, threshold the pass mark"),
    parts: z.array(Part).optional().describe("A combined (all/any) test: every comparison, so no part hides another"),
  })
  .strict()
  .describe(
    "One criterion. New fields are added here when the evaluator gains them; clients should ignore fields they do not know"
  );

const Label = z
  .object({
    id: z.string(),
    status: z.enum(RULE_SET_STATUSES),
    sources: z.array(z.string()),
    text: z.string().optional().describe("With ?lang"),
  })
  .strict();

export const ApiRuleSetSchema = z
  .object({
    version: z.string(),
    status: z.enum(RULE_SET_STATUSES),
    effectiveFrom: z.string(),
    effectiveTo: z.string().nullable(),
    openForApplications: z.boolean(),
    labels: z.array(Label).describe("Measures marked proposed or criteria-pending, each with its sources"),
  })
  .strict()
  .describe("The rule set the evaluation used; null when no rules were in force on asOf");

const Lead = z
  .object({
    kind: z
      .enum(["qualifies", "nearest-miss", "reasons"])
      .describe("The route that qualifies, the nearest miss, or the reasons it cannot"),
    trackId: z.string().nullable().describe("The track those criteria belong to; null for criteria outside tracks"),
    criteria: z.array(z.string()).describe("Criterion ids to show first, in order"),
  })
  .strict();

export const ApiEvaluationSchema = z
  .object({
    pathway: z.enum(PATHWAYS),
    name: z.string().optional().describe("With ?lang"),
    outcome: z.enum(OUTCOMES),
    outcomeText: z.string().optional().describe("With ?lang"),
    complete: z.boolean().describe("False while an unanswered question could still change the outcome"),
    reason: z.enum(["not-in-force", "does-not-apply", "proposed", "criteria-pending", "no-track"]).optional(),
    ruleSetVersion: z.string().describe('The rule set\'s version; "none" when no rules were in force on asOf'),
    ruleSetStatus: z
      .enum(RULE_SET_STATUSES)
      .describe("The rule set's standing; enacted when no rules were in force (see ruleSet: null)"),
    ruleSet: ApiRuleSetSchema.nullable(),
    openForApplications: z.boolean(),
    tracks: z.array(
      z
        .object({
          id: z.string(),
          labelKey: z.string(),
          label: z.string().optional().describe("With ?lang"),
          outcome: z.enum([...OUTCOMES, "unknown"]),
        })
        .strict()
    ),
    criteria: z.array(ApiCriterionSchema),
    missingFacts: z.array(z.string()).describe("Question ids whose answers could still change the outcome"),
    ratesUsed: z.array(Rate),
    // A union, not .nullable(): the generator leaves null out of a nullable enum's values.
    qualifier: z
      .union([z.enum(["reviewer-decides", "not-open-yet", "answers-missing", "unconfirmed-criteria"]), z.null()])
      .describe("Why a possibly-eligible is not eligible; null for any other outcome"),
    lead: Lead.nullable().describe(
      "The criteria a result leads with; null while answers are missing or when the rules do not apply"
    ),
  })
  .strict()
  .describe(
    "One pathway's result. New fields are added here when the evaluator gains them; clients should ignore fields they do not know"
  );

export const EvaluationResponseSchema = z
  .object({
    asOf: z.string(),
    lang: z.string().optional(),
    evaluations: z.array(ApiEvaluationSchema),
    ratesUsed: z.array(Rate),
  })
  .strict();

export const IssueSchema = z.object({ path: z.string(), code: z.string(), message: z.string() });

export const ErrorResponseSchema = z.object({
  error: z.enum(API_ERRORS),
  issues: z.array(IssueSchema).max(MAX_ISSUES).optional(),
  issueCount: z.number().int().optional().describe("All issues found; only the first 20 are listed"),
  allowed: z.array(z.string()).optional(),
  expected: z.string().optional(),
  limitBytes: z.number().int().optional(),
});

const Option = z.object({
  value: z.string(),
  onlyWhen: z.object({ fact: z.string(), in: z.array(z.string()) }).optional(),
  label: z.string().optional(),
});

export const QuestionsResponseSchema = z.object({
  questions: z.array(
    z.object({
      id: z.string(),
      type: z.enum(["boolean", "enum", "multi", "number", "money"]),
      unit: z.string().optional(),
      min: z.number().optional(),
      max: z.number().optional(),
      integer: z.boolean().optional(),
      currencies: z.array(z.enum(["TWD", "USD"])).optional(),
      options: z.array(Option).optional(),
      question: z.string().optional().describe("With ?lang"),
    })
  ),
});

export const PathwaysResponseSchema = z.object({
  pathways: z.array(
    z.object({
      id: z.enum(PATHWAYS),
      name: z.string().optional(),
      summary: z.string().optional(),
      versions: z.array(
        z.object({
          version: z.string(),
          status: z.enum(RULE_SET_STATUSES),
          effectiveFrom: z.string(),
          effectiveTo: z.string().nullable(),
          lastReviewed: z.string(),
          openForApplications: z.boolean(),
          parameters: z.record(
            z.object({ value: z.union([z.number(), z.array(z.string())]), unit: z.string(), source: z.string() })
          ),
        })
      ),
    })
  ),
});
