import { describe, expect, it } from "vitest";
import { answersSchema, formSchema, valueSchema } from "~/modules/eligibility/facts.schema";
import { StartSchema } from "~/modules/eligibility/start.schema";
import { allFacts } from "~/modules/eligibility/rules.server";
import { langCodes } from "~/lib/i18n/config";
import { loadLocale } from "../../support/locales";

const fact = (id: string) => {
  const f = allFacts().find((x) => x.id === id);
  if (!f) throw new Error(id);
  return f;
};
const messages = (r: { success: boolean; error?: { issues: { message: string }[] } }) =>
  r.success ? [] : r.error!.issues.map((i) => i.message);

describe("answer schemas generated from facts.json", () => {
  it("accepts a complete, valid answer set", () => {
    const r = answersSchema(allFacts()).safeParse({
      identity: "foreign-other",
      age: 30,
      recentMonthlySalary: { amount: 160000, currency: "TWD" },
      goldCardClaims: ["digital.di4"],
      degreeFromTaiwan: true,
    });
    expect(r.success).toBe(true);
  });

  it.each([
    ["unknown question id", { favouriteColour: "blue" }, "unrecognized_keys"],
    ["negative money", { annualIncome: { amount: -1, currency: "USD" } }, "eligibility:errors.tooSmall"],
    ["absurd money (10^15)", { annualIncome: { amount: 1e15, currency: "USD" } }, "eligibility:errors.tooLarge"],
    ["a string for a number", { age: "thirty" }, "eligibility:errors.number"],
    ["a fractional age", { age: 30.5 }, "eligibility:errors.integer"],
    ["an unknown currency", { annualIncome: { amount: 1, currency: "EUR" } }, "eligibility:errors.currency"],
    ["an unknown option", { identity: "<script>alert(1)</script>" }, "eligibility:errors.choose"],
    ["SQL in an option", { highestDegree: "phd'; drop table eligibility_checks;--" }, "eligibility:errors.choose"],
    ["a non-boolean", { stayInsurance: "yes" }, "eligibility:errors.yesNo"],
  ])("rejects %s", (_name, answers, expected) => {
    const r = answersSchema(allFacts()).safeParse(answers);
    expect(r.success).toBe(false);
    const issues = r.success ? [] : r.error.issues.map((i) => (i.code === "unrecognized_keys" ? i.code : i.message));
    expect(issues).toContain(expected);
  });

  it("form schemas turn strings into typed values", () => {
    expect(formSchema(fact("age")).parse({ value: "35" })).toEqual({ value: 35 });
    expect(formSchema(fact("stayInsurance")).parse({ value: "no" })).toEqual({ value: false });
    expect(formSchema(fact("annualIncome")).parse({ amount: "1,200,000", currency: "TWD" })).toEqual({
      amount: 1200000,
      currency: "TWD",
    });
    expect(formSchema(fact("goldCardClaims")).parse({ value: ["none"] })).toEqual({ value: [] });
    expect(formSchema(fact("goldCardClaims")).parse({ value: "digital.di4" })).toEqual({ value: ["digital.di4"] });
  });

  it("form schemas give localized message keys for bad input", () => {
    expect(messages(formSchema(fact("age")).safeParse({}))).toEqual(["eligibility:facts.age.empty"]);
    expect(messages(formSchema(fact("age")).safeParse({ value: "abc" }))).toEqual(["eligibility:errors.integer"]);
    expect(messages(formSchema(fact("yearsExperience")).safeParse({ value: "many" }))).toEqual([
      "eligibility:errors.number",
    ]);
    expect(messages(formSchema(fact("recentMonthlySalary")).safeParse({ currency: "TWD" }))).toEqual([
      "eligibility:facts.recentMonthlySalary.empty",
    ]);
    expect(messages(formSchema(fact("recentMonthlySalary")).safeParse({ amount: "lots", currency: "TWD" }))).toEqual([
      "eligibility:errors.amount",
    ]);
    expect(messages(formSchema(fact("stayInsurance")).safeParse({}))).toEqual(["eligibility:errors.yesNo"]);
    expect(messages(formSchema(fact("yearsExperience")).safeParse({ value: "-2" }))).toEqual([
      "eligibility:errors.tooSmall",
    ]);
    expect(messages(formSchema(fact("identity")).safeParse({}))).toEqual(["eligibility:errors.choose"]);
    expect(messages(formSchema(fact("annualIncome")).safeParse({ amount: "1e15", currency: "USD" }))).toEqual([
      "eligibility:errors.tooLarge",
    ]);
    expect(messages(valueSchema(fact("goldCardClaims")).safeParse(["nope"]))).toEqual(["eligibility:errors.option"]);
  });

  it("every number and money question says what to enter when left empty, in every language", () => {
    for (const f of allFacts().filter((x) => x.type === "number" || x.type === "money")) {
      for (const lang of langCodes)
        expect(loadLocale(lang, "eligibility").get(`facts.${f.id}.empty`), `${lang} ${f.id}`).toBeTruthy();
    }
  });

  it("the start form accepts an empty or valid date and rejects others", () => {
    expect(StartSchema.safeParse({}).success).toBe(true);
    expect(StartSchema.safeParse({ asOf: "2025-06-01" }).success).toBe(true);
    expect(messages(StartSchema.safeParse({ asOf: "2025-02-30" }))).toEqual(["eligibility:errors.date"]);
    expect(messages(StartSchema.safeParse({ asOf: "yesterday" }))).toContain("eligibility:errors.date");
    expect(messages(StartSchema.safeParse({ asOf: "2019-01-01" }))).toEqual(["eligibility:errors.dateRange"]);
    expect(messages(StartSchema.safeParse({ asOf: "2999-01-01" }))).toEqual(["eligibility:errors.dateRange"]);
    expect(messages(StartSchema.safeParse({ asOf: "2025-12-32" }))).toEqual(["eligibility:errors.date"]);
  });
});
