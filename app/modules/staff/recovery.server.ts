import { randomBytes } from "node:crypto";
import type { Kysely } from "kysely";
import type { Db } from "~db/client";
import type { Database } from "~db/schema";
import { sha256 } from "~/modules/accounts/crypto.server";
import { clearFailures, isLocked, recordFailure, secondFactorKey } from "~/modules/accounts/rate-limit.server";
import { recordAudit, type AuditContext } from "./audit.server";
import { base32Encode } from "./totp.server";

export const RECOVERY_CODE_COUNT = 10;

/** `xxxx-xxxx-xxxx` in lower-case base32: 60 random bits, so a plain SHA-256 is enough to store it. */
export function generateRecoveryCode(): string {
  const text = base32Encode(randomBytes(8)).slice(0, 12).toLowerCase();
  return `${text.slice(0, 4)}-${text.slice(4, 8)}-${text.slice(8)}`;
}

/** Spaces, hyphens and case do not matter; anything that cannot be a code gives null. */
export function normalizeRecoveryCode(input: string): string | null {
  const clean = input.toLowerCase().replace(/[\s-]/g, "");
  return /^[a-z2-7]{12}$/.test(clean) ? clean : null;
}

const hashOf = (normalized: string) => sha256(`staff-recovery:${normalized}`);

/** Replaces a staff member's codes with new ones (inside the caller's transaction); returns them to show once. */
export async function replaceRecoveryCodes(db: Db, userId: string): Promise<string[]> {
  const codes = Array.from({ length: RECOVERY_CODE_COUNT }, generateRecoveryCode);
  await db.deleteFrom("staff_recovery_codes").where("user_id", "=", userId).execute();
  await db
    .insertInto("staff_recovery_codes")
    .values(codes.map((code) => ({ user_id: userId, code_hash: hashOf(normalizeRecoveryCode(code)!) })))
    .execute();
  return codes;
}

/** A signed-in staff member replaces their own codes (audited). */
export function regenerateRecoveryCodes(db: Kysely<Database>, ctx: AuditContext): Promise<string[]> {
  return db.transaction().execute(async (trx) => {
    const codes = await replaceRecoveryCodes(trx, ctx.actorId);
    await recordAudit(trx, ctx, {
      action: "staff.recovery_codes.regenerated",
      detail: { userId: ctx.actorId, count: codes.length },
    });
    return codes;
  });
}

/** How many of a staff member's codes are still unused. */
export async function countUnusedRecoveryCodes(db: Db, userId: string): Promise<number> {
  const row = await db
    .selectFrom("staff_recovery_codes")
    .select((eb) => eb.fn.countAll<string>().as("n"))
    .where("user_id", "=", userId)
    .where("used_at", "is", null)
    .executeTakeFirstOrThrow();
  return Number(row.n);
}

export type RecoveryResult = { ok: true; remaining: number } | { ok: false; reason: "invalid" | "locked" };

/** Signs in with a recovery code: single use, failures count toward the TOTP lock-out, success is audited. */
export async function redeemRecoveryCode(
  db: Kysely<Database>,
  ctx: AuditContext,
  input: string
): Promise<RecoveryResult> {
  const key = secondFactorKey(ctx.actorId);
  if (await isLocked(db, [key])) return { ok: false, reason: "locked" };
  const normalized = normalizeRecoveryCode(input);
  const used = normalized
    ? await db
        .updateTable("staff_recovery_codes")
        .set({ used_at: new Date() })
        .where("code_hash", "=", hashOf(normalized))
        .where("user_id", "=", ctx.actorId)
        .where("used_at", "is", null)
        .returning("code_hash")
        .executeTakeFirst()
    : undefined;
  if (!used) {
    await recordFailure(db, [key]);
    return { ok: false, reason: "invalid" };
  }
  await clearFailures(db, key);
  const remaining = await countUnusedRecoveryCodes(db, ctx.actorId);
  await recordAudit(db, ctx, { action: "staff.recovery_code.used", detail: { userId: ctx.actorId, remaining } });
  return { ok: true, remaining };
}
