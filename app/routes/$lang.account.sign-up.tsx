import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v3";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData } from "@remix-run/react";
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
import { SignUpSchema } from "~/modules/accounts/account.schema";
import { signUp } from "~/modules/accounts/accounts.server";
import { linkFor } from "~/modules/notifications/outbox.server";

export const handle = { i18n: ["account"] };
export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data);

export async function loader({ params }: LoaderFunctionArgs) {
  if (!isLang(params.lang)) throw notFound();
  const t = await getFixedT(params.lang, "account");
  return { meta: { title: t("signUp.title") } };
}

export async function action({ request, params }: ActionFunctionArgs) {
  if (!isLang(params.lang)) throw notFound();
  const submission = parseWithZod(await readForm(request), { schema: SignUpSchema });
  if (submission.status !== "success") return json(submission.reply({ hideFields: ["password"] }), { status: 400 });
  const result = await signUp(await getDb(), { ...submission.value, lang: params.lang }, linkFor());
  if (!result.ok) {
    const key = result.reason === "common" ? "account:errors.passwordCommon" : "account:errors.passwordEmail";
    return json(submission.reply({ fieldErrors: { password: [key] }, hideFields: ["password"] }), { status: 400 });
  }
  return redirect(`/${params.lang}/account/check-email`, 303);
}

export default function SignUp() {
  const lastResult = useActionData<typeof action>();
  const { t } = useTranslation("account");
  const lang = useLang();
  const { form, fields, errors } = usePageForm<z.input<typeof SignUpSchema>>(lastResult);
  return (
    <div className="narrow">
      <ErrorSummary errors={errors} />
      <h1>{t("signUp.title")}</h1>
      <p className="lead">{t("signUp.lead")}</p>
      <Form method="post" {...getFormProps(form)}>
        <CsrfInput />
        <TextField field={fields.email} label={t("fields.email")} type="email" autoComplete="email" />
        <TextField field={fields.password} label={t("fields.newPassword")} hint={t("fields.newPasswordHint")} type="password" autoComplete="new-password" />
        <section className="consent" aria-labelledby="consent-title">
          <h2 id="consent-title">{t("consent.title")}</h2>
          <p>{t("consent.purpose")}</p>
          <p>{t("consent.rights")}</p>
          <CheckboxField field={fields.consent} label={t("consent.agree")} value="yes" />
        </section>
        <button type="submit">{t("signUp.submit")}</button>
      </Form>
      <p>
        <Link to={`/${lang}/account/sign-in`}>{t("signUp.haveAccount")}</Link>
      </p>
    </div>
  );
}
