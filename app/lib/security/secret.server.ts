import { hkdfSync, randomBytes } from "node:crypto";
import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { getEnv } from "../env.server";

let persistent: string | undefined;

/**
 * The server's secret, for signing tokens and deriving keys for data at rest; it survives restarts and is shared by
 * the server and the CLI: SESSION_SECRET, or (never in production) a random one written once to
 * `<data dir>/server-secret`.
 */
export function appSecret(): string {
  const env = getEnv();
  if (env.SESSION_SECRET) return env.SESSION_SECRET;
  if (env.NODE_ENV === "production") throw new Error("SESSION_SECRET is required in production");
  if (persistent) return persistent;
  const file = path.join(path.dirname(path.resolve(env.PGLITE_DIR)), "server-secret");
  mkdirSync(path.dirname(file), { recursive: true });
  // Written aside and linked into place, so a second process never reads a half-written file and the first one wins.
  const draft = `${file}.${process.pid}.${randomBytes(4).toString("hex")}`;
  writeFileSync(draft, randomBytes(32).toString("hex"), { mode: 0o600 });
  try {
    linkSync(draft, file);
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code !== "EEXIST") throw error;
  } finally {
    unlinkSync(draft);
  }
  persistent = readFileSync(file, "utf8").trim();
  return persistent;
}

/** A 256-bit key for one purpose (HKDF-SHA256 over the persistent secret; `label` keeps purposes apart). */
export function deriveKey(label: string, secret: string = appSecret()): Buffer {
  return Buffer.from(hkdfSync("sha256", secret, "talent-taiwan-portal", label, 32));
}
