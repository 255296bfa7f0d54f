import { z } from "zod";
import { OPS, PATHWAYS } from "./rules.schema";

/** How a rule set stands in law; the API says "enacted" where the content files say "in-force". */
export const RULE_SET_STATUSES = ["enacted", "proposed", "criteria-pending", "draft"] as const;
export type ApiRuleSetStatus = (typeof RULE_SET_STATUSES)[number];
export const OUTCOMES = ["eligible", "possibly-eligible", "not-eligible", "not-applicable"] as const;
export const API_ERRORS = ["method-not-allowed", "unsupported-media-type", "payload-too-large", "invalid-json", "invalid-request", "invalid-lang"] as const;

/** At most this many issues are listed; `issueCount` gives the total. */
export const MAX_ISSUES = 20;

const Rate = z.object({ currency: z.literal("USD"), twdPerUnit: z.number(), observed: z.string(), source: z.string(), unverified: z.boolean() });
const Gap = z.object({ amount: z.number(), unit: z.string() }).describe("How far the answer is from the threshold");

const ValueView = z
  .object({
    fact: z.string(),
    value: z.unknown().optional(),
    unit: z.string().optional(),
    converted: z.object({ amount: z.number(), unit: z.string(), rate: z.number(), rateObserved: z.string(), rateSource: z.string() }).optional(),
  })
  .passthrough();
const ThresholdView = z.object({ fact: z.string(), op: z.enum(OPS), value: z.unknown().optional(), unit: z.string().optional(), param: z.string().optional() }).passthrough();

export const ApiCriterionSchema = z
  .object({
    id: z.string(),
    labelKey: z.string(),
    label: z.string().optional().describe("With ?lang"),
    trackId: z.string().nullable().optional(),
    role: z.enum(["required", "route"]).optional(),
    status: z.enum(["met", "unmet", "unknown"]),
    judgement: z.boolean().optional().describe("An office judges the evidence: met gives at most possibly-eligible"),
    basis: z.enum(["enacted", "draft", "pending", "unverified"]).optional(),
    evidenceKey: z.string().optional(),
    evidence: z.string().optional().describe("With ?lang"),
    yourValue: ValueView.nullable().optional(),
    threshold: ThresholdView.nullable().optional(),
    gap: Gap.nullable().optional(),
    sourceIds: z.array(z.string()),
  })
  .passthrough()
  .describe("One criterion; further explanation fields may be added without a new API version");

const Label = z.object({ id: z.string(), status: z.enum(RULE_SET_STATUSES), sources: z.array(z.string()), text: z.string().optional().describe("With ?lang") });

export const ApiRuleSetSchema = z
  .object({
    version: z.string(),
    status: z.enum(RULE_SET_STATUSES),
    effectiveFrom: z.string(),
    effectiveTo: z.string().nullable(),
    openForApplications: z.boolean(),
    labels: z.array(Label).describe("Measures marked proposed or criteria-pending, each with its sources"),
  })
  .describe("The rule set the evaluation used; null when no rules were in force on asOf");

export const ApiEvaluationSchema = z
  .object({
    pathway: z.enum(PATHWAYS),
    name: z.string().optional().describe("With ?lang"),
    outcome: z.enum(OUTCOMES),
    outcomeText: z.string().optional().describe("With ?lang"),
    complete: z.boolean().describe("False while an unanswered question could still change the outcome"),
    reason: z.string().optional(),
    ruleSetVersion: z.string(),
    ruleSet: ApiRuleSetSchema.nullable(),
    openForApplications: z.boolean(),
    tracks: z.array(z.object({ id: z.string(), labelKey: z.string(), label: z.string().optional(), outcome: z.string() }).passthrough()),
    criteria: z.array(ApiCriterionSchema),
    missingFacts: z.array(z.string()).describe("Question ids whose answers could still change the outcome"),
    ratesUsed: z.array(Rate),
  })
  .passthrough();

export const EvaluationResponseSchema = z.object({
  asOf: z.string(),
  lang: z.string().optional(),
  evaluations: z.array(ApiEvaluationSchema),
  ratesUsed: z.array(Rate),
});

export const IssueSchema = z.object({ path: z.string(), code: z.string(), message: z.string() });

export const ErrorResponseSchema = z.object({
  error: z.enum(API_ERRORS),
  issues: z.array(IssueSchema).max(MAX_ISSUES).optional(),
  issueCount: z.number().int().optional().describe("All issues found; only the first 20 are listed"),
  allowed: z.array(z.string()).optional(),
  expected: z.string().optional(),
  limitBytes: z.number().int().optional(),
});

const Option = z.object({ value: z.string(), onlyWhen: z.object({ fact: z.string(), in: z.array(z.string()) }).optional(), label: z.string().optional() });

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
    }),
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
          parameters: z.record(z.object({ value: z.union([z.number(), z.array(z.string())]), unit: z.string(), source: z.string() })),
        }),
      ),
    }),
  ),
});
