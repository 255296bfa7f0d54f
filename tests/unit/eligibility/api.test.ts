import { describe, expect, it } from "vitest";
import { action, loader } from "~/routes/api.v1.eligibility";
import { loader as questions } from "~/routes/api.v1.eligibility.questions";
import { loader as pathways } from "~/routes/api.v1.pathways";

const url = "http://localhost/api/v1/eligibility";
const post = (body: string, headers: Record<string, string> = { "Content-Type": "application/json" }, query = "") =>
  action({ request: new Request(`${url}${query}`, { method: "POST", body, headers }), params: {}, context: {} } as never) as Promise<Response>;

describe("POST /api/v1/eligibility", () => {
  it("evaluates good input with the same evaluator as the wizard", async () => {
    const res = await post(JSON.stringify({ answers: { identity: "foreign-other", goldCardField: "digital", yearsExperience: 8 }, asOf: "2026-06-01" }));
    expect(res.status).toBe(200);
    const body = await res.json();
    expect(body.asOf).toBe("2026-06-01");
    expect(body.evaluations.find((e: { pathway: string }) => e.pathway === "gold-card")).toMatchObject({ outcome: "eligible", ruleSetVersion: "gold-card@2026-01-01" });
    expect(body.evaluations).toHaveLength(6);
  });

  it("gives wording with ?lang and filters pathways", async () => {
    const res = await post(JSON.stringify({ answers: { annualIncome: { amount: 7e6, currency: "TWD" } }, asOf: "2026-06-01", pathways: ["global-elite-card"] }), undefined, "?lang=zh-TW");
    const body = await res.json();
    expect(body.evaluations).toHaveLength(1);
    expect(body.evaluations[0]).toMatchObject({ name: "全球菁英卡", outcome: "possibly-eligible", ruleSetStatus: "criteria-pending" });
  });

  it.each([
    ["unknown question id", { answers: { shoeSize: 42 } }, "answers"],
    ["absurd salary", { answers: { recentMonthlySalary: { amount: 1e15, currency: "TWD" } } }, "answers.recentMonthlySalary.amount"],
    ["negative age", { answers: { age: -3 } }, "answers.age"],
    ["non-numeric", { answers: { age: "old" } }, "answers.age"],
    ["unknown pathway", { answers: {}, pathways: ["moon-visa"] }, "pathways.0"],
    ["missing answers", {}, "answers"],
    ["bad date", { answers: {}, asOf: "June" }, "asOf"],
  ])("400 with per-field errors: %s", async (_n, body, pathStr) => {
    const res = await post(JSON.stringify(body), undefined, "?lang=en");
    expect(res.status).toBe(400);
    const json = await res.json();
    expect(json.error).toBe("invalid-request");
    expect(json.issues.map((i: { path: string }) => i.path)).toContain(pathStr);
    expect(json.issues.every((i: { message: string }) => !i.message.startsWith("eligibility:"))).toBe(true);
  });

  it("400 for malformed JSON, 415 for another content type, 413 over 64 KB, 405 for GET", async () => {
    expect((await post("{nope")).status).toBe(400);
    const wrongType = await post("answers=1", { "Content-Type": "application/x-www-form-urlencoded" });
    expect([wrongType.status, (await wrongType.json()).error]).toEqual([415, "unsupported-media-type"]);
    const big = JSON.stringify({ answers: {}, padding: "x".repeat(70 * 1024) });
    const tooBig = await post(big, { "Content-Type": "application/json" });
    expect([tooBig.status, (await tooBig.json()).error]).toEqual([413, "payload-too-large"]);
    const get = loader() as Response;
    expect([get.status, get.headers.get("Allow")]).toEqual([405, "POST"]);
    expect((await post("{}", undefined, "?lang=xx")).status).toBe(400);
  });
});

describe("GET endpoints", () => {
  it("lists questions with types, allowed values and units", async () => {
    const res = (await questions({ request: new Request("http://localhost/api/v1/eligibility/questions?lang=en"), params: {}, context: {} } as never)) as Response;
    const body = await res.json();
    const salary = body.questions.find((q: { id: string }) => q.id === "recentMonthlySalary");
    expect(salary).toMatchObject({ type: "money", currencies: ["TWD", "USD"], min: 0 });
    expect(body.questions.find((q: { id: string }) => q.id === "identity").options.length).toBe(5);
  });
  it("lists pathways with dated versions", async () => {
    const res = (await pathways({ request: new Request("http://localhost/api/v1/pathways"), params: {}, context: {} } as never)) as Response;
    const body = await res.json();
    expect(body.pathways.map((p: { id: string }) => p.id)).toContain("graduate-points");
    expect(body.pathways.find((p: { id: string }) => p.id === "gold-card").versions.map((v: { effectiveFrom: string }) => v.effectiveFrom)).toEqual(["2023-05-05", "2026-01-01"]);
  });
});
