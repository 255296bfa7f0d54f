import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v3";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData, useSearchParams } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import { CheckboxField, TextField, usePageForm } from "~/components/fields";
import { CsrfInput, ErrorSummary } from "~/components/forms";
import { getDb } from "~/lib/db.server";
import { readForm } from "~/lib/forms/read-form.server";
import { notFound } from "~/lib/http/responses";
import { isLang } from "~/lib/i18n/config";
import { getFixedT } from "~/lib/i18n/i18n.server";
import { useLang } from "~/lib/i18n/use-lang";
import { pageMeta } from "~/lib/meta";
import { JourneyLead } from "~/components/journey-lead";
import { SignUpSchema } from "~/modules/accounts/account.schema";
import { signUp } from "~/modules/accounts/accounts.server";
import { journeyReason, withReturn } from "~/modules/accounts/journey";
import { safeRedirect } from "~/modules/accounts/session.server";
import { signupProofCookie } from "~/modules/accounts/signup-proof.server";
import { linkFor } from "~/modules/notifications/outbox.server";

export const handle = { i18n: ["account"] };
export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data);

export async function loader({ params, request }: LoaderFunctionArgs) {
  if (!isLang(params.lang)) throw notFound();
  const t = await getFixedT(params.lang, "account");
  const redirectTo = new URL(request.url).searchParams.get("redirectTo");
  return { why: journeyReason(redirectTo), meta: { title: t("signUp.title") } };
}

export async function action({ request, params, context }: ActionFunctionArgs) {
  if (!isLang(params.lang)) throw notFound();
  const submission = parseWithZod(await readForm(request), { schema: SignUpSchema });
  if (submission.status !== "success") return json(submission.reply({ hideFields: ["password"] }), { status: 400 });
  const { redirectTo, ...input } = submission.value;
  const next = redirectTo ? safeRedirect(redirectTo, params.lang) : undefined;
  const result = await signUp(await getDb(), { ...input, lang: params.lang, ip: context.clientIp, next }, linkFor());
  if (!result.ok) {
    const key = result.reason === "common" ? "account:errors.passwordCommon" : "account:errors.passwordEmail";
    return json(submission.reply({ fieldErrors: { password: [key] }, hideFields: ["password"] }), { status: 400 });
  }
  const headers = { "Set-Cookie": signupProofCookie(result.verifyToken) };
  return redirect(`/${params.lang}/account/check-email${withReturn(next)}`, { status: 303, headers });
}

export default function SignUp() {
  const lastResult = useActionData<typeof action>();
  const { why } = useLoaderData<typeof loader>();
  const { t } = useTranslation("account");
  const lang = useLang();
  const [params] = useSearchParams();
  const redirectTo = params.get("redirectTo");
  const { form, fields, errors } = usePageForm<z.input<typeof SignUpSchema>>(lastResult);
  return (
    <div className="narrow">
      <ErrorSummary errors={errors} />
      <h1>{t("signUp.title")}</h1>
      <JourneyLead why={why} />
      <p className="lead">{t("signUp.lead")}</p>
      <Form method="post" {...getFormProps(form)}>
        <CsrfInput />
        {redirectTo ? <input type="hidden" name="redirectTo" value={redirectTo} /> : null}
        <TextField field={fields.email} label={t("fields.email")} type="email" autoComplete="email" />
        <TextField
          field={fields.password}
          label={t("fields.newPassword")}
          hint={t("fields.newPasswordHint")}
          type="password"
          autoComplete="new-password"
        />
        <section className="consent" aria-labelledby="consent-title">
          <h2 id="consent-title">{t("consent.title")}</h2>
          <p>{t("consent.purpose")}</p>
          <p>{t("consent.rights")}</p>
          <CheckboxField field={fields.consent} label={t("consent.agree")} value="yes" />
        </section>
        <button type="submit">{t("signUp.submit")}</button>
      </Form>
      <p>
        <Link to={`/${lang}/account/sign-in${withReturn(redirectTo)}`}>{t("signUp.haveAccount")}</Link>
      </p>
    </div>
  );
}
