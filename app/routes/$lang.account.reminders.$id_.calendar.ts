import type { LoaderFunctionArgs } from "@remix-run/node";
import { getDb } from "~/lib/db.server";
import { notFound } from "~/lib/http/responses";
import { isLang } from "~/lib/i18n/config";
import { requireUser } from "~/modules/accounts/session.server";
import { linkFor } from "~/modules/notifications/outbox.server";
import { documentCalendar } from "~/modules/reminders/calendar.server";
import { getDocument } from "~/modules/reminders/documents.server";

/** The document's iCalendar file (RFC 5545), in the page's language; only for the account that recorded it. */
export async function loader({ params, request }: LoaderFunctionArgs) {
  if (!isLang(params.lang)) throw notFound();
  const user = await requireUser(request);
  const doc = await getDocument(await getDb(), user.id, params.id ?? "");
  if (!doc) throw notFound();
  const { body, filename } = await documentCalendar(doc, params.lang, {
    now: new Date(),
    pageUrl: linkFor()(params.lang, "/account/reminders"),
  });
  return new Response(body, {
    headers: {
      "Content-Type": "text/calendar; charset=utf-8",
      "Content-Disposition": `attachment; filename="${filename}"`,
      "Cache-Control": "private, no-store",
    },
  });
}
