import { sql, type Kysely } from "kysely";
import type { Db } from "~db/client";
import type { Database } from "~db/schema";
import { dummyHash, hashPassword, verifyPassword } from "~/modules/accounts/crypto.server";
import { generateTotpSecret, matchTotp, otpauthUri } from "./totp.server";

const MAX_FAILURES = 5;
const LOCK_MINUTES = 15;

async function isLocked(db: Db, key: string): Promise<boolean> {
  const row = await db.selectFrom("login_attempts").select("locked_until").where("key", "=", key).executeTakeFirst();
  return !!row?.locked_until && row.locked_until > new Date();
}

async function recordFailure(db: Db, key: string): Promise<void> {
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

async function clearFailures(db: Db, key: string): Promise<void> {
  await db.deleteFrom("login_attempts").where("key", "=", key).execute();
}

export type StaffPasswordResult = { ok: true; userId: string } | { ok: false; reason: "invalid" | "locked" };

/** Checks a staff member's email and password (rate-limited per account, in the database). */
export async function verifyStaffPassword(db: Db, email: string, password: string): Promise<StaffPasswordResult> {
  const normalized = email.trim().toLowerCase();
  const key = `staff:${normalized}`;
  if (await isLocked(db, key)) return { ok: false, reason: "locked" };
  const user = await db
    .selectFrom("users")
    .select(["id", "password_hash"])
    .where("email", "=", normalized)
    .where("role", "in", ["consultant", "supervisor"])
    .where("deleted_at", "is", null)
    .executeTakeFirst();
  const valid = await verifyPassword(password, user?.password_hash ?? (await dummyHash()));
  if (!user || !valid) {
    await recordFailure(db, key);
    return { ok: false, reason: "invalid" };
  }
  await clearFailures(db, key);
  return { ok: true, userId: user.id };
}

export type TotpResult = { ok: true } | { ok: false; reason: "invalid" | "locked" | "not-enrolled" };

/** Checks a TOTP code; an accepted step is stored so the same code cannot be used twice. */
export async function verifyStaffTotp(db: Kysely<Database>, userId: string, code: string, at = Date.now()): Promise<TotpResult> {
  const key = `totp:${userId}`;
  if (await isLocked(db, key)) return { ok: false, reason: "locked" };
  return db.transaction().execute(async (trx) => {
    const cred = await trx.selectFrom("staff_credentials").selectAll().where("user_id", "=", userId).forUpdate().executeTakeFirst();
    if (!cred) return { ok: false, reason: "not-enrolled" } as const;
    const step = matchTotp(cred.totp_secret, code.replace(/\s/g, ""), cred.totp_last_step === null ? null : Number(cred.totp_last_step), at);
    if (step === null) {
      await recordFailure(trx, key);
      return { ok: false, reason: "invalid" } as const;
    }
    await trx
      .updateTable("staff_credentials")
      .set({ totp_last_step: String(step), enrolled_at: cred.enrolled_at ?? new Date() })
      .where("user_id", "=", userId)
      .execute();
    await clearFailures(trx, key);
    return { ok: true } as const;
  });
}

export interface NewStaff {
  email: string;
  name: string;
  role: "consultant" | "supervisor";
  office: string;
  password: string;
  /** A fixed secret (demo seed only); otherwise a new random one. */
  totpSecret?: string;
}

/** Creates a staff account with its TOTP secret; returns the secret and otpauth URI to show once. */
export async function createStaff(db: Kysely<Database>, input: NewStaff) {
  const secret = input.totpSecret ?? generateTotpSecret();
  const passwordHash = await hashPassword(input.password);
  const email = input.email.trim().toLowerCase();
  const userId = await db.transaction().execute(async (trx) => {
    const user = await trx
      .insertInto("users")
      .values({ email, name: input.name, role: input.role, office: input.office, password_hash: passwordHash, email_verified_at: new Date() })
      .returning("id")
      .executeTakeFirstOrThrow();
    await trx.insertInto("staff_credentials").values({ user_id: user.id, totp_secret: secret }).execute();
    return user.id;
  });
  return { userId, secret, otpauth: otpauthUri(secret, email) };
}

/** Staff members, for assignment lists and the staff page. */
export function listStaff(db: Db) {
  return db
    .selectFrom("users")
    .select(["id", "email", "name", "role", "office"])
    .where("role", "in", ["consultant", "supervisor"])
    .where("deleted_at", "is", null)
    .orderBy("name")
    .execute();
}
