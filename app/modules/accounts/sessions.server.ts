import { sql } from "kysely";
import type { Db } from "~db/client";
import { randomToken, sha256 } from "./crypto.server";

export const SESSION_DAYS = 14;

/** Starts a session; returns the raw token for the cookie (the table keeps its hash). */
export async function createSession(db: Db, userId: string, meta: { ip?: string | null; userAgent?: string | null } = {}): Promise<string> {
  const token = randomToken();
  await db
    .insertInto("sessions")
    .values({
      id_hash: sha256(token),
      user_id: userId,
      expires_at: sql<Date>`now() + make_interval(days => ${SESSION_DAYS})`,
      ip: meta.ip ?? null,
      user_agent: meta.userAgent?.slice(0, 300) ?? null,
    })
    .execute();
  return token;
}

/** The live session and its (not deleted) user for a raw token, or undefined. */
export async function findSession(db: Db, token: string) {
  return db
    .selectFrom("sessions")
    .innerJoin("users", "users.id", "sessions.user_id")
    .select([
      "sessions.id_hash",
      "sessions.second_factor_at",
      "users.id",
      "users.email",
      "users.name",
      "users.role",
      "users.preferred_lang",
      "users.email_verified_at",
      "users.office",
    ])
    .where("sessions.id_hash", "=", sha256(token))
    .where("sessions.expires_at", ">", sql<Date>`now()`)
    .where("users.deleted_at", "is", null)
    .executeTakeFirst();
}

export type SessionUser = NonNullable<Awaited<ReturnType<typeof findSession>>>;

/** Ends one session (sign-out). */
export async function deleteSession(db: Db, token: string): Promise<void> {
  await db.deleteFrom("sessions").where("id_hash", "=", sha256(token)).execute();
}

/** Ends every session of a user (password change, reset, deletion). */
export async function deleteUserSessions(db: Db, userId: string): Promise<void> {
  await db.deleteFrom("sessions").where("user_id", "=", userId).execute();
}
