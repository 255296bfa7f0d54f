import type { Db } from "~db/client";
import { isSealed, open, seal } from "~/lib/security/secret-box.server";
import { deriveKey } from "~/lib/security/secret.server";

const KEY_LABEL = "staff-totp-secret/v1";
let cachedKey: Buffer | undefined;

/** The AES key for TOTP secrets, derived from the server secret with its own HKDF label. */
export function totpKey(): Buffer {
  cachedKey ??= deriveKey(KEY_LABEL);
  return cachedKey;
}

// The row's user id is bound as AAD, so a sealed secret copied onto another account does not open.
const context = (userId: string) => `staff_credentials.totp_secret:${userId}`;

/** What to store in `staff_credentials.totp_secret` for a base32 secret. */
export function sealTotpSecret(userId: string, secret: string, key = totpKey()): string {
  return seal(secret, key, context(userId));
}

/** The base32 secret from a stored value; legacy plain-text rows are returned as they are (`legacy: true`). */
export function openTotpSecret(userId: string, stored: string, key = totpKey()): { secret: string; legacy: boolean } {
  if (!isSealed(stored)) return { secret: stored, legacy: true };
  return { secret: open(stored, key, context(userId)), legacy: false };
}

/** Encrypts every plain-text secret left by older versions or the demo seed (idempotent; run at start-up). */
export async function sealLegacyTotpSecrets(db: Db, key = totpKey()): Promise<number> {
  const rows = await db.selectFrom("staff_credentials").select(["user_id", "totp_secret"]).where("totp_secret", "not like", "v%:%").execute();
  for (const row of rows) {
    await db
      .updateTable("staff_credentials")
      .set({ totp_secret: sealTotpSecret(row.user_id, row.totp_secret, key) })
      .where("user_id", "=", row.user_id)
      .where("totp_secret", "=", row.totp_secret)
      .execute();
  }
  return rows.length;
}
