import type { Lang } from "~/lib/i18n/config";
import { formatDate } from "~/lib/i18n/format";
import { getFixedT } from "~/lib/i18n/i18n.server";
import { documentLabel } from "./document-kinds";
import type { DocumentView } from "./documents.server";
import { buildCalendar, type CalendarEvent } from "./ical";
import { pointsForKind } from "./points.server";

/** A document's iCalendar file in the reader's language: the expiry day, and each reminder point with an alarm. */
export async function documentCalendar(doc: DocumentView, lang: Lang, options: { now: Date; pageUrl: string }) {
  const t = await getFixedT(lang, "reminders");
  const document = documentLabel(t, doc.kind, doc.holderName);
  const points = pointsForKind(doc.kind);
  const events: CalendarEvent[] = [
    {
      uid: `${doc.id}-expiry@talent-taiwan`,
      day: doc.expiresOn,
      summary: t("calendar.expires", { document }),
      url: options.pageUrl,
    },
    ...doc.reminders.map((r) => {
      const point = points.find((p) => p.id === r.sourcePoint);
      const summary = point
        ? t("calendar.point", { document, label: t(`points.${point.id}.label`) })
        : t("calendar.own", { document, date: formatDate(lang, doc.expiresOn) });
      const description = point
        ? [
            t(`points.${point.id}.detail`),
            t("source", {
              publisher: point.sources.map((s) => `${s.publisher} ${s.url ?? ""}`.trim()).join("; "),
              date: formatDate(lang, point.effectiveFrom),
            }),
          ].join("\n")
        : undefined;
      return { uid: `${r.id}@talent-taiwan`, day: r.dueOn, summary, description, url: options.pageUrl, alarm: true };
    }),
  ];
  const body = buildCalendar(events, { now: options.now, name: document, lang });
  return { body, filename: `${doc.kind}-${doc.expiresOn}.ics` };
}
