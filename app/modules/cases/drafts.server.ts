import { randomBytes } from "node:crypto";
import { sql, type Kysely } from "kysely";
import { z } from "zod";
import type { Db } from "~db/client";
import type { Database } from "~db/schema";
import type { LinkTo } from "~/modules/notifications/outbox.server";
import { ApplicationFields, goldCardFields, type ApplicationData, type PathwayId } from "./cases.schema";
import { openCaseIn } from "./cases.server";
import { openForApplications } from "./pathway-open.server";
import { routeOffice } from "./routing";
import { storeDocument, type UploadCheck } from "./documents.server";

const CheckResult = z.object({
  asOf: z.string().optional(),
  evaluations: z
    .array(z.object({ pathway: z.string(), ruleSetVersion: z.string().optional() }).passthrough())
    .default([]),
});

/** The answers and this pathway's evaluation from an eligibility check, frozen onto the application. */
async function snapshotFromCheck(db: Db, checkId: string, pathway: PathwayId) {
  const check = await db
    .selectFrom("eligibility_checks")
    .select(["id", "answers", "result", "as_of"])
    .where("id", "=", checkId)
    .executeTakeFirst();
  if (!check) return undefined;
  const parsed = CheckResult.safeParse(check.result);
  const evaluation = parsed.success ? parsed.data.evaluations.find((e) => e.pathway === pathway) : undefined;
  return {
    checkId: check.id,
    rulesVersion: evaluation?.ruleSetVersion ?? null,
    snapshot: {
      asOf: (parsed.success ? parsed.data.asOf : undefined) ?? check.as_of,
      answers: check.answers,
      evaluation: evaluation ?? null,
    },
  };
}

/** Answers the check already gave that the application asks again (the Gold Card field), so the draft starts with them. */
function prefillFrom(answers: unknown, pathway: PathwayId): ApplicationData {
  const given = answers && typeof answers === "object" ? (answers as Record<string, unknown>) : {};
  const field = typeof given.goldCardField === "string" ? given.goldCardField.replace(/-/g, "_") : "";
  const known = (goldCardFields as readonly string[]).includes(field);
  return pathway === "gold-card" && known ? { field: field as ApplicationData["field"] } : {};
}

/** Starts (or reopens the unsent) draft for this pathway and check. */
export async function startDraft(
  db: Db,
  userId: string,
  input: { pathway: PathwayId; checkId?: string }
): Promise<string> {
  const snap =
    input.checkId && /^[\w-]{8,64}$/.test(input.checkId)
      ? await snapshotFromCheck(db, input.checkId, input.pathway)
      : undefined;
  let open = db
    .selectFrom("application_drafts")
    .select("id")
    .where("user_id", "=", userId)
    .where("pathway", "=", input.pathway)
    .where("case_id", "is", null);
  open = snap ? open.where("eligibility_check_id", "=", snap.checkId) : open.where("eligibility_check_id", "is", null);
  const existing = await open.executeTakeFirst();
  if (existing) return existing.id;
  const created = await db
    .insertInto("application_drafts")
    .values({
      user_id: userId,
      pathway: input.pathway,
      eligibility_check_id: snap?.checkId ?? null,
      eligibility_snapshot: snap ? JSON.stringify(snap.snapshot) : null,
      rules_version: snap?.rulesVersion ?? null,
      data: JSON.stringify(prefillFrom(snap?.snapshot.answers, input.pathway)),
      submission_token: randomBytes(24).toString("base64url"),
    })
    .returning("id")
    .executeTakeFirstOrThrow();
  return created.id;
}

/** The user's own draft; undefined for anyone else's id. */
export async function getDraft(db: Db, userId: string, id: string) {
  if (!/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i.test(id)) return undefined;
  const draft = await db
    .selectFrom("application_drafts")
    .leftJoin("cases", "cases.id", "application_drafts.case_id")
    .select([
      "application_drafts.id",
      "application_drafts.pathway",
      "application_drafts.data",
      "application_drafts.eligibility_snapshot",
      "application_drafts.rules_version",
      "application_drafts.updated_at",
      "cases.reference",
    ])
    .where("application_drafts.id", "=", id)
    .where("application_drafts.user_id", "=", userId)
    .executeTakeFirst();
  return draft ? { ...draft, data: draft.data as ApplicationData } : undefined;
}

/** The user's unsent drafts. */
export function listDrafts(db: Db, userId: string) {
  return db
    .selectFrom("application_drafts")
    .select(["id", "pathway", "updated_at"])
    .where("user_id", "=", userId)
    .where("case_id", "is", null)
    .orderBy("updated_at", "desc")
    .execute();
}

/** Saves the answers given so far (a partial application is fine). */
export async function saveDraft(db: Db, userId: string, id: string, data: ApplicationData): Promise<boolean> {
  const result = await db
    .updateTable("application_drafts")
    .set({ data: JSON.stringify(data), updated_at: sql<Date>`now()` })
    .where("id", "=", id)
    .where("user_id", "=", userId)
    .where("case_id", "is", null)
    .executeTakeFirst();
  return result.numUpdatedRows > 0n;
}

/** The strict schema for submitting: Gold Card applications must also name their field. */
export function submitSchema(pathway: string) {
  return ApplicationFields.superRefine((v, ctx) => {
    if (pathway === "gold-card" && !v.field)
      ctx.addIssue({ code: "custom", path: ["field"], message: "cases:errors.field" });
  });
}

export type SubmitResult =
  | { ok: true; reference: string }
  | { ok: false; reason: "not-found" | "incomplete" | "not-open" };

/**
 * Submits a draft as an application case. The draft's submission token is unique on cases, so a
 * second submit (double click, resend, two tabs) returns the first case instead of making another.
 */
export async function submitDraft(
  db: Kysely<Database>,
  user: { id: string },
  id: string,
  link: LinkTo
): Promise<SubmitResult> {
  const draft = await db
    .selectFrom("application_drafts")
    .selectAll()
    .where("id", "=", id)
    .where("user_id", "=", user.id)
    .executeTakeFirst();
  if (!draft) return { ok: false, reason: "not-found" };
  if (!openForApplications(draft.pathway)) return { ok: false, reason: "not-open" };
  const parsed = submitSchema(draft.pathway).safeParse(draft.data);
  if (!parsed.success) return { ok: false, reason: "incomplete" };
  const data = parsed.data;
  return db.transaction().execute(async (trx) => {
    const opened = await openCaseIn(
      trx,
      {
        kind: "application",
        pathway: draft.pathway,
        applicant_id: user.id,
        subject: draft.pathway,
        applicant_name: data.fullName,
        office: routeOffice(data.office),
        details: JSON.stringify(data),
        lang: data.preferredLang,
        nationality: data.nationality,
        eligibility_check_id: draft.eligibility_check_id,
        eligibility_snapshot: draft.eligibility_snapshot === null ? null : JSON.stringify(draft.eligibility_snapshot),
        rules_version: draft.rules_version,
        submission_token: draft.submission_token,
      },
      link
    );
    await trx
      .updateTable("application_drafts")
      .set({ case_id: opened.id, updated_at: sql<Date>`now()` })
      .where("id", "=", id)
      .execute();
    await trx
      .updateTable("documents")
      .set({ case_id: opened.id })
      .where("draft_id", "=", id)
      .where("case_id", "is", null)
      .execute();
    return { ok: true as const, reference: opened.reference };
  });
}

/** Attaches a checked upload to the user's unsent draft; it moves to the case on submit. */
export async function uploadDraftDocument(
  db: Db,
  userId: string,
  id: string,
  item: string,
  file: Extract<UploadCheck, { ok: true }>
): Promise<boolean> {
  const draft = await db
    .selectFrom("application_drafts")
    .select("id")
    .where("id", "=", id)
    .where("user_id", "=", userId)
    .where("case_id", "is", null)
    .executeTakeFirst();
  if (!draft) return false;
  await storeDocument(db, { ownerId: userId, draftId: id, checklistItem: item, file });
  return true;
}
