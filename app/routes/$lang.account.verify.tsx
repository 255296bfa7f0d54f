import type { LoaderFunctionArgs, MetaFunction } from "@remix-run/node";
import { Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getDb } from "~/lib/db.server";
import { notFound } from "~/lib/http/responses";
import { isLang } from "~/lib/i18n/config";
import { getFixedT } from "~/lib/i18n/i18n.server";
import { useLang } from "~/lib/i18n/use-lang";
import { pageMeta } from "~/lib/meta";
import { verifyEmail } from "~/modules/accounts/accounts.server";

export const handle = { i18n: ["account"] };
export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data);

export async function loader({ params, request }: LoaderFunctionArgs) {
  if (!isLang(params.lang)) throw notFound();
  const token = new URL(request.url).searchParams.get("token") ?? "";
  const verified = await verifyEmail(await getDb(), token);
  const t = await getFixedT(params.lang, "account");
  return { verified, meta: { title: verified ? t("verify.done") : t("verify.failed") } };
}

export default function Verify() {
  const { verified } = useLoaderData<typeof loader>();
  const { t } = useTranslation("account");
  const lang = useLang();
  return (
    <div className="narrow">
      <h1>{verified ? t("verify.done") : t("verify.failed")}</h1>
      <p>{verified ? t("verify.doneBody") : t("verify.failedBody")}</p>
      <p>
        <Link className="button" to={`/${lang}/account/sign-in`}>
          {t("signIn.title")}
        </Link>
      </p>
    </div>
  );
}
