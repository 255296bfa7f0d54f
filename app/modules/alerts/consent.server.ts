import { sql, type Kysely } from "kysely";
import type { Database } from "~db/schema";
import { isCheckId } from "~/modules/eligibility/checks.server";

type Db = Kysely<Database>;
export type ConsentResult = "saved" | "not-found" | "forbidden";

/** When the person asked to be told (null: never, or withdrawn). */
export type ConsentState = { givenAt: Date } | null;

const state = (row: { given_at: Date; withdrawn_at: Date | null } | undefined): ConsentState =>
  row && !row.withdrawn_at ? { givenAt: row.given_at } : null;

/** Whether a result is linked to this account: an earlier consent, or an application (draft or case) made from it. */
async function linkedToAccount(db: Db, userId: string, checkId: string): Promise<boolean> {
  const { rows } = await sql<{ one: number }>`
    select 1 as one from application_drafts where user_id = ${userId} and eligibility_check_id = ${checkId}
    union all select 1 from cases where applicant_id = ${userId} and eligibility_check_id = ${checkId}
    limit 1`.execute(db);
  return rows.length > 0;
}

/**
 * Turns rule-change alerts for a stored result on or off. A result belongs to whoever made it: the browser holding
 * its signed draft cookie (`ownsBrowserDraft`), or the account that applied with it or already watches it. Anyone
 * else gets "forbidden" (a forged or guessed id changes nothing); an unknown or unfinished result, "not-found".
 */
export async function setResultConsent(
  db: Db,
  input: { userId: string; checkId: string; on: boolean; ownsBrowserDraft: boolean }
): Promise<ConsentResult> {
  if (!isCheckId(input.checkId)) return "not-found";
  const check = await db
    .selectFrom("eligibility_checks")
    .select("id")
    .where("id", "=", input.checkId)
    .where("completed_at", "is not", null)
    .executeTakeFirst();
  if (!check) return "not-found";
  const existing = await db
    .selectFrom("rule_alert_consents")
    .select(["id", "user_id"])
    .where("check_id", "=", input.checkId)
    .executeTakeFirst();
  if (existing && existing.user_id !== input.userId) return "forbidden";
  if (!existing && !input.ownsBrowserDraft && !(await linkedToAccount(db, input.userId, input.checkId)))
    return "forbidden";
  await saveConsent(db, { user_id: input.userId, check_id: input.checkId }, input.on);
  return "saved";
}

/** Turns rule-change alerts for one of the applicant's own applications on or off. */
export async function setCaseConsent(
  db: Db,
  input: { userId: string; reference: string; on: boolean }
): Promise<ConsentResult> {
  const found = await db
    .selectFrom("cases")
    .select("id")
    .where("reference", "=", input.reference)
    .where("applicant_id", "=", input.userId)
    .where("kind", "=", "application")
    .executeTakeFirst();
  if (!found) return "not-found";
  await saveConsent(db, { user_id: input.userId, case_id: found.id }, input.on);
  return "saved";
}

/** Consent keeps when it was given; withdrawing stamps when, and giving it again starts a new "given". */
async function saveConsent(
  db: Db,
  subject: { user_id: string; check_id?: string; case_id?: string },
  on: boolean
): Promise<void> {
  const key = subject.check_id ? ("check_id" as const) : ("case_id" as const);
  const value = (subject.check_id ?? subject.case_id)!;
  if (!on) {
    await db
      .updateTable("rule_alert_consents")
      .set({ withdrawn_at: sql<Date>`now()`, updated_at: sql<Date>`now()` })
      .where(key, "=", value)
      .where("withdrawn_at", "is", null)
      .execute();
    return;
  }
  await db
    .insertInto("rule_alert_consents")
    .values({ ...subject, given_at: sql<Date>`now()` })
    .onConflict((oc) =>
      oc.column(key).doUpdateSet({
        given_at: sql<Date>`case when rule_alert_consents.withdrawn_at is null
          then rule_alert_consents.given_at else now() end`,
        withdrawn_at: null,
        updated_at: sql<Date>`now()`,
      })
    )
    .execute();
}

/** This account's consent on a result, if any. */
export async function resultConsent(db: Db, userId: string, checkId: string): Promise<ConsentState> {
  if (!isCheckId(checkId)) return null;
  return state(
    await db
      .selectFrom("rule_alert_consents")
      .select(["given_at", "withdrawn_at"])
      .where("check_id", "=", checkId)
      .where("user_id", "=", userId)
      .executeTakeFirst()
  );
}

/** The consent on a case, if any. */
export async function caseConsent(db: Db, caseId: string): Promise<ConsentState> {
  return state(
    await db
      .selectFrom("rule_alert_consents")
      .select(["given_at", "withdrawn_at"])
      .where("case_id", "=", caseId)
      .executeTakeFirst()
  );
}
