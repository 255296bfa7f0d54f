import type { Db } from "~db/client";
import { isSealed, open, seal, SecretBoxError } from "~/lib/security/secret-box.server";
import { appSecrets, deriveKey } from "~/lib/security/secret.server";

const KEY_LABEL = "staff-totp-secret/v1";
let cached: { secrets: readonly string[]; keys: Buffer[] } | undefined;

/** The AES keys for TOTP secrets, newest first: one per server secret in the ring, each with its own HKDF label. */
export function totpKeys(): Buffer[] {
  const secrets = appSecrets();
  if (cached?.secrets !== secrets) cached = { secrets, keys: secrets.map((secret) => deriveKey(KEY_LABEL, secret)) };
  return cached.keys;
}

// The row's user id is bound as AAD, so a sealed secret copied onto another account does not open.
const context = (userId: string) => `staff_credentials.totp_secret:${userId}`;

/** What to store in `staff_credentials.totp_secret` for a base32 secret (sealed with the newest key). */
export function sealTotpSecret(userId: string, secret: string, keys = totpKeys()): string {
  return seal(secret, keys[0] as Buffer, context(userId));
}

/**
 * The base32 secret from a stored value, opened with any key of the ring. `legacy: true` means it should be sealed
 * again: it was plain text (older versions, the demo seed) or sealed under an older key.
 */
export function openTotpSecret(userId: string, stored: string, keys = totpKeys()): { secret: string; legacy: boolean } {
  if (!isSealed(stored)) return { secret: stored, legacy: true };
  for (const [index, key] of keys.entries()) {
    try {
      return { secret: open(stored, key, context(userId)), legacy: index > 0 };
    } catch (error) {
      if (!(error instanceof SecretBoxError)) throw error;
    }
  }
  throw new SecretBoxError("cannot decrypt");
}

/**
 * Seals again, under the newest key, every secret that is plain text or sealed under an older key of the ring
 * (idempotent; run at start-up, so a rotation is complete after one restart). Rows no key opens are left alone.
 */
export async function sealLegacyTotpSecrets(db: Db, keys = totpKeys()): Promise<number> {
  const rows = await db.selectFrom("staff_credentials").select(["user_id", "totp_secret"]).execute();
  let sealed = 0;
  for (const row of rows) {
    let opened: ReturnType<typeof openTotpSecret>;
    try {
      opened = openTotpSecret(row.user_id, row.totp_secret, keys);
    } catch {
      continue;
    }
    if (!opened.legacy) continue;
    const result = await db
      .updateTable("staff_credentials")
      .set({ totp_secret: sealTotpSecret(row.user_id, opened.secret, keys) })
      .where("user_id", "=", row.user_id)
      .where("totp_secret", "=", row.totp_secret)
      .executeTakeFirst();
    sealed += Number(result.numUpdatedRows);
  }
  return sealed;
}
