import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { seedDirectories } from "~db/seeds/directories";
import { reportCorrection } from "~/modules/directories/corrections.server";
import {
  cityCounts,
  getEntry,
  listEntries,
  listStaleEntries,
  staleBefore,
} from "~/modules/directories/directories.server";
import { CITY_CODES, DIRECTORY_KINDS, type DirectoryKind } from "~/modules/directories/kinds";
import type { ListQuery } from "~/modules/directories/list-query";
import { createEntry } from "~/modules/directories/upkeep.server";
import { testDatabases, useMigratedDb } from "../../support/db";

const query = (over: Partial<ListQuery> = {}): ListQuery => ({ q: "", filters: {}, page: 1, problems: [], ...over });

describe.each(testDatabases())("directory search and upkeep on %s", (_name, open) => {
  const db = useMigratedDb(open);
  const ids = async (kind: DirectoryKind, q: string, lang: "en" | "zh-TW" = "en") => {
    const result = await listEntries(db(), kind, query({ q }), lang);
    const all = [...result.entries.map((e) => e.id)];
    for (let page = 2; page <= result.pageCount; page += 1) {
      all.push(...(await listEntries(db(), kind, query({ q, page }), lang)).entries.map((e) => e.id));
    }
    return all.sort();
  };

  it("a Chinese and an English query find the same entries, whatever the page language", async () => {
    await seedDirectories(db());
    const pairs: [DirectoryKind, string, string][] = [
      ["banks", "蘭雅", "Lanya"],
      ["banks", "左營", "Zuoying"],
      ["banks", "高雄市", "Kaohsiung City"],
      ["banks", "台中市", "Taichung City"],
      ["schools", "臺北市", "Taipei City"],
      ["schools", "高雄韓國", "Kaohsiung Korean"],
      ["rentals", "臺東縣", "Taitung County"],
    ];
    for (const [kind, zh, en] of pairs) {
      const found = await ids(kind, zh, "zh-TW");
      expect(found.length, zh).toBeGreaterThan(0);
      expect(found, `${zh} = ${en}`).toEqual(await ids(kind, en, "en"));
      expect(await ids(kind, zh, "en"), `${zh} in English pages`).toEqual(found);
    }
    expect(await ids("schools", "台北市")).toEqual(await ids("schools", "臺北市"));
    // "Taipei City" is part of "New Taipei City": a county's exact name lists that county only, in both languages.
    const inTaipei = await listEntries(db(), "schools", query({ filters: { city: "taipei" } }), "en");
    expect((await ids("schools", "Taipei City")).length).toBe(inTaipei.total);
    expect(await ids("schools", "new taipei city", "zh-TW")).toEqual(await ids("schools", "新北市"));
  });

  it("the map's count for each county equals the list filtered to it", async () => {
    await seedDirectories(db());
    for (const kind of DIRECTORY_KINDS) {
      const { counts, unplaced } = await cityCounts(db(), kind);
      for (const city of CITY_CODES) {
        const list = await listEntries(db(), kind, query({ filters: { city } }), "en");
        expect(counts[city], `${kind}/${city}`).toBe(list.total);
      }
      const all = await listEntries(db(), kind, query(), "en");
      expect(unplaced + Object.values(counts).reduce((a, b) => a + b, 0)).toBeGreaterThanOrEqual(all.total);
    }
  });

  it("the search filter can use the trigram index instead of reading every row", async () => {
    const plan = await db()
      .transaction()
      .execute(async (trx) => {
        await sql`set local enable_seqscan = off`.execute(trx);
        // Scale decides the plan; with sequential scans off the planner shows whether the index can serve the filter.
        const { rows } = await sql<{ "QUERY PLAN": string }>`explain select id from bank_branches
          where search_text like '%lanya%'`.execute(trx);
        return rows.map((r) => r["QUERY PLAN"]).join("\n");
      });
    expect(plan).toContain("bank_branches_search_trgm_idx");
  });

  it("a correction report becomes a staff case, once per submission", async () => {
    await seedDirectories(db());
    const entry = (await getEntry(db(), "banks", "mega-lanya"))!;
    const input = {
      field: "address",
      message: "The branch moved to a new address last month.",
      email: "reader@example.tw",
      submissionToken: "tok-0123456789abcdef",
    };
    const first = await reportCorrection(db(), { kind: "banks", entry, lang: "vi", userId: null, input });
    const again = await reportCorrection(db(), { kind: "banks", entry, lang: "vi", userId: null, input });
    expect(again.reference).toBe(first.reference);
    const cases = await db().selectFrom("cases").selectAll().where("kind", "=", "directory-correction").execute();
    expect(cases).toHaveLength(1);
    expect(cases[0]).toMatchObject({ reference: first.reference, status: "received", applicant_id: null, lang: "vi" });
    expect(cases[0]!.details).toMatchObject({
      directory: "banks",
      entryId: "mega-lanya",
      field: "address",
      email: "reader@example.tw",
    });
    const events = await db()
      .selectFrom("case_events")
      .select(["kind", "body", "visibility"])
      .where("case_id", "=", cases[0]!.id)
      .orderBy("id")
      .execute();
    expect(events.map((e) => e.kind)).toEqual(["created", "message"]);
    expect(events[1]!.body).toContain("The branch moved to a new address last month.");
    await expect(
      sql`insert into cases (reference, kind, lang) values ('TT-2026-999999', 'forged-kind', 'en')`.execute(db())
    ).rejects.toThrow();
  });

  it("lists entries not checked for 12 months for staff, oldest first", async () => {
    expect(staleBefore(new Date("2026-12-02T03:00:00Z"))).toBe("2025-12-02");
    const make = (name: string, last_verified: string) =>
      createEntry(db(), "rentals", {
        name_en: name,
        cities: [],
        services: [],
        languages: [],
        source_title: "s",
        source_url: "https://example.tw",
        last_verified,
      });
    await make("Old", "2025-06-30");
    await make("Edge", "2025-12-02");
    await make("Fresh", "2025-12-03");
    const stale = await listStaleEntries(db(), "rentals", new Date("2026-12-02T03:00:00Z"));
    expect(stale.map((e) => e.name_en)).toEqual(["Old", "Edge"]);
  });
});
