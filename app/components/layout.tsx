import { NavLink, Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Lang } from "~/lib/i18n/config";
import { LanguageSwitcher } from "./language-switcher";
import { TranslationNotice } from "./translation-notice";

const sections = [
  { key: "pathways", path: "pathways" },
  { key: "eligibility", path: "eligibility" },
  { key: "living", path: "living" },
  { key: "family", path: "family" },
  { key: "consultant", path: "contact" },
] as const;

/** The page shell: skip link, header with the main sections, main landmark and footer. */
export function Layout({ lang, demo = false, children }: { lang: Lang; demo?: boolean; children: React.ReactNode }) {
  const { t } = useTranslation();
  return (
    <>
      <a className="skip-link" href="#main">
        {t("skipLink")}
      </a>
      {demo ? <DemoBanner lang={lang} /> : null}
      <header className="site-header">
        <div className="container header-top">
          <Link to={`/${lang}`} className="brand" aria-label={t("brand.home")}>
            <span className="brand-mark" aria-hidden="true">TT</span>
            <span className="brand-name">{t("brand.name")}</span>
          </Link>
          <div className="header-tools">
            <Link to={`/${lang}/account/cases`} className="account-link">
              {t("nav.account")}
            </Link>
            <LanguageSwitcher lang={lang} />
          </div>
        </div>
        <nav aria-label={t("nav.label")} className="main-nav">
          <ul className="container">
            {sections.map((s) => (
              <li key={s.key}>
                <NavLink to={`/${lang}/${s.path}`}>{t(`nav.${s.key}`)}</NavLink>
              </li>
            ))}
          </ul>
        </nav>
      </header>
      <TranslationNotice lang={lang} />
      <main id="main" tabIndex={-1} className="container">
        {children}
      </main>
      <footer className="site-footer">
        <div className="container">
          <p>{t("footer.about")}</p>
          <p>{t("footer.plan")}</p>
          <p className="muted">{t("footer.disclaimer")}</p>
        </div>
      </footer>
    </>
  );
}

/** Every page of the demo says so, and where its emails go (never shown outside demo mode). */
function DemoBanner({ lang }: { lang: Lang }) {
  const { t } = useTranslation();
  return (
    <aside className="demo-banner" aria-label={t("demo.label")}>
      <p className="container">
        <strong>{t("demo.title")}</strong> {t("demo.body")} <Link to={`/${lang}/dev/mailbox`}>{t("demo.mailbox")}</Link>
      </p>
    </aside>
  );
}
