import { randomUUID } from "node:crypto";
import { sql, type Kysely } from "kysely";
import type { Db } from "~db/client";
import type { Database } from "~db/schema";
import { defaultLang, isLang, type Lang } from "~/lib/i18n/config";
import { formatDate } from "~/lib/i18n/format";
import { getFixedT } from "~/lib/i18n/i18n.server";
import { enqueueEmail, type LinkTo } from "~/modules/notifications/outbox.server";
import { documentLabel, type DocumentKind } from "./document-kinds";
import { pointsForKind } from "./points.server";
import { taipeiDay } from "./reminder-dates";
import { issueUnsubscribeToken } from "./unsubscribe.server";
import { startPeriodic } from "~/lib/periodic.server";

interface DueReminder {
  id: string;
  document_id: string;
  source_point: string | null;
  kind: DocumentKind;
  holder_name: string | null;
  expires_on: string;
  user_id: string;
  email: string;
  preferred_lang: string;
}

/**
 * Locks up to `limit` reminders whose day has begun in Taipei. `SKIP LOCKED` lets several processes claim side by side
 * without waiting or taking the same row; the share lock on the document makes an unsubscribe wait for this batch
 * (or this batch skip a document being unsubscribed), so a reminder never goes out after its unsubscribe committed.
 */
function lockDue(trx: Db, today: string, limit: number) {
  return sql<DueReminder>`
    select r.id, r.document_id, r.source_point, d.kind, d.holder_name,
           to_char(d.expires_on, 'YYYY-MM-DD') as expires_on,
           u.id as user_id, u.email, u.preferred_lang
    from document_reminders r
    join expiring_documents d on d.id = r.document_id
    join users u on u.id = d.user_id
    where r.status = 'pending' and r.due_on <= ${today}::date and d.reminders_off_at is null and u.deleted_at is null
    order by r.due_on, r.id
    limit ${limit}
    for update of r skip locked
    for share of d skip locked`.execute(trx);
}

async function emailFor(trx: Db, r: DueReminder, link: LinkTo) {
  const lang: Lang = isLang(r.preferred_lang) ? r.preferred_lang : defaultLang;
  const t = await getFixedT(lang, ["reminders", "email"]);
  const point = r.source_point ? pointsForKind(r.kind).find((p) => p.id === r.source_point) : undefined;
  const pointText = point
    ? t("reminders:email.sourcePoint", {
        label: t(`reminders:points.${point.id}.label`),
        detail: t(`reminders:points.${point.id}.detail`),
        source: point.sources.map((s) => `${s.publisher}, ${s.url ?? s.title}`).join("; "),
        since: formatDate(lang, point.effectiveFrom),
      })
    : t("reminders:email.ownPoint");
  const token = await issueUnsubscribeToken(trx, r.document_id);
  const payload = {
    document: documentLabel(t, r.kind, r.holder_name),
    date: formatDate(lang, r.expires_on),
    point: pointText,
    url: link(lang, "/account/reminders"),
    calendarUrl: link(lang, `/account/reminders/${r.document_id}/calendar`),
    unsubscribeUrl: link(lang, `/reminders/unsubscribe?token=${token}`),
  };
  return { to: r.email, userId: r.user_id, lang, template: "document-reminder" as const, payload };
}

/**
 * One batch: in ONE transaction, lock due reminders, queue each email (with its unsubscribe token) in the outbox and
 * mark the reminders sent. A crash rolls all of it back, so the batch is taken again later: each point is sent once.
 */
export function sendDueReminders(
  db: Kysely<Database>,
  options: { now: Date; link: LinkTo; limit?: number }
): Promise<number> {
  const today = taipeiDay(options.now);
  return db.transaction().execute(async (trx) => {
    const { rows } = await lockDue(trx, today, options.limit ?? 50);
    if (!rows.length) return 0;
    for (const r of rows) await enqueueEmail(trx, await emailFor(trx, r, options.link));
    await trx
      .updateTable("document_reminders")
      .set({ status: "sent", sent_at: sql<Date>`now()` })
      .where(
        "id",
        "in",
        rows.map((r) => r.id)
      )
      .execute();
    return rows.length;
  });
}

/** Sends batches until none is left (or `maxBatches`); returns how many reminders were queued. */
export async function drainDueReminders(
  db: Kysely<Database>,
  options: { now: Date; link: LinkTo; limit?: number; maxBatches?: number }
) {
  let total = 0;
  for (let i = 0; i < (options.maxBatches ?? 20); i++) {
    const n = await sendDueReminders(db, options);
    total += n;
    if (n < (options.limit ?? 50)) break;
  }
  return total;
}

/** Runs the reminder job every `intervalMs` in this process; several processes may each run one. */
export function startReminderWorker(
  db: Kysely<Database>,
  options: { link: LinkTo; intervalMs: number; onError?: (e: unknown) => void }
) {
  const worker = `${process.pid}-${randomUUID().slice(0, 8)}`;
  return startPeriodic(() => drainDueReminders(db, { now: new Date(), link: options.link }), {
    intervalMs: options.intervalMs,
    onError: (error) => options.onError?.({ worker, error }),
  });
}
