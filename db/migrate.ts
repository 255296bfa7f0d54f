import { Migrator, sql, type Kysely, type MigrationProvider } from "kysely";
import { migrations } from "./migrations/index";

const provider: MigrationProvider = { getMigrations: async () => migrations };

export class MigrationError extends Error {
  constructor(readonly migration: string | undefined, cause: unknown) {
    super(`Migration ${migration ?? "(unknown)"} failed: ${cause instanceof Error ? cause.message : String(cause)}`);
  }
}

/**
 * A migrator bound to the connection's current schema. Without the schema, Kysely would take a bookkeeping table in
 * any other schema (another test run's, say) for its own and then fail to find it on the search path.
 */
async function migrator(db: Kysely<any>): Promise<Migrator> {
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
  return new Migrator({ db, provider, migrationTableSchema: rows[0]?.schema ?? "public" });
}

/** Brings the schema up to date; throws a MigrationError naming the failing migration. */
export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  const { error, results = [] } = await (await migrator(db)).migrateToLatest();
  const failed = results.find((r) => r.status === "Error");
  if (error) throw new MigrationError(failed?.migrationName, error);
  return results.filter((r) => r.status === "Success").map((r) => r.migrationName);
}

/** Rolls every migration back (used by db:reset). */
export async function migrateDownAll(db: Kysely<any>): Promise<void> {
  const bound = await migrator(db);
  for (;;) {
    const { error, results = [] } = await bound.migrateDown();
    if (error) throw new MigrationError(results[0]?.migrationName, error);
    if (results.length === 0) return;
  }
}
