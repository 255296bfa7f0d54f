import { createHmac, timingSafeEqual } from "node:crypto";
import { readCookie } from "~/lib/http/cookies";
import { appSecret } from "~/lib/security/secret.server";

const COOKIE = "eligibility_draft";

const sign = (id: string) => createHmac("sha256", appSecret()).update(`eligibility:${id}`).digest("base64url");

/** The cookie that lets this browser (and only it) keep editing the draft it started. */
export function ownerCookie(id: string, secure: boolean): string {
  return `${COOKIE}=${id}.${sign(id)}; Path=/; HttpOnly; SameSite=Lax; Max-Age=86400${secure ? "; Secure" : ""}`;
}

/** True when the request carries the signed draft cookie for this id. */
export function ownsDraft(request: Request, id: string): boolean {
  const value = readCookie(request.headers.get("Cookie"), COOKIE);
  if (!value) return false;
  const [cid, mac] = value.split(".");
  if (cid !== id || !mac) return false;
  const expected = Buffer.from(sign(id));
  const given = Buffer.from(mac);
  return expected.length === given.length && timingSafeEqual(expected, given);
}
