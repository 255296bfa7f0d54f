import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v3";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData, useLoaderData } from "@remix-run/react";
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
import { ResetSchema } from "~/modules/accounts/account.schema";
import { resetPassword } from "~/modules/accounts/accounts.server";
import { isTokenLive } from "~/modules/accounts/tokens.server";

export const handle = { i18n: ["account"] };
export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data);

export async function loader({ params, request }: LoaderFunctionArgs) {
  if (!isLang(params.lang)) throw notFound();
  const token = new URL(request.url).searchParams.get("token") ?? "";
  const live = await isTokenLive(await getDb(), token, "reset-password");
  const t = await getFixedT(params.lang, "account");
  return { token: live ? token : null, meta: { title: live ? t("reset.title") : t("reset.expired") } };
}

const REASONS = {
  token: "account:errors.resetExpired",
  common: "account:errors.passwordCommon",
  email: "account:errors.passwordEmail",
} as const;

export async function action({ request, params }: ActionFunctionArgs) {
  if (!isLang(params.lang)) throw notFound();
  const submission = parseWithZod(await readForm(request), { schema: ResetSchema });
  if (submission.status !== "success") return json(submission.reply({ hideFields: ["password"] }), { status: 400 });
  const result = await resetPassword(await getDb(), submission.value.token, submission.value.password);
  if (!result.ok)
    return json(submission.reply({ fieldErrors: { password: [REASONS[result.reason]] }, hideFields: ["password"] }), {
      status: 400,
    });
  return redirect(`/${params.lang}/account/sign-in?reset=done`, 303);
}

export default function ResetPassword() {
  const { token } = useLoaderData<typeof loader>();
  const lastResult = useActionData<typeof action>();
  const { t } = useTranslation("account");
  const lang = useLang();
  const { form, fields, errors } = usePageForm<z.input<typeof ResetSchema>>(lastResult);
  if (!token) {
    return (
      <div className="narrow">
        <h1>{t("reset.expired")}</h1>
        <p>
          <Link to={`/${lang}/account/forgot-password`}>{t("reset.again")}</Link>
        </p>
      </div>
    );
  }
  return (
    <div className="narrow">
      <ErrorSummary errors={errors} />
      <h1>{t("reset.title")}</h1>
      <p>{t("reset.lead")}</p>
      <Form method="post" {...getFormProps(form)}>
        <CsrfInput />
        <input type="hidden" name="token" value={token} />
        <TextField
          field={fields.password}
          label={t("fields.newPassword")}
          hint={t("fields.newPasswordHint")}
          type="password"
          autoComplete="new-password"
        />
        <button type="submit">{t("reset.submit")}</button>
      </Form>
    </div>
  );
}
