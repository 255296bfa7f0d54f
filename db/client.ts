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
  /** PostgreSQL: called when a connection fails outside a query (e.g. the server restarted); the pool replaces it. */
  onConnectionError?: (error: Error) => void;
  /** PostgreSQL: what to throw instead of an error that means the server cannot be reached right now. */
  unavailable?: (error: unknown) => unknown;
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
    const pool = new pg.Pool({ connectionString: options.url, max: options.max ?? 10, connectionTimeoutMillis: 5_000 });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool: guardPool(pool, options) }) });
    return {
      db,
      kind: "postgres",
      close: () => db.destroy(),
      listen: (channel, on) => listenPostgres(options.url!, channel, on),
    };
  }
  const dir = options.pgliteDir ?? "./data/pglite";
  if (!dir.startsWith("memory://")) mkdirSync(path.resolve(dir), { recursive: true });
  const pglite = await PGlite.create(dir.startsWith("memory://") ? undefined : path.resolve(dir), {
    extensions: { pg_trgm },
  });
  const db = new Kysely<Database>({ dialect: new PGliteDialect(pglite) });
  const listen = async (channel: string, on: (payload: string) => void) => {
    const stop = await pglite.listen(channel, on);
    return () => stop();
  };
  return { db, kind: "pglite", close: () => db.destroy(), listen };
}

async function listenPostgres(
  url: string,
  channel: string,
  on: (payload: string) => void
): Promise<() => Promise<void>> {
  let client: pg.Client | undefined;
  let stopped = false;
  // A lost connection (a restart, a terminated backend) is opened again; meanwhile the watcher's poll covers.
  const open = async (): Promise<void> => {
    const c = new pg.Client({ connectionString: url });
    c.on("notification", (n) => n.channel === channel && on(n.payload ?? ""));
    c.on("error", () => undefined);
    c.on("end", () => !stopped && setTimeout(() => void open().catch(() => undefined), 1_000).unref());
    client = c;
    await c.connect();
    await c.query(`listen ${c.escapeIdentifier(channel)}`);
  };
  await open();
  return async () => {
    stopped = true;
    await client?.end();
  };
}

const CONNECTION_CODES = new Set([
  "57P01",
  "57P02",
  "57P03",
  "53300",
  "ECONNREFUSED",
  "ECONNRESET",
  "EPIPE",
  "ETIMEDOUT",
  "EHOSTUNREACH",
  "EAI_AGAIN",
]);
const CONNECTION_MESSAGES =
  /Connection terminated|timeout exceeded when trying to connect|not queryable|Client was closed/;

/** Whether an error means PostgreSQL cannot be reached right now (connection lost or refused), not a bad query. */
export function isConnectionError(error: unknown): boolean {
  if (!(error instanceof Error)) return false;
  const code = String((error as { code?: unknown }).code ?? "");
  return CONNECTION_CODES.has(code) || code.startsWith("08") || CONNECTION_MESSAGES.test(error.message);
}

/**
 * The pool as Kysely sees it. Every client gets an error listener of its own as soon as it connects, because pg emits
 * "error" on a client that loses its connection while checked out (even in the chunk that completed its connection,
 * before the caller holds it), and an unheard "error" ends the process; the pool gets one for idle clients.
 * Connection errors from `connect` and `query` become `options.unavailable(error)`.
 */
function guardPool(pool: pg.Pool, options: DbOptions) {
  const report = (error: Error) => options.onConnectionError?.(error);
  pool.on("error", report);
  pool.on("connect", (client) => client.on("error", report));
  const rethrow = (error: unknown): never => {
    throw options.unavailable && isConnectionError(error) ? options.unavailable(error) : error;
  };
  const guarded = new WeakMap<pg.PoolClient, pg.PoolClient>();
  const guard = (client: pg.PoolClient) => {
    let view = guarded.get(client);
    if (!view) {
      view = Object.create(client) as pg.PoolClient;
      view.query = ((...args: Parameters<pg.PoolClient["query"]>) => {
        const result = (client.query as (...a: unknown[]) => unknown).apply(client, args);
        return result instanceof Promise ? result.catch(rethrow) : result;
      }) as pg.PoolClient["query"];
      view.release = (error?: Error | boolean) => client.release(error);
      guarded.set(client, view);
    }
    return view;
  };
  return { connect: () => pool.connect().then(guard, rethrow), end: () => pool.end() };
}
