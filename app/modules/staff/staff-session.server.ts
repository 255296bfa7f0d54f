import { redirect, type AppLoadContext } from "@remix-run/node";
import { sql } from "kysely";
import { getDb } from "~/lib/db.server";
import { notFound } from "~/lib/http/responses";
import { defaultLang, isLang } from "~/lib/i18n/config";
import { getUser, isStaff, type SessionUser } from "~/modules/accounts/session.server";
import { sha256 } from "~/modules/accounts/crypto.server";
import type { AuditContext } from "./audit.server";

export interface StaffUser extends SessionUser {
  role: "consultant" | "supervisor";
}

function langOf(request: Request): string {
  const first = new URL(request.url).pathname.split("/")[1] ?? "";
  return isLang(first) ? first : defaultLang;
}

/**
 * Staff with a verified second factor. Anonymous users and applicants get a 404 (staff pages do not reveal
 * themselves); staff who have only passed the password step are sent to the code step.
 */
export async function requireStaffWith2fa(request: Request): Promise<StaffUser> {
  const user = await getUser(request, { pendingSecondFactor: true });
  if (!user || !isStaff(user)) throw notFound();
  if (!user.second_factor_at) {
    const url = new URL(request.url);
    throw redirect(
      `/${langOf(request)}/staff/sign-in?redirectTo=${encodeURIComponent(url.pathname + url.search)}`,
      303
    );
  }
  return user as StaffUser;
}

/** The role of a staff member past the second factor, or null for anyone else (for the workspace header). */
export async function staffRole(request: Request): Promise<StaffUser["role"] | null> {
  const user = await getUser(request);
  return user && isStaff(user) && user.second_factor_at ? (user as StaffUser).role : null;
}

/** A supervisor with a verified second factor; everyone else gets a 404. */
export async function requireSupervisor(request: Request): Promise<StaffUser> {
  const user = await requireStaffWith2fa(request);
  if (user.role !== "supervisor") throw notFound();
  return user;
}

/** Who is acting and from where, for the audit log. */
export function auditContext(user: StaffUser, request: Request, context: AppLoadContext): AuditContext {
  return {
    actorId: user.id,
    actorEmail: user.email,
    ip: context.clientIp ?? null,
    userAgent: request.headers.get("User-Agent")?.slice(0, 300) ?? null,
  };
}

/** Marks the session as having passed the second factor. */
export async function markSecondFactor(sessionIdHash: string): Promise<void> {
  const db = await getDb();
  await db
    .updateTable("sessions")
    .set({ second_factor_at: sql<Date>`now()` })
    .where("id_hash", "=", sessionIdHash)
    .execute();
}

export { sha256 };
