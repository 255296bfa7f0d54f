import { sql } from "kysely";
import type { Db } from "~db/client";

const MAX_FAILURES = 5;
const LOCK_MINUTES = 15;

/** The lock-out key for a staff member's second factor (TOTP and recovery codes share it). */
export const secondFactorKey = (userId: string) => `totp:${userId}`;

export async function isLocked(db: Db, key: string): Promise<boolean> {
  const row = await db.selectFrom("login_attempts").select("locked_until").where("key", "=", key).executeTakeFirst();
  return !!row?.locked_until && row.locked_until > new Date();
}

/** Counts a failure; the fifth within the window locks the key for 15 minutes. */
export async function recordFailure(db: Db, key: string): Promise<void> {
  await db
    .insertInto("login_attempts")
    .values({ key, failures: 1 })
    .onConflict((oc) =>
      oc.column("key").doUpdateSet({
        failures: sql`login_attempts.failures + 1`,
        locked_until: sql`case when login_attempts.failures + 1 >= ${MAX_FAILURES}
          then now() + make_interval(mins => ${LOCK_MINUTES}) else login_attempts.locked_until end`,
        updated_at: sql`now()`,
      }),
    )
    .execute();
}

export async function clearFailures(db: Db, key: string): Promise<void> {
  await db.deleteFrom("login_attempts").where("key", "=", key).execute();
}
