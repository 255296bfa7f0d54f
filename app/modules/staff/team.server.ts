import type { Kysely } from "kysely";
import { z } from "zod";
import type { Database } from "~db/schema";
import type { Db } from "~db/client";
import { weakPasswordReason } from "~/modules/accounts/password-policy.server";
import { clearFailures, secondFactorKey } from "~/modules/accounts/rate-limit.server";
import { recordAudit, type AuditContext } from "./audit.server";
import { replaceRecoveryCodes } from "./recovery.server";
import { createStaff } from "./staff-auth.server";
import { generateTotpSecret, otpauthUri } from "./totp.server";
import { sealTotpSecret } from "./totp-secrets.server";

export const NewStaffSchema = z.object({
  email: z.string().trim().toLowerCase().email().max(200),
  name: z.string().trim().min(1).max(120),
  role: z.enum(["consultant", "supervisor"]),
  office: z.string().trim().min(1).max(40),
  password: z.string().min(12).max(200),
});

export const ResetSchema = z.object({ intent: z.literal("reset"), userId: z.string().uuid() });

/** Staff with their enrolment state (secrets are encrypted and never listed). */
export async function listTeam(db: Db) {
  const rows = await db
    .selectFrom("users")
    .leftJoin("staff_credentials", "staff_credentials.user_id", "users.id")
    .select(["users.id", "users.email", "users.name", "users.role", "users.office", "staff_credentials.enrolled_at"])
    .where("users.role", "in", ["consultant", "supervisor"])
    .where("users.deleted_at", "is", null)
    .orderBy("users.name")
    .execute();
  return rows.map((r) => ({ ...r, pending: !r.enrolled_at }));
}

/** What a supervisor sees once: the new secret, its otpauth URI and the recovery codes. */
export interface Enrolment {
  email: string;
  secret: string;
  otpauth: string;
  recoveryCodes: string[];
}

export type TeamOutcome = { ok: true; enrolment: Enrolment } | { ok: false; reason: "invalid" | "exists" | "self" };

/** A supervisor adds a staff member (audited). */
export async function addStaffMember(
  db: Kysely<Database>,
  ctx: AuditContext,
  formData: FormData,
  offices: readonly string[]
): Promise<TeamOutcome> {
  const parsed = NewStaffSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success || !offices.includes(parsed.data.office)) return { ok: false, reason: "invalid" };
  if (weakPasswordReason(parsed.data.password, parsed.data.email)) return { ok: false, reason: "invalid" };
  const taken = await db.selectFrom("users").select("id").where("email", "=", parsed.data.email).executeTakeFirst();
  if (taken) return { ok: false, reason: "exists" };
  const created = await createStaff(db, parsed.data);
  await recordAudit(db, ctx, {
    action: "staff.create",
    detail: { userId: created.userId, email: parsed.data.email, role: parsed.data.role, office: parsed.data.office },
  });
  return {
    ok: true,
    enrolment: {
      email: parsed.data.email,
      secret: created.secret,
      otpauth: created.otpauth,
      recoveryCodes: created.recoveryCodes,
    },
  };
}

/**
 * A supervisor resets another staff member's authenticator: a new secret and new recovery codes replace the old
 * ones, the member's sessions end and the lock-out is cleared (audited). Supervisors cannot reset themselves.
 */
export async function resetAuthenticator(
  db: Kysely<Database>,
  ctx: AuditContext,
  formData: FormData
): Promise<TeamOutcome> {
  const parsed = ResetSchema.safeParse(Object.fromEntries(formData));
  if (!parsed.success) return { ok: false, reason: "invalid" };
  if (parsed.data.userId === ctx.actorId) return { ok: false, reason: "self" };
  return db.transaction().execute(async (trx) => {
    const member = await activeStaff(trx).where("id", "=", parsed.data.userId).executeTakeFirst();
    if (!member) return { ok: false, reason: "invalid" } as const;
    return { ok: true, enrolment: await reenrol(trx, ctx, member, "staff.totp.reset") } as const;
  });
}

const activeStaff = (db: Db) =>
  db
    .selectFrom("users")
    .select(["id", "email"])
    .where("role", "in", ["consultant", "supervisor"])
    .where("deleted_at", "is", null);

/** New TOTP secret and recovery codes, sessions ended, second-factor lock-out cleared, audited as `action`. */
async function reenrol(
  trx: Db,
  ctx: AuditContext,
  member: { id: string; email: string },
  action: string,
  extra = {}
): Promise<Enrolment> {
  const secret = generateTotpSecret();
  const values = { totp_secret: sealTotpSecret(member.id, secret), totp_last_step: null, enrolled_at: null };
  await trx
    .insertInto("staff_credentials")
    .values({ user_id: member.id, ...values })
    .onConflict((oc) => oc.column("user_id").doUpdateSet(values))
    .execute();
  const recoveryCodes = await replaceRecoveryCodes(trx, member.id);
  const sessions = await trx.deleteFrom("sessions").where("user_id", "=", member.id).executeTakeFirst();
  await clearFailures(trx, secondFactorKey(member.id));
  await recordAudit(trx, ctx, {
    action,
    detail: { userId: member.id, email: member.email, sessionsEnded: Number(sessions.numDeletedRows), ...extra },
  });
  return { email: member.email, secret, otpauth: otpauthUri(secret, member.email), recoveryCodes };
}

/**
 * The way back when every supervisor is locked out (`npm run staff:recover`, run by whoever runs the server): clears
 * the supervisor's sign-in lock-outs, gives them a new authenticator and recovery codes, and audits it as the CLI.
 */
export async function recoverSupervisor(db: Kysely<Database>, email: string, operator: string) {
  const normalized = email.trim().toLowerCase();
  return db.transaction().execute(async (trx) => {
    const member = await activeStaff(trx)
      .where("email", "=", normalized)
      .where("role", "=", "supervisor")
      .executeTakeFirst();
    if (!member) return { ok: false } as const;
    const keys = [`account:${normalized}`, secondFactorKey(member.id).key];
    const cleared = await trx.deleteFrom("login_attempts").where("key", "in", keys).executeTakeFirst();
    const ctx = { actorId: member.id, actorEmail: `cli:${operator}`, ip: null, userAgent: "npm run staff:recover" };
    const enrolment = await reenrol(trx, ctx, member, "staff.recover", {
      lockoutsCleared: Number(cleared.numDeletedRows),
    });
    return { ok: true, enrolment } as const;
  });
}
