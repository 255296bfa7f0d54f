import { sql, type Kysely } from "kysely";

/** The inbox filters, in the order of the counter table's key. */
const dims = sql.raw("office, kind, pathway, nationality, lang, vip, assignee_id");

/**
 * Closed cases are most of the table, so their tab count comes from a counter per combination of the inbox filters,
 * kept by statement-level triggers (one grouped upsert per statement, so bulk changes stay cheap). Open cases are few
 * and are counted from their covering partial indexes, which now also serve each sort order as an index-only walk.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create table closed_case_counts (
      office text, kind text not null, pathway text, nationality text, lang text not null, vip boolean not null, assignee_id uuid,
      n bigint not null,
      constraint closed_case_counts_key unique nulls not distinct (office, kind, pathway, nationality, lang, vip, assignee_id))`.execute(
    db
  );
  await sql`create function closed_case_counts_apply() returns trigger language plpgsql as $$
    begin
      if tg_op = 'INSERT' then
        insert into closed_case_counts as c (${dims}, n)
          select ${dims}, count(*) from new_rows where status = 'closed' group by ${dims}
          on conflict on constraint closed_case_counts_key do update set n = c.n + excluded.n;
      elsif tg_op = 'DELETE' then
        insert into closed_case_counts as c (${dims}, n)
          select ${dims}, -count(*) from old_rows where status = 'closed' group by ${dims}
          on conflict on constraint closed_case_counts_key do update set n = c.n + excluded.n;
      else
        insert into closed_case_counts as c (${dims}, n)
          select ${dims}, sum(d) from (
            select ${dims}, -1 as d from old_rows where status = 'closed'
            union all select ${dims}, 1 from new_rows where status = 'closed') t
          group by ${dims} having sum(d) <> 0
          on conflict on constraint closed_case_counts_key do update set n = c.n + excluded.n;
      end if;
      return null;
    end $$`.execute(db);
  await sql`create trigger closed_case_counts_insert after insert on cases referencing new table as new_rows
    for each statement execute function closed_case_counts_apply()`.execute(db);
  await sql`create trigger closed_case_counts_update after update on cases referencing old table as old_rows new table as new_rows
    for each statement execute function closed_case_counts_apply()`.execute(db);
  await sql`create trigger closed_case_counts_delete after delete on cases referencing old table as old_rows
    for each statement execute function closed_case_counts_apply()`.execute(db);
  await sql`insert into closed_case_counts (${dims}, n) select ${dims}, count(*) from cases where status = 'closed' group by ${dims}`.execute(
    db
  );

  // Index-only walks of the open cases in each sort order; every inbox filter is an included column.
  const covered = sql.raw(
    "status, assignee_id, office, vip, nationality, kind, lang, pathway, due_at, response_due_at, last_activity_at, created_at"
  );
  const open = sql`status <> 'closed'`;
  await sql`drop index cases_open_activity_idx`.execute(db);
  await sql`drop index cases_open_due_idx`.execute(db);
  await sql`create index cases_open_activity_idx on cases (last_activity_at desc, id desc) include (${covered}) where ${open}`.execute(
    db
  );
  await sql`create index cases_open_due_idx on cases ((coalesce(least(due_at, response_due_at), '9999-12-31Z'::timestamptz)), id)
    include (${covered}) where ${open}`.execute(db);
  await sql`create index cases_open_created_idx on cases (created_at desc, id desc) include (${covered}) where ${open}`.execute(
    db
  );
  // Ordered, so the closed tab filtered by nationality reads its first page from the index.
  await sql`drop index cases_nationality_status_idx`.execute(db);
  await sql`create index cases_nationality_status_idx on cases (nationality, status, last_activity_at desc, id desc)`.execute(
    db
  );
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop index cases_nationality_status_idx`.execute(db);
  await sql`create index cases_nationality_status_idx on cases (nationality, status)`.execute(db);
  await sql`drop index cases_open_created_idx`.execute(db);
  await sql`drop index cases_open_due_idx`.execute(db);
  await sql`drop index cases_open_activity_idx`.execute(db);
  const open = sql`status <> 'closed'`;
  await sql`create index cases_open_activity_idx on cases (last_activity_at desc, id desc)
    include (status, assignee_id, office, vip, nationality, kind, lang, pathway, due_at, response_due_at) where ${open}`.execute(
    db
  );
  await sql`create index cases_open_due_idx on cases ((coalesce(least(due_at, response_due_at), '9999-12-31Z'::timestamptz)), id) where ${open}`.execute(
    db
  );
  for (const op of ["insert", "update", "delete"])
    await sql`drop trigger ${sql.raw(`closed_case_counts_${op}`)} on cases`.execute(db);
  await sql`drop function closed_case_counts_apply()`.execute(db);
  await sql`drop table closed_case_counts`.execute(db);
}
