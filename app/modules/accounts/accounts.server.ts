import { sql, type Kysely } from "kysely";
import type { Db } from "~db/client";
import type { Database } from "~db/schema";
import { enqueueEmail, type LinkTo } from "~/modules/notifications/outbox.server";
import { CONSENT_VERSION } from "./account.schema";
import { dummyHash, hashPassword, verifyPassword } from "./crypto.server";
import { weakPasswordReason } from "./password-policy.server";
import { allowEvent, clearFailures, isLocked, mailKeys, rateKeys, recordFailure } from "./rate-limit.server";
import { deleteUserSessions } from "./sessions.server";
import { consumeToken, issueToken } from "./tokens.server";

type DB = Kysely<Database>;

/**
 * Answers that could tell whether an account exists (sign-up, forgot password) take at least this long; their work
 * (a scrypt hash, a few inserts) takes well under it, so known and unknown addresses answer alike.
 */
export const EVEN_ANSWER_MS = 400;

async function evenly<T>(work: () => Promise<T>): Promise<T> {
  const until = performance.now() + EVEN_ANSWER_MS;
  try {
    return await work();
  } finally {
    const rest = until - performance.now();
    if (rest > 0) await new Promise((resolve) => setTimeout(resolve, rest));
  }
}

/** Counts an e-mail against the recipient's and the client address's hourly limits; false means do not send. */
function mayEmail(db: Db, to: string, ip: string): Promise<boolean> {
  return allowEvent(db, mailKeys(to, ip));
}

/**
 * Registers an applicant and queues the verification email in one transaction. An email that is
 * already registered gets an "account exists" email instead, so the form never reveals who has an account.
 */
type SignUpInput = { email: string; password: string; lang: string; ip: string; next?: string };

export async function signUp(db: DB, input: SignUpInput, link: LinkTo) {
  const weak = weakPasswordReason(input.password, input.email);
  if (weak) return { ok: false as const, reason: weak };
  /** The raw token only serves the same-browser proof cookie (signup-proof.server.ts); it is never shown. */
  const verifyToken = await evenly(() => registerOrRemind(db, input, link));
  return { ok: true as const, verifyToken };
}

async function registerOrRemind(db: DB, input: SignUpInput, link: LinkTo): Promise<string | undefined> {
  const hash = await hashPassword(input.password);
  return db.transaction().execute(async (trx) => {
    const send = await mayEmail(trx, input.email, input.ip);
    const user = await trx
      .insertInto("users")
      .values({
        email: input.email,
        password_hash: hash,
        preferred_lang: input.lang,
        consent_at: sql<Date>`now()`,
        consent_version: CONSENT_VERSION,
      })
      .onConflict((oc) => oc.column("email").doNothing())
      .returning("id")
      .executeTakeFirst();
    if (!user) {
      const existing = await trx
        .selectFrom("users")
        .select(["id", "preferred_lang"])
        .where("email", "=", input.email)
        .executeTakeFirstOrThrow();
      const url = link(existing.preferred_lang, "/account/sign-in");
      if (send)
        await enqueueEmail(trx, {
          to: input.email,
          userId: existing.id,
          lang: existing.preferred_lang,
          template: "account-exists",
          payload: { url },
        });
      return undefined;
    }
    const token = await issueToken(trx, user.id, "verify-email");
    const next = input.next ? `&next=${encodeURIComponent(input.next)}` : "";
    const url = link(input.lang, `/account/verify?token=${token}${next}`);
    if (send)
      await enqueueEmail(trx, {
        to: input.email,
        userId: user.id,
        lang: input.lang,
        template: "verify-email",
        payload: { url },
      });
    return token;
  });
}

/** Confirms an email address with a single-use token; returns the account's id, or undefined for a dead token. */
export async function verifyEmail(db: DB, token: string): Promise<string | undefined> {
  return db.transaction().execute(async (trx) => {
    const userId = await consumeToken(trx, token, "verify-email");
    if (!userId) return undefined;
    await trx
      .updateTable("users")
      .set({ email_verified_at: sql<Date>`coalesce(email_verified_at, now())` })
      .where("id", "=", userId)
      .execute();
    return userId;
  });
}

export type SignInResult = { ok: true; userId: string } | { ok: false; reason: "invalid" | "locked" | "unverified" };

/** Checks a password with per-account and per-address rate limits kept in the database. */
export async function signIn(
  db: DB,
  input: { email: string; password: string; ip: string },
  link: LinkTo
): Promise<SignInResult> {
  const keys = rateKeys(input.email, input.ip);
  if (
    await isLocked(
      db,
      keys.map((k) => k.key)
    )
  )
    return { ok: false, reason: "locked" };
  const user = await db
    .selectFrom("users")
    .select(["id", "password_hash", "email_verified_at", "preferred_lang", "role"])
    .where("email", "=", input.email)
    .where("deleted_at", "is", null)
    .executeTakeFirst();
  const valid = await verifyPassword(input.password, user?.password_hash ?? (await dummyHash()));
  // Staff sign in only through the staff form (second factor); here they get the answer a wrong password gets.
  if (!user || !valid || user.role !== "applicant") {
    await recordFailure(db, keys);
    return { ok: false, reason: "invalid" };
  }
  await clearFailures(db, keys[0]!.key);
  if (!user.email_verified_at) {
    await db.transaction().execute(async (trx) => {
      if (!(await mayEmail(trx, input.email, input.ip))) return;
      const token = await issueToken(trx, user.id, "verify-email");
      const url = link(user.preferred_lang, `/account/verify?token=${token}`);
      await enqueueEmail(trx, {
        to: input.email,
        userId: user.id,
        lang: user.preferred_lang,
        template: "verify-email",
        payload: { url },
      });
    });
    return { ok: false, reason: "unverified" };
  }
  return { ok: true, userId: user.id };
}

/** Queues a reset link when the account exists (within the e-mail limits); says nothing either way, in even time. */
export async function requestPasswordReset(db: DB, input: { email: string; ip: string }, link: LinkTo): Promise<void> {
  const { email } = input;
  await evenly(() =>
    db.transaction().execute(async (trx) => {
      const send = await mayEmail(trx, email, input.ip);
      const user = await trx
        .selectFrom("users")
        .select(["id", "preferred_lang"])
        .where("email", "=", email)
        .where("deleted_at", "is", null)
        .executeTakeFirst();
      if (!user || !send) return;
      const token = await issueToken(trx, user.id, "reset-password");
      const url = link(user.preferred_lang, `/account/reset-password?token=${token}`);
      await enqueueEmail(trx, {
        to: email,
        userId: user.id,
        lang: user.preferred_lang,
        template: "reset-password",
        payload: { url },
      });
    })
  );
}

/** Sets a new password with a reset token; ends every session of the account. */
export async function resetPassword(db: DB, token: string, password: string) {
  return db
    .transaction()
    .execute(async (trx) => {
      const userId = await consumeToken(trx, token, "reset-password");
      if (!userId) return { ok: false as const, reason: "token" as const };
      const user = await trx.selectFrom("users").select("email").where("id", "=", userId).executeTakeFirstOrThrow();
      const weak = weakPasswordReason(password, user.email);
      if (weak) throw new WeakPassword(weak);
      await trx
        .updateTable("users")
        .set({
          password_hash: await hashPassword(password),
          password_changed_at: sql<Date>`now()`,
          email_verified_at: sql<Date>`coalesce(email_verified_at, now())`,
        })
        .where("id", "=", userId)
        .execute();
      await deleteUserSessions(trx, userId);
      await clearFailures(trx, `account:${user.email}`);
      return { ok: true as const, userId };
    })
    .catch((error: unknown) => {
      if (error instanceof WeakPassword) return { ok: false as const, reason: error.reason };
      throw error;
    });
}

/** Rolls the reset back (the token stays usable) when the new password is too weak. */
class WeakPassword extends Error {
  constructor(readonly reason: "common" | "email") {
    super(reason);
  }
}
