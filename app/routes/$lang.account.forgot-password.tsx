import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v3";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import type { z } from "zod";
import { TextField, usePageForm } from "~/components/fields";
import { CsrfInput, ErrorSummary } from "~/components/forms";
import { getDb } from "~/lib/db.server";
import { readForm } from "~/lib/forms/read-form.server";
import { notFound } from "~/lib/http/responses";
import { isLang } from "~/lib/i18n/config";
import { getFixedT } from "~/lib/i18n/i18n.server";
import { pageMeta } from "~/lib/meta";
import { ForgotSchema } from "~/modules/accounts/account.schema";
import { requestPasswordReset } from "~/modules/accounts/accounts.server";
import { linkFor } from "~/modules/notifications/outbox.server";

export const handle = { i18n: ["account"] };
export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data);

export async function loader({ params }: LoaderFunctionArgs) {
  if (!isLang(params.lang)) throw notFound();
  const t = await getFixedT(params.lang, "account");
  return { meta: { title: t("forgot.title") } };
}

export async function action({ request, params }: ActionFunctionArgs) {
  if (!isLang(params.lang)) throw notFound();
  const submission = parseWithZod(await readForm(request), { schema: ForgotSchema });
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  await requestPasswordReset(await getDb(), submission.value.email, linkFor());
  return redirect(`/${params.lang}/account/check-email`, 303);
}

export default function ForgotPassword() {
  const lastResult = useActionData<typeof action>();
  const { t } = useTranslation("account");
  const { form, fields, errors } = usePageForm<z.input<typeof ForgotSchema>>(lastResult);
  return (
    <div className="narrow">
      <ErrorSummary errors={errors} />
      <h1>{t("forgot.title")}</h1>
      <p>{t("forgot.lead")}</p>
      <Form method="post" {...getFormProps(form)}>
        <CsrfInput />
        <TextField field={fields.email} label={t("fields.email")} type="email" autoComplete="email" />
        <button type="submit">{t("forgot.submit")}</button>
      </Form>
    </div>
  );
}
