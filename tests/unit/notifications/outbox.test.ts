import { sql } from "kysely";
import { describe, expect, it } from "vitest";
import {
  backoffMinutes,
  claimDue,
  deliverDue,
  enqueueEmail,
  MAX_ATTEMPTS,
} from "~/modules/notifications/outbox.server";
import { testDatabases, useMigratedDb } from "../../support/db";
import { secondPostgresHandle } from "../../support/second-db";

const email = (i: number) => ({
  to: `p${i}@example.test`,
  userId: null,
  lang: "en",
  template: "case-status" as const,
  payload: { reference: `TT-2026-${i}`, url: "http://x" },
});

describe.each(testDatabases())("outbox on %s", (name, open) => {
  const db = useMigratedDb(open);

  it("retries a failed send with backoff, then gives up", async () => {
    await enqueueEmail(db(), email(1));
    expect(await deliverDue(db(), "w1", async () => Promise.reject(new Error("smtp down")))).toBe(0);
    const row = await db().selectFrom("outbox").selectAll().executeTakeFirstOrThrow();
    expect(row).toMatchObject({ status: "pending", attempts: 1, last_error: "smtp down", claimed_by: null });
    expect(await claimDue(db(), "w1")).toEqual([]);
    await db()
      .updateTable("outbox")
      .set({ next_attempt_at: sql<Date>`now()`, attempts: MAX_ATTEMPTS - 1 })
      .execute();
    await deliverDue(db(), "w1", async () => Promise.reject(new Error("still down")));
    expect((await db().selectFrom("outbox").select("status").executeTakeFirstOrThrow()).status).toBe("failed");
    expect([1, 2, 3, 10].map(backoffMinutes)).toEqual([1, 2, 4, 360]);
  });

  it("marks sent and drops the link from the stored payload", async () => {
    await enqueueEmail(db(), email(2));
    const sent: string[] = [];
    expect(await deliverDue(db(), "w1", async (r) => void sent.push(r.to_address))).toBe(1);
    expect(sent).toEqual(["p2@example.test"]);
    const row = await db().selectFrom("outbox").select(["status", "payload", "sent_at"]).executeTakeFirstOrThrow();
    expect(row.status).toBe("sent");
    expect(row.payload).toEqual({ reference: "TT-2026-2" });
  });

  it.runIf(name === "postgres")("never sends one email twice when two processes deliver at once", async () => {
    const other = await secondPostgresHandle(db());
    try {
      for (let i = 0; i < 200; i++) await enqueueEmail(db(), email(i));
      const sent: string[] = [];
      const send = async (r: { to_address: string }) => {
        sent.push(r.to_address);
        await new Promise((resolve) => setImmediate(resolve));
      };
      const run = async (handle: typeof db extends () => infer D ? D : never, worker: string) => {
        for (let i = 0; i < 40; i++) await deliverDue(handle, worker, send, 7);
      };
      await Promise.all([run(db(), "a"), run(other!.db, "b"), run(db(), "c"), run(other!.db, "d")]);
      expect(sent).toHaveLength(200);
      expect(new Set(sent).size).toBe(200);
      const by = await db()
        .selectFrom("outbox")
        .select(["claimed_by"])
        .select(sql<number>`count(*)::int`.as("n"))
        .groupBy("claimed_by")
        .execute();
      expect(by.length).toBeGreaterThan(1);
    } finally {
      await other?.close();
    }
  });
});
