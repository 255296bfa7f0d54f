import { useTranslation } from "react-i18next";
import type { Lang } from "~/lib/i18n/config";
import { formatDateTime } from "~/lib/i18n/format";

/** The next deadline (due date or response target) with the wall-clock time left, or how late it is. */
export function TimeLeft({ lang, due, now }: { lang: Lang; due: string | Date | null; now: string }) {
  const { t } = useTranslation("staff");
  if (!due) return <span className="muted">{t("sla.none")}</span>;
  const minutes = Math.round((new Date(due).getTime() - new Date(now).getTime()) / 60000);
  const abs = Math.abs(minutes);
  const values = { hours: Math.floor(abs / 60), minutes: abs % 60 };
  return (
    <span className={minutes < 0 ? "sla sla-late" : "sla"}>
      <time dateTime={new Date(due).toISOString()}>{formatDateTime(lang, due)}</time>{" "}
      <strong>{minutes < 0 ? t("sla.late", values) : t("sla.left", values)}</strong>
    </span>
  );
}
