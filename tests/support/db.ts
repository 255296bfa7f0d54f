import { randomBytes } from "node:crypto";
import { sql, type Kysely } from "kysely";
import pg from "pg";
import { afterAll, afterEach, beforeAll } from "vitest";
import { createDb, type DbHandle } from "~db/client";
import { migrateToLatest } from "~db/migrate";
import type { Database } from "~db/schema";

type Opener = () => Promise<DbHandle>;

/** PGlite in memory, plus PostgreSQL (a fresh schema per test file) when TEST_DATABASE_URL is set. */
export function testDatabases(): [string, Opener][] {
  const list: [string, Opener][] = [["pglite", () => createDb({ pgliteDir: "memory://" })]];
  const url = process.env.TEST_DATABASE_URL;
  if (url) list.push(["postgres", () => openPostgresSchema(url)]);
  return list;
}

async function openPostgresSchema(url: string): Promise<DbHandle> {
  const schema = `t_${randomBytes(6).toString("hex")}`;
  const admin = new pg.Client({ connectionString: url });
  await admin.connect();
  await admin.query(`create schema ${schema}`);
  await admin.end();
  const sep = url.includes("?") ? "&" : "?";
  const handle = await createDb({
    url: `${url}${sep}options=${encodeURIComponent(`-c search_path=${schema}`)}`,
    max: 4,
  });
  return {
    ...handle,
    close: async () => {
      await sql`drop schema ${sql.id(schema)} cascade`.execute(handle.db);
      await handle.close();
    },
  };
}

/** Empties every application table (keeps the migration bookkeeping). */
export async function truncateAll(db: Kysely<Database>): Promise<void> {
  const { rows } = await sql<{ tablename: string }>`
    select tablename from pg_tables where schemaname = current_schema() and tablename not like 'kysely_%'`.execute(db);
  if (rows.length === 0) return;
  await sql.raw(`truncate ${rows.map((r) => `"${r.tablename}"`).join(", ")} restart identity cascade`).execute(db);
}

/** Opens a migrated database for a describe block and empties it after each test. */
export function useMigratedDb(open: Opener): () => Kysely<Database> {
  let handle: DbHandle | undefined;
  beforeAll(async () => {
    handle = await open();
    await migrateToLatest(handle.db);
  });
  afterEach(async () => {
    if (handle) await truncateAll(handle.db);
  });
  afterAll(async () => {
    await handle?.close();
  });
  return () => {
    if (!handle) throw new Error("database not open yet");
    return handle.db;
  };
}
