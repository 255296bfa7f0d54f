import { sql } from "kysely";
import type { Db } from "~db/client";
import { allFacts } from "~/modules/eligibility/rules.server";
import { snapshotAnswers } from "./reevaluate";
import { recordAudit, type AuditContext } from "./audit.server";

/** A case as staff see it, or undefined. */
export function findCaseForStaff(db: Db, reference: string) {
  return db
    .selectFrom("cases")
    .leftJoin("users as applicant", "applicant.id", "cases.applicant_id")
    .leftJoin("users as assignee", "assignee.id", "cases.assignee_id")
    .selectAll("cases")
    .select([
      sql<string | null>`coalesce(cases.applicant_name, applicant.name)`.as("applicant_name"),
      "applicant.email as applicant_email",
      "applicant.preferred_lang as applicant_lang",
      "applicant.deleted_at as applicant_deleted_at",
      "assignee.name as assignee_name",
    ])
    .where("cases.reference", "=", reference)
    .executeTakeFirst();
}

export type StaffCase = NonNullable<Awaited<ReturnType<typeof findCaseForStaff>>>;

/** The whole history, public and internal, oldest first. */
export function listCaseEvents(db: Db, caseId: string) {
  return db
    .selectFrom("case_events")
    .leftJoin("users", "users.id", "case_events.author_id")
    .select([
      "case_events.id",
      "case_events.kind",
      "case_events.visibility",
      "case_events.body",
      "case_events.data",
      "case_events.created_at",
      "users.name as author_name",
      "users.role as author_role",
    ])
    .where("case_events.case_id", "=", caseId)
    .orderBy("case_events.id")
    .execute();
}

/** Document metadata only (bytes are served by the owner's download route). */
export function listCaseDocuments(db: Db, caseId: string) {
  return db
    .selectFrom("documents")
    .select(["id", "filename", "mime", "size", "checklist_item", "created_at"])
    .where("case_id", "=", caseId)
    .orderBy("created_at")
    .execute();
}

/** Loads everything the case page shows and records the view in the audit log. */
export async function viewCase(db: Db, ctx: AuditContext, reference: string) {
  const found = await findCaseForStaff(db, reference);
  if (!found) return undefined;
  const [events, documents, satisfaction] = await Promise.all([
    listCaseEvents(db, found.id),
    listCaseDocuments(db, found.id),
    db
      .selectFrom("satisfaction_answers")
      .select(["answer", "created_at"])
      .where("case_id", "=", found.id)
      .executeTakeFirst(),
  ]);
  await recordAudit(db, ctx, { action: "case.view", caseId: found.id, caseReference: found.reference });
  return { case: found, events, documents, satisfaction: satisfaction ?? null };
}

/** Active canned replies in one language. */
export function listCannedReplies(db: Db, lang: string) {
  return db
    .selectFrom("canned_replies")
    .select(["id", "title", "body"])
    .where("lang", "=", lang)
    .where("archived_at", "is", null)
    .orderBy("title")
    .execute();
}

/** The eligibility check's answers frozen on a case, in the wizard's question order, each with its fact's unit. */
export function checkAnswers(snapshot: unknown): { fact: string; value: unknown; unit?: string }[] {
  const answers = snapshotAnswers(snapshot);
  if (!answers) return [];
  return allFacts().flatMap((f) => (f.id in answers ? [{ fact: f.id, value: answers[f.id], unit: f.unit }] : []));
}
