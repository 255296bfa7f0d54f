import { sql, type Kysely, type Selectable } from "kysely";
import type { Transaction } from "kysely";
import type { CasesTable, Database } from "~db/schema";
import { notifyApplicant } from "~/modules/cases/cases.server";
import type { LinkTo } from "~/modules/notifications/outbox.server";
import { recordAudit, type AuditContext } from "./audit.server";
import type { CaseAction } from "./case.schema";

export interface Actor extends AuditContext {
  role: "consultant" | "supervisor";
  office: string | null;
}

type Trx = Transaction<Database>;
/** The database clock, typed to fit any timestamp column (Generated<Timestamp> columns reject a typed expression). */
const NOW = sql<never>`now()`;
type CaseRow = Selectable<CasesTable>;
type Change = Exclude<CaseAction, { intent: "reply" | "note" }>;
export type CaseOutcome =
  | { ok: true }
  | { ok: false; reason: "not-found" | "case-closed" | "other-office" | "unknown-office" | "unknown-assignee" }
  | { ok: false; reason: "conflict"; changes: ChangeSeen[] };
export type ChangeSeen = Awaited<ReturnType<typeof changesSince>>[number];

/** What happened to a case after event `seen`: shown to whoever lost a race. */
function changesSince(trx: Trx, caseId: string, seen: number) {
  return trx
    .selectFrom("case_events")
    .leftJoin("users", "users.id", "case_events.author_id")
    .select([
      "case_events.id",
      "case_events.kind",
      "case_events.visibility",
      "case_events.data",
      "case_events.body",
      "users.name as author",
      "case_events.created_at",
    ])
    .where("case_events.case_id", "=", caseId)
    .where("case_events.id", ">", String(seen))
    .orderBy("case_events.id")
    .execute();
}

async function checkOffice(trx: Trx, actor: Actor, office: string, knownOffices: readonly string[]) {
  if (!knownOffices.includes(office)) return "unknown-office" as const;
  if (actor.role === "consultant" && office !== actor.office) return "other-office" as const;
  return null;
}

async function checkAssignee(trx: Trx, actor: Actor, assignee: string) {
  if (assignee === "none") return null;
  const staff = await trx
    .selectFrom("users")
    .select(["office"])
    .where("id", "=", assignee)
    .where("role", "in", ["consultant", "supervisor"])
    .where("deleted_at", "is", null)
    .executeTakeFirst();
  if (!staff) return "unknown-assignee" as const;
  if (actor.role === "consultant" && staff.office !== actor.office) return "other-office" as const;
  return null;
}

/** Refusals that do not depend on the requested change: closed case, another office's case. */
function guard(actor: Actor, row: CaseRow, change: Change) {
  if (row.status === "closed" && !(change.intent === "status" && actor.role === "supervisor"))
    return "case-closed" as const;
  if (actor.role === "consultant" && row.office && row.office !== actor.office) return "other-office" as const;
  return null;
}

function eventsFor(row: CaseRow, change: Change, actorId: string) {
  const base = { case_id: row.id, author_id: actorId };
  if (change.intent === "status") {
    const data = { from: row.status, to: change.status };
    return [
      { ...base, kind: "status" as const, visibility: "public" as const, body: null, data: JSON.stringify(data) },
      {
        ...base,
        kind: "note" as const,
        visibility: "internal" as const,
        body: change.reason,
        data: JSON.stringify({ statusChange: data }),
      },
    ];
  }
  if (change.intent === "assign") {
    const data = { from: row.assignee_id, to: change.assignee === "none" ? null : change.assignee };
    return [
      { ...base, kind: "assignment" as const, visibility: "internal" as const, body: null, data: JSON.stringify(data) },
    ];
  }
  const data = {
    office: [row.office, change.office],
    vip: [row.vip, change.vip === "yes"],
    due: [row.due_at, change.due ?? null],
  };
  return [
    { ...base, kind: "update" as const, visibility: "internal" as const, body: null, data: JSON.stringify(data) },
  ];
}

function valuesFor(change: Change) {
  if (change.intent === "status") {
    return { status: change.status, closed_at: change.status === "closed" ? sql<string>`now()` : null };
  }
  if (change.intent === "assign") return { assignee_id: change.assignee === "none" ? null : change.assignee };
  return {
    office: change.office,
    vip: change.vip === "yes",
    due_at: change.due ? `${change.due}T18:00:00+08:00` : null,
  };
}

/** A resent form (double submit) whose change is already in place: nothing to do, and nothing to email twice. */
function alreadyApplied(row: CaseRow, change: Change): boolean {
  if (change.intent === "status") return row.status === change.status;
  if (change.intent === "assign") return row.assignee_id === (change.assignee === "none" ? null : change.assignee);
  return false;
}

/** The applicant hears of a new status and of a consultant taking the case, never of internal changes. */
async function notify(trx: Trx, row: CaseRow, change: Change, link: LinkTo) {
  if (change.intent === "status" && change.status !== row.status)
    await notifyApplicant(trx, row.id, "case-status", link);
  if (change.intent === "assign" && change.assignee !== "none" && change.assignee !== row.assignee_id) {
    await notifyApplicant(trx, row.id, "case-assigned", link);
  }
}

/**
 * Applies one staff change to a case if the case is still at the version the form showed; otherwise nothing is
 * written and the caller learns what changed since. The event and the audit entry share the transaction.
 */
export function changeCase(
  db: Kysely<Database>,
  actor: Actor,
  caseId: string,
  change: Change,
  offices: readonly string[],
  link: LinkTo
): Promise<CaseOutcome> {
  return db.transaction().execute(async (trx): Promise<CaseOutcome> => {
    const row = await trx.selectFrom("cases").selectAll().where("id", "=", caseId).forUpdate().executeTakeFirst();
    if (!row) return { ok: false, reason: "not-found" };
    if (row.version !== change.version) {
      if (alreadyApplied(row, change)) return { ok: true };
      return { ok: false, reason: "conflict", changes: await changesSince(trx, caseId, change.seen) };
    }
    const refused =
      guard(actor, row, change) ??
      (change.intent === "details" ? await checkOffice(trx, actor, change.office, offices) : null) ??
      (change.intent === "assign" ? await checkAssignee(trx, actor, change.assignee) : null);
    if (refused) return { ok: false, reason: refused };
    await trx
      .updateTable("cases")
      .set(valuesFor(change))
      .set({ version: row.version + 1, updated_at: NOW, last_activity_at: NOW })
      .where("id", "=", caseId)
      .execute();
    await trx.insertInto("case_events").values(eventsFor(row, change, actor.actorId)).execute();
    await notify(trx, row, change, link);
    await recordAudit(trx, actor, {
      action: `case.${change.intent}`,
      caseId,
      caseReference: row.reference,
      detail: { ...change },
    });
    return { ok: true };
  });
}
