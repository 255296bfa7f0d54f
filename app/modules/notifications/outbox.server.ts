import { sql, type Kysely, type Selectable } from "kysely";
import type { Db } from "~db/client";
import type { Database, OutboxTable } from "~db/schema";
import { getEnv } from "~/lib/env.server";

export type OutboxRow = Selectable<OutboxTable>;
export type EmailTemplate =
  | "verify-email"
  | "account-exists"
  | "reset-password"
  | "case-received"
  | "case-message"
  | "case-status"
  | "case-assigned"
  | "document-reminder"
  | "rule-change";

/** Builds absolute links for emails: the public origin plus the recipient's language and a path. */
export type LinkTo = (lang: string, path: string) => string;

/** A LinkTo on the configured public origin: never the request's Host or X-Forwarded-Host, which a client chooses. */
export function linkFor(): LinkTo {
  const origin = getEnv().publicOrigin;
  return (lang, path) => `${origin}/${lang}${path}`;
}

export interface Email {
  to: string;
  userId: string | null;
  lang: string;
  template: EmailTemplate;
  /** Template values; `url` is the link in the email, `calendarUrl` and `unsubscribeUrl` optional further links. */
  payload: Record<string, string>;
}

/** Queues an email; call it with the transaction that makes the change, so both commit or neither does. */
export async function enqueueEmail(db: Db, email: Email): Promise<void> {
  await db
    .insertInto("outbox")
    .values({
      to_address: email.to,
      user_id: email.userId,
      lang: email.lang,
      template: email.template,
      payload: JSON.stringify(email.payload),
    })
    .execute();
}

/** Queues many emails in one statement (a batch job's transaction); the same rows enqueueEmail writes. */
export async function enqueueEmails(db: Db, emails: Email[]): Promise<void> {
  if (emails.length === 0) return;
  await db
    .insertInto("outbox")
    .values(
      emails.map((e) => ({
        to_address: e.to,
        user_id: e.userId,
        lang: e.lang,
        template: e.template,
        payload: JSON.stringify(e.payload),
      }))
    )
    .execute();
}

export const MAX_ATTEMPTS = 8;
/** A claim older than this is treated as abandoned (the claiming process died) and may be taken again. */
const STALE_CLAIM_MINUTES = 10;

/**
 * Claims up to `limit` due emails for one worker. `FOR UPDATE SKIP LOCKED` lets concurrent workers
 * pass over each other's rows, so no row is claimed twice while its claim is live.
 */
export async function claimDue(db: Kysely<Database>, worker: string, limit = 10): Promise<OutboxRow[]> {
  const { rows } = await sql<OutboxRow>`
    update outbox set status = 'sending', claimed_by = ${worker}, claimed_at = now(), attempts = attempts + 1
    where id in (
      select id from outbox
      where (status = 'pending' and next_attempt_at <= now())
         or (status = 'sending' and claimed_at < now() - make_interval(mins => ${STALE_CLAIM_MINUTES}))
      order by id
      limit ${limit}
      for update skip locked)
    returning *`.execute(db);
  return rows.map((r) => ({ ...r, id: String(r.id) }));
}

/** Marks a claimed email sent (only by the worker holding the claim) and drops the links that carry tokens. */
export async function markSent(db: Db, id: string, worker: string): Promise<void> {
  await db
    .updateTable("outbox")
    .set({
      status: "sent",
      sent_at: sql<Date>`now()`,
      payload: sql<string>`payload - 'url' - 'unsubscribeUrl'`,
      last_error: null,
    })
    .where("id", "=", id)
    .where("claimed_by", "=", worker)
    .execute();
}

/** Backoff after the n-th failed attempt: 1, 2, 4 … minutes, at most 6 hours. */
export function backoffMinutes(attempts: number): number {
  return Math.min(2 ** Math.max(0, attempts - 1), 360);
}

/** Puts a failed email back with backoff, or gives up after MAX_ATTEMPTS. */
export async function markFailed(
  db: Db,
  row: Pick<OutboxRow, "id" | "attempts">,
  worker: string,
  error: string
): Promise<void> {
  const giveUp = row.attempts >= MAX_ATTEMPTS;
  await db
    .updateTable("outbox")
    .set({
      status: giveUp ? "failed" : "pending",
      next_attempt_at: sql<Date>`now() + make_interval(mins => ${backoffMinutes(row.attempts)})`,
      last_error: error.slice(0, 500),
      claimed_by: null,
      claimed_at: null,
    })
    .where("id", "=", row.id)
    .where("claimed_by", "=", worker)
    .execute();
}

export type Sender = (row: OutboxRow) => Promise<void>;

/** One pass: claim due emails and send each; returns how many were sent. */
export async function deliverDue(db: Kysely<Database>, worker: string, send: Sender, limit = 10): Promise<number> {
  const rows = await claimDue(db, worker, limit);
  let sent = 0;
  for (const row of rows) {
    try {
      await send(row);
      await markSent(db, row.id, worker);
      sent++;
    } catch (error) {
      await markFailed(db, row, worker, error instanceof Error ? error.message : String(error));
    }
  }
  return sent;
}

/** Recent emails for the development mailbox page. */
export function listRecentEmails(db: Db, limit = 50) {
  return db.selectFrom("outbox").selectAll().orderBy("id", "desc").limit(limit).execute();
}
