import { readFileSync } from "node:fs";
import { describe, expect, expectTypeOf, it } from "vitest";
import type { CaseStatus as DbCaseStatus } from "~db/schema";
import { caseStatuses, nextStepKey, stepOf, timelineSteps, type CaseStatus } from "~/modules/cases/case-status";
import { pathwayIds } from "~/modules/cases/cases.schema";
import { PathwayContentSchema } from "~/modules/cases/pathway-content.schema";

const content = PathwayContentSchema.parse(JSON.parse(readFileSync("content/cases/pathways.json", "utf8")));
const words = (lang: string) =>
  JSON.parse(readFileSync(`locales/${lang}/cases.json`, "utf8")) as Record<string, Record<string, unknown>>;

describe("case content and words", () => {
  it("lists every pathway once, each fact with a source", () => {
    expect(content.pathways.map((p) => p.id).sort()).toEqual([...pathwayIds].sort());
    const gold = content.pathways.find((p) => p.id === "gold-card")!;
    expect(gold.stageSources.map((id) => content.sources[id]!.url)).toEqual([
      "https://goldcard.nat.gov.tw/en/faq/how-long-does-the-application-take/",
    ]);
  });

  it.each(["en", "zh-TW"])("has %s words for every status, step, checklist item and stage", (lang) => {
    const w = words(lang);
    for (const s of caseStatuses) expect(w.status?.[s], s).toBeTruthy();
    for (const s of timelineSteps("application")) expect(w.timeline?.[s], s).toBeTruthy();
    for (const p of content.pathways) {
      for (const item of p.checklist) expect(w.checklist?.[item], item).toBeTruthy();
      for (const stage of p.governmentStages)
        expect((w.durations?.stages as Record<string, string>)[stage.id], stage.id).toBeTruthy();
    }
    for (const s of caseStatuses) expect(w.next?.[nextStepKey("application", s).split(".").pop()!], s).toBeTruthy();
  });

  it("matches the database's statuses and never shows a paused case as closed", () => {
    expectTypeOf<CaseStatus>().toEqualTypeOf<DbCaseStatus>();
    expect(stepOf("waiting_for_applicant")).toBe("in_review");
    expect(words("en").status?.waiting_for_applicant).toBe("Waiting for you");
  });
});
