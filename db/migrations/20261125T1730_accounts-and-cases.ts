import { sql, type Kysely } from "kysely";

const id = (c: any) => c.primaryKey().defaultTo(sql`gen_random_uuid()`);
const now = (c: any) => c.notNull().defaultTo(sql`now()`);

async function accounts(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("users")
    .addColumn("id", "uuid", id)
    .addColumn("email", "text", (c) => c.notNull().unique())
    .addColumn("email_verified_at", "timestamptz")
    .addColumn("password_hash", "text")
    .addColumn("password_changed_at", "timestamptz")
    .addColumn("role", "text", (c) =>
      c
        .notNull()
        .defaultTo("applicant")
        .check(sql`role in ('applicant', 'consultant', 'supervisor')`)
    )
    .addColumn("name", "text")
    .addColumn("preferred_lang", "text", (c) => c.notNull().defaultTo("en"))
    .addColumn("office", "text")
    .addColumn("consent_at", "timestamptz")
    .addColumn("consent_version", "text")
    .addColumn("deleted_at", "timestamptz")
    .addColumn("created_at", "timestamptz", now)
    .addColumn("updated_at", "timestamptz", now)
    .execute();
  await db.schema
    .createTable("sessions")
    .addColumn("id_hash", "text", (c) => c.primaryKey())
    .addColumn("user_id", "uuid", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("created_at", "timestamptz", now)
    .addColumn("last_seen_at", "timestamptz", now)
    .addColumn("expires_at", "timestamptz", (c) => c.notNull())
    .addColumn("second_factor_at", "timestamptz")
    .addColumn("ip", "text")
    .addColumn("user_agent", "text")
    .execute();
  await db.schema.createIndex("sessions_user_id_idx").on("sessions").column("user_id").execute();
  await db.schema
    .createTable("auth_tokens")
    .addColumn("id", "uuid", id)
    .addColumn("user_id", "uuid", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("purpose", "text", (c) => c.notNull().check(sql`purpose in ('verify-email', 'reset-password')`))
    .addColumn("token_hash", "text", (c) => c.notNull().unique())
    .addColumn("expires_at", "timestamptz", (c) => c.notNull())
    .addColumn("used_at", "timestamptz")
    .addColumn("created_at", "timestamptz", now)
    .execute();
  await db.schema.createIndex("auth_tokens_user_id_idx").on("auth_tokens").columns(["user_id", "purpose"]).execute();
  await db.schema
    .createTable("login_attempts")
    .addColumn("key", "text", (c) => c.primaryKey())
    .addColumn("failures", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("window_started_at", "timestamptz", now)
    .addColumn("locked_until", "timestamptz")
    .addColumn("updated_at", "timestamptz", now)
    .execute();
}

async function cases(db: Kysely<any>): Promise<void> {
  await sql`create sequence case_reference_seq`.execute(db);
  await db.schema
    .createTable("cases")
    .addColumn("id", "uuid", id)
    .addColumn("reference", "text", (c) => c.notNull().unique())
    .addColumn("kind", "text", (c) => c.notNull().check(sql`kind in ('consultation', 'application')`))
    .addColumn("pathway", "text")
    .addColumn("status", "text", (c) =>
      c
        .notNull()
        .defaultTo("received")
        .check(
          sql`status in ('received', 'assigned', 'in_review', 'waiting_for_applicant', 'ready_to_file', 'filed', 'decided', 'closed')`
        )
    )
    .addColumn("applicant_id", "uuid", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("assignee_id", "uuid", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("subject", "text")
    .addColumn("details", "jsonb", (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn("office", "text")
    .addColumn("contact_channel", "text")
    .addColumn("vip", "boolean", (c) => c.notNull().defaultTo(false))
    .addColumn("lang", "text", (c) => c.notNull())
    .addColumn("nationality", "text")
    .addColumn("due_at", "timestamptz")
    .addColumn("waiting_since", "timestamptz")
    .addColumn("first_response_at", "timestamptz")
    .addColumn("last_activity_at", "timestamptz", now)
    .addColumn("closed_at", "timestamptz")
    .addColumn("version", "integer", (c) => c.notNull().defaultTo(1))
    .addColumn("eligibility_check_id", "text", (c) => c.references("eligibility_checks.id").onDelete("set null"))
    .addColumn("eligibility_snapshot", "jsonb")
    .addColumn("rules_version", "text")
    .addColumn("submission_token", "text", (c) => c.unique())
    .addColumn("created_at", "timestamptz", now)
    .addColumn("updated_at", "timestamptz", now)
    .execute();
  await db.schema.createIndex("cases_applicant_id_idx").on("cases").columns(["applicant_id", "created_at"]).execute();
  await db.schema
    .createTable("case_events")
    .addColumn("id", "bigint", (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("case_id", "uuid", (c) => c.notNull().references("cases.id").onDelete("cascade"))
    .addColumn("kind", "text", (c) =>
      c
        .notNull()
        .check(
          sql`kind in ('created', 'message', 'note', 'status', 'assignment', 'document', 'update', 'satisfaction')`
        )
    )
    .addColumn("visibility", "text", (c) => c.notNull().check(sql`visibility in ('public', 'internal')`))
    .addColumn("author_id", "uuid", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("body", "text")
    .addColumn("data", "jsonb", (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn("created_at", "timestamptz", now)
    .execute();
  await db.schema.createIndex("case_events_case_id_idx").on("case_events").columns(["case_id", "id"]).execute();
}

async function drafts(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("application_drafts")
    .addColumn("id", "uuid", id)
    .addColumn("user_id", "uuid", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("pathway", "text", (c) => c.notNull())
    .addColumn("eligibility_check_id", "text", (c) => c.references("eligibility_checks.id").onDelete("set null"))
    .addColumn("eligibility_snapshot", "jsonb")
    .addColumn("rules_version", "text")
    .addColumn("data", "jsonb", (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn("submission_token", "text", (c) => c.notNull().unique())
    .addColumn("case_id", "uuid", (c) => c.references("cases.id").onDelete("set null"))
    .addColumn("created_at", "timestamptz", now)
    .addColumn("updated_at", "timestamptz", now)
    .execute();
  await db.schema.createIndex("application_drafts_user_id_idx").on("application_drafts").column("user_id").execute();
}

async function documents(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("documents")
    .addColumn("id", "uuid", id)
    .addColumn("owner_id", "uuid", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("case_id", "uuid", (c) => c.references("cases.id").onDelete("cascade"))
    .addColumn("draft_id", "uuid", (c) => c.references("application_drafts.id").onDelete("set null"))
    .addColumn("case_event_id", "bigint", (c) => c.references("case_events.id").onDelete("set null"))
    .addColumn("checklist_item", "text")
    .addColumn("filename", "text", (c) => c.notNull())
    .addColumn("mime", "text", (c) => c.notNull().check(sql`mime in ('application/pdf', 'image/jpeg', 'image/png')`))
    .addColumn("size", "integer", (c) => c.notNull())
    .addColumn("sha256", "text", (c) => c.notNull())
    .addColumn("content", "bytea", (c) => c.notNull())
    .addColumn("created_at", "timestamptz", now)
    .execute();
  await db.schema.createIndex("documents_case_id_idx").on("documents").column("case_id").execute();
  await db.schema.createIndex("documents_owner_id_idx").on("documents").column("owner_id").execute();
}

async function outboxAndSatisfaction(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("outbox")
    .addColumn("id", "bigint", (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("to_address", "text", (c) => c.notNull())
    .addColumn("user_id", "uuid", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("lang", "text", (c) => c.notNull())
    .addColumn("template", "text", (c) => c.notNull())
    .addColumn("payload", "jsonb", (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn("status", "text", (c) =>
      c
        .notNull()
        .defaultTo("pending")
        .check(sql`status in ('pending', 'sending', 'sent', 'failed')`)
    )
    .addColumn("attempts", "integer", (c) => c.notNull().defaultTo(0))
    .addColumn("next_attempt_at", "timestamptz", now)
    .addColumn("claimed_by", "text")
    .addColumn("claimed_at", "timestamptz")
    .addColumn("sent_at", "timestamptz")
    .addColumn("last_error", "text")
    .addColumn("created_at", "timestamptz", now)
    .execute();
  await db.schema.createIndex("outbox_due_idx").on("outbox").columns(["status", "next_attempt_at"]).execute();
  await db.schema
    .createTable("satisfaction_answers")
    .addColumn("id", "uuid", id)
    .addColumn("case_id", "uuid", (c) => c.notNull().unique().references("cases.id").onDelete("cascade"))
    .addColumn("user_id", "uuid", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("answer", "text", (c) => c.notNull().check(sql`answer in ('yes', 'partly', 'no')`))
    .addColumn("created_at", "timestamptz", now)
    .execute();
}

export async function up(db: Kysely<any>): Promise<void> {
  await accounts(db);
  await cases(db);
  await drafts(db);
  await documents(db);
  await outboxAndSatisfaction(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of ["satisfaction_answers", "outbox", "documents", "application_drafts", "case_events", "cases"]) {
    await db.schema.dropTable(table).execute();
  }
  await sql`drop sequence case_reference_seq`.execute(db);
  for (const table of ["login_attempts", "auth_tokens", "sessions", "users"])
    await db.schema.dropTable(table).execute();
}
