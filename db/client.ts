import { mkdirSync } from "node:fs";
import path from "node:path";
import { PGlite } from "@electric-sql/pglite";
import { pg_trgm } from "@electric-sql/pglite/contrib/pg_trgm";
import { Kysely, PostgresDialect, type Transaction } from "kysely";
import { PGliteDialect } from "kysely-pglite-dialect";
import pg from "pg";
import type { Database } from "./schema";

export type Db = Kysely<Database> | Transaction<Database>;

export interface DbOptions {
  /** A PostgreSQL connection string; without one the embedded PGlite is used. */
  url?: string;
  /** PGlite data directory; `memory://` for an in-memory database. */
  pgliteDir?: string;
  /** Pool size for PostgreSQL. */
  max?: number;
}

export interface DbHandle {
  db: Kysely<Database>;
  kind: "postgres" | "pglite";
  close: () => Promise<void>;
}

/** Builds the database client. It reads no environment: callers pass configuration in. */
export async function createDb(options: DbOptions = {}): Promise<DbHandle> {
  if (options.url) {
    const pool = new pg.Pool({ connectionString: options.url, max: options.max ?? 10 });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, kind: "postgres", close: () => db.destroy() };
  }
  const dir = options.pgliteDir ?? "./data/pglite";
  if (!dir.startsWith("memory://")) mkdirSync(path.resolve(dir), { recursive: true });
  const pglite = await PGlite.create(dir.startsWith("memory://") ? undefined : path.resolve(dir), { extensions: { pg_trgm } });
  const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
  return { db, kind: "pglite", close: () => db.destroy() };
}
