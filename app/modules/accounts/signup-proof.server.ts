import { getEnv } from "~/lib/env.server";
import { readCookie } from "~/lib/http/cookies";
import { randomToken, sha256 } from "./crypto.server";

const COOKIE = "signup_proof";
const MAX_AGE = 48 * 3600;

/**
 * Proof that this browser signed up: the SHA-256 of the verification token the sign-up emailed. Opening that link in
 * the same browser signs the new user in; anywhere else it only confirms the address (README decision 2026-12-02).
 * An address that already had an account gets a random value, so the response never tells the two apart.
 */
export function signupProofCookie(verifyToken: string | undefined): string {
  const secure = getEnv().NODE_ENV === "production" ? "; Secure" : "";
  const value = sha256(verifyToken ?? randomToken());
  return `${COOKIE}=${value}; Path=/; HttpOnly; SameSite=Lax; Max-Age=${MAX_AGE}${secure}`;
}

/** True when this browser holds the proof for `token`. */
export function hasSignupProof(request: Request, token: string): boolean {
  const value = readCookie(request.headers.get("Cookie"), COOKIE);
  return Boolean(value && /^[0-9a-f]{64}$/.test(value) && value === sha256(token));
}

/** Clears the proof once used. */
export function clearSignupProof(): string {
  return `${COOKIE}=; Path=/; HttpOnly; SameSite=Lax; Max-Age=0`;
}
