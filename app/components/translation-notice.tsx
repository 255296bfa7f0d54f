import { useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { localeInfo, officialLang, type Lang } from "~/lib/i18n/config";
import { formatDate } from "~/lib/i18n/format";
import { switchLangPath } from "~/lib/i18n/use-lang";

/** On every translated page: the official Chinese text prevails, where to read it, and when the translation was reviewed. */
export function TranslationNotice({ lang }: { lang: Lang }) {
  const { t } = useTranslation();
  const location = useLocation();
  const { reviewedOn } = localeInfo(lang);
  if (lang === officialLang || !reviewedOn) return null;
  const official = localeInfo(officialLang);
  return (
    <aside className="translation-notice" aria-label={t("translation.label")}>
      <div className="container">
        <p>
          {t("translation.prevails")}{" "}
          <a
            href={switchLangPath(location.pathname, location.search, officialLang)}
            hrefLang={officialLang}
            lang={officialLang}
          >
            {t("translation.readOfficial", { language: official.nativeName })}
          </a>{" "}
          <span className="translation-reviewed">
            {t("translation.reviewed", { date: formatDate(lang, reviewedOn) })}
          </span>
        </p>
      </div>
    </aside>
  );
}
