import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { nationalityCode, up } from "~db/migrations/20261202T0700_nationality-codes";
import { testDatabases, useMigratedDb } from "../../support/db";
import { makeCase, makeUser } from "./fixtures";

describe("nationality free text to ISO codes", () => {
  it("maps codes and names in any portal language; leaves what is ambiguous or unknown", () => {
    const japan = ["JP", "jp", "Japan", " japan ", "日本", "ญี่ปุ่น", "Nhật Bản"];
    expect(japan.map(nationalityCode)).toEqual(Array(7).fill("JP"));
    const others = ["United States", "USA", "Korea", "Japanese", "Mars"];
    expect(others.map(nationalityCode)).toEqual(["US", null, null, null, null]);
  });
});

describe.each(testDatabases())("nationality migration on %s", (_name, open) => {
  const db = useMigratedDb(open);

  it("rewrites cases, details and drafts where the mapping is sure; closed-case counts follow", async () => {
    const user = await makeUser(db(), {});
    const jp = await makeCase(db(), { nationality: "Japan", status: "closed", closed_at: new Date() });
    const kr = await makeCase(db(), { nationality: "Korea" });
    await sql`update cases set details = '{"nationality":"日本"}'::jsonb where id = ${jp.id}`.execute(db());
    const data = JSON.stringify({ nationality: "Canada" });
    const now = new Date();
    await db()
      .insertInto("application_drafts")
      .values({
        user_id: user.id,
        pathway: "gold-card",
        data,
        submission_token: "t".repeat(20),
        created_at: now,
        updated_at: now,
      })
      .execute();
    await up(db());
    const rows = await db().selectFrom("cases").select(["id", "nationality", "details"]).execute();
    expect(rows.find((r) => r.id === jp.id)).toMatchObject({ nationality: "JP", details: { nationality: "JP" } });
    expect(rows.find((r) => r.id === kr.id)?.nationality).toBe("Korea");
    const draft = await db().selectFrom("application_drafts").select("data").executeTakeFirstOrThrow();
    expect(draft.data).toEqual({ nationality: "CA" });
    const counts = await sql<{ nationality: string | null }>`
      select nationality from closed_case_counts where n <> 0`.execute(db());
    expect(counts.rows.map((r) => r.nationality)).toEqual(["JP"]);
  });
});
