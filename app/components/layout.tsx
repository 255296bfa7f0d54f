import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Lang } from "~/lib/i18n/config";
import { HeaderMenu } from "./header-menu";
import { TranslationNotice } from "./translation-notice";

const sections = [
  { key: "pathways", path: "pathways" },
  { key: "eligibility", path: "eligibility" },
  { key: "living", path: "living" },
  { key: "family", path: "family" },
  { key: "consultant", path: "contact" },
] as const;

/** The pages every footer links to: content/guides/<slug>/<lng>.md, except contact (offices as data). */
export const footerPages = ["privacy", "accessibility", "contact"] as const;

/** The page shell: skip link, compact header with the main sections, main landmark and footer. */
export function Layout({ lang, demo = false, children }: { lang: Lang; demo?: boolean; children: React.ReactNode }) {
  const { t } = useTranslation();
  const links = sections.map((s) => ({ key: s.key, to: `/${lang}/${s.path}`, label: t(`nav.${s.key}`) }));
  return (
    <>
      <a className="skip-link" href="#main">
        {t("skipLink")}
      </a>
      {demo ? <DemoBanner lang={lang} /> : null}
      <HeaderMenu
        variant="public"
        lang={lang}
        brandName={t("brand.name")}
        home={`/${lang}`}
        homeLabel={t("brand.home")}
        navLabel={t("nav.label")}
        links={links}
        tools={
          <Link to={`/${lang}/account/cases`} className="account-link">
            {t("nav.account")}
          </Link>
        }
      />
      <TranslationNotice lang={lang} />
      <main id="main" tabIndex={-1} className="container">
        {children}
      </main>
      <SiteFooter lang={lang} />
    </>
  );
}

function SiteFooter({ lang }: { lang: Lang }) {
  const { t } = useTranslation();
  return (
    <footer className="site-footer">
      <div className="container">
        <nav aria-label={t("footer.label")}>
          <ul className="footer-links">
            {footerPages.map((p) => (
              <li key={p}>
                <Link to={`/${lang}/${p}`}>{t(`footer.${p}`)}</Link>
              </li>
            ))}
          </ul>
        </nav>
        <p>{t("footer.about")}</p>
        <p>{t("footer.plan")}</p>
        <p className="muted">{t("footer.disclaimer")}</p>
      </div>
    </footer>
  );
}

/** Every page of the demo says so, and where its emails go (never shown outside demo mode). */
export function DemoBanner({ lang }: { lang: Lang }) {
  const { t } = useTranslation();
  return (
    <aside className="demo-banner" aria-label={t("demo.label")}>
      <p className="container">
        <strong>{t("demo.title")}</strong> {t("demo.body")} <Link to={`/${lang}/dev/mailbox`}>{t("demo.mailbox")}</Link>
      </p>
    </aside>
  );
}
