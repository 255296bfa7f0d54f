import { sql, type Kysely } from "kysely";

/** Tables whose rows anonymous pages show: a change to any of them makes every cached page stale. */
const watched = ["bank_branches", "rental_services", "education_programmes", "sla_settings", "business_holidays"];

/**
 * One counter for the content anonymous pages show. Statement-level triggers bump it in the writing transaction and
 * announce the new value with NOTIFY (payload `<schema>:<version>`), so every server process drops its page cache.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create table content_version (id int primary key check (id = 1), version bigint not null)`.execute(db);
  await sql`insert into content_version (id, version) values (1, 1)`.execute(db);
  await sql`create function content_version_bump() returns trigger language plpgsql as $$
    declare v bigint;
    begin
      insert into content_version as c (id, version) values (1, 2)
        on conflict (id) do update set version = c.version + 1
        returning version into v;
      perform pg_notify('content_version', current_schema() || ':' || v);
      return null;
    end $$`.execute(db);
  for (const table of watched) {
    await sql`create trigger ${sql.id(`${table}_content_version`)}
      after insert or update or delete or truncate on ${sql.id(table)}
      for each statement execute function content_version_bump()`.execute(db);
  }
}

export async function down(db: Kysely<any>): Promise<void> {
  for (const table of watched)
    await sql`drop trigger ${sql.id(`${table}_content_version`)} on ${sql.id(table)}`.execute(db);
  await sql`drop function content_version_bump()`.execute(db);
  await sql`drop table content_version`.execute(db);
}
