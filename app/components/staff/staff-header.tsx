import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Lang } from "~/lib/i18n/config";
import { CsrfInput } from "../forms";
import { HeaderMenu } from "../header-menu";

const consultantLinks = ["inbox", "directories", "security"] as const;
const supervisorLinks = [
  "inbox",
  "dashboard",
  "directories",
  "audit",
  "canned",
  "team",
  "settings",
  "security",
] as const;
type LinkKey = (typeof supervisorLinks)[number];

const paths: Partial<Record<LinkKey, string>> = { directories: "directories/banks" };
const labelKey = (key: LinkKey) => (key === "settings" || key === "security" ? `${key}.nav` : `nav.${key}`);

/** The workspace header: no public sections and no translation banner; staff links by role, sign-out, languages. */
export function StaffHeader({ lang, role }: { lang: Lang; role: string | null }) {
  const { t } = useTranslation("staff");
  const keys = role === "supervisor" ? supervisorLinks : role ? consultantLinks : [];
  const links = keys.map((key) => ({ key, to: `/${lang}/staff/${paths[key] ?? key}`, label: t(labelKey(key)) }));
  const signOut = role ? (
    <Form method="post" action={`/${lang}/account/sign-out`} className="sign-out">
      <CsrfInput />
      <input type="hidden" name="redirectTo" value={`/${lang}/staff/sign-in`} />
      <button type="submit" className="link-button">
        {t("nav.signOut")}
      </button>
    </Form>
  ) : null;
  return (
    <HeaderMenu
      variant="staff"
      lang={lang}
      brandName={t("nav.brand")}
      home={role ? `/${lang}/staff/inbox` : `/${lang}/staff/sign-in`}
      homeLabel={t("nav.brand")}
      navLabel={t("nav.label")}
      links={links}
      tools={signOut}
    />
  );
}
