import { readCookie } from "~/lib/http/cookies";
import { sign as signWith, verifySignature } from "~/lib/security/secret.server";

const COOKIE = "eligibility_draft";

const sign = (id: string) => signWith(`eligibility:${id}`);

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
  return verifySignature(`eligibility:${id}`, mac);
}
