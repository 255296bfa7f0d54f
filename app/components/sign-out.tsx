import { Form } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { Lang } from "~/lib/i18n/config";
import { CsrfInput } from "./forms";

/** The signed-in line with a sign-out button (a POST form, so it works without JavaScript). */
export function AccountBar({ lang, email }: { lang: Lang; email: string }) {
  const { t } = useTranslation("account");
  return (
    <div className="account-bar">
      <p>{t("bar.signedInAs", { email })}</p>
      <Form method="post" action={`/${lang}/account/sign-out`}>
        <CsrfInput />
        <button type="submit" className="secondary">
          {t("bar.signOut")}
        </button>
      </Form>
    </div>
  );
}
