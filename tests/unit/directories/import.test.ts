import { parse } from "csv-parse/sync";
import { describe, expect, it } from "vitest";
import { toCsv } from "~/modules/directories/csv.server";
import { directoryTotals, exportEntries, getEntry } from "~/modules/directories/directories.server";
import { DIRECTORIES } from "~/modules/directories/kinds";
import { importCsv } from "~/modules/directories/upkeep.server";
import { testDatabases, useMigratedDb } from "../../support/db";

const header = "id,name_en,name_zh,cities,services,languages,phone,email,source_title,source_url,last_verified";
const clean = [
  header,
  "agent-one,Agent One,第一租屋,taipei|new-taipei,listings|contract-review,zh|en,+886 2 1234 5678,one@example.tw,Test source,https://example.tw/a,2026-11-20",
  '"agent-two","Agent ""Two"", Ltd",第二租屋,kaohsiung,dispute-help,zh|ja,,,"Test source, with comma",https://example.tw/b,2026-11-21',
].join("\n");

describe.each(testDatabases())("CSV import on %s", (_name, open) => {
  const db = useMigratedDb(open);
  const run = (text: string, goodRowsOnly = false) => importCsv(db(), "rentals", text, { goodRowsOnly });

  it("imports a clean file, and a second import updates instead of duplicating", async () => {
    const first = await run(clean);
    expect(first).toMatchObject({ fileError: null, errors: [], goodRows: 2, created: 2, updated: 0, imported: true });
    expect(await getEntry(db(), "rentals", "agent-two")).toMatchObject({
      name_en: 'Agent "Two", Ltd',
      cities: ["kaohsiung"],
      languages: ["zh", "ja"],
    });
    const second = await run(clean.replace("Agent One", "Agent One Renamed"));
    expect(second).toMatchObject({ created: 0, updated: 2 });
    expect((await getEntry(db(), "rentals", "agent-one"))?.name_en).toBe("Agent One Renamed");
  });

  const bad = [
    header,
    "ok-row,Fine Agent,,taipei,listings,en,,,Src,https://example.tw/s,2026-11-20",
    "bad-city,Bad City,,atlantis,listings,en,,,Src,https://example.tw/s,2026-11-20",
    "bad-date,Bad Date,,taipei,listings,en,,,Src,https://example.tw/s,2026-02-30",
    ",,,taipei,listings,en,,,Src,https://example.tw/s,2026-11-20",
    "ok-row,Duplicate,,taipei,listings,en,,,Src,https://example.tw/s,2026-11-20",
    "short-row,Too few cells",
  ].join("\n");

  it("reports every bad row by line and reason and writes nothing", async () => {
    const report = await run(bad);
    expect(report.imported).toBe(false);
    expect(report.goodRows).toBe(1);
    expect(report.errors).toEqual([
      { line: 3, column: "cities.0", reason: "directories:errors.unknownCode" },
      { line: 4, column: "last_verified", reason: "directories:errors.date" },
      { line: 5, column: "name_en", reason: "directories:errors.required" },
      { line: 6, column: "id", reason: "directories:import.duplicateId" },
      { line: 7, column: null, reason: "directories:import.cellCount" },
    ]);
    expect((await directoryTotals(db())).rentals).toBe(0);
  });

  it("imports only the good rows when asked", async () => {
    const report = await run(bad, true);
    expect(report).toMatchObject({ imported: true, created: 1, goodRows: 1 });
    expect(report.errors).toHaveLength(5);
    expect((await directoryTotals(db())).rentals).toBe(1);
  });

  it("refuses hostile cells: formulas, control characters, script URLs", async () => {
    const hostile = [
      header,
      `f1,"=HYPERLINK(""http://evil.example"",""click"")",,taipei,listings,en,,,Src,https://example.tw/s,2026-11-20`,
      "f2,+SUM(A1:A9),,taipei,listings,en,,,Src,https://example.tw/s,2026-11-20",
      "f3,@cmd,,taipei,listings,en,,,Src,https://example.tw/s,2026-11-20",
      "f4,-2+3,,taipei,listings,en,,,Src,https://example.tw/s,2026-11-20",
      `f5,"\t=1+1",,taipei,listings,en,,,Src,https://example.tw/s,2026-11-20`,
      "f6,Agent,,taipei,listings,en,,,=cmd|' /C calc'!A0,https://example.tw/s,2026-11-20",
      "f7,Agent,,taipei,listings,en,,,Src,javascript:alert(1),2026-11-20",
      `f8,"Bell\u0007",,taipei,listings,en,,,Src,https://example.tw/s,2026-11-20`,
      "'; drop table rental_services; --,Agent,,taipei,listings,en,,,Src,https://example.tw/s,2026-11-20",
    ].join("\n");
    const report = await run(hostile, true);
    expect(report.goodRows).toBe(0);
    expect(report.errors.map((e) => [e.line, e.reason])).toEqual([
      [2, "directories:errors.formula"],
      [3, "directories:errors.formula"],
      [4, "directories:errors.formula"],
      [5, "directories:errors.formula"],
      [6, "directories:errors.formula"],
      [7, "directories:errors.formula"],
      [8, "directories:errors.url"],
      [9, "directories:errors.control"],
      [10, "directories:errors.id"],
    ]);
    expect((await directoryTotals(db())).rentals).toBe(0);
  });

  it("answers malformed files with one clear message and its line", async () => {
    expect((await run(`${header}\nx,"unclosed,,,,,,,,,2026-11-20\n`)).fileError).toMatchObject({
      reason: "directories:import.malformed",
    });
    expect((await run("")).fileError).toMatchObject({ reason: "directories:import.empty" });
    expect((await run(header)).fileError).toMatchObject({ reason: "directories:import.noRows" });
    expect((await run(`${header},evil\nx`)).fileError).toMatchObject({
      line: 1,
      reason: "directories:import.unknownColumns",
      detail: "evil",
    });
    expect((await run("id,name_en\nx,y")).fileError).toMatchObject({
      line: 1,
      reason: "directories:import.missingColumns",
    });
    expect((await run("\u0000\u0001binary\u00ff")).fileError).not.toBeNull();
  });

  it("accepts a UTF-8 BOM and Windows line ends, and round-trips its own export", async () => {
    await run(`\uFEFF${clean.replace(/\n/g, "\r\n")}`);
    const rows = await exportEntries(db(), "rentals", { q: "", filters: {}, page: 1, problems: [] }, "en");
    const csv = toCsv(DIRECTORIES.rentals, rows);
    await db().deleteFrom("rental_services").execute();
    const again = await run(csv);
    expect(again).toMatchObject({ errors: [], created: 2 });
    expect((await getEntry(db(), "rentals", "agent-one"))?.phone).toBe("+886 2 1234 5678");
  });
});

describe("CSV export", () => {
  it("neutralizes formula cells and keeps Chinese readable", () => {
    const csv = toCsv(DIRECTORIES.rentals, [
      {
        id: "x",
        status: "active",
        name_en: "=1+1",
        name_zh: "租屋",
        cities: ["taipei", "kinmen"],
        services: [],
        languages: ["zh"],
        phone: "+886 2 1234 5678",
        source_title: "@src",
        last_verified: "2026-11-25",
      },
    ]);
    expect(csv.startsWith("\uFEFF")).toBe(true);
    const [head, row] = parse(csv.slice(1)) as string[][];
    const cell = (name: string) => row?.[head?.indexOf(name) ?? -1];
    expect([cell("name_en"), cell("name_zh"), cell("cities"), cell("source_title"), cell("phone")]).toEqual([
      "'=1+1",
      "租屋",
      "taipei|kinmen",
      "'@src",
      "'+886 2 1234 5678",
    ]);
  });
});
