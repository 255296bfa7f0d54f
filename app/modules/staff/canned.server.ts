import { z } from "zod";
import type { Db } from "~db/client";
import { langCodes } from "~/lib/i18n/config";
import { recordAudit, type AuditContext } from "./audit.server";

export const CannedSchema = z.discriminatedUnion("intent", [
  z.object({
    intent: z.literal("add"),
    lang: z.enum(langCodes as [string, ...string[]]),
    title: z.string().trim().min(1).max(120),
    body: z.string().trim().min(1).max(5000),
  }),
  z.object({ intent: z.literal("archive"), id: z.string().uuid() }),
]);

/** Every active canned reply, all languages. */
export function listAllCanned(db: Db) {
  return db
    .selectFrom("canned_replies")
    .select(["id", "lang", "title", "body"])
    .where("archived_at", "is", null)
    .orderBy("lang")
    .orderBy("title")
    .execute();
}

/** Adds (or revives) a canned reply, or archives one; audited. */
export async function changeCanned(db: Db, ctx: AuditContext, input: z.infer<typeof CannedSchema>): Promise<void> {
  if (input.intent === "add") {
    await db
      .insertInto("canned_replies")
      .values({ lang: input.lang, title: input.title, body: input.body, updated_by: ctx.actorId })
      .onConflict((oc) =>
        oc
          .columns(["lang", "title"])
          .doUpdateSet({ body: input.body, archived_at: null, updated_by: ctx.actorId, updated_at: new Date() })
      )
      .execute();
  } else {
    await db
      .updateTable("canned_replies")
      .set({ archived_at: new Date(), updated_by: ctx.actorId })
      .where("id", "=", input.id)
      .execute();
  }
  await recordAudit(db, ctx, {
    action: `canned.${input.intent}`,
    detail: input.intent === "add" ? { lang: input.lang, title: input.title } : { id: input.id },
  });
}
