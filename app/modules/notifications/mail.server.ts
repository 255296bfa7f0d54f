import { randomUUID } from "node:crypto";
import type { Kysely } from "kysely";
import nodemailer from "nodemailer";
import type { Database } from "~db/schema";
import { defaultLang, isLang } from "~/lib/i18n/config";
import { getFixedT } from "~/lib/i18n/i18n.server";
import { deliverDue, type OutboxRow } from "./outbox.server";
import { startPeriodic } from "~/lib/periodic.server";

export interface RenderedEmail {
  subject: string;
  text: string;
  url: string | null;
  /** Further links after the main one (a calendar file, an unsubscribe link), labelled. */
  links: { label: string; url: string }[];
  /** RFC 8058 one-click unsubscribe headers when the email carries an unsubscribe link. */
  headers: Record<string, string>;
}

const EXTRA_LINKS = [
  ["calendarUrl", "links.calendar"],
  ["unsubscribeUrl", "links.unsubscribe"],
] as const;

/** Subject and text of an outbox email, in the recipient's language. */
export async function renderEmail(row: Pick<OutboxRow, "lang" | "template" | "payload">): Promise<RenderedEmail> {
  const t = await getFixedT(isLang(row.lang) ? row.lang : defaultLang, "email");
  const values = row.payload as Record<string, string>;
  const links = EXTRA_LINKS.filter(([key]) => values[key]).map(([key, label]) => ({
    label: t(label),
    url: values[key]!,
  }));
  const body = [
    t(`${row.template}.body`, values),
    values.url ?? "",
    ...links.map((l) => `${l.label}: ${l.url}`),
    t("signature"),
  ];
  const headers: Record<string, string> = values.unsubscribeUrl
    ? { "List-Unsubscribe": `<${values.unsubscribeUrl}>`, "List-Unsubscribe-Post": "List-Unsubscribe=One-Click" }
    : {};
  return {
    subject: t(`${row.template}.subject`, values),
    text: body.filter(Boolean).join("\n\n"),
    url: values.url ?? null,
    links,
    headers,
  };
}

export interface OutboxWorker {
  stop: () => void;
}

/** Sends queued emails through SMTP every few seconds; several processes may run one each. */
export function startOutboxWorker(
  db: Kysely<Database>,
  options: { smtpUrl: string; from: string; intervalMs?: number; onError?: (e: unknown) => void }
): OutboxWorker {
  const transport = nodemailer.createTransport(options.smtpUrl);
  const worker = `${process.pid}-${randomUUID().slice(0, 8)}`;
  const deliver = () =>
    deliverDue(db, worker, async (row) => {
      const { subject, text, headers } = await renderEmail(row);
      await transport.sendMail({ from: options.from, to: row.to_address, subject, text, headers });
    });
  return startPeriodic(deliver, { intervalMs: options.intervalMs ?? 5000, onError: options.onError });
}
