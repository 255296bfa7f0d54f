import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { notFound } from "~/lib/http/responses";
import { isLang } from "~/lib/i18n/config";
import { getFixedT } from "~/lib/i18n/i18n.server";
import { useLang } from "~/lib/i18n/use-lang";
import { pageMeta } from "~/lib/meta";

export const handle = { i18n: ["account"] };
export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data);

export async function loader({ params }: LoaderFunctionArgs) {
  if (!isLang(params.lang)) throw notFound();
  const t = await getFixedT(params.lang, "account");
  return { meta: { title: t("checkEmail.title") } };
}

export default function CheckEmail() {
  const { t } = useTranslation("account");
  const lang = useLang();
  return (
    <div className="narrow">
      <div className="panel-confirm">
        <h1>{t("checkEmail.title")}</h1>
      </div>
      <p>{t("checkEmail.body")}</p>
      <p>{t("checkEmail.spam")}</p>
      <p>
        <Link to={`/${lang}/account/sign-in`}>{t("checkEmail.signIn")}</Link>
      </p>
    </div>
  );
}
