import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v3";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import { TextField, usePageForm } from "~/components/fields";
import { CsrfInput, ErrorSummary } from "~/components/forms";
import { getDb } from "~/lib/db.server";
import { readForm } from "~/lib/forms/read-form.server";
import { notFound } from "~/lib/http/responses";
import { isLang } from "~/lib/i18n/config";
import { getFixedT } from "~/lib/i18n/i18n.server";
import { useLang } from "~/lib/i18n/use-lang";
import { pageMeta } from "~/lib/meta";
import { JourneyLead } from "~/components/journey-lead";
import { SignInSchema } from "~/modules/accounts/account.schema";
import { journeyReason, withReturn } from "~/modules/accounts/journey";
import { continueJourney } from "~/modules/cases/journey.server";
import { signIn } from "~/modules/accounts/accounts.server";
import { safeRedirect, startSession } from "~/modules/accounts/session.server";
import { linkFor } from "~/modules/notifications/outbox.server";

export const handle = { i18n: ["account"] };
export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data);

export async function loader({ params, request }: LoaderFunctionArgs) {
  if (!isLang(params.lang)) throw notFound();
  const t = await getFixedT(params.lang, "account");
  const redirectTo = new URL(request.url).searchParams.get("redirectTo");
  return { why: journeyReason(redirectTo), meta: { title: t("signIn.title") } };
}

const REASONS = {
  invalid: "account:errors.invalidCredentials",
  locked: "account:errors.locked",
  unverified: "account:errors.unverified",
} as const;

export async function action({ request, params, context }: ActionFunctionArgs) {
  if (!isLang(params.lang)) throw notFound();
  const submission = parseWithZod(await readForm(request), { schema: SignInSchema });
  if (submission.status !== "success") return json(submission.reply({ hideFields: ["password"] }), { status: 400 });
  const { email, password, redirectTo } = submission.value;
  const result = await signIn(await getDb(), { email, password, ip: context.clientIp }, linkFor());
  if (!result.ok)
    return json(submission.reply({ formErrors: [REASONS[result.reason]], hideFields: ["password"] }), { status: 400 });
  const cookie = await startSession(request, result.userId, context.clientIp);
  const next = await continueJourney(await getDb(), result.userId, safeRedirect(redirectTo, params.lang));
  return redirect(next, { status: 303, headers: { "Set-Cookie": cookie } });
}

export default function SignIn() {
  const lastResult = useActionData<typeof action>();
  const { why } = useLoaderData<typeof loader>();
  const { t } = useTranslation("account");
  const lang = useLang();
  const [params] = useSearchParams();
  const back = withReturn(params.get("redirectTo"));
  const { form, fields, errors } = usePageForm<z.input<typeof SignInSchema>>(lastResult);
  return (
    <div className="narrow">
      <ErrorSummary errors={errors.map((e) => (e.fieldId === form.id ? { ...e, fieldId: fields.email.id } : e))} />
      {params.get("reset") === "done" || params.get("deleted") === "1" || params.get("verified") === "1" ? (
        <div className="panel-confirm" role="status">
          <p>
            {t(
              params.get("verified") === "1"
                ? "signIn.verified"
                : params.get("deleted") === "1"
                ? "signIn.deleted"
                : "signIn.resetDone"
            )}
          </p>
        </div>
      ) : null}
      <h1>{t("signIn.title")}</h1>
      <JourneyLead why={why} />
      <Form method="post" {...getFormProps(form)}>
        <CsrfInput />
        <input type="hidden" name="redirectTo" value={params.get("redirectTo") ?? ""} />
        <TextField field={fields.email} label={t("fields.email")} type="email" autoComplete="email" />
        <TextField
          field={fields.password}
          label={t("fields.password")}
          type="password"
          autoComplete="current-password"
        />
        <button type="submit">{t("signIn.submit")}</button>
      </Form>
      <ul className="link-list">
        <li>
          <Link to={`/${lang}/account/forgot-password`}>{t("signIn.forgot")}</Link>
        </li>
        <li>
          <Link to={`/${lang}/account/sign-up${back}`}>{t("signIn.noAccount")}</Link>
        </li>
      </ul>
    </div>
  );
}
