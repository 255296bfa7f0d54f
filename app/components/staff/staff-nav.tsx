import { NavLink } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Lang } from "~/lib/i18n/config";

const consultantLinks = ["inbox", "security"] as const;
const supervisorLinks = ["inbox", "dashboard", "audit", "canned", "team", "settings", "security"] as const;

/** The staff workspace's own navigation (supervisors see the management pages). */
export function StaffNav({ lang, role }: { lang: Lang; role: string }) {
  const { t } = useTranslation("staff");
  const links = role === "supervisor" ? supervisorLinks : consultantLinks;
  return (
    <nav aria-label={t("nav.label")} className="staff-nav">
      <ul>
        {links.map((key) => (
          <li key={key}>
            <NavLink to={`/${lang}/staff/${key}`}>{t(key === "settings" || key === "security" ? `${key}.nav` : `nav.${key}`)}</NavLink>
          </li>
        ))}
      </ul>
    </nav>
  );
}
