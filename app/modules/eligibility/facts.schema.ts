import { z } from "zod";

const OptionSchema = z.object({
  value: z.string(),
  when: z.object({ fact: z.string(), in: z.array(z.string()) }).optional(),
});

/** One question the wizard can ask; the answer schema is generated from it. */
export const FactSchema = z
  .object({
    id: z.string().regex(/^[a-zA-Z0-9]+$/),
    type: z.enum(["boolean", "enum", "multi", "number", "money"]),
    unit: z.string().optional(),
    options: z.array(OptionSchema).optional(),
    min: z.number().optional(),
    max: z.number().optional(),
    integer: z.boolean().optional(),
    currencies: z.array(z.enum(["TWD", "USD"])).optional(),
    /** Answers to clear when this one changes (they depend on it). */
    dependents: z.array(z.string()).optional(),
    questionKey: z.string().startsWith("eligibility:facts."),
    /** The applicant's word that the office judges on evidence: a rule reading it is a judgement (a reviewer decides). */
    reviewed: z.boolean().optional(),
  })
  .strict();
export const FactsFileSchema = z.object({ facts: z.array(FactSchema).min(1) });
export type Fact = z.infer<typeof FactSchema>;

export interface Money {
  amount: number;
  currency: "TWD" | "USD";
}
export type AnswerValue = boolean | string | string[] | number | Money;
export type Answers = Record<string, AnswerValue>;

/** Options a multi/enum question offers given the other answers (e.g. claims of the chosen field). */
export function optionsFor(fact: Fact, answers: Answers): string[] {
  return (fact.options ?? [])
    .filter((o) => !o.when || o.when.in.includes(String(answers[o.when.fact])))
    .map((o) => o.value);
}

/** The JSON value schema of one fact (API and storage). Messages are i18n keys. */
export function valueSchema(fact: Fact): z.ZodTypeAny {
  const values = (fact.options ?? []).map((o) => o.value);
  switch (fact.type) {
    case "boolean":
      return z.boolean({ message: "eligibility:errors.yesNo" });
    case "enum":
      return z.enum(values as [string, ...string[]], { message: "eligibility:errors.choose" });
    case "multi":
      return z
        .array(z.enum(values as [string, ...string[]], { message: "eligibility:errors.option" }), {
          message: "eligibility:errors.option",
        })
        .max(values.length);
    case "number":
      return numberSchema(fact);
    case "money":
      return z
        .object(
          {
            amount: numberSchema(fact),
            currency: z.enum(fact.currencies as ["TWD", "USD"], { message: "eligibility:errors.currency" }),
          },
          { message: "eligibility:errors.money" }
        )
        .strict();
  }
}

function numberSchema(fact: Fact) {
  let s = z.number({ message: "eligibility:errors.number" }).finite({ message: "eligibility:errors.number" });
  s = s
    .min(fact.min ?? 0, { message: "eligibility:errors.tooSmall" })
    .max(fact.max ?? 1e9, { message: "eligibility:errors.tooLarge" });
  return fact.integer ? s.int({ message: "eligibility:errors.integer" }) : s;
}

/** Chosen options that belong to another answer (an economy claim with a science field), with what they need. */
export function misplacedOptions(
  facts: Fact[],
  answers: Answers
): { path: (string | number)[]; needs: { fact: string; in: string[] } }[] {
  return facts.flatMap((fact) => {
    const chosen = answers[fact.id];
    const list = Array.isArray(chosen) ? chosen : typeof chosen === "string" ? [chosen] : [];
    return list.flatMap((value, i) => {
      const when = fact.options?.find((o) => o.value === value)?.when;
      if (!when || when.in.includes(String(answers[when.fact]))) return [];
      return [{ path: Array.isArray(chosen) ? [fact.id, i] : [fact.id], needs: when }];
    });
  });
}

/** The request/storage schema: known fact ids only, each optional. */
export function answersSchema(facts: Fact[]) {
  return z.object(Object.fromEntries(facts.map((f) => [f.id, valueSchema(f).optional()]))).strict();
}

const numeric = (v: unknown) =>
  typeof v === "string" && v.trim() !== "" ? Number(v.replace(/[,\s]/g, "")) : undefined;

/** A typed number: empty says what to enter ("Enter your age"), text says how to write it. */
function typedNumber(fact: Fact) {
  const format =
    fact.type === "money"
      ? "eligibility:errors.amount"
      : fact.integer
      ? "eligibility:errors.integer"
      : "eligibility:errors.number";
  return z.number({ required_error: `eligibility:facts.${fact.id}.empty`, invalid_type_error: format });
}

/** The form schema of one question page: strings in, the fact's JSON value out. */
export function formSchema(fact: Fact) {
  const value = valueSchema(fact);
  switch (fact.type) {
    case "boolean":
      return z.object({ value: z.preprocess((v) => (v === "yes" ? true : v === "no" ? false : undefined), value) });
    case "multi":
      return z.object({
        value: z.preprocess(
          (v) => (v === undefined ? [] : Array.isArray(v) ? v : [v]).filter((x) => x !== "none"),
          value
        ),
      });
    case "number":
      return z.object({ value: z.preprocess(numeric, typedNumber(fact).pipe(value)) });
    case "money":
      return z.object({
        amount: z.preprocess(
          numeric,
          typedNumber(fact).pipe(value instanceof z.ZodObject ? value.shape.amount : z.number())
        ),
        currency: z.enum(fact.currencies as ["TWD", "USD"], { message: "eligibility:errors.currency" }),
      });
    default:
      return z.object({ value });
  }
}
