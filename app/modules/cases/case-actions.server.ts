import { sql, type Kysely } from "kysely";
import type { Db } from "~db/client";
import type { Database } from "~db/schema";
import type { LinkTo } from "~/modules/notifications/outbox.server";
import { acceptsReplies, canAnswerSatisfaction } from "./case-status";
import type { ConsultationSchema, SatisfactionSchema } from "./cases.schema";
import { isResent, openCase } from "./cases.server";
import { routeOffice } from "./routing";
import { storeDocument, type UploadCheck } from "./documents.server";
import type { z } from "zod";

type Applicant = { id: string; name?: string | null };
type File = Extract<UploadCheck, { ok: true }>;

/** Opens a "Talk to a consultant" case; the submission token makes a resend return the same case. */
export function createConsultation(
  db: Kysely<Database>,
  user: Applicant,
  input: z.infer<typeof ConsultationSchema>,
  link: LinkTo
) {
  return openCase(
    db,
    {
      kind: "consultation",
      applicant_id: user.id,
      subject: input.topic,
      details: JSON.stringify({ question: input.question, phone: input.phone ?? null }),
      office: routeOffice(input.office),
      applicant_name: user.name ?? null,
      contact_channel: input.channel,
      lang: input.lang,
      submission_token: input.submissionToken,
    },
    link
  );
}

/** Locks the applicant's own case for a change; undefined when it is not theirs. */
async function lockOwnCase(trx: Db, userId: string, reference: string) {
  return trx
    .selectFrom("cases")
    .select(["id", "status", "version"])
    .where("reference", "=", reference)
    .where("applicant_id", "=", userId)
    .forUpdate()
    .executeTakeFirst();
}

/** Bumps the case's version and activity time; a reply while "waiting for you" moves it back to review. */
async function touch(trx: Db, c: { id: string; status: string }, userId: string, resume: boolean) {
  const back = resume && c.status === "waiting_for_applicant";
  await trx
    .updateTable("cases")
    .set({
      version: sql<number>`version + 1`,
      last_activity_at: sql<Date>`now()`,
      updated_at: sql<Date>`now()`,
      ...(back ? { status: "in_review" as const, waiting_since: null } : {}),
    })
    .where("id", "=", c.id)
    .execute();
  if (back) {
    const data = JSON.stringify({ from: "waiting_for_applicant", to: "in_review", reason: "applicant-replied" });
    await trx
      .insertInto("case_events")
      .values({ case_id: c.id, kind: "status", visibility: "public", author_id: userId, data })
      .execute();
  }
}

export type ActionResult =
  | { ok: true }
  | { ok: false; reason: "not-found" | "closed" | "already-answered" | "not-yet" };

/** The applicant writes to the consultant, with optional attachments, all in one transaction. */
export function addApplicantReply(
  db: Kysely<Database>,
  user: Applicant,
  reference: string,
  input: { body: string; token?: string },
  files: File[]
): Promise<ActionResult> {
  return db.transaction().execute(async (trx): Promise<ActionResult> => {
    const c = await lockOwnCase(trx, user.id, reference);
    if (!c) return { ok: false, reason: "not-found" };
    if (!acceptsReplies(c.status)) return { ok: false, reason: "closed" };
    if (input.token && (await isResent(trx, c.id, input.token))) return { ok: true };
    const { body, token } = input;
    const event = await trx
      .insertInto("case_events")
      .values({
        case_id: c.id,
        kind: "message",
        visibility: "public",
        author_id: user.id,
        body,
        data: "{}",
        submission_token: token ?? null,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    for (const file of files)
      await storeDocument(trx, { ownerId: user.id, caseId: c.id, eventId: String(event.id), file });
    await touch(trx, c, user.id, true);
    return { ok: true };
  });
}

/** The applicant uploads a checklist document to their case. */
export function uploadCaseDocument(
  db: Kysely<Database>,
  user: Applicant,
  reference: string,
  item: string | null,
  file: File
): Promise<ActionResult> {
  return db.transaction().execute(async (trx) => {
    const c = await lockOwnCase(trx, user.id, reference);
    if (!c) return { ok: false, reason: "not-found" };
    if (!acceptsReplies(c.status)) return { ok: false, reason: "closed" };
    const doc = await storeDocument(trx, { ownerId: user.id, caseId: c.id, checklistItem: item, file });
    const data = JSON.stringify({ documentId: doc.id, filename: doc.filename, checklistItem: item });
    await trx
      .insertInto("case_events")
      .values({ case_id: c.id, kind: "document", visibility: "public", author_id: user.id, data })
      .execute();
    await touch(trx, c, user.id, false);
    return { ok: true };
  });
}

/** "Did we answer your question?" once per resolved case. */
export function answerSatisfaction(
  db: Kysely<Database>,
  user: Applicant,
  reference: string,
  input: z.infer<typeof SatisfactionSchema>
): Promise<ActionResult> {
  return db.transaction().execute(async (trx) => {
    const c = await lockOwnCase(trx, user.id, reference);
    if (!c) return { ok: false, reason: "not-found" };
    if (!canAnswerSatisfaction(c.status)) return { ok: false, reason: "not-yet" };
    const saved = await trx
      .insertInto("satisfaction_answers")
      .values({ case_id: c.id, user_id: user.id, answer: input.answer })
      .onConflict((oc) => oc.column("case_id").doNothing())
      .returning("id")
      .executeTakeFirst();
    if (!saved) return { ok: false, reason: "already-answered" };
    const data = JSON.stringify({ answer: input.answer });
    await trx
      .insertInto("case_events")
      .values({ case_id: c.id, kind: "satisfaction", visibility: "internal", author_id: user.id, data })
      .execute();
    return { ok: true };
  });
}
