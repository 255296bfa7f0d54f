import { sql, type Kysely } from "kysely";
import type { Db } from "~db/client";
import type { Database } from "~db/schema";
import { randomToken, sha256 } from "~/modules/accounts/crypto.server";

const TOKEN = /^[A-Za-z0-9_-]{43}$/;

/** Issues the unsubscribe token of one reminder email; only its hash is stored. Returns the raw token for the link. */
export async function issueUnsubscribeToken(db: Db, documentId: string): Promise<string> {
  const token = randomToken();
  await db
    .insertInto("reminder_unsubscribe_tokens")
    .values({ token_hash: sha256(token), document_id: documentId })
    .execute();
  return token;
}

export type TokenState = "live" | "used" | "unknown";

/** What an unsubscribe link is worth, and whose document it stops, without using it (mail scanners open links). */
export async function unsubscribeTarget(db: Db, token: string) {
  if (!TOKEN.test(token)) return { state: "unknown" as const };
  const row = await db
    .selectFrom("reminder_unsubscribe_tokens as t")
    .innerJoin("expiring_documents as d", "d.id", "t.document_id")
    .select(["t.used_at", "d.kind", "d.holder_name"])
    .where("t.token_hash", "=", sha256(token))
    .executeTakeFirst();
  if (!row) return { state: "unknown" as const };
  return { state: row.used_at ? ("used" as const) : ("live" as const), kind: row.kind, holderName: row.holder_name };
}

/**
 * Uses a live token and turns the document's reminders off, atomically: a used or unknown token changes nothing and
 * says which it was.
 */
export async function unsubscribe(
  db: Kysely<Database>,
  token: string
): Promise<{ ok: true } | { ok: false; reason: "used" | "unknown" }> {
  if (!TOKEN.test(token)) return { ok: false, reason: "unknown" };
  return db.transaction().execute(async (trx) => turnOff(trx, token));
}

async function turnOff(db: Db, token: string): Promise<{ ok: true } | { ok: false; reason: "used" | "unknown" }> {
  const used = await db
    .updateTable("reminder_unsubscribe_tokens")
    .set({ used_at: sql<Date>`now()` })
    .where("token_hash", "=", sha256(token))
    .where("used_at", "is", null)
    .returning("document_id")
    .executeTakeFirst();
  if (!used) return { ok: false, reason: (await unsubscribeTarget(db, token)).state === "used" ? "used" : "unknown" };
  await db
    .updateTable("expiring_documents")
    .set({ reminders_off_at: sql<Date>`coalesce(reminders_off_at, now())` })
    .where("id", "=", used.document_id)
    .execute();
  return { ok: true };
}
