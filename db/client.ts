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
  /** Calls `onPayload` for each NOTIFY on `channel` (PostgreSQL: a connection of its own); resolves to a stop function. */
  listen: (channel: string, onPayload: (payload: string) => void) => Promise<() => Promise<void>>;
}

/** Builds the database client. It reads no environment: callers pass configuration in. */
export async function createDb(options: DbOptions = {}): Promise<DbHandle> {
  if (options.url) {
    const pool = new pg.Pool({ connectionString: options.url, max: options.max ?? 10 });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return { db, kind: "postgres", close: () => db.destroy(), listen: (channel, on) => listenPostgres(options.url!, channel, on) };
  }
  const dir = options.pgliteDir ?? "./data/pglite";
  if (!dir.startsWith("memory://")) mkdirSync(path.resolve(dir), { recursive: true });
  const pglite = await PGlite.create(dir.startsWith("memory://") ? undefined : path.resolve(dir), { extensions: { pg_trgm } });
  const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
  const listen = async (channel: string, on: (payload: string) => void) => {
    const stop = await pglite.listen(channel, on);
    return () => stop();
  };
  return { db, kind: "pglite", close: () => db.destroy(), listen };
}

async function listenPostgres(url: string, channel: string, on: (payload: string) => void): Promise<() => Promise<void>> {
  const client = new pg.Client({ connectionString: url });
  client.on("notification", (n) => {
    if (n.channel === channel) on(n.payload ?? "");
  });
  client.on("error", () => undefined); // a lost connection only delays invalidation: the watcher also polls
  await client.connect();
  await client.query(`listen ${client.escapeIdentifier(channel)}`);
  return () => client.end();
}
