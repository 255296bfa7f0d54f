import type { Kysely } from "kysely";
import { createDb, type DbHandle } from "~db/client";
import type { Database } from "~db/schema";
import { getEnv } from "./env.server";
import { serviceUnavailable } from "./http/responses";
import { logger } from "./log.server";

declare global {
  var __portalDb: Promise<DbHandle> | undefined;
}

/** The process-wide database handle, opened once (kept on globalThis so dev reloads reuse it). */
export function dbHandle(): Promise<DbHandle> {
  if (!globalThis.__portalDb) {
    const env = getEnv();
    globalThis.__portalDb = createDb({
      url: env.DATABASE_URL,
      pgliteDir: env.PGLITE_DIR,
      onConnectionError: (error) =>
        logger("db").warn({ err: error.message }, "database connection lost; the pool replaces it"),
      unavailable: () => serviceUnavailable(),
    });
  }
  return globalThis.__portalDb;
}

export async function getDb(): Promise<Kysely<Database>> {
  return (await dbHandle()).db;
}
