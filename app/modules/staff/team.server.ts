import type { Kysely } from "kysely";
import { z } from "zod";
import type { Database } from "~db/schema";
import type { Db } from "~db/client";
import { weakPasswordReason } from "~/modules/accounts/password-policy.server";
import { recordAudit, type AuditContext } from "./audit.server";
import { createStaff } from "./staff-auth.server";
import { otpauthUri } from "./totp.server";

export const NewStaffSchema = z.object({
  email: z.string().trim().toLowerCase().email().max(200),
  name: z.string().trim().min(1).max(120),
  role: z.enum(["consultant", "supervisor"]),
  office: z.string().trim().min(1).max(40),
  password: z.string().min(12).max(200),
});

/** Staff with their enrolment state; the secret is shown to supervisors only until the first code is used. */
export async function listTeam(db: Db) {
  const rows = await db
    .selectFrom("users")
    .leftJoin("staff_credentials", "staff_credentials.user_id", "users.id")
    .select(["users.id", "users.email", "users.name", "users.role", "users.office", "staff_credentials.enrolled_at", "staff_credentials.totp_secret"])
    .where("users.role", "in", ["consultant", "supervisor"])
    .where("users.deleted_at", "is", null)
    .orderBy("users.name")
    .execute();
  return rows.map(({ totp_secret, ...r }) => ({ ...r, pending: !r.enrolled_at && totp_secret ? { secret: totp_secret, uri: otpauthUri(totp_secret, r.email) } : null }));
}

export type TeamOutcome = { ok: true } | { ok: false; reason: "invalid" | "exists" };

/** A supervisor adds a staff member (audited). */
export async function addStaffMember(db: Kysely<Database>, ctx: AuditContext, formData: FormData, offices: readonly string[]): Promise<TeamOutcome> {
  const parsed = NewStaffSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success || !offices.includes(parsed.data.office)) return { ok: false, reason: "invalid" };
  if (weakPasswordReason(parsed.data.password, parsed.data.email)) return { ok: false, reason: "invalid" };
  const taken = await db.selectFrom("users").select("id").where("email", "=", parsed.data.email).executeTakeFirst();
  if (taken) return { ok: false, reason: "exists" };
  const created = await createStaff(db, parsed.data);
  await recordAudit(db, ctx, { action: "staff.create", detail: { userId: created.userId, email: parsed.data.email, role: parsed.data.role, office: parsed.data.office } });
  return { ok: true };
}
