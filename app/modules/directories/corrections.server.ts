import { sql, type Kysely } from "kysely";
import type { Database } from "~db/schema";
import { nextReference } from "~/modules/cases/cases.server";
import { DIRECTORIES, directoryPath, type DirectoryKind } from "./kinds";
import type { CorrectionInput } from "./correction.schema";
import { entryTitle, type DirectoryRow } from "./present";

/** What a reporter can say is wrong: any field of the entry, its location, its source, or something else. */
export function correctionFields(kind: DirectoryKind): string[] {
  const def = DIRECTORIES[kind];
  return [...def.text.map((f) => f.name), ...def.lists.map((l) => l.name), "source", "other"];
}

/** Reports one address may send per rate-limit window (15 minutes) before more are refused; shared by every process. */
export const REPORTS_PER_WINDOW = 10;

export interface CorrectionReport {
  kind: DirectoryKind;
  entry: DirectoryRow;
  lang: string;
  userId: string | null;
  input: CorrectionInput;
}

/**
 * Opens a "directory correction" case for staff with the report as its first message; the submission token makes a
 * resend return the same case.
 */
export function reportCorrection(db: Kysely<Database>, report: CorrectionReport): Promise<{ reference: string }> {
  const { kind, entry, input } = report;
  const title = entryTitle(DIRECTORIES[kind], entry, "en")
    .map((p) => p.text)
    .join(" ");
  const body = [
    `${title} — ${directoryPath("en", kind)}/${entry.id}`,
    `Field: ${input.field}`,
    "",
    input.message,
    ...(input.email ? ["", `Contact: ${input.email}`] : []),
  ].join("\n");
  return db.transaction().execute(async (trx) => {
    const existing = await trx
      .selectFrom("cases")
      .select("reference")
      .where("submission_token", "=", input.submissionToken)
      .executeTakeFirst();
    if (existing) return existing;
    const reference = await nextReference(trx);
    // No applicant: the reporter may be signed out, and a correction is staff work, not the reporter's case.
    const details = JSON.stringify({
      directory: kind,
      entryId: entry.id,
      field: input.field,
      email: input.email ?? null,
      reporterId: report.userId,
    });
    const created = await trx
      .insertInto("cases")
      .values({
        reference,
        kind: "directory-correction",
        applicant_id: null,
        subject: `Correction: ${title}`.slice(0, 200),
        details,
        lang: report.lang,
        submission_token: input.submissionToken,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    await trx
      .insertInto("case_events")
      .values({ case_id: created.id, kind: "created", visibility: "internal", author_id: report.userId, data: "{}" })
      .execute();
    await trx
      .insertInto("case_events")
      .values({
        case_id: created.id,
        kind: "message",
        visibility: "internal",
        author_id: report.userId,
        body,
        data: details,
      })
      .execute();
    await trx
      .updateTable("cases")
      .set({ last_activity_at: sql<Date>`now()` })
      .where("id", "=", created.id)
      .execute();
    return { reference };
  });
}
