import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { migrateDownAll, migrateToLatest } from "~db/migrate";
import { testDatabases, useMigratedDb } from "../support/db";

describe.each(testDatabases())("database on %s", (_name, open) => {
  const db = useMigratedDb(open);

  it("runs every migration and is idempotent", async () => {
    expect(await migrateToLatest(db())).toEqual([]);
    const { rows } = await sql<{ n: number }>`select count(*)::int as n from kysely_migration`.execute(db());
    expect(rows[0]?.n).toBeGreaterThan(0);
  });

  it("keeps a committed transaction and drops a concurrent one that rolls back", async () => {
    const insert = (id: string) => ({ id, lang: "en", answers: "{}" });
    const ok = db()
      .transaction()
      .execute(async (trx) => {
        await trx.insertInto("eligibility_checks").values(insert("committed")).execute();
      });
    const failed = db()
      .transaction()
      .execute(async (trx) => {
        await trx.insertInto("eligibility_checks").values(insert("rolled-back")).execute();
        throw new Error("boom");
      })
      .catch((e: Error) => e.message);
    expect(await Promise.all([ok, failed])).toEqual([undefined, "boom"]);
    const ids = await db().selectFrom("eligibility_checks").select("id").orderBy("id").execute();
    expect(ids.map((r) => r.id)).toEqual(["committed"]);
  });

  it("can roll every migration back and forth", async () => {
    await migrateDownAll(db());
    const { rows } = await sql<{
      n: number;
    }>`select count(*)::int as n from pg_tables where schemaname = current_schema() and tablename = 'eligibility_checks'`.execute(
      db()
    );
    expect(rows[0]?.n).toBe(0);
    expect((await migrateToLatest(db())).length).toBeGreaterThan(0);
  });
});
