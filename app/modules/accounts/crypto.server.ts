import { createHash, randomBytes } from "node:crypto";
import { hashPassword } from "~db/password";

export { hashPassword, verifyPassword } from "~db/password";

/** A hash to compare against when the account does not exist, so timing does not reveal which emails exist. */
let dummy: Promise<string> | undefined;
export function dummyHash(): Promise<string> {
  dummy ??= hashPassword(randomBytes(12).toString("hex"));
  return dummy;
}

/** 32 random bytes, base64url: for session ids and email tokens. */
export function randomToken(): string {
  return randomBytes(32).toString("base64url");
}

/** SHA-256 hex: only this is stored for session ids and tokens. */
export function sha256(value: string | Uint8Array): string {
  return createHash("sha256").update(value).digest("hex");
}
