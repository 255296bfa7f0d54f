import { getFormProps } from "@conform-to/react";
import { parseWithZod } from "@conform-to/zod/v3";
import { json, redirect, type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction } from "@remix-run/node";
import { Form, Link, useActionData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { z } from "zod";
import { TextField, usePageForm } from "~/components/fields";
import { CsrfInput, ErrorSummary } from "~/components/forms";
import { getDb } from "~/lib/db.server";
import { readForm } from "~/lib/forms/read-form.server";
import { notFound } from "~/lib/http/responses";
import { isLang } from "~/lib/i18n/config";
import { getFixedT } from "~/lib/i18n/i18n.server";
import { useLang } from "~/lib/i18n/use-lang";
import { pageMeta } from "~/lib/meta";
import { deleteAccount } from "~/modules/accounts/privacy.server";
import { endSession, requireUser } from "~/modules/accounts/session.server";

export const handle = { i18n: ["account"] };
export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data);

const DeleteSchema = z.object({ password: z.string({ required_error: "account:errors.passwordRequired" }).max(200) });

export async function loader({ params, request }: LoaderFunctionArgs) {
  if (!isLang(params.lang)) throw notFound();
  await requireUser(request);
  const t = await getFixedT(params.lang, "account");
  return { meta: { title: t("privacy.title") } };
}

export async function action({ params, request }: ActionFunctionArgs) {
  if (!isLang(params.lang)) throw notFound();
  const user = await requireUser(request);
  const submission = parseWithZod(await readForm(request), { schema: DeleteSchema });
  if (submission.status !== "success") return json(submission.reply({ hideFields: ["password"] }), { status: 400 });
  const deleted = await deleteAccount(await getDb(), user.id, submission.value.password);
  if (!deleted)
    return json(
      submission.reply({ fieldErrors: { password: ["account:errors.passwordWrong"] }, hideFields: ["password"] }),
      { status: 400 }
    );
  return redirect(`/${params.lang}/account/sign-in?deleted=1`, {
    status: 303,
    headers: { "Set-Cookie": await endSession(request) },
  });
}

export default function Privacy() {
  const lastResult = useActionData<typeof action>();
  const { t } = useTranslation("account");
  const lang = useLang();
  const { form, fields, errors } = usePageForm<z.input<typeof DeleteSchema>>(lastResult);
  return (
    <div className="narrow">
      <ErrorSummary errors={errors} />
      <h1>{t("privacy.title")}</h1>
      <p>{t("consent.purpose")}</p>
      <h2>{t("privacy.exportTitle")}</h2>
      <p>{t("privacy.exportBody")}</p>
      <p>
        <a className="button button-secondary" href={`/${lang}/account/privacy/export`} download>
          {t("privacy.exportButton")}
        </a>
      </p>
      <h2>{t("privacy.deleteTitle")}</h2>
      <p>{t("privacy.deleteBody")}</p>
      <Form method="post" {...getFormProps(form)}>
        <CsrfInput />
        <TextField
          field={fields.password}
          label={t("privacy.confirmPassword")}
          type="password"
          autoComplete="current-password"
        />
        <button type="submit" className="warning">
          {t("privacy.deleteButton")}
        </button>
      </Form>
      <p>
        <Link to={`/${lang}/account/cases`}>{t("privacy.back")}</Link>
      </p>
    </div>
  );
}
