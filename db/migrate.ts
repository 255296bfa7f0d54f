import { Migrator, sql, type Kysely, type MigrationProvider } from "kysely";
import { migrations } from "./migrations/index";

const provider: MigrationProvider = { getMigrations: async () => migrations };

export class MigrationError extends Error {
  constructor(
    readonly migration: string | undefined,
    cause: unknown,
  ) {
    super(`Migration ${migration ?? "(unknown)"} failed: ${cause instanceof Error ? cause.message : String(cause)}`);
  }
}

/**
 * Kysely looks for its bookkeeping tables in every schema unless told which one; with per-worker test schemas on
 * one server it then found another worker's lock table. Pin it to the current schema.
 */
async function migrator(db: Kysely<any>): Promise<Migrator> {
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
  return new Migrator({ db, provider, migrationTableSchema: rows[0]?.schema });
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
  const m = await migrator(db);
  for (;;) {
    const { error, results = [] } = await m.migrateDown();
    if (error) throw new MigrationError(results[0]?.migrationName, error);
    if (results.length === 0) return;
  }
}
