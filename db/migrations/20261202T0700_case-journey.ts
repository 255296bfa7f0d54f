import { sql, type Kysely, type RawBuilder } from "kysely";

/** The search text of 20261125T1800, plus the applicant's name and words (question, application answers). */
const searchWithWords = sql`lower(concat_ws(' ', new.reference, new.subject, new.applicant_name, new.details->>'name',
  new.details->>'fullName', new.details->>'question', new.details->>'qualification', new.details->>'employer',
  new.details->>'spouseName', new.details->>'nationality',
  (select concat_ws(' ', u.email, u.name) from users u where u.id = new.applicant_id)))`;

const searchBefore = sql`lower(concat_ws(' ', new.reference, new.subject, new.details->>'name', new.details->>'fullName',
  (select concat_ws(' ', u.email, u.name) from users u where u.id = new.applicant_id)))`;

function staffFields(search: RawBuilder<unknown>) {
  return sql`create or replace function cases_staff_fields() returns trigger language plpgsql as $$
    begin
      new.search_text := ${search};
      if new.status = 'closed' then new.response_due_at := null;
      elsif new.first_response_at is null then
        new.response_due_at := business_deadline(new.created_at, (select c.first_response_hours from sla_config() c));
      elsif new.awaiting_reply_since is not null then
        new.response_due_at := business_deadline(new.awaiting_reply_since, (select c.next_response_hours from sla_config() c));
      else new.response_due_at := null;
      end if;
      return new;
    end $$`;
}

/**
 * Issue 12: a case carries its applicant's name; staff search finds the applicant's own words; messages carry a
 * submission token (a double submit writes and emails once); applicants' last-read event per case (unread marker).
 */
export async function up(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("cases").addColumn("applicant_name", "text").execute();
  await db.schema.alterTable("case_events").addColumn("submission_token", "text").execute();
  await sql`create unique index case_events_submission_token_idx on case_events (case_id, submission_token)
    where submission_token is not null`.execute(db);
  await db.schema
    .createTable("case_reads")
    .addColumn("case_id", "uuid", (c) => c.notNull().references("cases.id").onDelete("cascade"))
    .addColumn("user_id", "uuid", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("last_event_id", "bigint", (c) => c.notNull())
    .addColumn("read_at", "timestamptz", (c) => c.notNull().defaultTo(sql`now()`))
    .addPrimaryKeyConstraint("case_reads_pk", ["case_id", "user_id"])
    .execute();
  await staffFields(searchWithWords).execute(db);
  await sql`update cases set applicant_name = nullif(trim(details->>'fullName'), '') where applicant_name is null`.execute(
    db
  );
  await sql`update cases set search_text = null`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await staffFields(searchBefore).execute(db);
  await db.schema.dropTable("case_reads").execute();
  await sql`drop index case_events_submission_token_idx`.execute(db);
  await db.schema.alterTable("case_events").dropColumn("submission_token").execute();
  await db.schema.alterTable("cases").dropColumn("applicant_name").execute();
  await sql`update cases set search_text = null`.execute(db);
}
