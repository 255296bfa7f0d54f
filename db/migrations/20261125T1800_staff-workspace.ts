import { sql, type Kysely } from "kysely";

const now = (c: any) => c.notNull().defaultTo(sql`now()`);

async function staffTables(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("staff_credentials")
    .addColumn("user_id", "uuid", (c) => c.primaryKey().references("users.id").onDelete("cascade"))
    .addColumn("totp_secret", "text", (c) => c.notNull())
    .addColumn("totp_last_step", "bigint")
    .addColumn("enrolled_at", "timestamptz")
    .addColumn("created_at", "timestamptz", now)
    .execute();
  await db.schema
    .createTable("staff_recovery_codes")
    .addColumn("code_hash", "text", (c) => c.primaryKey())
    .addColumn("user_id", "uuid", (c) => c.notNull().references("users.id").onDelete("cascade"))
    .addColumn("used_at", "timestamptz")
    .execute();
  await db.schema
    .createTable("canned_replies")
    .addColumn("id", "uuid", (c) => c.primaryKey().defaultTo(sql`gen_random_uuid()`))
    .addColumn("lang", "text", (c) => c.notNull())
    .addColumn("title", "text", (c) => c.notNull())
    .addColumn("body", "text", (c) => c.notNull())
    .addColumn("updated_by", "uuid", (c) => c.references("users.id").onDelete("set null"))
    .addColumn("archived_at", "timestamptz")
    .addColumn("created_at", "timestamptz", now)
    .addColumn("updated_at", "timestamptz", now)
    .addUniqueConstraint("canned_replies_lang_title_key", ["lang", "title"])
    .execute();
  await db.schema
    .createTable("sla_settings")
    .addColumn("id", "integer", (c) => c.primaryKey().check(sql`id = 1`))
    .addColumn("first_response_hours", "integer", (c) => c.notNull().check(sql`first_response_hours between 1 and 200`))
    .addColumn("next_response_hours", "integer", (c) => c.notNull().check(sql`next_response_hours between 1 and 200`))
    .addColumn("day_start", "time", (c) => c.notNull())
    .addColumn("day_end", "time", (c) => c.notNull())
    .addColumn("workdays", sql`integer[]`, (c) => c.notNull())
    .addColumn("updated_at", "timestamptz", now)
    .addCheckConstraint("sla_settings_day_check", sql`day_start < day_end`)
    .execute();
  await sql`insert into sla_settings (id, first_response_hours, next_response_hours, day_start, day_end, workdays)
    values (1, 8, 16, '09:00', '18:00', '{1,2,3,4,5}')`.execute(db);
  await db.schema
    .createTable("business_holidays")
    .addColumn("day", "date", (c) => c.primaryKey())
    .addColumn("label", "text", (c) => c.notNull())
    .execute();
}

/** Append-only: no foreign keys (a deleted case or user must not rewrite history), and a trigger refuses UPDATE/DELETE. */
async function auditLog(db: Kysely<any>): Promise<void> {
  await db.schema
    .createTable("audit_log")
    .addColumn("id", "bigint", (c) => c.primaryKey().generatedAlwaysAsIdentity())
    .addColumn("actor_id", "uuid")
    .addColumn("actor_email", "text")
    .addColumn("action", "text", (c) => c.notNull())
    .addColumn("case_id", "uuid")
    .addColumn("case_reference", "text")
    .addColumn("detail", "jsonb", (c) => c.notNull().defaultTo(sql`'{}'::jsonb`))
    .addColumn("ip", "text")
    .addColumn("user_agent", "text")
    .addColumn("created_at", "timestamptz", now)
    .execute();
  await db.schema.createIndex("audit_log_case_idx").on("audit_log").columns(["case_id", "id"]).execute();
  await db.schema.createIndex("audit_log_created_idx").on("audit_log").columns(["created_at", "id"]).execute();
  await sql`create function audit_log_refuse_change() returns trigger language plpgsql as $$
    begin raise exception 'audit_log is append-only' using errcode = '42501'; end $$`.execute(db);
  await sql`create trigger audit_log_append_only before update or delete on audit_log
    for each row execute function audit_log_refuse_change()`.execute(db);
}

/** Taiwan business-hours deadline: `hours` working hours after `start_at`, per sla_settings and business_holidays. */
async function businessDeadline(db: Kysely<any>): Promise<void> {
  // The settings row with defaults, so the functions still work on an emptied table (tests truncate it).
  await sql`create function sla_config(out first_response_hours integer, out next_response_hours integer,
      out day_start time, out day_end time, out workdays integer[])
    language sql stable as $$
      select coalesce(s.first_response_hours, 8), coalesce(s.next_response_hours, 16), coalesce(s.day_start, '09:00'),
             coalesce(s.day_end, '18:00'), coalesce(s.workdays, '{1,2,3,4,5}')
      from (select 1) d left join sla_settings s on s.id = 1 $$`.execute(db);
  await sql`create function business_deadline(start_at timestamptz, hours integer) returns timestamptz
    language plpgsql stable as $$
    declare
      s record;
      t timestamp := start_at at time zone 'Asia/Taipei';
      remaining interval := make_interval(hours => hours);
      day_open timestamp;
      day_close timestamp;
    begin
      select * into s from sla_config();
      for i in 1..400 loop
        day_open := date_trunc('day', t) + s.day_start;
        day_close := date_trunc('day', t) + s.day_end;
        if extract(isodow from t)::int = any(s.workdays) and t < day_close
           and not exists (select 1 from business_holidays h where h.day = t::date) then
          if t < day_open then t := day_open; end if;
          if day_close - t >= remaining then return (t + remaining) at time zone 'Asia/Taipei'; end if;
          remaining := remaining - (day_close - t);
        end if;
        t := date_trunc('day', t) + interval '1 day';
      end loop;
      return null;
    end $$`.execute(db);
}

/** Keeps cases.search_text and cases.response_due_at current whatever code writes the case. */
async function caseTriggers(db: Kysely<any>): Promise<void> {
  await db.schema.alterTable("cases").addColumn("search_text", "text").execute();
  await db.schema.alterTable("cases").addColumn("response_due_at", "timestamptz").execute();
  // Since when the applicant's latest message waits for a staff reply (set here, cleared by a staff reply).
  await db.schema.alterTable("cases").addColumn("awaiting_reply_since", "timestamptz").execute();
  await sql`create function cases_staff_fields() returns trigger language plpgsql as $$
    begin
      new.search_text := lower(concat_ws(' ', new.reference, new.subject, new.details->>'name', new.details->>'fullName',
        (select concat_ws(' ', u.email, u.name) from users u where u.id = new.applicant_id)));
      if new.status = 'closed' then new.response_due_at := null;
      elsif new.first_response_at is null then
        new.response_due_at := business_deadline(new.created_at, (select c.first_response_hours from sla_config() c));
      elsif new.awaiting_reply_since is not null then
        new.response_due_at := business_deadline(new.awaiting_reply_since, (select c.next_response_hours from sla_config() c));
      else new.response_due_at := null;
      end if;
      return new;
    end $$`.execute(db);
  await sql`create trigger cases_staff_fields before insert or update on cases
    for each row execute function cases_staff_fields()`.execute(db);
  await sql`create function users_refresh_case_search() returns trigger language plpgsql as $$
    begin
      if new.email is distinct from old.email or new.name is distinct from old.name then
        update cases set search_text = null where applicant_id = new.id;
      end if;
      return null;
    end $$`.execute(db);
  await sql`create trigger users_refresh_case_search after update on users
    for each row execute function users_refresh_case_search()`.execute(db);
  await sql`create function case_events_applicant_waiting() returns trigger language plpgsql as $$
    begin
      if new.kind = 'message' and new.visibility = 'public' then
        update cases set awaiting_reply_since = coalesce(awaiting_reply_since, new.created_at)
          where id = new.case_id and applicant_id = new.author_id;
      end if;
      return null;
    end $$`.execute(db);
  await sql`create trigger case_events_applicant_waiting after insert on case_events
    for each row execute function case_events_applicant_waiting()`.execute(db);
}

async function caseIndexes(db: Kysely<any>): Promise<void> {
  // In `public` so per-schema test databases share it; the opclass is schema-qualified for any search_path.
  await sql`create extension if not exists pg_trgm schema public`.execute(db);
  const { rows } = await sql<{
    nsp: string;
  }>`select extnamespace::regnamespace::text as nsp from pg_extension where extname = 'pg_trgm'`.execute(db);
  const trgm = sql.raw(`${rows[0]!.nsp}.gin_trgm_ops`);
  const open = sql`status <> 'closed'`;
  // Covers every inbox filter, so tab counts over the open set are index-only scans.
  await sql`create index cases_open_activity_idx on cases (last_activity_at desc, id desc)
    include (status, assignee_id, office, vip, nationality, kind, lang, pathway, due_at, response_due_at) where ${open}`.execute(
    db
  );
  await sql`create index cases_open_due_idx on cases ((coalesce(least(due_at, response_due_at), '9999-12-31Z'::timestamptz)), id) where ${open}`.execute(
    db
  );
  await sql`create index cases_assignee_activity_idx on cases (assignee_id, last_activity_at desc, id desc) where ${open}`.execute(
    db
  );
  await sql`create index cases_status_activity_idx on cases (status, last_activity_at desc, id desc)`.execute(db);
  await sql`create index cases_created_idx on cases (created_at desc, id desc)`.execute(db);
  // Selective filters bound the capped tab counts over the (large) closed set.
  await sql`create index cases_office_status_idx on cases (office, status, last_activity_at desc, id desc)`.execute(db);
  await sql`create index cases_nationality_status_idx on cases (nationality, status)`.execute(db);
  await sql`create index cases_vip_status_idx on cases (status, last_activity_at desc, id desc) where vip`.execute(db);
  await sql`create index cases_search_trgm_idx on cases using gin (search_text ${trgm})`.execute(db);
  await sql`create index case_events_body_trgm_idx on case_events using gin (body ${trgm})`.execute(db);
}

export async function up(db: Kysely<any>): Promise<void> {
  await staffTables(db);
  await auditLog(db);
  await businessDeadline(db);
  await caseTriggers(db);
  await caseIndexes(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const name of [
    "cases_vip_status_idx",
    "cases_nationality_status_idx",
    "cases_office_status_idx",
    "case_events_body_trgm_idx",
    "cases_search_trgm_idx",
    "cases_created_idx",
    "cases_status_activity_idx",
    "cases_assignee_activity_idx",
    "cases_open_due_idx",
    "cases_open_activity_idx",
  ]) {
    await db.schema.dropIndex(name).execute();
  }
  await sql`drop trigger case_events_applicant_waiting on case_events`.execute(db);
  await sql`drop function case_events_applicant_waiting()`.execute(db);
  await sql`drop trigger users_refresh_case_search on users`.execute(db);
  await sql`drop function users_refresh_case_search()`.execute(db);
  await sql`drop trigger cases_staff_fields on cases`.execute(db);
  await sql`drop function cases_staff_fields()`.execute(db);
  await db.schema.alterTable("cases").dropColumn("awaiting_reply_since").execute();
  await db.schema.alterTable("cases").dropColumn("response_due_at").execute();
  await db.schema.alterTable("cases").dropColumn("search_text").execute();
  await sql`drop function business_deadline(timestamptz, integer)`.execute(db);
  await sql`drop function sla_config()`.execute(db);
  for (const table of [
    "audit_log",
    "business_holidays",
    "sla_settings",
    "canned_replies",
    "staff_recovery_codes",
    "staff_credentials",
  ]) {
    await db.schema.dropTable(table).execute();
  }
  await sql`drop function audit_log_refuse_change()`.execute(db);
}
