import { sql, type Kysely } from "kysely";
import { createDb, type DbHandle } from "~db/client";
import type { Database } from "~db/schema";

/**
 * A second, independent connection pool on the same PostgreSQL schema as `db` (as a second server
 * process would have). PGlite cannot be shared between handles, so it returns undefined there.
 */
export async function secondPostgresHandle(db: Kysely<Database>): Promise<DbHandle | undefined> {
  const url = process.env.TEST_DATABASE_URL;
  const { rows } = await sql<{
    schema: string;
    version: string;
  }>`select current_schema() as schema, version() as version`.execute(db);
  const row = rows[0];
  if (!url || !row || !row.schema.startsWith("t_")) return undefined;
  const sep = url.includes("?") ? "&" : "?";
  return createDb({ url: `${url}${sep}options=${encodeURIComponent(`-c search_path=${row.schema}`)}`, max: 4 });
}
