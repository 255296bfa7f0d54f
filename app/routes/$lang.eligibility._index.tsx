import { getFormProps, getInputProps, useForm } from "@conform-to/react";
import { type ActionFunctionArgs, type LoaderFunctionArgs, type MetaFunction, json, redirect } from "@remix-run/node";
import { Form, useActionData } from "@remix-run/react";
import { useTranslation } from "react-i18next";
import { CsrfInput, ErrorSummary, FieldError, summaryFromConform } from "~/components/forms";
import { notFound } from "~/lib/http/responses";
import { isLang } from "~/lib/i18n/config";
import { getFixedT } from "~/lib/i18n/i18n.server";
import { pageMeta } from "~/lib/meta";
import { getDb } from "~/lib/db.server";
import { requireCsrf } from "~/lib/security/csrf-guard.server";
import { createCheck } from "~/modules/eligibility/checks.server";
import { ownerCookie } from "~/modules/eligibility/owner.server";
import { nextFact } from "~/modules/eligibility/eligibility.server";
import { wizardPath } from "~/modules/eligibility/paths";
import { parseStart } from "~/modules/eligibility/wizard.server";
import { todayInTaipei } from "~/lib/i18n/format";

export const handle = { i18n: ["eligibility"], pageCache: true };

export const meta: MetaFunction<typeof loader> = ({ data }) => pageMeta(data);

export async function loader({ params }: LoaderFunctionArgs) {
  if (!isLang(params.lang)) throw notFound();
  const t = await getFixedT(params.lang, "eligibility");
  return { meta: { title: t("meta.start"), description: t("meta.startDescription") } };
}

export async function action({ request, params }: ActionFunctionArgs) {
  if (!isLang(params.lang)) throw notFound();
  const formData = await request.formData();
  requireCsrf(request, formData);
  const submission = parseStart(formData);
  if (submission.status !== "success") return json(submission.reply(), { status: 400 });
  const asOf = submission.value.asOf ?? null;
  const id = await createCheck(await getDb(), { lang: params.lang, asOf });
  const first = nextFact({}, asOf ?? todayInTaipei()) ?? "check";
  return redirect(wizardPath(params.lang, id, first), {
    status: 303,
    headers: { "Set-Cookie": ownerCookie(id, new URL(request.url).protocol === "https:") },
  });
}

export default function EligibilityStart() {
  const { t } = useTranslation("eligibility");
  const lastResult = useActionData<typeof action>();
  const [form, fields] = useForm<{ asOf: string }>({ lastResult, shouldValidate: "onSubmit" });
  const errors = summaryFromConform(form.allErrors, (name) => (name === "asOf" ? fields.asOf.id : form.id));
  return (
    <>
      <ErrorSummary errors={errors} />
      <h1>{t("start.title")}</h1>
      <p className="lead">{t("start.lead")}</p>
      <ul>
        {(["time", "privacy", "guidance"] as const).map((k) => (
          <li key={k}>{t(`start.points.${k}`)}</li>
        ))}
      </ul>
      <Form method="post" {...getFormProps(form)}>
        <CsrfInput />
        <button type="submit">{t("start.button")}</button>
        <details className="advanced" open={Boolean(fields.asOf.errors)}>
          <summary>{t("start.advanced")}</summary>
          <div className="field">
            <label htmlFor={fields.asOf.id}>{t("start.asOf")}</label>
            <p className="hint" id={`${fields.asOf.id}-hint`}>
              {t("start.asOfHint")}
            </p>
            <FieldError id={fields.asOf.errorId} messageKey={fields.asOf.errors?.[0]} />
            <input
              {...getInputProps(fields.asOf, { type: "text" })}
              inputMode="numeric"
              autoComplete="off"
              size={12}
              aria-describedby={`${fields.asOf.id}-hint${fields.asOf.errors ? ` ${fields.asOf.errorId}` : ""}`}
            />
          </div>
          <button type="submit" className="secondary">
            {t("start.buttonWithDate")}
          </button>
        </details>
      </Form>
    </>
  );
}
