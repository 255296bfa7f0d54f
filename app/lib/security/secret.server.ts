import { createHmac, hkdfSync, randomBytes, timingSafeEqual } from "node:crypto";
import { linkSync, mkdirSync, readFileSync, unlinkSync, writeFileSync } from "node:fs";
import path from "node:path";
import { getEnv } from "../env.server";

let persistent: string | undefined;

/**
 * The key ring, newest first: new tokens and data are signed and sealed with the first secret; the others only open
 * what they signed or sealed, so a secret can be rotated without signing anyone out or losing staff TOTP secrets.
 * SESSION_SECRET (comma-separated), or (in a demo or development only) one random secret in `<data dir>/server-secret`.
 */
export function appSecrets(): readonly string[] {
  const env = getEnv();
  if (env.SESSION_SECRET) return env.SESSION_SECRET;
  if (env.NODE_ENV === "production" && !env.demo) throw new Error("SESSION_SECRET is required in production");
  return [persistentSecret()];
}

/** The newest secret: what signs and seals new data. */
export function appSecret(): string {
  return appSecrets()[0] as string;
}

function persistentSecret(): string {
  const env = getEnv();
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

/** HMAC-SHA256 of `message` under the newest secret (or the one given), base64url. */
export function sign(message: string, secret: string = appSecret()): string {
  return createHmac("sha256", secret).update(message).digest("base64url");
}

/** True when `mac` is the HMAC of `message` under any secret in the ring. */
export function verifySignature(message: string, mac: unknown, secrets: readonly string[] = appSecrets()): boolean {
  if (typeof mac !== "string") return false;
  const given = Buffer.from(mac);
  return secrets.some((secret) => {
    const expected = Buffer.from(sign(message, secret));
    return expected.length === given.length && timingSafeEqual(expected, given);
  });
}
