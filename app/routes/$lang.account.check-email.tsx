import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { safeRedirectPath } from "~/lib/http/redirect-to";
import { notFound } from "~/lib/http/responses";
import { isLang } from "~/lib/i18n/config";
import { getFixedT } from "~/lib/i18n/i18n.server";
import { useLang } from "~/lib/i18n/use-lang";
import { pageMeta } from "~/lib/meta";
import { JourneyLead } from "~/components/journey-lead";
import { journeyReason, withReturn } from "~/modules/accounts/journey";

export const handle = { i18n: ["account"] };
export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data);

export async function loader({ params, request }: LoaderFunctionArgs) {
  if (!isLang(params.lang)) throw notFound();
  const t = await getFixedT(params.lang, "account");
  const redirectTo = new URL(request.url).searchParams.get("redirectTo");
  return { why: journeyReason(redirectTo), redirectTo: why(redirectTo), meta: { title: t("checkEmail.title") } };
}

/** The return path, kept only when it is a same-site path that names a journey. */
const why = (to: string | null) => (journeyReason(to) ? safeRedirectPath(to, "") || null : null);

export default function CheckEmail() {
  const { why: reason, redirectTo } = useLoaderData<typeof loader>();
  const { t } = useTranslation("account");
  const lang = useLang();
  return (
    <div className="narrow">
      <div className="panel-confirm">
        <h1>{t("checkEmail.title")}</h1>
      </div>
      <p>{t("checkEmail.body")}</p>
      <JourneyLead why={reason} step="continue" />
      <p>{t("checkEmail.spam")}</p>
      <p>
        <Link to={`/${lang}/account/sign-in${withReturn(redirectTo)}`}>{t("checkEmail.signIn")}</Link>
      </p>
    </div>
  );
}
