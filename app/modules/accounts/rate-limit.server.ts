import { sql } from "kysely";
import type { Db } from "~db/client";

/**
 * The one limiter for everyone (applicant and staff sign-in, second factor, e-mail sending): events are counted per key
 * in `login_attempts`, one upsert per key, so every server process shares the counts. A key that reaches its limit
 * within its window is locked; a count starts again once its window has passed or its lock has ended.
 */
export const LIMITS = {
  account: 5,
  address: 20,
  secondFactor: 5,
  windowMinutes: 15,
  lockMinutes: 15,
  /** E-mails (reset, verification, "account exists") per recipient and per client address, per hour. */
  mailRecipient: 3,
  mailAddress: 10,
  mailWindowMinutes: 60,
} as const;

export interface RateKey {
  key: string;
  limit: number;
  windowMinutes?: number;
  lockMinutes?: number;
}

/** Sign-in keys (applicant and staff forms share them): the account and the client address. */
export function rateKeys(email: string, ip: string): RateKey[] {
  return [
    { key: `account:${email.trim().toLowerCase()}`, limit: LIMITS.account },
    { key: `ip:${ip}`, limit: LIMITS.address },
  ];
}

/** The key of a staff member's second factor (TOTP and recovery codes share it). */
export function secondFactorKey(userId: string): RateKey {
  return { key: `totp:${userId}`, limit: LIMITS.secondFactor };
}

/** E-mail keys: the recipient and the client address that asked. */
export function mailKeys(to: string, ip: string): RateKey[] {
  const window = { windowMinutes: LIMITS.mailWindowMinutes, lockMinutes: LIMITS.mailWindowMinutes };
  return [
    { key: `mail-to:${to.trim().toLowerCase()}`, limit: LIMITS.mailRecipient, ...window },
    { key: `mail-ip:${ip}`, limit: LIMITS.mailAddress, ...window },
  ];
}

/** True when any of the keys is locked now (an ended lock does not count). */
export async function isLocked(db: Db, keys: (string | RateKey)[]): Promise<boolean> {
  const names = keys.map((k) => (typeof k === "string" ? k : k.key));
  if (names.length === 0) return false;
  const row = await db
    .selectFrom("login_attempts")
    .select("key")
    .where("key", "in", names)
    .where("locked_until", ">", sql<Date>`now()`)
    .executeTakeFirst();
  return Boolean(row);
}

/** Counts one event per key atomically; a key that reaches its limit is locked. */
export async function recordFailure(db: Db, keys: RateKey[]): Promise<void> {
  for (const { key, limit, windowMinutes = LIMITS.windowMinutes, lockMinutes = LIMITS.lockMinutes } of keys) {
    const lockUntil = sql<Date>`now() + make_interval(mins => ${lockMinutes}::int)`;
    const fresh = sql<boolean>`(login_attempts.window_started_at < now() - make_interval(mins => ${windowMinutes}::int)
      or login_attempts.locked_until <= now())`;
    const next = sql<number>`case when ${fresh} then 1 else login_attempts.failures + 1 end`;
    await db
      .insertInto("login_attempts")
      .values({ key, failures: 1, locked_until: limit <= 1 ? lockUntil : null })
      .onConflict((oc) =>
        oc.column("key").doUpdateSet({
          failures: next,
          window_started_at: sql<Date>`case when ${fresh} then now() else login_attempts.window_started_at end`,
          locked_until: sql<Date>`case when ${next} >= ${limit}::int then ${lockUntil}
            when ${fresh} then null else login_attempts.locked_until end`,
          updated_at: sql<Date>`now()`,
        })
      )
      .execute();
  }
}

/** Counts one event (an e-mail to send) and says whether every key is still within its limit. */
export async function allowEvent(db: Db, keys: RateKey[]): Promise<boolean> {
  if (await isLocked(db, keys)) return false;
  await recordFailure(db, keys);
  const rows = await db
    .selectFrom("login_attempts")
    .select(["key", "failures"])
    .where(
      "key",
      "in",
      keys.map((k) => k.key)
    )
    .execute();
  return keys.every((k) => (rows.find((r) => r.key === k.key)?.failures ?? 0) <= k.limit);
}

/** Clears a key's counter after a success (the address counter stays). */
export async function clearFailures(db: Db, key: string | RateKey): Promise<void> {
  await db
    .deleteFrom("login_attempts")
    .where("key", "=", typeof key === "string" ? key : key.key)
    .execute();
}
