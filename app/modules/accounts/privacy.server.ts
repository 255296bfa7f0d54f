import { sql, type Kysely } from "kysely";
import type { Database } from "~db/schema";
import { listDocuments } from "~/modules/reminders/documents.server";
import { verifyPassword } from "./crypto.server";

/** Everything the portal holds about one person, for download (Personal Data Protection Act). */
export async function exportUserData(db: Kysely<Database>, userId: string) {
  const user = await db
    .selectFrom("users")
    .select([
      "id",
      "email",
      "email_verified_at",
      "role",
      "name",
      "preferred_lang",
      "consent_at",
      "consent_version",
      "created_at",
      "updated_at",
    ])
    .where("id", "=", userId)
    .executeTakeFirstOrThrow();
  const cases = await db
    .selectFrom("cases")
    .select([
      "id",
      "reference",
      "kind",
      "pathway",
      "status",
      "subject",
      "details",
      "office",
      "contact_channel",
      "lang",
      "nationality",
      "eligibility_snapshot",
      "rules_version",
      "created_at",
      "updated_at",
      "closed_at",
    ])
    .where("applicant_id", "=", userId)
    .execute();
  const caseIds = cases.map((c) => c.id);
  const messages = caseIds.length
    ? await db
        .selectFrom("case_events")
        .select(["case_id", "kind", "body", "data", "created_at"])
        .where("case_id", "in", caseIds)
        .where("visibility", "=", "public")
        .orderBy("id")
        .execute()
    : [];
  const documents = await db
    .selectFrom("documents")
    .select(["id", "case_id", "filename", "mime", "size", "sha256", "checklist_item", "created_at"])
    .where("owner_id", "=", userId)
    .execute();
  const drafts = await db
    .selectFrom("application_drafts")
    .select(["id", "pathway", "data", "eligibility_snapshot", "created_at", "updated_at"])
    .where("user_id", "=", userId)
    .execute();
  const satisfaction = await db
    .selectFrom("satisfaction_answers")
    .select(["case_id", "answer", "created_at"])
    .where("user_id", "=", userId)
    .execute();
  const sessions = await db
    .selectFrom("sessions")
    .select(["created_at", "last_seen_at", "expires_at", "ip", "user_agent"])
    .where("user_id", "=", userId)
    .execute();
  const expiryReminders = await listDocuments(db, userId);
  // Rule-change alerts (issue 17): what the person agreed to be told about, and what they were told.
  const ruleAlertConsents = await db
    .selectFrom("rule_alert_consents")
    .select(["check_id", "case_id", "given_at", "withdrawn_at"])
    .where("user_id", "=", userId)
    .orderBy("id")
    .execute();
  const ruleAlerts = await db
    .selectFrom("rule_alerts")
    .select([
      "pathway",
      "rule_set_version",
      "effective_from",
      "check_id",
      "new_check_id",
      "case_id",
      "emailed",
      "change",
      "created_at",
    ])
    .where("user_id", "=", userId)
    .orderBy("id")
    .execute();
  return {
    exportedAt: new Date().toISOString(),
    ...{
      user,
      cases,
      messages,
      documents,
      drafts,
      satisfaction,
      sessions,
      expiryReminders,
      ruleAlertConsents,
      ruleAlerts,
    },
  };
}

/**
 * Deletes an account after the password is confirmed: personal data is removed or anonymised;
 * case rows stay (reference, kind, pathway, status, dates) without the applicant's details, messages or files.
 */
export async function deleteAccount(db: Kysely<Database>, userId: string, password: string): Promise<boolean> {
  const user = await db
    .selectFrom("users")
    .select(["password_hash", "email"])
    .where("id", "=", userId)
    .where("deleted_at", "is", null)
    .executeTakeFirst();
  if (!user || !(await verifyPassword(password, user.password_hash))) return false;
  await db.transaction().execute(async (trx) => {
    const cases = await trx
      .selectFrom("cases")
      .select(["id", "eligibility_check_id"])
      .where("applicant_id", "=", userId)
      .execute();
    const caseIds = cases.map((c) => c.id);
    const drafts = await trx
      .selectFrom("application_drafts")
      .select("eligibility_check_id")
      .where("user_id", "=", userId)
      .execute();
    // Eligibility answers the account applied with, and so their results page (a 404 from now on).
    // …and the results it asked to be told about (issue 17): their consents and alerts go with them.
    const watched = await trx
      .selectFrom("rule_alert_consents")
      .select("check_id as eligibility_check_id")
      .where("user_id", "=", userId)
      .execute();
    const checkIds = [...cases, ...drafts, ...watched].flatMap((r) =>
      r.eligibility_check_id ? [r.eligibility_check_id] : []
    );
    if (checkIds.length) await trx.deleteFrom("eligibility_checks").where("id", "in", checkIds).execute();
    if (caseIds.length) {
      await trx.deleteFrom("documents").where("case_id", "in", caseIds).execute();
      await trx
        .updateTable("case_events")
        .set({ body: null, data: "{}" })
        .where("case_id", "in", caseIds)
        .where("kind", "in", ["message", "note", "document"])
        .execute();
      await trx
        .updateTable("cases")
        .set({
          details: "{}",
          nationality: null,
          eligibility_snapshot: null,
          subject: null,
          contact_channel: null,
          updated_at: sql<Date>`now()`,
          version: sql<number>`version + 1`,
        })
        .where("id", "in", caseIds)
        .execute();
    }
    await trx.deleteFrom("documents").where("owner_id", "=", userId).execute();
    await trx.deleteFrom("application_drafts").where("user_id", "=", userId).execute();
    await trx.deleteFrom("expiring_documents").where("user_id", "=", userId).execute();
    await trx.deleteFrom("outbox").where("user_id", "=", userId).execute();
    await trx.deleteFrom("rule_alerts").where("user_id", "=", userId).execute();
    await trx.deleteFrom("rule_alert_consents").where("user_id", "=", userId).execute();
    await trx.deleteFrom("sessions").where("user_id", "=", userId).execute();
    await trx.deleteFrom("auth_tokens").where("user_id", "=", userId).execute();
    // Satisfaction ratings stay for the service figures, without the person.
    await trx.updateTable("satisfaction_answers").set({ user_id: null }).where("user_id", "=", userId).execute();
    // Limiter keys name the address in clear.
    await trx
      .deleteFrom("login_attempts")
      .where("key", "in", [`account:${user.email}`, `mail-to:${user.email}`])
      .execute();
    await trx
      .updateTable("users")
      .set({
        email: `deleted-${userId}@deleted.invalid`,
        name: null,
        password_hash: null,
        email_verified_at: null,
        deleted_at: sql<Date>`now()`,
        updated_at: sql<Date>`now()`,
      })
      .where("id", "=", userId)
      .execute();
  });
  return true;
}
