import { useTranslation } from "react-i18next";
import type { Lang } from "~/lib/i18n/config";
import { formatDate } from "~/lib/i18n/format";
import type { PathwayInfoResolved } from "~/modules/cases/pathway-content.schema";

type Source = PathwayInfoResolved["stageSources"][number];

/** Links to the sources a fact comes from, with the review date. */
export function SourceLinks({ lang, sources, reviewed }: { lang: Lang; sources: Source[]; reviewed: string }) {
  const { t } = useTranslation("cases");
  return (
    <p className="source-note">
      {t("sources.label")}:{" "}
      {sources.map((s, i) => (
        <span key={s.id}>
          {i > 0 ? "; " : null}
          <a href={s.url} rel="noreferrer">
            {s.publisher}
          </a>
        </span>
      ))}
      . {t("sources.reviewed", { date: formatDate(lang, reviewed) })}
    </p>
  );
}
