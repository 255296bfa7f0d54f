import { sql, type Kysely } from "kysely";

const id = (c: any) => c.primaryKey().defaultTo(sql`gen_random_uuid()`);

/**
 * Expiry reminders (issue 17, part 2): documents an applicant records, one row per reminder point (unique per document
 * and point, so a point is never queued twice), and single-use unsubscribe tokens kept only as SHA-256 hashes.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("expiring_documents")
    .addColumn("id", "uuid", id)
    .addColumn("user_id", "uuid", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("kind", "text", (c) =>
      c.notNull().check(sql`kind in ('gold-card', 'resident-certificate', 'passport', 'work-permit')`)
    )
    .addColumn("holder_name", "text")
    .addColumn("expires_on", "date", (c) => c.notNull())
    .addColumn("remind_days_before", "integer", (c) => c.check(sql`remind_days_before between 1 and 730`))
    .addColumn("remind_on", "date")
    .addColumn("reminders_off_at", "timestamptz")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addColumn("updated_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
  await db.schema
    .createIndex("expiring_documents_user")
    .on("expiring_documents")
    .columns(["user_id", "expires_on"])
    .execute();

  await db.schema
    .createTable("document_reminders")
    .addColumn("id", "uuid", id)
    .addColumn("document_id", "uuid", (c) => c.notNull().references("expiring_documents.id").onDelete("cascade"))
    .addColumn("point_key", "text", (c) => c.notNull())
    .addColumn("source_point", "text")
    .addColumn("due_on", "date", (c) => c.notNull())
    .addColumn("status", "text", (c) =>
      c
        .notNull()
        .defaultTo("pending")
        .check(sql`status in ('pending', 'sent')`)
    )
    .addColumn("sent_at", "timestamptz")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addUniqueConstraint("document_reminders_point", ["document_id", "point_key"])
    .execute();
  await sql`create index document_reminders_due on document_reminders (due_on, id) where status = 'pending'`.execute(
    db
  );

  await db.schema
    .createTable("reminder_unsubscribe_tokens")
    .addColumn("token_hash", "text", (c) => c.primaryKey())
    .addColumn("document_id", "uuid", (c) => c.notNull().references("expiring_documents.id").onDelete("cascade"))
    .addColumn("used_at", "timestamptz")
    .addColumn("created_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .execute();
}

export async function down(db: Kysely<any>): Promise<void> {
  await db.schema.dropTable("reminder_unsubscribe_tokens").execute();
  await db.schema.dropTable("document_reminders").execute();
  await db.schema.dropTable("expiring_documents").execute();
}
