import { describe, expect, it } from "vitest";
import { seedDirectories } from "~db/seeds/directories";
import { cityCounts, directoryTotals, exportEntries, getEntry, listEntries } from "~/modules/directories/directories.server";
import { DIRECTORIES } from "~/modules/directories/kinds";
import { parseListQuery, type ListQuery } from "~/modules/directories/list-query";
import { createEntry, setEntryStatus, updateEntry } from "~/modules/directories/upkeep.server";
import { testDatabases, useMigratedDb } from "../../support/db";

const query = (over: Partial<ListQuery> = {}): ListQuery => ({ q: "", filters: {}, page: 1, ignored: false, ...over });
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
    expect(await directoryTotals(db())).toEqual({ banks: 8, rentals: 0, schools: 6 });
    const mega = await getEntry(db(), "banks", "mega-lanya");
    expect(mega?.languages).toEqual(["zh", "en", "fr", "ja"]);
    expect(mega?.source_url).toMatch(/^https:\/\/cna\.com\.tw/);
  });

  it("filters by city, language and level, and searches both languages", async () => {
    await seedDirectories(db());
    const lang = "en";
    const french = await listEntries(db(), "banks", query({ filters: { language: "fr" } }), lang);
    expect(french.entries.map((e) => e.id)).toEqual(["mega-lanya"]);
    const taichung = await listEntries(db(), "schools", query({ filters: { city: "taichung" } }), lang);
    expect(taichung.entries.map((e) => e.id)).toEqual(["central-taiwan-science-park-high"]);
    const primary = await listEntries(db(), "schools", query({ filters: { level: "primary" } }), lang);
    expect(primary.entries.map((e) => e.id)).toEqual(["kaohsiung-science-park-high"]);
    const zh = await listEntries(db(), "schools", query({ q: "南科" }), "zh-TW");
    expect(zh.entries.map((e) => e.id)).toEqual(["nanke-international-high"]);
    const caseless = await listEntries(db(), "banks", query({ q: "LANYA" }), lang);
    expect(caseless.total).toBe(1);
  });

  it("treats injection strings and LIKE wildcards as plain text", async () => {
    await seedDirectories(db());
    for (const q of ["' or 1=1 --", "%", "_", "\\", "'; drop table bank_branches; --", "<script>alert(1)</script>", "%' union select * from eligibility_checks --"]) {
      const result = await listEntries(db(), "banks", query({ q }), "en");
      expect(result.total, q).toBe(0);
    }
    expect((await directoryTotals(db())).banks).toBe(8);
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
    expect((await directoryTotals(db())).banks).toBe(7);
  });

  it("counts entries per city, with entries lacking a city apart", async () => {
    await seedDirectories(db());
    const banks = await cityCounts(db(), "banks");
    expect(banks.counts.taichung).toBe(1);
    expect(banks.unplaced).toBe(7);
    await createEntry(db(), "rentals", { name_en: "Agent", cities: ["taipei", "new-taipei"], services: [], languages: [], source_title: "s", last_verified: "2026-11-25" });
    const rentals = await cityCounts(db(), "rentals");
    expect([rentals.counts.taipei, rentals.counts["new-taipei"], rentals.counts.kaohsiung]).toEqual([1, 1, 0]);
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
  it("keeps known filters and ignores unknown values, bad pages and control characters", () => {
    expect(parseListQuery(def, new URLSearchParams("city=taipei&service=remittance&language=fr&page=2&q=mega"))).toEqual({
      q: "mega",
      filters: { city: "taipei", service: "remittance", language: "fr" },
      page: 2,
      ignored: false,
    });
    for (const bad of ["city=atlantis", "page=-1", "page=abc", "page=1e9", "page=99999999999999999999", "page=0", "language=klingon"]) {
      const parsed = parseListQuery(def, new URLSearchParams(bad));
      expect(parsed.ignored, bad).toBe(true);
      expect(parsed.page).toBe(1);
      expect(parsed.filters).toEqual({});
    }
    expect(parseListQuery(def, new URLSearchParams(`q=${"x".repeat(500)}`)).q).toHaveLength(100);
    expect(parseListQuery(def, new URLSearchParams("q=a%00b%0Ac")).q).toBe("a b c");
  });
});
