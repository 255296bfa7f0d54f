import { sql } from "kysely";
import type { Db } from "~db/client";
import { randomToken, sha256 } from "./crypto.server";

export const SESSION_DAYS = 14;
/** Minutes without a request after which a session ends: staff see passports and salaries, so theirs is short. */
export const IDLE_MINUTES = { staff: 30, applicant: 120 } as const;
/** Staff sessions also end after a working day, whatever their activity. */
export const STAFF_SESSION_HOURS = 12;

const staffRole = sql<boolean>`users.role in ('consultant', 'supervisor')`;

/** Starts a session; returns the raw token for the cookie (the table keeps its hash). */
export async function createSession(
  db: Db,
  userId: string,
  meta: { ip?: string | null; userAgent?: string | null } = {}
): Promise<string> {
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
      "sessions.last_seen_at",
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
    .where(
      sql<boolean>`sessions.last_seen_at > now() - make_interval(mins => case when ${staffRole}
      then ${IDLE_MINUTES.staff}::int else ${IDLE_MINUTES.applicant}::int end)`
    )
    .where(
      sql<boolean>`(not ${staffRole} or sessions.created_at > now() - make_interval(hours => ${STAFF_SESSION_HOURS}::int))`
    )
    .where("users.deleted_at", "is", null)
    .executeTakeFirst();
}

/** Records activity on a session, at most once a minute (the idle timeout counts from it). */
export async function touchSession(db: Db, idHash: string): Promise<void> {
  await db
    .updateTable("sessions")
    .set({ last_seen_at: sql`now()` })
    .where("id_hash", "=", idHash)
    .where("last_seen_at", "<", sql<Date>`now() - interval '1 minute'`)
    .execute();
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
