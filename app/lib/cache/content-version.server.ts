import { sql } from "kysely";
import type { DbHandle } from "~db/client";

/** The version of the content anonymous pages show (`content_version`), kept current in this process. */
export interface ContentVersion {
  current(): number;
  /** Re-reads the counter now (also runs on a timer, in case a notification was lost). */
  refresh(): Promise<void>;
  stop(): Promise<void>;
}

/**
 * Follows the counter through NOTIFY (a trigger sends `<schema>:<version>` in the writing transaction, so every
 * process hears of a staff change within milliseconds) and a slow poll as a safety net.
 */
export async function watchContentVersion(handle: DbHandle, { pollMs = 2_000 } = {}): Promise<ContentVersion> {
  const read = async () => {
    const { rows } = await sql<{ schema: string; version: string | null }>`
      select current_schema() as schema, (select version from content_version where id = 1) as version`.execute(
      handle.db
    );
    return { schema: rows[0]?.schema ?? "public", version: Number(rows[0]?.version ?? 0) };
  };
  const first = await read();
  let version = first.version;
  let heard = 0;
  // Notifications arrive in commit order; the value is taken as it is (a truncated counter starts again).
  const stopListening = await handle.listen("content_version", (payload) => {
    const at = payload.lastIndexOf(":");
    if (payload.slice(0, at) !== first.schema) return;
    version = Number(payload.slice(at + 1));
    heard++;
  });
  const refresh = async () => {
    const before = heard;
    const now = await read();
    if (heard === before) version = now.version;
  };
  const timer = setInterval(() => void refresh().catch(() => undefined), pollMs);
  timer.unref();
  return {
    current: () => version,
    refresh,
    stop: async () => {
      clearInterval(timer);
      await stopListening();
    },
  };
}
