import { sql, type Kysely } from "kysely";

/**
 * Deleting eligibility checks (an account's deletion removes the checks it applied with) bumps the content version,
 * so no process keeps serving a cached results page for a check that is gone. Only deletes: answers and completions
 * happen all the time and never change a completed page.
 */
export async function up(db: Kysely<any>): Promise<void> {
  await sql`create trigger eligibility_checks_content_version
    after delete or truncate on eligibility_checks
    for each statement execute function content_version_bump()`.execute(db);
}

export async function down(db: Kysely<any>): Promise<void> {
  await sql`drop trigger eligibility_checks_content_version on eligibility_checks`.execute(db);
}
