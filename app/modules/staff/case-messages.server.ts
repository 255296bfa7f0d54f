import { sql, type Kysely } from "kysely";
import type { Database } from "~db/schema";
import { enqueueEmail, type LinkTo } from "~/modules/notifications/outbox.server";
import { recordAudit } from "./audit.server";
import type { Actor } from "./case-commands.server";

const NOW = sql<never>`now()`;

export type MessageOutcome = { ok: true } | { ok: false; reason: "not-found" | "case-closed" | "other-office" };

/**
 * A public reply (emailed to the applicant in their language through the outbox) or an internal note, written with
 * its audit entry in one transaction. Messages append; they never conflict with other changes, so no version check.
 */
export function addCaseMessage(
  db: Kysely<Database>,
  actor: Actor,
  caseId: string,
  input: { intent: "reply" | "note"; body: string },
  link: LinkTo,
): Promise<MessageOutcome> {
  return db.transaction().execute(async (trx): Promise<MessageOutcome> => {
    const row = await trx
      .selectFrom("cases")
      .leftJoin("users", "users.id", "cases.applicant_id")
      .select(["cases.id", "cases.reference", "cases.status", "cases.office", "cases.lang", "users.id as applicant_id", "users.email", "users.preferred_lang", "users.deleted_at"])
      .where("cases.id", "=", caseId)
      .forUpdate("cases")
      .executeTakeFirst();
    if (!row) return { ok: false, reason: "not-found" };
    if (row.status === "closed") return { ok: false, reason: "case-closed" };
    if (actor.role === "consultant" && row.office && row.office !== actor.office) return { ok: false, reason: "other-office" };
    const reply = input.intent === "reply";
    const event = await trx
      .insertInto("case_events")
      .values({ case_id: caseId, kind: reply ? "message" : "note", visibility: reply ? "public" : "internal", author_id: actor.actorId, body: input.body, data: "{}" })
      .returning("id")
      .executeTakeFirstOrThrow();
    if (reply) {
      await trx
        .updateTable("cases")
        .set({ first_response_at: sql`coalesce(first_response_at, now())`, awaiting_reply_since: null, last_activity_at: NOW, updated_at: NOW })
        .where("id", "=", caseId)
        .execute();
      if (row.email && !row.deleted_at) {
        const lang = row.preferred_lang ?? row.lang;
        const url = link(lang, `/account/cases/${row.reference}`);
        await enqueueEmail(trx, { to: row.email, userId: row.applicant_id, lang, template: "case-message", payload: { reference: row.reference, url } });
      }
    } else {
      await trx.updateTable("cases").set({ last_activity_at: NOW }).where("id", "=", caseId).execute();
    }
    await recordAudit(trx, actor, { action: `case.${input.intent}`, caseId, caseReference: row.reference, detail: { eventId: event.id } });
    return { ok: true };
  });
}
