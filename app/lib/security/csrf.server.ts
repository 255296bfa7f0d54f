import { pooledRandomBytes } from "./random.server";
import { readCookie } from "../http/cookies";
import { sign, verifySignature } from "./secret.server";

export const CSRF_FIELD = "_csrf";
const COOKIE = "csrf";

const SEED = /^[A-Za-z0-9_-]{32}$/;

/** This browser's CSRF seed from its httpOnly cookie, or a new one with the Set-Cookie to store it. */
export function ensureCsrfSeed(
  cookieHeader: string | undefined,
  secure: boolean
): { seed: string; setCookie?: string } {
  const seed = readCookie(cookieHeader, COOKIE);
  if (seed && SEED.test(seed)) return { seed };
  const fresh = pooledRandomBytes(24).toString("base64url");
  return { seed: fresh, setCookie: `${COOKIE}=${fresh}; Path=/; HttpOnly; SameSite=Lax${secure ? "; Secure" : ""}` };
}

/** The token forms carry: HMAC(secret, seed). A cross-site page can neither read nor forge it. */
export function csrfToken(secret: string, seed: string): string {
  return sign(seed, secret);
}

/** True when the submitted token matches this browser's cookie under any secret of the ring. */
export function verifyCsrf(
  cookieHeader: string | null,
  submitted: unknown,
  secrets: string | readonly string[]
): boolean {
  const seed = readCookie(cookieHeader, COOKIE);
  if (!seed || !SEED.test(seed)) return false;
  return verifySignature(seed, submitted, typeof secrets === "string" ? [secrets] : secrets);
}
