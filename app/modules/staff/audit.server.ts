import { createHmac } from "node:crypto";
import type { Db } from "~db/client";
import { deriveKey } from "~/lib/security/secret.server";

export interface AuditContext {
  actorId: string;
  actorEmail: string;
  ip: string | null;
  userAgent: string | null;
}

export interface AuditEntry {
  action: string;
  caseId?: string | null;
  caseReference?: string | null;
  detail?: Record<string, unknown>;
}

const EMAIL = /[^\s@]+@[^\s@]+\.[^\s@]+/;

/**
 * A keyed hash of a search term or an applicant's e-mail for the audit log (HMAC-SHA256 under its own derived key,
 * first 128 bits): the same term gives the same value, so an investigation can still match it, but the log
 * does not hold the text.
 */
export function auditTerm(value: string): string {
  const mac = createHmac("sha256", deriveKey("audit-terms/v1")).update(value.trim().toLowerCase()).digest("hex");
  return `hmac:${mac.slice(0, 32)}`;
}

/** Search terms (`q`) and e-mail addresses become `auditTerm`s; staff actions keep the staff member's own e-mail. */
export function auditDetail(action: string, value: unknown, key?: string): unknown {
  if (typeof value === "string") {
    if (key === "q" && value.trim()) return auditTerm(value);
    return EMAIL.test(value) && !action.startsWith("staff.") ? auditTerm(value) : value;
  }
  if (Array.isArray(value)) return value.map((v) => auditDetail(action, v));
  if (value && typeof value === "object" && !(value instanceof Date)) {
    return Object.fromEntries(Object.entries(value).map(([k, v]) => [k, auditDetail(action, v, k)]));
  }
  return value;
}

/** Appends one audit entry (views and changes of cases, staff and settings). There is no update or delete. */
export async function recordAudit(db: Db, ctx: AuditContext, entry: AuditEntry): Promise<void> {
  await db
    .insertInto("audit_log")
    .values({
      actor_id: ctx.actorId,
      actor_email: ctx.actorEmail,
      action: entry.action,
      case_id: entry.caseId ?? null,
      case_reference: entry.caseReference ?? null,
      detail: JSON.stringify(auditDetail(entry.action, entry.detail ?? {})),
      ip: ctx.ip,
      user_agent: ctx.userAgent,
    })
    .execute();
}

export interface AuditFilter {
  reference?: string;
  actor?: string;
  before?: string;
  limit?: number;
}

/** Newest first, keyset by id (`before`). */
export function listAudit(db: Db, filter: AuditFilter) {
  let q = db
    .selectFrom("audit_log")
    .selectAll()
    .orderBy("id", "desc")
    .limit(filter.limit ?? 100);
  if (filter.reference) q = q.where("case_reference", "=", filter.reference);
  if (filter.actor) q = q.where("actor_email", "=", filter.actor.toLowerCase());
  if (filter.before && /^\d{1,18}$/.test(filter.before)) q = q.where("id", "<", filter.before);
  return q.execute();
}

export type AuditRow = Awaited<ReturnType<typeof listAudit>>[number];
