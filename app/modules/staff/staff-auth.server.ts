import type { Kysely } from "kysely";
import { z } from "zod";
import type { Db } from "~db/client";
import type { Database } from "~db/schema";
import { dummyHash, hashPassword, verifyPassword } from "~/modules/accounts/crypto.server";
import {
  clearFailures,
  isLocked,
  rateKeys,
  recordFailure,
  secondFactorKey,
} from "~/modules/accounts/rate-limit.server";
import { logger } from "~/lib/log.server";
import { SecretBoxError } from "~/lib/security/secret-box.server";
import { replaceRecoveryCodes } from "./recovery.server";
import { generateTotpSecret, matchTotp, otpauthUri } from "./totp.server";
import { openTotpSecret, sealTotpSecret } from "./totp-secrets.server";

export type StaffPasswordResult = { ok: true; userId: string } | { ok: false; reason: "invalid" | "locked" };

/**
 * Checks a staff member's email and password. Failures count on the same keys as the applicant sign-in
 * (account and address, `accounts/rate-limit`), so a lock holds on both forms.
 */
export async function verifyStaffPassword(
  db: Db,
  input: { email: string; password: string; ip: string }
): Promise<StaffPasswordResult> {
  const normalized = input.email.trim().toLowerCase();
  const keys = rateKeys(normalized, input.ip);
  if (await isLocked(db, keys)) return { ok: false, reason: "locked" };
  const user = await db
    .selectFrom("users")
    .select(["id", "password_hash"])
    .where("email", "=", normalized)
    .where("role", "in", ["consultant", "supervisor"])
    .where("deleted_at", "is", null)
    .executeTakeFirst();
  const valid = await verifyPassword(input.password, user?.password_hash ?? (await dummyHash()));
  if (!user || !valid) {
    await recordFailure(db, keys);
    return { ok: false, reason: "invalid" };
  }
  await clearFailures(db, keys[0]!);
  return { ok: true, userId: user.id };
}

export type TotpResult = { ok: true } | { ok: false; reason: "invalid" | "locked" | "not-enrolled" | "unreadable" };

/**
 * Checks a TOTP code; an accepted step is stored so the same code cannot be used twice. A legacy plain-text secret
 * is encrypted on its first successful use. A secret that does not decrypt (another server secret) is refused.
 */
export async function verifyStaffTotp(
  db: Kysely<Database>,
  userId: string,
  code: string,
  at = Date.now()
): Promise<TotpResult> {
  const key = secondFactorKey(userId);
  if (await isLocked(db, [key])) return { ok: false, reason: "locked" };
  return db.transaction().execute(async (trx) => {
    const cred = await trx
      .selectFrom("staff_credentials")
      .selectAll()
      .where("user_id", "=", userId)
      .forUpdate()
      .executeTakeFirst();
    if (!cred) return { ok: false, reason: "not-enrolled" } as const;
    let opened: ReturnType<typeof openTotpSecret>;
    try {
      opened = openTotpSecret(userId, cred.totp_secret);
    } catch (error) {
      if (!(error instanceof SecretBoxError)) throw error;
      logger("staff").warn({ userId }, "TOTP secret does not decrypt with this server secret");
      return { ok: false, reason: "unreadable" } as const;
    }
    const step = matchTotp(
      opened.secret,
      code.replace(/\s/g, ""),
      cred.totp_last_step === null ? null : Number(cred.totp_last_step),
      at
    );
    if (step === null) {
      await recordFailure(trx, [key]);
      return { ok: false, reason: "invalid" } as const;
    }
    await trx
      .updateTable("staff_credentials")
      .set({
        totp_last_step: String(step),
        enrolled_at: cred.enrolled_at ?? new Date(),
        ...(opened.legacy ? { totp_secret: sealTotpSecret(userId, opened.secret) } : {}),
      })
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

/** Creates a staff account with its TOTP secret (encrypted) and recovery codes; returns what to show once. */
export async function createStaff(db: Kysely<Database>, input: NewStaff) {
  const secret = input.totpSecret ?? generateTotpSecret();
  const passwordHash = await hashPassword(input.password);
  const email = input.email.trim().toLowerCase();
  const { userId, recoveryCodes } = await db.transaction().execute(async (trx) => {
    const user = await trx
      .insertInto("users")
      .values({
        email,
        name: input.name,
        role: input.role,
        office: input.office,
        password_hash: passwordHash,
        email_verified_at: new Date(),
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await trx
      .insertInto("staff_credentials")
      .values({ user_id: user.id, totp_secret: sealTotpSecret(user.id, secret) })
      .execute();
    return { userId: user.id, recoveryCodes: await replaceRecoveryCodes(trx, user.id) };
  });
  return { userId, secret, otpauth: otpauthUri(secret, email), recoveryCodes };
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

/** The password step of staff sign-in (bounded, so a huge password never reaches scrypt). */
export const PasswordStepSchema = z.object({
  email: z.string().trim().max(254).default(""),
  password: z.string().max(256).default(""),
});

/** The code step of staff sign-in: an authenticator code, or a recovery code with `method=recovery`. */
export const CodeStepSchema = z.object({
  method: z.enum(["totp", "recovery"]).default("totp"),
  code: z.string().trim().max(40).default(""),
});
