import { timingSafeEqual } from "node:crypto";
import { getEnv } from "~/lib/env.server";
import { notFound } from "~/lib/http/responses";

export interface StaffMember {
  id: string;
}

const TEST_HEADER = "x-staff-test-token";

function sameSecret(a: string, b: string): boolean {
  const left = Buffer.from(a);
  const right = Buffer.from(b);
  return left.length === right.length && timingSafeEqual(left, right);
}

/**
 * The one gate of the directory upkeep pages: a 404 for everyone who is not staff.
 * TODO(#5, #6): accounts and staff roles are built in parallel; when merging, replace the body with the real staff
 * session check. Until then the only way in is a test token, honoured only when NODE_ENV is "test".
 */
export function requireStaff(request: Request): StaffMember {
  const env = getEnv();
  const given = request.headers.get(TEST_HEADER);
  if (env.NODE_ENV === "test" && env.STAFF_TEST_TOKEN && given && sameSecret(given, env.STAFF_TEST_TOKEN)) {
    return { id: "test-staff" };
  }
  throw notFound();
}
