import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import nodemailer from "nodemailer";
import type { Database } from "~db/schema";
import { defaultLang, isLang } from "~/lib/i18n/config";
import { getFixedT } from "~/lib/i18n/i18n.server";
import { deliverDue, type OutboxRow } from "./outbox.server";

/** Subject and text of an outbox email, in the recipient's language. */
export async function renderEmail(row: Pick<OutboxRow, "lang" | "template" | "payload">): Promise<{ subject: string; text: string; url: string | null }> {
  const t = await getFixedT(isLang(row.lang) ? row.lang : defaultLang, "email");
  const values = row.payload as Record<string, string>;
  const body = [t(`${row.template}.body`, values), values.url ?? "", t("signature")].filter(Boolean).join("\n\n");
  return { subject: t(`${row.template}.subject`, values), text: body, url: values.url ?? null };
}

export interface OutboxWorker {
  stop: () => void;
}

/** Sends queued emails through SMTP every few seconds; several processes may run one each. */
export function startOutboxWorker(db: Kysely<Database>, options: { smtpUrl: string; from: string; intervalMs?: number; onError?: (e: unknown) => void }): OutboxWorker {
  const transport = nodemailer.createTransport(options.smtpUrl);
  const worker = `${process.pid}-${randomUUID().slice(0, 8)}`;
  let running = false;
  const tick = async () => {
    if (running) return;
    running = true;
    try {
      await deliverDue(db, worker, async (row) => {
        const { subject, text } = await renderEmail(row);
        await transport.sendMail({ from: options.from, to: row.to_address, subject, text });
      });
    } catch (error) {
      options.onError?.(error);
    } finally {
      running = false;
    }
  };
  const timer = setInterval(() => void tick(), options.intervalMs ?? 5000);
  timer.unref();
  return { stop: () => clearInterval(timer) };
}
