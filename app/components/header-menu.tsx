import { Link, NavLink } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Lang } from "~/lib/i18n/config";
import { LanguageSwitcher } from "./language-switcher";

export interface MenuLink {
  key: string;
  to: string;
  label: string;
}

/** Links of one navigation landmark; `end` so a parent section is not marked current on its children. */
function NavList({ label, links, className }: { label: string; links: MenuLink[]; className: string }) {
  return (
    <nav aria-label={label} className={className}>
      <ul>
        {links.map((l) => (
          <li key={l.key}>
            <NavLink to={l.to}>{l.label}</NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}

/**
 * A header shared by the public site and the staff workspace. Wide screens show the navigation in a row; phones get
 * one compact bar whose menu is a `<details>` disclosure, so it opens without JavaScript. Only one of the two is
 * displayed at a time (CSS), so assistive technology meets each landmark once.
 */
export function HeaderMenu(props: {
  lang: Lang;
  brandName: string;
  home: string;
  homeLabel: string;
  navLabel: string;
  links: MenuLink[];
  tools: React.ReactNode;
  variant: "public" | "staff";
}) {
  const { t } = useTranslation();
  const { lang, links, navLabel, tools } = props;
  return (
    <header className={`site-header site-header-${props.variant}`}>
      <div className="container header-top">
        <Link to={props.home} className="brand" aria-label={props.homeLabel}>
          <span className="brand-mark" aria-hidden="true">
            TT
          </span>
          <span className="brand-name">{props.brandName}</span>
        </Link>
        <div className="header-tools wide-only">
          {tools}
          <LanguageSwitcher lang={lang} />
        </div>
        <details className="menu phone-only">
          <summary>{t("menu.label")}</summary>
          <div className="menu-panel">
            <NavList label={navLabel} links={links} className="menu-nav" />
            <div className="menu-tools">{tools}</div>
            <LanguageSwitcher lang={lang} />
          </div>
        </details>
      </div>
      <NavList label={navLabel} links={links} className="main-nav wide-only" />
    </header>
  );
}
