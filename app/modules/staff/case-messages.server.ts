import { sql, type Kysely } from "kysely";
import type { Database } from "~db/schema";
import { isResent, notifyApplicant } from "~/modules/cases/cases.server";
import type { LinkTo } from "~/modules/notifications/outbox.server";
import { recordAudit } from "./audit.server";
import type { Actor } from "./case-commands.server";

const NOW = sql<never>`now()`;

export type MessageOutcome = { ok: true } | { ok: false; reason: "not-found" | "case-closed" | "other-office" };

/**
 * A public reply (emailed to the applicant in the case's language through the outbox) or an internal note (never
 * emailed), written with its audit entry in one transaction. Messages append; they never conflict with other changes,
 * so no version check. A resent form (same token) writes and emails nothing more.
 */
export function addCaseMessage(
  db: Kysely<Database>,
  actor: Actor,
  caseId: string,
  input: { intent: "reply" | "note"; body: string; token?: string },
  link: LinkTo
): Promise<MessageOutcome> {
  return db.transaction().execute(async (trx): Promise<MessageOutcome> => {
    const row = await trx
      .selectFrom("cases")
      .select(["cases.id", "cases.reference", "cases.status", "cases.office"])
      .where("cases.id", "=", caseId)
      .forUpdate("cases")
      .executeTakeFirst();
    if (!row) return { ok: false, reason: "not-found" };
    if (row.status === "closed") return { ok: false, reason: "case-closed" };
    if (actor.role === "consultant" && row.office && row.office !== actor.office)
      return { ok: false, reason: "other-office" };
    if (input.token && (await isResent(trx, caseId, input.token))) return { ok: true };
    const reply = input.intent === "reply";
    const event = await trx
      .insertInto("case_events")
      .values({
        case_id: caseId,
        kind: reply ? "message" : "note",
        visibility: reply ? "public" : "internal",
        author_id: actor.actorId,
        body: input.body,
        data: "{}",
        submission_token: input.token ?? null,
      })
      .returning("id")
      .executeTakeFirstOrThrow();
    if (reply) {
      await trx
        .updateTable("cases")
        .set({
          first_response_at: sql`coalesce(first_response_at, now())`,
          awaiting_reply_since: null,
          last_activity_at: NOW,
          updated_at: NOW,
        })
        .where("id", "=", caseId)
        .execute();
      await notifyApplicant(trx, caseId, "case-message", link);
    } else {
      await trx.updateTable("cases").set({ last_activity_at: NOW }).where("id", "=", caseId).execute();
    }
    await recordAudit(trx, actor, {
      action: `case.${input.intent}`,
      caseId,
      caseReference: row.reference,
      detail: { eventId: event.id },
    });
    return { ok: true };
  });
}
