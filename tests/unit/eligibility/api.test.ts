import SwaggerParser from "@apidevtools/swagger-parser";
import { afterAll, describe, expect, it } from "vitest";
import { MAX_ISSUES } from "~/modules/eligibility/api.schema";
import { allPathways } from "~/modules/eligibility/rules.server";
import { EARLIEST_AS_OF, latestAsOf } from "~/modules/eligibility/start.schema";
import { action, loader } from "~/routes/api.v1.eligibility";
import { loader as questions } from "~/routes/api.v1.eligibility.questions";
import { loader as openapi } from "~/routes/api.v1.openapi[.]json";
import { loader as pathways } from "~/routes/api.v1.pathways";
import { documentedResponses, responseProblems } from "../../support/openapi";

type Json = Record<string, any>; // eslint-disable-line @typescript-eslint/no-explicit-any
const seen = new Set<string>();

/** Calls the real route handler and checks the response against the OpenAPI document. */
async function call(method: "get" | "post", path: string, run: () => Promise<Response> | Response) {
  const res = await run();
  const text = await res.text();
  const body = JSON.parse(text) as Json;
  seen.add(`${method} ${path} ${res.status}`);
  expect(await responseProblems(method, path, res.status, body)).toEqual([]);
  return { status: res.status, body, bytes: Buffer.byteLength(text), headers: res.headers };
}

const base = "http://localhost";
const JSON_TYPE = { "Content-Type": "application/json" };
const post = (body: string, headers: Record<string, string> = JSON_TYPE, query = "") =>
  call(
    "post",
    "/api/v1/eligibility",
    () =>
      action({
        request: new Request(`${base}/api/v1/eligibility${query}`, { method: "POST", body, headers }),
        params: {},
        context: {},
      } as never) as Promise<Response>
  );
const evaluate = (body: unknown, query = "") => post(JSON.stringify(body), JSON_TYPE, query);
const get = (path: string, handler: (args: never) => unknown) =>
  call(
    "get",
    path.replace(/\?.*/, ""),
    () => handler({ request: new Request(`${base}${path}`), params: {}, context: {} } as never) as Promise<Response>
  );
const byPathway = (body: Json, id: string) => body.evaluations.find((e: { pathway: string }) => e.pathway === id);
const paths = (body: Json) => body.issues.map((i: { path: string }) => i.path);

describe("POST /api/v1/eligibility", () => {
  it("evaluates good input with the same evaluator as the wizard", async () => {
    const { status, body } = await evaluate({
      answers: { identity: "foreign-other", goldCardField: "digital", yearsExperience: 8 },
      asOf: "2026-06-01",
    });
    expect(status).toBe(200);
    expect(body.asOf).toBe("2026-06-01");
    expect(byPathway(body, "gold-card")).toMatchObject({ outcome: "eligible", ruleSetVersion: "gold-card@2026-01-01" });
    expect(body.evaluations).toHaveLength(6);
  });

  it("gives wording with ?lang and filters pathways", async () => {
    const { body } = await evaluate(
      {
        answers: { annualIncome: { amount: 7e6, currency: "TWD" } },
        asOf: "2026-06-01",
        pathways: ["global-elite-card"],
      },
      "?lang=zh-TW"
    );
    expect(body.evaluations).toHaveLength(1);
    expect(body.evaluations[0]).toMatchObject({
      name: "全球菁英卡",
      outcome: "possibly-eligible",
      ruleSetStatus: "criteria-pending",
    });
  });

  it("gives every evaluation its rule set's status and labels proposed measures", async () => {
    const now = await evaluate({ answers: { identity: "foreign-other" }, asOf: "2026-06-01" }, "?lang=en");
    for (const e of now.body.evaluations)
      expect(["enacted", "proposed", "criteria-pending", "draft"]).toContain(e.ruleSet.status);
    expect(byPathway(now.body, "gold-card").ruleSet).toMatchObject({
      version: "gold-card@2026-01-01",
      status: "enacted",
      openForApplications: true,
      labels: [],
    });
    const elite = byPathway(now.body, "global-elite-card").ruleSet;
    expect(elite).toMatchObject({ status: "criteria-pending", openForApplications: false });
    expect(elite.labels.find((l: Json) => l.id === "card")).toMatchObject({
      status: "proposed",
      text: expect.stringContaining("proposed"),
    });
    const before = await evaluate({
      answers: {},
      asOf: "2025-06-01",
      pathways: ["global-elite-card", "digital-nomad"],
    });
    expect(before.body.evaluations.map((e: Json) => [e.pathway, e.ruleSet.status])).toEqual([
      ["global-elite-card", "proposed"],
      ["digital-nomad", "enacted"],
    ]);
    expect(byPathway(before.body, "global-elite-card").ruleSet.labels[0]).not.toHaveProperty("text");
  });

  it("says there was no rule set when a pathway had none in force on asOf", async () => {
    const { body } = await evaluate({
      answers: {},
      asOf: "2022-01-01",
      pathways: ["gold-card", "professional-work-permit"],
    });
    expect(byPathway(body, "gold-card")).toMatchObject({
      outcome: "not-applicable",
      reason: "not-in-force",
      ruleSet: null,
    });
    expect(byPathway(body, "professional-work-permit").ruleSet.status).toBe("enacted");
  });

  it.each([
    ["2025-12-32"],
    ["2026-02-30"],
    ["2025-02-29"],
    ["2026-13-01"],
    ["2026-00-10"],
    ["26-01-01"],
    ["2026-1-1"],
    ["June"],
  ])("refuses the impossible date %s", async (asOf) => {
    const { status, body } = await evaluate({ answers: {}, asOf }, "?lang=en");
    expect(status).toBe(400);
    expect(body.issues).toEqual([
      expect.objectContaining({ path: "asOf", message: "Enter a real date as year-month-day, like 2025-06-01" }),
    ]);
  });

  it("accepts dates from the first rule set to the horizon, and refuses others", async () => {
    const tomorrowOfLatest = new Date(`${latestAsOf()}T00:00:00Z`);
    tomorrowOfLatest.setUTCDate(tomorrowOfLatest.getUTCDate() + 1);
    for (const asOf of ["2999-01-01", "2021-10-24", "1999-12-31", tomorrowOfLatest.toISOString().slice(0, 10)]) {
      const { status, body } = await evaluate({ answers: {}, asOf }, "?lang=en");
      expect([asOf, status, body.issues?.[0]?.message]).toEqual([
        asOf,
        400,
        "Enter a date from 2021-10-25 up to 2 years after today",
      ]);
    }
    for (const asOf of [EARLIEST_AS_OF, "2024-02-29", latestAsOf()])
      expect((await evaluate({ answers: {}, asOf })).status).toBe(200);
    expect(latestAsOf("2026-12-02")).toBe("2028-12-02");
    expect(latestAsOf("2028-02-29")).toBe("2030-02-28");
  });

  it("starts the range at the first rule set's effective date", () => {
    const first = allPathways()
      .flatMap((p) => p.versions.map((v) => v.effectiveFrom))
      .sort()[0];
    expect(first).toBe(EARLIEST_AS_OF);
  });

  it("checks claims against the chosen field", async () => {
    const economy = await evaluate(
      { answers: { goldCardField: "science-technology", goldCardClaims: ["science-technology.st2", "economy.ec2"] } },
      "?lang=en"
    );
    expect(economy.status).toBe(400);
    expect(economy.body.issues).toEqual([
      {
        path: "answers.goldCardClaims.1",
        code: "custom",
        message: "This option only applies when goldCardField is economy",
      },
    ]);
    const noField = await evaluate({ answers: { goldCardClaims: ["economy.ec2"] } }, "?lang=ja");
    expect([noField.status, paths(noField.body)]).toEqual([400, ["answers.goldCardClaims.0"]]);
    expect(noField.body.issues[0].message).toContain("goldCardField");
    const fits = await evaluate({
      answers: { goldCardField: "economy", goldCardClaims: ["economy.ec2"] },
      asOf: "2026-06-01",
    });
    expect(fits.status).toBe(200);
  });

  it.each([
    ["unknown question id", { answers: { shoeSize: 42 } }, "answers"],
    [
      "absurd salary",
      { answers: { recentMonthlySalary: { amount: 1e15, currency: "TWD" } } },
      "answers.recentMonthlySalary.amount",
    ],
    ["negative age", { answers: { age: -3 } }, "answers.age"],
    ["non-numeric", { answers: { age: "old" } }, "answers.age"],
    ["unknown pathway", { answers: {}, pathways: ["moon-visa"] }, "pathways.0"],
    ["a pathway twice", { answers: {}, pathways: ["gold-card", "gold-card"] }, "pathways"],
    ["missing answers", {}, "answers"],
  ])("400 with per-field errors: %s", async (_n, body, pathStr) => {
    const res = await evaluate(body, "?lang=en");
    expect(res.status).toBe(400);
    expect(res.body.error).toBe("invalid-request");
    expect(paths(res.body)).toContain(pathStr);
    expect(res.body.issues.every((i: { message: string }) => !i.message.startsWith("eligibility:"))).toBe(true);
  });

  it("bounds the response of a large request: issues are capped, pathways listed once", async () => {
    const claims = Array.from({ length: 6000 }, (_, i) => `x${i}`);
    const manyIssues = await evaluate({ answers: { goldCardClaims: claims } }, "?lang=th");
    expect(manyIssues.status).toBe(400);
    expect(manyIssues.body.issues).toHaveLength(MAX_ISSUES);
    expect(manyIssues.body.issueCount).toBeGreaterThan(6000);
    expect(manyIssues.bytes).toBeLessThan(8 * 1024);
    const repeated = JSON.stringify({ answers: {}, pathways: Array(5000).fill("gold-card") });
    expect(repeated.length).toBeGreaterThan(60_000);
    const dup = await post(repeated, JSON_TYPE, "?lang=en");
    expect([dup.status, dup.bytes < 8 * 1024]).toEqual([400, true]);
    const keys = JSON.stringify({ answers: Object.fromEntries(Array.from({ length: 4000 }, (_, i) => [`k${i}`, 1])) });
    const unknownKeys = await post(keys, JSON_TYPE);
    expect([unknownKeys.status, unknownKeys.bytes < 8 * 1024]).toEqual([400, true]);
  });

  it("keeps the largest answer below 256 KB", async () => {
    const answers = {
      identity: "foreign-other",
      age: 25,
      highestDegree: "phd",
      goldCardField: "science-technology",
      goldCardClaims: ["science-technology.st2"],
      recentMonthlySalary: { amount: 5000, currency: "USD" },
      annualIncome: { amount: 30000, currency: "USD" },
    };
    const { status, bytes } = await evaluate({ answers, asOf: "2026-06-01" }, "?lang=th");
    expect(status).toBe(200);
    expect(bytes).toBeLessThan(256 * 1024);
  });

  it("documents every field it returns: an undocumented one fails the check", async () => {
    const graduate = {
      degreeFromTaiwan: true,
      hasTaiwanOffer: true,
      offerMonthlySalary: { amount: 47971, currency: "TWD" },
      yearsExperience: 0,
      positionQualification: true,
      chineseLevel: "lower-or-none",
      policyEmployer: false,
      scholarshipOrTopGrades: false,
    };
    const answers = {
      ...graduate,
      identity: "foreign-other",
      age: 25,
      highestDegree: "master",
      recentMonthlySalary: { amount: 5000, currency: "USD" },
      annualIncome: { amount: 30000, currency: "USD" },
    };
    const { body } = await evaluate({ answers, asOf: "2026-06-01" }, "?lang=en");
    const criteria = body.evaluations.flatMap((e: Json) => e.criteria);
    expect(criteria.some((c: Json) => c.parts?.length)).toBe(true);
    expect(criteria.some((c: Json) => c.points?.length)).toBe(true);
    expect(body.evaluations.some((e: Json) => e.lead?.criteria.length)).toBe(true);
    expect(body.evaluations.some((e: Json) => e.qualifier !== null)).toBe(true);
    const problems = (mutate: (b: Json) => void) => {
      const copy = structuredClone(body);
      mutate(copy);
      return responseProblems("post", "/api/v1/eligibility", 200, copy);
    };
    const extra = "must NOT have additional properties";
    expect(await problems((b) => (b.evaluations[0].undocumented = 1))).toEqual([expect.stringContaining(extra)]);
    const partOf = (b: Json) =>
      b.evaluations.flatMap((e: Json) => e.criteria).find((c: Json) => c.parts?.length).parts[0];
    expect(await problems((b) => (partOf(b).undocumented = 1))).toEqual([expect.stringContaining(extra)]);
    expect(await problems((b) => (b.evaluations[0].lead = { kind: "best" }))).not.toEqual([]);
  });

  it("400 for malformed JSON, 415 for another content type, 413 over 64 KB, 405 for GET", async () => {
    expect((await post("{nope")).status).toBe(400);
    const wrongType = await post("answers=1", { "Content-Type": "application/x-www-form-urlencoded" });
    expect([wrongType.status, wrongType.body.error]).toEqual([415, "unsupported-media-type"]);
    const tooBig = await post(JSON.stringify({ answers: {}, padding: "x".repeat(70 * 1024) }));
    expect([tooBig.status, tooBig.body.error]).toEqual([413, "payload-too-large"]);
    const justOver = await post(JSON.stringify({ answers: {}, padding: "x".repeat(64 * 1024) }));
    expect(justOver.status).toBe(413);
    const got = await call("get", "/api/v1/eligibility", () => loader() as Response);
    expect([got.status, got.headers.get("Allow")]).toEqual([405, "POST"]);
    expect((await post("{}", undefined, "?lang=xx")).status).toBe(400);
  });
});

describe("GET endpoints", () => {
  it("lists questions with types, allowed values and units", async () => {
    const { body } = await get("/api/v1/eligibility/questions?lang=en", questions);
    const salary = body.questions.find((q: { id: string }) => q.id === "recentMonthlySalary");
    expect(salary).toMatchObject({ type: "money", currencies: ["TWD", "USD"], min: 0 });
    expect(body.questions.find((q: { id: string }) => q.id === "identity").options.length).toBe(5);
    expect((await get("/api/v1/eligibility/questions?lang=xx", questions)).status).toBe(400);
  });

  it("lists pathways with dated versions and their status", async () => {
    const { body } = await get("/api/v1/pathways", pathways);
    expect(body.pathways.map((p: { id: string }) => p.id)).toContain("graduate-points");
    const gold = body.pathways.find((p: { id: string }) => p.id === "gold-card");
    expect(gold.versions.map((v: { effectiveFrom: string }) => v.effectiveFrom)).toEqual(["2023-05-05", "2026-01-01"]);
    expect(gold.versions[1].status).toBe("enacted");
    expect((await get("/api/v1/pathways?lang=xx", pathways)).status).toBe(400);
  });
});

describe("OpenAPI document", () => {
  it("is served as valid OpenAPI 3.1 that states the date range and limits", async () => {
    const { status, body } = await get("/api/v1/openapi.json", openapi);
    expect(status).toBe(200);
    expect(body.openapi).toBe("3.1.0");
    await expect(SwaggerParser.validate(structuredClone(body) as never)).resolves.toBeTruthy();
    const asOf = body.components.schemas.EvaluationRequest.properties.asOf;
    expect(asOf.description).toContain(EARLIEST_AS_OF);
    expect(asOf.pattern).toBe("^\\d{4}-\\d{2}-\\d{2}$");
    expect(body.info.description).toContain("64 KB");
  });
});

afterAll(async () => {
  // Every documented response was produced (and checked against the document) by a test above.
  expect([...seen].sort()).toEqual((await documentedResponses()).sort());
});

describe("answers are bounded (no amplification)", () => {
  const pathwayIds = [
    "gold-card",
    "global-elite-card",
    "work-permit",
    "employment-gold-card",
    "job-seeking",
    "graduate-points",
  ];
  it.each([
    ["one pathway repeated", { answers: {}, pathways: Array.from({ length: 5000 }, () => "gold-card") }],
    ["unknown pathways", { answers: {}, pathways: Array.from({ length: 6000 }, () => "nope") }],
    ["unknown answers", { answers: Object.fromEntries(Array.from({ length: 5000 }, (_, i) => [`x${i}`, 1])) }],
    ["bad values", { answers: { age: -1, yearsExperience: "x" }, pathways: [...pathwayIds, ...pathwayIds] }],
  ])("a request under 64 KB gets an answer under 64 KB: %s", async (_name, body) => {
    const text = JSON.stringify(body);
    expect(text.length).toBeLessThan(64 * 1024);
    const res = await post(text, JSON_TYPE, "?lang=en");
    expect(res.status).toBeLessThan(500);
    expect(res.bytes).toBeLessThan(64 * 1024);
  });

  it("lists at most 20 issues and says how many there were", async () => {
    const { body } = await post(JSON.stringify({ answers: {}, pathways: Array.from({ length: 300 }, () => "nope") }));
    expect(body.issues).toHaveLength(20);
    expect(body.issueCount).toBeGreaterThan(20);
  });
});
