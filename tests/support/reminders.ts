import type { Lang } from "~/lib/i18n/config";
import { documentCalendar } from "~/modules/reminders/calendar.server";
import type { DocumentView } from "~/modules/reminders/documents.server";

/** A document's calendar file text, stamped at a fixed time. */
export async function calendarFor(doc: DocumentView, lang: Lang): Promise<string> {
  return (
    await documentCalendar(doc, lang, {
      now: new Date("2026-12-02T00:00:00Z"),
      pageUrl: "http://portal.test/account/reminders",
    })
  ).body;
}
