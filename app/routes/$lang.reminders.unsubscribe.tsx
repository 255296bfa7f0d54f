import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useLocation } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { getDb } from "~/lib/db.server";
import { notFound } from "~/lib/http/responses";
import { isLang } from "~/lib/i18n/config";
import { getFixedT } from "~/lib/i18n/i18n.server";
import { useLang } from "~/lib/i18n/use-lang";
import { pageMeta } from "~/lib/meta";
import { documentLabel } from "~/modules/reminders/document-kinds";
import { unsubscribe, unsubscribeTarget } from "~/modules/reminders/unsubscribe.server";

export const handle = { i18n: ["reminders"] };
export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data);

const STATUS = { live: 200, done: 200, used: 410, unknown: 404 } as const;
const TITLE = { live: "title", done: "doneTitle", used: "usedTitle", unknown: "unknownTitle" } as const;

/** Opening the link only asks (mail scanners open links); the button, or an RFC 8058 one-click POST, unsubscribes. */
export async function loader({ params, request }: LoaderFunctionArgs) {
  if (!isLang(params.lang)) throw notFound();
  const url = new URL(request.url);
  const t = await getFixedT(params.lang, "reminders");
  const target =
    url.searchParams.get("done") === "1"
      ? { state: "done" as const }
      : await unsubscribeTarget(await getDb(), url.searchParams.get("token") ?? "");
  const document = "kind" in target && target.kind ? documentLabel(t, target.kind, target.holderName ?? null) : null;
  const state = target.state;
  return json(
    { state, document, meta: { title: t(`unsubscribe.${TITLE[state]}`) } },
    { status: STATUS[state], headers: { "Cache-Control": "no-store" } }
  );
}

/**
 * No session and no CSRF token: the unguessable single-use token in the link is the credential, and mail providers
 * post here without cookies (RFC 8058). A used or unknown token changes nothing.
 */
export async function action({ params, request }: ActionFunctionArgs) {
  if (!isLang(params.lang)) throw notFound();
  const result = await unsubscribe(await getDb(), new URL(request.url).searchParams.get("token") ?? "");
  if (result.ok) return redirect(`/${params.lang}/reminders/unsubscribe?done=1`, 303);
  return json({ state: result.reason }, { status: STATUS[result.reason] });
}

export default function Unsubscribe() {
  const data = useLoaderData<typeof loader>();
  const refused = useActionData<typeof action>();
  const { t } = useTranslation("reminders");
  const lang = useLang();
  const location = useLocation();
  const state = refused?.state ?? data.state;
  return (
    <div className="narrow">
      <h1>{t(`unsubscribe.${TITLE[state]}`)}</h1>
      {state === "live" ? (
        <>
          <p>{t("unsubscribe.confirm", { document: data.document })}</p>
          <Form method="post" action={`${location.pathname}${location.search}`} replace>
            <button type="submit">{t("unsubscribe.button")}</button>
          </Form>
        </>
      ) : (
        <p>{t(`unsubscribe.${state}`)}</p>
      )}
      <p>
        <Link to={`/${lang}/account/reminders`}>{t("list.title")}</Link>
      </p>
    </div>
  );
}
