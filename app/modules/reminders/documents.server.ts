import { sql, type Kysely } from "kysely";
import type { Db } from "~db/client";
import type { Database } from "~db/schema";
import type { DocumentKind } from "./document-kinds";
import type { DocumentForm } from "./reminder.schema";
import { planReminders } from "./reminder-points";
import { sourcePoints } from "./points.server";

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;
const day = (column: string) => sql<string>`to_char(${sql.ref(column)}, 'YYYY-MM-DD')`;

export interface ReminderView {
  id: string;
  sourcePoint: string | null;
  dueOn: string;
  status: "pending" | "sent";
  sentAt: string | null;
}

export interface DocumentView {
  id: string;
  kind: DocumentKind;
  holderName: string | null;
  expiresOn: string;
  remindDaysBefore: number | null;
  remindOn: string | null;
  remindersOffAt: string | null;
  reminders: ReminderView[];
}

/** The account's documents (soonest expiry first) with their reminders. */
export async function listDocuments(db: Db, userId: string, id?: string): Promise<DocumentView[]> {
  if (id !== undefined && !UUID.test(id)) return [];
  let query = db
    .selectFrom("expiring_documents")
    .select(["id", "kind", "holder_name", "remind_days_before", "reminders_off_at"])
    .select([day("expires_on").as("expires_on"), day("remind_on").as("remind_on")])
    .where("user_id", "=", userId);
  if (id !== undefined) query = query.where("id", "=", id);
  const docs = await query.orderBy("expires_on").orderBy("created_at").execute();
  if (!docs.length) return [];
  const reminders = await db
    .selectFrom("document_reminders")
    .select(["id", "document_id", "source_point", "status", "sent_at", day("due_on").as("due_on")])
    .where(
      "document_id",
      "in",
      docs.map((d) => d.id)
    )
    .orderBy("due_on")
    .execute();
  return docs.map((d) => ({
    id: d.id,
    kind: d.kind,
    holderName: d.holder_name,
    expiresOn: d.expires_on,
    remindDaysBefore: d.remind_days_before,
    remindOn: d.remind_on,
    remindersOffAt: d.reminders_off_at?.toISOString() ?? null,
    reminders: reminders
      .filter((r) => r.document_id === d.id)
      .map((r) => ({
        id: r.id,
        sourcePoint: r.source_point,
        dueOn: r.due_on,
        status: r.status,
        sentAt: r.sent_at?.toISOString() ?? null,
      })),
  }));
}

/** One of the account's documents; another account's id (or a malformed one) gives undefined. */
export async function getDocument(db: Db, userId: string, id: string): Promise<DocumentView | undefined> {
  return (await listDocuments(db, userId, id))[0];
}

type SaveResult = { ok: true; id: string } | { ok: false; reason: "not-found" };

/**
 * Creates a document, or updates one of the account's own (`id`); then re-plans its reminders: pending ones are
 * replaced, sent ones stay (their unique key keeps a sent point from being queued again).
 */
export function saveDocument(
  db: Kysely<Database>,
  userId: string,
  form: DocumentForm,
  id?: string
): Promise<SaveResult> {
  const values = {
    kind: form.kind,
    holder_name: form.holder === "family" ? form.holderName ?? null : null,
    expires_on: form.expiresOn,
    remind_days_before: form.ownAmount ? form.ownAmount * (form.ownUnit === "weeks" ? 7 : 1) : null,
    remind_on: form.remindOn ?? null,
  };
  return db.transaction().execute(async (trx) => {
    const row =
      id === undefined
        ? await trx
            .insertInto("expiring_documents")
            .values({ ...values, user_id: userId })
            .returning("id")
            .executeTakeFirstOrThrow()
        : UUID.test(id)
        ? await trx
            .updateTable("expiring_documents")
            .set({ ...values, updated_at: sql<Date>`now()` })
            .where("id", "=", id)
            .where("user_id", "=", userId)
            .returning("id")
            .executeTakeFirst()
        : undefined;
    if (!row) return { ok: false, reason: "not-found" } as const;
    await trx
      .deleteFrom("document_reminders")
      .where("document_id", "=", row.id)
      .where("status", "=", "pending")
      .execute();
    const planned = planReminders(
      {
        kind: values.kind,
        expiresOn: values.expires_on,
        remindDaysBefore: values.remind_days_before,
        remindOn: values.remind_on,
      },
      sourcePoints()
    );
    if (planned.length) {
      await trx
        .insertInto("document_reminders")
        .values(
          planned.map((p) => ({ document_id: row.id, point_key: p.key, source_point: p.sourcePoint, due_on: p.dueOn }))
        )
        .onConflict((oc) => oc.columns(["document_id", "point_key"]).doNothing())
        .execute();
    }
    return { ok: true, id: row.id } as const;
  });
}

/** Deletes one of the account's documents with its reminders; false when it is not theirs (nothing changes). */
export async function deleteDocument(db: Db, userId: string, id: string): Promise<boolean> {
  if (!UUID.test(id)) return false;
  const result = await db
    .deleteFrom("expiring_documents")
    .where("id", "=", id)
    .where("user_id", "=", userId)
    .executeTakeFirst();
  return result.numDeletedRows > 0n;
}

/** Turns a document's reminders back on after an unsubscribe; false when it is not theirs. */
export async function resumeReminders(db: Db, userId: string, id: string): Promise<boolean> {
  if (!UUID.test(id)) return false;
  const result = await db
    .updateTable("expiring_documents")
    .set({ reminders_off_at: null, updated_at: sql<Date>`now()` })
    .where("id", "=", id)
    .where("user_id", "=", userId)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}
