import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import { testDatabases, useMigratedDb } from "../../support/db";

describe.each(testDatabases())("staff schema on %s", (_name, open) => {
  const db = useMigratedDb(open);

  it("refuses to change or delete audit entries", async () => {
    await db().insertInto("audit_log").values({ action: "case.view", detail: "{}" }).execute();
    await expect(sql`update audit_log set action = 'x'`.execute(db())).rejects.toThrow(/append-only/);
    await expect(sql`delete from audit_log`.execute(db())).rejects.toThrow(/append-only/);
    expect(await db().selectFrom("audit_log").select("action").execute()).toEqual([{ action: "case.view" }]);
  });

  it("counts response targets in Taipei business hours", async () => {
    // Friday 17:00 Taipei + 8 business hours = Monday 16:00 Taipei (09:00–18:00, Mon–Fri).
    const { rows } = await sql<{ d: Date }>`select business_deadline('2026-11-27T09:00:00Z', 8) as d`.execute(db());
    expect(rows[0]!.d.toISOString()).toBe("2026-11-30T08:00:00.000Z");
  });
});
