import type { Db } from "~db/client";

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
      detail: JSON.stringify(entry.detail ?? {}),
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
  let q = db.selectFrom("audit_log").selectAll().orderBy("id", "desc").limit(filter.limit ?? 100);
  if (filter.reference) q = q.where("case_reference", "=", filter.reference);
  if (filter.actor) q = q.where("actor_email", "=", filter.actor.toLowerCase());
  if (filter.before && /^\d{1,18}$/.test(filter.before)) q = q.where("id", "<", filter.before);
  return q.execute();
}

export type AuditRow = Awaited<ReturnType<typeof listAudit>>[number];
