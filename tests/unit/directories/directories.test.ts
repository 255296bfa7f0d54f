import { readFileSync } from "node:fs";
import { describe, expect, it } from "vitest";
import { seedDirectories } from "~db/seeds/directories";
import {
  cityCounts,
  directoryTotals,
  exportEntries,
  getEntry,
  listEntries,
} from "~/modules/directories/directories.server";
import { DIRECTORIES } from "~/modules/directories/kinds";
import { parseListQuery, type ListQuery } from "~/modules/directories/list-query";
import { createEntry, setEntryStatus, updateEntry } from "~/modules/directories/upkeep.server";
import { testDatabases, useMigratedDb } from "../../support/db";

const seeded = JSON.parse(readFileSync("content/directories/entries.json", "utf8")) as Record<
  string,
  { id: string; cities?: string[]; languages?: string[] }[]
>;
const seededCount = (kind: string) => seeded[kind]?.length ?? 0;
const query = (over: Partial<ListQuery> = {}): ListQuery => ({ q: "", filters: {}, page: 1, problems: [], ...over });
const bank = (n: number, extra: Record<string, unknown> = {}) => ({
  bank_en: `Test Bank ${String(n).padStart(2, "0")}`,
  branch_en: "Main Branch",
  cities: ["taipei"],
  languages: ["zh", "en"],
  services: [],
  source_title: "Test source",
  last_verified: "2026-11-25",
  ...extra,
});

describe.each(testDatabases())("directories on %s", (_name, open) => {
  const db = useMigratedDb(open);

  it("seeds the reference's real entries once, and the seed is idempotent", async () => {
    await seedDirectories(db());
    await seedDirectories(db());
    expect(await directoryTotals(db())).toEqual({
      banks: seededCount("banks"),
      rentals: seededCount("rentals"),
      schools: seededCount("schools"),
    });
    const mega = await getEntry(db(), "banks", "mega-lanya");
    expect(mega?.languages).toEqual(["zh", "en", "fr", "ja"]);
    expect(mega).toMatchObject({
      source_url: expect.stringMatching(/^https:\/\/www\.fsc\.gov\.tw\//),
      source_date: "2019-12-18",
    });
    // The address comes from a copy of the FSC register, a secondary source, so the entry is flagged (RESEARCH.md).
    expect(mega).toMatchObject({ address_zh: expect.stringMatching(/^台北市士林區/), unverified: true });
  });

  it("filters by city, language and level, and searches both languages", async () => {
    await seedDirectories(db());
    const lang = "en";
    const french = await listEntries(db(), "banks", query({ filters: { language: "fr" } }), lang);
    const frenchInFile = seeded.banks!.filter((e) => e.languages?.includes("fr")).map((e) => e.id);
    expect(french.entries.map((e) => e.id).sort()).toEqual([...frenchInFile].sort());
    expect(french.entries.map((e) => e.id)).toContain("mega-lanya");
    const taichung = await listEntries(db(), "schools", query({ filters: { city: "taichung" } }), lang);
    expect(taichung.entries.map((e) => e.id)).toContain("central-taiwan-science-park-high");
    expect(taichung.entries.every((e) => e.cities.includes("taichung"))).toBe(true);
    const primary = await listEntries(
      db(),
      "schools",
      query({ filters: { level: "primary", city: "kaohsiung", type: "science-park-bilingual" } }),
      lang
    );
    expect(primary.entries.map((e) => e.id)).toEqual(["kaohsiung-science-park-high"]);
    const ib = await listEntries(db(), "schools", query({ filters: { curriculum: "ib", city: "taoyuan" } }), lang);
    expect(ib.entries.map((e) => e.id)).toEqual(["taoyuan-dayuan-international-high-ibdp"]);
    const zh = await listEntries(db(), "schools", query({ q: "南科" }), "zh-TW");
    expect(zh.entries.map((e) => e.id)).toEqual(["nanke-international-high"]);
    const caseless = await listEntries(db(), "banks", query({ q: "LANYA" }), lang);
    expect(caseless.total).toBe(1);
  });

  it("treats injection strings and LIKE wildcards as plain text", async () => {
    await seedDirectories(db());
    const literalPercent = await listEntries(db(), "banks", query({ q: "%" }), "en");
    expect(literalPercent.entries.map((e) => e.id)).toEqual(["far-eastern-chengde"]);
    for (const q of [
      "' or 1=1 --",
      "_",
      "\\",
      "'; drop table bank_branches; --",
      "<script>alert(1)</script>",
      "%' union select * from eligibility_checks --",
    ]) {
      const result = await listEntries(db(), "banks", query({ q }), "en");
      expect(result.total, q).toBe(0);
    }
    expect((await directoryTotals(db())).banks).toBe(seededCount("banks"));
  });

  it("pages through results and reports a page past the end as out of range", async () => {
    for (let n = 1; n <= 23; n += 1) await createEntry(db(), "banks", bank(n));
    const first = await listEntries(db(), "banks", query(), "en");
    expect(first).toMatchObject({ total: 23, pageCount: 3, outOfRange: false });
    expect(first.entries).toHaveLength(10);
    const last = await listEntries(db(), "banks", query({ page: 3 }), "en");
    expect(last.entries.map((e) => e.bank_en)).toEqual(["Test Bank 21", "Test Bank 22", "Test Bank 23"]);
    const beyond = await listEntries(db(), "banks", query({ page: 100_000 }), "en");
    expect(beyond).toMatchObject({ entries: [], outOfRange: true, total: 23 });
  });

  it("hides retired entries from lists, details, counts and exports", async () => {
    await seedDirectories(db());
    await setEntryStatus(db(), "banks", "mega-lanya", "retired");
    expect(await getEntry(db(), "banks", "mega-lanya")).toBeNull();
    expect(await getEntry(db(), "banks", "mega-lanya", { includeRetired: true })).toMatchObject({ status: "retired" });
    expect((await exportEntries(db(), "banks", query(), "en")).map((e) => e.id)).not.toContain("mega-lanya");
    expect((await directoryTotals(db())).banks).toBe(seededCount("banks") - 1);
  });

  it("counts entries per city, with entries lacking a city apart", async () => {
    await seedDirectories(db());
    const schools = await cityCounts(db(), "schools");
    const inFile = (city: string) => seeded.schools!.filter((e) => e.cities?.includes(city)).length;
    expect(schools.counts.taichung).toBe(inFile("taichung"));
    expect(schools.unplaced).toBe(seeded.schools!.filter((e) => !e.cities?.length).length);
    const before = await cityCounts(db(), "rentals");
    await createEntry(db(), "rentals", {
      name_en: "Agent",
      cities: ["taipei", "new-taipei"],
      services: [],
      languages: [],
      source_title: "s",
      last_verified: "2026-11-25",
    });
    const after = await cityCounts(db(), "rentals");
    const delta = (c: string) => (after.counts[c] ?? 0) - (before.counts[c] ?? 0);
    expect([delta("taipei"), delta("new-taipei"), delta("kaohsiung")]).toEqual([1, 1, 0]);
  });

  it("edits keep the id and refresh the search text", async () => {
    const created = await createEntry(db(), "banks", bank(1));
    if (!created.ok) throw new Error("not created");
    expect(created.id).toMatch(/^test-bank-01-main-branch-[0-9a-f]{6}$/);
    expect(await createEntry(db(), "banks", bank(2, { id: created.id }))).toEqual({ ok: false, reason: "id-taken" });
    await updateEntry(db(), "banks", created.id, bank(1, { bank_zh: "測試銀行" }));
    const found = await listEntries(db(), "banks", query({ q: "測試" }), "zh-TW");
    expect(found.entries.map((e) => e.id)).toEqual([created.id]);
  });
});

describe("list query parsing", () => {
  const def = DIRECTORIES.banks;
  it("keeps known filters and refuses (never applies) unknown values, bad pages and over-long queries", () => {
    expect(
      parseListQuery(def, new URLSearchParams("city=taipei&service=remittance&language=fr&page=2&q=mega"))
    ).toEqual({
      q: "mega",
      filters: { city: "taipei", service: "remittance", language: "fr" },
      page: 2,
      problems: [],
    });
    for (const bad of [
      "city=atlantis",
      "page=-1",
      "page=abc",
      "page=1e9",
      "page=99999999999999999999",
      "page=0",
      "language=klingon",
    ]) {
      const parsed = parseListQuery(def, new URLSearchParams(bad));
      expect(parsed.problems, bad).toHaveLength(1);
      expect(parsed.page).toBe(1);
      expect(parsed.filters).toEqual({});
    }
    const long = parseListQuery(def, new URLSearchParams(`q=${"x".repeat(500)}`));
    expect(long).toMatchObject({ q: "", problems: [{ param: "q", reason: "directories:list.problem.tooLong" }] });
    expect(parseListQuery(def, new URLSearchParams("q=a%00b%0Ac")).q).toBe("a b c");
  });
});
