import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { nationalityCode, up } from "~db/migrations/20261202T0700_nationality-codes";
import { testDatabases, useMigratedDb } from "../../support/db";
import { makeCase, makeUser } from "./fixtures";

describe("nationality free text to ISO codes", () => {
  it("maps codes and names in any portal language; leaves what is ambiguous or unknown", () => {
    expect(["JP", "jp", "Japan", " japan ", "日本", "ญี่ปุ่น", "Nhật Bản"].map(nationalityCode)).toEqual(Array(7).fill("JP"));
    expect(["United States", "USA", "Korea", "Japanese", "Mars"].map(nationalityCode)).toEqual(["US", null, null, null, null]);
  });
});

describe.each(testDatabases())("nationality migration on %s", (_name, open) => {
  const db = useMigratedDb(open);

  it("rewrites cases, their details and drafts where the mapping is sure, and keeps the closed-case counts right", async () => {
    const user = await makeUser(db(), {});
    const jp = await makeCase(db(), { nationality: "Japan", status: "closed", closed_at: new Date() });
    const kr = await makeCase(db(), { nationality: "Korea" });
    await sql`update cases set details = '{"nationality":"日本"}'::jsonb where id = ${jp.id}`.execute(db());
    await db().insertInto("application_drafts").values({ user_id: user.id, pathway: "gold-card", data: JSON.stringify({ nationality: "Canada" }), submission_token: "t".repeat(20), created_at: new Date(), updated_at: new Date() }).execute();
    await up(db());
    const rows = await db().selectFrom("cases").select(["id", "nationality", "details"]).execute();
    expect(rows.find((r) => r.id === jp.id)).toMatchObject({ nationality: "JP", details: { nationality: "JP" } });
    expect(rows.find((r) => r.id === kr.id)?.nationality).toBe("Korea");
    expect((await db().selectFrom("application_drafts").select("data").executeTakeFirstOrThrow()).data).toEqual({ nationality: "CA" });
    const counts = await sql<{ nationality: string | null; n: string }>`select nationality, n from closed_case_counts where n <> 0`.execute(db());
    expect(counts.rows.map((r) => r.nationality)).toEqual(["JP"]);
  });
});
