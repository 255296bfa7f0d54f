import type { Kysely } from "kysely";
import { z } from "zod";
import type { Database } from "~db/schema";
import type { LinkTo } from "~/modules/notifications/outbox.server";
import { changeCase, type Actor } from "./case-commands.server";
import { caseStatuses } from "./inbox.schema";

const Item = z.string().regex(/^[0-9a-f-]{36}:\d{1,9}$/);
export const BulkSchema = z.discriminatedUnion("intent", [
  z.object({ intent: z.literal("bulk-assign"), assignee: z.union([z.literal("none"), z.string().uuid()]) }),
  z.object({
    intent: z.literal("bulk-status"),
    status: z.enum(caseStatuses),
    reason: z.string().trim().min(3).max(500),
  }),
]);

/** Applies one change to each selected case (`<id>:<version>`), each with its own version check; returns counts. */
export async function bulkChange(
  db: Kysely<Database>,
  actor: Actor,
  formData: FormData,
  offices: readonly string[],
  link: LinkTo
) {
  const parsed = BulkSchema.safeParse(Object.fromEntries(formData));
  const items = formData.getAll("case").filter((v): v is string => typeof v === "string" && Item.safeParse(v).success);
  if (!parsed.success || items.length === 0 || items.length > 100) return { ok: false as const };
  const counts = { done: 0, conflict: 0, refused: 0 };
  for (const item of items) {
    const [id, version] = item.split(":") as [string, string];
    const base = { version: Number(version), seen: 0 };
    const change =
      parsed.data.intent === "bulk-assign"
        ? ({ intent: "assign", assignee: parsed.data.assignee, ...base } as const)
        : ({ intent: "status", status: parsed.data.status, reason: parsed.data.reason, ...base } as const);
    const outcome = await changeCase(db, actor, id, change, offices, link);
    if (outcome.ok) counts.done += 1;
    else if (outcome.reason === "conflict") counts.conflict += 1;
    else counts.refused += 1;
  }
  return { ok: true as const, ...counts };
}
