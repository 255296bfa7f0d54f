import { randomBytes } from "node:crypto";
import { sql, type Insertable, type Kysely } from "kysely";
import type { Db } from "~db/client";
import type { CasesTable, Database } from "~db/schema";
import { enqueueEmail, type EmailTemplate, type LinkTo } from "~/modules/notifications/outbox.server";
import { listDocuments } from "./documents.server";

type NewCase = Omit<Insertable<CasesTable>, "reference">;

/** A fresh hidden token for a form that opens a case (a resend with it returns the same case). */
export function newSubmissionToken(): string {
  return randomBytes(18).toString("base64url");
}

/** TT-<year in Taiwan>-<6 digits> from a database sequence, so references never collide across processes. */
export async function nextReference(db: Db, now = new Date()): Promise<string> {
  const { rows } = await sql<{ n: string }>`select nextval('case_reference_seq')::text as n`.execute(db);
  const year = new Intl.DateTimeFormat("en", { timeZone: "Asia/Taipei", year: "numeric" }).format(now);
  return `TT-${year}-${rows[0]!.n.padStart(6, "0")}`;
}

/**
 * Emails the case's applicant in the language chosen for the case (same transaction as the change), with a link back
 * to the case. Nothing for a case without a (live) applicant.
 */
export async function notifyApplicant(db: Db, caseId: string, template: EmailTemplate, link: LinkTo): Promise<void> {
  const row = await db
    .selectFrom("cases")
    .innerJoin("users", "users.id", "cases.applicant_id")
    .select(["users.id", "users.email", "cases.lang", "cases.reference"])
    .where("cases.id", "=", caseId)
    .where("users.deleted_at", "is", null)
    .executeTakeFirst();
  if (!row) return;
  const url = link(row.lang, `/account/cases/${row.reference}`);
  await enqueueEmail(db, {
    to: row.email,
    userId: row.id,
    lang: row.lang,
    template,
    payload: { reference: row.reference, url },
  });
}

/** True when a message with this form token is already on the case (a double submit or a resend). */
export async function isResent(db: Db, caseId: string, token: string): Promise<boolean> {
  const row = await db
    .selectFrom("case_events")
    .select("id")
    .where("case_id", "=", caseId)
    .where("submission_token", "=", token)
    .executeTakeFirst();
  return Boolean(row);
}

/**
 * Opens a case once per submission token: a repeated submit (double click, resend) returns the
 * case the first one created. Writes the "created" event and the applicant's email in the same transaction.
 */
export function openCase(db: Kysely<Database>, values: OpenCaseValues, link: LinkTo) {
  return db.transaction().execute((trx) => openCaseIn(trx, values, link));
}

type OpenCaseValues = NewCase & { submission_token: string; applicant_id: string };

/** openCase inside a caller's transaction. */
export async function openCaseIn(trx: Db, values: OpenCaseValues, link: LinkTo) {
  const reference = await nextReference(trx);
  const created = await trx
    .insertInto("cases")
    .values({ ...values, reference })
    .onConflict((oc) => oc.column("submission_token").doNothing())
    .returning(["id", "reference"])
    .executeTakeFirst();
  if (!created) {
    const existing = await trx
      .selectFrom("cases")
      .select(["id", "reference"])
      .where("submission_token", "=", values.submission_token)
      .where("applicant_id", "=", values.applicant_id)
      .executeTakeFirstOrThrow();
    return { ...existing, created: false };
  }
  await trx
    .insertInto("case_events")
    .values({ case_id: created.id, kind: "created", visibility: "public", author_id: values.applicant_id, data: "{}" })
    .execute();
  await notifyApplicant(trx, created.id, "case-received", link);
  return { ...created, created: true };
}

/** The applicant's cases, newest first, each marked `unread` when a consultant has written since they last looked. */
export function listApplicantCases(db: Db, userId: string) {
  const lastRead = sql`coalesce((select r.last_event_id from case_reads r where r.case_id = cases.id and r.user_id = ${userId}), 0)`;
  return db
    .selectFrom("cases")
    .select(["id", "reference", "kind", "pathway", "status", "subject", "created_at", "last_activity_at"])
    .select(
      sql<boolean>`exists (select 1 from case_events e join users u on u.id = e.author_id
        where e.case_id = cases.id and e.kind = 'message' and e.visibility = 'public'
          and u.role in ('consultant', 'supervisor') and e.id > ${lastRead})`.as("unread")
    )
    .where("applicant_id", "=", userId)
    .orderBy("created_at", "desc")
    .execute();
}

/** One case as its applicant may see it (public events only); undefined for anyone else's reference. */
export async function getApplicantCase(db: Db, userId: string, reference: string) {
  if (!/^TT-\d{4}-\d{6,}$/.test(reference)) return undefined;
  const found = await db
    .selectFrom("cases")
    .select([
      "id",
      "reference",
      "kind",
      "pathway",
      "status",
      "subject",
      "details",
      "created_at",
      "last_activity_at",
      "rules_version",
      "version",
    ])
    .where("reference", "=", reference)
    .where("applicant_id", "=", userId)
    .executeTakeFirst();
  if (!found) return undefined;
  const events = await db
    .selectFrom("case_events")
    .leftJoin("users", "users.id", "case_events.author_id")
    .select([
      "case_events.id",
      "case_events.kind",
      "case_events.body",
      "case_events.data",
      "case_events.created_at",
      "users.role as author_role",
    ])
    .where("case_events.case_id", "=", found.id)
    .where("case_events.visibility", "=", "public")
    .orderBy("case_events.id")
    .execute();
  const publicIds = new Set(events.map((e) => String(e.id)));
  const documents = (await listDocuments(db, { caseId: found.id })).filter(
    (d) => d.case_event_id === null || publicIds.has(String(d.case_event_id))
  );
  const satisfaction = await db
    .selectFrom("satisfaction_answers")
    .select("answer")
    .where("case_id", "=", found.id)
    .executeTakeFirst();
  return {
    ...found,
    events: events.map((e) => ({ ...e, id: String(e.id) })),
    documents,
    satisfaction: satisfaction?.answer ?? null,
  };
}

/** Records that the applicant has seen the case up to its latest public event (never moves back). */
export async function markCaseRead(db: Db, caseId: string, userId: string, lastEventId: string): Promise<void> {
  await db
    .insertInto("case_reads")
    .values({ case_id: caseId, user_id: userId, last_event_id: lastEventId })
    .onConflict((oc) =>
      oc.columns(["case_id", "user_id"]).doUpdateSet({
        last_event_id: sql`greatest(case_reads.last_event_id, excluded.last_event_id)`,
        read_at: sql`now()`,
      })
    )
    .execute();
}

export type ApplicantCase = NonNullable<Awaited<ReturnType<typeof getApplicantCase>>>;
