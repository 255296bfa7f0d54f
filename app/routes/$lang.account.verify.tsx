import { redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useLoaderData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CsrfInput } from "~/components/forms";
import { JourneyLead } from "~/components/journey-lead";
import { getDb } from "~/lib/db.server";
import { notFound } from "~/lib/http/responses";
import { isLang } from "~/lib/i18n/config";
import { getFixedT } from "~/lib/i18n/i18n.server";
import { useLang } from "~/lib/i18n/use-lang";
import { pageMeta } from "~/lib/meta";
import { requireCsrf } from "~/lib/security/csrf-guard.server";
import { verifyEmail } from "~/modules/accounts/accounts.server";
import { journeyReason, withReturn } from "~/modules/accounts/journey";
import { safeRedirect, startSession } from "~/modules/accounts/session.server";
import { clearSignupProof, hasSignupProof } from "~/modules/accounts/signup-proof.server";
import { isTokenLive } from "~/modules/accounts/tokens.server";
import { continueJourney } from "~/modules/cases/journey.server";

export const handle = { i18n: ["account"] };
export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data);

type State = "confirm" | "done" | "failed";

/** The return path the sign-up carried in the link, if it is a same-site path. */
function nextOf(value: string | null, lang: string): string | null {
  return value && value.length <= 500 && journeyReason(value) ? safeRedirect(value, lang) : null;
}

/**
 * Opening the link only asks: mail scanners and link previews fetch links, and must not use up the single-use token.
 * The button posts it.
 */
export async function loader({ params, request }: LoaderFunctionArgs) {
  if (!isLang(params.lang)) throw notFound();
  const url = new URL(request.url);
  const token = url.searchParams.get("token") ?? "";
  const next = nextOf(url.searchParams.get("next"), params.lang);
  const state: State =
    url.searchParams.get("done") === "1"
      ? "done"
      : (await isTokenLive(await getDb(), token, "verify-email"))
      ? "confirm"
      : "failed";
  const t = await getFixedT(params.lang, "account");
  return {
    state,
    token: state === "confirm" ? token : null,
    next,
    why: journeyReason(next),
    meta: { title: t(`verify.${state}`) },
  };
}

/**
 * Confirms the address. In the browser that signed up (it holds the proof cookie) this also signs the user in and
 * continues where they were going; anywhere else the user signs in with their password, the return path kept.
 */
export async function action({ params, request, context }: ActionFunctionArgs) {
  if (!isLang(params.lang)) throw notFound();
  const formData = await request.formData();
  requireCsrf(request, formData);
  const token = String(formData.get("token") ?? "");
  const next = nextOf(String(formData.get("next") ?? ""), params.lang);
  const db = await getDb();
  const userId = await verifyEmail(db, token);
  if (!userId) return redirect(`/${params.lang}/account/verify?token=`, 303);
  if (!hasSignupProof(request, token)) {
    const back = next ? `&redirectTo=${encodeURIComponent(next)}` : "";
    return redirect(`/${params.lang}/account/sign-in?verified=1${back}`, 303);
  }
  const headers = new Headers({ "Set-Cookie": await startSession(request, userId, context.clientIp) });
  headers.append("Set-Cookie", clearSignupProof());
  const to = await continueJourney(db, userId, next ?? `/${params.lang}/account/cases`);
  return redirect(`${to}${to.includes("?") ? "&" : "?"}welcome=1`, { status: 303, headers });
}

export default function Verify() {
  const { state, token, next, why } = useLoaderData<typeof loader>();
  const { t } = useTranslation("account");
  const lang = useLang();
  return (
    <div className="narrow">
      <h1>{t(`verify.${state}`)}</h1>
      <p>{t(`verify.${state}Body`)}</p>
      <JourneyLead why={why} step="continue" />
      {token ? (
        <Form method="post">
          <CsrfInput />
          <input type="hidden" name="token" value={token} />
          {next ? <input type="hidden" name="next" value={next} /> : null}
          <button type="submit">{t("verify.submit")}</button>
        </Form>
      ) : (
        <p>
          <Link className="button" to={`/${lang}/account/sign-in${withReturn(next)}`}>
            {t("signIn.title")}
          </Link>
        </p>
      )}
    </div>
  );
}
