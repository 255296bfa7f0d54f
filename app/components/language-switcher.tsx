import { useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { locales, type Lang } from "~/lib/i18n/config";
import { switchLangPath } from "~/lib/i18n/use-lang";

/** Plain links to the same page in each language: works without JavaScript. */
export function LanguageSwitcher({ lang }: { lang: Lang }) {
  const { t } = useTranslation();
  const location = useLocation();
  return (
    <nav aria-label={t("switcher.label")} className="lang-switcher">
      <ul>
        {locales.map((l) => (
          <li key={l.code}>
            {l.code === lang ? (
              <span aria-current="true" lang={l.code}>
                {l.nativeName}
              </span>
            ) : (
              <a href={switchLangPath(location.pathname, location.search, l.code)} hrefLang={l.code} lang={l.code}>
                {l.nativeName}
              </a>
            )}
          </li>
        ))}
      </ul>
    </nav>
  );
}
