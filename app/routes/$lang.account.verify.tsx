import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CsrfInput } from "~/components/forms";
import { getDb } from "~/lib/db.server";
import { notFound } from "~/lib/http/responses";
import { isLang } from "~/lib/i18n/config";
import { getFixedT } from "~/lib/i18n/i18n.server";
import { useLang } from "~/lib/i18n/use-lang";
import { pageMeta } from "~/lib/meta";
import { requireCsrf } from "~/lib/security/csrf-guard.server";
import { verifyEmail } from "~/modules/accounts/accounts.server";
import { isTokenLive } from "~/modules/accounts/tokens.server";

export const handle = { i18n: ["account"] };
export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data);

type State = "confirm" | "done" | "failed";

/**
 * Opening the link only asks: mail scanners and link previews fetch links, and must not use up the single-use token.
 * The button posts it.
 */
export async function loader({ params, request }: LoaderFunctionArgs) {
  if (!isLang(params.lang)) throw notFound();
  const url = new URL(request.url);
  const token = url.searchParams.get("token") ?? "";
  const state: State = url.searchParams.get("done") === "1" ? "done" : (await isTokenLive(await getDb(), token, "verify-email")) ? "confirm" : "failed";
  const t = await getFixedT(params.lang, "account");
  return { state, token: state === "confirm" ? token : null, meta: { title: t(`verify.${state}`) } };
}

export async function action({ params, request }: ActionFunctionArgs) {
  if (!isLang(params.lang)) throw notFound();
  const formData = await request.formData();
  requireCsrf(request, formData);
  const verified = await verifyEmail(await getDb(), String(formData.get("token") ?? ""));
  return redirect(`/${params.lang}/account/verify?${verified ? "done=1" : "token="}`, 303);
}

export default function Verify() {
  const { state, token } = useLoaderData<typeof loader>();
  const { t } = useTranslation("account");
  const lang = useLang();
  return (
    <div className="narrow">
      <h1>{t(`verify.${state}`)}</h1>
      <p>{t(`verify.${state}Body`)}</p>
      {token ? (
        <Form method="post">
          <CsrfInput />
          <input type="hidden" name="token" value={token} />
          <button type="submit">{t("verify.submit")}</button>
        </Form>
      ) : (
        <p>
          <Link className="button" to={`/${lang}/account/sign-in`}>
            {t("signIn.title")}
          </Link>
        </p>
      )}
    </div>
  );
}
