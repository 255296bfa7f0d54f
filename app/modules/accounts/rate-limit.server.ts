import { sql } from "kysely";
import type { Db } from "~db/client";

/** Failed sign-ins allowed per window before a lock: per account and per address. */
export const LIMITS = { account: 5, address: 20, windowMinutes: 15, lockMinutes: 15 } as const;

export function rateKeys(email: string, ip: string): { key: string; limit: number }[] {
  return [
    { key: `account:${email.toLowerCase()}`, limit: LIMITS.account },
    { key: `ip:${ip}`, limit: LIMITS.address },
  ];
}

/** True when any of the keys is locked now. */
export async function isLocked(db: Db, keys: string[]): Promise<boolean> {
  const row = await db
    .selectFrom("login_attempts")
    .select("key")
    .where("key", "in", keys)
    .where("locked_until", ">", sql<Date>`now()`)
    .executeTakeFirst();
  return Boolean(row);
}

/** Counts one failure atomically (one upsert per key, safe across processes); locks a key that reaches its limit. */
export async function recordFailure(db: Db, keys: { key: string; limit: number }[]): Promise<void> {
  const fresh = sql`login_attempts.window_started_at < now() - make_interval(mins => ${LIMITS.windowMinutes})`;
  for (const { key, limit } of keys) {
    const next = sql<number>`case when ${fresh} then 1 else login_attempts.failures + 1 end`;
    await db
      .insertInto("login_attempts")
      .values({ key, failures: 1, locked_until: limit <= 1 ? sql<Date>`now() + make_interval(mins => ${LIMITS.lockMinutes})` : null })
      .onConflict((oc) =>
        oc.column("key").doUpdateSet({
          failures: next,
          window_started_at: sql<Date>`case when ${fresh} then now() else login_attempts.window_started_at end`,
          locked_until: sql<Date>`case when ${next} >= ${limit} then now() + make_interval(mins => ${LIMITS.lockMinutes}) else login_attempts.locked_until end`,
          updated_at: sql<Date>`now()`,
        }),
      )
      .execute();
  }
}

/** Clears an account's counter after a successful sign-in (the address counter stays). */
export async function clearFailures(db: Db, key: string): Promise<void> {
  await db.deleteFrom("login_attempts").where("key", "=", key).execute();
}
