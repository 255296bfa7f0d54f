import { Migrator, type Kysely, type MigrationProvider } from "kysely";
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

/** Brings the schema up to date; throws a MigrationError naming the failing migration. */
export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  const { error, results = [] } = await new Migrator({ db, provider }).migrateToLatest();
  const failed = results.find((r) => r.status === "Error");
  if (error) throw new MigrationError(failed?.migrationName, error);
  return results.filter((r) => r.status === "Success").map((r) => r.migrationName);
}

/** Rolls every migration back (used by db:reset). */
export async function migrateDownAll(db: Kysely<any>): Promise<void> {
  const migrator = new Migrator({ db, provider });
  for (;;) {
    const { error, results = [] } = await migrator.migrateDown();
    if (error) throw new MigrationError(results[0]?.migrationName, error);
    if (results.length === 0) return;
  }
}
