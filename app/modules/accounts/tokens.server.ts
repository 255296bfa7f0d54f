import { sql } from "kysely";
import type { Db } from "~db/client";
import type { AuthTokenPurpose } from "~db/schema";
import { randomToken, sha256 } from "./crypto.server";

const TTL_MINUTES: Record<AuthTokenPurpose, number> = { "verify-email": 48 * 60, "reset-password": 60 };

/** Issues a single-use token (earlier unused ones of the same purpose stop working); returns the raw value for the email. */
export async function issueToken(db: Db, userId: string, purpose: AuthTokenPurpose): Promise<string> {
  const token = randomToken();
  await db
    .deleteFrom("auth_tokens")
    .where("user_id", "=", userId)
    .where("purpose", "=", purpose)
    .where("used_at", "is", null)
    .execute();
  await db
    .insertInto("auth_tokens")
    .values({
      user_id: userId,
      purpose,
      token_hash: sha256(token),
      expires_at: sql<Date>`now() + make_interval(mins => ${TTL_MINUTES[purpose]})`,
    })
    .execute();
  return token;
}

/** Marks a live token used and returns its user id; a used, expired or unknown token gives undefined. Atomic. */
export async function consumeToken(db: Db, token: string, purpose: AuthTokenPurpose): Promise<string | undefined> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return undefined;
  const row = await db
    .updateTable("auth_tokens")
    .set({ used_at: sql<Date>`now()` })
    .where("token_hash", "=", sha256(token))
    .where("purpose", "=", purpose)
    .where("used_at", "is", null)
    .where("expires_at", ">", sql<Date>`now()`)
    .returning("user_id")
    .executeTakeFirst();
  return row?.user_id;
}

/** True while a token is live (for showing the reset form before it is used). */
export async function isTokenLive(db: Db, token: string, purpose: AuthTokenPurpose): Promise<boolean> {
  if (!/^[A-Za-z0-9_-]{43}$/.test(token)) return false;
  const row = await db
    .selectFrom("auth_tokens")
    .select("id")
    .where("token_hash", "=", sha256(token))
    .where("purpose", "=", purpose)
    .where("used_at", "is", null)
    .where("expires_at", ">", sql<Date>`now()`)
    .executeTakeFirst();
  return Boolean(row);
}
